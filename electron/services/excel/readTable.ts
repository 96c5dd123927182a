/**
 * Reads one table off a bureau's sheet: finds the header rows by their words, tells the 科目编码 /
 * 科目名称 / 项目 / 行次 columns from the data columns, maps data columns to the pack's columns by
 * label, and places every row — 科目 rows by code (one 7-digit column or 类|款|项), fixed rows by
 * label text — reporting whatever cannot be placed with its sheet and cell.
 */
import { catalogueEntries } from '../../../shared/engine/catalogueIndex';
import { buildTableLayout } from '../../../shared/engine/layout';
import type { LayoutRow } from '../../../shared/engine/types';
import type { MoneyUnit } from '../../../shared/money/fen';
import { cellTypeIn, type CellValue, type KindLike } from '../../../shared/pack/cellKind';
import { TOTAL_ROW, type CatalogueId, type Pack, type SideDef, type TableDef } from '../../../shared/pack/model';
import type { NamedRowIds } from './namedImport';
import { cellAmount } from './cellAmount';
import { gridCell, gridText, type Grid } from './grid';
import { cellAddress, normalizeLabel, normalizeText } from './words';
import type { NotPlaced } from '../../../shared/api/xlsxPlan';

/** A value read from a cell, placed on a table cell. */
export interface FoundValue {
  table: string;
  row: string;
  col: string;
  /** 分 or a count; a text or a decimal's canonical string ('' when the cell is empty). */
  value: CellValue;
  kind: KindLike;
  sheet: string;
  cell: string;
}

/** Something on the sheet that was not imported, and why. */
export type { NotPlaced };

export interface TableRead {
  table: TableDef;
  sheet: string;
  /** 项 codes of the subject side found on the sheet. */
  subjectRows: string[];
  /** Values of input cells (zero included: the sheet says the cell is zero). */
  inputs: FoundValue[];
  /** Values of computed cells, to compare with what the engine computes. */
  computed: FoundValue[];
  notPlaced: NotPlaced[];
  /** `row:col` → sheet cell, of cells the file has but that could not be read: they keep their stored value. */
  keep: Map<string, string>;
  /** Rows and columns the sheet lacks (a missing side or column): stored values stay where the file gives none. */
  keepRows?: Set<string>;
  keepCols?: Set<string>;
  /** `row:col` of the only input cells this read replaces (a form covering part of a table); undefined = the whole table. */
  scope?: Set<string>;
  /** Computed cells the file gives as one figure that the pack keeps split: they must equal what is computed, or are reported. */
  splitTotals?: (FoundValue & { label: string })[];
  /** Why the table could not be read at all (it is then left as stored and named as 不会导入). */
  fatal?: string;
  /** 项 the catalogue lacks, imported with the name the sheet prints (code → name). */
  ownSubjects?: Record<string, string>;
  /** Things the clerk should check that did not stop a value (a 科目 name unlike the catalogue's). */
  notes?: string[];
  /** Rows of a named side found on the sheet, in sheet order, with their ids (`fresh`: the report lacks that name). */
  namedRows?: { id: string; name: string; fresh: boolean }[];
}

type HeaderKind = 'code' | 'name' | 'item' | 'lineNo' | '类' | '款' | '项';

const ROW_HEADER_WORDS: Record<string, HeaderKind> = {
  科目编码: 'code',
  功能分类科目编码: 'code',
  支出功能分类科目编码: 'code',
  经济分类科目编码: 'code',
  部门预算支出经济分类科目编码: 'code',
  科目代码: 'code',
  编码: 'code',
  科目名称: 'name',
  功能分类科目名称: 'name',
  经济分类科目名称: 'name',
  名称: 'name',
  项目: 'item',
  行次: 'lineNo',
  类: '类',
  款: '款',
  项: '项',
};

const LANCI = '栏次';
const MAX_HEADER_ROWS = 6;

interface SheetColumn {
  col: number;
  words: string[];
  kind: HeaderKind | 'data';
}

