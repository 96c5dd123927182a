/**
 * The small expression language of the narrative template: cell references, + and −, comparisons,
 * and/or/not, and a few functions. Values are integers (分, counts) or null ("not known": no 上年数,
 * a form field left empty); null spreads through arithmetic and makes a comparison false, so a
 * sentence that needs an unknown figure is simply not written. Booleans are 1 and 0.
 */
import { cellKey, type CellKey } from '../base/cellKey';

export type Expr =
  | { k: 'num'; v: number }
  | { k: 'cell'; table: string; row: string; col: string }
  | { k: 'input'; key: string }
  | { k: 'filled'; key: string }
  | { k: 'option'; name: string }
  | { k: 'prev'; e: Expr }
  | { k: 'hasPrev'; e: Expr }
  | { k: 'changed'; e: Expr }
  | { k: 'abs'; e: Expr }
  | { k: 'not'; e: Expr }
  | { k: 'bin'; op: '+' | '-' | '=' | '!=' | '>' | '<' | '>=' | '<=' | 'and' | 'or'; a: Expr; b: Expr };

export interface EvalScope {
  /** This year's value; a cell the report does not have is 0. */
  cell(table: string, row: string, col: string): number;
  /** Last year's value, or null when not known. */
  prevCell(table: string, row: string, col: string): number | null;
  /** A number typed in a narrative form, or null when empty or not a number. */
  input(key: string): number | null;
  /** A report text is written (not empty). */
  filled(key: string): boolean;
  option(name: string): boolean;
  /** The row id `$` stands for inside a list. */
  row: string | null;
}

export class ExprError extends Error {}

const TOKEN = /\s*(>=|<=|!=|[()+\-=<>]|\d+|[A-Za-z_$][A-Za-z0-9_$.]*)/y;

function tokenize(source: string): string[] {
  const tokens: string[] = [];
  TOKEN.lastIndex = 0;
  while (TOKEN.lastIndex < source.length) {
    if (/^\s*$/.test(source.slice(TOKEN.lastIndex))) break;
    const at = TOKEN.lastIndex;
    const m = TOKEN.exec(source);
    if (!m || m[1] === undefined) throw new ExprError(`表达式“${source}”第 ${at + 1} 个字符无法识别`);
    tokens.push(m[1]);
  }
  return tokens;
}

const FUNCTIONS = new Set(['prev', 'hasPrev', 'changed', 'abs', 'in', 'filled', 'opt']);
const KEY_FUNCTIONS = new Set(['in', 'filled', 'opt']);

export function parseExpr(source: string): Expr {
  const tokens = tokenize(source);
  let pos = 0;
  const peek = (): string | undefined => tokens[pos];
  const take = (): string => {
    const t = tokens[pos++];
    if (t === undefined) throw new ExprError(`表达式“${source}”不完整`);
    return t;
  };
  const expect = (t: string): void => {
    const got = take();
    if (got !== t) throw new ExprError(`表达式“${source}”在“${got}”处应为“${t}”`);
  };

  function primary(): Expr {
    const t = take();
    if (t === '(') {
      const e = orExpr();
      expect(')');
      return e;
    }
    if (t === '-') return { k: 'bin', op: '-', a: { k: 'num', v: 0 }, b: primary() };
    if (/^\d+$/.test(t)) return { k: 'num', v: Number(t) };
    if (FUNCTIONS.has(t) && peek() === '(') {
      take();
      if (KEY_FUNCTIONS.has(t)) {
        const key = take();
        expect(')');
        if (t === 'in') return { k: 'input', key };
        if (t === 'filled') return { k: 'filled', key };
        return { k: 'option', name: key };
      }
      const e = orExpr();
      expect(')');
      switch (t) {
        case 'prev':
          return { k: 'prev', e };
        case 'hasPrev':
          return { k: 'hasPrev', e };
        case 'changed':
          return { k: 'changed', e };
        default:
          return { k: 'abs', e };
      }
    }
    const ref = /^([A-Za-z][A-Za-z0-9_]*)\.([A-Za-z0-9_$]+)\.([A-Za-z][A-Za-z0-9_]*)$/.exec(t);
    if (ref && ref[1] && ref[2] && ref[3]) return { k: 'cell', table: ref[1], row: ref[2], col: ref[3] };
    throw new ExprError(`表达式“${source}”中的“${t}”不是单元格（如 T01.ISUM.c1）、数字或函数`);
  }
  function additive(): Expr {
    let e = primary();
    for (let t = peek(); t === '+' || t === '-'; t = peek()) {
      take();
      e = { k: 'bin', op: t, a: e, b: primary() };
    }
    return e;
  }
  function comparison(): Expr {
    const a = additive();
    const t = peek();
    if (t === '=' || t === '!=' || t === '>' || t === '<' || t === '>=' || t === '<=') {
      take();
      return { k: 'bin', op: t, a, b: additive() };
    }
    return a;
  }
  /** `not` binds looser than a comparison: `not a > 3` is `not (a > 3)`. */
  function notExpr(): Expr {
    if (peek() !== 'not') return comparison();
    take();
    return { k: 'not', e: notExpr() };
  }
  function andExpr(): Expr {
    let e = notExpr();
    while (peek() === 'and') {
      take();
      e = { k: 'bin', op: 'and', a: e, b: notExpr() };
    }
    return e;
  }
  function orExpr(): Expr {
    let e = andExpr();
    while (peek() === 'or') {
      take();
      e = { k: 'bin', op: 'or', a: e, b: andExpr() };
    }
    return e;
  }
  const e = orExpr();
  if (pos < tokens.length) throw new ExprError(`表达式“${source}”在“${tokens[pos] ?? ''}”处多余`);
  return e;
}

