/**
 * A department's consolidated report (部门汇总): Σ of its units' input cells, minus the 调整表 —
 * the eliminations of transfers between a unit and its parent inside the department. Every computed
 * cell of the pack is linear in the inputs, so the consolidated report's engine, fed these inputs,
 * gives Σ units − 调整表 for every cell, totals and cross-table cells included.
 *
 * A pair whose two sides agree is eliminated in full; one whose sides differ is proposed as 0 and
 * listed as a 提示 with both amounts — never netted silently; the clerk may type the amount. 财政拨款
 * is not a pair, so it is never eliminated. adminOnly cells (机关运行经费) sum 行政/参公 units only.
 * The class keeps what it needs to follow one unit's edit without summing everything again.
 */
import { cellKey, type CellKey, type ReportData, type UnitKind } from '../api/contract';
import type { EliminationLine } from '../api/registerContract';
import type { ConsolidationRoles, RoleCell } from './roles';

export const ADMIN_KINDS: readonly UnitKind[] = ['行政单位', '参照公务员法管理的事业单位'];

export interface MemberUnit {
  code: string;
  name: string;
  kind: UnitKind;
  parent: string | null;
}

/** What the store hands over: sums over the member reports, and the cells pairs and adminOnly read, per member. */
export interface ConsolidationData {
  rows: Record<string, string[]>;
  sums: Map<CellKey, number>;
  memberCells: Map<string, Map<CellKey, number>>;
}

export interface Override {
  amount: number;
  note: string;
}

export interface CellEditDelta {
  table: string;
  row: string;
  col: string;
  before: number | null;
  after: number | null;
}

type Describe = (table: string, row: string, col: string) => string;
type RowName = (table: string, row: string) => string;

interface LineState {
  key: string;
  pairIndex: number;
  parent: string;
  row: string;
  childAmounts: Map<string, number>;
  parentAmount: number;
  generated: number;
  amount: number;
}

function matches(cell: RoleCell, table: string, row: string, col: string): boolean {
  return cell.table === table && cell.col === col && (cell.row === undefined || cell.row === row);
}

function cellOf(cell: RoleCell, row: string): CellKey {
  return cellKey(cell.table, cell.row ?? row, cell.col);
}

/** The cells a consolidation reads per member: both sides of every pair, and the adminOnly cells. */
export function trackedColumns(roles: ConsolidationRoles): RoleCell[] {
  return [...roles.pairs.flatMap((p) => [p.child, p.parent]), ...roles.adminOnly];
}

/** The same data as the store's SQL gives, from reports in memory (tests, and small departments). */
export function aggregate(roles: ConsolidationRoles, reports: ReadonlyMap<string, ReportData>): ConsolidationData {
  const tracked = trackedColumns(roles);
  const sums = new Map<CellKey, number>();
  const rowSets = new Map<string, Set<string>>();
  const memberCells = new Map<string, Map<CellKey, number>>();
  for (const [code, data] of reports) {
    for (const [table, rows] of Object.entries(data.rows)) {
      const set = rowSets.get(table) ?? new Set<string>();
      for (const r of rows) set.add(r);
      rowSets.set(table, set);
    }
    const cells = new Map<CellKey, number>();
    for (const [key, value] of Object.entries(data.inputs)) {
      sums.set(key, (sums.get(key) ?? 0) + value);
      const [table = '', row = '', col = ''] = key.split(':');
      if (tracked.some((c) => matches(c, table, row, col))) cells.set(key, value);
    }
    memberCells.set(code, cells);
  }
  const rows: Record<string, string[]> = {};
  for (const [table, set] of rowSets) rows[table] = [...set].sort();
  return { rows, sums, memberCells };
}

export class Consolidation {
  private readonly members = new Map<string, MemberUnit>();
  private readonly children = new Map<string, string[]>();
  private readonly adminOnly = new Set<CellKey>();
  /** Σ of counted inputs (adminOnly cells over 行政/参公 units only). */
  private readonly base = new Map<CellKey, number>();
  private readonly adj = new Map<CellKey, number>();
  private readonly lineStates = new Map<string, LineState>();
  readonly rows: Record<string, string[]>;

