/**
 * One published table as a printable HTML page set, drawn from the same sheet layout as the Excel
 * export (columns, merged multi-level headers, 栏次, two sides side by side) and the same printed rows.
 * The title, 公开0N表, 部门, 年度 and 金额单位 sit in the `thead`, so Chromium repeats them with the header
 * rows on every page; rows never break across pages; the margin boxes carry the signature line,
 * page numbers and the fingerprint (pageCss). The title is the part's `<h1>`: the PDF outline entry.
 */
import { printedLines, tableIsEmpty, type PrintedValues } from '../engine/printedRows';
import { sheetLayout, type SheetColumn, type SheetLayout } from '../engine/sheetLayout';
import type { LayoutRow } from '../engine/types';
import type { MoneyUnit } from '../money/fen';
import { cellTypeIn, codecOf, displayCellValue, type CellValue, type KindLike } from '../pack/cellKind';
import type { TableDef } from '../pack/model';
import { escapeHtml } from './html';
import { printableMm, type NamedPage } from './pageCss';
import { section, type PartHtml } from './part';
import type { Margins, Orientation, Paper } from './settings';

/** Millimetres per Excel column-width unit at the print view's 10 pt. */
export const MM_PER_UNIT = 1.9;

export interface TablePrintInput {
  table: TableDef;
  engine: PrintedValues;
  unitName: string;
  year: number;
  unit: MoneyUnit;
  blankZeros: boolean;
  paper: Paper;
  landscape: boolean;
  /** CSS zoom of the table: below 1 to fit the page width, or to pull a few spilled rows back. */
  zoom: number;
}

export function tableWidthMm(layout: SheetLayout): number {
  return layout.columns.reduce((sum, c) => sum + c.width * MM_PER_UNIT, 0);
}

export function isLandscape(table: TableDef, orientation: Orientation): boolean {
  return orientation === 'auto' ? sheetLayout(table).landscape : orientation === 'landscape';
}

/** The zoom at which the table is exactly as wide as the printable area (1 when it already fits). */
export function fitWidthZoom(table: TableDef, paper: Paper, landscape: boolean, margins: Margins): number {
  const available = printableMm(paper, landscape, margins).width;
  return Math.min(1, available / tableWidthMm(sheetLayout(table)));
}

/** A cell as printed: grouped 2-decimal amounts in 元 or 万元, whole counts, blank zeros when asked. */
export function printedValue(value: CellValue, kind: KindLike, unit: MoneyUnit, blankZeros: boolean): string {
  if (value === 0 && blankZeros) return '';
  return displayCellValue(value, kind, { unit, grouping: true });
}

function headerRows(layout: SheetLayout): string[] {
  const rows: string[] = [];
  for (let r = 0; r < layout.headerDepth; r++) {
    const cells = layout.merges
      .filter((m) => m.top === r)
      .sort((a, b) => a.left - b.left)
      .map((m) => {
        const span = `${m.bottom > m.top ? ` rowspan="${m.bottom - m.top + 1}"` : ''}${m.right > m.left ? ` colspan="${m.right - m.left + 1}"` : ''}`;
        return `<th${span}>${escapeHtml(m.text)}</th>`;
      });
    rows.push(`<tr class="head">${cells.join('')}</tr>`);
  }
  return rows;
}

function lanciRow(table: TableDef, layout: SheetLayout): string | null {
  const hasLanci = layout.columns.some((c) => c.lanci !== '') || table.sides.some((s) => s.lineNumbers);
  if (!hasLanci) return null;
  const cells = layout.columns.map((col, i) => {
    const firstOfSide = layout.columns.findIndex((c) => c.side === col.side) === i;
    return `<td class="lanci">${firstOfSide ? '栏次' : col.kind === 'data' ? escapeHtml(col.lanci) : ''}</td>`;
  });
  return `<tr class="lanci-row">${cells.join('')}</tr>`;
}

function bodyCell(col: SheetColumn, row: LayoutRow | null, input: TablePrintInput): string {
  if (!row) return '<td></td>';
  const { table } = input;
  switch (col.kind) {
    case 'code':
      return `<td class="code">${escapeHtml(row.code ?? '')}</td>`;
    case 'name':
    case 'item': {
      // 合计 and 总计 lines are centred, as published; every other label is indented by its level.
      const centred = row.total && !row.code && /(合计|总计)$/.test(row.label);
      const style = !centred && row.indent > 0 ? ` style="padding-left:${(0.4 + row.indent * 1.2).toFixed(1)}em"` : '';
      return `<td class="${centred ? 'label centred' : 'label'}"${style}>${escapeHtml(row.label)}</td>`;
    }
    case 'lineNo':
      return `<td class="line-no">${escapeHtml(row.lineNo ?? '')}</td>`;
    case 'data': {
      const colId = col.colId ?? '';
      if (!row.cells.includes(colId)) return '<td class="num"></td>';
      const type = cellTypeIn(table, row, colId);
      const value = input.engine.cellValue ? input.engine.cellValue(table.id, row.id, colId) : input.engine.value(table.id, row.id, colId);
      const text = value === null || value === undefined ? '' : escapeHtml(printedValue(value, type, input.unit, input.blankZeros));
      return `<td class="${codecOf(type).alignLeft ? 'text' : 'num'}">${text}</td>`;
    }
  }
}

