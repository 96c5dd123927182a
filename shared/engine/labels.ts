/** How tables, rows, columns and cells are named to a clerk (messages, exports, column headers). */
import type { ColumnDef, Pack, TableDef } from '../pack/model';
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
