/**
 * What each position of a table's grid is: which layout row and column, whether a cell exists there,
 * whether the clerk types it, and its kind. Built once per layout; the grid, its keyboard and its
 * clipboard all read it, so "can this be typed into" is answered in one place.
 */
import { cellKey, type CellKey } from '../../../shared/api/contract';
import type { LayoutRow, TableLayout } from '../../../shared/engine/types';
import { resolveCellType, type CellType } from '../../../shared/pack/cellKind';
import type { NavShape } from '../edit/gridNav';
import { tableColumns, type ColumnMeta } from './columnDefs';
import { buildGridRows, type GridRow } from './gridRows';

export interface SheetCell {
  meta: ColumnMeta;
  row: LayoutRow | null;
  /** The cell's key when a data cell exists at this position. */
  key: CellKey | null;
  input: boolean;
  /** The cell's kind with its column's places (shared/pack/cellKind). */
  kind: CellType;
}

export interface SheetModel {
  /** The shape the keyboard navigates: lines × columns, inputs. */
  shape: NavShape;
  tableId: string;
  metas: ColumnMeta[];
  lines: GridRow[];
  cell(line: number, col: number): SheetCell;
  /** Grid position of a data cell, for repainting exactly what changed. */
  posOf(key: CellKey): { line: number; col: number }[];
  /** First data column index (selection and Ctrl+A stay among data columns). */
  firstDataCol: number;
}

const MONEY: CellType = resolveCellType(undefined, undefined);

export function buildSheetModel(layout: TableLayout): SheetModel {
  const table = layout.table;
  const metas = tableColumns(table);
  const lines = buildGridRows(layout);
  const cells: SheetCell[][] = lines.map((line) =>
    metas.map((meta) => {
      const row = line.sides[meta.side] ?? null;
      const col = meta.column?.id;
      if (meta.role !== 'data' || !row || !col || !row.cells.includes(col)) {
        return { meta, row, key: null, input: false, kind: MONEY };
      }
      return { meta, row, key: cellKey(table.id, row.id, col), input: row.inputs.includes(col), kind: resolveCellType(meta.column, row) };
    }),
  );
  const positions = new Map<CellKey, { line: number; col: number }[]>();
  cells.forEach((lineCells, line) =>
    lineCells.forEach((c, col) => {
      if (!c.key) return;
      const list = positions.get(c.key) ?? [];
      list.push({ line, col });
      positions.set(c.key, list);
    }),
  );
  const empty: SheetCell = { meta: metas[0] ?? { colId: '', side: 0, role: 'item' }, row: null, key: null, input: false, kind: MONEY };
  return {
    tableId: table.id,
    metas,
    lines,
    shape: { lines: lines.length, cols: metas.length, isInput: (line, col) => cells[line]?.[col]?.input ?? false },
    firstDataCol: Math.max(0, metas.findIndex((m) => m.role === 'data')),
    cell: (line, col) => cells[line]?.[col] ?? empty,
    posOf: (key) => positions.get(key) ?? [],
  };
}
