/**
 * Which rows a published table shows, and how its two sides line up: the same for the Excel export
 * and the print view, so the paper and the workbook never disagree about a row.
 */
import type { CellValue } from '../pack/cellKind';
import type { TableDef } from '../pack/model';
import type { LayoutRow, SideLayout } from './types';

/** What the printers need of an engine: layouts and values. */
export interface PrintedValues {
  layout(tableId: string): { sides: SideLayout[] };
  value(table: string, row: string, col: string): number | undefined;
  /** A cell as shown (a text, a decimal's string, null when empty); see ReportEngineApi.cellValue. */
  cellValue?(table: string, row: string, col: string): CellValue | null | undefined;
}

/**
 * A frozen copy of what printing reads of some tables: their layouts and every laid-out cell's value.
 * Taken under the report's lock, it lets the PDF be made while edits go on, far cheaper than copying
 * (recomputing) the whole engine.
 */
export function printedSnapshot(engine: PrintedValues, tableIds: readonly string[]): PrintedValues {
  const layouts = new Map<string, { sides: SideLayout[] }>();
  const values = new Map<string, number>();
  const shown = new Map<string, CellValue | null>();
  for (const table of tableIds) {
    const layout = engine.layout(table);
    layouts.set(table, layout);
    for (const side of layout.sides) {
      for (const row of side.rows) {
        for (const col of row.cells) {
          const value = engine.value(table, row.id, col);
          if (value !== undefined) values.set(`${table}\u0000${row.id}\u0000${col}`, value);
          const typed = engine.cellValue?.(table, row.id, col);
          if (typed === null || typeof typed === 'string') shown.set(`${table}\u0000${row.id}\u0000${col}`, typed);
        }
      }
    }
  }
  return {
    layout(tableId) {
      const layout = layouts.get(tableId);
      if (!layout) throw new Error(`表 ${tableId} 不在打印的表中`);
      return layout;
    },
    value: (table, row, col) => values.get(`${table}\u0000${row}\u0000${col}`),
    cellValue: (table, row, col) => {
      const key = `${table}\u0000${row}\u0000${col}`;
      return shown.has(key) ? shown.get(key) : values.get(key);
    },
  };
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
