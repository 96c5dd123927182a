import { describe, expect, it } from 'vitest';
import type { ImportPlanView } from '../../../shared/api/xlsxPlan';
import { LINES_SHOWN, planChangesNothing, planSections, planSummary, shownValue, sourceUnitText } from '../../../renderer/src/excel/planView';

function plan(patch: Partial<ImportPlanView> = {}): ImportPlanView {
  return {
    fileLabel: 'bureau.xlsx',
    unit: '001',
    unitName: '某某局',
    year: 2020,
    packId: 'yn-2020',
    sourceUnit: '元',
    tables: [{ table: 'T03', title: '支出决算表', sheet: '公开03表', unit: '元' }],
    ignoredSheets: [],
    newValues: [],
    changedValues: [],
    clearedValues: [],
    newRows: [],
    removedRows: [],
    notPlaced: [],
    computedDifferences: [],
    textChanges: [],
    notes: [],
    unreadTables: [],
    conflicts: [],
    keptValues: [],
    replaces: '',
    complete: true,
    ...patch,
  };
}

const at = { table: 'T03', row: '2010301', col: 'c2', where: '支出决算表 第“2010301 行政运行”行“基本支出”', kind: 'money' as const };

describe('planSections', () => {
  it('shows a changed value old → new in 元 with its sheet and cell', () => {
    const sections = planSections(plan({ changedValues: [{ ...at, before: 120050, after: 1234567, sheet: '公开03表', cell: 'F9' }] }));
    expect(sections.map((s) => s.key)).toEqual(['changed']);
    expect(sections[0]?.lines).toEqual([{ text: '支出决算表 第“2010301 行政运行”行“基本支出”：1,200.50 → 12,345.67', place: '公开03表!F9' }]);
  });

  it('lists every kind of change and leaves empty sections out', () => {
    const sections = planSections(
      plan({
        newValues: [{ ...at, before: null, after: 100 }],
        clearedValues: [{ ...at, col: 'c3', before: -5000, after: null }],
        newRows: [{ table: 'T03', row: '2010302', label: '支出决算表：2010302 一般行政管理事务' }],
        removedRows: [{ table: 'T03', row: '2080505', label: '支出决算表：2080505 机关事业单位基本养老保险缴费支出' }],
        notPlaced: [{ sheet: '公开03表', cell: 'A12', reason: '科目“2019999”不在科目目录中' }],
        computedDifferences: [{ ...at, col: 'c1', inFile: 100, computed: 200, sheet: '公开03表', cell: 'E9' }],
        textChanges: [{ key: 'cover.leader', label: '单位负责人', before: null, after: '张三' }],
        ignoredSheets: [{ sheet: 'Sheet3', reason: '空工作表' }],
      }),
    );
    expect(sections.map((s) => s.key)).toEqual(['new', 'cleared', 'newRows', 'removedRows', 'notPlaced', 'computed', 'texts', 'ignored']);
    const text = (key: string) => sections.find((s) => s.key === key)?.lines.map((l) => `${l.place ?? ''}|${l.text}`);
    expect(text('new')).toEqual(['|支出决算表 第“2010301 行政运行”行“基本支出”：1.00']);
    expect(text('cleared')).toEqual(['|支出决算表 第“2010301 行政运行”行“基本支出”：-50.00 → （空）']);
    expect(text('notPlaced')).toEqual(['公开03表!A12|科目“2019999”不在科目目录中']);
    expect(text('computed')).toEqual(['公开03表!E9|支出决算表 第“2010301 行政运行”行“基本支出”：文件中为 1.00，计算得 2.00']);
    expect(text('texts')).toEqual(['|单位负责人：（空） → 张三']);
    expect(text('ignored')).toEqual(['|工作表“Sheet3”：空工作表']);
  });
});

describe('plan summary', () => {
  it('says when nothing would change', () => {
    expect(planChangesNothing(plan())).toBe(true);
    expect(planSummary(plan())).toBe('文件中的数与本报表一致，导入不会改变任何数值。');
  });

  it('counts the changes and the cells not placed', () => {
    const p = plan({
      changedValues: [{ ...at, before: 1, after: 2 }],
      newValues: [{ ...at, before: null, after: 2 }, { ...at, before: null, after: 3 }],
      notPlaced: [{ sheet: 'S', cell: 'B2', reason: 'x' }],
    });
    expect(planChangesNothing(p)).toBe(false);
    expect(planSummary(p)).toBe('导入将修改 1 个数值、新填 2 个数值；另有 1 处未能导入。');
  });

  it('warns that 万元 figures are rounded', () => {
    expect(sourceUnitText(plan({ sourceUnit: '万元' }))).toContain('四舍五入');
    expect(sourceUnitText(plan())).toBe('文件金额单位：元。');
  });
});

describe('shownValue', () => {
  it('shows counts whole, amounts with 2 decimals, empty as （空）', () => {
    expect(shownValue(3, 'count')).toBe('3');
    expect(shownValue(123456789, 'money')).toBe('1,234,567.89');
    expect(shownValue(null, 'money')).toBe('（空）');
    expect(LINES_SHOWN).toBeGreaterThan(0);
  });
});

describe('what will not be imported', () => {
  it('puts tables that will not be imported first, in the refused tone, marked 不会导入 with their sheet', () => {
    const sections = planSections(
      plan({
        complete: false,
        unreadTables: [{ sheet: '项目支出', title: '一般公共预算财政拨款项目支出决算表', reason: '本报表格式（yn-2020）没有这张表' }],
        changedValues: [{ ...at, before: 1, after: 2 }],
      }),
    );
    expect(sections.map((s) => s.key)).toEqual(['unread', 'changed']);
    expect(sections[0]?.tone).toBe('refused');
    expect(sections[0]?.lines).toEqual([{ text: '不会导入：一般公共预算财政拨款项目支出决算表——本报表格式（yn-2020）没有这张表', place: '项目支出' }]);
  });

  it('lists cells kept with their stored figure and place', () => {
    const sections = planSections(plan({ complete: false, keptValues: [{ ...at, before: 80_000_000, after: 80_000_000, sheet: '公开03表', cell: 'D9' }] }));
    expect(sections.find((s) => s.key === 'kept')?.lines).toEqual([{ text: '支出决算表 第“2010301 行政运行”行“基本支出”：保留 800,000.00', place: '公开03表!D9' }]);
  });

  it('never says a file changes nothing when part of it cannot be read', () => {
    const p = plan({ complete: false, unreadTables: [{ sheet: 'S', title: 'X表', reason: 'r' }], notPlaced: [{ sheet: 'S', cell: 'A1', reason: 'x' }] });
    expect(planSummary(p)).toBe('导入不会改变任何数值；另有 1 张表不会导入、1 处未能导入。');
  });
});