  constructor(
    private readonly roles: ConsolidationRoles,
    members: readonly MemberUnit[],
    private readonly data: ConsolidationData,
    private readonly overrides: Map<string, Override>,
    private readonly describe: Describe,
    private readonly rowName: RowName,
  ) {
    for (const m of members) this.members.set(m.code, m);
    for (const m of members) {
      if (m.parent !== null && this.members.has(m.parent)) {
        const list = this.children.get(m.parent) ?? [];
        list.push(m.code);
        this.children.set(m.parent, list);
      }
    }
    for (const a of roles.adminOnly) this.adminOnly.add(cellKey(a.table, a.row, a.col));
    for (const [key, value] of data.sums) this.base.set(key, value);
    for (const key of this.adminOnly) {
      for (const [code, cells] of data.memberCells) {
        const m = this.members.get(code);
        if (m && !ADMIN_KINDS.includes(m.kind)) this.base.set(key, (this.base.get(key) ?? 0) - (cells.get(key) ?? 0));
      }
    }
    this.rows = data.rows;
    this.buildLines();
  }

  /** Σ units − 调整表, the consolidated report's input cells (zeros left out). */
  inputs(): Record<CellKey, number> {
    const out: Record<CellKey, number> = {};
    const keys = new Set([...this.base.keys(), ...this.adj.keys()]);
    for (const key of keys) {
      const v = this.valueOf(key);
      if (v !== 0) out[key] = v;
    }
    return out;
  }

  /** The 调整表: eliminated amount per cell. */
  adjustments(): Map<CellKey, number> {
    return new Map([...this.adj].filter(([, v]) => v !== 0));
  }

  isAdminOnly(key: CellKey): boolean {
    return this.adminOnly.has(key);
  }

  lines(): EliminationLine[] {
    const out: EliminationLine[] = [];
    for (const s of this.lineStates.values()) {
      const pair = this.roles.pairs[s.pairIndex];
      if (!pair) continue;
      const parent = this.members.get(s.parent);
      const override = this.overrides.get(s.key);
      const childRow = pair.child.row ?? s.row;
      const parentRow = pair.parent.row ?? s.row;
      out.push({
        key: s.key,
        pair: pair.label,
        parent: { code: s.parent, name: parent?.name ?? s.parent },
        children: [...s.childAmounts].map(([code, amount]) => ({ code, name: this.members.get(code)?.name ?? code, amount })),
        row: s.row,
        rowLabel: this.rowName(pair.child.table, childRow),
        childCell: { table: pair.child.table, row: childRow, col: pair.child.col, label: pair.child.label },
        parentCell: { table: pair.parent.table, row: parentRow, col: pair.parent.col, label: pair.parent.label },
        childAmount: sumValues(s.childAmounts),
        parentAmount: s.parentAmount,
        generated: s.generated,
        amount: s.amount,
        overridden: override !== undefined,
        note: override?.note ?? '',
        mismatch: sumValues(s.childAmounts) !== s.parentAmount,
      });
    }
    return out.sort((a, b) => a.pair.localeCompare(b.pair) || a.parent.code.localeCompare(b.parent.code) || a.row.localeCompare(b.row));
  }

  /** Overrides whose line no longer exists (both sides are now empty): kept, listed, not applied. */
  orphanOverrides(): string[] {
    return [...this.overrides.keys()].filter((k) => !this.lineStates.has(k));
  }

  /**
   * Follows one unit's edits: returns the consolidated input cells that changed, with their new values
   * (null = empty). Only the touched cells and the 调整表 lines they belong to are recomputed.
   */
  applyEdits(unit: string, edits: readonly CellEditDelta[]): Map<CellKey, number | null> {
    const member = this.members.get(unit);
    const changed = new Set<CellKey>();
    if (!member) return new Map();
    const touchedLines = new Set<string>();
    for (const e of edits) {
      const key = cellKey(e.table, e.row, e.col);
      const delta = (e.after ?? 0) - (e.before ?? 0);
      if (!(this.adminOnly.has(key) && !ADMIN_KINDS.includes(member.kind))) {
        this.base.set(key, (this.base.get(key) ?? 0) + delta);
        changed.add(key);
      }
      const tracked = trackedColumns(this.roles).some((c) => matches(c, e.table, e.row, e.col));
      if (tracked) {
        let cells = this.data.memberCells.get(unit);
        if (!cells) this.data.memberCells.set(unit, (cells = new Map()));
        if (e.after === null || e.after === 0) cells.delete(key);
        else cells.set(key, e.after);
      }
      this.roles.pairs.forEach((pair, i) => {
        if (matches(pair.child, e.table, e.row, e.col) && member.parent !== null && this.children.has(member.parent)) {
          touchedLines.add(`${i}\u0000${member.parent}\u0000${pair.child.row === undefined ? e.row : ''}`);
        }
        if (matches(pair.parent, e.table, e.row, e.col) && this.children.has(unit)) {
          touchedLines.add(`${i}\u0000${unit}\u0000${pair.parent.row === undefined ? e.row : ''}`);
        }
      });
    }
    for (const t of touchedLines) {
      const [i = '0', parent = '', row = ''] = t.split('\u0000');
      for (const key of this.recomputeLine(Number(i), parent, row)) changed.add(key);
    }
    const out = new Map<CellKey, number | null>();
    for (const key of changed) {
      const v = this.valueOf(key);
      out.set(key, v === 0 ? null : v);
    }
    return out;
  }

