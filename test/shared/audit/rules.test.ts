/**
 * Every rule of spec §3.1–3.2 on the real yn-2020 pack and rules.json: it holds on a balanced report
 * and fails on one where one thing is wrong. Identities the engine keeps by construction (totals it
 * computes) fail only where a source states other totals — an imported workbook — so those cases
 * give the audit the stated totals.
 */
import { describe, expect, it } from 'vitest';
import { cellKey, type CellKey } from '../../../shared/api/contract';
import { AuditEngine } from '../../../shared/audit/auditEngine';
import { ReportEngine } from '../../../shared/engine/reportEngine';
import { catalogueOf, type Pack } from '../../../shared/pack/model';
import { audited, balancedData, edit, failing, ITEM_CODE, realPack, realRules, yuan, type Audited } from './auditFixtures';

const SPEC_IDS = [
  'T01-1', 'T01-2', 'T01-3', 'T01-4', 'T01-5', 'T02-1', 'T02-2', 'T03-1', 'T03-2', 'T04-1', 'T04-2', 'T04-3', 'T04-4',
  'T05-1', 'T05-2', 'T05-3', 'T06-1', 'T06-2', 'T06-3', 'T07-1', 'T07-2', 'T07-3', 'T08-1', 'T08-2', 'T08-3',
  'T09-1', 'T09-2', 'T09-3', 'T09-4', 'T10-1', 'T10-2', 'G-1', 'G-2', 'G-3',
  'X-1', 'X-2', 'X-3', 'X-4', 'X-5', 'X-6', 'X-7', 'X-8', 'X-9', 'X-10', 'X-11', 'X-12', 'X-13',
];

type Breaker = (a: Audited) => void;

const stated = (entries: [string, string, string, number][]) => (a: Audited) =>
  a.audit.setStated(new Map<CellKey, number>(entries.map(([t, r, c, v]) => [cellKey(t, r, c), v])));
const change = (table: string, row: string, col: string, value: number): Breaker => (a) => edit(a, table, row, col, value);
const add = (table: string, codes: string[]): Breaker => (a) => {
  a.engine.addRows(table, codes);
  a.audit.rowsChanged();
};

