import type { ColDef, ColGroupDef } from 'ag-grid-community';
import type { ColumnDef, TableDef } from '../../../shared/pack/model';
import { buildHeaderTree, type HeaderNode } from './columnTree';
import type { GridRow } from './gridRows';

/** What a grid column shows: a row header (code, name, item, 行次) or a data column of one side. */
export interface ColumnMeta {
  colId: string;
  side: number;
  role: 'code' | 'name' | 'item' | 'line' | 'data';
  column?: ColumnDef;
}

export type CellValue = string | number | null;

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

const ROLE_HEADER: Record<Exclude<ColumnMeta['role'], 'data' | 'item'>, string> = {
  code: '科目编码',
  name: '科目名称',
  line: '行次',
};

/**
 * Widths: the name column takes the spare width (up to a limit, so amounts stay near their labels);
 * a data column is as wide as its label needs on one line, within bounds that fit 12-digit amounts.
 */
function widthOf(meta: ColumnMeta, sides: number): Partial<ColDef<GridRow, CellValue>> {
  switch (meta.role) {
    case 'code':
      return { width: 92, minWidth: 80 };
    case 'name':
      return sides > 1 ? { flex: 1, minWidth: 180, maxWidth: 260 } : { flex: 1, minWidth: 260, maxWidth: 420 };
    case 'item':
      return sides > 1 ? { flex: 1, minWidth: 220, maxWidth: 300 } : { flex: 1, minWidth: 240, maxWidth: 420 };
    case 'line':
      return { width: 56, minWidth: 48 };
    case 'data': {
      const chars = [...(meta.column?.label ?? '')].length;
      return { width: Math.min(176, Math.max(128, chars * 14 + 30)), minWidth: 96 };
    }
  }
}

/**
 * Column definitions with merged group headers (ColumnDef.groups) and, for two-sided tables, one
 * header cell per side (收入 ‖ 支出) over all of its columns, as the printed table has.
 */
export function buildColumnDefs(
  table: TableDef,
  metas: ColumnMeta[],
  base: (meta: ColumnMeta) => ColDef<GridRow, CellValue>,
): (ColDef<GridRow, CellValue> | ColGroupDef<GridRow>)[] {
  const sides = table.sides.length;
  const toDef = (node: HeaderNode<ColumnMeta>): ColDef<GridRow, CellValue> | ColGroupDef<GridRow> => {
    if (node.kind === 'group') {
      return { headerName: node.label, marryChildren: true, headerClass: 'header-group', children: node.children.map(toDef) };
    }
    const meta = node.leaf;
    const side = table.sides[meta.side];
    const headerName =
      meta.role === 'data'
        ? (meta.column?.label ?? '')
        : meta.role === 'item'
          ? (side?.itemLabel ?? '项目')
          : ROLE_HEADER[meta.role];
    return { ...widthOf(meta, sides), ...base(meta), colId: meta.colId, headerName };
  };
  const perSide = table.sides.map((side, s) => {
    const leaves = metas
      .filter((m) => m.side === s)
      .map((m) => ({ groups: m.role === 'data' ? (m.column?.groups ?? []) : [], leaf: m }));
    const nodes = buildHeaderTree(leaves).map(toDef);
    if (sides > 1 && side.label) {
      return [{ headerName: side.label, marryChildren: true, headerClass: 'header-side', children: nodes } satisfies ColGroupDef<GridRow>];
    }
    return nodes;
  });
  return perSide.flat();
}
