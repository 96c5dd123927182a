/**
 * The header of a table as rows of merged cells, as the printed table has: a two-sided table's
 * 收入 ‖ 支出 over each half, group headers (本年支出 over 小计 | 基本支出 | 项目支出), then each
 * column's label spanning down to the bottom. Only neighbours with the same path merge.
 */
import type { TableDef } from '../../../shared/pack/model';
import type { ColumnMeta } from './columnDefs';

export interface HeaderCell {
  label: string;
  colSpan: number;
  rowSpan: number;
  /** The column index for a column's own label cell (where its resize handle sits). */
  leaf?: number;
  first: number;
}

const ROLE_HEADER = { code: '科目编码', name: '科目名称', line: '行次' } as const;

export function leafLabel(table: TableDef, meta: ColumnMeta): string {
  if (meta.role === 'data') return meta.column?.label ?? '';
  if (meta.role === 'item') return table.sides[meta.side]?.itemLabel ?? '项目';
  return ROLE_HEADER[meta.role];
}

export function headerRows(table: TableDef, metas: ColumnMeta[]): HeaderCell[][] {
  const paths = metas.map((m) => {
    const side = table.sides.length > 1 ? [table.sides[m.side]?.label ?? ''] : [];
    return [...side, ...(m.role === 'data' ? (m.column?.groups ?? []) : [])];
  });
  const depth = Math.max(0, ...paths.map((p) => p.length)) + 1;
  const rows: HeaderCell[][] = [];
  const same = (a: string[], b: string[], upTo: number) => a.length > upTo && b.length > upTo && a.slice(0, upTo + 1).every((x, i) => x === b[i]);
  for (let level = 0; level < depth; level += 1) {
    const row: HeaderCell[] = [];
    let i = 0;
    while (i < metas.length) {
      const path = paths[i] ?? [];
      const meta = metas[i];
      if (!meta) break;
      if (path.length > level) {
        let j = i + 1;
        while (j < metas.length && same(paths[j] ?? [], path, level) && metas[j]?.side === meta.side) j += 1;
        row.push({ label: path[level] ?? '', colSpan: j - i, rowSpan: 1, first: i });
        i = j;
      } else if (path.length === level) {
        row.push({ label: leafLabel(table, meta), colSpan: 1, rowSpan: depth - level, leaf: i, first: i });
        i += 1;
      } else {
        i += 1;
      }
    }
    rows.push(row);
  }
  return rows;
}