  private valueOf(key: CellKey): number {
    return (this.base.get(key) ?? 0) - (this.adj.get(key) ?? 0);
  }

  private buildLines(): void {
    this.roles.pairs.forEach((pair, i) => {
      for (const [parent, kids] of this.children) {
        const rows = new Set<string>();
        if (pair.child.row !== undefined) rows.add('');
        else {
          const collect = (code: string, cell: RoleCell) => {
            for (const key of this.data.memberCells.get(code)?.keys() ?? []) {
              const [table = '', row = '', col = ''] = key.split(':');
              if (table === cell.table && col === cell.col) rows.add(row);
            }
          };
          for (const kid of kids) collect(kid, pair.child);
          collect(parent, pair.parent);
        }
        for (const row of rows) this.recomputeLine(i, parent, row);
      }
    });
  }

  /** Recomputes one line and its effect on the 调整表; returns the two cells it touches. */
  private recomputeLine(pairIndex: number, parent: string, row: string): CellKey[] {
    const pair = this.roles.pairs[pairIndex];
    if (!pair) return [];
    const key = `${pair.id}:${parent}:${row || pair.child.row || ''}`;
    const childCell = cellOf(pair.child, row);
    const parentCell = cellOf(pair.parent, row);
    const childAmounts = new Map<string, number>();
    for (const kid of this.children.get(parent) ?? []) {
      const v = this.data.memberCells.get(kid)?.get(childCell) ?? 0;
      if (v !== 0) childAmounts.set(kid, v);
    }
    const parentAmount = this.data.memberCells.get(parent)?.get(parentCell) ?? 0;
    const childSum = sumValues(childAmounts);
    const old = this.lineStates.get(key);
    const oldAmount = old?.amount ?? 0;
    let amount = 0;
    if (childSum === 0 && parentAmount === 0) this.lineStates.delete(key);
    else {
      const generated = childSum === parentAmount ? childSum : 0;
      amount = this.overrides.get(key)?.amount ?? generated;
      this.lineStates.set(key, { key, pairIndex, parent, row: row || pair.child.row || '', childAmounts, parentAmount, generated, amount });
    }
    const delta = amount - oldAmount;
    if (delta !== 0) {
      this.adj.set(childCell, (this.adj.get(childCell) ?? 0) + delta);
      this.adj.set(parentCell, (this.adj.get(parentCell) ?? 0) + delta);
    }
    return [childCell, parentCell];
  }

  /** The 提示 of the 调整表: mismatched pairs with both amounts. */
  mismatchHints(money: (fen: number) => string): string[] {
    return this.lines()
      .filter((l) => l.mismatch)
      .map((l) => {
        const kids = l.children.map((c) => `${c.name} ${money(c.amount)}`).join('、') || '无';
        const what = l.overridden ? `已按调整表抵销 ${money(l.amount)}` : '未抵销，请核对后在调整表中填写抵销数';
        return `${l.pair}不一致（${l.rowLabel}）：下级单位${l.childCell.label}合计 ${money(l.childAmount)}（${kids}），${l.parent.name}${l.parentCell.label} ${money(l.parentAmount)}；${what}`;
      });
  }

  // Used by describe() callers that need a cell's title.
  title(table: string, row: string, col: string): string {
    return this.describe(table, row, col);
  }
}

function sumValues(map: ReadonlyMap<string, number>): number {
  let s = 0;
  for (const v of map.values()) s += v;
  return s;
}
