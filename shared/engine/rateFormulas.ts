/**
 * Rate formulas: the computed cells of decimal and percent columns (完成率, 得分), written in the same
 * formula language but free to use ×, ÷, MIN, MAX, IF and ROUND, so they cannot join the linear cell
 * graph. They are bound per row like any row-set formula and evaluated exactly (rationals over BigInt)
 * after the linear pass, each cell read in natural units — money in 元 (分 / 100), a count as is, a
 * decimal as scaled / 10^places — and rounded once, half-up, to the target column's places. A division
 * by zero leaves the cell empty.
 */
import { cellKey, type CellKey } from '../base/cellKey';
import { roundTo } from '../money/ratio';
import { cellTypeIn, codecOf, isDecimalKind, isNumericKind, type CellType } from '../pack/cellKind';
import { PackError } from '../pack/errors';
import type { Pack } from '../pack/model';
import { AGGREGATES, refText, type Expr, type Formula } from './ast';
import { resolveCell, setRows, type Shape } from './bind';
import { evaluateExact, ExactEvalError, type ExactScope } from './evaluate';
import { parsedFormulas } from './parsedFormulas';

/** One rate cell: its key, its expression bound to its row (every reference a cell), its type. */
export interface RateInstance {
  target: CellKey;
  expr: Expr;
  type: CellType;
  source: string;
}

const ZERO: Expr = { type: 'num', value: 0, text: '0', pos: 0 };

/** Whether a formula computes a decimal or percent column (then it is a rate formula). */
export function isRateFormula(pack: Pack, tableId: string, formula: Formula): boolean {
  const target = formula.left;
  if (target.type !== 'set' && target.type !== 'cell') return false;
  if (target.col === null) return false;
  const table = pack.tables.find((t) => t.id === target.table) ?? pack.tables.find((t) => t.id === tableId);
  return isDecimalKind(cellTypeIn(table, undefined, target.col));
}

/** The pack's formulas split: the linear ones (the cell graph) and the rate formulas, per table. */
export function splitFormulas(pack: Pack): { linear: Map<string, Formula[]>; rates: Map<string, Formula[]> } {
  const linear = new Map<string, Formula[]>();
  const rates = new Map<string, Formula[]>();
  for (const [tableId, list] of parsedFormulas(pack)) {
    linear.set(tableId, list.filter((f) => !isRateFormula(pack, tableId, f)));
    const own = list.filter((f) => isRateFormula(pack, tableId, f));
    if (own.length > 0) rates.set(tableId, own);
  }
  return { linear, rates };
}

const scaleOf = (places: number): Expr => {
  const text = String(10 ** places);
  return { type: 'num', value: 10 ** places, text, pos: 0 };
};

/** A cell reference read in natural units: 分 → 元, a scaled decimal → its value. */
function natural(shape: Shape, ref: { table: string; row: string; col: string }, where: string): Expr {
  const built = shape.get(ref.table);
  const row = built?.rows.get(ref.row);
  const type = cellTypeIn(built?.layout.table, row, ref.col);
  if (!isNumericKind(type)) throw new PackError(`${where}：“${ref.table}.${ref.row}.${ref.col}”是文字栏，不能参与计算`, { table: ref.table });
  const cell: Expr = { type: 'cell', table: ref.table, row: ref.row, col: ref.col, pos: 0 };
  const places = codecOf(type).places(type);
  return places === 0 ? cell : { type: 'binary', op: '/', left: cell, right: scaleOf(places), pos: 0 };
}

