/**
 * Places a printed 部门汇总 in time: a department's figures are Σ its units' reports − 调整表 (plus its own
 * texts), so its history is the MERGED timeline of every member report's journal (change_batches) and the
 * department's own journal (dept_change_batches), ordered by time. Walking that timeline back, newest
 * first, one batch is undone at a time on the one state it touched (a unit's report or the department's
 * 调整表 and texts), the department is consolidated at that point exactly as the live 部门汇总 is
 * (assembleConsolidated) and its fingerprint compared with the printed one.
 *
 * What the journals do not hold is taken as it is today: the membership (the 单位名录 is not journalled:
 * a unit moved in or out since is counted as today's register has it), each report's 报表格式, and the
 * department's format. A report whose state before its first journalled batch is empty did not exist
 * before that batch (reports are created by their first write). Reports deleted since are not counted.
 */
import { cellKey, type CellKey } from '../../shared/api/contract';
import { ADJUSTMENT_TABLE } from '../../shared/api/registerContract';
import { Consolidation, trackedColumns, type CellEditDelta, type Override } from '../../shared/consolidate/consolidation';
import type { Unit } from '../../shared/base/unit';
import type { RoleCell } from '../../shared/consolidate/roles';
import { localTime } from './backup/damagedDatabase';
import { assembleConsolidated, consolidatedRows, consolidatedTexts, namedTables } from './consolidate/assemble';
import { ConsolidationService, type ConsolidatedState } from './consolidate/consolidationService';
import { reportFingerprint } from './print/fingerprints';
import { PartDigests } from './print/partDigests';
import type { HistoryFinding } from './print/printService';
import type { ReportSessions } from './reportSessions';
import type { Tx } from './store/database';
import { placeKey, placeOf, readDeptState, type DeptState } from './store/deptJournal';
import { applyOld, LOG_COLUMNS, type LogRow } from './store/history';
import { readState } from './store/reportStore';

/**
 * At most this many batches (of all the units and the department together) are undone looking for a
 * printed fingerprint; when the history is longer, the answer says how far back it looked.
 */
export const DEPT_HISTORY_MAX_BATCHES = 5000;

/** A batch on the merged timeline: one unit report's, or the department's own. */
export interface TimelineBatch {
  source: 'unit' | 'dept';
  /** The unit's code for a unit batch, the department's for its own. */
  code: string;
  id: number;
  at: string;
}

export interface DeptHistoryFind {
  /** The newest point whose consolidated data has the fingerprint: right after `after` (null: before every batch). */
  found: { after: TimelineBatch | null } | null;
  /** Points compared (today's data included). */
  compared: number;
  /** True when older points were left unread (the bound was reached without a match). */
  bounded: boolean;
  /** Batches on the whole timeline. */
  batches: number;
  /** The members' names by code, for describing a point. */
  names: ReadonlyMap<string, string>;
}

interface UnitState {
  reportId: number;
  /** Summed into the department (same format); an excluded report only counts as present. */
  summed: boolean;
  present: boolean;
  firstBatch: number | null;
  inputs: Map<CellKey, number>;
  /** The cells in the columns pairs and adminOnly read (memberCells). */
  tracked: Map<CellKey, number>;
  strings: Map<CellKey, string>;
  texts: Map<string, string>;
  rows: Map<string, Set<string>>;
}

/** Ascending time; at the same instant a unit's batch before the department's, then by id. */
function byTime(a: TimelineBatch, b: TimelineBatch): number {
  if (a.at !== b.at) return a.at < b.at ? -1 : 1;
  if (a.source !== b.source) return a.source === 'unit' ? -1 : 1;
  if (a.code !== b.code) return a.code < b.code ? -1 : 1;
  return a.id - b.id;
}

function matchesCell(cell: RoleCell, key: string): boolean {
  const [table = '', row = '', col = ''] = key.split(':');
  return cell.table === table && cell.col === col && (cell.row === undefined || cell.row === row);
}

function isEmpty(u: UnitState): boolean {
  return u.inputs.size === 0 && u.strings.size === 0 && u.texts.size === 0 && [...u.rows.values()].every((s) => s.size === 0);
}

