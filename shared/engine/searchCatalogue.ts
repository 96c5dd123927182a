/** The add-row box: 项 entries whose code starts with, or whose name contains, what the clerk typed. */
import type { CatalogueEntry, CatalogueId, Pack } from '../pack/model';

/**
 * Code-prefix matches come first (a clerk typing digits means a code), then name matches, each in
 * code order. Full-width digits are read as digits; an empty query finds nothing.
 */
export function searchCatalogue(pack: Pack, catalogueId: CatalogueId, query: string, limit = 20): CatalogueEntry[] {
  const q = query
    .replace(/[\uff10-\uff19]/g, (ch) => String.fromCharCode(ch.charCodeAt(0) - 0xfee0))
    .trim();
  if (q === '' || limit <= 0) return [];
  const byCode: CatalogueEntry[] = [];
  const byName: CatalogueEntry[] = [];
  for (const entry of pack.catalogues[catalogueId]?.entries ?? []) {
    if (entry.level !== '项') continue;
    if (entry.code.startsWith(q)) byCode.push(entry);
    else if (entry.name.includes(q)) byName.push(entry);
  }
  const byCodeOrder = (a: CatalogueEntry, b: CatalogueEntry) => (a.code < b.code ? -1 : a.code > b.code ? 1 : 0);
  return [...byCode.sort(byCodeOrder), ...byName.sort(byCodeOrder)].slice(0, limit);
}