interface SheetSide {
  columns: SheetColumn[];
}

/** The row-header words of one table: the common ones and the table's own 项目 headings (项目名称, 指标名称 of a named side). */
type HeaderWords = Readonly<Record<string, HeaderKind>>;

function tableHeaderWords(table: TableDef): HeaderWords {
  const own: Record<string, HeaderKind> = { ...ROW_HEADER_WORDS };
  for (const side of table.sides) {
    if (side.itemLabel) own[normalizeText(side.itemLabel)] = 'item';
    for (const source of side.rows) if (source.type === 'named') own[normalizeText(source.nameLabel)] = 'item';
  }
  return own;
}

function headerKind(words: readonly string[], headerWords: HeaderWords): HeaderKind | 'data' | null {
  for (let i = words.length - 1; i >= 0; i--) {
    const kind = headerWords[words[i] ?? ''];
    if (kind) return kind;
  }
  return words.length > 0 ? 'data' : null;
}

function isInfoLine(text: string): boolean {
  const t = normalizeText(text);
  return t.includes(':') || /^公开\d+表$/.test(t) || /单位$/.test(t);
}

function looksLikeData(grid: Grid, r: number, fixedLabels: ReadonlySet<string>): boolean {
  for (const cell of grid.rows.get(r)?.values() ?? []) {
    if (cell.mergedCopy) continue;
    if (cell.number !== null) return true;
    const t = normalizeText(cell.text);
    if (/^\d{3,7}$/.test(t) || /^-?[\d,]+\.\d+$/.test(t)) return true;
    if (fixedLabels.has(normalizeLabel(cell.text))) return true;
  }
  return false;
}

interface HeaderBand {
  top: number;
  bottom: number;
  dataStart: number;
}

/**
 * A header row that is one merged cell across the whole table (a bureau's “项目” or “本年度决算数”
 * over every column): a caption of the table, not a column's word. Taken for a column's word, a
 * row-header word there would turn every data column into a row-header column.
 */
function spansWholeWidth(grid: Grid, r: number): boolean {
  const cells = [...(grid.rows.get(r)?.entries() ?? [])].filter(([, c]) => c.text.trim() !== '');
  if (cells.length < 2 || cells.filter(([, c]) => !c.mergedCopy).length !== 1) return false;
  const text = cells[0]?.[1].text.trim();
  if (cells.some(([, c]) => c.text.trim() !== text)) return false;
  const cols = cells.map(([c]) => c);
  const from = Math.min(...cols);
  const to = Math.max(...cols);
  // Every column the next header rows use lies under the merged cell.
  for (let below = r + 1; below <= Math.min(grid.lastRow, r + 3); below++) {
    for (const [c, cell] of grid.rows.get(below) ?? []) if (cell.text.trim() !== '' && (c < from || c > to)) return false;
  }
  return true;
}

/** The header rows: from the first row naming a row-header word (and the side labels above it) down to 栏次 or the first data. */
function findHeader(grid: Grid, titleRow: number, fixedLabels: ReadonlySet<string>, headerWords: HeaderWords): HeaderBand | null {
  let anchor = 0;
  for (let r = titleRow + 1; r <= grid.lastRow && anchor === 0; r++) {
    if (spansWholeWidth(grid, r)) continue;
    for (const cell of grid.rows.get(r)?.values() ?? []) {
      const word = normalizeText(cell.text);
      if (headerWords[word] || word === LANCI) anchor = r;
    }
    if (r > titleRow + 12) break;
  }
  if (anchor === 0) return null;
  let top = anchor;
  while (top - 1 > titleRow) {
    const cells = [...(grid.rows.get(top - 1)?.values() ?? [])];
    if (cells.length === 0 || cells.some((c) => isInfoLine(c.text) || c.number !== null)) break;
    top -= 1;
  }
  for (let r = anchor; r <= Math.min(grid.lastRow, anchor + MAX_HEADER_ROWS); r++) {
    const texts = [...(grid.rows.get(r)?.values() ?? [])].map((c) => normalizeText(c.text));
    if (texts.includes(LANCI)) return { top, bottom: r - 1, dataStart: r + 1 };
    if (r > anchor && looksLikeData(grid, r, fixedLabels)) return { top, bottom: r - 1, dataStart: r };
  }
  return { top, bottom: anchor, dataStart: anchor + 1 };
}