/** One way to break each rule, and a word of the message it must produce. */
const BREAK: Record<string, { how: Breaker[]; says: string }> = {
  'T01-1': { how: [stated([['T01', 'ISUM', 'c1', yuan('1009999.99')]])], says: '本年收入合计 1,009,999.99 ≠ 一至八项收入之和 1,010,000.00，差 0.01' },
  'T01-2': { how: [stated([['T01', 'ITOT', 'c1', yuan('1000000')]])], says: '收入总计 1,000,000.00' },
  'T01-3': { how: [stated([['T01', 'ESUM', 'c2', yuan('1')]])], says: '各类支出之和 1,010,000.00' },
  'T01-4': { how: [stated([['T01', 'ETOT', 'c2', yuan('1')]])], says: '支出总计 1.00' },
  'T01-5': { how: [change('T01', 'EEND', 'c2', yuan('59999.95'))], says: '收入支出决算总表：收入总计 1,070,000.00 ≠ 支出总计 1,069,999.95，差 0.05' },
  'T02-1': { how: [stated([['T02', ITEM_CODE, 'c1', yuan('5')]])], says: '收入决算表：“2010301 行政运行”本年收入合计 5.00' },
  'T02-2': { how: [stated([['T02', '20103', 'c2', yuan('5')]])], says: '“20103 政府办公厅（室）及相关机构事务”财政拨款收入 5.00 ≠ 其下级科目财政拨款收入之和 1,000,000.00' },
  'T03-1': { how: [stated([['T03', ITEM_CODE, 'c1', yuan('5')]])], says: '支出决算表：“2010301 行政运行”本年支出合计 5.00' },
  'T03-2': { how: [stated([['T03', 'TOTAL', 'c3', yuan('5')]])], says: '“合计”项目支出 5.00' },
  'T04-1': { how: [stated([['T04', '201', 'c2', yuan('5')]])], says: '支出“201 一般公共服务支出”合计 5.00' },
  'T04-2': { how: [stated([['T04', 'IBEG', 'c1', yuan('5')]])], says: '年初财政拨款结转和结余 5.00 ≠ 其三类财政拨款之和 50,000.00' },
  'T04-3': { how: [change('T04', 'EEND', 'c3', yuan('40000'))], says: '财政拨款收入支出决算总表：收入总计 1,050,000.00 ≠ 支出总计 1,040,000.00，差 10,000.00' },
  'T04-4': { how: [change('T04', 'EEND', 'c3', yuan('40000'))], says: '一般公共预算财政拨款年末结转和结余 40,000.00 ≠ 年初结转和结余加本年收入减本年支出 50,000.00' },
  'T05-1': { how: [stated([['T05', ITEM_CODE, 'c3', yuan('5')]])], says: '“2010301 行政运行”本年支出小计 5.00' },
  'T05-2': { how: [stated([['T05', '201', 'c6', yuan('5')]])], says: '“201 一般公共服务支出”年末结转和结余 5.00' },
  'T05-3': { how: [change('T05', ITEM_CODE, 'c6', yuan('40000'))], says: '“2010301 行政运行”年末结转和结余 40,000.00 ≠ 年初结转和结余加本年收入减本年支出 50,000.00，差 10,000.00' },
  'T06-1': { how: [stated([['T06', '302', 'c1', yuan('5')]])], says: '公用经费“302 商品和服务支出” 5.00 ≠ 其下级科目之和' },
  'T06-2': { how: [stated([['T06', 'PSUM', 'c1', yuan('5')]])], says: '人员经费合计 5.00 ≠ 工资福利支出与对个人和家庭的补助之和 600,000.00' },
  'T06-3': { how: [stated([['T06', 'GSUM', 'c1', yuan('5')]])], says: '公用经费合计 5.00' },
  'T07-1': { how: [add('T07', [ITEM_CODE]), stated([['T07', ITEM_CODE, 'c3', yuan('5')]])], says: '政府性基金预算财政拨款收入支出决算表：“2010301 行政运行”本年支出小计 5.00' },
  'T07-2': { how: [add('T07', [ITEM_CODE]), stated([['T07', 'TOTAL', 'c1', yuan('5')]])], says: '“合计”年初结转和结余 5.00' },
  'T07-3': { how: [add('T07', [ITEM_CODE]), change('T07', ITEM_CODE, 'c6', yuan('3'))], says: '“2010301 行政运行”年末结转和结余 3.00 ≠ 年初结转和结余加本年收入减本年支出 0.00' },
  'T08-1': { how: [add('T08', [ITEM_CODE]), stated([['T08', ITEM_CODE, 'c3', yuan('5')]])], says: '国有资本经营预算财政拨款收入支出决算表：“2010301 行政运行”本年支出小计 5.00' },
  'T08-2': { how: [add('T08', [ITEM_CODE]), stated([['T08', 'TOTAL', 'c2', yuan('5')]])], says: '“合计”本年收入 5.00' },
  'T08-3': { how: [add('T08', [ITEM_CODE]), change('T08', ITEM_CODE, 'c2', yuan('3'))], says: '年初结转和结余加本年收入减本年支出 3.00' },
  'T09-1': { how: [stated([['T09', 'SG', 'c2', yuan('5')]])], says: '“三公”经费支出决算数 5.00 ≠ 三项经费决算数之和 55,000.00' },
  'T09-2': { how: [stated([['T09', 'SGCAR', 'c1', yuan('5')]])], says: '公务用车购置及运行维护费预算数 5.00' },
  'T09-3': { how: [change('T09', 'NFABAT', 'c2', 4)], says: '外事接待批次 4 > 国内公务接待批次 3，差 1' },
  'T09-4': { how: [change('T09', 'SGABR', 'c2', yuan('12000'))], says: '因公出国（境）费决算数为 12,000.00 元，但因公出国（境）团组数为 0个' },
  'T10-1': { how: [stated([['T10', 'TOTAL', 'c1', yuan('5')]])], says: '国有资产占有使用情况表：资产总额 5.00' },
  'T10-2': { how: [stated([['T10', 'TOTAL', 'c3', yuan('5')]])], says: '固定资产小计 5.00 ≠ 房屋构筑物、车辆、大型设备和其他固定资产之和 800,000.00' },
  'G-2': { how: [change('T01', 'INFB', 'c1', yuan('-3'))], says: '收入支出决算总表：收入“使用非财政拨款结余”为负数 -3.00' },
  'X-1': { how: [change('T02', ITEM_CODE, 'c2', yuan('1000001'))], says: '本年收入合计 1,010,000.00 ≠ 收入决算表合计行本年收入合计 1,010,001.00，差 1.00' },
  'X-2': { how: [stated([['T04', 'ISUM', 'c1', yuan('5')]])], says: '一至三项财政拨款收入之和 1,000,000.00 ≠ 财政拨款收入支出决算总表本年收入合计 5.00' },
  'X-3': { how: [stated([['T01', 'I08', 'c1', yuan('5')]])], says: '其他收入 5.00 ≠ 收入决算表合计行其他收入 10,000.00' },
  'X-4': { how: [stated([['T01', '201', 'c2', yuan('5')]])], says: '收入支出决算总表：支出“201 一般公共服务支出” 5.00 ≠ 支出决算表“201 一般公共服务支出”本年支出合计 1,010,000.00' },
  'X-5': { how: [stated([['T04', '201', 'c3', yuan('5')]])], says: '支出“201 一般公共服务支出”一般公共预算财政拨款 5.00' },
  'X-6': { how: [change('T04', 'IBEG1', 'c1', yuan('40000'))], says: '年初一般公共预算财政拨款结转和结余 40,000.00 ≠ 一般公共预算财政拨款收入支出决算表合计行年初结转和结余 50,000.00' },
  'X-7': { how: [change('T04', 'I02', 'c1', yuan('7'))], says: '政府性基金预算财政拨款收入 7.00 ≠ 政府性基金预算财政拨款收入支出决算表合计行本年收入 0.00' },
  'X-8': { how: [change('T06', '30101', 'c1', yuan('499999'))], says: '一般公共预算财政拨款收入支出决算表：合计行基本支出 800,000.00 ≠ 一般公共预算财政拨款基本支出决算表人员经费合计与公用经费合计之和 799,999.00，差 1.00' },
  'X-9': { how: [change('T05', ITEM_CODE, 'c5', yuan('210001'))], says: '“2010301 行政运行”项目支出 210,001.00 > 支出决算表“2010301 行政运行”项目支出 210,000.00，差 1.00' },
  'X-10': { how: [change('T01', 'IBEG', 'c1', yuan('40000'))], says: '年初财政拨款结转和结余 50,000.00 > 收入支出决算总表年初结转和结余 40,000.00' },
  'X-11': { how: [change('T06', '30231', 'c1', yuan('30001'))], says: '公务用车运行维护费决算数 30,000.00 < 基本支出决算表“30231 公务用车运行维护费” 30,001.00，差 1.00' },
  'X-12': { how: [change('T09', 'OPEX', 'c2', yuan('199999'))], says: '机关运行经费 199,999.00 ≠ 一般公共预算财政拨款基本支出决算表公用经费合计 200,000.00，差 1.00' },
};

