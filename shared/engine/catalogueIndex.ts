/** Code → entry lookups of a pack's catalogues, built once per pack object. */
import type { CatalogueEntry, CatalogueId, Level, Pack } from '../pack/model';

export const LEVEL_RANK: Record<Level, number> = { 类: 0, 款: 1, 项: 2 };

/** Code length of each level, for both classifications (功能 201/20103/2010301, 经济 301/30101). */
export const LEVEL_CODE_LENGTH: Record<Level, number> = { 类: 3, 款: 5, 项: 7 };

export type CatalogueIndex = Record<CatalogueId, ReadonlyMap<string, CatalogueEntry>>;

const cache = new WeakMap<Pack, CatalogueIndex>();

export function catalogueIndex(pack: Pack): CatalogueIndex {
  let index = cache.get(pack);
  if (!index) {
    index = {
      func: new Map(pack.catalogues.func.entries.map((e) => [e.code, e])),
      econ: new Map(pack.catalogues.econ.entries.map((e) => [e.code, e])),
    };
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
