/** What the audit reports: one failing rule instance, in words a clerk reads, with its cells. */
import type { CellKey } from '../base/cellKey';
import type { KindLike } from '../pack/cellKind';
import type { AuditLevel } from './ruleModel';

export interface AuditSideResult {
  /** 收入总计, “2010301 行政运行”本年支出合计 … (no formula text, no column ids). */
  words: string;
  /** 分 or a count; null for structural results. */
  amount: number | null;
  kind: KindLike;
  /** Cells of this report on this side (last year's cells are not listed). */
  cells: CellKey[];
}

export interface AuditResult {
  /** Stable across edits: `T01-5`, `X-9.2@2010301`, `T02-2@201.c3`. Explanations are keyed by it. */
  id: string;
  ruleId: string;
  ruleTitle: string;
  /** Level shown: the rule's, or 提示 for a 万元 尾差. */
  level: AuditLevel;
  ruleLevel: AuditLevel;
  /** A 万元 rounding difference (spec §1): |差| ≤ 0.01 万元 per addend. */
  tail: boolean;
  /** The table to open; the panel groups by it. */
  table: string;
  row: string | null;
  message: string;
  left: AuditSideResult;
  right: AuditSideResult;
  /** |left − right|; null for structural results. */
  difference: number | null;
  /** The offending cell to select; the other cells of both sides are highlighted. */
  focus: CellKey | null;
  /** The clerk's 出错说明 (提示 results only; ≥ 6 characters), else null. */
  explanation: string | null;
}

/** What one update changed, by result id. */
export interface AuditDelta {
  added: string[];
  removed: string[];
  updated: string[];
}
