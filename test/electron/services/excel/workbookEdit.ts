/** Reshapes real exported workbooks into the layouts bureaus send, for the import tests. */
import ExcelJS from 'exceljs';
import type { Value } from './sheetBuilder';

export async function loadWorkbook(bytes: Uint8Array): Promise<ExcelJS.Workbook> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(new Uint8Array(bytes).buffer);
  return workbook;
}

export async function saveWorkbook(workbook: ExcelJS.Workbook): Promise<Uint8Array> {
  return new Uint8Array(await workbook.xlsx.writeBuffer());
}

/** Rows as plain values (text, numbers) from row 1, column 1. */
export function sheetRows(sheet: ExcelJS.Worksheet): Value[][] {
  const rows: Value[][] = [];
  for (let r = 1; r <= sheet.rowCount; r++) {
    const row: Value[] = [];
    for (let c = 1; c <= sheet.columnCount; c++) {
      const v = sheet.getCell(r, c).value;
      row.push(typeof v === 'number' || typeof v === 'string' ? v : null);
    }
    rows.push(row);
  }
  return rows;
}

/** Adds a sheet at a position (0 = first) with the given rows and merges. */
export function insertSheet(workbook: ExcelJS.Workbook, name: string, position: number, rows: Value[][], merges: string[] = []): void {
  const sheet = workbook.addWorksheet(name);
  rows.forEach((row, r) => row.forEach((v, c) => {
    if (v !== null) sheet.getCell(r + 1, c + 1).value = v;
  }));
  for (const m of merges) sheet.mergeCells(m);
  // exceljs keeps sheets in id order; orderNo decides where the sheet is written.
  const sheets = workbook.worksheets.filter((s) => s !== sheet);
  sheets.splice(position, 0, sheet);
  sheets.forEach((s, i) => {
    (s as unknown as { orderNo: number }).orderNo = i;
  });
}

/**
 * The 12-column 三公 form (财政拨款“三公”经费支出决算表): 合计 | 因公出国（境）费 | 公务用车购置及运行维护费
 * (小计 | 购置费 | 运行维护费) | 公务接待费, each 预算数 | 决算数, one data row; amounts in 元.
 */
export function sanGong12Rows(values: number[]): { rows: Value[][]; merges: string[] } {
  const groups = ['合计', '因公出国（境）费', '公务用车购置及运行维护费', null, null, '公务接待费'];
  const sub = ['合计', '因公出国（境）费', '小计', '公务用车购置费', '公务用车运行维护费', '公务接待费'];
  const head1: Value[] = [];
  const head2: Value[] = [];
  const head3: Value[] = [];
  groups.forEach((g, i) => {
    head1.push(g ?? '公务用车购置及运行维护费', g ?? '公务用车购置及运行维护费');
    head2.push(sub[i] ?? '', sub[i] ?? '');
    head3.push('预算数', '决算数');
  });
  return {
    rows: [
      ['财政拨款“三公”经费支出决算表'],
      ['部门：保山市隆阳区政务服务管理局', null, null, null, null, null, null, null, null, null, null, '单位：元'],
      head1,
      head2,
      head3,
      values,
    ],
    merges: ['A1:L1', 'A3:B4', 'C3:D4', 'E3:J3', 'K3:L4', 'E4:F4', 'G4:H4', 'I4:J4'],
  };
}
