/**
 * The grid's right-click on a data cell, turned into the cell's place (for its 修改记录 menu). Kept apart
 * from ReportGrid so the grid's own keyboard and selection code stays free of it.
 */
import type { CellContextMenuEvent } from 'ag-grid-community';
import type { LayoutRow } from '../../../shared/engine/types';
import type { ColumnDef } from '../../../shared/pack/model';
import type { CellValue, ColumnMeta } from './columnDefs';
import type { GridRow } from './gridRows';

export type CellMenuHandler = (cell: { row: LayoutRow; column: ColumnDef; x: number; y: number }) => void;

export function cellMenuHandler(
  metaById: ReadonlyMap<string, ColumnMeta>,
  onCellMenu: CellMenuHandler | undefined,
): ((event: CellContextMenuEvent<GridRow, CellValue>) => void) | undefined {
  if (!onCellMenu) return undefined;
  return (event) => {
    const meta = metaById.get(event.column.getColId());
    const row = meta && event.data && !event.data.lanci ? (event.data.sides[meta.side] ?? null) : null;
    const column = meta?.column;
    if (!row || !column || !row.inputs.includes(column.id)) return;
    const mouse = event.event instanceof MouseEvent ? event.event : null;
    onCellMenu({ row, column, x: mouse?.clientX ?? 0, y: mouse?.clientY ?? 0 });
  };
}
