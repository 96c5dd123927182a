/**
 * Last year's values in audit rules: `PREV(expr)` reads `expr` on the previous year's report
 * 年初结转和结余 = 上年年末). It is an audit-only extension of the formula language — computed
 * cells never read another year — so it lives here and not in the engine's function list.
 */
import type { Expr } from '../engine/ast';

export const PREV = 'PREV';

/** Does an expression read last year anywhere? */
export function readsPrevious(expr: Expr): boolean {
  switch (expr.type) {
    case 'call':
      return expr.name === PREV || expr.args.some(readsPrevious);
    case 'neg':
      return readsPrevious(expr.operand);
    case 'binary':
      return readsPrevious(expr.left) || readsPrevious(expr.right);
    default:
      return false;
  }
}
