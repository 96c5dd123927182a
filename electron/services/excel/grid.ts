/**
 * A sheet as the importer sees it: what each cell shows, text or number, with merged ranges spread
 * so a merged header word applies to every column under it. Plain data: it crosses from the reading
 * worker to the main thread by structured clone.
 */

export interface GridCell {
  /** What the cell shows as text ('' for empty); numbers as JavaScript prints them. */
  text: string;
  /** The numeric value when the cell holds a number or a formula whose cached result is a number. */
  number: number | null;
  /** A formula with no cached result (the file was written by a program that does not calculate). */
  uncalculated: boolean;
  /** A cell of a merged range other than its top-left one: it repeats the text but holds no value of its own. */
  mergedCopy: boolean;
  /** The cell is formatted as a date, so Excel shows a date (`text`, '' when it is no valid date) instead of an amount. */
  date?: boolean;
}

export interface Grid {
  name: string;
  /** 1-based row → 1-based column → cell; only non-empty cells. */
  rows: Map<number, Map<number, GridCell>>;
  lastRow: number;
  lastCol: number;
}

export function gridCell(grid: Grid, row: number, col: number): GridCell | undefined {
  return grid.rows.get(row)?.get(col);
}

export function gridText(grid: Grid, row: number, col: number): string {
  return gridCell(grid, row, col)?.text.trim() ?? '';
}
