/**
 * The grid's right click on an input cell, as the cell's place (for its 修改记录 menu). Kept apart from
 * ReportGrid so the grid's own keyboard and selection code stays free of it.
 */
import type { LayoutRow } from '../../../shared/engine/types';
import type { ColumnDef } from '../../../shared/pack/model';
import type { KindLike } from '../../../shared/pack/cellKind';
import type { SheetModel } from './sheetModel';

export interface CellMenuTarget {
  row: LayoutRow;
  column: ColumnDef;
  kind: KindLike;
  x: number;
  y: number;
}

export type CellMenuHandler = (target: CellMenuTarget) => void;

/** The input cell at a grid position, or null (labels, computed cells, 栏次). */
export function cellMenuTarget(model: SheetModel, pos: { line: number; col: number }, x: number, y: number): CellMenuTarget | null {
  const cell = model.cell(pos.line, pos.col);
  const column = cell.meta.column;
  if (!cell.input || !cell.row || !column) return null;
  return { row: cell.row, column, kind: cell.kind, x, y };
}
