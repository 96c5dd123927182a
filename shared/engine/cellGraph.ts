/**
 * The cells of one report as a dependency graph: an id per cell, each computed cell's linear
 * expression over other cells, the reverse index cell → computed cells that read it, and a
 * topological order. Faults (two formulas for a cell, none, a cycle) are the pack's: PackError.
 */
import { splitCellKey, type CellKey } from '../base/cellKey';
import { PackError } from '../pack/errors';
import { bindAssignment, BindError, type Linear, type Shape } from './bind';
import type { Formula } from './ast';
import { cellTitle } from './labels';

export interface CellGraph {
  keys: CellKey[];
  index: Map<CellKey, number>;
  /** 1 for input cells. */
  isInput: Uint8Array;
  /** Computed cell c reads termCell[termStart[c] … termStart[c+1]) with termCoef. */
  termStart: Int32Array;
  termCell: Int32Array;
  termCoef: Float64Array;
  constant: Float64Array;
  /** Computed cells, every one after all computed cells it reads. */
  order: Int32Array;
  /** Position of a computed cell in `order` (−1 for inputs). */
  rank: Int32Array;
  /** Cell c is read by depList[depStart[c] … depStart[c+1]). */
  depStart: Int32Array;
  depList: Int32Array;
}

/** Formulas of each table, already parsed, in the pack's order. */
export type ParsedFormulas = ReadonlyMap<string, readonly Formula[]>;

export function describeCell(shape: Shape, key: CellKey): string {
  const { table, row, col } = splitCellKey(key);
  const built = shape.get(table);
  const layoutRow = built?.rows.get(row);
  if (!built || !layoutRow) return key;
  return cellTitle(built.layout.table, layoutRow, col);
}

/**
 * `rateTargets` are the cells of rate formulas (shared/engine/rateFormulas): computed after this
 * graph, exactly; here each is a computed cell with no terms, so nothing linear depends on them.
 */
