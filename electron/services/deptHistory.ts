/**
 * The edit history of a department (部门汇总): its 调整表 amounts and notes and its own texts, which
 * belong to no stored unit report. Listing the batches, one 调整表 line's changes, restoring the
 * department (or only its 调整表) to right after a batch, and undoing a batch — each restore or undo
 * is journalled in the transaction that makes it (恢复 / 撤销), so it can be undone in turn.
 */
import type { HistoryBatchInfo, HistoryEntryInfo, ReportRef } from '../../shared/api/contract';
import { AppError } from '../../shared/api/errors';
import { ADJUSTMENT_TABLE } from '../../shared/api/registerContract';
import { localTime } from './backup/damagedDatabase';
import { HOW_WORDS } from './reportHistory';
import type { ReportSessions } from './reportSessions';
import {
  deptBatchChanges,
  deptPlaceHistory,
  deptStateAfterBatch,
  getDeptBatch,
  listDeptBatches,
  placeKey,
  placeOf,
  readDeptState,
  writeDeptState,
  type DeptRef,
  type DeptState,
} from './store/deptJournal';
import type { Tx } from './store/database';

async function deptRef(sessions: ReportSessions, ref: ReportRef): Promise<DeptRef> {
  await sessions.requireUnit(ref.unit);
  return { dept: ref.unit, year: ref.year };
}

export async function deptBatches(sessions: ReportSessions, ref: ReportRef, limit?: number): Promise<HistoryBatchInfo[]> {
  const dept = await deptRef(sessions, ref);
  return sessions.store.db.snapshot((tx) => listDeptBatches(tx, dept, limit));
}

/** Every change of one 调整表 line (amount and note), newest first. */
export async function adjustmentHistory(sessions: ReportSessions, ref: ReportRef, lineKey: string): Promise<HistoryEntryInfo[]> {
  const dept = await deptRef(sessions, ref);
  return sessions.store.db.snapshot((tx) => deptPlaceHistory(tx, dept, 'adjustment', lineKey));
}

/** Every change of one of the department's texts, newest first. */
export async function deptTextHistory(sessions: ReportSessions, ref: ReportRef, key: string): Promise<HistoryEntryInfo[]> {
  const dept = await deptRef(sessions, ref);
  return sessions.store.db.snapshot((tx) => deptPlaceHistory(tx, dept, 'text', key));
}

async function requireBatch(tx: Tx, dept: DeptRef, batchId: number): Promise<HistoryBatchInfo | null> {
  if (batchId === 0) return null;
  const batch = await getDeptBatch(tx, dept, batchId);
  if (!batch) throw new AppError(`部门的修改记录中没有第 ${batchId} 批（或它不属于这个部门、这一年度）`);
  return batch;
}

const isAdjustment = (key: string) => placeOf(key).table === ADJUSTMENT_TABLE;

/** The 调整表 of `target` with the texts of `current` (a restore of the 调整表 only). */
function adjustmentsOnly(current: DeptState, target: DeptState): DeptState {
  const out: DeptState = new Map();
  for (const [key, value] of current) if (!isAdjustment(key)) out.set(key, value);
  for (const [key, value] of target) if (isAdjustment(key)) out.set(key, value);
  return out;
}

/**
 * Puts the department's 调整表 and texts (or, with table 'ADJ', only its 调整表) back as they were
 * right after batch `batchId` (0: before the first change). One transaction reads, writes and journals.
 */
export function restoreDeptToBatch(sessions: ReportSessions, ref: ReportRef, batchId: number, table?: string): Promise<{ batchId: number | null; changed: number }> {
  if (table !== undefined && table !== ADJUSTMENT_TABLE) {
    return Promise.reject(new AppError('部门汇总表的各表由单位报表汇总计算，不能单独恢复；可恢复调整表，或调整表与部门的文字一起恢复', { table }));
  }
  return sessions.serial(async () => {
    const dept = await deptRef(sessions, ref);
    const result = await sessions.store.db.transaction(async (tx) => {
      const batch = await requireBatch(tx, dept, batchId);
      const target = await deptStateAfterBatch(tx, dept, batchId);
      const state = table === undefined ? target : adjustmentsOnly(await readDeptState(tx, dept), target);
      const when = batch ? `${localTime(new Date(batch.at))} 的状态` : '第一次修改之前';
      return writeDeptState(tx, dept, state, 'restore', sessions.store.now(), `恢复到${when}（${table === undefined ? '调整表和部门文字' : '调整表'}）`);
    });
    sessions.consolidated?.invalidate(ref.year);
    return { batchId: result.batchId, changed: result.changes.length };
  });
}

/**
 * Undoes one batch of the department: each place it changed goes back to its value before, unless it
 * was changed again afterwards — those keep their later value and are counted in `kept`.
 */
export function undoDeptBatch(sessions: ReportSessions, ref: ReportRef, batchId: number): Promise<{ batchId: number | null; changed: number; kept: number }> {
  return sessions.serial(async () => {
    const dept = await deptRef(sessions, ref);
    const result = await sessions.store.db.transaction(async (tx) => {
      const batch = await requireBatch(tx, dept, batchId);
      const state = await readDeptState(tx, dept);
      let kept = 0;
      for (const entry of [...(await deptBatchChanges(tx, dept, batchId))].reverse()) {
        const key = placeKey({ kind: entry.kind === 'adjustment' ? 'adjustment' : 'text', table: entry.table, row: entry.row, col: entry.col });
        if ((state.get(key) ?? null) !== entry.new) kept += 1;
        else if (entry.old === null) state.delete(key);
        else state.set(key, entry.old);
      }
      const note = `撤销 ${batch ? localTime(new Date(batch.at)) : ''} 的${batch ? HOW_WORDS[batch.how] : '修改'}`;
      return { ...(await writeDeptState(tx, dept, state, 'undo', sessions.store.now(), note)), kept };
    });
    sessions.consolidated?.invalidate(ref.year);
    return { batchId: result.batchId, changed: result.changes.length, kept: result.kept };
  });
}
