/**
 * The one typed contract between the UI and the back end. Electron IPC, the loopback web host and
 * the CLI all call the same implementation (electron/services/api.ts); every method takes one input
 * object, validated with the schema below at the transport boundary, and returns plain JSON.
 */
import { z } from 'zod';
import type { CatalogueEntry, Pack } from '../pack/model';
import type { ImportPlanView } from './xlsxPlan';
import type { CataloguePlanView } from './catalogueContract';
import type { CellKey } from '../base/cellKey';
import { UNIT_KINDS, type Unit, type UnitKind } from '../base/unit';
import { perfOp, perfOutline, perfPlace, type PerfHistoryEntry, type PerfReportView, type PerfState } from '../perf/contract';
import { previewId, printParts, printSettingsSchema, type PrintPreview, type PrintSettingsView, type PrintStatusView, type VerifyView } from './printSchemas';
import type { PrintSettings } from '../print/settings';
import {
  ACCOUNTING_SYSTEMS,
  BUDGET_LEVELS,
  REPORT_KINDS,
  type CellBreakdown,
  type ConsolidationView,
  type ExchangePlanView,
  type RolloverPlanView,
  type UnitRecord,
  type UnitTreeNode,
} from './registerContract';

export { cellKey, splitCellKey, type CellKey } from '../base/cellKey';
export { UNIT_KINDS, type Unit, type UnitKind } from '../base/unit';


export interface PackSummary {
  id: string;
  name: string;
  year: number;
  /** The report years the format serves. */
  years: { from: number; to: number };
}

/** What the store keeps of one report: only what the clerk typed. Computed values are never stored. */
export interface ReportData {
  /** 科目 rows the clerk added to subject sides, per table (项 codes; parents are implied). */
  rows: Record<string, string[]>;
  /** Input cells, integer 分 (or whole counts). A missing key is an empty cell. */
  inputs: Record<CellKey, number>;
  /** Texts keyed by name (narrative fields, cover fields, explanations) — later issues fill these. */
  texts: Record<string, string>;
  /**
   * Text, decimal and percent input cells (shared/pack/cellKind): the text, or the decimal as its
   * canonical string with the column's places ("85.50"). Omitted = none.
   */
  strings?: Record<CellKey, string>;
}

export interface ReportSnapshot extends ReportData {
  unit: Unit;
  year: number;
  packId: string;
  /** The year's own catalogues kept in the database (the bureau's file), replacing the pack's; by id. */
  catalogues?: Record<string, CatalogueEntry[]>;
  /** The report's own 科目 (not in the year's catalogue), catalogue → code → name. */
  subjects?: Record<string, Record<string, string>>;
  /** Stored items the report's pack cannot take: kept in the database, left out here, named for the clerk. */
  unfit?: string[];
  /** A department's consolidated report (部门汇总): computed from its units, read-only. */
  consolidated?: boolean;
  /** False while nothing of the report is stored: opening a year to look at it creates nothing. */
  stored?: boolean;
  /** A department with units of several kinds: what X-12 compares over its 行政/参公 units (shared/audit/kindScope). */
  kindScope?: { kinds: UnitKind[]; words: string; values: Record<CellKey, number> };
}

/** Why a backup was taken. */
export type BackupReason = 'open' | 'import' | 'rollover' | 'restore' | 'delete' | 'periodic' | 'manual';

export interface BackupInfo {
  /** File name inside the backup folder; what restoreBackup takes. */
  name: string;
  /** ISO 8601 time it was taken. */
  at: string;
  reason: BackupReason;
  bytes: number;
}

export interface SetAsideInfo {
  /** The database file that failed its check (a new empty one is now in its place). */
  original: string;
  /** What the damaged file was renamed to (kept, never deleted). */
  renamedTo: string;
  problem: string;
  newestGood: BackupInfo | null;
}

export interface BackupStatus {
  database: string;
  folder: string;
  /** Newest first. */
  backups: BackupInfo[];
  /** Set when this start found the database damaged and set it aside. */
  setAside: SetAsideInfo | null;
  /** Why the last automatic backup could not be taken, if it could not. */
  lastFailure: string | null;
}

/** How a change was made, as the edit history records it. */
export type ChangeHow = 'typed' | 'paste' | 'import' | 'undo' | 'restore';

export interface HistoryBatchInfo {
  id: number;
  at: string;
  how: ChangeHow;
  note: string;
  count: number;
  /** Tables touched; '' stands for texts. */
  tables: string[];
}

