/**
 * Which rows one table has for one report: fixed rows as the pack lists them, subject rows from the
 * 项 codes the clerk added (with their 款 and 类 parents, in code order, and the 合计 row), catalogue
 * rows from the catalogue. The parent links returned beside the layout drive the implied tree sums.
 */
import { AppError } from '../base/errors';
import { CLERK_SRC } from '../pack/clerkSubjects';
import { cellTypeIn, isNumericKind } from '../pack/cellKind';
import { namedRowNumber, type RowNames } from '../pack/namedRows';
import { TOTAL_ROW, type CatalogueEntry, type FixedRowDef, type Pack, type SideDef, type TableDef } from '../pack/model';
import { catalogueEntries, LEVEL_RANK, rootCode } from './catalogueIndex';
import type { LayoutRow, SideLayout, TableLayout } from './types';

export interface BuiltTable {
  layout: TableLayout;
  /** Row id → parent row id, for rows of subject/catalogue sides (类 → TOTAL on subject sides). */
  parentOf: ReadonlyMap<string, string>;
  /** Row id → row, every side. */
  rows: ReadonlyMap<string, LayoutRow>;
  /** Rows whose computed cells default to Σ children (合计, 类, 款 above the input level), even with none. */
  sumRows: ReadonlySet<string>;
}

function fixedRow(side: SideDef, def: FixedRowDef): LayoutRow {
  return {
    id: def.id,
    label: def.label,
    ...(def.level ? { code: def.id, level: def.level } : {}),
    ...(def.lineNo !== undefined ? { lineNo: def.lineNo } : {}),
    indent: def.indent ?? 0,
    total: def.total ?? false,
    kind: def.kind ?? 'money',
    cells: def.columns ?? side.columns,
    inputs: def.inputs ?? [],
    removable: false,
  };
}

function entryRow(entry: CatalogueEntry, cells: string[], inputs: string[], removable: boolean): LayoutRow {
  return {
    id: entry.code,
    label: entry.name,
    code: entry.code,
    level: entry.level,
    indent: LEVEL_RANK[entry.level],
    total: false,
    kind: 'money',
    cells,
    inputs,
    removable,
    ...(entry.src === CLERK_SRC ? { ownSubject: true } : {}),
  };
}

/** The 合计 row (id TOTAL) of a subject or named side, over the given columns. */
function totalRow(label: string | undefined, cells: string[]): LayoutRow {
  return { id: TOTAL_ROW, label: label ?? '合计', indent: 0, total: true, kind: 'money', cells, inputs: [], removable: false };
}

/**
 * Builds one table's layout. `added` are the 项 codes of its subject side; they must be 项 entries
 * of the side's catalogue (the engine checks before calling).
 */
export function buildTableLayout(pack: Pack, table: TableDef, added: Iterable<string>, names: RowNames = {}): BuiltTable {
  const parentOf = new Map<string, string>();
  const rows = new Map<string, LayoutRow>();
  const sumRows = new Set<string>();
  const sides: SideLayout[] = [];
  const addedCodes = [...added];

  for (const side of table.sides) {
    const sideRows: LayoutRow[] = [];
    for (const source of side.rows) {
      if (source.type === 'fixed') {
        for (const def of source.rows) sideRows.push(fixedRow(side, def));
      } else if (source.type === 'subject') {
        const entries = catalogueEntries(pack, source.catalogue);
        const present = new Set<string>();
        for (const code of addedCodes) {
          let entry = entries.get(code);
          if (!entry) throw new AppError(`${table.title}：科目编码“${code}”不在${pack.catalogues[source.catalogue]?.title ?? source.catalogue}中`, { table: table.id, row: code });
          present.add(entry.code);
          while (entry.parent) {
            parentOf.set(entry.code, entry.parent);
            present.add(entry.parent);
            const parent = entries.get(entry.parent);
            if (!parent) break;
            entry = parent;
          }
          parentOf.set(entry.code, TOTAL_ROW);
        }
        const subjectRows = [...present].sort().map((code) => {
          const entry = entries.get(code);
          if (!entry) throw new AppError(`${table.title}：科目编码“${code}”不在科目表中`, { table: table.id, row: code });
          return entryRow(entry, side.columns, entry.level === '项' ? source.inputs : [], true);
        });
        const total = totalRow(source.totalLabel, side.columns);
        sumRows.add(TOTAL_ROW);
        for (const r of subjectRows) if (r.level !== '项') sumRows.add(r.id);
        if (source.total === 'top') sideRows.push(total, ...subjectRows);
        else sideRows.push(...subjectRows, total);
      } else if (source.type === 'named') {
        const own = names[table.id] ?? {};
        const named = addedCodes
          .slice()
          .sort((a, b) => namedRowNumber(a) - namedRowNumber(b))
          .map((id): LayoutRow => ({
            id,
            label: own[id] ?? id,
            indent: 0,
            total: false,
            kind: 'money',
            cells: side.columns,
            inputs: source.inputs,
            removable: true,
            named: true,
          }));
        for (const row of named) parentOf.set(row.id, TOTAL_ROW);
        if (source.total) {
          // Text has no total: the 合计 row has the numeric columns only.
          const total = totalRow(
            source.totalLabel,
            side.columns.filter((col) => isNumericKind(cellTypeIn(table, undefined, col))),
          );
          sumRows.add(TOTAL_ROW);
          if (source.total === 'top') sideRows.push(total, ...named);
          else sideRows.push(...named, total);
        } else sideRows.push(...named);
      } else {
        const entries = catalogueEntries(pack, source.catalogue);
        const maxRank = LEVEL_RANK[source.inputLevel];
        const byRoot = new Map<string, CatalogueEntry[]>();
        for (const entry of entries.values()) {
          if (LEVEL_RANK[entry.level] > maxRank) continue;
          const root = rootCode(entries, entry.code);
          const list = byRoot.get(root) ?? [];
          list.push(entry);
          byRoot.set(root, list);
        }
        for (const root of source.under) {
          const list = (byRoot.get(root) ?? []).slice().sort((a, b) => (a.code < b.code ? -1 : a.code > b.code ? 1 : 0));
          for (const entry of list) {
            if (entry.parent) parentOf.set(entry.code, entry.parent);
            const isInputLevel = entry.level === source.inputLevel;
            if (!isInputLevel) sumRows.add(entry.code);
            sideRows.push(entryRow(entry, side.columns, isInputLevel ? source.inputs : [], false));
          }
        }
        for (const def of source.footer ?? []) sideRows.push(fixedRow(side, def));
      }
    }
    for (const row of sideRows) rows.set(row.id, row);
    sides.push({ def: side, rows: sideRows });
  }
  return { layout: { table, sides }, parentOf, rows, sumRows };
}

/** The first subject side of a table, with its index, or undefined. */
export function subjectSource(table: TableDef) {
  for (const side of table.sides) {
    for (const source of side.rows) if (source.type === 'subject') return source;
  }
  return undefined;
}
