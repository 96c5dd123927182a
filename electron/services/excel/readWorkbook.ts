/**
 * Reads an .xlsx into plain grids of what each cell shows: text, or a number (a formula's cached
 * result), with merged ranges spread so a merged header word applies to every column under it.
 * Files that are not a readable workbook are refused here with a message a clerk can act on.
 */
import ExcelJS from 'exceljs';
import { AppError } from '../../../shared/api/errors';

export interface GridCell {
  /** What the cell shows as text ('' for empty); numbers as JavaScript prints them. */
  text: string;
  /** The numeric value when the cell holds a number or a formula whose cached result is a number. */
  number: number | null;
  /** A formula with no cached result (the file was written by a program that does not calculate). */
  uncalculated: boolean;
  /** A cell of a merged range other than its top-left one: it repeats the text but holds no value of its own. */
  mergedCopy: boolean;
}

export interface Grid {
  name: string;
  /** 1-based row → 1-based column → cell; only non-empty cells. */
  rows: Map<number, Map<number, GridCell>>;
  lastRow: number;
  lastCol: number;
}

export function gridCell(grid: Grid, row: number, col: number): GridCell | undefined {
  return grid.rows.get(row)?.get(col);
}

export function gridText(grid: Grid, row: number, col: number): string {
  return gridCell(grid, row, col)?.text.trim() ?? '';
}

const ZIP = [0x50, 0x4b, 0x03, 0x04];
const OLE = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];

function startsWith(bytes: Uint8Array, magic: readonly number[]): boolean {
  return magic.every((b, i) => bytes[i] === b);
}

/** An OLE file holding an encrypted OOXML package names its "EncryptionInfo" stream (UTF-16). */
function isEncryptedPackage(bytes: Uint8Array): boolean {
  const needle = Buffer.from('EncryptionInfo', 'utf16le');
  return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).includes(needle);
}

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

function toGridCell(cell: ExcelJS.Cell): GridCell | null {
  const mergedCopy = cell.isMerged && cell.master.address !== cell.address;
  const source = mergedCopy ? cell.master : cell;
  const { scalar, uncalculated } = scalarOf(source.value);
  if (scalar === null || scalar === undefined) {
    return uncalculated ? { text: '', number: null, uncalculated: true, mergedCopy } : null;
  }
  if (typeof scalar === 'number') return { text: String(scalar), number: scalar, uncalculated: false, mergedCopy };
  if (scalar instanceof Date) return { text: scalar.toISOString().slice(0, 10), number: null, uncalculated: false, mergedCopy };
  const text = String(scalar);
  return text.trim() === '' ? null : { text, number: null, uncalculated: false, mergedCopy };
}

/** Loads the bytes of an .xlsx; throws an AppError naming the file when it cannot be read. */
export async function readWorkbook(bytes: Uint8Array, fileLabel: string): Promise<Grid[]> {
  const where = { file: fileLabel };
  if (bytes.byteLength === 0) throw new AppError(`文件“${fileLabel}”是空文件，不能导入`, where);
  if (startsWith(bytes, OLE)) {
    if (isEncryptedPackage(bytes)) {
      throw new AppError(`文件“${fileLabel}”设有打开密码（已加密），不能导入。请在 Excel 中取消密码后另存为 .xlsx 再导入`, where);
    }
    throw new AppError(`文件“${fileLabel}”是旧版 Excel 97-2003（.xls）格式，不能导入。请在 Excel 中另存为 .xlsx 后再导入`, where);
  }
  if (!startsWith(bytes, ZIP)) throw new AppError(`文件“${fileLabel}”不是 Excel 工作簿（.xlsx），不能导入`, where);
  const workbook = new ExcelJS.Workbook();
  try {
    await workbook.xlsx.load(new Uint8Array(bytes).buffer);
  } catch (err) {
    const detail = err instanceof Error ? err.message : String(err);
    throw new AppError(`文件“${fileLabel}”已损坏或不是有效的 .xlsx 工作簿，不能导入（${detail}）`, where);
  }
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
