/** Writes small workbooks in the shapes bureaus send, for the import tests. */
import ExcelJS from 'exceljs';

export type Value = string | number | null | { formula: string; result?: number };

export interface SheetSpec {
  name: string;
  rows: Value[][];
  /** 'A1:C1' ranges */
  merges?: string[];
}

export async function workbookBytes(sheets: SheetSpec[]): Promise<Uint8Array> {
  const workbook = new ExcelJS.Workbook();
  for (const spec of sheets) {
    const sheet = workbook.addWorksheet(spec.name);
    spec.rows.forEach((row, r) => {
      row.forEach((value, c) => {
        if (value === null) return;
        sheet.getCell(r + 1, c + 1).value = value;
      });
    });
    for (const range of spec.merges ?? []) sheet.mergeCells(range);
  }
  return new Uint8Array(await workbook.xlsx.writeBuffer());
}
