import type { LayoutRow } from '../../../shared/engine/types';
import type { ColumnDef, TableDef } from '../../../shared/pack/model';

/** The row as a clerk recognises it: its code and name for 科目 rows, its label (and 行次) for fixed rows. */
export function rowName(row: LayoutRow): string {
  if (row.code) return `${row.code} ${row.label}`.trim();
  return row.lineNo ? `${row.label}（行次 ${row.lineNo}）` : row.label;
}

/** Column label with its group path, e.g. 本年支出·基本支出, and its 栏次 when printed. */
export function columnName(column: ColumnDef): string {
  const path = [...(column.groups ?? []), column.label].join('·');
  return column.lanci ? `${path}（栏次 ${column.lanci}）` : path;
}

/** “公开03表 支出决算表，行“2010301 行政运行”，列“基本支出（栏次 2）”” — the place named in every message about a cell. */
export function describeCell(table: Pick<TableDef, 'code' | 'title'>, row: LayoutRow, column: ColumnDef): string {
  return `${table.code} ${table.title}，行“${rowName(row)}”，列“${columnName(column)}”`;
}
