import type { ColumnDef, TableDef } from '../../../shared/pack/model';

/** What a grid column shows: a row header (code, name, item, 行次) or a data column of one side. */
export interface ColumnMeta {
  colId: string;
  side: number;
  role: 'code' | 'name' | 'item' | 'line' | 'data';
  column?: ColumnDef;
}

/** Column ids carry the side so both halves of a two-sided table can show the same kind of column. */
export function colIdOf(side: number, role: ColumnMeta['role'], dataColumn?: string): string {
  return role === 'data' ? `s${side}:${dataColumn ?? ''}` : `s${side}:#${role}`;
}

/** The columns of a table in display order, each with what it shows. */
export function tableColumns(table: TableDef): ColumnMeta[] {
  const byId = new Map(table.columns.map((c) => [c.id, c]));
  const metas: ColumnMeta[] = [];
  table.sides.forEach((side, s) => {
    if (side.rowHeader === 'subject') {
      metas.push({ colId: colIdOf(s, 'code'), side: s, role: 'code' });
      metas.push({ colId: colIdOf(s, 'name'), side: s, role: 'name' });
    } else {
      metas.push({ colId: colIdOf(s, 'item'), side: s, role: 'item' });
      if (side.lineNumbers) metas.push({ colId: colIdOf(s, 'line'), side: s, role: 'line' });
    }
    for (const id of side.columns) {
      const column = byId.get(id);
      if (column) metas.push({ colId: colIdOf(s, 'data', id), side: s, role: 'data', column });
    }
  });
  return metas;
}
