/**
 * Reads a pack folder (pack.json, tables/*.json, catalogue CSVs) and validates it. Every fault —
 * a missing file, bad JSON or CSV, a broken table or formula — is a PackError naming the file.
 */
import { readdir, readFile } from 'node:fs/promises';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse as parseCsv } from 'csv-parse/sync';
import { z } from 'zod';
import { PackError } from '../../../shared/pack/errors';
import type { Pack } from '../../../shared/pack/model';
import { validatePack, type PackCatalogueFiles, type PackTableFile } from '../../../shared/load/validatePack';

async function readText(dir: string, file: string): Promise<string> {
  try {
    return await readFile(join(dir, file), 'utf8');
  } catch (err) {
    const code = err instanceof Error && 'code' in err ? String(err.code) : '';
    const fault = code === 'ENOENT' ? '不存在' : `无法读取（${code || (err instanceof Error ? err.message : String(err))}）`;
    throw new PackError(`报表套“${dir}”中的文件“${file}”${fault}`, { file });
  }
}

async function readJson(dir: string, file: string): Promise<unknown> {
  const text = await readText(dir, file);
  try {
    return JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch (err) {
    throw new PackError(`文件“${file}”不是有效的 JSON：${err instanceof Error ? err.message : String(err)}`, { file });
  }
}

function isStringRecord(value: unknown): value is Record<string, string> {
  return typeof value === 'object' && value !== null && Object.values(value).every((v) => typeof v === 'string');
}

async function readCsv(dir: string, file: string): Promise<Record<string, string>[]> {
  const text = await readText(dir, file);
  let rows: unknown;
  try {
    rows = parseCsv(text, { columns: true, bom: true, skip_empty_lines: true, trim: true });
  } catch (err) {
    throw new PackError(`科目表文件“${file}”不是有效的 CSV：${err instanceof Error ? err.message : String(err)}`, { file });
  }
  if (!Array.isArray(rows) || !rows.every(isStringRecord)) {
    throw new PackError(`科目表文件“${file}”不是有效的 CSV`, { file });
  }
  return rows;
}

/** Only what is needed to find the files; validatePack checks the manifest's shape properly. */
const fileLocations = z
  .object({
    tables: z.array(z.string()).catch([]),
    rules: z.string().optional().catch(undefined),
    narrative: z.string().optional().catch(undefined),
    catalogues: z.record(z.string(), z.object({ file: z.string() }).optional().catch(undefined)).catch({}),
  })
  .catch({ tables: [], catalogues: {}, rules: undefined, narrative: undefined });

/** Loads and validates the pack in `dir`. */
export async function loadPack(dir: string): Promise<Pack> {
  const manifest = await readJson(dir, 'pack.json');
  const files = fileLocations.parse(manifest);
  const tables: PackTableFile[] = [];
  for (const file of files.tables) tables.push({ file, json: await readJson(dir, file) });
  const catalogueFiles: PackCatalogueFiles = {};
  for (const [id, ref] of Object.entries(files.catalogues)) {
    const file = ref?.file;
    // A catalogue without a file is left for the manifest check, which names it precisely.
    if (file === undefined) continue;
    catalogueFiles[id] = { file, rows: await readCsv(dir, file) };
  }
  const optionalJson = async (file: string | undefined) => (file === undefined ? undefined : { file, json: await readJson(dir, file) });
  const extra = { rules: await optionalJson(files.rules), narrative: await optionalJson(files.narrative) };
  return validatePack(manifest, tables, catalogueFiles, extra);
}

/** Loads every subfolder of `root` that has a pack.json, in folder-name order. */
export async function loadPackRoot(root: string): Promise<Pack[]> {
  let names: string[];
  try {
    const entries = await readdir(root, { withFileTypes: true });
    names = entries.filter((e) => e.isDirectory()).map((e) => e.name).sort();
  } catch {
    throw new PackError(`报表套目录“${root}”不存在或无法读取`, { file: root });
  }
  const packs: Pack[] = [];
  const folderOf = new Map<string, string>();
  for (const name of names) {
    const dir = join(root, name);
    const hasManifest = await readFile(join(dir, 'pack.json')).then(() => true, () => false);
    if (!hasManifest) continue;
    const pack = await loadPack(dir);
    const other = folderOf.get(pack.id);
    if (other) throw new PackError(`报表套编号“${pack.id}”重复：文件夹“${other}”与“${name}”`, { file: dir });
    folderOf.set(pack.id, name);
    packs.push(pack);
  }
  return packs;
}

/** resources/packs of the checkout (the packaged Electron app passes its own folder instead). */
export function defaultPacksDir(): string {
  return resolve(dirname(fileURLToPath(import.meta.url)), '..', '..', '..', 'resources', 'packs');
}