/** Journal rows of the batches at or after `fromId`, grouped by batch. */
function groupByBatch<K extends string>(rows: readonly LogRow<K>[]): Map<number, LogRow<K>[]> {
  const out = new Map<number, LogRow<K>[]>();
  for (const r of rows) {
    const list = out.get(r.batch_id) ?? [];
    list.push(r);
    out.set(r.batch_id, list);
  }
  return out;
}

/**
 * The newest point of the department's merged history whose consolidated data has `fingerprint`,
 * comparing today's data first and then the state right after each older batch, at most `maxBatches` back.
 */
export interface DeptHistoryOptions {
  maxBatches?: number;
  /**
   * Also consolidate and fingerprint every point from scratch and fail when the incremental walk
   * disagrees (tests: the walk must give exactly what a fresh 部门汇总 would).
   */
  checkEveryPoint?: boolean;
}

export async function findDeptHistoryPoint(
  sessions: ReportSessions,
  dept: string,
  year: number,
  fingerprint: string,
  options: DeptHistoryOptions = {},
): Promise<DeptHistoryFind | null> {
  const service = sessions.consolidated;
  if (!(service instanceof ConsolidationService)) return null;
  const state = await service.state(dept, year);
  const names = new Map(state.members.map((m) => [m.record.code, m.record.name]));
  const walked = await sessions.store.db.snapshot((tx) => walk(tx, state, fingerprint, options.maxBatches ?? DEPT_HISTORY_MAX_BATCHES, options.checkEveryPoint === true));
  return { ...walked, names };
}

/** The department at one point, kept so that one unit's cell edits update it without a re-sum. */
interface PointView {
  consolidation: Consolidation;
  inputs: Map<string, Map<CellKey, number>>;
  rows: Record<string, string[]>;
  texts: Record<string, string>;
  unit: Unit;
  digests: PartDigests;
}

const TEXT_PARTS = ['unit', 'cover', 'narrative', 'explain', 'other', 'perf'];

function byTable(inputs: Record<CellKey, number>): Map<string, Map<CellKey, number>> {
  const out = new Map<string, Map<CellKey, number>>();
  for (const [key, value] of Object.entries(inputs)) {
    const table = key.slice(0, key.indexOf(':'));
    let m = out.get(table);
    if (!m) out.set(table, (m = new Map()));
    m.set(key, value);
  }
  return out;
}