function columnWords(grid: Grid, band: HeaderBand, col: number): string[] {
  const words: string[] = [];
  for (let r = band.top; r <= band.bottom; r++) {
    if (spansWholeWidth(grid, r)) continue;
    const w = normalizeText(gridText(grid, r, col));
    if (w !== '' && words[words.length - 1] !== w) words.push(w);
  }
  return words;
}

function splitSides(grid: Grid, band: HeaderBand, headerWords: HeaderWords): SheetSide[] {
  const sides: SheetSide[] = [];
  let current: SheetSide | null = null;
  for (let c = 1; c <= grid.lastCol; c++) {
    const words = columnWords(grid, band, c);
    const kind = headerKind(words, headerWords);
    if (!kind) continue;
    const isRowHeader = kind !== 'data';
    if (!current || (isRowHeader && current.columns.some((x) => x.kind === 'data'))) {
      current = { columns: [] };
      sides.push(current);
    }
    current.columns.push({ col: c, words, kind });
  }
  return sides;
}

function sideKind(side: SideDef): 'subject' | 'catalogue' | 'fixed' | 'named' {
  if (side.rows.some((r) => r.type === 'subject')) return 'subject';
  if (side.rows.some((r) => r.type === 'named')) return 'named';
  if (side.rows.some((r) => r.type === 'catalogue')) return 'catalogue';
  return 'fixed';
}

function sideCatalogue(side: SideDef): CatalogueId | null {
  for (const source of side.rows) if (source.type === 'subject' || source.type === 'catalogue') return source.catalogue;
  return null;
}

/** Pairs the sheet's data columns with the side's columns by their header words. */
function matchColumns(table: TableDef, side: SideDef, sheetSide: SheetSide): { byCol: Map<number, string>; unknown: SheetColumn[]; missing: string[] } {
  const sideWord = side.label ? normalizeText(side.label) : null;
  const defs = side.columns.map((id) => {
    const def = table.columns.find((c) => c.id === id);
    return { id, label: normalizeLabel(def?.label ?? id), groups: (def?.groups ?? []).map(normalizeLabel) };
  });
  const used = new Set<string>();
  const byCol = new Map<number, string>();
  const unknown: SheetColumn[] = [];
  for (const column of sheetSide.columns) {
    if (column.kind !== 'data') continue;
    const words = column.words.filter((w) => w !== sideWord).map(normalizeLabel);
    const last = words[words.length - 1] ?? '';
    const free = defs.filter((d) => !used.has(d.id));
    const inGroups = (d: (typeof defs)[number]) => d.groups.every((g) => words.includes(g));
    let pick =
      free.filter((d) => d.label === last).sort((a, b) => Number(inGroups(b)) - Number(inGroups(a)))[0] ??
      free.find((d) => words.includes(d.label));
    if (!pick && last.length >= 2) {
      const loose = free.filter((d) => last.includes(d.label) || d.label.includes(last));
      if (loose.length === 1) pick = loose[0];
    }
    if (pick) {
      used.add(pick.id);
      byCol.set(column.col, pick.id);
    } else {
      unknown.push(column);
    }
  }
  const missing = side.columns.filter((id) => !used.has(id));
  return { byCol, unknown, missing };
}

