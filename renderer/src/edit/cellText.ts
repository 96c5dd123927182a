import type { MoneyUnit, ParseResult } from '../../../shared/money/fen';
import { displayCellValue, parseCellText } from '../../../shared/pack/cellKind';
import type { ValueKind } from '../../../shared/pack/model';

/**
 * Text shown in a grid cell. An input cell the clerk never filled stays blank (so the clerk sees
 * what is still to do); a computed cell always shows its value, 0.00 included.
 */
export function formatCell(value: number | null | undefined, kind: ValueKind, unit: MoneyUnit): string {
  if (value === null || value === undefined) return '';
  return displayCellValue(value, kind, { unit });
}

/** Parses what the clerk typed or pasted into a cell of the given kind; money is read in the display unit. */
export function parseCell(text: string, kind: ValueKind, unit: MoneyUnit): ParseResult {
  return parseCellText(text, kind, unit);
}
