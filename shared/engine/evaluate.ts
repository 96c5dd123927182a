/**
 * Exact evaluation of the formula language: rates, scores and the 情况说明's figures and conditions.
 * Values are rationals (BigInt), so 分 divided and multiplied stay exact; the one rounding is ROUND's
 * (half-up, away from zero) or the caller's at the end. `null` is “not known” (no 上年数, an empty form
 * field, a division by zero): it spreads through arithmetic, MIN, MAX and ROUND, and makes a
 * comparison false, so a sentence that needs an unknown figure is simply not written.
 */
import { add, cmp, div, int, isZero, mul, ratio, roundTo, sub, type Ratio } from '../money/ratio';
import { refText, type Expr } from './ast';

export interface ExactScope {
  /** This year's value; a cell the report does not have is 0. */
  cell(table: string, row: string, col: string): number;
  /** Last year's value, or null when not known. */
  prevCell(table: string, row: string, col: string): number | null;
  /** A number typed in a form, or null when empty or not a number. */
  input(key: string): number | null;
  /** A text is written (not empty). */
  filled(key: string): boolean;
  option(name: string): boolean;
  /** The row `$` stands for inside a list, or null outside one. */
  row: string | null;
}

/** An expression that cannot be evaluated as written (a fault of the pack, found when it is loaded). */
export class ExactEvalError extends Error {}

const ONE = int(1);
const ZERO = int(0);
const truth = (b: boolean): Ratio => (b ? ONE : ZERO);
const truthy = (v: Ratio | null): boolean => v !== null && !isZero(v);

function decimal(text: string): Ratio {
  const [whole = '0', frac = ''] = text.split('.');
  return ratio(BigInt(whole + frac), 10n ** BigInt(frac.length));
}

function rowOf(row: string, scope: ExactScope): string {
  if (row !== '$') return row;
  if (scope.row === null) throw new ExactEvalError('“$”只能用在列表项中');
  return scope.row;
}

function arg(e: Expr & { type: 'call' }, i: number): Expr {
  const a = e.args[i];
  if (!a) throw new ExactEvalError(`${e.name}( ) 缺少第 ${i + 1} 个参数`);
  return a;
}

function keyOf(e: Expr & { type: 'call' }): string {
  const a = e.args[0];
  if (!a || a.type !== 'key') throw new ExactEvalError(`${e.name}( ) 的参数应为名称`);
  return a.key;
}

/** Evaluates `e`; in `prevMode` every cell reads last year's value. */
export function evaluateExact(e: Expr, scope: ExactScope, prevMode = false): Ratio | null {
  const ev = (x: Expr, prev = prevMode) => evaluateExact(x, scope, prev);
  switch (e.type) {
    case 'num':
      return decimal(e.text);
    case 'cell': {
      if (e.col === null) throw new ExactEvalError(`“${refText(e)}”须写明列`);
      const row = rowOf(e.row, scope);
      const v = prevMode ? scope.prevCell(e.table, row, e.col) : scope.cell(e.table, row, e.col);
      return v === null ? null : int(v);
    }
    case 'set':
      throw new ExactEvalError(`行集合“${refText(e)}”在这里不能使用`);
    case 'key':
      throw new ExactEvalError(`名称“${e.key}”只能写在 IN( )、FILLED( )、OPT( ) 中`);
    case 'neg': {
      const v = ev(e.operand);
      return v === null ? null : sub(ZERO, v);
    }
    case 'binary': {
      const a = ev(e.left);
      const b = ev(e.right);
      if (a === null || b === null) return null;
      switch (e.op) {
        case '+':
          return add(a, b);
        case '-':
          return sub(a, b);
        case '*':
          return mul(a, b);
        case '/':
          return isZero(b) ? null : div(a, b);
      }
      break;
    }
    case 'compare': {
      const a = ev(e.left);
      const b = ev(e.right);
      if (a === null || b === null) return ZERO;
      const c = cmp(a, b);
      switch (e.op) {
        case '=':
          return truth(c === 0);
        case '<>':
          return truth(c !== 0);
        case '<':
          return truth(c < 0);
        case '>':
          return truth(c > 0);
        case '<=':
          return truth(c <= 0);
        case '>=':
          return truth(c >= 0);
      }
      break;
    }
    case 'logic':
      return e.op === 'and' ? truth(truthy(ev(e.left)) && truthy(ev(e.right))) : truth(truthy(ev(e.left)) || truthy(ev(e.right)));
    case 'not':
      return truth(!truthy(ev(e.operand)));
    case 'call':
      return callExact(e, scope, prevMode);
  }
  throw new ExactEvalError('无法计算的表达式');
}

