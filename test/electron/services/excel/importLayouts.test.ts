/**
 * The layouts that made an import report success while dropping a table or a figure: the 12-column
 * 三公 form titled 财政拨款“三公”经费支出决算表 (before and after 公开03表), a two-sided table printed
 * 收入 above 支出, the 合计 row of a 类|款|项 table, two sheets claiming one table, and cells or tables
 * the importer cannot read (which keep their stored figures). Real exported workbooks, reshaped.
 */
import { describe, expect, it } from 'vitest';
import type { Pack } from '../../../../shared/pack/model';
import { commitXlsxImport, planXlsxImport } from '../../../../electron/services/excel/xlsxService';
import { ReportSessions } from '../../../../electron/services/reportSessions';
import type { ReportStore } from '../../../../electron/services/store/reportStore';
import { balancedData } from '../../../shared/audit/auditFixtures';
import { ref, storeBalanced as storeBalancedReport, storedData, useImportDatabase } from './importDatabase';
import { workbookBytes } from './sheetBuilder';
import { insertSheet, loadWorkbook, sanGong12Rows, saveWorkbook, sheetRows } from './workbookEdit';

let pack: Pack;
let store: ReportStore;
let sessions: ReportSessions;
let exported: Uint8Array;
useImportDatabase('layouts', (db) => ({ pack, store, sessions, exported } = db));

const stored = () => storedData(store);
const storeBalanced = () => storeBalancedReport(store, pack);

const SANGONG = [68000, 55000, 0, 0, 60000, 50000, 20000, 20000, 40000, 30000, 8000, 5000];

/** The exported workbook with the 12-column 三公 sheet put at `position`, and 公开09表 dropped unless `keepT09`. */
async function withSanGong12(position: number, keepT09 = false, values = SANGONG): Promise<Uint8Array> {
  const workbook = await loadWorkbook(exported);
  if (!keepT09) workbook.removeWorksheet(workbook.getWorksheet('公开09表')!.id);
  const { rows, merges } = sanGong12Rows(values);
  insertSheet(workbook, '三公经费', position, rows, merges);
  return saveWorkbook(workbook);
}

function t03Inputs(data: Record<string, number>): Record<string, number> {
  return Object.fromEntries(Object.entries(data).filter(([k]) => k.startsWith('T03:')));
}

