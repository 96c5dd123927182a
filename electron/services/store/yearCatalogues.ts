/** The catalogues a database keeps per year (imported from the bureau's file), read and replaced whole. */
import type { CatalogueEntry, Level } from '../../../shared/pack/model';
import type { Database } from './database';

export interface YearCatalogue {
  year: number;
  catalogue: string;
  fileName: string;
  imported: string;
  entries: CatalogueEntry[];
}

interface EntryRow {
  catalogue: string;
  code: string;
  name: string;
  level: Level;
  parent: string;
  src: string;
}

/** Every catalogue kept for a year, by catalogue id. */
export async function loadYearCatalogues(db: Database, year: number): Promise<Map<string, YearCatalogue>> {
  const heads = await db.all<{ catalogue: string; file_name: string; imported: string }>(
    'SELECT catalogue, file_name, imported FROM year_catalogues WHERE year = ? ORDER BY catalogue',
    [year],
  );
  const out = new Map<string, YearCatalogue>();
  if (heads.length === 0) return out;
  const rows = await db.all<EntryRow>(
    'SELECT catalogue, code, name, level, parent, src FROM year_catalogue_entries WHERE year = ? ORDER BY catalogue, code',
    [year],
  );
  for (const h of heads) out.set(h.catalogue, { year, catalogue: h.catalogue, fileName: h.file_name, imported: h.imported, entries: [] });
  for (const r of rows) out.get(r.catalogue)?.entries.push({ code: r.code, name: r.name, level: r.level, parent: r.parent, src: r.src });
  return out;
}

/** Replaces a year's catalogue in one transaction. */
export async function replaceYearCatalogue(db: Database, year: number, catalogue: string, fileName: string, entries: readonly CatalogueEntry[]): Promise<void> {
  await db.transaction(async (tx) => {
    await tx.run('DELETE FROM year_catalogue_entries WHERE year = ? AND catalogue = ?', [year, catalogue]);
    await tx.run(
      `INSERT INTO year_catalogues (year, catalogue, file_name, imported) VALUES (?, ?, ?, ?)
       ON CONFLICT (year, catalogue) DO UPDATE SET file_name = excluded.file_name, imported = excluded.imported`,
      [year, catalogue, fileName, new Date().toISOString()],
    );
    const BATCH = 300;
    for (let i = 0; i < entries.length; i += BATCH) {
      const chunk = entries.slice(i, i + BATCH);
      await tx.run(
        `INSERT INTO year_catalogue_entries (year, catalogue, code, name, level, parent, src) VALUES ${chunk.map(() => '(?, ?, ?, ?, ?, ?, ?)').join(', ')}`,
        chunk.flatMap((e) => [year, catalogue, e.code, e.name, e.level, e.parent, e.src]),
      );
    }
  });
}
