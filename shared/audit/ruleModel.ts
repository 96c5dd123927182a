/**
 * The audit rules of a pack (rules.json) as data: each rule of spec §3 has an id, a level, a
 * tolerance and one or more parts. A part is either a comparison in the engine's formula language
 * (with the words a clerk reads for each side) or a built-in structural check the language cannot
 * say (tree sums, signs, catalogue names, childless parents).
 */
import type { UnitKind } from '../base/unit';
import type { CatalogueId, ValueKind } from '../pack/model';

/** 强制 must hold before export; 提示 is a warning the clerk may explain. */
export type AuditLevel = '强制' | '提示';

/**
 * One comparison. `check` is `EXPR op EXPR`; a row set outside SUM (`T03[*].c1`) makes one result
 * per row. `PREV(expr)` reads last year's report (no last year → the part is not evaluated).
 * `when`, another comparison, makes an implication: the part holds whenever `when` does not.
 */
export interface CheckDef {
  check: string;
  /** Words for the left side, e.g. 收入总计; `{row}` is the driving row (“2010301 行政运行”). */
  left: string;
  right: string;
  when?: string;
  /** Only for reports of these unit kinds (X-12 differs for 行政/参公 and other units). */
  unitKinds?: UnitKind[];
  /**
   * A message of its own instead of `{table}：{leftWords} {left} ≠ {rightWords} {right}，差 {diff}`.
   * Placeholders: {table} {row} {leftWords} {rightWords} {left} {right} {diff} {op} {when}.
   */
  message?: string;
}

export type BuiltinCheck =
  /** Every computed cell of a 科目 parent (合计, 类, 款) = Σ its children, per column. */
  | { type: 'treeSums'; table: string }
  /** Every input cell of the kind (in the tables listed, or all) is ≥ 0. */
  | { type: 'nonNegative'; kind: ValueKind; tables?: string[] }
  /** Every 科目 row's code is in its catalogue and its printed name is the catalogue's. */
  | { type: 'catalogueNames'; fixedRows: CatalogueId }
  /** No 类/款 row without a row below it (data lives at 项 or at the input level). */
  | { type: 'childlessParents' };

export interface RuleDef {
  id: string;
  level: AuditLevel;
  /** |difference| up to this many 分 (or counts) still holds. */
  tolerance?: number;
  /** The table the panel files the rule under and whose title opens its messages. */
  table: string;
  /** What the rule says, for the audit report's rule list. */
  title: string;
  checks?: CheckDef[];
  builtins?: BuiltinCheck[];
}

export interface RulesFile {
  rules: RuleDef[];
}