export function buildCellGraph(shape: Shape, formulas: ParsedFormulas, rateTargets: Iterable<CellKey> = []): CellGraph {
  const keys: CellKey[] = [];
  const index = new Map<CellKey, number>();
  const inputFlags: number[] = [];
  for (const built of shape.values()) {
    for (const side of built.layout.sides) {
      for (const row of side.rows) {
        for (const col of row.cells) {
          const key = `${built.layout.table.id}:${row.id}:${col}`;
          index.set(key, keys.length);
          keys.push(key);
          inputFlags.push(row.inputs.includes(col) ? 1 : 0);
        }
      }
    }
  }
  const n = keys.length;
  const isInput = Uint8Array.from(inputFlags);
  const exprs: (Linear | undefined)[] = new Array<Linear | undefined>(n);
  const origin: (Formula | undefined)[] = new Array<Formula | undefined>(n);

  for (const key of rateTargets) {
    const id = index.get(key);
    if (id !== undefined && !isInput[id]) exprs[id] = { constant: 0, terms: new Map() };
  }
  for (const [tableId, list] of formulas) {
    for (const formula of list) {
      let assignments;
      try {
        assignments = bindAssignment(formula, shape);
      } catch (err) {
        if (err instanceof BindError) throw new PackError(`公式“${formula.source}”：${err.message}`, { table: tableId });
        throw err;
      }
      for (const { target, expr } of assignments) {
        const id = index.get(target);
        if (id === undefined) continue;
        if (isInput[id]) {
          throw new PackError(`${describeCell(shape, target)}是输入单元格，不能再由公式“${formula.source}”计算`, { table: tableId });
        }
        const previous = origin[id];
        if (previous) {
          throw new PackError(
            `${describeCell(shape, target)}有两条计算公式：“${previous.source}”和“${formula.source}”`,
            { table: tableId },
          );
        }
        exprs[id] = expr;
        origin[id] = formula;
      }
    }
  }

  // Implied tree sums: a parent's computed cell with no explicit formula is Σ its children.
  for (const built of shape.values()) {
    const tableId = built.layout.table.id;
    const children = new Map<string, string[]>();
    for (const id of built.sumRows) children.set(id, []);
    for (const [child, parent] of built.parentOf) {
      const list = children.get(parent) ?? [];
      list.push(child);
      children.set(parent, list);
    }
    for (const [parentId, kids] of children) {
      const parent = built.rows.get(parentId);
      if (!parent) continue;
      for (const col of parent.cells) {
        const id = index.get(`${tableId}:${parentId}:${col}`);
        if (id === undefined || isInput[id] || exprs[id]) continue;
        const terms = new Map<CellKey, number>();
        for (const kid of kids) {
          const key = `${tableId}:${kid}:${col}`;
          if (index.has(key)) terms.set(key, 1);
        }
        exprs[id] = { constant: 0, terms };
      }
    }
  }

  const termStart = new Int32Array(n + 1);
  const constant = new Float64Array(n);
  let termCount = 0;
  for (let c = 0; c < n; c++) {
    if (isInput[c]) continue;
    const expr = exprs[c];
    if (!expr) {
      const key = keys[c] ?? '';
      throw new PackError(`${describeCell(shape, key)}是计算单元格，但没有计算公式`, { table: splitCellKey(key).table });
    }
    termCount += expr.terms.size;
  }
  const termCell = new Int32Array(termCount);
  const termCoef = new Float64Array(termCount);
  const readers = new Int32Array(n);
  let t = 0;
  for (let c = 0; c < n; c++) {
    termStart[c] = t;
    const expr = exprs[c];
    if (isInput[c] || !expr) continue;
    constant[c] = expr.constant;
    for (const [key, coef] of expr.terms) {
      const id = index.get(key);
      if (id === undefined) continue; // bound against this shape, so every key exists
      termCell[t] = id;
      termCoef[t] = coef;
      readers[id] = (readers[id] ?? 0) + 1;
      t++;
    }
  }
  termStart[n] = t;

  const depStart = new Int32Array(n + 1);
  for (let c = 0; c < n; c++) depStart[c + 1] = (depStart[c] ?? 0) + (readers[c] ?? 0);
  const depList = new Int32Array(depStart[n] ?? 0);
  const fill = depStart.slice(0, n);
  for (let c = 0; c < n; c++) {
    for (let k = termStart[c] ?? 0; k < (termStart[c + 1] ?? 0); k++) {
      const src = termCell[k] ?? 0;
      const at = fill[src] ?? 0;
      depList[at] = c;
      fill[src] = at + 1;
    }
  }

  // Kahn's algorithm over computed cells; what is left over sits on or behind a cycle.
  const pending = new Int32Array(n);
  const order: number[] = [];
  for (let c = 0; c < n; c++) {
    if (isInput[c]) continue;
    let count = 0;
    for (let k = termStart[c] ?? 0; k < (termStart[c + 1] ?? 0); k++) if (!isInput[termCell[k] ?? 0]) count++;
    pending[c] = count;
    if (count === 0) order.push(c);
  }
  for (let i = 0; i < order.length; i++) {
    const c = order[i] ?? 0;
    for (let k = depStart[c] ?? 0; k < (depStart[c + 1] ?? 0); k++) {
      const d = depList[k] ?? 0;
      const left = (pending[d] ?? 0) - 1;
      pending[d] = left;
      if (left === 0) order.push(d);
    }
  }
  const computedCount = n - isInput.reduce((s, v) => s + v, 0);
  if (order.length < computedCount) {
    const cycle = findCycle(n, isInput, pending, termStart, termCell);
    const names = cycle.map((c) => keys[c] ?? '');
    const first = names[0] ?? '';
    throw new PackError(
      `公式循环引用：${describeCell(shape, first)}经 ${[...names, first].join(' → ')} 又依赖它自己`,
      { table: splitCellKey(first).table },
    );
  }
  const rank = new Int32Array(n).fill(-1);
  order.forEach((c, i) => {
    rank[c] = i;
  });
  return {
    keys,
    index,
    isInput,
    termStart,
    termCell,
    termCoef,
    constant,
    order: Int32Array.from(order),
    rank,
    depStart,
    depList,
  };
}

/** A cycle among the cells Kahn's algorithm could not order (each still has an unresolved input). */
function findCycle(n: number, isInput: Uint8Array, pending: Int32Array, termStart: Int32Array, termCell: Int32Array): number[] {
  const stuck = (c: number) => !isInput[c] && (pending[c] ?? 0) > 0;
  let start = -1;
  for (let c = 0; c < n; c++) if (stuck(c)) { start = c; break; }
  const seenAt = new Map<number, number>();
  const path: number[] = [];
  let current = start;
  while (current >= 0 && !seenAt.has(current)) {
    seenAt.set(current, path.length);
    path.push(current);
    let next = -1;
    for (let k = termStart[current] ?? 0; k < (termStart[current + 1] ?? 0); k++) {
      const src = termCell[k] ?? 0;
      if (stuck(src)) { next = src; break; }
    }
    current = next;
  }
  // Walking "reads" edges: reverse so the message reads in dependency direction (A → B: B uses A).
  return path.slice(seenAt.get(current) ?? 0).reverse();
}