async function walk(tx: Tx, state: ConsolidatedState, fingerprint: string, maxBatches: number, checkEveryPoint: boolean): Promise<Omit<DeptHistoryFind, 'names'>> {
  const { pack, base, roles, dept: record, members, year, excluded } = state;
  const tracked = trackedColumns(roles);
  const trackedCache = new Map<CellKey, boolean>();
  const isTracked = (key: CellKey): boolean => {
    let t = trackedCache.get(key);
    if (t === undefined) trackedCache.set(key, (t = tracked.some((c) => matchesCell(c, key))));
    return t;
  };
  const adminOnly = new Set(roles.adminOnly.map((a) => cellKey(a.table, a.row, a.col)));
  const named = namedTables(pack);

  // Today's states and the timeline.
  const units = new Map<string, UnitState>();
  const timeline: TimelineBatch[] = [];
  for (const [code, listing] of [...state.reports].sort(([, a], [, b]) => a.id - b.id)) {
    const data = await readState(tx, listing.id);
    const batches = await tx.all<{ id: number; at: string }>('SELECT id, at FROM change_batches WHERE report_id = ? AND unit_code = ? AND year = ? ORDER BY id', [
      listing.id,
      code,
      year,
    ]);
    for (const b of batches) timeline.push({ source: 'unit', code, id: b.id, at: b.at });
    const inputs = new Map(Object.entries(data.inputs));
    units.set(code, {
      reportId: listing.id,
      summed: !excluded.has(code),
      present: true,
      firstBatch: batches[0]?.id ?? null,
      inputs,
      tracked: new Map([...inputs].filter(([key]) => isTracked(key))),
      strings: new Map(Object.entries(data.strings ?? {})),
      texts: new Map(Object.entries(data.texts)),
      rows: new Map(Object.entries(data.rows).map(([t, codes]) => [t, new Set(codes)])),
    });
  }
  const deptRef = { dept: record.code, year };
  const deptState: DeptState = await readDeptState(tx, deptRef);
  const deptBatches = await tx.all<{ id: number; at: string }>('SELECT id, at FROM dept_change_batches WHERE dept_code = ? AND year = ? ORDER BY id', [record.code, year]);
  for (const b of deptBatches) timeline.push({ source: 'dept', code: record.code, id: b.id, at: b.at });
  timeline.sort(byTime).reverse();
  const walked = timeline.slice(0, maxBatches);

  // The journal rows of the batches to undo, read once per report (and once for the department).
  const unitLogs = new Map<string, Map<number, LogRow[]>>();
  for (const [code, u] of units) {
    const ids = walked.filter((b) => b.source === 'unit' && b.code === code).map((b) => b.id);
    if (ids.length === 0) continue;
    const rows = await tx.all<LogRow>(
      `SELECT ${LOG_COLUMNS} FROM change_log l JOIN change_batches b ON b.id = l.batch_id
        WHERE b.report_id = ? AND b.unit_code = ? AND b.year = ? AND l.batch_id >= ? ORDER BY l.id DESC`,
      [u.reportId, code, year, Math.min(...ids)],
    );
    unitLogs.set(code, groupByBatch(rows));
  }
  const deptIds = walked.filter((b) => b.source === 'dept').map((b) => b.id);
  const deptLogs =
    deptIds.length === 0
      ? new Map<number, LogRow<string>[]>()
      : groupByBatch(
          await tx.all<LogRow<string>>(
            `SELECT ${LOG_COLUMNS} FROM dept_change_log l JOIN dept_change_batches b ON b.id = l.batch_id
              WHERE b.dept_code = ? AND b.year = ? AND l.batch_id >= ? ORDER BY l.id DESC`,
            [record.code, year, Math.min(...deptIds)],
          ),
        );

  // Σ over the summed, present reports, kept as batches are undone; a key counts while any report stores it.
  const sums = new Map<CellKey, number>();
  const holders = new Map<CellKey, number>();
  let keysMoved = false;
  const contribute = (key: CellKey, value: number, sign: 1 | -1) => {
    sums.set(key, (sums.get(key) ?? 0) + sign * value);
    const n = (holders.get(key) ?? 0) + sign;
    if (n === 0) {
      holders.delete(key);
      sums.delete(key);
      keysMoved = true;
    } else {
      if (n === 1 && sign === 1) keysMoved = true;
      holders.set(key, n);
    }
  };
  for (const u of units.values()) if (u.summed) for (const [key, value] of u.inputs) contribute(key, value, 1);

  const summedUnits = () => [...units].filter(([, u]) => u.summed && u.present).sort(([, a], [, b]) => a.reportId - b.reportId);
  const ownTexts = (): Record<string, string> => {
    const out: Record<string, string> = {};
    for (const [, u] of summedUnits()) for (const key of [...u.texts.keys()].filter((k) => k.startsWith('subject.')).sort()) if (!(key in out)) out[key] = u.texts.get(key)!;
    return out;
  };
  const memberCells = (): Map<string, Map<CellKey, number>> => new Map(summedUnits().map(([code, u]) => [code, u.tracked]));
  const deptParts = () => {
    const overrides = new Map<string, Override>();
    const deptTexts: Record<string, string> = {};
    for (const [key, value] of deptState) {
      const place = placeOf(key);
      if (place.kind === 'text') deptTexts[place.row] = String(value);
      else if (place.table === ADJUSTMENT_TABLE && place.col === 'amount' && typeof value === 'number') {
        const note = deptState.get(placeKey({ ...place, col: 'note' }));
        overrides.set(place.row, { amount: value, note: note === undefined ? '' : String(note) });
      }
    }
    return { overrides, deptTexts };
  };
  const hasReport = (code: string) => units.get(code)?.present === true;
  const assembleNow = () => {
    const { overrides, deptTexts } = deptParts();
    return assembleConsolidated({
      pack,
      base,
      roles,
      record,
      members,
      hasReport,
      excluded,
      // The Consolidation keeps and changes what it is given: copies, so the walk's own state stays its own.
      sums: new Map(sums),
      memberCells: new Map([...memberCells()].map(([code, cells]) => [code, new Map(cells)])),
      ownTexts: ownTexts(),
      overrides,
      deptTexts,
    });
  };
  const sourceOf = (view: Pick<PointView, 'unit' | 'rows' | 'texts'>, inputs: Record<CellKey, number>) => ({ unit: view.unit, year, packId: pack.id, rows: view.rows, inputs, texts: view.texts });
  const rebuild = (): PointView => {
    const assembled = assembleNow();
    const digests = new PartDigests(pack);
    digests.update(sourceOf(assembled, assembled.inputs));
    return { consolidation: assembled.consolidation, inputs: byTable(assembled.inputs), rows: assembled.rows, texts: assembled.texts, unit: assembled.unit, digests };
  };
  const fresh = (): string => {
    const assembled = assembleNow();
    return reportFingerprint(sourceOf(assembled, assembled.inputs), pack).fingerprint;
  };

  /** One summed unit's cell changes followed into the view, as the live 部门汇总 follows an edit. */
  const follow = (view: PointView, code: string, deltas: CellEditDelta[]) => {
    keysMoved = false;
    const dirty = new Set<string>();
    let opex = false;
    for (const d of deltas) if (adminOnly.has(cellKey(d.table, d.row, d.col))) opex = true;
    for (const [key, value] of view.consolidation.applyEdits(code, deltas)) {
      const table = key.slice(0, key.indexOf(':'));
      if (named.has(table)) continue;
      let m = view.inputs.get(table);
      if (!m) view.inputs.set(table, (m = new Map()));
      if ((value === null) !== !m.has(key)) keysMoved = true;
      if (value === null) m.delete(key);
      else m.set(key, value);
      dirty.add(table);
    }
    return { dirty, opex };
  };
  const settle = (view: PointView, dirty: Set<string>, opex: boolean, moved: boolean) => {
    if (moved) {
      const keys: string[] = [...sums.keys()];
      for (const m of view.inputs.values()) keys.push(...m.keys());
      const rows = consolidatedRows(pack, base, ownTexts(), keys);
      for (const t of new Set([...Object.keys(rows), ...Object.keys(view.rows)])) if (JSON.stringify(rows[t] ?? []) !== JSON.stringify(view.rows[t] ?? [])) dirty.add(t);
      view.rows = rows;
    }
    if (opex) {
      const texts = consolidatedTexts({ members, roles, hasReport, memberCells: memberCells(), deptTexts: deptParts().deptTexts });
      if (JSON.stringify(texts) !== JSON.stringify(view.texts)) {
        view.texts = texts;
        for (const p of TEXT_PARTS) dirty.add(p);
      }
    }
    if (dirty.size === 0) return;
    const inputs: Record<CellKey, number> = {};
    for (const t of dirty) for (const [key, value] of view.inputs.get(t) ?? []) inputs[key] = value;
    const rows: Record<string, string[]> = {};
    for (const t of dirty) if (view.rows[t]) rows[t] = view.rows[t];
    view.digests.update({ ...sourceOf(view, inputs), rows }, dirty);
  };

  /** Undoes one unit batch; says what the view must do: nothing, follow these cell changes, or rebuild. */
  const undoUnit = (batch: TimelineBatch): 'none' | 'rebuild' | CellEditDelta[] => {
    const u = units.get(batch.code);
    if (!u) return 'none';
    const changed = new Map<CellKey, { table: string; row: string; col: string; before: number | null; after: number | null }>();
    let subjects = false;
    for (const row of unitLogs.get(batch.code)?.get(batch.id) ?? []) {
      const key = row.kind === 'cell' ? cellKey(row.table_id, row.row_id, row.col_id) : null;
      if (key) {
        const before = u.inputs.get(key);
        if (!changed.has(key)) changed.set(key, { table: row.table_id, row: row.row_id, col: row.col_id, before: before ?? null, after: null });
        if (before !== undefined && u.summed) contribute(key, before, -1);
      } else if (row.kind === 'text' && row.row_id.startsWith('subject.')) subjects = true;
      // The report's state is undone exactly as its own history reads it; the sums follow the cell.
      applyOld(u, row);
      if (key) {
        const now = u.inputs.get(key);
        u.tracked.delete(key);
        if (now !== undefined) {
          if (isTracked(key)) u.tracked.set(key, now);
          if (u.summed) contribute(key, now, 1);
        }
        changed.get(key)!.after = now ?? null;
      }
    }
    // Before its first batch a report that held nothing did not exist yet.
    if (batch.id === u.firstBatch && isEmpty(u)) {
      u.present = false;
      return 'rebuild';
    }
    if (!u.summed) return 'none';
    if (subjects) return 'rebuild';
    return [...changed.values()].filter((c) => c.before !== c.after);
  };
  const undoDept = (batch: TimelineBatch) => {
    for (const row of deptLogs.get(batch.id) ?? []) {
      const key = placeKey({ kind: row.kind === 'adjustment' ? 'adjustment' : 'text', table: row.table_id, row: row.row_id, col: row.col_id });
      if (row.old_value === null) deptState.delete(key);
      else deptState.set(key, row.old_value);
    }
  };

  let view = rebuild();
  let compared = 1;
  const check = (at: number) => {
    if (!checkEveryPoint) return;
    const expected = fresh();
    if (view.digests.fingerprint() !== expected) throw new Error(`部门汇总的修改记录回溯到第 ${at} 个时点时与重新汇总的结果不符`);
  };
  check(0);
  const found = (i: number) => ({ found: { after: timeline[i] ?? null }, compared, bounded: false, batches: timeline.length });
  if (view.digests.fingerprint() === fingerprint) return found(0);
  for (let i = 0; i < walked.length; i += 1) {
    const batch = walked[i]!;
    keysMoved = false;
    const step = batch.source === 'unit' ? undoUnit(batch) : (undoDept(batch), 'rebuild' as const);
    const movedBySums = keysMoved;
    if (step === 'rebuild') view = rebuild();
    else if (step !== 'none' && step.length > 0) {
      const { dirty, opex } = follow(view, batch.code, step);
      settle(view, dirty, opex, movedBySums || keysMoved);
    }
    compared += 1;
    check(i + 1);
    if (view.digests.fingerprint() === fingerprint) {
      // Confirmed from scratch: the walk never names a point a fresh 部门汇总 would not match.
      if (fresh() === fingerprint) return found(i + 1);
      view = rebuild();
    }
  }
  return { found: null, compared, bounded: timeline.length > walked.length, batches: timeline.length };
}

