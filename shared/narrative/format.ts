/** How figures are written in a published 情况说明: no thousands separators, 2 decimals, unit word attached. */
import { formatAmount, type Fen, type MoneyUnit } from '../money/fen';

/** `6442713.85元` or `644.27万元` — as S001 and the Shanghai template write them. */
export function amountText(fen: Fen, unit: MoneyUnit): string {
  return `${formatAmount(fen, { unit, grouping: false })}${unit}`;
}

/** A 2-decimal figure held in hundredths (面积 平方米): `123.40`. */
export function hundredthsText(value: number): string {
  return formatAmount(value, { unit: '元', grouping: false });
}

const DIGITS = ['零', '一', '二', '三', '四', '五', '六', '七', '八', '九'];

/** 1 → 一, 10 → 十, 12 → 十二, 20 → 二十, 35 → 三十五 (list numbers (一)…(三十五)). */
export function chineseNumber(n: number): string {
  if (!Number.isInteger(n) || n < 1 || n > 99) return String(n);
  const tens = Math.floor(n / 10);
  const ones = n % 10;
  const head = tens === 0 ? '' : tens === 1 ? '十' : `${DIGITS[tens] ?? ''}十`;
  return head + (ones === 0 ? '' : (DIGITS[ones] ?? ''));
}

/** The 类 name without its trailing 支出: 一般公共服务支出 → 一般公共服务. */
export function shortName(label: string): string {
  return label.endsWith('支出') ? label.slice(0, -2) : label;
}
