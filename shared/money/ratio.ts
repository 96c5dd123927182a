/**
 * Exact non-negative-or-negative rationals over BigInt, for 绩效 rates and scores: a score is
 * 分值 × B / A, capped, summed and rescaled, and only the final figure is rounded (half-up, 2 dp).
 * Floats would turn 90 into 89.99999 and move a grade boundary.
 */
export interface Ratio {
  readonly n: bigint;
  /** Always > 0. */
  readonly d: bigint;
}

function gcd(a: bigint, b: bigint): bigint {
  let x = a < 0n ? -a : a;
  let y = b;
  while (y !== 0n) [x, y] = [y, x % y];
  return x === 0n ? 1n : x;
}

export function ratio(n: bigint, d: bigint = 1n): Ratio {
  if (d === 0n) throw new RangeError('分母为零');
  if (d < 0n) [n, d] = [-n, -d];
  const g = gcd(n, d);
  return { n: n / g, d: d / g };
}

export const ZERO = ratio(0n);

export const int = (value: number): Ratio => ratio(BigInt(value));
export const add = (a: Ratio, b: Ratio): Ratio => ratio(a.n * b.d + b.n * a.d, a.d * b.d);
export const sub = (a: Ratio, b: Ratio): Ratio => ratio(a.n * b.d - b.n * a.d, a.d * b.d);
export const mul = (a: Ratio, b: Ratio): Ratio => ratio(a.n * b.n, a.d * b.d);
/** a / b; the caller decides what a zero divisor means (it is never silently 0). */
export const div = (a: Ratio, b: Ratio): Ratio => ratio(a.n * b.d, a.d * b.n);
export const cmp = (a: Ratio, b: Ratio): number => {
  const diff = a.n * b.d - b.n * a.d;
  return diff < 0n ? -1 : diff > 0n ? 1 : 0;
};
export const min = (a: Ratio, b: Ratio): Ratio => (cmp(a, b) <= 0 ? a : b);
export const isZero = (a: Ratio): boolean => a.n === 0n;
export const sum = (items: readonly Ratio[]): Ratio => items.reduce(add, ZERO);

/**
 * Parses a decimal typed by a clerk ("85", "92.5", "１００", "1,200.50", "98%" → 98) exactly.
 * Returns null for text that is not a plain decimal number.
 */
export function parseDecimal(text: string): Ratio | null {
  const t = text
    .replace(/[\uff10-\uff19]/g, (ch) => String.fromCharCode(ch.charCodeAt(0) - 0xfee0))
    .replace(/\uff0e/g, '.')
    .replace(/[,，\s]/g, '')
    .replace(/[%％]$/, '');
  const m = /^([+-]?)(\d+)(?:\.(\d+))?$/.exec(t);
  if (!m) return null;
  const frac = m[3] ?? '';
  const n = BigInt(m[2] + frac) * (m[1] === '-' ? -1n : 1n);
  return ratio(n, 10n ** BigInt(frac.length));
}

/** The one rounding: half-up (away from zero), to `places` decimals, as text with all of them. */
export function toFixed(value: Ratio, places = 2): string {
  const scale = 10n ** BigInt(places);
  const negative = value.n < 0n;
  const abs = negative ? -value.n : value.n;
  let q = (abs * scale) / value.d;
  if (((abs * scale) % value.d) * 2n >= value.d) q += 1n;
  const whole = (q / scale).toString();
  const frac = places > 0 ? '.' + (q % scale).toString().padStart(places, '0') : '';
  return `${negative && q !== 0n ? '-' : ''}${whole}${frac}`;
}

/** Rounds half-up (away from zero) to `places` decimals, exactly: the one rounding of a rate or score. */
export function roundTo(value: Ratio, places: number): Ratio {
  const scale = 10n ** BigInt(places);
  const negative = value.n < 0n;
  const abs = negative ? -value.n : value.n;
  let q = (abs * scale) / value.d;
  if (((abs * scale) % value.d) * 2n >= value.d) q += 1n;
  return ratio(negative ? -q : q, scale);
}
