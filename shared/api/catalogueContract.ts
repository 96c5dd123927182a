/**
 * The 科目 catalogue import as the screen and the CLI see it: what loading the bureau's
 * 《政府收支分类科目》 file for a year would change (added, renamed, removed 科目), before anything does.
 */
export interface CatalogueChange {
  code: string;
  level: string;
  name: string;
  /** The name before, for a renamed 科目. */
  before?: string;
}

export interface CataloguePlanView {
  fileName: string;
  sheet: string;
  year: number;
  packId: string;
  catalogue: string;
  catalogueTitle: string;
  /** Where the catalogue in use now comes from. */
  current: 'pack' | 'database';
  counts: { 类: number; 款: number; 项: number };
  added: CatalogueChange[];
  renamed: CatalogueChange[];
  removed: CatalogueChange[];
  /** Removed 科目 that reports of the year use: they stay, marked as not in the catalogue. */
  stillUsed: string[];
  skipped: string[];
}
