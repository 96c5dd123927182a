/**
 * Which cells exist in a report and whether each holds money (分) or a count — needed wherever cell
 * values become text and back (report file, `show`, the CLI's `set`). Read from the engine's layout,
 * one table at a time, and remembered.
 */
import type { ReportEngineApi, LayoutRow } from '../../shared/engine/types';
import { cellKindIn } from '../../shared/pack/cellKind';
import type { Pack, ValueKind } from '../../shared/pack/model';

export interface CellIndex {
  /** The layout row, or undefined when the table or row does not exist. */
  row(table: string, row: string): LayoutRow | undefined;
  /** The kind of a cell, or undefined when the cell does not exist. */
  kind(table: string, row: string, col: string): ValueKind | undefined;
  hasTable(table: string): boolean;
}

export function cellIndex(engine: ReportEngineApi, pack: Pack): CellIndex {
  const tables = new Map(pack.tables.map((t) => [t.id, t]));
  const rowsByTable = new Map<string, Map<string, LayoutRow>>();
  const rowsOf = (table: string): Map<string, LayoutRow> | undefined => {
    if (!tables.has(table)) return undefined;
    let rows = rowsByTable.get(table);
    if (!rows) {
      rows = new Map();
      for (const side of engine.layout(table).sides) for (const r of side.rows) rows.set(r.id, r);
      rowsByTable.set(table, rows);
    }
    return rows;
  };
  return {
    hasTable: (table) => tables.has(table),
    row: (table, row) => rowsOf(table)?.get(row),
    kind(table, row, col) {
      const layoutRow = rowsOf(table)?.get(row);
      if (!layoutRow || !layoutRow.cells.includes(col)) return undefined;
      return cellKindIn(tables.get(table), layoutRow, col);
    },
  };
}
