/**
 * The Api methods of the store's safety features: noticing another writer, backups and restore, and the
 * edit history.
 */
import type { Api, BackupInfo, SetAsideInfo } from '../../shared/api/contract';
import { AppError } from '../../shared/api/errors';
import type { BackupFile } from './backup/backupFiles';
import type { BackupService } from './backup/backupService';
import type { SetAside } from './backup/damagedDatabase';
import { adjustmentHistory, deptBatches, restoreDeptToBatch, undoDeptBatch } from './deptHistory';
import { cellHistory, reportBatches, restoreToBatch, undoBatch } from './reportHistory';
import type { ReportSessions } from './reportSessions';

type StoreMethods = Pick<
  Api,
  'reportStamp' | 'backupStatus' | 'createBackup' | 'restoreBackup' | 'cellHistory' | 'reportHistory' | 'restoreHistory' | 'undoHistory' | 'adjustmentHistory'
>;

/** A consolidated cell is a sum, never typed: its history is in the units' reports and the 调整表. */
const CONSOLIDATED_CELL = '部门汇总表的数由所属单位的报表汇总、减去调整表的抵销数计算，没有自己的修改记录；双击可查看由哪些单位构成，抵销数的修改记录在“调整表”中右键查看';

export function backupInfo(file: BackupFile): BackupInfo {
  return { name: file.name, at: file.at.toISOString(), reason: file.reason, bytes: file.bytes };
}

export function setAsideInfo(notice: SetAside): SetAsideInfo {
  return {
    original: notice.original,
    renamedTo: notice.renamedTo,
    problem: notice.problem,
    newestGood: notice.newestGood ? backupInfo(notice.newestGood) : null,
  };
}

export function storeMethods(sessions: ReportSessions, backups: BackupService | undefined, setAside: SetAside | null): StoreMethods {
  const need = (): BackupService => {
    if (!backups) throw new AppError('此处没有备份功能');
    return backups;
  };
  return {
    reportStamp: (ref) => sessions.serial(async () => ({ generation: await sessions.generation(ref) })),

    backupStatus: async () => {
      const service = need();
      return {
        database: sessions.store.file,
        folder: service.folder,
        backups: (await service.list()).map(backupInfo),
        setAside: setAside && setAsideInfo(setAside),
        lastFailure: service.lastFailure,
      };
    },

    createBackup: async () => backupInfo(await need().backupNow('manual')),

    restoreBackup: ({ name }) =>
      sessions.serial(async () => {
        const result = await need().restore(name);
        // Every report is re-read: this connection's own restore does not move its data_version.
        sessions.invalidateAll();
        return { restored: backupInfo(result.restored), safety: result.safety && backupInfo(result.safety) };
      }),

    // A consolidated ref names the department: its history is that of its 调整表 and its own texts.
    cellHistory: ({ table, row, col, ...ref }) =>
      ref.consolidated ? Promise.reject(new AppError(CONSOLIDATED_CELL, { table, row, column: col })) : sessions.serial(() => cellHistory(sessions, ref, table, row, col)),

    reportHistory: ({ limit, ...ref }) => (ref.consolidated ? deptBatches(sessions, ref, limit) : sessions.serial(() => reportBatches(sessions, ref, limit))),

    restoreHistory: ({ batchId, table, ...ref }) => (ref.consolidated ? restoreDeptToBatch(sessions, ref, batchId, table) : restoreToBatch(sessions, ref, batchId, table)),

    undoHistory: ({ batchId, ...ref }) => (ref.consolidated ? undoDeptBatch(sessions, ref, batchId) : undoBatch(sessions, ref, batchId)),

    adjustmentHistory: ({ key, ...ref }) => adjustmentHistory(sessions, { ...ref, consolidated: true }, key),
  };
}
