/**
 * Loads an .xlsx with exceljs and turns every sheet into a Grid. Runs in the reading worker, after
 * the package passed the limits (scanPackage), so what reaches exceljs is bounded.
 */
import ExcelJS from 'exceljs';
import type { Grid, GridCell } from './grid';

type Scalar = number | string | boolean | Date | null | undefined;

function scalarOf(value: ExcelJS.CellValue): { scalar: Scalar; uncalculated: boolean } {
  if (value === null || value === undefined) return { scalar: null, uncalculated: false };
  if (typeof value !== 'object' || value instanceof Date) return { scalar: value, uncalculated: false };
  if ('richText' in value) return { scalar: value.richText.map((r) => r.text).join(''), uncalculated: false };
  if ('formula' in value || 'sharedFormula' in value) {
    const result = value.result;
    if (result === undefined || result === null) return { scalar: null, uncalculated: true };
    if (typeof result === 'object' && !(result instanceof Date)) return { scalar: result.error, uncalculated: false };
    return { scalar: result, uncalculated: false };
  }
  if ('hyperlink' in value) return { scalar: value.text, uncalculated: false };
  if ('error' in value) return { scalar: value.error, uncalculated: false };
  return { scalar: null, uncalculated: false };
}

/** A date as the clerk would read it; '' for a number too large to be any date (exceljs gives an Invalid Date). */
function dateText(date: Date): string {
  return Number.isNaN(date.getTime()) ? '' : date.toISOString().slice(0, 10);
}

function toGridCell(cell: ExcelJS.Cell): GridCell | null {
  const mergedCopy = cell.isMerged && cell.master.address !== cell.address;
  const source = mergedCopy ? cell.master : cell;
  const { scalar, uncalculated } = scalarOf(source.value);
  if (scalar === null || scalar === undefined) {
    return uncalculated ? { text: '', number: null, uncalculated: true, mergedCopy } : null;
  }
  if (typeof scalar === 'number') return { text: String(scalar), number: scalar, uncalculated: false, mergedCopy };
  if (scalar instanceof Date) return { text: dateText(scalar), number: null, uncalculated: false, mergedCopy, date: true };
  const text = String(scalar);
  return text.trim() === '' ? null : { text, number: null, uncalculated: false, mergedCopy };
}

/** Throws exceljs's own error when it cannot load the package; the caller words it for the clerk. */
export async function readGrids(bytes: Uint8Array): Promise<Grid[]> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(new Uint8Array(bytes).buffer);
  const grids: Grid[] = [];
  workbook.eachSheet((sheet) => {
    const rows = new Map<number, Map<number, GridCell>>();
    let lastRow = 0;
    let lastCol = 0;
    sheet.eachRow({ includeEmpty: false }, (row, r) => {
      const cells = new Map<number, GridCell>();
      row.eachCell({ includeEmpty: false }, (cell, c) => {
        const g = toGridCell(cell);
        if (!g) return;
        cells.set(c, g);
        lastCol = Math.max(lastCol, c);
      });
      if (cells.size > 0) {
        rows.set(r, cells);
        lastRow = Math.max(lastRow, r);
      }
    });
    grids.push({ name: sheet.name, rows, lastRow, lastCol });
  });
  return grids;
}