export interface HistoryEntryInfo {
  batch: number;
  at: string;
  how: ChangeHow;
  /** 'adjustment': a department's 调整表 line (table 'ADJ', row = the line's key, col 'amount' or 'note'). */
  kind: 'cell' | 'text' | 'row' | 'adjustment';
  table: string;
  row: string;
  col: string;
  /** 分, a count or a text; null when absent (an empty cell). */
  old: number | string | null;
  new: number | string | null;
}

export interface Settings {
  displayUnit: '元' | '万元';
  lastUnit: string | null;
  lastYear: number | null;
}

const unitCode = z
  .string()
  .trim()
  .regex(/^[0-9A-Za-z][0-9A-Za-z_-]{0,39}$/, '单位编码只能包含字母、数字、下划线和短横线，最长 40 位');
const year = z.number().int().min(2000).max(2100);
/** Table, row and column ids; text keys and lengths: the same limits for the Api and the report file (import-json). */
export const ID_PATTERN = /^[0-9A-Za-z_]{1,24}$/;
export const TEXT_KEY_PATTERN = /^[a-z][A-Za-z0-9_.:@-]{0,127}$/;
export const MAX_TEXT_LENGTH = 50_000;
export const MAX_EDITS = 100_000;
export const MAX_ROWS = 10_000;
const id = z.string().regex(ID_PATTERN);
/** An amount in 分 or a count; null clears the cell. */
const amountValue = z.number().int().refine(Number.isSafeInteger).nullable();
/** A cell's value: 分 or a count, a text, a decimal's canonical string ("85.50"); null clears the cell. */
const cellValue = z.union([z.number().int().refine(Number.isSafeInteger), z.string().max(MAX_TEXT_LENGTH, '文字过长（最多 50,000 字）')]).nullable();
const rowName = z.string().trim().min(1, '名称不能为空').max(100, '名称最长 100 字');

/** `consolidated`: the department's 部门汇总 of the unit and its subordinate units, not its own report. */
export const reportRef = z.object({ unit: unitCode, year, consolidated: z.boolean().optional() });

/** 20 MB of file as base64 (4 characters per 3 bytes). */
const MAX_FILE_BASE64 = Math.ceil((20 * 1024 * 1024) / 3) * 4;

/** A file made by the back end, for the UI to save (download, or a save dialog in Electron). */
export interface FileResult {
  fileName: string;
  base64: string;
}

export interface PreviousYearReport {
  year: number;
  packId: string;
  rows: Record<string, string[]>;
  inputs: Record<CellKey, number>;
  /** Last year's text and decimal cells. */
  strings?: Record<CellKey, string>;
  /** Last year's own 科目 (not in its catalogue), catalogue → code → name. */
  subjects?: Record<string, Record<string, string>>;
}
export type ReportRef = z.infer<typeof reportRef>;

export const cellEdit = z.object({ table: id, row: id, col: id, value: cellValue });
export type CellEdit = z.infer<typeof cellEdit>;

/** One cell of an undo step: its value before and after (分 or a count; null = empty). */
const undoChange = z.object({ table: id, row: id, col: id, before: cellValue, after: cellValue });
export type UndoChange = z.infer<typeof undoChange>;
const undoOp = z.discriminatedUnion('op', [
  z.object({ op: z.literal('push'), changes: z.array(undoChange).min(1).max(100_000) }),
  z.object({ op: z.literal('undo') }),
  z.object({ op: z.literal('redo') }),
  z.object({ op: z.literal('clear') }),
]);
export type UndoOp = z.infer<typeof undoOp>;

/** The undo and redo stacks of a report, oldest first; the last element of each is the next step. */
export interface UndoHistory {
  done: UndoChange[][];
  undone: UndoChange[][];
}