/** 类|款|项 parts to one code: 201 | 03 | 01 → 2010301 (numbers lose their leading zero, so pad). */
function joinCodeParts(parts: { level: '类' | '款' | '项'; text: string }[]): string {
  let code = '';
  for (const part of parts) {
    const t = normalizeText(part.text).replace(/\D/g, '');
    if (t === '') continue;
    if (part.level === '类') code = t;
    else if (t.length > 2 && t.startsWith(code)) code = t;
    else code += t.padStart(2, '0');
  }
  return code;
}

function stopsTable(text: string): boolean {
  return /^(说明|注|填报说明|备注)/.test(normalizeText(text));
}

interface RowHeaderValues {
  code: string;
  name: string;
  lineNo: string;
  /** Address of the first row-header cell, for messages. */
  cell: string;
}

function rowHeader(grid: Grid, r: number, side: SheetSide): RowHeaderValues {
  const parts: { level: '类' | '款' | '项'; text: string }[] = [];
  let code = '';
  let name = '';
  let lineNo = '';
  for (const column of side.columns) {
    const text = gridCell(grid, r, column.col)?.mergedCopy ? '' : gridText(grid, r, column.col);
    switch (column.kind) {
      case 'code':
        code = normalizeText(text).replace(/\D/g, '') === normalizeText(text) ? normalizeText(text) : '';
        if (code === '' && text !== '' && name === '') name = text;
        break;
      case '类':
      case '款':
      case '项':
        // 合计 is often typed in (or merged across) the 类|款|项 columns rather than under 科目名称.
        if (text !== '' && /\d/.test(normalizeText(text))) parts.push({ level: column.kind, text });
        else if (text !== '' && name === '') name = text;
        break;
      case 'name':
      case 'item':
        if (text !== '') name = text;
        break;
      case 'lineNo':
        lineNo = normalizeText(text);
        break;
      default:
        break;
    }
  }
  if (parts.length > 0) code = joinCodeParts(parts);
  const first = side.columns[0]?.col ?? 1;
  return { code, name, lineNo, cell: cellAddress(r, first) };
}

/** A run of data rows read as one side of the table. */
interface Segment {
  sheetSide: SheetSide;
  sideIndex: number | undefined;
  from: number;
  to: number;
  /** Side headings and repeated header rows inside the run. */
  skip?: Set<number>;
}

/**
 * A row that starts the next side of a table printed one side above the other: it names a side
 * (收入 / 支出 …, with or without numbering) or repeats the header words, and holds no figure.
 */
function sideSwitch(grid: Grid, r: number, table: TableDef): { label: number | null } | null {
  const cells = [...(grid.rows.get(r)?.values() ?? [])].filter((c) => !c.mergedCopy);
  if (cells.length === 0 || cells.some((c) => c.number !== null)) return null;
  const labels = table.sides.map((d) => (d.label ? normalizeLabel(d.label) : ''));
  const columnWords = new Set(table.columns.map((c) => normalizeLabel(c.label)));
  let label: number | null = null;
  let header = false;
  for (const cell of cells) {
    const word = normalizeLabel(cell.text);
    if (word === '') continue;
    const side = labels.findIndex((l) => l !== '' && (word === l || word === `${l}部分` || word === `${l}项目` || word === `${l}情况`));
    if (side >= 0) {
      label = side;
      continue;
    }
    if (ROW_HEADER_WORDS[normalizeText(cell.text)] || word === LANCI || columnWords.has(word) || /^\d+$/.test(word)) {
      header = header || ROW_HEADER_WORDS[normalizeText(cell.text)] !== undefined;
      continue;
    }
    return null;
  }
  return label !== null || header ? { label } : null;
}

