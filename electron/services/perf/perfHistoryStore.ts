/**
 * Reading the 绩效自评's edit history (migration 0010_perf_history) inside the caller's transaction: a
 * field's changes, a batch's changes, and the 绩效 rows as they were right after any batch.
 */
import type { Tx } from '../store/database';
import type { HistoryReport } from '../store/history';
import type { PerfTarget } from '../../../shared/perf/fields';
import { applyOld, PERF_LOG_COLUMNS, type PerfLogRow } from './perfJournal';
import { readPerfRows, type PerfRows } from './perfRows';

const OF_REPORT = 'b.report_id = ? AND b.unit_code = ? AND b.year = ?';
const params = (r: HistoryReport): (string | number)[] => [r.reportId, r.unitCode, r.year];
const FROM = 'FROM perf_change_log p JOIN change_batches b ON b.id = p.batch_id';

/** The 绩效 rows right after batch `batchId` (0: before the first journalled change). */
export async function perfAfterBatch(tx: Tx, report: HistoryReport, batchId: number): Promise<PerfRows> {
  const rows = await readPerfRows(tx, report.reportId);
  const later = await tx.all<PerfLogRow>(`SELECT ${PERF_LOG_COLUMNS} ${FROM} WHERE ${OF_REPORT} AND p.batch_id > ? ORDER BY p.id DESC`, [...params(report), batchId]);
  for (const log of later) applyOld(rows, log);
  return rows;
}

/** A batch's 绩效 changes, in the order they were made. */
export function perfBatchChanges(tx: Tx, report: HistoryReport, batchId: number): Promise<PerfLogRow[]> {
  return tx.all<PerfLogRow>(`SELECT ${PERF_LOG_COLUMNS} ${FROM} WHERE ${OF_REPORT} AND p.batch_id = ? ORDER BY p.id`, [...params(report), batchId]);
}

/** Every change of one field of one row, with the row's addition and removal (field ''), newest first. */
export function perfFieldLog(tx: Tx, report: HistoryReport, target: PerfTarget, id: number, field: string): Promise<PerfLogRow[]> {
  return tx.all<PerfLogRow>(
    `SELECT ${PERF_LOG_COLUMNS} ${FROM} WHERE ${OF_REPORT} AND p.target = ? AND p.row_id = ? AND p.field IN (?, '') ORDER BY p.id DESC`,
    [...params(report), target, id, field],
  );
}
