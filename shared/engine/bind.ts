/**
 * Binding a parsed formula to one report's rows. Computed cells are linear (+, −, SUM, integers), so
 * every bound side is a constant plus Σ coefficient × cell — cheap to evaluate and to index.
 *
 * A row set outside SUM (`T03[*].c2`) is bound to the driving row: the first such set in the
 * formula (the target, for an assignment) decides which rows the formula runs over, and every other
 * unaggregated set takes the same row id in its own table. A reference to a row the report does not
 * have is 0.
 */
import { cellKey, type CellKey } from '../base/cellKey';
import { AGGREGATES, EXACT_FUNCTIONS, refText, type CellRef, type Expr, type Formula, type Ref, type RowSelector, type SetRef } from './ast';
import type { BuiltTable } from './layout';
import type { LayoutRow } from './types';

export interface Linear {
  constant: number;
  terms: Map<CellKey, number>;
}

export type Shape = ReadonlyMap<string, BuiltTable>;

/** A formula that cannot be bound (a fault of the pack, not of the clerk). */
export class BindError extends Error {
  readonly ref: Ref | null;
  constructor(message: string, ref: Ref | null = null) {
    super(message);
    this.name = 'BindError';
    this.ref = ref;
  }
}

export function rowMatches(row: LayoutRow, selector: RowSelector): boolean {
  return selector === '*' || row.level === selector;
}

/** The key of the cell a reference names, or null when the report has no such row or cell. */
export function resolveCell(shape: Shape, ref: CellRef): CellKey | null {
  const row = shape.get(ref.table)?.rows.get(ref.row);
  if (!row) return null;
  if (ref.col === null) {
    const [only, ...more] = row.cells;
    if (only === undefined || more.length > 0) {
      throw new BindError(`“${refText(ref)}”所指的行有 ${row.cells.length} 个栏，须写明列（如 ${ref.table}.${ref.row}.${row.cells[0] ?? 'c1'}）`, ref);
    }
    return cellKey(ref.table, ref.row, only);
  }
  return row.cells.includes(ref.col) ? cellKey(ref.table, ref.row, ref.col) : null;
}

/** Rows of a set, in layout order, that have the set's column. */
export function setRows(shape: Shape, ref: SetRef): LayoutRow[] {
  const built = shape.get(ref.table);
  if (!built) return [];
  const out: LayoutRow[] = [];
  for (const side of built.layout.sides) {
    for (const row of side.rows) if (rowMatches(row, ref.selector) && row.cells.includes(ref.col)) out.push(row);
  }
  return out;
}

function addTerm(target: Linear, key: CellKey, coef: number): void {
  const next = (target.terms.get(key) ?? 0) + coef;
  if (next === 0) target.terms.delete(key);
  else target.terms.set(key, next);
}

function combine(a: Linear, b: Linear, sign: 1 | -1): Linear {
  const out: Linear = { constant: a.constant + sign * b.constant, terms: new Map(a.terms) };
  for (const [key, coef] of b.terms) addTerm(out, key, sign * coef);
  return out;
}

const NOT_LINEAR = '计算公式和审核公式只能用 +、−、SUM（审核公式另有 PREV）；×、÷、比较、and/or/not 和 MIN、MAX、IF、ROUND 等只用于精确计算（比率、得分、情况说明）';

/** Binds an expression; `row` is the driving row id (null outside a row-set formula). */
export function toLinear(expr: Expr, shape: Shape, row: string | null, inAggregate = false): Linear {
  switch (expr.type) {
    case 'num':
      return { constant: expr.value, terms: new Map() };
    case 'cell': {
      const key = resolveCell(shape, expr);
      return { constant: 0, terms: key ? new Map([[key, 1]]) : new Map() };
    }
    case 'set': {
      const out: Linear = { constant: 0, terms: new Map() };
      if (inAggregate) {
        for (const r of setRows(shape, expr)) addTerm(out, cellKey(expr.table, r.id, expr.col), 1);
        return out;
      }
      if (row === null) {
        throw new BindError(`行集合“${refText(expr)}”只能写在 SUM( ) 中，或写在以行集合为目标的公式里`, expr);
      }
      const bound = shape.get(expr.table)?.rows.get(row);
      if (bound && bound.cells.includes(expr.col)) addTerm(out, cellKey(expr.table, row, expr.col), 1);
      return out;
    }
    case 'neg': {
      const inner = toLinear(expr.operand, shape, row, inAggregate);
      return combine({ constant: 0, terms: new Map() }, inner, -1);
    }
    case 'binary':
      if (expr.op === '*' || expr.op === '/') throw new BindError(NOT_LINEAR);
      return combine(
        toLinear(expr.left, shape, row, inAggregate),
        toLinear(expr.right, shape, row, inAggregate),
        expr.op === '+' ? 1 : -1,
      );
    case 'compare':
    case 'logic':
    case 'not':
    case 'key':
      throw new BindError(NOT_LINEAR);
    case 'call': {
      if (EXACT_FUNCTIONS.has(expr.name) && !AGGREGATES.has(expr.name)) throw new BindError(`${NOT_LINEAR}（${expr.name}）`);
      if (!AGGREGATES.has(expr.name)) throw new BindError(`未知的函数“${expr.name}”`);
      let out: Linear = { constant: 0, terms: new Map() };
      for (const arg of expr.args) out = combine(out, toLinear(arg, shape, row, true), 1);
      return out;
    }
  }
}

/** The first row set outside an aggregate, left side first: it decides the rows a formula runs over. */
export function driverOf(formula: Formula): SetRef | null {
  const find = (expr: Expr): SetRef | null => {
    switch (expr.type) {
      case 'set':
        return expr;
      case 'neg':
        return find(expr.operand);
      case 'binary':
        return find(expr.left) ?? find(expr.right);
      default:
        return null;
    }
  };
  return find(formula.left) ?? find(formula.right);
}

export interface FormulaInstance {
  /** The driving row, or null for a formula without an unaggregated row set. */
  row: string | null;
  left: Linear;
  right: Linear;
}

/** Binds a formula (any comparison) for every row it runs over — what audit rules evaluate. */
export function bindFormula(formula: Formula, shape: Shape): FormulaInstance[] {
  const driver = driverOf(formula);
  const rows = driver ? setRows(shape, driver).map((r) => r.id) : [null];
  return rows.map((row) => ({ row, left: toLinear(formula.left, shape, row), right: toLinear(formula.right, shape, row) }));
}

export interface Assignment {
  target: CellKey;
  expr: Linear;
}

/**
 * Binds a computed-cell formula `TARGET = EXPR`. A row-set target runs over the rows of its table
 * that have the column as a computed cell (an input cell in the same column is left to the clerk).
 */
export function bindAssignment(formula: Formula, shape: Shape): Assignment[] {
  const target = formula.left;
  if (formula.op !== '=' || (target.type !== 'cell' && target.type !== 'set')) {
    throw new BindError('计算公式必须写成“单元格 = 表达式”或“行集合 = 表达式”');
  }
  if (target.type === 'cell') {
    const key = resolveCell(shape, target);
    return key ? [{ target: key, expr: toLinear(formula.right, shape, null) }] : [];
  }
  return setRows(shape, target)
    .filter((row) => !row.inputs.includes(target.col))
    .map((row) => ({ target: cellKey(target.table, row.id, target.col), expr: toLinear(formula.right, shape, row.id) }));
}
