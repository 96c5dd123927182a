/**
 * The engine's public shapes. `ReportEngine` (shared/engine/reportEngine.ts) implements them:
 * the layout of every table for one report (which rows exist, which cells are inputs) and the
 * values of every cell, kept current incrementally as inputs change.
 */
import type { CellKey } from '../base/cellKey';
import type { CellType, CellValue } from '../pack/cellKind';
import type { Level, SideDef, TableDef, ValueKind } from '../pack/model';

export interface LayoutRow {
  /** Row id: a fixed id (ISUM, IBEG1, …), a 科目编码, or TOTAL. */
  id: string;
  /** 项目 label or 科目名称 as printed. */
  label: string;
  /** 科目编码 for 科目 rows (subject and catalogue rows, T01/T04 类 lines). */
  code?: string;
  level?: Level;
  /** 行次 */
  lineNo?: string;
  /** Display indentation (0 for 类 and top-level fixed rows). */
  indent: number;
  total: boolean;
  kind: ValueKind;
  /** Column ids this row has a cell in. */
  cells: string[];
  /** Column ids of this row the clerk types; the rest of `cells` are computed. */
  inputs: string[];
  /** A 科目 row of a subject side: the clerk may remove it (and the 项 rows below it). */
  removable: boolean;
  /** A 科目 the year's catalogue does not have (kept with the name given; audit rule G-1 lists it). */
  ownSubject?: boolean;
  /** A row the clerk added with a name (a named side): it may be renamed and removed. */
  named?: boolean;
}

export interface SideLayout {
  def: SideDef;
  rows: LayoutRow[];
}

export interface TableLayout {
  table: TableDef;
  sides: SideLayout[];
}

export interface EditRequest {
  table: string;
  row: string;
  col: string;
  /** 分 or a count; a text; a decimal as its canonical string ("85.50"); null clears the cell. */
  value: CellValue | null;
}

export interface RowChange {
  /** Rows that now exist and did not before (added 项 rows and their new parents). */
  added: string[];
  /** Rows that no longer exist. */
  removed: string[];
  /** Input cells dropped with removed rows. */
  droppedInputs: CellKey[];
}

export interface ReportEngineApi {
  tableIds(): string[];
  layout(tableId: string): TableLayout;
  /** The value of a cell (0 when empty); undefined when the cell does not exist. */
  value(table: string, row: string, col: string): number | undefined;
  isInput(table: string, row: string, col: string): boolean;
  /** The kind of an existing cell (shared/pack/cellKind's rule: the column's kind wins); undefined when the cell does not exist. */
  kindOf(table: string, row: string, col: string): ValueKind | undefined;
  /**
   * Why an edit cannot be applied, in Chinese naming table, row and column; null when it can.
   * Checks: table, row and column exist; the cell is an input; the value is in range.
   */
  checkEdit(edit: EditRequest): string | null;
  /**
   * Applies input edits (all checked first; throws an Error with checkEdit's message on the first
   * bad one and changes nothing) and recomputes only what depends on them.
   * Returns the keys of every cell whose value changed, inputs and computed alike.
   */
  setInputs(edits: EditRequest[]): CellKey[];
  /** Adds 项 rows (and their missing parents) to a subject table; throws with a Chinese message for a code the catalogue lacks or that is not a 项. */
  addRows(table: string, codes: string[], names?: Readonly<Record<string, string>>): RowChange;
  /** The report's own 科目 (not in the catalogue) with their names, per catalogue. */
  subjectNames(): Record<string, Record<string, string>>;
  /** Removes a subject row and every row below it, with their inputs. */
  removeRow(table: string, row: string): RowChange;
  /** Every money and count input cell with a value (the store's view). */
  inputs(): Record<CellKey, number>;
  /** Every text, decimal and percent input cell with a value, as stored (the text, the canonical decimal). */
  strings(): Record<CellKey, string>;
  /** The type of an existing cell (kind with the column's decimals); undefined when the cell does not exist. */
  cellType(table: string, row: string, col: string): CellType | undefined;
  /**
   * A cell's value as shown: a number for money and count (0 when empty), a string for text and for
   * decimals (canonical), null for an empty text or decimal cell (a rate over a zero divides nothing);
   * undefined when the cell does not exist.
   */
  cellValue(table: string, row: string, col: string): CellValue | null | undefined;
  /** Adds a row with a name to a table with a named side; returns its new id (never one used before in the table). */
  addNamedRow(table: string, name: string): { id: string };
  /** Puts back named rows with the ids the store gave them (a copy of the store's engine follows it this way). */
  restoreNamedRows(table: string, ids: readonly string[]): void;
  /** Renames a named row. */
  renameRow(table: string, row: string, name: string): void;
  /** The names of named rows, table → row id → name (the store's view). */
  rowNames(): Record<string, Record<string, string>>;
  /** The highest named-row number ever given per table (ids are never reused). */
  rowSeq(): Record<string, number>;
  /** The 项 rows added to each subject table (the store's view). */
  addedRows(): Record<string, string[]>;
}
