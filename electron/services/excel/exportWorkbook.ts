/**
 * The published 公开表 workbook of one report: a cover sheet and one sheet per table, laid out as
 * bureaus print them (title; 部门 left, table code and 金额单位 right; merged multi-level headers;
 * 栏次 row; two-sided tables side by side) and ready to print (A4, fit to width, header rows on every
 * page, page numbers, a binding margin). Numbers are numeric cells with a number format, never text.
 */
import ExcelJS from 'exceljs';
import type { Unit } from '../../../shared/api/contract';
import type { ReportEngine } from '../../../shared/engine/reportEngine';
import { alignSides, printedRows, tableIsEmpty } from '../../../shared/engine/printedRows';
import type { LayoutRow } from '../../../shared/engine/types';
import type { MoneyUnit } from '../../../shared/money/fen';
import { cellTypeIn, codecOf, sheetCellValue, sheetNumFmt, type CellValue, type KindLike } from '../../../shared/pack/cellKind';
import type { Pack, TableDef, ValueKind } from '../../../shared/pack/model';
import { coverLines, COVER_SHEET } from './cover';
import { sheetLayout, type SheetColumn, type SheetLayout } from './sheetLayout';

export interface ExportOptions {
  /** 元 or 万元 (rounded half-up to 0.01 万元 per cell, as bureaus publish). */
  unit: MoneyUnit;
  /** Zero as a blank cell instead of 0.00. */
  blankZeros: boolean;
  /**
   * A 核对稿: exported although a 强制 audit rule fails (the 报送 version is refused then). Its cover
   * says so in red, so a draft is never mistaken for the copy to submit.
   */
  draft?: boolean;
}

export interface ExportInput {
  pack: Pack;
  engine: ReportEngine;
  unit: Unit;
  year: number;
  texts: Readonly<Record<string, string>>;
  options: ExportOptions;
}

export const MONEY_FORMAT = codecOf('money').numFmt;
export const DRAFT_NOTE = '核对稿：强制审核规则未通过，不得报送';
export const COUNT_FORMAT = codecOf('count').numFmt;
/** Where the header starts: row 1 title, row 2 table code, row 3 部门 and 金额单位. */
export const HEADER_TOP = 4;

const FONT = '宋体';
const THIN: Partial<ExcelJS.Borders> = {
  top: { style: 'thin' },
  left: { style: 'thin' },
  bottom: { style: 'thin' },
  right: { style: 'thin' },
};

/** The value of a cell of any kind as written: a number (in the chosen unit), a text, or null for a blank. */
export function exportedValue(value: CellValue, kind: KindLike, options: ExportOptions): number | string | null {
  if (value === 0 && options.blankZeros) return null;
  return sheetCellValue(value, kind, options.unit);
}

/** The value of a cell as written: a number in the chosen unit, or null for a blank. */
export function exportedNumber(value: number, kind: ValueKind, options: ExportOptions): number | null {
  if (value === 0 && options.blankZeros) return null;
  return codecOf(kind).sheetNumber(value, options.unit);
}

function styleBox(cell: ExcelJS.Cell, bold = false): void {
  cell.border = THIN;
  cell.font = { name: FONT, size: 10, bold };
}

function setupPrint(sheet: ExcelJS.Worksheet, layout: SheetLayout, lastTitleRow: number): void {
  sheet.pageSetup = {
    ...sheet.pageSetup,
    paperSize: 9, // A4
    orientation: layout.landscape ? 'landscape' : 'portrait',
    fitToPage: true,
    fitToWidth: 1,
    fitToHeight: 0,
    horizontalCentered: true,
    printTitlesRow: `${HEADER_TOP}:${lastTitleRow}`,
    // Inches; the binding edge (left in portrait, top in landscape) gets about 2.5 cm.
    margins: layout.landscape
      ? { left: 0.6, right: 0.6, top: 1.0, bottom: 0.7, header: 0.3, footer: 0.3 }
      : { left: 1.0, right: 0.6, top: 0.7, bottom: 0.7, header: 0.3, footer: 0.3 },
  };
  sheet.headerFooter = { oddFooter: '&C第 &P 页 共 &N 页', evenFooter: '&C第 &P 页 共 &N 页' };
}