describe('rules.json of yn-2020', () => {
  it('has every rule of spec §3.1–3.2, in order, and loads against the pack', async () => {
    const rules = await realRules();
    expect(rules.rules.map((r) => r.def.id)).toEqual(SPEC_IDS);
  });

  it('every rule holds on the balanced report', async () => {
    const a = await audited();
    expect(a.audit.results()).toEqual([]);
    expect(a.audit.notEvaluated()).toEqual(['X-13']);
  });

  for (const [ruleId, { how, says }] of Object.entries(BREAK)) {
    it(`${ruleId} fails with a readable message`, async () => {
      const a = await audited();
      for (const step of how) step(a);
      const results = failing(a, ruleId);
      expect(results.length).toBeGreaterThan(0);
      expect(results.map((r) => r.message).join('\n')).toContain(says);
      for (const r of results) {
        expect(r.message).not.toMatch(/\bc\d+\b|T\d\d[.[]/);
        expect(r.focus).not.toBeNull();
      }
    });
  }

  it('G-1 fails when a printed 科目 name differs from the catalogue', async () => {
    const real = await realPack();
    const pack: Pack = structuredClone(real);
    const t01 = pack.tables.find((t) => t.id === 'T01');
    const side = t01?.sides[1]?.rows[0];
    if (side?.type !== 'fixed') throw new Error('T01 expense side changed');
    const row = side.rows.find((r) => r.id === '215');
    if (!row) throw new Error('no 215');
    row.label = '资源勘探信息等支出';
    const a = await audited(balancedData(), { pack });
    expect(failing(a, 'G-1').map((r) => r.message)).toEqual([
      '收入支出决算总表：科目“215”的名称“资源勘探信息等支出”与支出功能分类科目中的“资源勘探工业信息等支出”不一致',
    ]);
    expect(failing(await audited(), 'G-1')).toEqual([]);
  });

  it('G-3 fails for a 类 row with no 款 below it', async () => {
    const real = await realPack();
    const pack: Pack = structuredClone(real);
    catalogueOf(pack, 'econ').entries = catalogueOf(pack, 'econ').entries.filter((e) => e.parent !== '303');
    const data = balancedData();
    delete data.inputs[cellKey('T06', '30302', 'c1')];
    const a = await audited(data, { pack });
    expect(failing(a, 'G-3').map((r) => r.message)).toEqual([
      '一般公共预算财政拨款基本支出决算表：类级科目“303 对个人和家庭的补助”下没有款级科目，数据应填在最明细一级',
    ]);
  });

  it('X-12 for other 事业单位 is ≤, not =', async () => {
    const a = await audited(balancedData(), { unitKind: '其他事业单位' });
    edit(a, 'T09', 'OPEX', 'c2', yuan('100000'));
    expect(failing(a, 'X-12')).toEqual([]);
    edit(a, 'T09', 'OPEX', 'c2', yuan('200001'));
    expect(failing(a, 'X-12').map((r) => r.message)).toEqual([
      '“三公”经费、行政参公单位机关运行经费情况表：机关运行经费 200,001.00 > 一般公共预算财政拨款基本支出决算表公用经费合计 200,000.00，差 1.00',
    ]);
  });

  it('X-13 compares 年初 with last year’s 年末, and is skipped without last year', async () => {
    const pack = await realPack();
    const last = balancedData();
    last.inputs[cellKey('T01', 'EEND', 'c2')] = yuan('60000');
    const previous = new ReportEngine(pack, last);
    const a = await audited(balancedData(), { previous });
    expect(failing(a, 'X-13')).toEqual([]);
    expect(a.audit.notEvaluated()).toEqual([]);
    previous.setInputs([{ table: 'T01', row: 'EEND', col: 'c2', value: yuan('65000') }]);
    a.audit.reevaluate();
    const [r] = failing(a, 'X-13');
    expect(r?.message).toBe('收入支出决算总表：年初结转和结余 60,000.00 ≠ 上年年末结转和结余 65,000.00，差 5,000.00');
    expect(r?.level).toBe('提示');
    expect(r?.right.cells).toEqual([]);
  });

  it('spec §7: 机关运行经费 equal to the whole 基本支出 (S000) fails X-12', async () => {
    const a = await audited();
    const basic = a.engine.value('T05', 'TOTAL', 'c4') ?? 0;
    edit(a, 'T09', 'OPEX', 'c2', basic);
    const [r] = failing(a, 'X-12');
    expect(r?.message).toBe(
      '“三公”经费、行政参公单位机关运行经费情况表：机关运行经费 800,000.00 ≠ 一般公共预算财政拨款基本支出决算表公用经费合计 200,000.00，差 600,000.00',
    );
    expect(r?.left.cells).toEqual(['T09:OPEX:c2']);
    expect(r?.right.cells).toEqual(['T06:GSUM:c1']);
  });

  it('spec §7: a 万元 rounding difference is a 提示 marked 尾差, a larger one stays 强制', async () => {
    const texts = { 'meta.sourceUnit': '万元' };
    const a = await audited(balancedData(), { texts });
    // T06 itemised 596.06 vs T05 596.04 in S002 is this: Σ 款 off the 基本支出 total by 0.02 万元.
    edit(a, 'T06', '30101', 'c1', yuan('499800'));
    const [tail] = failing(a, 'X-8');
    expect(tail?.tail).toBe(true);
    expect(tail?.level).toBe('提示');
    expect(tail?.ruleLevel).toBe('强制');
    expect(tail?.message).toContain('（万元尾差）');
    edit(a, 'T06', '30101', 'c1', yuan('400000'));
    const [hard] = failing(a, 'X-8');
    expect(hard?.tail).toBe(false);
    expect(hard?.level).toBe('强制');
    const yuanReport = await audited();
    edit(yuanReport, 'T06', '30101', 'c1', yuan('499800'));
    expect(failing(yuanReport, 'X-8')[0]?.level).toBe('强制');
  });

  it('a stated total off by 0.01 万元 in a 万元 workbook is 尾差', async () => {
    const a = await audited(balancedData(), { texts: { 'meta.sourceUnit': '万元' } });
    a.audit.setStated(new Map([[cellKey('T01', 'ISUM', 'c1'), yuan('1009900')]]));
    const [r] = failing(a, 'T01-1');
    expect(r?.tail).toBe(true);
    expect(r?.level).toBe('提示');
  });

  it('builds an audit only from a real ReportEngine and rules (no row, no instance)', async () => {
    const pack = await realPack();
    const engine = new ReportEngine(pack, { rows: {}, inputs: {} });
    const audit = new AuditEngine(engine, await realRules(), { unitKind: '行政单位' });
    expect(audit.results()).toEqual([]);
    expect(audit.instanceCount()).toBeGreaterThan(100);
  });
});
