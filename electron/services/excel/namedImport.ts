/**
 * Rows of a named table on a bureau's or an exported sheet are matched by name: a name the report has
 * keeps its row (and id); a new name becomes a new row with the next id, listed in the preview. Rows
 * the report has but the sheet lacks are removed with the table's other figures, as a subject table's
 * 科目 rows are.
 */
import { isNamedRowId, namedRowNumber, namedRowsFromTexts } from '../../../shared/pack/namedRows';

export interface NamedRowIds {
  /** The id of the row with this name in `table`: the report's, or a new one. */
  idOf(table: string, name: string): { id: string; fresh: boolean };
}

export function namedRowIds(rows: Readonly<Record<string, string[]>>, texts: Readonly<Record<string, string>>): NamedRowIds & { seq(table: string): number } {
  const { names, seq } = namedRowsFromTexts(texts);
  const byName = new Map<string, Map<string, string>>();
  const next = new Map<string, number>();
  for (const [table, ids] of Object.entries(rows)) {
    const own = names[table] ?? {};
    const map = new Map<string, string>();
    for (const id of ids) if (isNamedRowId(id) && own[id] !== undefined) map.set(own[id].trim(), id);
    byName.set(table, map);
    next.set(table, Math.max(seq[table] ?? 0, ...ids.map(namedRowNumber)));
  }
  for (const [table, n] of Object.entries(seq)) if (!next.has(table)) next.set(table, n);
  return {
    idOf(table, name) {
      const map = byName.get(table) ?? new Map<string, string>();
      byName.set(table, map);
      const known = map.get(name.trim());
      if (known) return { id: known, fresh: false };
      const n = (next.get(table) ?? 0) + 1;
      next.set(table, n);
      const id = `N${n}`;
      map.set(name.trim(), id);
      return { id, fresh: true };
    },
    seq: (table) => next.get(table) ?? 0,
  };
}
