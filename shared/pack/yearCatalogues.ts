/**
 * A pack with some catalogues replaced by the year's own (the bureau's file, kept in the database).
 * Only catalogues that feed 科目 rows the clerk adds may be replaced: a catalogue that lays out a
 * table's fixed rows (T06's 经济分类 款) carries formulas that name its codes.
 */
import type { CatalogueEntry, Pack } from './model';

/** Ids of the catalogues whose entries become fixed rows of some table (not replaceable). */
export function layoutCatalogues(pack: Pack): Set<string> {
  const out = new Set<string>();
  for (const t of pack.tables) for (const s of t.sides) for (const r of s.rows) if (r.type === 'catalogue') out.add(r.catalogue);
  return out;
}

const cache = new WeakMap<Pack, Map<string, Pack>>();

export function withYearCatalogues(pack: Pack, year: number, catalogues: Readonly<Record<string, readonly CatalogueEntry[]>>): Pack {
  const ids = Object.keys(catalogues).filter((id) => pack.catalogues[id] && !layoutCatalogues(pack).has(id));
  if (ids.length === 0) return pack;
  const key = `${year}:${ids.map((id) => `${id}=${catalogues[id]?.length ?? 0}`).join(',')}`;
  let byKey = cache.get(pack);
  if (!byKey) cache.set(pack, (byKey = new Map()));
  const cached = byKey.get(key);
  if (cached && ids.every((id) => cached.catalogues[id]?.entries === catalogues[id])) return cached;
  const next: Pack = { ...pack, catalogues: { ...pack.catalogues } };
  for (const id of ids) {
    const base = pack.catalogues[id];
    const entries = catalogues[id];
    if (base && entries) next.catalogues[id] = { ...base, entries: entries as CatalogueEntry[] };
  }
  byKey.set(key, next);
  return next;
}
