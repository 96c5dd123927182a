/**
 * The Api methods of the store's safety features: noticing another writer, backups and restore, and the
 * edit history.
 */
import type { Api, BackupInfo, SetAsideInfo } from '../../shared/api/contract';
import { AppError } from '../../shared/api/errors';
import type { BackupFile } from './backup/backupFiles';
import type { BackupService } from './backup/backupService';
import type { SetAside } from './backup/damagedDatabase';
import { cellHistory, reportBatches, restoreToBatch, undoBatch } from './reportHistory';
import type { ReportSessions } from './reportSessions';

type StoreMethods = Pick<
  Api,
  'reportStamp' | 'backupStatus' | 'createBackup' | 'restoreBackup' | 'cellHistory' | 'reportHistory' | 'restoreHistory' | 'undoHistory'
>;

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

    cellHistory: ({ table, row, col, ...ref }) => sessions.serial(() => cellHistory(sessions, ref, table, row, col)),

    reportHistory: ({ limit, ...ref }) => sessions.serial(() => reportBatches(sessions, ref, limit)),

    restoreHistory: ({ batchId, table, ...ref }) => restoreToBatch(sessions, ref, batchId, table),

    undoHistory: ({ batchId, ...ref }) => undoBatch(sessions, ref, batchId),
  };
}