function rowOf(row: string, scope: EvalScope): string {
  if (row !== '$') return row;
  if (scope.row === null) throw new ExprError('“$”只能用在列表项中');
  return scope.row;
}

/** Evaluates `e`; in `prevMode` every cell reads last year's value. */
export function evaluate(e: Expr, scope: EvalScope, prevMode = false): number | null {
  switch (e.k) {
    case 'num':
      return e.v;
    case 'cell': {
      const row = rowOf(e.row, scope);
      return prevMode ? scope.prevCell(e.table, row, e.col) : scope.cell(e.table, row, e.col);
    }
    case 'input':
      return scope.input(e.key);
    case 'filled':
      return scope.filled(e.key) ? 1 : 0;
    case 'option':
      return scope.option(e.name) ? 1 : 0;
    case 'prev':
      return evaluate(e.e, scope, true);
    case 'hasPrev':
      return evaluate(e.e, scope, true) === null ? 0 : 1;
    case 'changed': {
      const now = evaluate(e.e, scope, prevMode);
      const before = evaluate(e.e, scope, true);
      return now !== null && before !== null && now !== before ? 1 : 0;
    }
    case 'abs': {
      const v = evaluate(e.e, scope, prevMode);
      return v === null ? null : Math.abs(v);
    }
    case 'not':
      return evaluate(e.e, scope, prevMode) ? 0 : 1;
    case 'bin': {
      if (e.op === 'and') return evaluate(e.a, scope, prevMode) && evaluate(e.b, scope, prevMode) ? 1 : 0;
      if (e.op === 'or') return evaluate(e.a, scope, prevMode) || evaluate(e.b, scope, prevMode) ? 1 : 0;
      const a = evaluate(e.a, scope, prevMode);
      const b = evaluate(e.b, scope, prevMode);
      if (a === null || b === null) return e.op === '+' || e.op === '-' ? null : 0;
      switch (e.op) {
        case '+':
          return a + b;
        case '-':
          return a - b;
        case '=':
          return a === b ? 1 : 0;
        case '!=':
          return a !== b ? 1 : 0;
        case '>':
          return a > b ? 1 : 0;
        case '<':
          return a < b ? 1 : 0;
        case '>=':
          return a >= b ? 1 : 0;
        case '<=':
          return a <= b ? 1 : 0;
      }
    }
  }
}

/** This year's cells an expression reads (with `$` resolved), for linking a figure to the tables. */
export function cellsOf(e: Expr, row: string | null, out: CellKey[] = []): CellKey[] {
  switch (e.k) {
    case 'cell':
      out.push(cellKey(e.table, e.row === '$' ? (row ?? '$') : e.row, e.col));
      break;
    case 'prev':
    case 'hasPrev':
      break;
    case 'changed':
    case 'abs':
    case 'not':
      cellsOf(e.e, row, out);
      break;
    case 'bin':
      cellsOf(e.a, row, out);
      cellsOf(e.b, row, out);
      break;
    default:
      break;
  }
  return out;
}

/** Every cell an expression reads in last year's report (`prev(…)`, and both sides of `changed`). */
export function prevCellsOf(e: Expr, row: string | null, prevMode = false, out: CellKey[] = []): CellKey[] {
  switch (e.k) {
    case 'cell':
      if (prevMode) out.push(cellKey(e.table, e.row === '$' ? (row ?? '$') : e.row, e.col));
      break;
    case 'prev':
    case 'hasPrev':
      prevCellsOf(e.e, row, true, out);
      break;
    case 'changed':
      prevCellsOf(e.e, row, true, out);
      break;
    case 'abs':
    case 'not':
      prevCellsOf(e.e, row, prevMode, out);
      break;
    case 'bin':
      prevCellsOf(e.a, row, prevMode, out);
      prevCellsOf(e.b, row, prevMode, out);
      break;
    default:
      break;
  }
  return out;
}