/** Binds an expression to the driving row: sets outside SUM take the row, sets inside SUM list their rows' cells. */
function bindExpr(expr: Expr, shape: Shape, row: string | null, where: string, inAggregate = false): Expr {
  switch (expr.type) {
    case 'num':
    case 'key':
      return expr;
    case 'cell': {
      const key = resolveCell(shape, expr);
      if (!key) return ZERO;
      const col = expr.col ?? shape.get(expr.table)?.rows.get(expr.row)?.cells[0] ?? '';
      return natural(shape, { table: expr.table, row: expr.row, col }, where);
    }
    case 'set': {
      if (inAggregate) {
        throw new PackError(`${where}：行集合“${refText(expr)}”在这里不能使用`, { table: expr.table });
      }
      if (row === null) throw new PackError(`${where}：行集合“${refText(expr)}”只能写在 SUM( ) 中，或写在以行集合为目标的公式里`, { table: expr.table });
      const bound = shape.get(expr.table)?.rows.get(row);
      if (!bound || !bound.cells.includes(expr.col)) return ZERO;
      return natural(shape, { table: expr.table, row, col: expr.col }, where);
    }
    case 'neg':
    case 'not':
      return { ...expr, operand: bindExpr(expr.operand, shape, row, where, inAggregate) };
    case 'binary':
    case 'compare':
    case 'logic':
      return { ...expr, left: bindExpr(expr.left, shape, row, where, inAggregate), right: bindExpr(expr.right, shape, row, where, inAggregate) };
    case 'call': {
      if (AGGREGATES.has(expr.name)) {
        const args: Expr[] = [];
        for (const arg of expr.args) {
          if (arg.type === 'set') {
            for (const r of setRows(shape, arg)) args.push(natural(shape, { table: arg.table, row: r.id, col: arg.col }, where));
          } else args.push(bindExpr(arg, shape, row, where, false));
        }
        return { ...expr, args };
      }
      return { ...expr, args: expr.args.map((a) => bindExpr(a, shape, row, where, inAggregate)) };
    }
  }
}

/** Every rate cell of a report, in the pack's formula order. */
export function bindRates(shape: Shape, rates: ReadonlyMap<string, readonly Formula[]>): RateInstance[] {
  const out: RateInstance[] = [];
  for (const [tableId, list] of rates) {
    for (const formula of list) {
      const target = formula.left;
      const where = `公式“${formula.source}”`;
      if (formula.op !== '=' || (target.type !== 'cell' && target.type !== 'set')) {
        throw new PackError(`${where}：计算公式必须写成“单元格 = 表达式”或“行集合 = 表达式”`, { table: tableId });
      }
      const built = shape.get(target.table);
      const rows =
        target.type === 'set'
          ? setRows(shape, target).filter((r) => !r.inputs.includes(target.col)).map((r) => r.id)
          : built?.rows.get(target.row)?.cells.includes(target.col ?? '') ? [target.row] : [];
      for (const row of rows) {
        const col = target.col ?? '';
        const layoutRow = built?.rows.get(row);
        out.push({
          target: cellKey(target.table, row, col),
          expr: bindExpr(formula.right, shape, target.type === 'set' ? row : null, where),
          type: cellTypeIn(built?.layout.table, layoutRow, col),
          source: formula.source,
        });
      }
    }
  }
  return out;
}

/**
 * Evaluates one rate cell: the scaled result (value × 10^places, rounded half-up once), or null when
 * it divides by zero or leaves the exact range.
 */
export function evaluateRate(rate: RateInstance, read: (table: string, row: string, col: string) => number): number | null {
  const scope: ExactScope = {
    cell: read,
    prevCell: () => null,
    input: () => null,
    filled: () => false,
    option: () => false,
    row: null,
  };
  let value;
  try {
    value = evaluateExact(rate.expr, scope);
  } catch (err) {
    if (err instanceof ExactEvalError) throw new PackError(`公式“${rate.source}”：${err.message}`);
    throw err;
  }
  if (value === null) return null;
  const rounded = roundTo(value, rate.type.decimals);
  const scaled = (rounded.n * 10n ** BigInt(rate.type.decimals)) / rounded.d;
  const n = Number(scaled);
  return Number.isSafeInteger(n) && Math.abs(n) <= 10 ** 15 ? n : null;
}

/** Checks a pack's rate formulas can be evaluated (functions, arguments) on a sample report. */
export function checkRates(shape: Shape, rates: ReadonlyMap<string, readonly Formula[]>): void {
  for (const rate of bindRates(shape, rates)) evaluateRate(rate, () => 1);
}