/** “2026-11-28 16:05:00（单位 某某 第 12 批修改之后）”, or the words for before every journalled change. */
export function describePoint(after: TimelineBatch | null, names: ReadonlyMap<string, string>): string {
  if (!after) return '第一次记录修改之前';
  const whose = after.source === 'dept' ? '部门调整表和文字' : `${names.get(after.code) ?? after.code}报表`;
  return `${localTime(new Date(after.at))}（${whose}第 ${after.id} 批修改之后）`;
}

/** What the print service's `verify` says of a department's history: the matching point, or how far it looked. */
export async function deptHistoryFinding(
  sessions: ReportSessions,
  dept: string,
  year: number,
  fingerprint: string,
  maxBatches = DEPT_HISTORY_MAX_BATCHES,
): Promise<HistoryFinding | null> {
  const result = await findDeptHistoryPoint(sessions, dept, year, fingerprint, { maxBatches });
  if (!result) return null;
  if (result.found) {
    return { stateAt: describePoint(result.found.after, result.names), note: null };
  }
  // Membership is today's register: a unit moved in or out since makes earlier data unreachable.
  const basis = '（按今天的单位名录确定部门包含哪些单位）';
  if (result.bounded) {
    return { stateAt: null, note: `修改记录中最近的 ${result.compared - 1} 批修改（共 ${result.batches} 批）之后都没有与该指纹相符的部门汇总数据${basis}；更早的修改未查。` };
  }
  return { stateAt: null, note: `部门各单位和调整表的全部 ${result.batches} 批修改记录中，没有与该指纹相符的时点${basis}。` };
}
