/**
 * Hostile and odd workbooks: each is refused with one Chinese line naming the file and the limit
 * (or, for a cell, read as unreadable with its place), nothing is written, and the process holding
 * the database goes on. The files are real exports with their XML edited.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { AppError } from '../../../../shared/api/errors';
import { readWorkbook } from '../../../../electron/services/excel/readWorkbook';
import { WORKBOOK_LIMITS } from '../../../../electron/services/excel/workbookLimits';
import { planXlsxImport } from '../../../../electron/services/excel/xlsxService';
import type { ReportSessions } from '../../../../electron/services/reportSessions';
import type { ReportStore } from '../../../../electron/services/store/reportStore';
import { ref, useImportDatabase } from './importDatabase';
import { editParts, sheetPart, withMerges } from './packageEdit';
import { loadWorkbook, saveWorkbook } from './workbookEdit';

let store: ReportStore;
let sessions: ReportSessions;
let exported: Uint8Array;
let t03Part = '';
useImportDatabase('hostile', (db) => ({ store, sessions, exported } = db), { balancedReport: true });
beforeAll(async () => {
  t03Part = await sheetPart(exported, '公开03表');
});

async function refusal(bytes: Uint8Array, label: string): Promise<string> {
  const before = await store.loadReportData((await store.findReport('001', 2020))!.id);
  const err = await planXlsxImport(sessions, ref, bytes, label).then(
    () => null,
    (e: unknown) => e,
  );
  expect(err).toBeInstanceOf(AppError);
  const message = (err as AppError).message;
  expect(message).toContain(`“${label}”`);
  expect(message).not.toMatch(/\b(?:Error|Invalid|cannot|exceeds|Worksheet|undefined)\b/);
  expect(message.split('\n')).toHaveLength(1);
  expect(await store.loadReportData((await store.findReport('001', 2020))!.id)).toEqual(before);
  return message;
}

const rowsOf = (count: number, from = 200) => Array.from({ length: count }, (_, i) => `A${from + i}:B${from + i}`);

describe('limits checked before parsing', () => {
  // The case was 50 MB; 5 MB is as far over the limit and keeps the suite quick on a busy machine.
  it('a 5 MB string in a header cell', async () => {
    const bytes = await editParts(exported, { 'xl/sharedStrings.xml': (xml) => xml.replace('<t>科目编码</t>', `<t>${'x'.repeat(5_000_000)}</t>`) });
    expect(await refusal(bytes, 'long.xlsx')).toBe('文件“long.xlsx”共享文字表中有一格文字长 5,000,000 个字符，超过上限（每格 32,767 个字符），不能导入');
  });

  it('20,000 merged ranges', async () => {
    const bytes = await editParts(exported, { [t03Part]: (xml) => withMerges(xml, rowsOf(20_000)) });
    expect(await refusal(bytes, 'merges.xlsx')).toBe('文件“merges.xlsx”合并单元格超过 2,000 处，超过上限（2,000 处合并单元格），不能导入');
  });

  it('one merge over the whole sheet (A1:XFD1048576)', async () => {
    const bytes = await editParts(exported, { [t03Part]: (xml) => withMerges(xml, ['A1:XFD1048576']) });
    expect(await refusal(bytes, 'giant.xlsx')).toBe('文件“giant.xlsx”工作表“公开03表”的合并区域 A1:XFD1048576 含 17,179,869,184 个单元格，超过上限（一处合并 100,000 个单元格），不能导入');
  });

  it('a cell on row 999,999,999', async () => {
    const far = '<row r="999999999"><c r="A999999999" t="inlineStr"><is><t>x</t></is></c></row>';
    const bytes = await editParts(exported, { [t03Part]: (xml) => xml.replace('</sheetData>', `${far}</sheetData>`) });
    expect(await refusal(bytes, 'far.xlsx')).toBe('文件“far.xlsx”工作表“公开03表”的单元格 A999999999 在第 999,999,999 行，超过上限（第 100,000 行），不能导入');
  });

  it('a sheet name longer than Excel allows, in Chinese (not exceljs’s English)', async () => {
    const name = '公开03表（按支出功能分类科目列示的本单位本年度全部支出决算数据明细表）';
    const bytes = await editParts(exported, { 'xl/workbook.xml': (xml) => xml.replace('name="公开03表"', `name="${name}"`) });
    const message = await refusal(bytes, 'name.xlsx');
    expect(message).toContain('超过 31 个字符（Excel 的上限）');
    expect(message).toContain('请在 Excel 中把这张工作表改名');
  });

  it('a file over 20 MB', async () => {
    const big = new Uint8Array(21 * 1024 * 1024);
    big.set(exported);
    expect(await refusal(big, 'big.xlsx')).toBe('文件“big.xlsx”有 21.0 MB，超过上限（20 MB），不能导入');
  });
});

describe('cells exceljs reads oddly', () => {
  it('an amount cell formatted as a date (exceljs: Invalid time value) is unreadable at its place, the stored figure kept', async () => {
    const workbook = await loadWorkbook(exported);
    const sheet = workbook.getWorksheet('公开03表')!;
    let address = '';
    sheet.eachRow((row, r) => {
      if (row.getCell(1).value === '2010301') {
        address = `D${r}`;
        // Styles are shared between cells: give these two their own.
        row.getCell(4).value = 1e15;
        row.getCell(4).style = { ...row.getCell(4).style, numFmt: 'yyyy-mm-dd' };
        row.getCell(5).style = { ...row.getCell(5).style, numFmt: 'yyyy-mm-dd' };
      }
    });
    const plan = await planXlsxImport(sessions, ref, await saveWorkbook(workbook), 'dates.xlsx');
    expect(plan.notPlaced.map((p) => [p.cell, p.reason])).toEqual([
      [address, '“2010301 行政运行”：单元格设为日期格式（数值超出日期范围，Excel 显示为 ####），不能作为金额读取；请在 Excel 中把该格设为“数值”格式后再导入，未导入'],
      [address.replace('D', 'E'), expect.stringContaining('单元格设为日期格式（显示为日期 2474-12-15）')],
    ]);
    expect(plan.data.inputs['T03:2010301:c2']).toBe(80_000_000);
    expect(plan.data.inputs['T03:2010301:c3']).toBe(21_000_000);
  });
});

describe('the reading worker', () => {
  it('a file that runs past the deadline ends the worker with a Chinese line; the next file reads normally', async () => {
    const bytes = await editParts(exported, { [t03Part]: (xml) => withMerges(xml, rowsOf(20_000)) });
    const loose = { ...WORKBOOK_LIMITS, merges: 1_000_000, mergeAreaTotal: 1e12, readMs: 1_000 };
    await expect(readWorkbook(bytes, 'slow.xlsx', loose)).rejects.toThrow('文件“slow.xlsx”读取时间过长，超过上限（1 秒），不能导入');
    expect((await readWorkbook(exported, 'ok.xlsx')).map((g) => g.name)).toContain('公开03表');
  });

  it('a file that takes more memory than the cap ends the worker, not this process', async () => {
    const bytes = await editParts(exported, { [t03Part]: (xml) => withMerges(xml, ['A100:XFD1048576']) });
    const loose = { ...WORKBOOK_LIMITS, mergeArea: 1e12, mergeAreaTotal: 1e12, heapMb: 64, readMs: 60_000 };
    await expect(readWorkbook(bytes, 'huge.xlsx', loose)).rejects.toThrow('文件“huge.xlsx”读取时占用的内存，超过上限（64 MB 内存），不能导入');
    expect((await readWorkbook(exported, 'ok.xlsx')).length).toBeGreaterThan(5);
  });
});
