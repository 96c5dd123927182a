import type { MoneyUnit } from '../../../shared/money/fen';
import { displayCellValue, parseCellText, type CellParse, type CellValue, type KindLike } from '../../../shared/pack/cellKind';

/**
 * Text shown in a grid cell. An input cell the clerk never filled stays blank (so the clerk sees
 * what is still to do); a computed cell always shows its value, 0.00 included (an empty rate — a
 * division by zero — stays blank).
 */
export function formatCell(value: CellValue | null | undefined, kind: KindLike, unit: MoneyUnit): string {
  if (value === null || value === undefined) return '';
  return displayCellValue(value, kind, { unit });
}

/** Parses what the clerk typed or pasted into a cell of the given kind; money is read in the display unit. */
export function parseCell(text: string, kind: KindLike, unit: MoneyUnit): CellParse {
  return parseCellText(text, kind, unit);
}
