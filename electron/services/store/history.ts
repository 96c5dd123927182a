/**
 * Reading the edit history (migration 0004_history): the batches of a report, the changes of one
 * cell, and the report's state after any batch — rebuilt from the current state by undoing, newest
 * first, every journalled change made after it.
 */
import { cellKey, type ReportData } from '../../../shared/api/contract';
import type { Tx } from './database';
import type { Change, ChangeHow, ChangeKind } from './journal';
import { readState } from './reportStore';
import { PERF_HISTORY_TABLE } from '../../../shared/perf/historyText';

export interface HistoryReport {
  reportId: number;
  unitCode: string;
  year: number;
}

export interface HistoryBatch {
  id: number;
  /** ISO 8601 time of the write. */
  at: string;
  how: ChangeHow;
  note: string;
  /** Changes in the batch. */
  count: number;
  /** Tables the batch touched ('' stands for texts). */
  tables: string[];
}

export interface HistoryEntry extends Change {
  batch: number;
  at: string;
  how: ChangeHow;
}

/** A change_log (or dept_change_log) row joined with its batch. */
export interface LogRow<K extends string = ChangeKind> {
  batch_id: number;
  at: string;
  how: ChangeHow;
  kind: K;
  table_id: string;
  row_id: string;
  col_id: string;
  old_value: number | string | null;
  new_value: number | string | null;
}

const OF_REPORT = 'b.report_id = ? AND b.unit_code = ? AND b.year = ?';

function params(report: HistoryReport): (string | number)[] {
  return [report.reportId, report.unitCode, report.year];
}

/** The columns of a LogRow: `l` the log, `b` its batches. */
export const LOG_COLUMNS = 'l.batch_id, b.at, b.how, l.kind, l.table_id, l.row_id, l.col_id, l.old_value, l.new_value';

export interface BatchRow {
  id: number;
  at: string;
  how: ChangeHow;
  note: string;
  count: number;
  tables: string | null;
}

export function toBatch(r: BatchRow): HistoryBatch {
  return { id: r.id, at: r.at, how: r.how, note: r.note, count: r.count, tables: (r.tables ?? '').split(',').sort() };
}

export function toEntry<K extends string>(row: LogRow<K>): Omit<HistoryEntry, 'kind'> & { kind: K } {
  return {
    batch: row.batch_id,
    at: row.at,
    how: row.how,
    kind: row.kind,
    table: row.table_id,
    row: row.row_id,
    col: row.col_id,
    old: row.old_value,
    new: row.new_value,
  };
}

/** The table id that stands for the whole 绩效自评 in the history: a batch's tables, restoring one part. */
export const PERF_TABLE = PERF_HISTORY_TABLE;

/** The report's batches, newest first; 绩效自评 changes (perf_change_log) count too, listed as table 'perf'. */
export async function listBatches(tx: Tx, report: HistoryReport, limit = 500): Promise<HistoryBatch[]> {
  const rows = await tx.all<BatchRow & { perf: number }>(
    `SELECT b.id, b.at, b.how, b.note,
            (SELECT COUNT(*) FROM change_log l WHERE l.batch_id = b.id) AS count,
            (SELECT GROUP_CONCAT(DISTINCT l.table_id) FROM change_log l WHERE l.batch_id = b.id) AS tables,
            (SELECT COUNT(*) FROM perf_change_log p WHERE p.batch_id = b.id) AS perf
       FROM change_batches b
      WHERE ${OF_REPORT} ORDER BY b.id DESC LIMIT ?`,
    [...params(report), limit],
  );
  return rows.map((r) => {
    const cells = r.tables === null ? [] : toBatch(r).tables;
    return { ...toBatch(r), count: r.count + r.perf, tables: r.perf > 0 ? [...cells, PERF_TABLE].sort() : cells };
  });
}

export async function getBatch(tx: Tx, report: HistoryReport, batchId: number): Promise<HistoryBatch | undefined> {
  const all = await tx.all<{ id: number }>(`SELECT b.id FROM change_batches b WHERE ${OF_REPORT} AND b.id = ?`, [...params(report), batchId]);
  if (all.length === 0) return undefined;
  return (await listBatches(tx, report, 1_000_000)).find((b) => b.id === batchId);
}

