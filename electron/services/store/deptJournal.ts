/**
 * What the clerk keeps for a department (its 调整表 amounts with their notes, and its own texts) as one
 * state of places, written only here: every write compares the stored state with the state asked for,
 * writes the difference and journals it (migration 0009_dept_history) in the same transaction. Reading
 * the history back — the batches, one 调整表 line's changes, the state right after any batch — works
 * like a report's (history.ts): the current state with every later change undone, newest first.
 */
import type { ChangeHow, HistoryBatchInfo, HistoryEntryInfo } from '../../../shared/api/contract';
import { ADJUSTMENT_TABLE } from '../../../shared/api/registerContract';
import type { Tx } from './database';
import { LOG_COLUMNS, toBatch, toEntry, type BatchRow, type LogRow } from './history';
import { insertChangeRows } from './journal';

export type DeptChangeKind = 'adjustment' | 'text';

/** One place of a department: a 调整表 line's amount or note, or a text. */
export interface DeptPlace {
  kind: DeptChangeKind;
  /** ADJUSTMENT_TABLE for a 调整表 line, '' for a text. */
  table: string;
  /** The line's key, or the text's key. */
  row: string;
  /** 'amount' or 'note' for a line, '' for a text. */
  col: string;
}

export interface DeptChange extends DeptPlace {
  old: number | string | null;
  new: number | string | null;
}

/** A department's state: place key → value (an amount in 分, a note, a text). Absent = not set. */
export type DeptState = Map<string, number | string>;

export interface DeptRef {
  dept: string;
  year: number;
}

const SEP = '\u0000';

export function placeKey(place: DeptPlace): string {
  return [place.kind, place.table, place.row, place.col].join(SEP);
}

export function placeOf(key: string): DeptPlace {
  const [kind = 'text', table = '', row = '', col = ''] = key.split(SEP);
  return { kind: kind === 'adjustment' ? 'adjustment' : 'text', table, row, col };
}

export const amountPlace = (line: string): DeptPlace => ({ kind: 'adjustment', table: ADJUSTMENT_TABLE, row: line, col: 'amount' });
export const notePlace = (line: string): DeptPlace => ({ kind: 'adjustment', table: ADJUSTMENT_TABLE, row: line, col: 'note' });
export const textPlace = (key: string): DeptPlace => ({ kind: 'text', table: '', row: key, col: '' });

/** The stored state. An empty note is no note: the journal never records '' → null as a change. */
export async function readDeptState(tx: Tx, ref: DeptRef): Promise<DeptState> {
  const state: DeptState = new Map();
  const lines = await tx.all<{ line_key: string; amount: number; note: string }>(
    'SELECT line_key, amount, note FROM dept_adjustments WHERE dept_code = ? AND year = ?',
    [ref.dept, ref.year],
  );
  for (const l of lines) {
    state.set(placeKey(amountPlace(l.line_key)), l.amount);
    if (l.note !== '') state.set(placeKey(notePlace(l.line_key)), l.note);
  }
  const texts = await tx.all<{ key: string; value: string }>('SELECT key, value FROM dept_texts WHERE dept_code = ? AND year = ?', [ref.dept, ref.year]);
  for (const t of texts) state.set(placeKey(textPlace(t.key)), t.value);
  return state;
}

function diff(before: DeptState, after: DeptState): DeptChange[] {
  const changes: DeptChange[] = [];
  for (const [key, value] of after) {
    const old = before.get(key) ?? null;
    if (old !== value) changes.push({ ...placeOf(key), old, new: value });
  }
  for (const [key, old] of before) if (!after.has(key)) changes.push({ ...placeOf(key), old, new: null });
  // In place order (a line's amount before its note), whatever order the states were built in.
  return changes.sort((a, b) => (placeKey(a) < placeKey(b) ? -1 : placeKey(a) > placeKey(b) ? 1 : 0));
}

/** A note belongs to a line's amount: a line without an amount has no note (clearing the amount clears it). */
function withoutStrayNotes(state: DeptState): DeptState {
  const out: DeptState = new Map();
  for (const [key, value] of state) {
    const place = placeOf(key);
    if (place.kind === 'adjustment' && place.col === 'note' && (value === '' || !state.has(placeKey(amountPlace(place.row))))) continue;
    out.set(key, value);
  }
  return out;
}

async function journalDept(tx: Tx, ref: DeptRef, how: ChangeHow, changes: readonly DeptChange[], at: Date, note: string): Promise<number | null> {
  if (changes.length === 0) return null;
  const { lastID } = await tx.run('INSERT INTO dept_change_batches (dept_code, year, at, how, note) VALUES (?, ?, ?, ?, ?)', [
    ref.dept,
    ref.year,
    at.toISOString(),
    how,
    note,
  ]);
  await insertChangeRows(tx, 'dept_change_log', lastID, changes);
  return lastID;
}

export interface DeptWrite {
  batchId: number | null;
  changes: DeptChange[];
}

/**
 * Puts the department into `target` (inside the caller's transaction): writes the lines and texts that
 * differ and journals each change. Nothing changes, nothing is journalled, when the target is the stored state.
 */
