/**
 * Rows the clerk adds with a name (projects, indicators) to a table with a named side. Their ids are
 * N1, N2, … in the order added; a removed id is never given again (the highest number given is kept
 * as the report text `rowseq.<table>`), so a history entry or an explanation that names N3 always
 * means the same row. Names are report texts `rowname.<table>.<id>`, so every path that carries texts
 * (store, journal, backups, report file) carries them.
 */
import type { RowSource, TableDef } from './model';

const NAME_PREFIX = 'rowname.';
const SEQ_PREFIX = 'rowseq.';
export const MAX_ROW_NAME = 100;

export type NamedSource = Extract<RowSource, { type: 'named' }>;

/** table → row id → name */
export type RowNames = Record<string, Record<string, string>>;

export function rowNameKey(table: string, row: string): string {
  return `${NAME_PREFIX}${table}.${row}`;
}

export function rowSeqKey(table: string): string {
  return `${SEQ_PREFIX}${table}`;
}

export function isNamedRowId(id: string): boolean {
  return /^N[1-9]\d{0,8}$/.test(id);
}

export function namedRowNumber(id: string): number {
  return isNamedRowId(id) ? Number(id.slice(1)) : 0;
}

/** The named side of a table, or undefined. */
export function namedSource(table: Pick<TableDef, 'sides'>): NamedSource | undefined {
  for (const side of table.sides) for (const source of side.rows) if (source.type === 'named') return source;
  return undefined;
}

/** Names and numbering kept in a report's texts. */
export function namedRowsFromTexts(texts: Readonly<Record<string, string>>): { names: RowNames; seq: Record<string, number> } {
  const names: RowNames = {};
  const seq: Record<string, number> = {};
  for (const [key, value] of Object.entries(texts)) {
    if (key.startsWith(NAME_PREFIX)) {
      const [table = '', row = ''] = key.slice(NAME_PREFIX.length).split('.');
      if (table && isNamedRowId(row)) (names[table] ??= {})[row] = value;
    } else if (key.startsWith(SEQ_PREFIX)) {
      const n = Number(value);
      if (Number.isSafeInteger(n) && n > 0) seq[key.slice(SEQ_PREFIX.length)] = n;
    }
  }
  return { names, seq };
}

/** The texts that keep a report's named rows: every name and each table's numbering. */
export function namedRowTexts(names: RowNames, seq: Readonly<Record<string, number>>): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [table, rows] of Object.entries(names)) for (const [row, name] of Object.entries(rows)) out[rowNameKey(table, row)] = name;
  for (const [table, n] of Object.entries(seq)) if (n > 0) out[rowSeqKey(table)] = String(n);
  return out;
}

/** Why a row name cannot be used, or null; `taken` are the table's other names. */
export function rowNameProblem(name: string, taken: Iterable<string>): string | null {
  const trimmed = name.trim();
  if (trimmed === '') return '名称不能为空';
  if ([...trimmed].length > MAX_ROW_NAME) return `名称过长（最多 ${MAX_ROW_NAME} 字）`;
  for (const other of taken) if (other === trimmed) return `已有名为“${trimmed}”的行`;
  return null;
}
