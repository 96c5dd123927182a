/**
 * The ONE place that says what kind of value a cell holds and how that kind becomes text and back.
 * Every consumer — grid, paste, Excel import and export, the CLI, the report file, audit messages,
 * the narrative's 上年数 — asks here, so a count is a count everywhere and money is money everywhere.
 *
 * The rule: the column's kind wins over the row's (a 团组数 column is counts on every row of a 三公
 * table); a row without a column kind gives its own (相关统计数 rows); neither means money.
 *
 * New kinds are added in two spots: `ValueKind` (pack model) and `KIND_CODECS` below. A kind's
 * codec is all the text handling a consumer ever needs, so none of them writes `kind === 'count'`.
 *
 * A cell's type is its kind with what the column says about it (`decimals`, `maxLength`). Values:
 *  - money: integer 分; count: a whole number;
 *  - text: the text itself (a string);
 *  - decimal / percent: the canonical decimal string with exactly `decimals` places ("85.50") in the
 *    store, the report file and every edit; inside the engine the same value scaled by 10^decimals
 *    (8550), a safe integer. Percent holds the percent figure (85.50 is 85.50%).
 * Every codec function takes either form, so a consumer never converts by hand.
 */
import { fenToYuanString, formatAmount, parseAmount, parseCount, type MoneyUnit } from '../money/fen';
import { DEFAULT_DECIMALS, DEFAULT_TEXT_LENGTH, type ColumnDef, type TableDef, type ValueKind } from './model';

/** Anything that may carry a kind: a column, a fixed row definition or a layout row. */
export interface KindCarrier {
  kind?: ValueKind;
}

/** A cell's kind with the column's places and length limit. */
export interface CellType {
  kind: ValueKind;
  /** Places of a decimal or percent value (0 for the others). */
  decimals: number;
  /** Longest text of a text cell. */
  maxLength: number;
}

/** A kind alone (a column without `decimals` reads the defaults) or a full cell type. */
export type KindLike = ValueKind | CellType;

/** A cell value as it travels: a number (分, a count, a scaled decimal inside the engine) or a string (a text, a canonical decimal). */
export type CellValue = number | string;

/** The result of reading a cell's text: `value` null is an empty cell. `fen` is the number of money and count cells (null for the others). */
export type CellParse = { ok: true; value: CellValue | null; fen: number | null } | { ok: false; message: string };

/** The cell's kind from its column and row: the column's kind wins; then the row's; else money. */
export function resolveCellKind(column: KindCarrier | undefined, row: KindCarrier | undefined): ValueKind {
  return column?.kind ?? row?.kind ?? 'money';
}

/** The cell's type: the kind (column over row), with the column's decimals and text length. */
export function resolveCellType(column: (KindCarrier & Pick<ColumnDef, 'decimals' | 'maxLength'>) | undefined, row: KindCarrier | undefined): CellType {
  const kind = resolveCellKind(column, row);
  return {
    kind,
    decimals: kind === 'decimal' || kind === 'percent' ? (column?.decimals ?? DEFAULT_DECIMALS) : 0,
    maxLength: column?.maxLength ?? DEFAULT_TEXT_LENGTH,
  };
}

/** The kind of the cell at `row` × column `colId` of `table`. */
export function cellKindIn(table: Pick<TableDef, 'columns'> | undefined, row: KindCarrier | undefined, colId: string): ValueKind {
  const column: ColumnDef | undefined = table?.columns.find((c) => c.id === colId);
  return resolveCellKind(column, row);
}

/** The type of the cell at `row` × column `colId` of `table`. */
export function cellTypeIn(table: Pick<TableDef, 'columns'> | undefined, row: KindCarrier | undefined, colId: string): CellType {
  return resolveCellType(table?.columns.find((c) => c.id === colId), row);
}

export function typeOf(kind: KindLike): CellType {
  return typeof kind === 'string' ? resolveCellType({ kind }, undefined) : kind;
}

