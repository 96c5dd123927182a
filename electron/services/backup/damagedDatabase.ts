/**
 * A database that is damaged or cannot be brought up to date is set aside by renaming — never deleted —
 * together with its -wal and -shm files (the WAL may hold committed pages), and the newest backup that
 * passes the full integrity check is offered in its place.
 */
import { access, rename } from 'node:fs/promises';
import { backupFolderFor, listBackupFiles, type BackupFile } from './backupFiles';
import { checkFile } from './integrity';

export interface SetAside {
  /** Where the database was. */
  original: string;
  /** Its name now. */
  renamedTo: string;
  /** What was wrong, in words. */
  problem: string;
  /** The newest backup that passes the full integrity check; null when there is none. */
  newestGood: BackupFile | null;
}

function stamp(at: Date): string {
  const p = (n: number, w = 2) => String(n).padStart(w, '0');
  return `${at.getFullYear()}${p(at.getMonth() + 1)}${p(at.getDate())}-${p(at.getHours())}${p(at.getMinutes())}${p(at.getSeconds())}`;
}

async function exists(file: string): Promise<boolean> {
  try {
    await access(file);
    return true;
  } catch {
    return false;
  }
}

/** Renames `file` (and its -wal/-shm) to `file.damaged-YYYYMMDD-HHMMSS[-n]`; returns the new name. */
export async function setAsideFile(file: string, at: Date): Promise<string> {
  let target = `${file}.damaged-${stamp(at)}`;
  for (let n = 2; await exists(target); n += 1) target = `${file}.damaged-${stamp(at)}-${n}`;
  await rename(file, target);
  for (const suffix of ['-wal', '-shm']) {
    if (await exists(file + suffix)) await rename(file + suffix, target + suffix);
  }
  return target;
}

/** The newest backup of the database at `dbFile` that passes the full integrity check. */
export async function newestGoodBackup(dbFile: string): Promise<BackupFile | null> {
  for (const backup of await listBackupFiles(backupFolderFor(dbFile))) {
    if ((await checkFile(backup.path)).length === 0) return backup;
  }
  return null;
}

export async function setAsideDamaged(file: string, problem: string, at: Date): Promise<SetAside> {
  const renamedTo = await setAsideFile(file, at);
  return { original: file, renamedTo, problem, newestGood: await newestGoodBackup(file) };
}

/** The plain-words account of a set-aside database, naming both files (the CLI prints it; the screen shows the same facts). */
export function setAsideMessage(notice: SetAside): string {
  const offer = notice.newestGood
    ? `最新的完好备份是“${notice.newestGood.path}”（${localTime(notice.newestGood.at)}）。恢复它：juesuan backup restore --db "${notice.original}" ${notice.newestGood.name}`
    : '没有找到完好的备份。';
  return `数据库“${notice.original}”${notice.problem}，已改名为“${notice.renamedTo}”保留，没有删除。${offer}`;
}

export function localTime(at: Date): string {
  const p = (n: number) => String(n).padStart(2, '0');
  return `${at.getFullYear()}-${p(at.getMonth() + 1)}-${p(at.getDate())} ${p(at.getHours())}:${p(at.getMinutes())}:${p(at.getSeconds())}`;
}