function writeTableSheet(workbook: ExcelJS.Workbook, input: ExportInput, table: TableDef): void {
  const { engine, options } = input;
  const layout = sheetLayout(table);
  const width = layout.columns.length;
  const sheet = workbook.addWorksheet(table.code, { views: [{ state: 'frozen', ySplit: 0, showGridLines: false }] });
  layout.columns.forEach((c, i) => (sheet.getColumn(i + 1).width = c.width));

  sheet.mergeCells(1, 1, 1, width);
  const title = sheet.getCell(1, 1);
  title.value = table.title;
  title.font = { name: FONT, size: 16, bold: true };
  title.alignment = { horizontal: 'center', vertical: 'middle' };
  sheet.getRow(1).height = 32;

  const half = Math.max(1, Math.floor(width / 2));
  const code = sheet.getCell(2, width);
  code.value = table.code;
  code.font = { name: FONT, size: 10 };
  code.alignment = { horizontal: 'right' };
  sheet.mergeCells(3, 1, 3, half);
  const dept = sheet.getCell(3, 1);
  dept.value = `部门：${input.unit.name}`;
  dept.font = { name: FONT, size: 10 };
  if (width > half + 1) sheet.mergeCells(3, half + 1, 3, width);
  const unitCell = sheet.getCell(3, half + 1);
  unitCell.value = `金额单位：${options.unit}`;
  unitCell.font = { name: FONT, size: 10 };
  unitCell.alignment = { horizontal: 'right' };

  for (const m of layout.merges) {
    const top = HEADER_TOP + m.top;
    const bottom = HEADER_TOP + m.bottom;
    if (top !== bottom || m.left !== m.right) sheet.mergeCells(top, m.left + 1, bottom, m.right + 1);
    const cell = sheet.getCell(top, m.left + 1);
    cell.value = m.text;
  }
  for (let r = 0; r < layout.headerDepth; r++) {
    for (let c = 0; c < width; c++) {
      const cell = sheet.getCell(HEADER_TOP + r, c + 1);
      styleBox(cell, true);
      cell.alignment = { horizontal: 'center', vertical: 'middle', wrapText: true };
    }
    sheet.getRow(HEADER_TOP + r).height = 22;
  }
  let next = HEADER_TOP + layout.headerDepth;

  const hasLanci = layout.columns.some((c) => c.lanci !== '') || table.sides.some((s) => s.lineNumbers);
  if (hasLanci) {
    layout.columns.forEach((col, i) => {
      const cell = sheet.getCell(next, i + 1);
      const firstOfSide = layout.columns.findIndex((c) => c.side === col.side) === i;
      cell.value = firstOfSide ? '栏次' : col.kind === 'data' ? col.lanci : null;
      styleBox(cell);
      cell.alignment = { horizontal: 'center' };
    });
    next += 1;
  }
  const lastTitleRow = next - 1;

  const tableLayout = engine.layout(table.id);
  const sides = alignSides(tableLayout.sides.map((side) => printedRows(engine, table.id, side)));
  const height = sides[0]?.length ?? 0;
  for (let r = 0; r < height; r++) {
    layout.columns.forEach((col, i) => {
      const row = sides[col.side]?.[r] ?? null;
      const cell = sheet.getCell(next, i + 1);
      writeBodyCell(cell, col, row, table, input);
    });
    next += 1;
  }

  const notes: string[] = [];
  if (table.emptyNote && tableIsEmpty(engine, table)) notes.push(table.emptyNote.replaceAll('{unit}', input.unit.name));
  if (table.notes && table.notes.length > 0) notes.push('填报说明：', ...table.notes);
  for (const text of notes) {
    sheet.mergeCells(next, 1, next, width);
    const cell = sheet.getCell(next, 1);
    cell.value = text;
    cell.font = { name: FONT, size: 10 };
    cell.alignment = { wrapText: true, vertical: 'top' };
    sheet.getRow(next).height = Math.max(18, Math.ceil(text.length / Math.max(20, width * 7)) * 16);
    next += 1;
  }
  setupPrint(sheet, layout, lastTitleRow);
}