export interface DisplayOptions {
  /** Display unit of money (storage is always 分). */
  unit?: MoneyUnit;
  /** Thousands separators, as grids and Excel show them. */
  grouping?: boolean;
}

/** How one kind of value is read from text and written as text. */
export interface KindCodec {
  /** Text a clerk typed or pasted (or a sheet cell's text) → stored value; '' → null. */
  parse(text: string, unit: MoneyUnit, type: CellType): CellParse;
  /** Stored value → what a grid, a preview or an audit message shows. */
  display(value: CellValue, options: DisplayOptions, type: CellType): string;
  /** Stored value → the plain, unit-free text of the report file and `show --json` ("1660834.72", "3", "85.50"). */
  plain(value: CellValue, type: CellType): string;
  /** Stored value → what an exported workbook cell holds, in the chosen unit (a number, or a text). */
  sheetValue(value: CellValue, unit: MoneyUnit, type: CellType): number | string;
  /** A workbook cell's number → the value (null when it cannot be one: the caller then reads its text). */
  fromSheetNumber(value: number, unit: MoneyUnit, type: CellType): CellParse | null;
  /** Whether a sheet number must be a whole number (a count), rather than a decimal in the display unit. */
  whole: boolean;
  /** Whether the value is a number a formula or an audit rule may read (text is not). */
  numeric: boolean;
  /** Excel number format of an exported cell of this type. */
  format(type: CellType): string;
  /** Excel number format at the kind's default places. */
  numFmt: string;
  /** Stored number → the number an exported workbook cell holds (money and count; see sheetValue for every kind). */
  sheetNumber(value: number, unit: MoneyUnit): number;
  /** Left-aligned like text (text cells), else right-aligned like numbers. */
  alignLeft: boolean;
  /** The value the engine computes with (分, a count, a scaled decimal); null for text. */
  engineNumber(value: CellValue, type: CellType): number | null;
  /** Decimal places of the engine's number: it is the natural value × 10^places (分: 2, a count: 0, a decimal: its column's). */
  places(type: CellType): number;
  /** The engine's number → the value as stored (canonical string of a decimal). */
  fromEngineNumber(value: number, type: CellType): CellValue;
}

const groupedInteger = (value: number, grouping: boolean): string =>
  grouping ? value.toLocaleString('en-US', { maximumFractionDigits: 0 }) : String(value);

const numberOf = (value: CellValue): number => (typeof value === 'number' ? value : Number(value));

const HALF_WIDTH: Record<string, string> = { '\uff0e': '.', '\uff0c': ',', '\uff0d': '-', '\uff0b': '+', '\uff05': '%', '\u2212': '-' };
function halfWidth(text: string): string {
  return text.replace(/[\uff10-\uff19]/g, (ch) => String.fromCharCode(ch.charCodeAt(0) - 0xfee0)).replace(/[\uff0e\uff0c\uff0d\uff0b\uff05\u2212]/g, (ch) => HALF_WIDTH[ch] ?? ch);
}

/** The largest scaled decimal kept (well inside the safe integers, so sums of a column stay exact). */
const MAX_SCALED = 10 ** 15;

/** Scaled integer (8550 at 2 places) → canonical decimal string ("85.50"). */
export function scaledToDecimal(scaled: number, decimals: number): string {
  const negative = scaled < 0;
  const digits = String(Math.abs(scaled)).padStart(decimals + 1, '0');
  const int = digits.slice(0, digits.length - decimals);
  const frac = decimals > 0 ? `.${digits.slice(digits.length - decimals)}` : '';
  return `${negative ? '-' : ''}${int}${frac}`;
}

/** Canonical decimal string → scaled integer, or null when the text is not canonical for `decimals`. */
export function decimalToScaled(text: string, decimals: number): number | null {
  const m = /^(-?)(\d+)(?:\.(\d+))?$/.exec(text);
  if (!m) return null;
  const frac = m[3] ?? '';
  if (frac.length !== decimals) return null;
  const n = Number((m[2] ?? '') + frac);
  if (!Number.isSafeInteger(n) || n > MAX_SCALED) return null;
  return m[1] === '-' && n !== 0 ? -n : n;
}

