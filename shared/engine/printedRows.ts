/**
 * Which rows a published table shows, and how its two sides line up: the same for the Excel export
 * and the print view, so the paper and the workbook never disagree about a row.
 */
import type { TableDef } from '../pack/model';
import type { LayoutRow, SideLayout } from './types';

/** What the printers need of an engine: layouts and values. */
export interface PrintedValues {
  layout(tableId: string): { sides: SideLayout[] };
  value(table: string, row: string, col: string): number | undefined;
}

/** Rows printed: every fixed and catalogue row, the 合计, and 科目 rows holding a non-zero value. */
export function printedRows(engine: PrintedValues, tableId: string, side: SideLayout): LayoutRow[] {
  const subject = side.def.rows.some((r) => r.type === 'subject');
  if (!subject) return side.rows;
  return side.rows.filter((row) => row.total || !row.code || row.cells.some((c) => (engine.value(tableId, row.id, c) ?? 0) !== 0));
}

export function tableIsEmpty(engine: PrintedValues, table: TableDef): boolean {
  for (const side of engine.layout(table.id).sides) {
    for (const row of side.rows) for (const c of row.cells) if ((engine.value(table.id, row.id, c) ?? 0) !== 0) return false;
  }
  return true;
}

/** Two sides line up row by row; when both end in a total (总计), the shorter one is padded before it. */
export function alignSides(sides: LayoutRow[][]): (LayoutRow | null)[][] {
  const height = Math.max(0, ...sides.map((s) => s.length));
  const bothEndInTotals = sides.length > 1 && sides.every((s) => s[s.length - 1]?.total === true);
  return sides.map((rows) => {
    const padding: null[] = new Array<null>(height - rows.length).fill(null);
    if (bothEndInTotals && rows.length > 0) return [...rows.slice(0, -1), ...padding, ...rows.slice(-1)];
    return [...rows, ...padding];
  });
}

/** The printed body of a table: one entry per line, one cell per side (null where a side has no row). */
export function printedLines(engine: PrintedValues, table: TableDef): (LayoutRow | null)[][] {
  const sides = alignSides(engine.layout(table.id).sides.map((side) => printedRows(engine, table.id, side)));
  const height = sides[0]?.length ?? 0;
  const lines: (LayoutRow | null)[][] = [];
  for (let r = 0; r < height; r++) lines.push(sides.map((s) => s[r] ?? null));
  return lines;
}
