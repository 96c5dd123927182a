/**
 * Binding an audit comparison to one report: like the engine's formula binding (shared/engine/
 * bind.ts, reused for everything but PREV), except that `PREV(expr)` is bound against last year's
 * report and its cells are marked as last year's, so the audit reads them there.
 */
import { cellKey, type CellKey } from '../base/cellKey';
import type { Expr } from '../engine/ast';
import { BindError, toLinear, type Shape } from '../engine/bind';
import { PREV } from './prevYear';

export interface Term {
  key: CellKey;
  table: string;
  row: string;
  col: string;
  coef: number;
  /** A cell of last year's report. */
  prev: boolean;
}

export interface BoundSide {
  constant: number;
  terms: Term[];
}

interface Acc {
  constant: number;
  terms: Map<string, Term>;
}

function add(acc: Acc, term: Term): void {
  const id = term.prev ? `^${term.key}` : term.key;
  const old = acc.terms.get(id);
  const coef = (old?.coef ?? 0) + term.coef;
  if (coef === 0) acc.terms.delete(id);
  else acc.terms.set(id, { ...term, coef });
}

function walk(expr: Expr, shape: Shape, prevShape: Shape | null, row: string | null, sign: number, prev: boolean, acc: Acc): void {
  switch (expr.type) {
    case 'neg':
      walk(expr.operand, shape, prevShape, row, -sign, prev, acc);
      return;
    case 'binary':
      walk(expr.left, shape, prevShape, row, sign, prev, acc);
      walk(expr.right, shape, prevShape, row, expr.op === '+' ? sign : -sign, prev, acc);
      return;
    case 'call':
      if (expr.name === PREV) {
        if (prev) throw new BindError('PREV( ) 里不能再写 PREV( )');
        if (expr.args.length !== 1) throw new BindError('PREV( ) 只能有一个参数');
        const [arg] = expr.args;
        // Without last year's report the caller does not evaluate the part; bind nothing.
        if (arg && prevShape) walk(arg, prevShape, null, row, sign, true, acc);
        return;
      }
      break;
    default:
      break;
  }
  const linear = toLinear(expr, shape, row);
  acc.constant += sign * linear.constant;
  for (const [key, coef] of linear.terms) {
    const [table = '', r = '', col = ''] = key.split(':');
    add(acc, { key: cellKey(table, r, col), table, row: r, col, coef: sign * coef, prev });
  }
}

/** Binds one side of an audit comparison for a driving row (null when the check has no row set). */
export function bindSide(expr: Expr, shape: Shape, prevShape: Shape | null, row: string | null): BoundSide {
  const acc: Acc = { constant: 0, terms: new Map() };
  walk(expr, shape, prevShape, row, 1, false, acc);
  return { constant: acc.constant, terms: [...acc.terms.values()] };
}