/**
 * A decimal typed or pasted ("85.5", "85.5%", "１,２００.５", "-3") → canonical string with `decimals`
 * places. More places than the column keeps are refused, not rounded: a digit the clerk typed is never dropped.
 */
function parseDecimalText(input: string, type: CellType): CellParse {
  let text = halfWidth(input).replace(/\s/g, '');
  if (text === '') return { ok: true, value: null, fen: null };
  const what = type.kind === 'percent' ? '百分比' : '数值';
  if (type.kind === 'percent') text = text.replace(/%$/, '');
  if (!/^[+-]?(\d{1,3}(,\d{3})+|\d+)(\.\d*)?$|^[+-]?\.\d+$/.test(text)) return { ok: false, message: `“${input.trim()}”不是有效的${what}` };
  const negative = text.startsWith('-');
  const [intPart = '', fracPart = ''] = text.replace(/^[+-]/, '').replace(/,/g, '').split('.');
  const frac = fracPart.replace(/0+$/, '');
  if (frac.length > type.decimals) {
    return { ok: false, message: `“${input.trim()}”的小数位过多，该栏最多 ${type.decimals} 位小数` };
  }
  const scaled = Number((intPart.replace(/^0+(?=\d)/, '') || '0') + frac.padEnd(type.decimals, '0'));
  if (!Number.isSafeInteger(scaled) || scaled > MAX_SCALED) return { ok: false, message: `“${input.trim()}”超出允许范围` };
  return { ok: true, value: scaledToDecimal(negative ? -scaled : scaled, type.decimals), fen: null };
}

/** A decimal value in either form → scaled integer (a non-canonical string reads as 0: the engine refuses those before). */
function scaledOf(value: CellValue, type: CellType): number {
  return typeof value === 'number' ? value : (decimalToScaled(value, type.decimals) ?? 0);
}

function decimalDisplay(value: CellValue, grouping: boolean, type: CellType): string {
  const text = scaledToDecimal(scaledOf(value, type), type.decimals);
  if (!grouping) return text;
  const [int = '', frac] = text.split('.');
  return `${int.replace(/\B(?=(\d{3})+(?!\d))/g, ',')}${frac !== undefined ? `.${frac}` : ''}`;
}

/** Excel's number at full precision as a plain decimal string (no exponent). */
function plainNumberText(value: number): string {
  const text = String(value);
  if (!/e/i.test(text)) return text;
  return value.toFixed(20).replace(/0+$/, '').replace(/\.$/, '');
}

function decimalFormat(places: number, percent: boolean): string {
  return `${percent ? '0' : '#,##0'}${places > 0 ? `.${'0'.repeat(places)}` : ''}${percent ? '%' : ''}`;
}

function decimalCodec(percent: boolean): KindCodec {
  return {
    parse: (text, _unit, type) => parseDecimalText(text, type),
    display: (value, { grouping = true }, type) => `${decimalDisplay(value, grouping, type)}${percent ? '%' : ''}`,
    plain: (value, type) => scaledToDecimal(scaledOf(value, type), type.decimals),
    // A percent cell of a workbook holds the fraction (0.855) and shows it with a % format.
    sheetValue: (value, _unit, type) => {
      const n = Number(scaledToDecimal(scaledOf(value, type), type.decimals));
      return percent ? Number((n / 100).toPrecision(15)) : n;
    },
    fromSheetNumber: (value, _unit, type) => {
      let text = plainNumberText(value);
      if (percent) {
        // × 100 on the decimal text, exactly: move the point two places.
        const negative = text.startsWith('-');
        const [int = '0', frac = ''] = text.replace(/^-/, '').split('.');
        const digits = `${int}${frac.padEnd(2, '0')}`;
        const cut = int.length + 2;
        text = `${negative ? '-' : ''}${digits.slice(0, cut).replace(/^0+(?=\d)/, '') || '0'}${digits.length > cut ? `.${digits.slice(cut)}` : ''}`;
        // Excel stores 85.5% as 0.855000000000001 at times: read at the column's places, rounding only that float noise.
        return parseDecimalText(trimFloatNoise(text, type.decimals), type);
      }
      return parseDecimalText(trimFloatNoise(text, type.decimals), type);
    },
    whole: false,
    numeric: true,
    format: (type) => decimalFormat(type.decimals, percent),
    numFmt: decimalFormat(DEFAULT_DECIMALS, percent),
    sheetNumber: (value) => {
      const n = Number(scaledToDecimal(value, DEFAULT_DECIMALS));
      return percent ? n / 100 : n;
    },
    alignLeft: false,
    engineNumber: (value, type) => scaledOf(value, type),
    places: (type) => type.decimals,
    fromEngineNumber: (value, type) => scaledToDecimal(value, type.decimals),
  };
}

