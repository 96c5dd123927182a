/**
 * The two shapes a clerk pastes, and which one a clipboard block is:
 *  - block: copied from a table of the same shape (our exported workbook, last year's), 类/款 rows
 *    included — it lands row for row, and its 类/款 values (which this table computes) are not written;
 *  - ledger: a column (or columns) of 项 values from a ledger — it lands on consecutive input rows,
 *    stepping over the 类/款/合计 rows in between.
 * A block whose skipped values all equal the totals this table computes is a same-shape copy; one
 * whose skipped values are none of them, and that fits the input rows, is a ledger; anything else
 * is asked (a one-line choice). Pure: the grid passes a `totals` oracle (a scratch engine).
 */
import type { EditRequest, LayoutRow } from '../../../shared/engine/types';
import { resolveCellType, type CellValue } from '../../../shared/pack/cellKind';
import { parseCell } from './cellText';
import { describeCell, rowName } from './place';
import type { PasteArea } from './pastePlan';

export type PasteShape = 'block' | 'ledger';

/** A value that could not be written, with the text the clerk pasted. */
export interface NotLanded {
  text: string;
  where: string;
  why: string;
}

export interface ShapedPaste {
  shape: PasteShape;
  edits: EditRequest[];
  /** Grid positions written (index into area.rows, index into area.columns), for highlighting. */
  landed: { row: number; col: number }[];
  /** Where each part went: runs of consecutive rows, named by their first and last row. */
  parts: string[];
  notLanded: NotLanded[];
  /** Values at computed cells that equal what the table computes (a same-shape copy's totals). */
  matchedTotals: number;
}

export type ShapeDecision =
  | { kind: 'one'; paste: ShapedPaste }
  | { kind: 'choose'; block: ShapedPaste; ledger: ShapedPaste }
  | { kind: 'refused'; message: string };

/** What the table would compute at each (row, col) once `edits` are applied; null where unknown. */
export type TotalsOracle = (edits: EditRequest[], cells: { row: string; col: string }[]) => (number | null)[];

interface Slot {
  row: number;
  col: number;
  text: string;
  source: { r: number; c: number };
}

function runs(area: PasteArea, landed: { row: number; col: number }[]): string[] {
  const rowsHit = [...new Set(landed.map((l) => l.row))].sort((a, b) => a - b);
  const parts: string[] = [];
  let start = -1;
  let prev = -1;
  const flush = () => {
    if (start < 0) return;
    const first = area.rows[start];
    const last = area.rows[prev];
    const cols = landed.filter((l) => l.row >= start && l.row <= prev).map((l) => l.col);
    const c0 = area.columns[Math.min(...cols)];
    const c1 = area.columns[Math.max(...cols)];
    const rowsText = first && last ? (start === prev ? `“${rowName(first)}”` : `“${rowName(first)}”至“${rowName(last)}”`) : '';
    const colsText = c0 && c1 ? (c0 === c1 ? c0.label : `${c0.label}至${c1.label}`) : '';
    parts.push(`${rowsText}（${colsText}）`);
  };
  for (const r of rowsHit) {
    // A run breaks where a row was stepped over: the status line then says the values went on past it.
    if (start >= 0 && r === prev + 1) {
      prev = r;
      continue;
    }
    flush();
    start = r;
    prev = r;
  }
  flush();
  return parts;
}

/** Lines (indexes into area.rows) from the start that have an input cell among the pasted columns. */
function inputLines(area: PasteArea, width: number): number[] {
  const out: number[] = [];
  for (let i = area.startRow; i < area.rows.length; i += 1) {
    const row = area.rows[i];
    if (!row) continue;
    for (let c = 0; c < width; c += 1) {
      const column = area.columns[area.startCol + c];
      if (column && row.inputs.includes(column.id)) {
        out.push(i);
        break;
      }
    }
  }
  return out;
}

type Built = { ok: true; paste: ShapedPaste; dropped: { row: LayoutRow; col: string; text: string; where: string; value: CellValue | null }[] } | { ok: false; message: string };

