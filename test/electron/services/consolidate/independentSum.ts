/**
 * The consolidated report computed the long way, without the consolidation code: every unit's own
 * engine (its figures as the unit sees them, 机关运行经费 left out for units that are not 行政/参公),
 * summed cell by cell, minus the 调整表 worked out here from the units' cells — for each pair and parent
 * (and 科目 row), the children's side and the parent's side are eliminated when they agree, and nothing
 * when they do not. `compareConsolidated` then checks every cell of the consolidated report against it.
 * One unit's engine is built, read and dropped at a time, so a 1,000-unit department fits in memory.
 */
import { cellKey, type CellKey, type ReportData, type UnitKind } from '../../../../shared/api/contract';
import { ADMIN_KINDS } from '../../../../shared/consolidate/consolidation';
import type { ConsolidationRoles, RoleCell } from '../../../../shared/consolidate/roles';
import { ReportEngine } from '../../../../shared/engine/reportEngine';
import type { Pack } from '../../../../shared/pack/model';

export interface UnitReport {
  code: string;
  kind: UnitKind;
  parent: string | null;
  data: ReportData;
}

function cellsOf(data: ReportData, side: RoleCell): Map<string, number> {
  // Row of the pair's line ('' for a fixed-row pair) → the unit's amount in that cell.
  const out = new Map<string, number>();
  for (const [key, value] of Object.entries(data.inputs)) {
    const [table, row = '', col] = key.split(':');
    if (table !== side.table || col !== side.col || (side.row !== undefined && side.row !== row)) continue;
    out.set(side.row === undefined ? row : '', value);
  }
  return out;
}

/** The 调整表 amounts by input cell, from the units' own cells. */
export function expectedEliminations(roles: ConsolidationRoles, units: readonly UnitReport[]): Map<CellKey, number> {
  const codes = new Set(units.map((u) => u.code));
  const out = new Map<CellKey, number>();
  const add = (key: CellKey, v: number) => out.set(key, (out.get(key) ?? 0) + v);
  for (const pair of roles.pairs) {
    for (const parent of units) {
      const kids = units.filter((u) => u.parent === parent.code && codes.has(u.code));
      if (kids.length === 0) continue;
      const childSums = new Map<string, number>();
      for (const kid of kids) for (const [row, v] of cellsOf(kid.data, pair.child)) childSums.set(row, (childSums.get(row) ?? 0) + v);
      const parentCells = cellsOf(parent.data, pair.parent);
      for (const row of new Set([...childSums.keys(), ...parentCells.keys()])) {
        const childSum = childSums.get(row) ?? 0;
        if (childSum === 0 || childSum !== (parentCells.get(row) ?? 0)) continue;
        add(cellKey(pair.child.table, pair.child.row ?? row, pair.child.col), childSum);
        add(cellKey(pair.parent.table, pair.parent.row ?? row, pair.parent.col), childSum);
      }
    }
  }
  return out;
}

/**
 * Compares every cell of `consolidated` (table, row, column of its layout) with Σ units − 调整表.
 * Returns the number of cells compared and the cells that differ (at most `keep` of them).
 */
export function compareConsolidated(
  pack: Pack,
  roles: ConsolidationRoles,
  consolidated: ReportEngine,
  units: readonly UnitReport[],
  keep = 20,
): { cells: number; mismatchCount: number; mismatches: { key: CellKey; got: number; expected: number }[] } {
  const adminOnly = new Set(roles.adminOnly.map((a) => cellKey(a.table, a.row, a.col)));
  const places: [string, string, string][] = [];
  for (const table of consolidated.tableIds()) {
    for (const side of consolidated.layout(table).sides) for (const row of side.rows) for (const col of row.cells) places.push([table, row.id, col]);
  }
  // Integer 分 throughout: every partial sum is checked to stay exact.
  const expected = new Array<number>(places.length).fill(0);
  for (const u of units) {
    const inputs = { ...u.data.inputs };
    if (!ADMIN_KINDS.includes(u.kind)) for (const key of adminOnly) delete inputs[key];
    const engine = new ReportEngine(pack, { rows: u.data.rows, inputs });
    places.forEach(([t, r, c], i) => {
      const sum = (expected[i] ?? 0) + (engine.value(t, r, c) ?? 0);
      if (!Number.isSafeInteger(sum)) throw new Error(`${t}:${r}:${c} 的合计超出整数精度`);
      expected[i] = sum;
    });
  }
  const eliminated = new ReportEngine(pack, { rows: consolidated.addedRows(), inputs: Object.fromEntries(expectedEliminations(roles, units)) });
  const mismatches: { key: CellKey; got: number; expected: number }[] = [];
  let mismatchCount = 0;
  places.forEach(([t, r, c], i) => {
    const want = (expected[i] ?? 0) - (eliminated.value(t, r, c) ?? 0);
    const got = consolidated.value(t, r, c) ?? 0;
    if (got === want) return;
    mismatchCount++;
    if (mismatches.length < keep) mismatches.push({ key: cellKey(t, r, c), got, expected: want });
  });
  return { cells: places.length, mismatchCount, mismatches };
}
