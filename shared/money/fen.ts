/**
 * Money is integer 分 (fen) everywhere inside the program; text exists only at the edges.
 * A JS number holds integers exactly up to 2^53 ≈ 9.0e15 分 = 9.0e13 元, far above any county
 * department's figures, so `number` is used and every parse/sum is checked to stay a safe integer.
 */
export type Fen = number;

/** The largest amount a clerk may type: 10^12 元 (spec: amounts up to 10^12 元). */
export const MAX_YUAN = 1_000_000_000_000;
export const MAX_FEN: Fen = MAX_YUAN * 100;

/** Display unit chosen by the clerk; storage is always 分. */
export type MoneyUnit = '元' | '万元';

export type ParseResult = { ok: true; fen: Fen | null } | { ok: false; message: string };

const FULL_WIDTH_OFFSET = 0xff10 - 0x30; // '０' - '0'

/** Full-width digits, sign, point and comma (as WPS/Word output them) to ASCII. */
function toHalfWidth(text: string): string {
  return text.replace(/[\uff10-\uff19\uff0e\uff0c\uff0d\uff0b\uff08\uff09\u3000]/g, (ch) => {
    const code = ch.charCodeAt(0);
    if (code >= 0xff10 && code <= 0xff19) return String.fromCharCode(code - FULL_WIDTH_OFFSET);
    switch (ch) {
      case '\uff0e': return '.';
      case '\uff0c': return ',';
      case '\uff0d': return '-';
      case '\uff0b': return '+';
      case '\uff08': return '(';
      case '\uff09': return ')';
      default: return ' ';
    }
  });
}

/**
 * Parses an amount typed or pasted by a clerk, in `unit` (元 by default), into 分.
 * Accepts thousands separators, a leading minus (ASCII, full-width or U+2212), accounting
 * parentheses for negatives, full-width digits, surrounding spaces and a trailing 元/万元.
 * Empty text means "no value" (fen: null). More decimals than 分 can hold are refused, not rounded:
 * silently dropping a digit the clerk typed would invent a number.
 */
export function parseAmount(input: string, unit: MoneyUnit = '元'): ParseResult {
  let text = toHalfWidth(input).replace(/\u2212/g, '-').trim();
  if (text === '') return { ok: true, fen: null };
  text = text.replace(/\s*(万元|元)$/, '').trim();
  let negative = false;
  if (/^\(.*\)$/.test(text)) {
    negative = true;
    text = text.slice(1, -1).trim();
  }
  if (text.startsWith('-')) {
    negative = !negative;
    text = text.slice(1).trim();
  } else if (text.startsWith('+')) {
    text = text.slice(1).trim();
  }
  // Separators must sit between groups of three digits; "1,2" is a typo, not 12.
  if (!/^(\d{1,3}(,\d{3})+|\d+)(\.\d*)?$|^\.\d+$/.test(text)) {
    return { ok: false, message: `“${input.trim()}”不是有效的金额` };
  }
  const [intPart = '', fracPart = ''] = text.replace(/,/g, '').split('.');
  const scale = unit === '元' ? 2 : 6; // 1 元 = 100 分; 1 万元 = 1,000,000 分
  const frac = fracPart.replace(/0+$/, '');
  if (frac.length > scale) {
    const allowed = unit === '元' ? '两位小数（分）' : '六位小数';
    return { ok: false, message: `“${input.trim()}”的小数位过多，金额最多${allowed}` };
  }
  const digits = (intPart.replace(/^0+(?=\d)/, '') || '0') + frac.padEnd(scale, '0');
  const fen = Number(digits);
  if (!Number.isSafeInteger(fen) || fen > MAX_FEN) {
    return { ok: false, message: `“${input.trim()}”超出允许范围（最大 1,000,000,000,000 元）` };
  }
  return { ok: true, fen: negative && fen !== 0 ? -fen : fen };
}

/** Parses a whole count (人次, 辆, 个); counts are stored as plain integers. */
export function parseCount(input: string): ParseResult {
  const text = toHalfWidth(input).replace(/,/g, '').trim();
  if (text === '') return { ok: true, fen: null };
  if (!/^-?\d+$/.test(text)) return { ok: false, message: `“${input.trim()}”不是整数` };
  const n = Number(text);
  if (!Number.isSafeInteger(n)) return { ok: false, message: `“${input.trim()}”超出允许范围` };
  return { ok: true, fen: n };
}

function groupThousands(digits: string): string {
  return digits.replace(/\B(?=(\d{3})+(?!\d))/g, ',');
}

/**
 * Rounds |fen| / 10^places half-up (away from zero for negatives: 四舍五入 as accountants use it)
 * and returns sign, integer part and 2-digit fraction of the result in the display unit.
 */
function toUnitParts(fen: Fen, unit: MoneyUnit): { negative: boolean; int: string; frac: string } {
  const negative = fen < 0;
  let abs = Math.abs(fen);
  if (unit === '万元') {
    // 0.01 万元 = 10,000 分; round half-up to that step.
    const step = 10_000;
    const rem = abs % step;
    abs = (abs - rem) / step + (rem * 2 >= step ? 1 : 0); // now in units of 0.01 万元
  }
  const int = Math.trunc(abs / 100).toString();
  const frac = (abs % 100).toString().padStart(2, '0');
  return { negative: negative && abs !== 0, int, frac };
}

export interface FormatOptions {
  unit?: MoneyUnit;
  /** Thousands separators, as grids and Excel show them; narrative text writes none. */
  grouping?: boolean;
}

/** Formats 分 for display: always exactly 2 decimals in the chosen unit. */
export function formatAmount(fen: Fen, options: FormatOptions = {}): string {
  const { unit = '元', grouping = true } = options;
  const { negative, int, frac } = toUnitParts(fen, unit);
  return `${negative ? '-' : ''}${grouping ? groupThousands(int) : int}.${frac}`;
}

/** 分 as a plain decimal string in 元 ("1660834.72"): the form of the report file and `show --json`. */
export function fenToYuanString(fen: Fen): string {
  return formatAmount(fen, { unit: '元', grouping: false });
}

/** Sum that refuses to leave the range where integers are exact. */
export function addFen(a: Fen, b: Fen): Fen {
  const s = a + b;
  if (!Number.isSafeInteger(s)) throw new RangeError('金额合计超出可精确表示的范围');
  return s;
}

/**
 * part / whole × 100, rounded once, half-up, to 2 decimals; null when whole is 0 (a share or
 * growth rate against zero is never computed). Done in BigInt so part × 10,000 cannot overflow.
 */
export function percent(part: Fen, whole: Fen): string | null {
  if (whole === 0) return null;
  const negative = (part < 0) !== (whole < 0) && part !== 0;
  const p = BigInt(Math.abs(part)) * 10_000n;
  const w = BigInt(Math.abs(whole));
  let q = p / w;
  if ((p % w) * 2n >= w) q += 1n;
  const int = (q / 100n).toString();
  const frac = (q % 100n).toString().padStart(2, '0');
  return `${negative && q !== 0n ? '-' : ''}${int}.${frac}`;
}
