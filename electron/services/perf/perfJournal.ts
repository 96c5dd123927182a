/**
 * The edit history of the 绩效自评 (migration 0010_perf_history): what changes between two states of a
 * report's 绩效 rows, writing a state and journalling the difference in the caller's transaction, the
 * state after any batch (rebuilt from today's rows by undoing, newest first, every later change), and
 * the undo of one batch. Batches are the report's own (change_batches), shared with cells and texts.
 */
import { insertBatch, journalTarget, type ChangeHow } from '../store/journal';
import type { Tx } from '../store/database';
import { AppError } from '../../../shared/api/errors';
import type { PerfTarget } from '../../../shared/perf/fields';
import { COLUMNS, DEPT_DEFAULTS, readPerfRows, ROW_TARGETS, TABLES, type PerfRows, type RowTarget, type StoredRow } from './perfRows';

export { PERF_TABLE } from '../store/history';

/** One journalled 绩效 change. `field` '' is a whole row added (old null) or removed (new null), as JSON. */
export interface PerfChange {
  target: PerfTarget;
  row: number;
  field: string;
  old: number | string | null;
  new: number | string | null;
}

/** Column → field key, per target (the inverse of COLUMNS). */
const FIELD_OF: Record<PerfTarget, Record<string, string>> = Object.fromEntries(
  Object.entries(COLUMNS).map(([target, map]) => [target, Object.fromEntries(Object.entries(map).map(([field, column]) => [column, field]))]),
) as Record<PerfTarget, Record<string, string>>;

export function columnOf(target: PerfTarget, field: string): string {
  const column = COLUMNS[target][field];
  if (!column) throw new Error(`unknown field ${target}.${field}`);
  return column;
}

const rowJson = (row: StoredRow): string => JSON.stringify(row);

/** A stored row from its journalled JSON; a damaged entry is refused rather than written half. */
export function rowFromJson(text: number | string | null): StoredRow {
  try {
    const parsed: unknown = JSON.parse(String(text));
    if (parsed && typeof parsed === 'object' && !Array.isArray(parsed)) {
      const row: StoredRow = {};
      for (const [k, v] of Object.entries(parsed)) if (typeof v === 'number' || typeof v === 'string') row[k] = v;
      if (typeof row.id === 'number') return row;
    }
  } catch {
    // fall through to the refusal
  }
  throw new AppError('绩效自评的修改记录中有一行无法读出，未恢复');
}

/** The changes of one row's values (columns the clerk edits), old → new. */
export function fieldChanges(target: PerfTarget, id: number, before: StoredRow, after: StoredRow): PerfChange[] {
  const changes: PerfChange[] = [];
  for (const [column, field] of Object.entries(FIELD_OF[target])) {
    const old = before[column] ?? null;
    const now = after[column] ?? null;
    if (old !== now) changes.push({ target, row: id, field, old, new: now });
  }
  return changes;
}

/** Same row (id, and for an indicator its owner, and its place in the list)? Otherwise it is a removal and an addition. */
function sameRow(a: StoredRow, b: StoredRow): boolean {
  return a.seq === b.seq && a.owner === b.owner;
}

/** What changes from `before` to `after`, row by row and value by value. */
export function diffPerf(before: PerfRows, after: PerfRows): PerfChange[] {
  const changes: PerfChange[] = [];
  for (const target of ROW_TARGETS) {
    const was = before[target];
    const now = after[target];
    for (const [id, row] of was) {
      const next = now.get(id);
      if (!next || !sameRow(row, next)) changes.push({ target, row: id, field: '', old: rowJson(row), new: null });
    }
    for (const [id, row] of now) {
      const prev = was.get(id);
      if (!prev || !sameRow(prev, row)) changes.push({ target, row: id, field: '', old: null, new: rowJson(row) });
      else changes.push(...fieldChanges(target, id, prev, row));
    }
  }
  changes.push(...fieldChanges('dept', 0, before.dept, after.dept));
  return changes;
}

async function insertRow(tx: Tx, reportId: number, target: RowTarget, row: StoredRow): Promise<void> {
  const columns = Object.keys(row).filter((c) => c === 'id' || c === 'seq' || c === 'owner' || FIELD_OF[target][c] !== undefined);
  await tx.run(`INSERT INTO ${TABLES[target]} (report_id, ${columns.join(', ')}) VALUES (?${columns.map(() => ', ?').join('')})`, [
    reportId,
    ...columns.map((c) => row[c] ?? null),
  ]);
}

/** Applies journalled changes (in order) to the stored rows of a report. */
async function applyChanges(tx: Tx, reportId: number, changes: readonly PerfChange[]): Promise<void> {
  for (const c of changes) {
    if (c.target === 'dept') {
      await tx.run('INSERT OR IGNORE INTO perf_dept (report_id) VALUES (?)', [reportId]);
      await tx.run(`UPDATE perf_dept SET ${columnOf('dept', c.field)} = ? WHERE report_id = ?`, [c.new ?? DEPT_DEFAULTS[columnOf('dept', c.field)] ?? '', reportId]);
    } else if (c.field === '') {
      if (c.new === null) await tx.run(`DELETE FROM ${TABLES[c.target]} WHERE report_id = ? AND id = ?`, [reportId, c.row]);
      else await insertRow(tx, reportId, c.target, rowFromJson(c.new));
    } else {
      await tx.run(`UPDATE ${TABLES[c.target]} SET ${columnOf(c.target, c.field)} = ? WHERE report_id = ? AND id = ?`, [c.new, reportId, c.row]);
    }
  }
}

