/**
 * Writes the edit history (tables of migration 0004_history) inside the caller's transaction, so a
 * change and its journal entry are committed together or not at all.
 */
import { splitCellKey, type ReportData } from '../../../shared/api/contract';
import { AppError } from '../../../shared/api/errors';
import type { Tx } from './database';

export const CHANGE_HOWS = ['typed', 'paste', 'import', 'undo', 'restore'] as const;
/** How a change was made: typed in the grid or the CLI, pasted, imported, undone, restored from history or a backup. */
export type ChangeHow = (typeof CHANGE_HOWS)[number];

export type ChangeKind = 'cell' | 'text' | 'row';

/** One journalled change; `null` is "absent" (an empty cell, a missing text, a row not added). */
export interface Change {
  kind: ChangeKind;
  table: string;
  /** The row id; for a text, its key. */
  row: string;
  /** The column id; '' for rows and texts. */
  col: string;
  old: number | string | null;
  new: number | string | null;
}

export interface JournalTarget {
  reportId: number;
  unitCode: string;
  year: number;
}

/** Rows per INSERT (8 parameters each, far below SQLite's parameter limit). */
const BATCH = 400;

/** Records one batch of changes; nothing (and no batch) when there are none. Returns the batch id. */
export async function journal(tx: Tx, target: JournalTarget, how: ChangeHow, changes: readonly Change[], at: Date, note = ''): Promise<number | null> {
  if (changes.length === 0) return null;
  const batchId = await insertBatch(tx, target, how, at, note);
  await insertChangeRows(tx, 'change_log', batchId, changes);
  return batchId;
}

/** A new, empty batch of the report (its changes are inserted by the caller, cells and 绩效 alike). */
/** The stored report a batch is written for, named by id and by unit and year (refused when it no longer exists). */
export async function journalTarget(tx: Tx, reportId: number): Promise<JournalTarget> {
  const row = await tx.get<{ unit_code: string; year: number }>('SELECT unit_code, year FROM reports WHERE id = ?', [reportId]);
  if (!row) throw new AppError('报表已不存在（可能已在别处删除），未写入');
  return { reportId, unitCode: row.unit_code, year: row.year };
}

export async function insertBatch(tx: Tx, target: JournalTarget, how: ChangeHow, at: Date, note = ''): Promise<number> {
  const { lastID } = await tx.run('INSERT INTO change_batches (report_id, unit_code, year, at, how, note) VALUES (?, ?, ?, ?, ?, ?)', [
    target.reportId,
    target.unitCode,
    target.year,
    at.toISOString(),
    how,
    note,
  ]);
  return lastID;
}

/** The columns of one logged change: a report's (change_log) and a department's (dept_change_log) have the same. */
export interface LoggedChange {
  kind: string;
  table: string;
  row: string;
  col: string;
  old: number | string | null;
  new: number | string | null;
}

/** Inserts a batch's changes into a change log, many rows per statement. */
export async function insertChangeRows(tx: Tx, log: 'change_log' | 'dept_change_log', batchId: number, changes: readonly LoggedChange[]): Promise<void> {
  for (let i = 0; i < changes.length; i += BATCH) {
    const chunk = changes.slice(i, i + BATCH);
    await tx.run(
      `INSERT INTO ${log} (batch_id, kind, table_id, row_id, col_id, old_value, new_value) VALUES ${chunk.map(() => '(?, ?, ?, ?, ?, ?, ?)').join(', ')}`,
      chunk.flatMap((c) => [batchId, c.kind, c.table, c.row, c.col, c.old, c.new]),
    );
  }
}

function own<T>(record: Readonly<Record<string, T>>, key: string): T | null {
  return Object.hasOwn(record, key) ? (record[key] ?? null) : null;
}

/** What changes between two whole report states, cell by cell, text by text, row by row. */
export function diffStates(before: ReportData, after: ReportData): Change[] {
  const changes: Change[] = [];
  const rowSet = (data: ReportData) => new Set(Object.entries(data.rows).flatMap(([t, codes]) => codes.map((c) => `${t}\u0000${c}`)));
  const oldRows = rowSet(before);
  const newRows = rowSet(after);
  for (const key of newRows) {
    if (oldRows.has(key)) continue;
    const [table = '', row = ''] = key.split('\u0000');
    changes.push({ kind: 'row', table, row, col: '', old: null, new: 1 });
  }
  for (const key of oldRows) {
    if (newRows.has(key)) continue;
    const [table = '', row = ''] = key.split('\u0000');
    changes.push({ kind: 'row', table, row, col: '', old: 1, new: null });
  }
  for (const [key, value] of Object.entries(after.inputs)) {
    const old = own(before.inputs, key) ?? own(before.strings ?? {}, key);
    if (old !== value) changes.push({ kind: 'cell', ...splitCellKey(key), old, new: value });
  }
  for (const [key, old] of Object.entries(before.inputs)) {
    if (!Object.hasOwn(after.inputs, key) && !Object.hasOwn(after.strings ?? {}, key)) changes.push({ kind: 'cell', ...splitCellKey(key), old, new: null });
  }
  // Text and decimal cells are journalled as cells too, their values as strings (a number is 分 or a count).
  const afterStrings = after.strings ?? {};
  const beforeStrings = before.strings ?? {};
  for (const [key, value] of Object.entries(afterStrings)) {
    const old = own(beforeStrings, key) ?? own(before.inputs, key);
    if (old !== value) changes.push({ kind: 'cell', ...splitCellKey(key), old, new: value });
  }
  for (const [key, old] of Object.entries(beforeStrings)) {
    if (!Object.hasOwn(afterStrings, key) && !Object.hasOwn(after.inputs, key)) changes.push({ kind: 'cell', ...splitCellKey(key), old, new: null });
  }
  for (const [key, value] of Object.entries(after.texts)) {
    const old = own(before.texts, key);
    if (old !== value) changes.push({ kind: 'text', table: '', row: key, col: '', old, new: value });
  }
  for (const [key, old] of Object.entries(before.texts)) {
    if (!Object.hasOwn(after.texts, key)) changes.push({ kind: 'text', table: '', row: key, col: '', old, new: null });
  }
  return changes;
}
