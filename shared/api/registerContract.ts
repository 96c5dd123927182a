import type { CellValue, KindLike } from '../pack/cellKind';
import type { PrintMark } from './printSchemas';
/**
 * Types of the unit register (单位名录), the department's consolidated report (部门汇总), its
 * adjustment sheet (调整表), exchange files and the year's roll-over. The input schemas are in
 * contract.ts beside the others; these are the shapes the back end returns.
 */
import type { Unit } from './contract';

/** 报表类型 of a unit's entry (the MoF client's kinds that a county department uses). */
export const REPORT_KINDS = ['单户表', '汇总表', '经费差额表', '调整表'] as const;
export type ReportKind = (typeof REPORT_KINDS)[number];

/** 预算级次 as the 部门决算 cover prints it. */
export const BUDGET_LEVELS = ['一级预算单位', '二级预算单位', '三级预算单位', '四级及以下预算单位'] as const;

/** 执行会计制度 as the 部门决算 cover prints it. */
export const ACCOUNTING_SYSTEMS = ['政府会计准则制度', '企业会计准则', '小企业会计准则', '民间非营利组织会计制度', '其他会计制度'] as const;

/** A unit as the register keeps it. */
export interface UnitRecord extends Unit {
  /** 统一社会信用代码, checked with its check character. */
  creditCode: string | null;
  budgetLevel: string | null;
  accountingSystem: string | null;
  reportKind: ReportKind;
  /** The first year the unit no longer reports (归档); null while it is active. */
  archivedFrom: number | null;
}

/**
 * A report's state in the tree: 未填 (none stored), 填报中, 审核通过 (0 强制 failures), 已打印 (passes,
 * and its latest print still matches today's data).
 */
export type ReportState = '未填' | '填报中' | '审核通过' | '已打印';

export interface UnitTreeNode {
  unit: UnitRecord;
  depth: number;
  state: ReportState;
  /** 强制 / 提示 rules failing; null when there is no report. */
  strict: number | null;
  hints: number | null;
  /** 已打印: fingerprints of printed copies, latest first. */
  printed: string[];
  /** The latest printed copy and whether it still matches (false: 打印后已修改); null when never printed. */
  print: PrintMark | null;
  /** A department: the latest printed copy of its 部门汇总 and whether it still matches; absent when never printed. */
  deptPrint?: PrintMark;
}

/** The 调整表 in a department's edit history (its lines are not cells of the pack's tables). */
export const ADJUSTMENT_TABLE = 'ADJ';

/** One line of the 调整表: one pair (上缴 ↔ 附属单位上缴, 补助 ↔ 上级补助) of one parent for one 科目. */
export interface EliminationLine {
  key: string;
  pair: string;
  parent: { code: string; name: string };
  children: { code: string; name: string; amount: number }[];
  /** 科目 code (or fixed row id) and its name. */
  row: string;
  rowLabel: string;
  childCell: { table: string; row: string; col: string; label: string };
  parentCell: { table: string; row: string; col: string; label: string };
  childAmount: number;
  parentAmount: number;
  /** What the program proposes: the common amount when both sides agree, 0 when they differ. */
  generated: number;
  /** What is eliminated: the clerk's amount when set, else the proposal. */
  amount: number;
  overridden: boolean;
  note: string;
  mismatch: boolean;
}

export interface ConsolidationMember {
  code: string;
  name: string;
  kind: Unit['kind'];
  parent: string | null;
  depth: number;
  hasReport: boolean;
  /** Why the report is not in the sum (another 报表格式), or null. */
  excluded: string | null;
}

/** 户数 of the department by a category, this year and last. */
export interface CountRow {
  label: string;
  count: number;
  lastYear: number;
  change: number;
}

export interface ConsolidationView {
  dept: UnitRecord;
  year: number;
  packId: string;
  members: ConsolidationMember[];
  lines: EliminationLine[];
  /** Things the clerk should look at: mismatched pairs, units without a report, excluded reports. */
  hints: string[];
  counts: { byKind: CountRow[]; byReportKind: CountRow[] };
}

/** Who makes up one consolidated cell. */
export interface CellBreakdown {
  table: string;
  row: string;
  col: string;
  label: string;
  units: { code: string; name: string; amount: number }[];
  /** Σ units − eliminated = the consolidated value. */
  eliminated: number;
  total: number;
}

/** One value an exchange-file import or a roll-over will write, for the clerk to review. */
export interface ChangeLine {
  table: string;
  row: string;
  col: string;
  label: string;
  /** 分 or a count; a text or a decimal's canonical string; null when empty. */
  before: CellValue | null;
  after: CellValue | null;
  /** The cell's type, to show the value as the grid does (money when omitted). */
  kind?: KindLike;
}

export interface ExchangePlanView {
  unit: Unit;
  year: number;
  packId: string;
  fingerprint: string;
  /** No report of this unit and year yet. */
  fresh: boolean;
  /** Identical to what is stored: nothing to do. */
  same: boolean;
  changes: ChangeLine[];
  texts: { key: string; before: string | null; after: string | null }[];
  rows: { table: string; added: string[]; removed: string[] };
}

export interface RolloverPlanView {
  unit: string;
  from: number;
  to: number;
  packId: string;
  /** 年初 cells of the new year, each taken from last year's 年末. */
  carried: ChangeLine[];
  rows: Record<string, string[]>;
  texts: string[];
  /** 科目 rows the new year's catalogue lacks (not carried). */
  dropped: string[];
}