describe('the 12-column 三公 form titled 财政拨款“三公”经费支出决算表', () => {
  for (const [where, position] of [
    ['before 公开03表', 3],
    ['after 公开03表', 4],
  ] as const) {
    it(`${where}: is read into T09 and never taken for 支出决算表`, async () => {
      const bytes = await withSanGong12(position);
      const plan = await planXlsxImport(sessions, ref, bytes, 'sangong.xlsx');
      expect(plan.tables.find((t) => t.table === 'T03')?.sheet).toBe('公开03表');
      expect(plan.tables.find((t) => t.table === 'T09')?.sheet).toBe('三公经费');
      expect(plan.ignoredSheets).toEqual([]);
      expect(plan.unreadTables).toEqual([]);
      expect(plan.conflicts).toEqual([]);
      expect(t03Inputs(plan.data.inputs)).toEqual(t03Inputs(balancedData().inputs));
      // 公务接待费 8000/5000 goes nowhere directly (the pack splits it) and the file gives no split: reported.
      expect(plan.notPlaced.map((p) => p.cell)).toEqual(['K6', 'L6']);
      expect(plan.notPlaced[0]?.reason).toContain('“公务接待费·预算数”在文件中为 8,000.00 元');
      expect(plan.data.inputs).toMatchObject({ 'T09:SGCARBUY:c1': 2_000_000, 'T09:SGCAROPS:c2': 3_000_000 });
      // So the 三公 total of the file (with 接待费) differs from what T09 computes without it.
      expect(plan.computedDifferences.map((d) => [d.row, d.col, d.inFile, d.computed])).toEqual([
        ['SG', 'c1', 6_800_000, 6_000_000],
        ['SG', 'c2', 5_500_000, 5_000_000],
      ]);
      expect(plan.complete).toBe(false);
    });
  }

  it('replaces only the cells the form has: 公务接待费 that matches the stored split and the rest of T09 stay', async () => {
    await storeBalanced();
    const values = [...SANGONG];
    values[7] = 25000; // 公务用车购置费·决算数
    values[5] = 55000;
    values[1] = 60000;
    const plan = await planXlsxImport(sessions, ref, await withSanGong12(9, false, values), 'sangong.xlsx');
    expect(plan.notPlaced).toEqual([]);
    expect(plan.complete).toBe(true);
    expect(plan.changedValues.map((v) => [v.table, v.row, v.col, v.before, v.after])).toEqual([['T09', 'SGCARBUY', 'c2', 2_000_000, 2_500_000]]);
    expect(plan.clearedValues).toEqual([]);
    expect(plan.replaces).toContain('“三公”经费、行政参公单位机关运行经费情况表（现有');
    await commitXlsxImport(sessions, plan);
    const data = await stored();
    expect(data?.inputs['T09:OPEX:c2']).toBe(20_000_000);
    expect(data?.inputs['T09:SGRECDOM:c2']).toBe(500_000);
    expect(data?.inputs['T09:NDOMPER:c2']).toBe(20);
  });

  it('with 公开09表 also in the file: both sheets are named, nothing of T09 is read until the clerk chooses', async () => {
    await storeBalanced();
    const bytes = await withSanGong12(3, true);
    const plan = await planXlsxImport(sessions, ref, bytes, 'both.xlsx');
    expect(plan.conflicts).toEqual([{ table: 'T09', title: pack.tables[8]?.title, sheets: ['三公经费', '公开09表'] }]);
    expect(plan.complete).toBe(false);
    expect(plan.tables.map((t) => t.table)).not.toContain('T09');
    const chosen = await planXlsxImport(sessions, ref, bytes, 'both.xlsx', { T09: '公开09表' });
    expect(chosen.conflicts).toEqual([]);
    expect(chosen.complete).toBe(true);
    expect(chosen.tables.find((t) => t.table === 'T09')?.sheet).toBe('公开09表');
    expect(chosen.ignoredSheets.map((s) => s.sheet)).toEqual(['三公经费']);
  });

  it('is refused by name when the pack has no table that can hold it', async () => {
    const narrow: Pack = { ...pack, tables: pack.tables.filter((t) => t.id !== 'T09') };
    const plain = new ReportSessions(store, [narrow]);
    const plan = await planXlsxImport(plain, ref, await withSanGong12(3), 'sangong.xlsx').catch((e: unknown) => e);
    expect(plan).not.toBeInstanceOf(Error);
    const unread = (plan as Awaited<ReturnType<typeof planXlsxImport>>).unreadTables;
    expect(unread).toEqual([{ sheet: '三公经费', title: '财政拨款“三公”经费支出决算表', reason: expect.stringContaining('横排的“三公”经费表（12 栏）') }]);
  });
});

describe('a two-sided table printed 收入 above 支出', () => {
  async function stackedT01(): Promise<Uint8Array> {
    const workbook = await loadWorkbook(exported);
    const sheet = workbook.getWorksheet('公开01表')!;
    const rows = sheetRows(sheet);
    // Left half (收入) down the sheet, then a 支出 heading with the header again, then the right half.
    const left = rows.slice(6).map((r) => r.slice(0, 3)).filter((r) => r.some((v) => v !== null));
    const right = rows.slice(6).map((r) => r.slice(3, 6)).filter((r) => r.some((v) => v !== null));
    const out = [['收入支出决算总表'], ['部门：保山市隆阳区政务服务管理局', null, '金额单位：元'], ['收入'], ['项目', '行次', '金额'], ...left, ['支出'], ['项目', '行次', '金额'], ...right];
    workbook.removeWorksheet(sheet.id);
    insertSheet(workbook, '公开01表', 1, out);
    return saveWorkbook(workbook);
  }

  it('reads both sides, 年末结转和结余 included, with nothing left over', async () => {
    const plan = await planXlsxImport(sessions, ref, await stackedT01(), 'stacked.xlsx');
    const t01 = plan.notPlaced.filter((p) => p.sheet === '公开01表');
    expect(t01).toEqual([]);
    expect(plan.data.inputs['T01:EEND:c2']).toBe(6_000_000);
    expect(plan.data.inputs['T01:IBEG:c1']).toBe(6_000_000);
    expect(plan.computedDifferences).toEqual([]);
    expect(plan.complete).toBe(true);
  });
});

