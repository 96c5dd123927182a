import { describe, expect, it } from 'vitest';
import type { LayoutRow } from '../../shared/engine/types';
import type { ColumnDef } from '../../shared/pack/model';
import { parseClipboardText } from '../../renderer/src/edit/clipboardText';
import { pasteSummary, planPaste, type PasteArea } from '../../renderer/src/edit/pastePlan';

const columns: ColumnDef[] = [
  { id: 'c1', label: '本年支出合计', lanci: '1' },
  { id: 'c2', label: '基本支出', lanci: '2' },
  { id: 'c3', label: '项目支出', lanci: '3' },
];

function row(id: string, label: string, inputs: string[], extra: Partial<LayoutRow> = {}): LayoutRow {
  return { id, label, code: id, indent: 2, total: false, kind: 'money', cells: ['c1', 'c2', 'c3'], inputs, removable: true, ...extra };
}

const rows: (LayoutRow | null)[] = [
  row('TOTAL', '合计', [], { code: undefined, total: true, removable: false }),
  row('201', '一般公共服务支出', [], { indent: 0 }),
  row('2010301', '行政运行', ['c2', 'c3']),
  row('2010302', '一般行政管理事务', ['c2', 'c3']),
  row('2080505', '机关事业单位基本养老保险缴费支出', ['c2', 'c3']),
  null,
];

const area = (startRow: number, startCol: number, unit: PasteArea['unit'] = '元'): PasteArea => ({
  table: { id: 'T03', code: '公开03表', title: '支出决算表' },
  rows,
  columns,
  startRow,
  startCol,
  unit,
});

describe('planPaste', () => {
  it('maps a 3×2 block from the focused cell, parsing Excel number forms', () => {
    const plan = planPaste(area(2, 1), parseClipboardText('1,234.50\t(10)\r\n－２００\t"3,000"\r\n７\t\r\n'));
    expect(plan).toEqual({
      ok: true,
      skippedComputed: 0,
      skippedMissing: 0,
      edits: [
        { table: 'T03', row: '2010301', col: 'c2', value: 123450 },
        { table: 'T03', row: '2010301', col: 'c3', value: -1000 },
        { table: 'T03', row: '2010302', col: 'c2', value: -20000 },
        { table: 'T03', row: '2010302', col: 'c3', value: 300000 },
        { table: 'T03', row: '2080505', col: 'c2', value: 700 },
        { table: 'T03', row: '2080505', col: 'c3', value: null },
      ],
    });
  });

  it('skips computed cells inside the area and says how many', () => {
    const plan = planPaste(area(1, 0), parseClipboardText('9\t1\t2\r\n9\t3\t4\r\n'));
    expect(plan.ok).toBe(true);
    if (!plan.ok) return;
    expect(plan.edits.map((e) => `${e.row}.${e.col}=${e.value}`)).toEqual(['2010301.c2=300', '2010301.c3=400']);
    expect(plan.skippedComputed).toBe(4);
    expect(pasteSummary(plan)).toBe('已粘贴 2 个单元格，跳过 4 个自动计算的单元格');
  });

  it('counts padding lines of a two-sided table as blank positions', () => {
    const plan = planPaste(area(4, 1), parseClipboardText('1\n2\n'));
    expect(plan.ok && pasteSummary(plan)).toBe('已粘贴 1 个单元格，跳过 1 个空白位置');
  });

  it('reads 万元 when the view is in 万元', () => {
    const plan = planPaste(area(2, 1, '万元'), [['1.5']]);
    expect(plan.ok && plan.edits[0]?.value).toBe(1_500_000);
  });

  it('refuses the whole paste on one bad value, naming the cell', () => {
    const plan = planPaste(area(2, 1), parseClipboardText('1\t2\r\n3\t1,2\r\n'));
    expect(plan.ok).toBe(false);
    if (plan.ok) return;
    expect(plan.message).toContain('公开03表 支出决算表');
    expect(plan.message).toContain('2010302 一般行政管理事务');
    expect(plan.message).toContain('项目支出');
    expect(plan.message).toContain('“1,2”不是有效的金额');
    expect(plan.message).toContain('第 2 行第 2 列');
  });

  it('refuses a block larger than the rest of the table', () => {
    const plan = planPaste(area(4, 2), [['1', '2']]);
    expect(plan).toEqual({ ok: false, message: expect.stringContaining('超出表格范围') });
  });

  it('refuses an empty clipboard', () => {
    expect(planPaste(area(2, 1), []).ok).toBe(false);
  });
});