function callExact(e: Expr & { type: 'call' }, scope: ExactScope, prevMode: boolean): Ratio | null {
  const ev = (x: Expr, prev = prevMode) => evaluateExact(x, scope, prev);
  switch (e.name) {
    case 'PREV':
      return ev(arg(e, 0), true);
    case 'HASPREV':
      return truth(ev(arg(e, 0), true) !== null);
    case 'CHANGED': {
      const now = ev(arg(e, 0));
      const before = ev(arg(e, 0), true);
      return truth(now !== null && before !== null && cmp(now, before) !== 0);
    }
    case 'ABS': {
      const v = ev(arg(e, 0));
      return v === null ? null : v.n < 0n ? sub(ZERO, v) : v;
    }
    case 'IN': {
      const v = scope.input(keyOf(e));
      return v === null ? null : int(v);
    }
    case 'FILLED':
      return truth(scope.filled(keyOf(e)));
    case 'OPT':
      return truth(scope.option(keyOf(e)));
    case 'IF':
      if (e.args.length !== 3) throw new ExactEvalError('IF( ) 应有三个参数：IF(条件, 成立时, 不成立时)');
      return truthy(ev(arg(e, 0))) ? ev(arg(e, 1)) : ev(arg(e, 2));
    case 'MIN':
    case 'MAX': {
      if (e.args.length === 0) throw new ExactEvalError(`${e.name}( ) 至少要有一个参数`);
      let best: Ratio | null = null;
      for (const a of e.args) {
        const v = ev(a);
        if (v === null) return null;
        if (best === null || (e.name === 'MIN' ? cmp(v, best) < 0 : cmp(v, best) > 0)) best = v;
      }
      return best;
    }
    case 'ROUND': {
      const places = e.args[1];
      if (e.args.length !== 2 || !places || places.type !== 'num' || !/^\d+$/.test(places.text)) {
        throw new ExactEvalError('ROUND( ) 应写成 ROUND(数值, 小数位数)，位数为 0 或正整数');
      }
      const v = ev(arg(e, 0));
      return v === null ? null : roundTo(v, Number(places.text));
    }
    case 'SUM': {
      let total = ZERO;
      for (const a of e.args) {
        const v = ev(a);
        if (v === null) return null;
        total = add(total, v);
      }
      return total;
    }
    default:
      throw new ExactEvalError(`未知的函数“${e.name}”`);
  }
}

/** This year's cells an expression reads (with `$` resolved), for linking a figure to the tables. */
export function cellsRead(e: Expr, row: string | null, prevMode = false, out: { table: string; row: string; col: string; prev: boolean }[] = []) {
  switch (e.type) {
    case 'cell':
      if (e.col !== null) out.push({ table: e.table, row: e.row === '$' ? (row ?? '$') : e.row, col: e.col, prev: prevMode });
      break;
    case 'neg':
    case 'not':
      cellsRead(e.operand, row, prevMode, out);
      break;
    case 'binary':
    case 'compare':
    case 'logic':
      cellsRead(e.left, row, prevMode, out);
      cellsRead(e.right, row, prevMode, out);
      break;
    case 'call':
      if (e.name === 'PREV' || e.name === 'HASPREV') for (const a of e.args) cellsRead(a, row, true, out);
      else if (e.name === 'CHANGED') {
        for (const a of e.args) {
          cellsRead(a, row, prevMode, out);
          cellsRead(a, row, true, out);
        }
      } else for (const a of e.args) cellsRead(a, row, prevMode, out);
      break;
    default:
      break;
  }
  return out;
}