export function readTable(grid: Grid, pack: Pack, table: TableDef, titleRow: number, unit: MoneyUnit, named?: NamedRowIds): TableRead {
  const result: TableRead = { table, sheet: grid.name, subjectRows: [], inputs: [], computed: [], notPlaced: [], keep: new Map(), keepRows: new Set(), keepCols: new Set(), ownSubjects: {}, notes: [] };
  const problem = (cell: string, reason: string) => result.notPlaced.push({ sheet: grid.name, cell, reason });
  const base = buildTableLayout(pack, table, []);
  const fixedLabels = new Set<string>(['合计', '总计']);
  for (const side of base.layout.sides) for (const row of side.rows) if (!row.code) fixedLabels.add(normalizeLabel(row.label));

  const headerWords = tableHeaderWords(table);
  const band = findHeader(grid, titleRow, fixedLabels, headerWords);
  if (!band) {
    problem(cellAddress(Math.max(1, titleRow), 1), `找不到${table.title}的表头（应有“科目编码”“科目名称”或“项目”等栏目），本表未导入`);
    result.fatal = '找不到表头（应有“科目编码”“科目名称”或“项目”等栏目）';
    return result;
  }
  const sheetSides = splitSides(grid, band, headerWords);
  // A side whose header carries a side label (收入/支出) goes to that side; the rest in order.
  const assigned = new Map<number, number>();
  const taken = () => [...assigned.values()];
  sheetSides.forEach((s, i) => {
    const words = new Set(s.columns.flatMap((c) => c.words));
    const byLabel = table.sides.findIndex((d, k) => d.label && words.has(normalizeText(d.label)) && !taken().includes(k));
    if (byLabel >= 0) assigned.set(i, byLabel);
  });
  // A side label on a line of its own just above the header (收入 over a stacked table).
  if (sheetSides.length === 1 && !assigned.has(0) && table.sides.length > 1) {
    for (let r = band.top - 1; r > titleRow && r >= band.top - 2; r--) {
      const hit = sideSwitch(grid, r, table);
      if (hit?.label !== null && hit?.label !== undefined) {
        assigned.set(0, hit.label);
        break;
      }
    }
  }
  sheetSides.forEach((_, i) => {
    if (assigned.has(i)) return;
    const next = table.sides.findIndex((_d, k) => !taken().includes(k));
    if (next >= 0) assigned.set(i, next);
  });

  // Side by side, every sheet side runs down the whole sheet; one above the other, the rows split at each side heading.
  const segments: Segment[] = [];
  const stacked = sheetSides.length === 1 && table.sides.length > 1;
  if (stacked && sheetSides[0]) {
    let from = band.dataStart;
    let side = assigned.get(0);
    const used = new Set<number>(side === undefined ? [] : [side]);
    const skip = new Set<number>();
    for (let r = band.dataStart; r <= grid.lastRow; r++) {
      const hit = sideSwitch(grid, r, table);
      if (!hit) continue;
      skip.add(r);
      // A repeated header right under a side heading belongs to that heading.
      if (hit.label === null && skip.has(r - 1)) continue;
      const next = hit.label ?? table.sides.findIndex((_d, k) => !used.has(k));
      if (next < 0 || next === side) continue;
      if (r > from) segments.push({ sheetSide: sheetSides[0], sideIndex: side, from, to: r - 1, skip });
      side = next;
      used.add(next);
      from = r + 1;
    }
    segments.push({ sheetSide: sheetSides[0], sideIndex: side, from, to: grid.lastRow, skip });
  } else {
    sheetSides.forEach((sheetSide, i) => segments.push({ sheetSide, sideIndex: assigned.get(i), from: band.dataStart, to: grid.lastRow }));
  }
  const readSides = new Set(segments.map((s) => s.sideIndex));
  for (const [k, def] of table.sides.entries()) {
    if (!readSides.has(k)) {
      problem(cellAddress(band.top, 1), `没有找到${table.title}的“${def.label ?? '数据'}”部分，该部分未导入`);
      for (const row of base.layout.sides[k]?.rows ?? []) result.keepRows?.add(row.id);
    }
  }

  const titleOf = (id: string) => pack.catalogues[id]?.title ?? id;
  const seen = new Set<string>();
  for (const segment of segments) {
    const { sheetSide, sideIndex } = segment;
    const sideDef = sideIndex === undefined ? undefined : table.sides[sideIndex];
    const sideLayout = sideIndex === undefined ? undefined : base.layout.sides[sideIndex];
    if (!sideDef || !sideLayout) {
      problem(cellAddress(band.top, sheetSide.columns[0]?.col ?? 1), `${table.title}多出的栏目不属于本表，未导入`);
      continue;
    }
    const { byCol, unknown, missing } = matchColumns(table, sideDef, sheetSide);
    for (const id of missing) {
      const def = table.columns.find((c) => c.id === id);
      problem(cellAddress(band.top, sheetSide.columns[0]?.col ?? 1), `表头中找不到“${[...(def?.groups ?? []), def?.label ?? id].join('·')}”栏，该栏未导入`);
      result.keepCols?.add(id);
    }
    const kind = sideKind(sideDef);
    const catalogue = sideCatalogue(sideDef);
    const fixedRows = sideLayout.rows;
    const usedFixed = new Set<string>();

    for (let r = segment.from; r <= segment.to; r++) {
      if (segment.skip?.has(r)) continue;
      const firstText = gridText(grid, r, 1);
      if (stopsTable(firstText)) break;
      const header = rowHeader(grid, r, sheetSide);
      const valued = [...byCol.keys(), ...unknown.map((u) => u.col)].some((c) => {
        const cell = gridCell(grid, r, c);
        return cell !== undefined && !cell.mergedCopy;
      });
      if (header.code === '' && header.name === '' && !valued) continue;

      let row: LayoutRow | undefined;
      let rowId = '';
      let isNewItem = false;
      const rowName = header.code ? `“${header.code} ${header.name}”` : `“${header.name}”`;
      if (kind === 'subject' && catalogue) {
        if (header.code) {
          const entry = catalogueEntries(pack, catalogue).get(header.code);
          const itemLength = pack.catalogues[catalogue]?.codeLength.项;
          if (!entry && header.code.length === itemLength && header.name.trim() !== '') {
            // A 项 the year's catalogue lacks: kept with the sheet's name, marked, listed by audit G-1.
            rowId = header.code;
            isNewItem = true;
            (result.ownSubjects ??= {})[header.code] = header.name.trim();
          } else if (!entry) {
            const why = header.code.length === itemLength ? '，且文件中没有写科目名称' : '';
            problem(header.cell, `科目编码“${header.code}”不在${titleOf(catalogue)}中${why}，本行未导入`);
            continue;
          } else {
            if (header.name && normalizeText(header.name) !== normalizeText(entry.name)) {
              (result.notes ??= []).push(`工作表“${grid.name}”${header.cell}：科目“${entry.code}”在文件中的名称“${header.name.trim()}”与科目目录中的“${entry.name}”不一致，已按编码导入，请核对`);
            }
            rowId = entry.code;
            isNewItem = entry.level === '项';
          }
        } else if (fixedLabels.has(normalizeLabel(header.name)) || normalizeLabel(header.name) === '合计') {
          rowId = TOTAL_ROW;
        } else {
          if (valued) problem(header.cell, `${rowName}没有科目编码，无法确定科目，本行未导入`);
          continue;
        }
      } else if (kind === 'named') {
        // A named row by its name: the report's row of that name, or a new row (listed in the preview).
        const name = header.name.trim();
        const total = sideLayout.rows.find((r) => r.total && normalizeLabel(r.label) === normalizeLabel(name));
        if (total) row = total;
        else if (name === '') {
          if (valued) problem(header.cell, `${table.title}中有一行没有名称，本行未导入`);
          continue;
        } else if (!named) {
          problem(header.cell, `${rowName}：无法确定行，本行未导入`);
          continue;
        } else {
          const { id, fresh } = named.idOf(table.id, name);
          rowId = id;
          isNewItem = true;
          (result.namedRows ??= []).push({ id, name, fresh });
        }
        if (row) rowId = row.id;
      } else {
        row = matchFixedRow(fixedRows, header, usedFixed, catalogue !== null);
        if (!row && catalogue && header.code) {
          const entry = catalogueEntries(pack, catalogue).get(header.code);
          problem(
            header.cell,
            entry ? `科目“${entry.code} ${entry.name}”不属于${table.title}的这一部分，本行未导入` : `科目编码“${header.code}”不在${titleOf(catalogue)}中，本行未导入`,
          );
          continue;
        }
        if (!row) {
          if (header.name !== '' || valued) problem(header.cell, `无法识别的行${rowName}，本行未导入`);
          continue;
        }
        if (catalogue && header.code && header.name && row.code && normalizeText(header.name) !== normalizeText(row.label)) {
          (result.notes ??= []).push(`工作表“${grid.name}”${header.cell}：科目“${row.code}”在文件中的名称“${header.name.trim()}”与科目目录中的“${row.label}”不一致，已按编码导入，请核对`);
        }
        rowId = row.id;
        usedFixed.add(row.id);
      }
      if (seen.has(rowId)) {
        problem(header.cell, `${rowName}在本表中重复出现，后一行未导入`);
        continue;
      }
      seen.add(rowId);
      if (isNewItem) result.subjectRows.push(rowId);

      for (const [col, colId] of byCol) {
        const address = cellAddress(r, col);
        const cell = gridCell(grid, r, col);
        const colKind: KindLike = cellTypeIn(table, row, colId);
        const amount = cellAmount(cell, colKind, unit);
        const inputs = row ? row.inputs : isNewItem ? subjectInputs(sideDef) : [];
        const cells = row ? row.cells : sideDef.columns;
        if (!amount.ok) {
          problem(address, `${rowName}：${amount.reason}，未导入`);
          if (inputs.includes(colId)) result.keep.set(`${rowId}:${colId}`, address);
          continue;
        }
        const found: FoundValue = { table: table.id, row: rowId, col: colId, value: amount.value, kind: colKind, sheet: grid.name, cell: address };
        if (inputs.includes(colId)) result.inputs.push(found);
        else if (cells.includes(colId)) {
          if (cell && !cell.mergedCopy) result.computed.push(found);
        } else if (amount.value !== 0 && amount.value !== '') problem(address, `${rowName}在本表中没有这一栏的数，未导入`);
      }
      for (const u of unknown) {
        const cell = gridCell(grid, r, u.col);
        if (!cell || cell.mergedCopy) continue;
        const amount = cellAmount(cell, 'money', unit);
        if (!amount.ok || amount.value !== 0) problem(cellAddress(r, u.col), `栏目“${u.words.join('·')}”不是${table.title}的栏目，未导入`);
      }
    }
  }
  return result;
}

function subjectInputs(side: SideDef): string[] {
  for (const source of side.rows) if (source.type === 'subject' || source.type === 'named') return source.inputs;
  return [];
}

/** A fixed (or catalogue) row by its code, or by its label without numbering, preferring the one with the same 行次. */
function matchFixedRow(rows: readonly LayoutRow[], header: RowHeaderValues, used: ReadonlySet<string>, byCode: boolean): LayoutRow | undefined {
  if (header.code) {
    const hit = rows.find((r) => r.code === header.code || (!byCode && r.id === header.code));
    if (hit) return hit;
    if (byCode) return undefined;
  }
  const label = normalizeLabel(header.name);
  if (label === '') return undefined;
  const same = rows.filter((r) => normalizeLabel(r.label) === label);
  const free = same.filter((r) => !used.has(r.id));
  const pick = free.find((r) => header.lineNo !== '' && r.lineNo === header.lineNo) ?? free[0];
  if (pick) return pick;
  if (same.length > 0) return undefined;
  if (label.length < 4) return undefined;
  const loose = rows.filter((r) => !used.has(r.id) && (normalizeLabel(r.label).includes(label) || label.includes(normalizeLabel(r.label))));
  return loose.length === 1 ? loose[0] : undefined;
}

