/** Incremental audit = full audit; bad rules are the pack's fault; explanations; the audit report. */
import { describe, expect, it } from 'vitest';
import { AuditEngine } from '../../../shared/audit/auditEngine';
import { auditReportHtml, auditReportText, buildAuditReport } from '../../../shared/audit/auditReport';
import { explanationKey, explanationProblem } from '../../../shared/audit/explanations';
import { loadRules } from '../../../shared/audit/loadRules';
import { PackError } from '../../../shared/pack/errors';
import { seededRandom } from '../../../scripts/bench/fullSizeReport';
import { audited, edit, failing, ITEM_CODE, realPack, realRules, rulesJson, yuan } from './auditFixtures';

describe('incremental audit', () => {
  it('equals a full evaluation after random edits and row changes', async () => {
    const a = await audited();
    a.engine.addRows('T03', ['2080505', '2101101']);
    a.engine.addRows('T05', ['2080505']);
    a.audit.rowsChanged();
    const random = seededRandom(3);
    const cells: { table: string; row: string; col: string }[] = [];
    for (const table of a.engine.tableIds()) {
      for (const side of a.engine.layout(table).sides) for (const row of side.rows) for (const col of row.inputs) cells.push({ table, row: row.id, col });
    }
    const rules = await realRules();
    for (let i = 0; i < 300; i++) {
      const cell = cells[Math.floor(random() * cells.length)];
      if (!cell) continue;
      const value = random() < 0.1 ? null : Math.floor(random() * 2_000_000) - (random() < 0.05 ? 1_000_000 : 0);
      edit(a, cell.table, cell.row, cell.col, value);
      if (i % 25 === 0) {
        const fresh = new AuditEngine(a.engine, rules, { unitKind: '行政单位' });
        expect(a.audit.results()).toEqual(fresh.results());
      }
    }
    const fresh = new AuditEngine(a.engine, rules, { unitKind: '行政单位' });
    expect(a.audit.results().length).toBeGreaterThan(0);
    expect(a.audit.results()).toEqual(fresh.results());
  });

  it('reports what an edit added and removed', async () => {
    const a = await audited();
    const broke = a.audit.update(a.engine.setInputs([{ table: 'T01', row: 'EEND', col: 'c2', value: yuan('1') }]));
    expect(broke.added).toContain('T01-5');
    const fixed = a.audit.update(a.engine.setInputs([{ table: 'T01', row: 'EEND', col: 'c2', value: yuan('60000') }]));
    expect(fixed.removed).toContain('T01-5');
    expect(a.audit.results()).toEqual([]);
  });
});

describe('loading rules', () => {
  it('a bad rule is a PackError naming rules.json and the rule', async () => {
    const pack = await realPack();
    const json = structuredClone(await rulesJson()) as { rules: { id: string; checks?: { check: string }[] }[] };
    const rule = json.rules.find((r) => r.id === 'X-8');
    const check = rule?.checks?.[0];
    if (!check) throw new Error('X-8 changed');
    check.check = 'T05.TOTAL.c4 = T06.PSUM + T06.NOPE';
    expect(() => loadRules(pack, json)).toThrow(PackError);
    expect(() => loadRules(pack, json)).toThrow('审核规则文件“rules.json”中规则 X-8：第 1 条检查“T05.TOTAL.c4 = T06.PSUM + T06.NOPE”：一般公共预算财政拨款基本支出决算表没有“NOPE”行');
    check.check = 'T05.TOTAL.c4 = = 1';
    expect(() => loadRules(pack, json)).toThrow(/规则 X-8：第 1 条检查“T05.TOTAL.c4 = = 1”无法解析/);
    check.check = 'T05.TOTAL.c4 = AVG(T06.PSUM)';
    expect(() => loadRules(pack, json)).toThrow('未知的函数“AVG”');
    expect(() => loadRules(pack, { rules: [{ id: 'A-1', level: '重要', table: 'T01', title: 'x', checks: [] }] })).toThrow(/rules\.json”格式错误：rules\.0\.level/);
  });
});

describe('explanations and the audit report', () => {
  it('a 提示 result carries its explanation; a 强制 one cannot be explained away', async () => {
    const a = await audited();
    edit(a, 'T05', ITEM_CODE, 'c6', yuan('40000'));
    edit(a, 'T01', 'EEND', 'c2', yuan('1'));
    const soft = failing(a, 'T05-3')[0];
    const hard = failing(a, 'T01-5')[0];
    if (!soft || !hard) throw new Error('expected failures');
    expect(explanationProblem(soft, '收回')).toBe('出错说明至少 6 个字，现在 2 个字');
    expect(explanationProblem(soft, '收回以前年度支出')).toBeNull();
    expect(explanationProblem(hard, '这是一条足够长的说明')).toMatch(/^强制审核规则不能用说明代替修改/);
    a.audit.setTexts({ [explanationKey(soft.id)]: '收回以前年度支出', [explanationKey(hard.id)]: '这是一条足够长的说明' });
    expect(failing(a, 'T05-3')[0]?.explanation).toBe('收回以前年度支出');
    expect(failing(a, 'T01-5')[0]?.explanation).toBeNull();

    const report = buildAuditReport(a.engine, a.audit.results(), { unitName: '测试局', year: 2020 });
    expect(report.blocking).toBe(true);
    expect(report.counts.explained).toBe(1);
    const text = auditReportText(report);
    expect(text).toContain('[强制] T01-5  收入支出决算总表：收入总计');
    expect(text).toContain('单元格：收入支出决算总表 收入“总计”；收入支出决算总表 支出“总计”');
    expect(text).toContain('出错说明：收回以前年度支出');
    const html = auditReportHtml(report);
    expect(html).toContain('<h2>公开01表 收入支出决算总表</h2>');
    expect(html).toContain('收回以前年度支出');
  });
});
