/**
 * Where each part of a published table goes on its sheet: the columns of every side (科目编码 and
 * 科目名称, or 项目 and 行次, then the data columns), the header words of each column from the top
 * header row down, and the rectangles those words merge into. The exporter and the print view draw from this; the
 * importer does not need it (it finds columns by their words), which keeps bureau layouts readable.
 */
import type { SideDef, TableDef } from '../pack/model';

export type SheetColumnKind = 'code' | 'name' | 'item' | 'lineNo' | 'data';

export interface SheetColumn {
  kind: SheetColumnKind;
  /** Index of the side in TableDef.sides. */
  side: number;
  /** The data column id (c1 …) for data columns. */
  colId?: string;
  /** Header words from the top header row down; as long as the header is deep. */
  header: string[];
  /** 栏次 as printed under the header ('' where none). */
  lanci: string;
  /** Width in Excel character units. */
  width: number;
}

export interface HeaderMerge {
  /** 0-based header row and sheet column indexes (into `columns`), inclusive. */
  top: number;
  left: number;
  bottom: number;
  right: number;
  text: string;
}

export interface SheetLayout {
  columns: SheetColumn[];
  headerDepth: number;
  merges: HeaderMerge[];
  /** Print in landscape: too wide for A4 portrait at a readable size. */
  landscape: boolean;
}

export const CODE_HEADER = '科目编码';
export const NAME_HEADER = '科目名称';
export const ITEM_HEADER = '项目';
export const LINE_HEADER = '行次';

type DraftColumn = Omit<SheetColumn, 'header'> & { words: string[] };

function rowHeaderColumns(table: TableDef, side: SideDef, index: number): DraftColumn[] {
  const cols: DraftColumn[] = [];
  if (side.rowHeader === 'subject') {
    cols.push({ kind: 'code', side: index, lanci: '', width: 12, words: [CODE_HEADER] });
    cols.push({ kind: 'name', side: index, lanci: '', width: table.sides.length > 1 ? 28 : 34, words: [NAME_HEADER] });
  } else {
    // As wide as the longest fixed label (CJK characters take two units), within reason.
    const labels = side.rows.flatMap((source) => (source.type === 'fixed' ? source.rows.map((r) => r.label.length + (r.indent ?? 0)) : []));
    const width = Math.max(12, Math.min(table.sides.length > 1 ? 34 : 40, Math.max(0, ...labels) * 2 + 2));
    cols.push({ kind: 'item', side: index, lanci: '', width, words: [side.itemLabel ?? ITEM_HEADER] });
  }
  if (side.lineNumbers) cols.push({ kind: 'lineNo', side: index, lanci: '', width: 6, words: [LINE_HEADER] });
  return cols;
}

export function sheetLayout(table: TableDef): SheetLayout {
  const labelled = table.sides.some((s) => s.label);
  const draft: DraftColumn[] = [];
  table.sides.forEach((side, index) => {
    const sideWords = labelled ? [side.label ?? ''] : [];
    for (const col of rowHeaderColumns(table, side, index)) draft.push({ ...col, words: [...sideWords, ...col.words] });
    for (const colId of side.columns) {
      const def = table.columns.find((c) => c.id === colId);
      const words = [...sideWords, ...(def?.groups ?? []), def?.label ?? colId];
      const longest = Math.max(...words.map((w) => w.length));
      draft.push({ kind: 'data', side: index, colId, lanci: def?.lanci ?? '', width: Math.max(15, Math.min(18, longest * 2 + 2)), words });
    }
  });
  const headerDepth = Math.max(...draft.map((c) => c.words.length));
  // A label shorter than the header fills downwards, so it merges into one tall cell.
  const columns: SheetColumn[] = draft.map(({ words, ...rest }) => {
    const header = [...words];
    while (header.length < headerDepth) header.push(words[words.length - 1] ?? '');
    return { ...rest, header };
  });
  const merges = headerMerges(columns, headerDepth);
  const width = columns.reduce((sum, c) => sum + c.width, 0);
  return { columns, headerDepth, merges, landscape: width > 100 || table.sides.length > 1 };
}

/** Same words under the same words above (same side) merge across; a word repeated downwards merges down. */
function headerMerges(columns: SheetColumn[], depth: number): HeaderMerge[] {
  const covered = new Set<string>();
  const merges: HeaderMerge[] = [];
  const samePrefix = (a: SheetColumn, b: SheetColumn, row: number): boolean =>
    a.side === b.side && a.header.slice(0, row + 1).join('\u0000') === b.header.slice(0, row + 1).join('\u0000');
  for (let r = 0; r < depth; r++) {
    for (let c = 0; c < columns.length; c++) {
      if (covered.has(`${r}:${c}`)) continue;
      const first = columns[c];
      if (!first) continue;
      let right = c;
      for (let n = c + 1; n < columns.length; n++) {
        const next = columns[n];
        if (!next || !samePrefix(first, next, r)) break;
        right = n;
      }
      let bottom = r;
      const text = first.header[r] ?? '';
      for (let down = r + 1; down < depth; down++) {
        let all = true;
        for (let k = c; k <= right; k++) if (columns[k]?.header[down] !== text || columns[k]?.header[down - 1] !== text) all = false;
        if (!all) break;
        bottom = down;
      }
      for (let rr = r; rr <= bottom; rr++) for (let k = c; k <= right; k++) covered.add(`${rr}:${k}`);
      merges.push({ top: r, left: c, bottom, right, text });
    }
  }
  return merges;
}