/**
 * A float read from a workbook whose digits beyond the column's places are only binary noise
 * (…0000001 or …9999999 after 12+ significant digits) is cut back to what was written; real extra
 * places are left for the parser to refuse.
 */
function trimFloatNoise(text: string, decimals: number): string {
  const [int = '', frac = ''] = text.split('.');
  if (frac.length <= decimals) return text;
  const significant = int.replace(/^-?0*/, '').length + frac.length;
  if (significant < 15) return text;
  const rest = frac.slice(decimals);
  if (/^0{6,}\d*$/.test(rest)) return decimals > 0 ? `${int}.${frac.slice(0, decimals)}` : int;
  if (/^9{6,}\d*$/.test(rest)) {
    const negative = int.startsWith('-');
    const scaled = BigInt(`${int.replace('-', '')}${frac.slice(0, decimals)}`) + 1n;
    return `${negative ? '-' : ''}${scaledToDecimal(Number(scaled), decimals)}`;
  }
  return text;
}

const money: KindCodec = {
  parse: (text, unit) => {
    const r = parseAmount(text, unit);
    return r.ok ? { ok: true, value: r.fen, fen: r.fen } : r;
  },
  display: (value, { unit = '元', grouping = true }) => formatAmount(numberOf(value), { unit, grouping }),
  plain: (value) => fenToYuanString(numberOf(value)),
  // Through the formatter so 万元 rounds exactly as the screen shows it (half-up per cell).
  sheetValue: (value, unit) => Number(formatAmount(numberOf(value), { unit, grouping: false })),
  fromSheetNumber: () => null,
  whole: false,
  numeric: true,
  format: () => '#,##0.00',
  numFmt: '#,##0.00',
  sheetNumber: (value, unit) => Number(formatAmount(value, { unit, grouping: false })),
  alignLeft: false,
  engineNumber: (value) => numberOf(value),
  places: () => 2,
  fromEngineNumber: (value) => value,
};

const count: KindCodec = {
  // A count is the same in 元 and 万元: the unit is about money only.
  parse: (text) => {
    const r = parseCount(text);
    return r.ok ? { ok: true, value: r.fen, fen: r.fen } : r;
  },
  display: (value, { grouping = true }) => groupedInteger(numberOf(value), grouping),
  plain: (value) => String(numberOf(value)),
  sheetValue: (value) => numberOf(value),
  fromSheetNumber: () => null,
  whole: true,
  numeric: true,
  format: () => '0',
  numFmt: '0',
  sheetNumber: (value) => value,
  alignLeft: false,
  engineNumber: (value) => numberOf(value),
  places: () => 0,
  fromEngineNumber: (value) => value,
};

