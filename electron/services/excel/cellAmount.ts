/**
 * One sheet cell as 分 (or a whole count): numbers, formulas' cached results, and text with thousands
 * separators all count; an empty cell (or a dash) is zero. Anything else is refused with a reason.
 */
import type { MoneyUnit } from '../../../shared/money/fen';
import { codecOf, isStringKind, parseCellText, typeOf, type CellValue, type KindLike } from '../../../shared/pack/cellKind';
import type { GridCell } from './grid';

/** A number for money and counts (0 when empty); a string for text and decimals ('' when empty). */
export type AmountResult = { ok: true; value: CellValue } | { ok: false; reason: string };

const DASHES = /^[-—–－/／\\]+$/;

/** A float off a 2-decimal (元) value only by binary noise — what a SUM of such values gives — is that value. */
function scaledInteger(value: number, scale: number): number | null {
  const scaled = value * scale;
  const rounded = Math.round(scaled);
  return Math.abs(scaled - rounded) <= Math.max(1e-6, Math.abs(scaled) * 1e-12) ? rounded : null;
}

/** A text, decimal or percent cell: the text, or the decimal read at the column's places ('' when empty). */
function typedValue(cell: GridCell | undefined, kind: KindLike, unit: MoneyUnit): AmountResult {
  if (!cell || cell.mergedCopy) return { ok: true, value: '' };
  if (cell.uncalculated) return { ok: false, reason: '公式没有保存计算结果（请在 Excel 中打开、重新计算并保存后再导入）' };
  const type = typeOf(kind);
  const codec = codecOf(type);
  const text = cell.text.trim();
  if (codec.numeric && (text === '' || DASHES.test(text)) && cell.number === null) return { ok: true, value: '' };
  const parsed = cell.number !== null && Number.isFinite(cell.number) ? codec.fromSheetNumber(cell.number, unit, type) : parseCellText(text, type, unit);
  if (!parsed) return { ok: false, reason: `“${cell.text}”不是有效的数值` };
  if (!parsed.ok) return { ok: false, reason: parsed.message };
  return { ok: true, value: typeof parsed.value === 'string' ? parsed.value : '' };
}

export function cellAmount(cell: GridCell | undefined, kind: KindLike, unit: MoneyUnit): AmountResult {
  if (isStringKind(kind)) return typedValue(cell, kind, unit);
  if (!cell || cell.mergedCopy) return { ok: true, value: 0 };
  if (cell.date) {
    const shown = cell.text ? `（显示为日期 ${cell.text}）` : '（数值超出日期范围，Excel 显示为 ####）';
    return { ok: false, reason: `单元格设为日期格式${shown}，不能作为金额读取；请在 Excel 中把该格设为“数值”格式后再导入` };
  }
  if (cell.uncalculated) return { ok: false, reason: '公式没有保存计算结果（请在 Excel 中打开、重新计算并保存后再导入）' };
  if (cell.number !== null) {
    const n = cell.number;
    if (!Number.isFinite(n)) return { ok: false, reason: `“${cell.text}”不是有效的数值` };
    if (codecOf(kind).whole) {
      const whole = scaledInteger(n, 1);
      return whole === null ? { ok: false, reason: `“${cell.text}”不是整数` } : { ok: true, value: whole };
    }
    if (unit === '万元') {
      // A 万元 figure is already rounded; its 分 are only as exact as the file.
      return { ok: true, value: Math.round(n * 1_000_000) };
    }
    const fen = scaledInteger(n, 100);
    if (fen === null) return { ok: false, reason: `“${cell.text}”的小数位超过两位（分）` };
    return { ok: true, value: fen };
  }
  const text = cell.text.trim();
  if (text === '' || DASHES.test(text)) return { ok: true, value: 0 };
  const parsed = parseCellText(text, kind, unit);
  if (!parsed.ok) return { ok: false, reason: parsed.message };
  return { ok: true, value: parsed.fen ?? 0 };
}