/** Rows per INSERT (7 parameters each). */
const CHUNK = 400;

/** Records 绩效 changes in a batch (inside the caller's transaction). */
export async function insertPerfChanges(tx: Tx, batchId: number, changes: readonly PerfChange[]): Promise<void> {
  for (let i = 0; i < changes.length; i += CHUNK) {
    const chunk = changes.slice(i, i + CHUNK);
    await tx.run(
      `INSERT INTO perf_change_log (batch_id, target, row_id, field, old_value, new_value) VALUES ${chunk.map(() => '(?, ?, ?, ?, ?, ?)').join(', ')}`,
      chunk.flatMap((c) => [batchId, c.target, c.row, c.field, c.old, c.new]),
    );
  }
}

/** Journals 绩效 changes as a batch of their own; nothing when there are none. */
export async function journalPerf(tx: Tx, reportId: number, how: ChangeHow, changes: readonly PerfChange[], at: Date, note = ''): Promise<number | null> {
  if (changes.length === 0) return null;
  const batchId = await insertBatch(tx, await journalTarget(tx, reportId), how, at, note);
  await insertPerfChanges(tx, batchId, changes);
  return batchId;
}

/** Puts the report's 绩效 rows into `target` (inside the caller's transaction); returns the changes, not yet journalled. */
export async function overwritePerf(tx: Tx, reportId: number, target: PerfRows): Promise<PerfChange[]> {
  const changes = diffPerf(await readPerfRows(tx, reportId), target);
  await applyChanges(tx, reportId, changes);
  return changes;
}

/** A journalled 绩效 change with its batch. */
export interface PerfLogRow {
  batch_id: number;
  at: string;
  how: ChangeHow;
  target: PerfTarget;
  row_id: number;
  field: string;
  old_value: number | string | null;
  new_value: number | string | null;
}

export const PERF_LOG_COLUMNS = 'p.batch_id, b.at, b.how, p.target, p.row_id, p.field, p.old_value, p.new_value';

/** Undoes one logged change on rows held in memory (`later` first: the reconstruction goes newest first). */
export function applyOld(rows: PerfRows, log: Pick<PerfLogRow, 'target' | 'row_id' | 'field' | 'old_value'>): void {
  if (log.target === 'dept') {
    const column = COLUMNS.dept[log.field];
    if (column) rows.dept[column] = log.old_value ?? DEPT_DEFAULTS[column] ?? '';
    return;
  }
  const map = rows[log.target];
  if (log.field === '') {
    if (log.old_value === null) map.delete(log.row_id);
    else map.set(log.row_id, rowFromJson(log.old_value));
    return;
  }
  const row = map.get(log.row_id);
  const column = COLUMNS[log.target][log.field];
  if (row && column) row[column] = log.old_value ?? '';
}

export function copyRows(rows: PerfRows): PerfRows {
  const copy = (m: Map<number, StoredRow>) => new Map([...m].map(([id, r]) => [id, { ...r }]));
  return { project: copy(rows.project), indicator: copy(rows.indicator), task: copy(rows.task), dept: { ...rows.dept } };
}

/**
 * Undoes a batch's 绩效 changes on `current` (newest change first). A place changed again since keeps
 * its later value and is counted in `kept`; so does a row removed since its addition, added again since
 * its removal, or whose values changed since its addition.
 */
export function undoPerf(current: PerfRows, entries: readonly PerfLogRow[]): { rows: PerfRows; kept: number } {
  const rows = copyRows(current);
  let kept = 0;
  for (const e of [...entries].reverse()) {
    if (e.target === 'dept') {
      const column = COLUMNS.dept[e.field];
      if (!column) continue;
      if ((rows.dept[column] ?? null) !== e.new_value) kept += 1;
      else applyOld(rows, e);
      continue;
    }
    const map = rows[e.target];
    if (e.field === '') {
      const now = map.get(e.row_id);
      // An added row goes only as it was added: one changed since keeps its later values (and stays).
      const changedSince = now !== undefined && e.new_value !== null && fieldChanges(e.target, e.row_id, rowFromJson(e.new_value), now).length > 0;
      if ((now !== undefined) !== (e.new_value !== null) || changedSince) kept += 1;
      else applyOld(rows, e);
      continue;
    }
    const row = map.get(e.row_id);
    const column = COLUMNS[e.target][e.field];
    if (!row || !column || (row[column] ?? null) !== e.new_value) kept += 1;
    else applyOld(rows, e);
  }
  // A project whose addition is undone while it holds indicators added since keeps existing (with them).
  for (const indicator of rows.indicator.values()) {
    const owner = Number(indicator.owner);
    const project = current.project.get(owner);
    if (owner !== 0 && !rows.project.has(owner) && project) {
      rows.project.set(owner, { ...project });
      kept += 1;
    }
  }
  return { rows, kept };
}

/** Puts the 绩效 rows back to `rows` within a state write (a restore or an undo), journalled in its batch. */
export function perfStateAlso(reportId: number, rows: PerfRows): { write(tx: Tx): Promise<number>; journal(tx: Tx, batchId: number): Promise<void> } {
  let changes: PerfChange[] = [];
  return {
    write: async (tx) => {
      changes = await overwritePerf(tx, reportId, rows);
      return changes.length;
    },
    journal: (tx, batchId) => insertPerfChanges(tx, batchId, changes),
  };
}
