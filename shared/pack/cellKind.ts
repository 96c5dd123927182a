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
 */
import { fenToYuanString, formatAmount, parseAmount, parseCount, type MoneyUnit, type ParseResult } from '../money/fen';
import type { ColumnDef, TableDef, ValueKind } from './model';

/** Anything that may carry a kind: a column, a fixed row definition or a layout row. */
export interface KindCarrier {
  kind?: ValueKind;
}

/** The cell's kind from its column and row: the column's kind wins; then the row's; else money. */
export function resolveCellKind(column: KindCarrier | undefined, row: KindCarrier | undefined): ValueKind {
  return column?.kind ?? row?.kind ?? 'money';
}

/** The kind of the cell at `row` × column `colId` of `table`. */
export function cellKindIn(table: Pick<TableDef, 'columns'> | undefined, row: KindCarrier | undefined, colId: string): ValueKind {
  const column: ColumnDef | undefined = table?.columns.find((c) => c.id === colId);
  return resolveCellKind(column, row);
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
  parse(text: string, unit: MoneyUnit): ParseResult;
  /** Stored value → what a grid, a preview or an audit message shows. */
  display(value: number, options: DisplayOptions): string;
  /** Stored value → the plain, unit-free text of the report file and `show --json` ("1660834.72", "3"). */
  plain(value: number): string;
  /** Stored value → the number an exported workbook cell holds, in the chosen unit. */
  sheetNumber(value: number, unit: MoneyUnit): number;
  /** Whether a sheet number must be a whole number (a count), rather than a decimal in the display unit. */
  whole: boolean;
  /** Excel number format of an exported cell. */
  numFmt: string;
}

const groupedInteger = (value: number, grouping: boolean): string =>
  grouping ? value.toLocaleString('en-US', { maximumFractionDigits: 0 }) : String(value);

export const KIND_CODECS: Record<ValueKind, KindCodec> = {
  money: {
    parse: (text, unit) => parseAmount(text, unit),
    display: (value, { unit = '元', grouping = true }) => formatAmount(value, { unit, grouping }),
    plain: (value) => fenToYuanString(value),
    // Through the formatter so 万元 rounds exactly as the screen shows it (half-up per cell).
    sheetNumber: (value, unit) => Number(formatAmount(value, { unit, grouping: false })),
    whole: false,
    numFmt: '#,##0.00',
  },
  count: {
    // A count is the same in 元 and 万元: the unit is about money only.
    parse: (text) => parseCount(text),
    display: (value, { grouping = true }) => groupedInteger(value, grouping),
    plain: (value) => String(value),
    sheetNumber: (value) => value,
    whole: true,
    numFmt: '0',
  },
};

export function codecOf(kind: ValueKind): KindCodec {
  return KIND_CODECS[kind];
}

/** Parses typed or pasted text as a value of `kind`; money is read in `unit` (元 by default). */
export function parseCellText(text: string, kind: ValueKind, unit: MoneyUnit = '元'): ParseResult {
  return KIND_CODECS[kind].parse(text, unit);
}

/** A value as grids, previews and messages show it. */
export function displayCellValue(value: number, kind: ValueKind, options: DisplayOptions = {}): string {
  return KIND_CODECS[kind].display(value, options);
}

/** A value as the report file and `show --json` write it. */
export function plainCellValue(value: number, kind: ValueKind): string {
  return KIND_CODECS[kind].plain(value);
}
