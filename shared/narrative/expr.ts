/**
 * The 情况说明's expressions are the engine's formula language (shared/engine/parse.ts), read with
 * its conditions: cell references (`T01.ISUM.c1`, `T05.$.c1` for a list's row), + − × ÷, comparisons,
 * and/or/not, and the functions PREV, HASPREV, CHANGED, ABS, IN, FILLED, OPT, MIN, MAX, IF, ROUND.
 * Evaluation is exact (shared/engine/evaluate.ts); a figure is a whole number (分, counts), so a
 * fraction is rounded half-up once at the end — ROUND(…, n) first for a rate with decimals.
 */
import { cellKey, type CellKey } from '../base/cellKey';
import { EXACT_FUNCTIONS, type Expr } from '../engine/ast';
import { cellsRead, evaluateExact, ExactEvalError, type ExactScope } from '../engine/evaluate';
import { FormulaSyntaxError, parseCondition } from '../engine/parse';
import { roundTo } from '../money/ratio';

export type { Expr };
export type EvalScope = ExactScope;

export class ExprError extends Error {}

function checkNode(e: Expr, source: string): void {
  const fail = (why: string): never => {
    throw new ExprError(`表达式“${source}”${why}`);
  };
  switch (e.type) {
    case 'set':
      fail(`中的行集合“${e.table}[${e.selector}].${e.col}”不能用在情况说明中，请写出单元格（如 ${e.table}.$.${e.col}）`);
      break;
    case 'cell':
      if (e.col === null) fail(`中的“${e.table}.${e.row}”须写明列（如 ${e.table}.${e.row}.c1）`);
      break;
    case 'key':
      break;
    case 'neg':
    case 'not':
      checkNode(e.operand, source);
      break;
    case 'binary':
    case 'compare':
    case 'logic':
      checkNode(e.left, source);
      checkNode(e.right, source);
      break;
    case 'call':
      if (!EXACT_FUNCTIONS.has(e.name)) fail(`中的函数“${e.name}”未定义`);
      for (const a of e.args) checkNode(a, source);
      break;
    default:
      break;
  }
}

/** Parses a template expression (condition or figure); a fault names the expression. */
export function parseExpr(source: string): Expr {
  let e: Expr;
  try {
    e = parseCondition(source);
  } catch (err) {
    if (err instanceof FormulaSyntaxError) throw new ExprError(`表达式“${source}”${err.message}`);
    throw err;
  }
  checkNode(e, source);
  return e;
}

/** Evaluates `e`; in `prevMode` every cell reads last year's value. A figure is a whole number. */
export function evaluate(e: Expr, scope: EvalScope, prevMode = false): number | null {
  let v;
  try {
    v = evaluateExact(e, scope, prevMode);
  } catch (err) {
    if (err instanceof ExactEvalError) throw new ExprError(err.message);
    throw err;
  }
  if (v === null) return null;
  return Number(v.d === 1n ? v.n : roundTo(v, 0).n);
}

/** This year's cells an expression reads (with `$` resolved), for linking a figure to the tables. */
export function cellsOf(e: Expr, row: string | null): CellKey[] {
  return cellsRead(e, row).filter((c) => !c.prev).map((c) => cellKey(c.table, c.row, c.col));
}

/** Every cell an expression reads in last year's report (`PREV(…)`, and both sides of `CHANGED`). */
export function prevCellsOf(e: Expr, row: string | null, prevMode = false): CellKey[] {
  return cellsRead(e, row, prevMode).filter((c) => c.prev).map((c) => cellKey(c.table, c.row, c.col));
}
