/**
 * The finance bureau's 《政府收支分类科目》 as .xlsx or .csv → catalogue entries. Columns are found by
 * their header words, not their place: one code column (科目编码 …) and a name column (科目名称 …),
 * or 类 | 款 | 项 code columns (`201 | 03 | 01`, each part on its own or the whole code). A code's level
 * follows from its length (the pack's code lengths); its parent is the code of the level above.
 */
import { parse as parseCsv } from 'csv-parse/sync';
import { AppError } from '../../../shared/api/errors';
import { LEVELS_BY_RANK } from '../../../shared/pack/levels';
import type { Catalogue, CatalogueEntry, Level } from '../../../shared/pack/model';
import { gridText, readWorkbook } from '../excel/readWorkbook';
import { normalizeText } from '../excel/words';

export const BUREAU_SRC = 'bureau';

/** One sheet (or the CSV) as rows of cell texts. */
interface Table {
  name: string;
  rows: string[][];
}

const CODE_WORDS = ['科目编码', '科目代码', '功能分类科目编码', '经济分类科目编码', '编码', '代码'];
const NAME_WORDS = ['科目名称', '功能分类科目名称', '经济分类科目名称', '名称'];
const MAX_ROWS = 50_000;

async function readTables(bytes: Uint8Array, fileName: string): Promise<Table[]> {
  if (/\.csv$/i.test(fileName)) {
    let text = new TextDecoder('utf-8', { fatal: false }).decode(bytes).replace(/^\uFEFF/, '');
    if (text.includes('\uFFFD')) text = new TextDecoder('gb18030').decode(bytes);
    let rows: string[][];
    try {
      rows = parseCsv(text, { relax_column_count: true, skip_empty_lines: true, trim: true }) as string[][];
    } catch (err) {
      throw new AppError(`文件“${fileName}”不是有效的 CSV：${err instanceof Error ? err.message : String(err)}`, { file: fileName });
    }
    return [{ name: fileName, rows }];
  }
  if (!/\.xlsx$/i.test(fileName)) throw new AppError(`文件“${fileName}”不是 .xlsx 或 .csv 文件`, { file: fileName });
  const grids = await readWorkbook(bytes, fileName);
  return grids.map((g) => {
    const rows: string[][] = [];
    for (let r = 1; r <= Math.min(g.lastRow, MAX_ROWS); r++) {
      const row: string[] = [];
      for (let c = 1; c <= g.lastCol; c++) row.push(gridText(g, r, c).trim());
      rows.push(row);
    }
    return { name: g.name, rows };
  });
}

interface Columns {
  headerRow: number;
  code?: number;
  name: number;
  parts?: { 类: number; 款: number; 项: number };
}

function findColumns(table: Table): Columns | null {
  for (let r = 0; r < Math.min(table.rows.length, 15); r++) {
    const words = (table.rows[r] ?? []).map((t) => normalizeText(t));
    const name = words.findIndex((w) => NAME_WORDS.includes(w));
    if (name < 0) continue;
    const code = words.findIndex((w) => CODE_WORDS.includes(w));
    const part = (l: string) => words.findIndex((w) => w === l);
    if (part('类') >= 0 && part('款') >= 0 && part('项') >= 0) {
      return { headerRow: r, name, parts: { 类: part('类'), 款: part('款'), 项: part('项') }, ...(code >= 0 ? { code } : {}) };
    }
    if (code >= 0) return { headerRow: r, code, name };
  }
  return null;
}

function digits(text: string): string {
  return text.normalize('NFKC').replace(/\s/g, '');
}

export interface ReadCatalogue {
  sheet: string;
  entries: CatalogueEntry[];
  /** Lines skipped (headings, notes), with why — shown in the preview. */
  skipped: string[];
}

/** Reads the file against the pack catalogue's code lengths; every fault names sheet and row. */
export async function readCatalogueFile(bytes: Uint8Array, fileName: string, catalogue: Catalogue): Promise<ReadCatalogue> {
  const tables = await readTables(bytes, fileName);
  const levelOf = (code: string): Level | null => LEVELS_BY_RANK.find((l) => catalogue.codeLength[l] === code.length) ?? null;
  for (const table of tables) {
    const cols = findColumns(table);
    if (!cols) continue;
    const entries = new Map<string, CatalogueEntry>();
    const skipped: string[] = [];
    const last: Record<Level, string> = { 类: '', 款: '', 项: '' };
    for (let r = cols.headerRow + 1; r < table.rows.length; r++) {
      const row = table.rows[r] ?? [];
      const where = `工作表“${table.name}”第 ${r + 1} 行`;
      const name = (row[cols.name] ?? '').trim();
      let code = cols.code !== undefined ? digits(row[cols.code] ?? '') : '';
      if (cols.parts && !/^\d+$/.test(code)) {
        // 类 | 款 | 项 columns: a part may be written alone (03) or as the whole code (20103).
        const [l, k, x] = [digits(row[cols.parts.类] ?? ''), digits(row[cols.parts.款] ?? ''), digits(row[cols.parts.项] ?? '')];
        if (x) code = x.length === catalogue.codeLength.项 ? x : `${last.款 || l + k}${x}`;
        else if (k) code = k.length === catalogue.codeLength.款 ? k : `${l || last.类}${k}`;
        else if (l) code = l;
      }
      if (code === '' && name === '') continue;
      if (!/^\d+$/.test(code)) {
        skipped.push(`${where}：“${[code, name].filter(Boolean).join(' ')}”没有科目编码，已跳过`);
        continue;
      }
      const level = levelOf(code);
      if (!level) {
        throw new AppError(`${where}：科目编码“${code}”的位数不对（应为 ${LEVELS_BY_RANK.map((l) => catalogue.codeLength[l]).join('、')} 位）`, { file: fileName, sheet: table.name });
      }
      if (name === '') throw new AppError(`${where}：科目“${code}”没有名称`, { file: fileName, sheet: table.name });
      if (entries.has(code)) throw new AppError(`${where}：科目编码“${code}”重复`, { file: fileName, sheet: table.name });
      last[level] = code;
      const rank = LEVELS_BY_RANK.indexOf(level);
      const parentLevel = rank > 0 ? LEVELS_BY_RANK[rank - 1] : undefined;
      const parent = parentLevel ? code.slice(0, catalogue.codeLength[parentLevel]) : '';
      entries.set(code, { code, name, level, parent, src: BUREAU_SRC });
    }
    const list = [...entries.values()].sort((a, b) => (a.code < b.code ? -1 : 1));
    for (const e of list) {
      if (e.parent && !entries.has(e.parent)) {
        throw new AppError(`文件“${fileName}”：科目“${e.code} ${e.name}”的上级科目“${e.parent}”不在文件中`, { file: fileName, sheet: table.name });
      }
    }
    if (list.length === 0) throw new AppError(`文件“${fileName}”工作表“${table.name}”的科目列下没有科目`, { file: fileName, sheet: table.name });
    return { sheet: table.name, entries: list, skipped };
  }
  throw new AppError(`文件“${fileName}”中没有找到科目编码和科目名称两栏（表头应有“科目编码”“科目名称”，或“类”“款”“项”与“科目名称”）`, { file: fileName });
}
