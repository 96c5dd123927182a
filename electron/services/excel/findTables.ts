/**
 * Which sheet holds which table. The title in the sheet's top rows must BE a table's title (or one
 * of its aliases) once the words a bureau adds around it are set aside — the year, the unit's name,
 * 公开0N表, numbering — never merely contain it: 财政拨款“三公”经费支出决算表 contains 支出决算表
 * and is not it. The column headers are a second vote: they decide between titles that fit equally,
 * confirm a match found only by the sheet name, and reject a title whose sheet has none of the
 * table's columns. The 12-column 三公 form (one row of 预算数/决算数 under 因公出国（境）费 … 公务接待费)
 * is recognised by its layout and goes to the pack's 三公 table when the pack can hold it.
 */
import type { MoneyUnit } from '../../../shared/money/fen';
import type { Pack, TableDef } from '../../../shared/pack/model';
import type { Grid } from './grid';
import { findSanGongTarget, isSanGongRow, type SanGongTarget } from './sanGongForm';
import { normalizeLabel, normalizeText, normalizeTitle } from './words';

const TITLE_ROWS = 12;
const HEADER_ROWS = 10;

export type SheetMatch =
  | { kind: 'table'; table: TableDef; titleRow: number; layout: 'published' }
  | { kind: 'table'; table: TableDef; titleRow: number; layout: 'sanGong12'; target: SanGongTarget; headerRow: number }
  /** The sheet is a 决算 table (by its title), but not one this pack can take. */
  | { kind: 'unreadable'; title: string; titleRow: number; reason: string }
  | { kind: 'none' };

/** Words that make a title a different table when they stand before a known title. */
const TABLE_WORDS = /财政拨款|一般公共预算|政府性基金|国有资本|三公|基本支出|项目支出|收入|支出|经费|资产|会议费|培训费|机关运行/;
/** How an organisation's name ends: a prefix like 某某县政务服务管理局 is the unit, not part of the title. */
const ORG_END = /(局|委|委员会|办|办公室|院|中心|部|所|站|队|会|室|馆|校|处|厅|政府|党委|法院|检察院|公司|单位|部门)$/;
/** Titles that announce a 决算 table even when this pack has no such table. */
const LOOKS_LIKE_TABLE = /(决算|预算|经费|资产|收入|支出).*(表|情况)$/;

function titlesOf(table: TableDef): string[] {
  return [table.title, ...(table.aliases ?? [])].map(normalizeTitle).filter((t) => t !== '');
}

/** The title text without the words bureaus add: year, 部门决算, numbering, the unit's name. */
function bareTitle(text: string, unitName: string): string {
  let t = normalizeTitle(text);
  const unit = unitName ? normalizeTitle(unitName) : '';
  if (unit) t = t.split(unit).join('');
  t = t
    .replace(/\d{4}年度?/g, '')
    .replace(/^(部门决算|部门)/, '')
    .replace(/^[一二三四五六七八九十]+[、.．]/, '')
    .replace(/^(表|附表)?\d+[、.．-]?/, '')
    .replace(/^[、.．:：\-—]+/, '');
  return t;
}

/** How well a title cell fits a table title: 2 the same, 1 the same after an organisation's name, 0 not. */
function titleFit(bare: string, title: string): number {
  if (bare === title) return 2;
  if (bare.endsWith(title)) {
    const prefix = bare.slice(0, bare.length - title.length);
    if (ORG_END.test(prefix) && !TABLE_WORDS.test(prefix)) return 1;
  }
  return 0;
}

/** The words of the header rows under the title, as normal labels. */
function headerWords(grid: Grid, titleRow: number): Set<string> {
  const words = new Set<string>();
  for (let r = titleRow + 1; r <= Math.min(grid.lastRow, titleRow + HEADER_ROWS); r++) {
    for (const cell of grid.rows.get(r)?.values() ?? []) {
      if (cell.number !== null) continue;
      const w = normalizeLabel(cell.text);
      if (w) words.add(w);
    }
  }
  return words;
}

/** The share of a table's column labels found among the header words (0 … 1). */
export function headerVote(table: TableDef, words: ReadonlySet<string>): number {
  const labels = [...new Set(table.columns.map((c) => normalizeLabel(c.label)))];
  if (labels.length === 0) return 0;
  const all = [...words];
  const hits = labels.filter((l) => words.has(l) || all.some((w) => w.length >= 2 && (w.includes(l) || (l.length >= 4 && l.includes(w))))).length;
  return hits / labels.length;
}

