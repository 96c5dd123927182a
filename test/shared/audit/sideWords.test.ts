/**
 * Two-sided tables (T01, T04 收入 ‖ 支出; T06 人员经费 ‖ 公用经费): every cell a clerk reads about
 * says which side it stands on, in messages and in the audit report's cell list.
 */
import { describe, expect, it } from 'vitest';
import { buildAuditReport, cellWords } from '../../../shared/audit/auditReport';
import { cellPlace, sideCellWords } from '../../../shared/engine/labels';
import { audited, edit, failing, realPack, yuan } from './auditFixtures';

describe('side words on two-sided tables', () => {
  it('T01-5 reads 收入总计 ≠ 支出总计 and lists 收入“总计” and 支出“总计”', async () => {
    const a = await audited();
    edit(a, 'T01', 'EEND', 'c2', yuan('59999.95'));
    const [r] = failing(a, 'T01-5');
    expect(r?.message).toBe('收入支出决算总表：收入总计 1,070,000.00 ≠ 支出总计 1,069,999.95，差 0.05');
    const report = buildAuditReport(a.engine, a.audit.results(), { unitName: '测试局', year: 2020 });
    const item = report.sections.flatMap((s) => s.items).find((i) => i.id === 'T01-5');
    expect(item?.cells).toEqual(['收入支出决算总表 收入“总计”', '收入支出决算总表 支出“总计”']);
  });

  it('names the column only where a side has several (T04 支出), and keeps one-sided tables as they were', async () => {
    const a = await audited();
    expect(cellWords(a.engine, 'T04:ETOT:c3')).toBe('财政拨款收入支出决算总表 支出“总计”“一般公共预算财政拨款”');
    expect(cellWords(a.engine, 'T04:IBEG1:c1')).toBe('财政拨款收入支出决算总表 收入“一、一般公共预算财政拨款”');
    expect(cellWords(a.engine, 'T06:30101:c1')).toBe('一般公共预算财政拨款基本支出决算表 人员经费“30101 基本工资”');
    expect(cellWords(a.engine, 'T06:GSUM:c1')).toBe('一般公共预算财政拨款基本支出决算表 公用经费“公用经费合计”');
    expect(cellWords(a.engine, 'T03:2010301:c2')).toBe('支出决算表 第“2010301 行政运行”行“基本支出”');
  });

  it('labels: sideCellWords and cellPlace on the real tables', async () => {
    const pack = await realPack();
    const t01 = pack.tables.find((t) => t.id === 'T01');
    const t10 = pack.tables.find((t) => t.id === 'T10');
    if (!t01 || !t10) throw new Error('pack lacks T01/T10');
    expect(sideCellWords(t01, t01.sides[0], { label: '总计' }, 'c1')).toBe('收入“总计”');
    expect(sideCellWords(t01, t01.sides[1], { label: '总计' }, 'c2')).toBe('支出“总计”');
    expect(cellPlace(t01, t01.sides[1], { label: '总计' }, 'c2')).toBe('收入支出决算总表 支出“总计”');
    expect(sideCellWords(t10, t10.sides[0], { label: '合计' }, 'c1')).toBe('“合计”资产总额');
    expect(cellPlace(t10, t10.sides[0], { label: '合计' }, 'c1')).toBe('国有资产占有使用情况表 第“合计”行“资产总额”');
  });

  it('built-in checks on T01 and T06 say the side in their message', async () => {
    const a = await audited();
    edit(a, 'T01', 'IBEG', 'c1', yuan('-1'));
    expect(failing(a, 'G-2').map((r) => r.message)).toContain('收入支出决算总表：收入“年初结转和结余”为负数 -1.00');
    a.audit.setStated(new Map([['T06:301:c1', yuan('5')]]));
    expect(failing(a, 'T06-1').map((r) => r.message)).toContain(
      '一般公共预算财政拨款基本支出决算表：人员经费“301 工资福利支出” 5.00 ≠ 其下级科目之和 500,000.00，差 499,995.00',
    );
  });
});
