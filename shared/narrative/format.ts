/**
 * How figures are written in a published 情况说明. Bureaus differ: S001 writes 6442713.85元 and 100.00%,
 * others 6,442,713.85元, 100% or 0元 — the clerk picks per report (see options.ts); the default is S001's.
 */
import { formatAmount, type Fen, type MoneyUnit } from '../money/fen';

export interface FigureStyle {
  /** `trim`: a percentage with nothing after the point is written 100%, 0% (others keep 2 decimals). */
  percent: 'fixed' | 'trim';
  /** `bare`: an amount of exactly 0 is written 0元 / 0万元 instead of 0.00元. */
  zero: 'fixed' | 'bare';
  /** Thousands separators in amounts: 6,442,713.85元. */
  grouping: boolean;
}

export const DEFAULT_STYLE: FigureStyle = { percent: 'fixed', zero: 'fixed', grouping: false };

/** `6442713.85元` or `644.27万元` (S001, the Shanghai template), in the report's style. */
export function amountText(fen: Fen, unit: MoneyUnit, style: FigureStyle = DEFAULT_STYLE): string {
  const text = formatAmount(fen, { unit, grouping: style.grouping });
  if (style.zero === 'bare' && /^-?0\.00$/.test(text)) return `0${unit}`;
  return `${text}${unit}`;
}

/** A 2-decimal percentage figure (no % sign) in the report's style: 85.37, 100.00 or 100. */
export function percentText(rate: string, style: FigureStyle = DEFAULT_STYLE): string {
  return style.percent === 'trim' ? rate.replace(/\.00$/, '') : rate;
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

/**
 * A 类 named as published, the catalogue's name with “(类)”: 一般公共服务支出 → 一般公共服务(类)支出 (S001).
 * Only where the name is “<noun>支出” is the mark put before 支出; a name that would be cut mid-phrase
 * (抗疫特别国债安排的支出 → “…安排的(类)支出”) or does not end in 支出 (预备费) keeps the whole name
 * and the mark goes after it.
 */
export function className(label: string): string {
  const stem = shortName(label);
  if (stem !== label && stem !== '' && !stem.endsWith('的')) return `${stem}(类)支出`;
  return `${label}(类)`;
}