const text: KindCodec = {
  parse: (input, _unit, type) => {
    const value = input.replace(/\r\n?/g, '\n').trim();
    if (value === '') return { ok: true, value: null, fen: null };
    if ([...value].length > type.maxLength) return { ok: false, message: `文字过长（该栏最多 ${type.maxLength} 字）` };
    return { ok: true, value, fen: null };
  },
  display: (value) => String(value),
  plain: (value) => String(value),
  sheetValue: (value) => String(value),
  // A number typed into a text column of a workbook is that text ("2025").
  fromSheetNumber: (value, unit, type) => text.parse(plainNumberText(value), unit, type),
  whole: false,
  numeric: false,
  format: () => '@',
  numFmt: '@',
  sheetNumber: (value) => value,
  alignLeft: true,
  engineNumber: () => null,
  places: () => 0,
  fromEngineNumber: (value) => String(value),
};

export const KIND_CODECS: Record<ValueKind, KindCodec> = {
  money,
  count,
  text,
  decimal: decimalCodec(false),
  percent: decimalCodec(true),
};

export function codecOf(kind: KindLike): KindCodec {
  return KIND_CODECS[typeOf(kind).kind];
}

/** Parses typed or pasted text as a value of `kind`; money is read in `unit` (元 by default). */
export function parseCellText(text: string, kind: KindLike, unit: MoneyUnit = '元'): CellParse {
  const type = typeOf(kind);
  return KIND_CODECS[type.kind].parse(text, unit, type);
}

/** A value as grids, previews and messages show it. */
export function displayCellValue(value: CellValue, kind: KindLike, options: DisplayOptions = {}): string {
  const type = typeOf(kind);
  return KIND_CODECS[type.kind].display(value, options, type);
}

/** A value as the report file and `show --json` write it. */
export function plainCellValue(value: CellValue, kind: KindLike): string {
  const type = typeOf(kind);
  return KIND_CODECS[type.kind].plain(value, type);
}

/** What an exported workbook cell holds. */
export function sheetCellValue(value: CellValue, kind: KindLike, unit: MoneyUnit): number | string {
  const type = typeOf(kind);
  return KIND_CODECS[type.kind].sheetValue(value, unit, type);
}

/** The Excel number format of a cell of this type. */
export function sheetNumFmt(kind: KindLike): string {
  const type = typeOf(kind);
  return KIND_CODECS[type.kind].format(type);
}

/** Whether formulas and audit rules may read cells of this kind as numbers (text cannot). */
export function isNumericKind(kind: KindLike): boolean {
  return codecOf(kind).numeric;
}

/** Whether a value of this kind is kept as a string (text, decimal, percent) rather than a whole number (money, count). */
export function isStringKind(kind: KindLike): boolean {
  return STRING_KINDS.has(typeOf(kind).kind);
}

/** Whether a value of this kind is a decimal with places (decimal, percent): computed by rate formulas, kept as a canonical string. */
export function isDecimalKind(kind: KindLike): boolean {
  const k = typeOf(kind).kind;
  return k === 'decimal' || k === 'percent';
}

const STRING_KINDS: ReadonlySet<ValueKind> = new Set(['text', 'decimal', 'percent']);

/** Why a value cannot be kept in a cell of this type, or null: the engine's and the store's check. */
export function cellValueProblem(value: CellValue, kind: KindLike): string | null {
  const type = typeOf(kind);
  const codec = KIND_CODECS[type.kind];
  if (codec === text) {
    if (typeof value !== 'string') return '应为文字';
    if (value.trim() === '' || value !== value.trim()) return '文字不能为空，首尾不能有空格';
    if ([...value].length > type.maxLength) return `文字过长（最多 ${type.maxLength} 字）`;
    return null;
  }
  if (codec === KIND_CODECS.decimal || codec === KIND_CODECS.percent) {
    if (typeof value !== 'string' || decimalToScaled(value, type.decimals) === null) {
      return `应为保留 ${type.decimals} 位小数的数值（如 ${scaledToDecimal(12345, type.decimals)}）`;
    }
    return null;
  }
  if (typeof value !== 'number' || !Number.isSafeInteger(value)) return codec.whole ? '应为整数' : '的值必须是整数（金额以分计）';
  return null;
}
