/**
 * The formula language's syntax tree: one language for computed cells (`TARGET = EXPR`), audit rules
 * (any comparison) and the 情况说明's expressions (conditions and figures). Computed cells and audit
 * comparisons are linear (+, −, SUM, PREV); ×, ÷, comparisons inside an expression, and/or/not, MIN,
 * MAX, IF, ROUND and the narrative's functions are evaluated exactly by `evaluate.ts`.
 */
import type { Level } from '../pack/model';

/** `*` = every row; a level = rows of that 科目 level. */
export type RowSelector = '*' | Level;

/** `T03.2010301.c2`, or `T01.ISUM` (col null: the row's only cell). */
export interface CellRef {
  type: 'cell';
  table: string;
  row: string;
  col: string | null;
  pos: number;
}

/** `T03[*].c2`, `T01[类].c2`: a row set; bound to the driving row, or summed inside SUM(). */
export interface SetRef {
  type: 'set';
  table: string;
  selector: RowSelector;
  col: string;
  pos: number;
}

export type Ref = CellRef | SetRef;

export interface NumberLiteral {
  type: 'num';
  value: number;
  /** The literal as written ("0.5"), so a decimal is read exactly. */
  text: string;
  pos: number;
}

export interface Negation {
  type: 'neg';
  operand: Expr;
  pos: number;
}

export interface Binary {
  type: 'binary';
  op: '+' | '-' | '*' | '/';
  left: Expr;
  right: Expr;
  pos: number;
}

/** A comparison inside an expression (`IF(a > b, …)`, a narrative condition): 1 or 0. */
export interface Comparison {
  type: 'compare';
  op: CompareOp;
  left: Expr;
  right: Expr;
  pos: number;
}

/** `a and b`, `a or b`: 1 or 0. */
export interface Logic {
  type: 'logic';
  op: 'and' | 'or';
  left: Expr;
  right: Expr;
  pos: number;
}

/** `not a`: 1 or 0. */
export interface Not {
  type: 'not';
  operand: Expr;
  pos: number;
}

/** The name argument of IN / FILLED / OPT (`IN(form.staff)`): a text key, not a value. */
export interface KeyArg {
  type: 'key';
  key: string;
  pos: number;
}

export interface Call {
  type: 'call';
  /** Upper-cased function name (SUM). */
  name: string;
  args: Expr[];
  pos: number;
}

export type Expr = NumberLiteral | Ref | Negation | Binary | Call | Comparison | Logic | Not | KeyArg;

export const COMPARE_OPS = ['=', '<>', '<=', '>=', '<', '>'] as const;
export type CompareOp = (typeof COMPARE_OPS)[number];

/** A whole formula: two expressions and a comparison (`=` is assignment in a pack's formulas). */
export interface Formula {
  source: string;
  op: CompareOp;
  left: Expr;
  right: Expr;
}

/** Every reference in an expression, left to right, with whether it sits inside an aggregate. */
export function collectRefs(expr: Expr, inAggregate = false, out: { ref: Ref; inAggregate: boolean }[] = []) {
  switch (expr.type) {
    case 'num':
      break;
    case 'cell':
    case 'set':
      out.push({ ref: expr, inAggregate });
      break;
    case 'neg':
      collectRefs(expr.operand, inAggregate, out);
      break;
    case 'binary':
    case 'compare':
    case 'logic':
      collectRefs(expr.left, inAggregate, out);
      collectRefs(expr.right, inAggregate, out);
      break;
    case 'not':
      collectRefs(expr.operand, inAggregate, out);
      break;
    case 'key':
      break;
    case 'call':
      for (const arg of expr.args) collectRefs(arg, inAggregate || AGGREGATES.has(expr.name), out);
      break;
  }
  return out;
}

/** Functions that take a row set and fold it; a set inside them is not bound to the driving row. */
export const AGGREGATES: ReadonlySet<string> = new Set(['SUM']);
/** The functions of computed cells (linear). */
export const FUNCTIONS: ReadonlySet<string> = new Set(['SUM']);
/**
 * Functions evaluated exactly (rates, scores, the narrative): MIN, MAX, IF(条件, 是, 否), ROUND(x, 位数),
 * ABS; PREV(x) last year's value, HASPREV(x), CHANGED(x); IN(key) a number typed in a form, FILLED(key) a
 * text is written, OPT(name) an option is on.
 */
export const EXACT_FUNCTIONS: ReadonlySet<string> = new Set(['SUM', 'MIN', 'MAX', 'IF', 'ROUND', 'ABS', 'PREV', 'HASPREV', 'CHANGED', 'IN', 'FILLED', 'OPT']);
/** Functions whose one argument is a name (a text key), not a value. */
export const KEY_FUNCTIONS: ReadonlySet<string> = new Set(['IN', 'FILLED', 'OPT']);
/** Every word a comparison may be written with; `!=` is read as `<>`. */
export const LOGIC_WORDS: ReadonlySet<string> = new Set(['and', 'or', 'not', 'AND', 'OR', 'NOT']);

/** Renders a reference back as formula text (for messages). */
export function refText(ref: Ref): string {
  if (ref.type === 'set') return `${ref.table}[${ref.selector}].${ref.col}`;
  return ref.col === null ? `${ref.table}.${ref.row}` : `${ref.table}.${ref.row}.${ref.col}`;
}