function tableInner(input: TablePrintInput): string {
  const { table } = input;
  const layout = sheetLayout(table);
  const width = layout.columns.length;
  const cols = layout.columns.map((c) => `<col style="width:${(c.width * MM_PER_UNIT).toFixed(1)}mm">`).join('');
  const head = [
    `<tr class="title-row"><th colspan="${width}"><h1 class="title">${escapeHtml(table.title)}</h1></th></tr>`,
    `<tr class="meta-row"><th colspan="${width}"><div class="meta"><span class="dept">部门：${escapeHtml(input.unitName)}</span><span class="year">${input.year}年度</span><span class="code">${escapeHtml(table.code)}　金额单位：${input.unit}</span></div></th></tr>`,
    ...headerRows(layout),
  ];
  const lanci = lanciRow(table, layout);
  if (lanci) head.push(lanci);
  const body = printedLines(input.engine, table).map((line) => {
    const total = line.some((r) => r?.total);
    const cells = layout.columns.map((col) => bodyCell(col, line[col.side] ?? null, input));
    return `<tr${total ? ' class="total"' : ''}>${cells.join('')}</tr>`;
  });
  const notes: string[] = [];
  if (table.emptyNote && tableIsEmpty(input.engine, table)) notes.push(table.emptyNote.replaceAll('{unit}', input.unitName));
  if (table.notes && table.notes.length > 0) notes.push('填报说明：', ...table.notes);
  const notesHtml = notes.length > 0 ? `<div class="notes">${notes.map((n) => `<p>${escapeHtml(n)}</p>`).join('')}</div>` : '';
  return `<div class="sheet" style="zoom:${zoomText(input.zoom)}">
<table style="width:${tableWidthMm(layout).toFixed(1)}mm"><colgroup>${cols}</colgroup>
<thead>
${head.join('\n')}
</thead>
<tbody>
${body.join('\n')}
</tbody>
</table>
${notesHtml}
</div>`;
}

function zoomText(zoom: number): string {
  return zoom.toFixed(4);
}

/** Which parts a zoom script sets: tables (fitted as `tablePart` writes them) by default, or 绩效 sheets. */
export interface ZoomTarget {
  section: string;
  sheet: string;
}

const TABLE_ZOOM: ZoomTarget = { section: 'section.part[data-fit]', sheet: '.sheet' };

/**
 * A script that sets each part's zoom in a loaded set, exactly as the part's HTML writes it, so a set
 * measured once need not be built and loaded again.
 */
export function zoomScript(zooms: ReadonlyMap<string, number>, target: ZoomTarget = TABLE_ZOOM): string {
  const wanted = JSON.stringify(Object.fromEntries([...zooms].map(([id, zoom]) => [id, zoomText(zoom)])));
  return `(() => {
  const zooms = ${wanted};
  for (const section of document.querySelectorAll(${JSON.stringify(target.section)})) {
    const zoom = zooms[section.dataset.part];
    const sheet = section.querySelector(${JSON.stringify(target.sheet)});
    if (zoom !== undefined && sheet) sheet.style.zoom = zoom;
  }
})()`;
}

export const TABLE_CSS = `
.sheet { margin: 0 auto; }
.sheet table { border-collapse: collapse; table-layout: fixed; margin: 0 auto; }
.sheet th, .sheet td { border: 0.6pt solid #000; padding: 0.5mm 1.2mm; line-height: 1.25; vertical-align: middle; overflow-wrap: anywhere; }
.sheet tr { break-inside: avoid; page-break-inside: avoid; }
.sheet thead { display: table-header-group; }
.sheet thead th { font-weight: bold; text-align: center; }
.sheet tr.title-row th, .sheet tr.meta-row th { border: none; padding: 0; }
.sheet h1.title { font-size: 16pt; font-weight: bold; letter-spacing: 1pt; margin: 0; padding: 0 0 2.5mm; }
.sheet .meta { display: flex; flex-wrap: wrap; justify-content: space-between; font-weight: normal; font-size: 10pt; padding: 0 0 1.5mm; column-gap: 4mm; }
.sheet .meta span { white-space: nowrap; }
.sheet .meta .dept { text-align: left; flex: 1 0 auto; }
.sheet .meta .year { text-align: center; }
.sheet .meta .code { text-align: right; flex: 1 0 auto; }
.sheet td.lanci { text-align: center; }
.sheet td.num { text-align: right; white-space: nowrap; font-variant-numeric: tabular-nums; }
.sheet td.code, .sheet td.line-no { text-align: center; white-space: nowrap; }
.sheet td.centred { text-align: center; }
.sheet tr.total td { font-weight: bold; }
.sheet .notes { margin-top: 2mm; break-inside: avoid; }
.sheet .notes p { margin: 0 0 1mm; }
`;

/** The table's named page: one per table, so each keeps its own paper and orientation. */
export function tablePageName(tableId: string): string {
  return `table-${tableId.replace(/[^A-Za-z0-9_-]/g, '_')}`;
}

export function tablePart(input: TablePrintInput): PartHtml {
  const page: NamedPage = { name: tablePageName(input.table.id), paper: input.paper, landscape: input.landscape };
  return {
    id: input.table.id,
    title: `${input.table.code} ${input.table.title}`,
    page,
    css: { kind: 'table', rules: TABLE_CSS },
    body: section(input.table.id, page, tableInner(input), ' data-fit="table"'),
  };
}