describe('the 合计 row of a 类|款|项 table', () => {
  function t02(total: number) {
    return workbookBytes([
      {
        name: '收入',
        rows: [
          ['收入决算表'],
          ['单位：元'],
          ['科目编码', null, null, '科目名称', '本年收入合计', '财政拨款收入', '上级补助收入', '事业收入', '经营收入', '附属单位上缴收入', '其他收入'],
          ['类', '款', '项'],
          ['合计', null, null, null, total, total],
          ['201', null, null, '一般公共服务支出', 1000, 1000],
          ['201', '03', null, '政府办公厅（室）及相关机构事务', 1000, 1000],
          ['201', '03', '01', '行政运行', 1000, 1000],
        ],
        merges: ['A3:C3', 'D3:D4', 'A5:D5'],
      },
    ]);
  }

  it('is recognised and checked (no “没有科目编码”)', async () => {
    const good = await planXlsxImport(sessions, ref, await t02(1000), 't02.xlsx');
    expect(good.notPlaced).toEqual([]);
    expect(good.computedDifferences).toEqual([]);
    const bad = await planXlsxImport(sessions, ref, await t02(1200), 't02.xlsx');
    expect(bad.notPlaced).toEqual([]);
    expect(bad.computedDifferences.map((d) => [d.row, d.col, d.cell, d.inFile, d.computed])).toEqual([
      ['TOTAL', 'c1', 'E5', 120_000, 100_000],
      ['TOTAL', 'c2', 'F5', 120_000, 100_000],
    ]);
  });
});

describe('what the importer cannot read is never erased and never skipped silently', () => {
  it('an unreadable cell keeps its stored value and is listed', async () => {
    await storeBalanced();
    const workbook = await loadWorkbook(exported);
    const sheet = workbook.getWorksheet('公开03表')!;
    let address = '';
    sheet.eachRow((row, r) => {
      if (row.getCell(1).value === '2010301') address = `D${r}`;
    });
    sheet.getCell(address).value = '-609,418.1O';
    const plan = await planXlsxImport(sessions, ref, await saveWorkbook(workbook), 'typo.xlsx');
    expect(plan.notPlaced).toEqual([{ sheet: '公开03表', cell: address, reason: expect.stringContaining('-609,418.1O') }]);
    expect(plan.keptValues.map((v) => [v.table, v.row, v.col, v.before, v.after])).toEqual([['T03', '2010301', 'c2', 80_000_000, 80_000_000]]);
    expect(plan.clearedValues).toEqual([]);
    expect(plan.data.inputs['T03:2010301:c2']).toBe(80_000_000);
    expect(plan.complete).toBe(false);
    await commitXlsxImport(sessions, plan);
    expect((await stored())?.inputs).toEqual(balancedData().inputs);
  });

  it('a table the file has but the pack cannot take is named as 不会导入', async () => {
    const workbook = await loadWorkbook(exported);
    insertSheet(workbook, '项目支出', 5, [['一般公共预算财政拨款项目支出决算表'], ['单位：元'], ['项目名称', '金额'], ['信息化建设', 5000]]);
    const plan = await planXlsxImport(sessions, ref, await saveWorkbook(workbook), 'yn2022.xlsx');
    expect(plan.unreadTables).toEqual([{ sheet: '项目支出', title: '一般公共预算财政拨款项目支出决算表', reason: expect.stringContaining('没有标题为') }]);
    expect(plan.complete).toBe(false);
  });

  it('a table whose header cannot be found is named as 不会导入 and keeps its stored figures', async () => {
    await storeBalanced();
    const plan = await planXlsxImport(
      sessions,
      ref,
      await workbookBytes([{ name: 'T10', rows: [['国有资产占有使用情况表'], ['单位：元'], ['资产', 'x'], ['合计', 5]] }]),
      'noheader.xlsx',
    ).catch((e: unknown) => e);
    expect(String(plan)).toContain('国有资产占有使用情况表');
    expect((await stored())?.inputs).toEqual(balancedData().inputs);
  });
});
