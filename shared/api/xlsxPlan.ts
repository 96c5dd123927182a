/**
 * What importing a bureau workbook would do (electron/services/excel/importPlan.ts works it out),
 * as the import screen shows it before anything is written. Plain JSON: it crosses the Api.
 */
import type { CellKey } from './contract';
import type { MoneyUnit } from '../money/fen';
import type { CellValue, KindLike } from '../pack/cellKind';

/** Something on a sheet that could not be placed, and why. */
export interface NotPlaced {
  sheet: string;
  cell: string;
  reason: string;
}

export interface PlanCell {
  table: string;
  row: string;
  col: string;
  /** 支出决算表 第“2010301 行政运行”行“基本支出” */
  where: string;
  kind: KindLike;
  /** Where the value stands in the file, when it comes from the file. */
  sheet?: string;
  cell?: string;
}

export interface ValueChange extends PlanCell {
  /** 分 or a count; a text or a decimal's canonical string; null when empty. */
  before: CellValue | null;
  after: CellValue | null;
}

export interface ComputedDifference extends PlanCell {
  inFile: number;
  /** What the engine computes from the imported inputs; null when the row does not exist after the import. */
  computed: number | null;
}

export interface RowChange {
  table: string;
  row: string;
  /** 支出决算表：2010301 行政运行 */
  label: string;
}

export interface TextChange {
  key: string;
  label: string;
  before: string | null;
  after: string;
}

/** A sheet that is a table the importer cannot read: shown in red as 不会导入; the CLI refuses unless --partial. */
export interface UnreadTable {
  sheet: string;
  /** The title as the sheet prints it. */
  title: string;
  /** The pack table it was taken for, when there is one. */
  table?: string;
  reason: string;
}

/** Two or more sheets claiming one table: the clerk chooses which (the CLI refuses). */
export interface SheetConflict {
  table: string;
  title: string;
  sheets: string[];
}

export interface ImportPlan {
  fileLabel: string;
  unit: string;
  unitName: string;
  year: number;
  packId: string;
  /** 万元 when any table of the file states 万元 (its figures are rounded to 0.01 万元). */
  sourceUnit: MoneyUnit;
  tables: { table: string; title: string; sheet: string; unit: MoneyUnit }[];
  ignoredSheets: { sheet: string; reason: string }[];
  newValues: ValueChange[];
  changedValues: ValueChange[];
  clearedValues: ValueChange[];
  newRows: RowChange[];
  removedRows: RowChange[];
  notPlaced: NotPlaced[];
  computedDifferences: ComputedDifference[];
  textChanges: TextChange[];
  notes: string[];
  /** Tables the file has that will not be imported (their stored figures stay). */
  unreadTables: UnreadTable[];
  /** Tables claimed by more than one sheet and not yet chosen: not imported until chosen. */
  conflicts: SheetConflict[];
  /** Input cells the file has but could not be read: they keep their stored value (before = after). */
  keptValues: ValueChange[];
  /** What the import replaces in the stored report, in one sentence (empty when the report is new). */
  replaces: string;
  /** Every table and cell of the file was read: nothing is named in notPlaced, unreadTables or conflicts. */
  complete: boolean;
  /** The report's rows and inputs after the import. */
  data: { rows: Record<string, string[]>; inputs: Record<CellKey, number>; strings?: Record<CellKey, string> };
  /** Fingerprint of the report the plan was made against; the commit refuses if it has changed since. */
  base: string;
}


/** The plan as the import screen gets it: without the resulting data and the fingerprint, which stay on the back end. */
export type ImportPlanView = Omit<ImportPlan, 'data' | 'base'>;
