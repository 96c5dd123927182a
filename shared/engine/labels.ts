/** How tables, rows, columns and cells are named to a clerk (messages, exports, column headers). */
import type { ColumnDef, Pack, SideDef, TableDef } from '../pack/model';
import type { LayoutRow } from './types';

export function findTable(pack: Pack, tableId: string): TableDef | undefined {
  return pack.tables.find((t) => t.id === tableId);
}

export function findColumn(table: TableDef, colId: string): ColumnDef | undefined {
  return table.columns.find((c) => c.id === colId);
}

/** Group headers then label, outermost first: ["本年支出", "小计"]. */
export function columnPath(table: TableDef, colId: string): string[] {
  const col = findColumn(table, colId);
  return col ? [...(col.groups ?? []), col.label] : [colId];
}

/** One-line column name: "本年支出·小计", "本年支出合计". */
export function columnTitle(table: TableDef, colId: string): string {
  return columnPath(table, colId).join('·');
}

/** "2010301 行政运行" for 科目 rows, the label alone for fixed rows. */
export function rowTitle(row: Pick<LayoutRow, 'code' | 'label'>): string {
  return row.code ? `${row.code} ${row.label}` : row.label;
}

/** 支出决算表 第“2010301 行政运行”行“本年支出合计” */
export function cellTitle(table: TableDef, row: Pick<LayoutRow, 'code' | 'label'>, colId: string): string {
  return `${table.title} 第“${rowTitle(row)}”行“${columnTitle(table, colId)}”`;
}

/** The labelled half of a two-sided table (收入 ‖ 支出, 人员经费 ‖ 公用经费); null on a one-sided table. */
function labelledSide(table: TableDef, side: SideDef | undefined): SideDef | null {
  return table.sides.length > 1 && side?.label ? side : null;
}

/**
 * A cell in words without the table title. On a two-sided table the side says where the row is
 * (`收入“总计”` vs `支出“总计”`), and the column is named only when the side has several; otherwise
 * `“2010301 行政运行”本年支出合计`.
 */
export function sideCellWords(table: TableDef, side: SideDef | undefined, row: Pick<LayoutRow, 'code' | 'label'>, colId: string): string {
  const labelled = labelledSide(table, side);
  if (!labelled) return `“${rowTitle(row)}”${columnTitle(table, colId)}`;
  return `${labelled.label ?? ''}“${rowTitle(row)}”${labelled.columns.length > 1 ? `“${columnTitle(table, colId)}”` : ''}`;
}

/** A cell in words with its table: `收入支出决算总表 收入“总计”`, else as cellTitle. */
export function cellPlace(table: TableDef, side: SideDef | undefined, row: Pick<LayoutRow, 'code' | 'label'>, colId: string): string {
  return labelledSide(table, side) ? `${table.title} ${sideCellWords(table, side, row, colId)}` : cellTitle(table, row, colId);
}