interface TitleCell {
  row: number;
  text: string;
  bare: string;
}

function titleCells(grid: Grid, unitName: string): TitleCell[] {
  const cells: TitleCell[] = [];
  for (let r = 1; r <= Math.min(grid.lastRow, TITLE_ROWS); r++) {
    for (const cell of grid.rows.get(r)?.values() ?? []) {
      if (cell.mergedCopy || cell.number !== null) continue;
      const bare = bareTitle(cell.text, unitName);
      if (bare.length < 4) continue;
      cells.push({ row: r, text: cell.text.trim(), bare });
    }
  }
  return cells;
}

/** The row (within the top rows) where 因公出国（境）费 and 公务接待费 head different columns: the 12-column 三公 form. */
function sanGongHeaderRow(grid: Grid): number {
  for (let r = 1; r <= Math.min(grid.lastRow, TITLE_ROWS + HEADER_ROWS); r++) {
    if (isSanGongRow([...(grid.rows.get(r)?.values() ?? [])].filter((c) => !c.mergedCopy).map((c) => c.text))) return r;
  }
  return 0;
}

/** What a sheet holds, for this pack; `unitName` is set aside when it prefixes a title. */
export function identifySheet(grid: Grid, pack: Pack, unitName = ''): SheetMatch {
  const cells = titleCells(grid, unitName);
  const sanGongRow = sanGongHeaderRow(grid);
  if (sanGongRow > 0) {
    const title = cells.find((c) => c.row < sanGongRow && c.bare.includes('三公'));
    if (title) {
      const target = findSanGongTarget(pack);
      if (!target) {
        return { kind: 'unreadable', title: title.text, titleRow: title.row, reason: `这是横排的“三公”经费表（12 栏），本报表格式（${pack.id}）没有能存放它的表` };
      }
      return { kind: 'table', table: target.table, titleRow: title.row, layout: 'sanGong12', target, headerRow: sanGongRow };
    }
  }

  let best: { table: TableDef; row: number; fit: number; vote: number } | null = null;
  for (const cell of cells) {
    for (const table of pack.tables) {
      const fit = Math.max(0, ...titlesOf(table).map((t) => titleFit(cell.bare, t)));
      if (fit === 0) continue;
      const vote = headerVote(table, headerWords(grid, cell.row));
      if (!best || fit > best.fit || (fit === best.fit && vote > best.vote)) best = { table, row: cell.row, fit, vote };
    }
  }
  if (best) {
    if (best.vote === 0) {
      return { kind: 'unreadable', title: cells.find((c) => c.row === best.row)?.text ?? best.table.title, titleRow: best.row, reason: `标题是${best.table.title}，但表头中没有这张表的任何栏目` };
    }
    return { kind: 'table', table: best.table, titleRow: best.row, layout: 'published' };
  }

  // No title fits: the sheet name's 公开0N表 code, when the headers agree.
  const sheet = normalizeText(grid.name);
  const byCode = pack.tables.find((t) => sheet.includes(normalizeText(t.code)));
  if (byCode && headerVote(byCode, headerWords(grid, 0)) >= 0.5 && !cells.some((c) => LOOKS_LIKE_TABLE.test(c.bare))) {
    return { kind: 'table', table: byCode, titleRow: 0, layout: 'published' };
  }
  const announced = cells.find((c) => LOOKS_LIKE_TABLE.test(c.bare));
  if (announced) {
    return { kind: 'unreadable', title: announced.text, titleRow: announced.row, reason: `本报表格式（${pack.id}）没有标题为“${announced.text}”的表` };
  }
  return { kind: 'none' };
}

const UNIT_LINE = /单位:?(万元|元)/;

/** The 金额单位 stated between the title and the header; null when the sheet states none. */
export function statedUnit(grid: Grid, fromRow: number, toRow: number): MoneyUnit | null {
  for (let r = Math.max(1, fromRow); r <= toRow; r++) {
    for (const cell of grid.rows.get(r)?.values() ?? []) {
      if (cell.mergedCopy) continue;
      const m = UNIT_LINE.exec(normalizeText(cell.text));
      if (m) return m[1] === '万元' ? '万元' : '元';
    }
  }
  return null;
}