export async function writeDeptState(tx: Tx, ref: DeptRef, target: DeptState, how: ChangeHow, at: Date, note = ''): Promise<DeptWrite> {
  const before = await readDeptState(tx, ref);
  const after = withoutStrayNotes(target);
  const changes = diff(before, after);
  const lines = new Set<string>();
  for (const c of changes) {
    if (c.kind === 'adjustment') lines.add(c.row);
    else if (c.new === null) await tx.run('DELETE FROM dept_texts WHERE dept_code = ? AND year = ? AND key = ?', [ref.dept, ref.year, c.row]);
    else {
      await tx.run(
        `INSERT INTO dept_texts (dept_code, year, key, value) VALUES (?, ?, ?, ?)
         ON CONFLICT (dept_code, year, key) DO UPDATE SET value = excluded.value`,
        [ref.dept, ref.year, c.row, String(c.new)],
      );
    }
  }
  for (const line of lines) {
    const amount = after.get(placeKey(amountPlace(line)));
    if (amount === undefined) {
      await tx.run('DELETE FROM dept_adjustments WHERE dept_code = ? AND year = ? AND line_key = ?', [ref.dept, ref.year, line]);
      continue;
    }
    if (typeof amount !== 'number' || !Number.isSafeInteger(amount)) throw new Error(`抵销金额不是整数分：${String(amount)}`);
    await tx.run(
      `INSERT INTO dept_adjustments (dept_code, year, line_key, amount, note) VALUES (?, ?, ?, ?, ?)
       ON CONFLICT (dept_code, year, line_key) DO UPDATE SET amount = excluded.amount, note = excluded.note`,
      [ref.dept, ref.year, line, amount, String(after.get(placeKey(notePlace(line))) ?? '')],
    );
  }
  return { batchId: await journalDept(tx, ref, how, changes, at, note), changes };
}

/** Applies some places' new values (null clears) to the stored state and writes it, journalled. */
export async function writeDeptPlaces(
  tx: Tx,
  ref: DeptRef,
  values: readonly { place: DeptPlace; value: number | string | null }[],
  how: ChangeHow,
  at: Date,
  note = '',
): Promise<DeptWrite> {
  const target = await readDeptState(tx, ref);
  for (const { place, value } of values) {
    if (value === null) target.delete(placeKey(place));
    else target.set(placeKey(place), value);
  }
  return writeDeptState(tx, ref, target, how, at, note);
}

const OF_DEPT = 'b.dept_code = ? AND b.year = ?';
/** The department's batches, newest first ('ADJ' stands for the 调整表, '' for texts). */
export async function listDeptBatches(tx: Tx, ref: DeptRef, limit = 500): Promise<HistoryBatchInfo[]> {
  const rows = await tx.all<BatchRow>(
    `SELECT b.id, b.at, b.how, b.note, COUNT(l.id) AS count, GROUP_CONCAT(DISTINCT l.table_id) AS tables
       FROM dept_change_batches b LEFT JOIN dept_change_log l ON l.batch_id = b.id
      WHERE ${OF_DEPT} GROUP BY b.id ORDER BY b.id DESC LIMIT ?`,
    [ref.dept, ref.year, limit],
  );
  return rows.map(toBatch);
}

export async function getDeptBatch(tx: Tx, ref: DeptRef, batchId: number): Promise<HistoryBatchInfo | undefined> {
  const found = await tx.get<{ id: number }>(`SELECT b.id FROM dept_change_batches b WHERE ${OF_DEPT} AND b.id = ?`, [ref.dept, ref.year, batchId]);
  if (!found) return undefined;
  return (await listDeptBatches(tx, ref, 1_000_000)).find((b) => b.id === batchId);
}

/** Every change of one 调整表 line (amount and note) or one text, newest batch first (a batch's amount before its note). */
export async function deptPlaceHistory(tx: Tx, ref: DeptRef, kind: DeptChangeKind, row: string): Promise<HistoryEntryInfo[]> {
  const rows = await tx.all<LogRow<DeptChangeKind>>(
    `SELECT ${LOG_COLUMNS} FROM dept_change_log l JOIN dept_change_batches b ON b.id = l.batch_id
      WHERE ${OF_DEPT} AND l.kind = ? AND l.row_id = ? ORDER BY l.batch_id DESC, l.id`,
    [ref.dept, ref.year, kind, row],
  );
  return rows.map(toEntry);
}

/** The changes of one batch, in the order they were made. */
export async function deptBatchChanges(tx: Tx, ref: DeptRef, batchId: number): Promise<HistoryEntryInfo[]> {
  const rows = await tx.all<LogRow<DeptChangeKind>>(
    `SELECT ${LOG_COLUMNS} FROM dept_change_log l JOIN dept_change_batches b ON b.id = l.batch_id
      WHERE ${OF_DEPT} AND l.batch_id = ? ORDER BY l.id`,
    [ref.dept, ref.year, batchId],
  );
  return rows.map(toEntry);
}

/** The department's state right after batch `batchId` (0: before its first journalled change). */
export async function deptStateAfterBatch(tx: Tx, ref: DeptRef, batchId: number): Promise<DeptState> {
  const state = await readDeptState(tx, ref);
  const later = await tx.all<LogRow<DeptChangeKind>>(
    `SELECT ${LOG_COLUMNS} FROM dept_change_log l JOIN dept_change_batches b ON b.id = l.batch_id
      WHERE ${OF_DEPT} AND l.batch_id > ? ORDER BY l.id DESC`,
    [ref.dept, ref.year, batchId],
  );
  for (const row of later) {
    const key = placeKey({ kind: row.kind, table: row.table_id, row: row.row_id, col: row.col_id });
    if (row.old_value === null) state.delete(key);
    else state.set(key, row.old_value);
  }
  return state;
}
