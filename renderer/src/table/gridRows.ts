import type { LayoutRow, TableLayout } from '../../../shared/engine/types';

/** One line of the grid: for a two-sided table, line i shows left row i beside right row i. */
export interface GridRow {
  /**
   * Id for the grid: the row ids of the line's sides, so a line whose rows change after 科目 rows
   * are added or removed becomes a new grid row (fresh classes and editability), not a patched one.
   */
  key: string;
  lanci: boolean;
  sides: (LayoutRow | null)[];
}

export const LANCI_ROW: GridRow = { key: 'lanci', lanci: true, sides: [] };

/** Lines of the grid; the shorter side is padded with blank lines, as the printed table is. */
export function buildGridRows(layout: TableLayout): GridRow[] {
  const count = Math.max(0, ...layout.sides.map((s) => s.rows.length));
  const rows: GridRow[] = [];
  for (let i = 0; i < count; i += 1) {
    const sides = layout.sides.map((s) => s.rows[i] ?? null);
    rows.push({ key: sides.map((r) => r?.id ?? '-').join('|'), lanci: false, sides });
  }
  return rows;
}

/** Where each row id sits: side index → row id → line number; used to refresh only changed cells. */
export function indexRows(layout: TableLayout): Map<string, number>[] {
  return layout.sides.map((s) => new Map(s.rows.map((r, i) => [r.id, i])));
}
