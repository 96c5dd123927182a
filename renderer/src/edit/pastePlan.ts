import type { MoneyUnit } from '../../../shared/money/fen';
import type { EditRequest, LayoutRow } from '../../../shared/engine/types';
import { resolveCellType } from '../../../shared/pack/cellKind';
import type { ColumnDef, TableDef } from '../../../shared/pack/model';
import { parseCell } from './cellText';
import { describeCell } from './place';

/** The part of a table a paste lands on: one side's rows (grid order, null = padding line) and data columns. */
export interface PasteArea {
  table: Pick<TableDef, 'id' | 'code' | 'title'>;
  rows: (LayoutRow | null)[];
  columns: ColumnDef[];
  /** Focused cell: index into rows and into columns. */
  startRow: number;
  startCol: number;
  unit: MoneyUnit;
}

export type PastePlan =
  | { ok: true; edits: EditRequest[]; skippedComputed: number; skippedMissing: number }
  | { ok: false; message: string };

/**
 * Maps a pasted rectangle onto the table from the focused cell, right and down within one side.
 * All or nothing: one unreadable value refuses the whole paste, naming the cell, so a clerk never
 * has half a block written. Computed cells inside the area are skipped, not refused: a block copied
 * from a filled-in workbook carries its totals too.
 */
export function planPaste(area: PasteArea, matrix: string[][]): PastePlan {
  const height = matrix.length;
  const width = Math.max(0, ...matrix.map((r) => r.length));
  if (height === 0 || width === 0) return { ok: false, message: '剪贴板中没有可粘贴的内容' };
  const rowsLeft = area.rows.length - area.startRow;
  const colsLeft = area.columns.length - area.startCol;
  if (height > rowsLeft || width > colsLeft) {
    return {
      ok: false,
      message: `粘贴区域（${height} 行 × ${width} 列）超出表格范围：从当前单元格起向下只有 ${rowsLeft} 行、向右只有 ${colsLeft} 列，未写入任何数据`,
    };
  }
  const edits: EditRequest[] = [];
  let skippedComputed = 0;
  let skippedMissing = 0;
  for (let r = 0; r < height; r += 1) {
    const row = area.rows[area.startRow + r] ?? null;
    for (let c = 0; c < width; c += 1) {
      const column = area.columns[area.startCol + c];
      const text = matrix[r]?.[c] ?? '';
      if (!column) continue;
      if (!row || !row.cells.includes(column.id)) {
        skippedMissing += 1;
        continue;
      }
      if (!row.inputs.includes(column.id)) {
        skippedComputed += 1;
        continue;
      }
      const parsed = parseCell(text, resolveCellType(column, row), area.unit);
      if (!parsed.ok) {
        return {
          ok: false,
          message: `粘贴未执行：${describeCell(area.table, row, column)}：${parsed.message}（粘贴内容第 ${r + 1} 行第 ${c + 1} 列），未写入任何数据`,
        };
      }
      edits.push({ table: area.table.id, row: row.id, col: column.id, value: parsed.value });
    }
  }
  return { ok: true, edits, skippedComputed, skippedMissing };
}

/** 已粘贴 4 个单元格，跳过 2 个自动计算的单元格 */
export function pasteSummary(plan: { edits: unknown[]; skippedComputed: number; skippedMissing: number }): string {
  const parts = [`已粘贴 ${plan.edits.length} 个单元格`];
  if (plan.skippedComputed > 0) parts.push(`跳过 ${plan.skippedComputed} 个自动计算的单元格`);
  if (plan.skippedMissing > 0) parts.push(`跳过 ${plan.skippedMissing} 个空白位置`);
  return parts.join('，');
}