function build(area: PasteArea, matrix: string[][], shape: PasteShape): Built {
  const height = matrix.length;
  const width = Math.max(0, ...matrix.map((r) => r.length));
  const colsLeft = area.columns.length - area.startCol;
  if (width > colsLeft) {
    return { ok: false, message: `粘贴区域（${height} 行 × ${width} 列）超出表格范围：从当前单元格起向右只有 ${colsLeft} 列，未写入任何数据` };
  }
  const lines = shape === 'block' ? Array.from({ length: area.rows.length - area.startRow }, (_, i) => area.startRow + i) : inputLines(area, width);
  if (height > lines.length) {
    const what = shape === 'block' ? '行' : '可填写的行（已跳过类、款等自动计算行）';
    return { ok: false, message: `粘贴区域（${height} 行 × ${width} 列）超出表格范围：从当前单元格起向下只有 ${lines.length} ${what}，未写入任何数据` };
  }
  const slots: Slot[] = [];
  for (let r = 0; r < height; r += 1) {
    for (let c = 0; c < width; c += 1) slots.push({ row: lines[r] ?? -1, col: area.startCol + c, text: matrix[r]?.[c] ?? '', source: { r, c } });
  }
  const edits: EditRequest[] = [];
  const landed: { row: number; col: number }[] = [];
  const notLanded: NotLanded[] = [];
  const dropped: { row: LayoutRow; col: string; text: string; where: string; value: CellValue | null }[] = [];
  for (const slot of slots) {
    const row = area.rows[slot.row] ?? null;
    const column = area.columns[slot.col];
    if (!column) continue;
    const text = slot.text.trim();
    if (!row || !row.cells.includes(column.id)) {
      if (text !== '') notLanded.push({ text, where: row ? describeCell(area.table, row, column) : `粘贴内容第 ${slot.source.r + 1} 行第 ${slot.source.c + 1} 列`, why: '此处没有单元格' });
      continue;
    }
    const kind = resolveCellType(column, row);
    if (!row.inputs.includes(column.id)) {
      if (text === '') continue;
      const parsed = parseCell(text, kind, area.unit);
      dropped.push({ row, col: column.id, text, where: describeCell(area.table, row, column), value: parsed.ok ? parsed.value : null });
      continue;
    }
    const parsed = parseCell(text, kind, area.unit);
    if (!parsed.ok) {
      return {
        ok: false,
        message: `粘贴未执行：${describeCell(area.table, row, column)}：${parsed.message}（粘贴内容第 ${slot.source.r + 1} 行第 ${slot.source.c + 1} 列），未写入任何数据`,
      };
    }
    edits.push({ table: area.table.id, row: row.id, col: column.id, value: parsed.value });
    landed.push({ row: slot.row, col: slot.col });
  }
  return { ok: true, paste: { shape, edits, landed, parts: runs(area, landed), notLanded, matchedTotals: 0 }, dropped };
}

/** Decides the shape of a pasted block (or says it must be asked), with both plans ready. */
export function decidePaste(area: PasteArea, matrix: string[][], totals: TotalsOracle): ShapeDecision {
  if (matrix.length === 0 || matrix.every((r) => r.length === 0)) return { kind: 'refused', message: '剪贴板中没有可粘贴的内容' };
  const block = build(area, matrix, 'block');
  const ledger = build(area, matrix, 'ledger');
  if (!block.ok && !ledger.ok) return { kind: 'refused', message: block.message };
  if (!block.ok) return ledger.ok ? { kind: 'one', paste: ledger.paste } : { kind: 'refused', message: block.message };

  // Values at computed cells: a same-shape copy's totals equal what this table computes from the copy.
  const computed = block.dropped.length > 0 ? totals(block.paste.edits, block.dropped.map((d) => ({ row: d.row.id, col: d.col }))) : [];
  let matched = 0;
  block.dropped.forEach((d, i) => {
    if (d.value !== null && computed[i] === d.value) matched += 1;
    else block.paste.notLanded.push({ text: d.text, where: d.where, why: '自动计算的单元格，不能直接填写' });
  });
  block.paste.matchedTotals = matched;
  if (block.dropped.length === 0 || matched === block.dropped.length) return { kind: 'one', paste: block.paste };
  if (!ledger.ok) return { kind: 'one', paste: block.paste };
  if (matched === 0 && ledger.paste.notLanded.length === 0) return { kind: 'one', paste: ledger.paste };
  return { kind: 'choose', block: block.paste, ledger: ledger.paste };
}

/** The status line after a paste: how many, where each part went, and what could not land. */
export function shapedSummary(paste: ShapedPaste): string {
  const how = paste.shape === 'ledger' ? '（按项依次填入，跳过类、款等自动计算行）' : '（按行对应）';
  const parts = [`已粘贴 ${paste.edits.length} 个单元格${how}：${paste.parts.join('；')}`];
  if (paste.matchedTotals > 0) parts.push(`${paste.matchedTotals} 个合计值与本表自动计算一致，未重复写入`);
  if (paste.notLanded.length > 0) {
    const list = paste.notLanded.slice(0, 8).map((n) => `“${n.text}”→${n.where}（${n.why}）`);
    parts.push(`未能写入 ${paste.notLanded.length} 个值：${list.join('；')}${paste.notLanded.length > 8 ? '……' : ''}`);
  }
  return parts.join('。');
}