export const apiSchemas = {
  listUnits: z.object({}),
  addUnit: z.object({
    code: unitCode,
    name: z.string().trim().min(1, '单位名称不能为空').max(100, '单位名称最长 100 字'),
    kind: z.enum(UNIT_KINDS, { error: '单位类型应为：行政单位、参照公务员法管理的事业单位 或 其他事业单位' }),
    parent: unitCode.nullable().optional(),
  }),
  listPacks: z.object({}),
  getPack: z.object({ packId: z.string().min(1).max(64) }),
  /** Opens the report of a unit for a year, creating it (empty) on first open. */
  openReport: reportRef,
  /**
   * A report already in the database, or null (none, or its 报表格式 is not installed); never
   * creates one. The UI reads last year's report through it (X-13, 上年数).
   */
  findReport: reportRef,
  /** Writes cells in one transaction: all are written or none. */
  setCells: reportRef.extend({
    edits: z.array(cellEdit).min(1).max(MAX_EDITS),
    /** How the clerk made the change, kept in the edit history (default: typed). */
    how: z.enum(['typed', 'paste', 'undo']).optional(),
  }),
  /**
   * Adds 科目 rows (项 codes) to a subject table; parents are implied. `names` names codes the
   * year's catalogue lacks: they are kept with that name, marked, and listed by audit rule G-1.
   */
  addRows: reportRef.extend({
    table: id,
    rows: z.array(id).min(1).max(MAX_ROWS),
    names: z.record(id, z.string().trim().min(1, '科目名称不能为空').max(60, '科目名称最长 60 字')).optional(),
  }),
  /** Removes a 科目 row and every 项 below it, with their inputs, in one transaction. */
  removeRow: reportRef.extend({ table: id, row: id }),
  /** Adds a row with a name to a table with a named side (项目, 指标); its id is new and never reused. */
  addNamedRow: reportRef.extend({ table: id, name: rowName }),
  /** Renames a named row. */
  renameRow: reportRef.extend({ table: id, row: id, name: rowName }),
  /**
   * Writes report texts (cover fields `cover.*`, narrative fields `narrative.*`, explanations
   * `explain.*`, import facts `meta.*`) in one transaction; null deletes a text.
   */
  setTexts: reportRef.extend({
    texts: z.record(
      z.string().regex(TEXT_KEY_PATTERN, '文字项的名称无效'),
      z.string().max(MAX_TEXT_LENGTH, '文字过长（最多 50,000 字）').nullable(),
    ),
  }),
  /** Last year's report of the unit (year − 1), for 上年数 and audit rule X-13; null when there is none. */
  previousYear: reportRef,
  /** The published 公开表 workbook (.xlsx) of a report; refused while a 强制 rule fails unless `draft` (核对稿). */
  exportXlsx: reportRef.extend({ wan: z.boolean(), blankZeros: z.boolean(), draft: z.boolean().optional() }),
  /** Reads a bureau workbook and says what importing it would change; writes nothing. */
  planXlsxImport: reportRef.extend({
    fileName: z.string().min(1).max(255),
    base64: z.string().min(1).max(MAX_FILE_BASE64, '文件过大（最大 20 MB）'),
    /** Table id → sheet name, when several sheets claim one table and the clerk chose. */
    choices: z.record(id, z.string().min(1).max(255)).optional(),
  }),
  /** Writes a planned import in one transaction (refused if the report changed since the plan). */
  commitXlsxImport: reportRef.extend({ planId: z.string().regex(/^[0-9a-f]{32}$/) }),
  /**
   * The 情况说明 as a file: UTF-8 text or Word (.docx). Refused while it still prints «…» (listed in the
   * message) unless `allowUnfilled`: the clerk has seen the list and exports a draft on purpose.
   */
  exportNarrative: reportRef.extend({ format: z.enum(['txt', 'docx']), allowUnfilled: z.boolean().optional() }),
  /**
   * Reads the bureau's 《政府收支分类科目》 (.xlsx/.csv) for a year and says what loading it would change
   * (added, renamed, removed 科目); writes nothing.
   */
  planCatalogueImport: z.object({
    year,
    fileName: z.string().min(1).max(255),
    base64: z.string().min(1).max(MAX_FILE_BASE64, '文件过大（最大 20 MB）'),
    catalogue: id.optional(),
  }),
  /** Keeps a previewed catalogue with the database for its year; reports of that year use it from then on. */
  commitCatalogueImport: z.object({ planId: z.string().regex(/^[0-9a-f]{32}$/) }),
  /** The grid's undo history of a report, kept with it so Ctrl+Z works after a reload. */
  getUndo: reportRef,
  /** Records an undo step (push), moves one (undo, redo), or forgets them all (clear). */
  recordUndo: reportRef.extend({ step: undoOp }),
  /** Changes when another program or window changed this report since it was opened; the screen polls it and reloads. */
  reportStamp: reportRef,
  /** The backups of the open database, newest first, and what happened at open. */
  backupStatus: z.object({}),
  /** Takes a backup now. */
  createBackup: z.object({}),
  /** Replaces the whole database with a backup, after backing up the current state. */
  restoreBackup: z.object({ name: z.string().regex(/^[0-9A-Za-z_.-]{1,120}$/, '备份名称无效') }),
  /** The changes of one cell, newest first. */
  cellHistory: reportRef.extend({ table: id, row: id, col: id }),
  /** The report's history batches, newest first (`consolidated`: the department's 调整表 and texts). */
  reportHistory: reportRef.extend({ limit: z.number().int().min(1).max(5000).optional() }),
  /**
   * Puts the report (or one table) back as it was right after a history batch (0: before the first); journalled as 恢复.
   * `consolidated`: the department's 调整表 and texts (table 'ADJ': the 调整表 only).
   */
  restoreHistory: reportRef.extend({ batchId: z.number().int().min(0), table: id.optional() }),
  /** Undoes one history batch (e.g. a restore); journalled as 撤销. */
  undoHistory: reportRef.extend({ batchId: z.number().int().min(1) }),
  /** The report's print settings (remembered per report and per table) and whether a printer dialog exists. */
  getPrintSettings: reportRef,
  setPrintSettings: reportRef.extend({ settings: printSettingsSchema }),
  /** Renders the set (or some parts) to a PDF to look at; `settings` apply to this preview only. */
  printPreview: reportRef.extend({ parts: printParts.optional(), settings: printSettingsSchema.optional() }),
  /** The previewed PDF as a file to save; the print is recorded (time, fingerprints) for 核对. */
  printSave: reportRef.extend({ previewId }),
  /** Sends the previewed PDF to a printer through the system print dialog (the app only); recorded when printed. */
  printToPrinter: reportRef.extend({ previewId }),
  /** Does today's data still match a fingerprint typed from a signed paper copy; if not, which tables changed. */
  verifyFingerprint: reportRef.extend({ fingerprint: z.string().min(1, '请输入数据指纹').max(40) }),
  /** The last recorded print and whether today's data still matches it (已打印 or 打印后已修改). */
  printStatus: reportRef,
  /** The unit register (单位名录), archived units included. */
  listRegister: z.object({}),
  /** Changes a unit's register fields (name = rename); the code is its identity. */
  updateUnitRecord: z.object({
    code: unitCode,
    name: z.string().trim().min(1, '单位名称不能为空').max(100, '单位名称最长 100 字').optional(),
    kind: z.enum(UNIT_KINDS, { error: '单位类型应为：行政单位、参照公务员法管理的事业单位 或 其他事业单位' }).optional(),
    creditCode: z.string().trim().max(40).nullable().optional(),
    budgetLevel: z.enum(BUDGET_LEVELS, { error: `预算级次应为：${BUDGET_LEVELS.join('、')}` }).nullable().optional(),
    accountingSystem: z.enum(ACCOUNTING_SYSTEMS, { error: `执行会计制度应为：${ACCOUNTING_SYSTEMS.join('、')}` }).nullable().optional(),
    reportKind: z.enum(REPORT_KINDS, { error: `报表类型应为：${REPORT_KINDS.join('、')}` }).optional(),
  }),
  /** Moves a unit under another parent (null: top level). */
  moveUnit: z.object({ code: unitCode, parent: unitCode.nullable() }),
  /** Removes a unit: deleted when it has no report and no subordinate, otherwise archived (归档) from `from`. */
  removeUnit: z.object({ code: unitCode, from: year.optional() }),
  /** Brings an archived unit back. */
  restoreUnit: z.object({ code: unitCode }),
  /** The register as a tree with each report's state for a year. */
  unitTree: z.object({ year }),
  /** The 调整表, members, hints and 户数 of a department's consolidated report. */
  consolidationView: z.object({ unit: unitCode, year }),
  /** Sets (or with null clears) the eliminated amount of one 调整表 line. */
  setAdjustment: z.object({
    unit: unitCode,
    year,
    key: z.string().min(1).max(200),
    amount: amountValue,
    note: z.string().max(500).optional(),
  }),
  /** The units that make up one consolidated cell, with amounts. */
  cellBreakdown: z.object({ unit: unitCode, year, table: id, row: id, col: id }),
  /** Every change of one 调整表 line (its amount and note), newest first. */
  adjustmentHistory: z.object({ unit: unitCode, year, key: z.string().min(1).max(200) }),
  /** A unit's exchange file (报送文件) for its department. */
  exportExchange: reportRef,
  /** Reads an exchange file into a department and says what it would change; writes nothing. */
  planExchangeImport: z.object({
    dept: unitCode,
    fileName: z.string().min(1).max(255),
    base64: z.string().min(1).max(MAX_FILE_BASE64, '文件过大（最大 20 MB）'),
  }),
  commitExchangeImport: z.object({ planId: z.string().regex(/^[0-9a-f]{32}$/) }),
  /** What creating year Y+1 from year Y would carry over; writes nothing. */
  planRollover: z.object({ unit: unitCode, from: year }),
  /** Creates year Y+1 from year Y in one transaction. */
  commitRollover: z.object({ unit: unitCode, from: year }),
  /** Years that have at least one stored report, newest first. */
  reportYears: z.object({}),
  /** Deletes a report after a backup of the database. */
  deleteReport: z.object({ unit: unitCode, year, confirm: z.literal(true, { error: '删除报表需要确认' }) }),
  /** 绩效自评 of a report: the register, the 自评表s, the 提示 rules and the 自评报告's texts. */
  perfState: reportRef,
  /** One change to the register or a 自评表 (a value typed, a row added or removed), refused with a message at its place. */
  perfEdit: reportRef.extend({ op: perfOp }),
  /** The 部门整体支出绩效自评报告 in one of the pack's outlines, generated from the tables and the register. */
  perfReport: reportRef.extend({ outline: perfOutline }),
  /** The 自评报告 as .txt or .docx; refused while it prints «…» unless `allowUnfilled`. */
  exportPerfReport: reportRef.extend({ outline: perfOutline, format: z.enum(['txt', 'docx']), allowUnfilled: z.boolean().optional() }),
  /** The 部门整体 and every 项目支出绩效自评表 as an .xlsx workbook in the published form (万元 when `wan`). */
  exportPerfXlsx: reportRef.extend({ wan: z.boolean() }),
  /** Every change of one 绩效 field (with its row's addition and removal), newest first. */
  perfFieldHistory: reportRef.extend({ place: perfPlace }),
  getSettings: z.object({}),
  setSettings: z.object({
    displayUnit: z.enum(['元', '万元']).optional(),
    lastUnit: unitCode.nullable().optional(),
    lastYear: year.nullable().optional(),
  }),
} as const;

