/**
 * The 科目 rows a pack's formulas, rules and template are checked on when the pack loads. Every row
 * of a 科目 table behaves the same way under a row-set formula, so one 项 under each 款 stands for all
 * of them; 项 codes a formula names by id are added. Checking on every 项 of a full catalogue (700+)
 * costs seconds at every start and proves nothing more.
 */
import type { Pack, TableDef } from '../pack/model';
import { subjectSource } from './layout';
import { namedSource } from '../pack/namedRows';

const WORD = /[0-9A-Za-z_]+/g;

/** 项 codes to add to a table's subject side when checking `sources` (formula texts) of the pack. */
export function sampleSubjectRows(pack: Pack, table: TableDef, sources: readonly string[] = []): string[] {
  // Named rows all behave alike too: two stand for any number of them.
  if (namedSource(table)) return ['N1', 'N2'];
  const source = subjectSource(table);
  if (!source) return [];
  const entries = pack.catalogues[source.catalogue]?.entries ?? [];
  const items = entries.filter((e) => e.level === '项');
  const codes = new Set<string>();
  const seenParents = new Set<string>();
  for (const e of items) {
    if (seenParents.has(e.parent)) continue;
    seenParents.add(e.parent);
    codes.add(e.code);
  }
  const isItem = new Set(items.map((e) => e.code));
  const texts = [...pack.tables.flatMap((t) => t.formulas), ...sources];
  for (const text of texts) for (const word of text.match(WORD) ?? []) if (isItem.has(word)) codes.add(word);
  return [...codes].sort();
}