function writeBodyCell(cell: ExcelJS.Cell, col: SheetColumn, row: LayoutRow | null, table: TableDef, input: ExportInput): void {
  styleBox(cell, row?.total ?? false);
  if (!row) return;
  switch (col.kind) {
    case 'code':
      cell.value = row.code ?? null;
      cell.alignment = { horizontal: 'left' };
      return;
    case 'name':
    case 'item':
      // 合计 and 总计 lines are centred, as published; every other label is indented by its level.
      cell.value = row.label;
      cell.alignment = row.total && !row.code && /(合计|总计)$/.test(row.label) ? { horizontal: 'center' } : { horizontal: 'left', indent: row.indent };
      return;
    case 'lineNo':
      cell.value = row.lineNo ?? null;
      cell.alignment = { horizontal: 'center' };
      return;
    case 'data': {
      const colId = col.colId ?? '';
      if (!row.cells.includes(colId)) return;
      const type = cellTypeIn(table, row, colId);
      const value = input.engine.cellValue(table.id, row.id, colId);
      // Text is written as text, a decimal with its places, a percent as its fraction with a % format.
      cell.value = value === null || value === undefined ? null : exportedValue(value, type, input.options);
      cell.numFmt = sheetNumFmt(type);
      // Text on one line from its start (a wrapped line in a fixed-height row would show its end instead).
      cell.alignment = codecOf(type).alignLeft ? { horizontal: 'left' } : { horizontal: 'right' };
      return;
    }
  }
}

function writeCover(workbook: ExcelJS.Workbook, input: ExportInput): void {
  const sheet = workbook.addWorksheet(COVER_SHEET, { views: [{ showGridLines: false }] });
  sheet.getColumn(1).width = 6;
  sheet.getColumn(2).width = 16;
  sheet.getColumn(3).width = 44;
  sheet.getColumn(4).width = 6;
  sheet.mergeCells(4, 2, 4, 3);
  const name = sheet.getCell(4, 2);
  name.value = input.unit.name;
  name.font = { name: FONT, size: 20, bold: true };
  name.alignment = { horizontal: 'center' };
  sheet.mergeCells(6, 2, 6, 3);
  const title = sheet.getCell(6, 2);
  title.value = `${input.year}年度部门决算`;
  title.font = { name: FONT, size: 18, bold: true };
  title.alignment = { horizontal: 'center' };
  sheet.getRow(4).height = 40;
  sheet.getRow(6).height = 36;
  if (input.options.draft) {
    sheet.mergeCells(8, 2, 8, 3);
    const draft = sheet.getCell(8, 2);
    draft.value = DRAFT_NOTE;
    draft.font = { name: FONT, size: 14, bold: true, color: { argb: 'FFC00000' } };
    draft.alignment = { horizontal: 'center' };
  }
  coverLines(input.unit, input.year, input.texts).forEach((line, i) => {
    const r = 10 + i * 2;
    const label = sheet.getCell(r, 2);
    label.value = `${line.label}：`;
    label.font = { name: FONT, size: 12 };
    label.alignment = { horizontal: 'right' };
    const value = sheet.getCell(r, 3);
    value.value = line.value;
    value.font = { name: FONT, size: 12 };
    value.border = { bottom: { style: 'thin' } };
    sheet.getRow(r).height = 24;
  });
  sheet.pageSetup = {
    ...sheet.pageSetup,
    paperSize: 9,
    orientation: 'portrait',
    fitToPage: true,
    fitToWidth: 1,
    fitToHeight: 1,
    horizontalCentered: true,
    margins: { left: 1.0, right: 0.6, top: 1.0, bottom: 0.8, header: 0.3, footer: 0.3 },
  };
}

/** The workbook as .xlsx bytes. */
export async function exportWorkbook(input: ExportInput): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = '决算工作站';
  workbook.title = `${input.unit.name}${input.year}年度部门决算`;
  writeCover(workbook, input);
  for (const table of input.pack.tables) writeTableSheet(workbook, input, table);
  const bytes = await workbook.xlsx.writeBuffer();
  return Buffer.from(bytes);
}