/** Every change of one place, newest first: a cell (table, row, col), a text (key as `row`) or a row. */
export async function placeHistory(tx: Tx, report: HistoryReport, kind: ChangeKind, table: string, row: string, col: string): Promise<HistoryEntry[]> {
  const rows = await tx.all<LogRow>(
    `SELECT ${LOG_COLUMNS}
       FROM change_log l JOIN change_batches b ON b.id = l.batch_id
      WHERE ${OF_REPORT} AND l.kind = ? AND l.table_id = ? AND l.row_id = ? AND l.col_id = ?
      ORDER BY l.id DESC`,
    [...params(report), kind, table, row, col],
  );
  return rows.map(toEntry);
}

/** The changes of one batch, in the order they were made. */
export async function batchChanges(tx: Tx, report: HistoryReport, batchId: number): Promise<HistoryEntry[]> {
  const rows = await tx.all<LogRow>(
    `SELECT ${LOG_COLUMNS}
       FROM change_log l JOIN change_batches b ON b.id = l.batch_id
      WHERE ${OF_REPORT} AND l.batch_id = ? ORDER BY l.id`,
    [...params(report), batchId],
  );
  return rows.map(toEntry);
}

/** Undoes one logged change on a report's state held in memory (the walk back goes newest first). */
export function applyOld(state: { rows: Map<string, Set<string>>; inputs: Map<string, number>; texts: Map<string, string>; strings: Map<string, string> }, row: LogRow): void {
  const value = row.old_value;
  if (row.kind === 'cell') {
    // A string is a text or decimal cell (table typed_cells), a number 分 or a count.
    const key = cellKey(row.table_id, row.row_id, row.col_id);
    state.inputs.delete(key);
    state.strings.delete(key);
    if (typeof value === 'string') state.strings.set(key, value);
    else if (value !== null) state.inputs.set(key, Number(value));
  } else if (row.kind === 'text') {
    if (value === null) state.texts.delete(row.row_id);
    else state.texts.set(row.row_id, String(value));
  } else {
    const codes = state.rows.get(row.table_id) ?? new Set<string>();
    if (value === null) codes.delete(row.row_id);
    else codes.add(row.row_id);
    state.rows.set(row.table_id, codes);
  }
}

/**
 * The report as it was right after batch `batchId` (0: before the first journalled change), read
 * inside one transaction so the current state and the journal agree.
 */
export async function stateAfterBatch(tx: Tx, report: HistoryReport, batchId: number): Promise<ReportData> {
  const current = await readState(tx, report.reportId);
  const later = await tx.all<LogRow>(
    `SELECT ${LOG_COLUMNS}
       FROM change_log l JOIN change_batches b ON b.id = l.batch_id
      WHERE ${OF_REPORT} AND l.batch_id > ? ORDER BY l.id DESC`,
    [...params(report), batchId],
  );
  const state = {
    rows: new Map(Object.entries(current.rows).map(([t, codes]) => [t, new Set(codes)])),
    inputs: new Map(Object.entries(current.inputs)),
    texts: new Map(Object.entries(current.texts)),
    strings: new Map(Object.entries(current.strings ?? {})),
  };
  for (const row of later) applyOld(state, row);
  const rows: Record<string, string[]> = {};
  for (const [table, codes] of [...state.rows].sort(([a], [b]) => a.localeCompare(b))) {
    if (codes.size > 0) rows[table] = [...codes].sort();
  }
  const strings = Object.fromEntries(state.strings);
  return { rows, inputs: Object.fromEntries(state.inputs), texts: Object.fromEntries(state.texts), ...(state.strings.size > 0 ? { strings } : {}) };
}

/** The id of the last batch made at or before `time` (0 when none was). */
export async function batchAt(tx: Tx, report: HistoryReport, time: Date): Promise<number> {
  const row = await tx.get<{ id: number | null }>(`SELECT MAX(b.id) AS id FROM change_batches b WHERE ${OF_REPORT} AND b.at <= ?`, [
    ...params(report),
    time.toISOString(),
  ]);
  return row?.id ?? 0;
}
