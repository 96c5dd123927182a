/**
 * The formula language's syntax tree. Computed cells are `TARGET = EXPR`; audit rules use the same
 * tree with any comparison, so nothing here is specific to assignment.
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
  pos: number;
}

export interface Negation {
  type: 'neg';
  operand: Expr;
  pos: number;
}

export interface Binary {
  type: 'binary';
  op: '+' | '-';
  left: Expr;
  right: Expr;
  pos: number;
}

export interface Call {
  type: 'call';
  /** Upper-cased function name (SUM). */
  name: string;
  args: Expr[];
  pos: number;
}

export type Expr = NumberLiteral | Ref | Negation | Binary | Call;

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
      collectRefs(expr.left, inAggregate, out);
      collectRefs(expr.right, inAggregate, out);
      break;
    case 'call':
      for (const arg of expr.args) collectRefs(arg, inAggregate || AGGREGATES.has(expr.name), out);
      break;
  }
  return out;
}

/** Functions that take a row set and fold it; a set inside them is not bound to the driving row. */
export const AGGREGATES: ReadonlySet<string> = new Set(['SUM']);
/** Every function the language knows. */
export const FUNCTIONS: ReadonlySet<string> = new Set(['SUM']);

/** Renders a reference back as formula text (for messages). */
export function refText(ref: Ref): string {
  if (ref.type === 'set') return `${ref.table}[${ref.selector}].${ref.col}`;
  return ref.col === null ? `${ref.table}.${ref.row}` : `${ref.table}.${ref.row}.${ref.col}`;
}
