/** Code → entry lookups of a pack's catalogues, built once per pack object. */
import type { CatalogueEntry, CatalogueId, Level, Pack } from '../pack/model';

export const LEVEL_RANK: Record<Level, number> = { 类: 0, 款: 1, 项: 2 };


export type CatalogueIndex = Record<CatalogueId, ReadonlyMap<string, CatalogueEntry>>;

const EMPTY: ReadonlyMap<string, CatalogueEntry> = new Map();

/** The entries of one catalogue (empty for an id the pack does not have). */
export function catalogueEntries(pack: Pack, id: CatalogueId): ReadonlyMap<string, CatalogueEntry> {
  return catalogueIndex(pack)[id] ?? EMPTY;
}

const cache = new WeakMap<Pack, CatalogueIndex>();

export function catalogueIndex(pack: Pack): CatalogueIndex {
  let index = cache.get(pack);
  if (!index) {
    index = {};
    for (const [id, catalogue] of Object.entries(pack.catalogues)) index[id] = new Map(catalogue.entries.map((e) => [e.code, e]));
    cache.set(pack, index);
  }
  return index;
}

/** The 类 an entry belongs to (itself for a 类). */
export function rootCode(entries: ReadonlyMap<string, CatalogueEntry>, code: string): string {
  let current = entries.get(code);
  let guard = 0;
  while (current && current.parent && guard++ < 3) current = entries.get(current.parent);
  return current?.code ?? code;
}