export type ApiMethod = keyof typeof apiSchemas;
export type ApiInput<M extends ApiMethod> = z.infer<(typeof apiSchemas)[M]>;

export interface ApiResults {
  listUnits: Unit[];
  addUnit: Unit;
  listPacks: PackSummary[];
  getPack: Pack;
  openReport: ReportSnapshot;
  findReport: ReportSnapshot | null;
  setCells: { written: number };
  addRows: { rows: string[] };
  removeRow: { removedRows: string[]; removedCells: number };
  addNamedRow: { row: string };
  renameRow: { row: string; name: string };
  setTexts: { texts: Record<string, string> };
  previousYear: PreviousYearReport | null;
  exportXlsx: FileResult;
  planXlsxImport: { planId: string; plan: ImportPlanView };
  commitXlsxImport: { inputs: number; changed: number };
  exportNarrative: FileResult;
  planCatalogueImport: { planId: string; plan: CataloguePlanView };
  commitCatalogueImport: { year: number; entries: number };
  getUndo: UndoHistory;
  recordUndo: { ok: true };
  reportStamp: { generation: number };
  backupStatus: BackupStatus;
  createBackup: BackupInfo;
  restoreBackup: { restored: BackupInfo; safety: BackupInfo | null };
  cellHistory: HistoryEntryInfo[];
  reportHistory: HistoryBatchInfo[];
  restoreHistory: { batchId: number | null; changed: number };
  undoHistory: { batchId: number | null; changed: number; kept: number };
  getPrintSettings: PrintSettingsView;
  setPrintSettings: PrintSettings;
  printPreview: PrintPreview;
  printSave: FileResult;
  printToPrinter: { printed: boolean };
  verifyFingerprint: VerifyView;
  printStatus: PrintStatusView;
  listRegister: UnitRecord[];
  updateUnitRecord: UnitRecord;
  moveUnit: UnitRecord;
  removeUnit: { removed: 'deleted' | 'archived'; unit: UnitRecord | null };
  restoreUnit: UnitRecord;
  unitTree: UnitTreeNode[];
  consolidationView: ConsolidationView;
  setAdjustment: ConsolidationView;
  cellBreakdown: CellBreakdown;
  adjustmentHistory: HistoryEntryInfo[];
  exportExchange: FileResult;
  planExchangeImport: { planId: string; plan: ExchangePlanView };
  commitExchangeImport: { unit: string; year: number; inputs: number };
  planRollover: RolloverPlanView;
  commitRollover: RolloverPlanView;
  reportYears: number[];
  deleteReport: { backup: string };
  perfState: PerfState;
  perfEdit: { state: PerfState; id: number | null };
  perfReport: PerfReportView;
  exportPerfReport: FileResult;
  exportPerfXlsx: FileResult;
  perfFieldHistory: PerfHistoryEntry[];
  getSettings: Settings;
  setSettings: Settings;
}

export type Api = { [M in ApiMethod]: (input: ApiInput<M>) => Promise<ApiResults[M]> };

export { API_METHODS } from './methods';
