/**
 * SQLite failures a clerk can cause — a full disk, a read-only file or folder, a damaged file,
 * another program holding the database — as one Chinese sentence naming the file and what to do.
 * sqlite3's own text is English and is never shown. Other codes (constraint failures, misuse) are
 * program errors and are left alone.
 */
import { constants, statfsSync } from 'node:fs';
import { access } from 'node:fs/promises';
import { basename, dirname } from 'node:path';
import { AppError } from '../../../shared/api/errors';

/** An AppError that keeps sqlite's code, so callers can still tell SQLITE_NOTADB from SQLITE_FULL. */
export class StorageError extends AppError {
  constructor(
    message: string,
    readonly code: string,
    file: string,
  ) {
    super(message, { file: basename(file) });
    this.name = 'StorageError';
  }
}

function codeOf(err: unknown): string | undefined {
  if (err instanceof Error && 'code' in err && typeof err.code === 'string') return err.code;
  return undefined;
}

/** Below this much free space an I/O error is taken for a full disk. */
const NEARLY_FULL_BYTES = 256 * 1024;

/**
 * sqlite reports ENOSPC while growing the WAL or its -shm map as a bare SQLITE_IOERR, so the disk's
 * free space decides which message the clerk gets.
 */
function diskIsFull(file: string): boolean {
  try {
    const info = statfsSync(dirname(file));
    return info.bavail * info.bsize < NEARLY_FULL_BYTES;
  } catch {
    return false;
  }
}

const FULL = (file: string) =>
  `磁盘空间不足，数据库“${file}”无法保存这次修改（这次修改未保存，以前保存的数据完好）。请清理磁盘空间后重试。`;

export function storageMessage(code: string, file: string): string | null {
  switch (code) {
    case 'SQLITE_FULL':
      return FULL(file);
    case 'SQLITE_READONLY':
    case 'SQLITE_PERM':
    case 'SQLITE_AUTH':
      return `数据库“${file}”是只读的（文件或所在文件夹不允许写入），无法保存修改。请检查该文件（及同名的 -wal、-shm 文件）和所在文件夹的权限，或把数据库复制到可以写入的文件夹后再打开。`;
    case 'SQLITE_CANTOPEN':
      return `无法打开数据库“${file}”：文件或所在文件夹不存在，或没有读写权限。请检查路径和权限。`;
    case 'SQLITE_CORRUPT':
      return `数据库“${file}”已损坏，无法读取（程序没有改动它）。请关闭程序，用最近的备份恢复（“备份与恢复”），或把该文件交给技术人员检查。`;
    case 'SQLITE_NOTADB':
      return `文件“${file}”不是决算工作站的数据库，或已严重损坏，无法打开（程序没有改动它）。请确认文件，或用最近的备份恢复。`;
    case 'SQLITE_BUSY':
    case 'SQLITE_LOCKED':
      return `数据库“${file}”正被另一个程序占用（例如另一个决算工作站窗口或命令行正在写入），这次操作未完成。请稍后重试，或关闭其他使用该数据库的程序。`;
    case 'SQLITE_IOERR':
      return diskIsFull(file)
        ? FULL(file)
        : `读写数据库“${file}”时磁盘出错（磁盘空间不足、设备已断开或文件所在位置不可写），这次修改未保存。请检查磁盘后重试。`;
    case 'SQLITE_NOMEM':
      return `内存不足，无法完成对数据库“${file}”的操作。请关闭其他程序后重试。`;
    case 'SQLITE_NOLFS':
    case 'SQLITE_TOOBIG':
      return `数据库“${file}”无法保存这么大的内容。请减少一次写入的内容后重试。`;
    default:
      return null;
  }
}

/** The clerk's version of a sqlite3 error on `file`, or null when it is not one a clerk can cause. */
export function storageError(err: unknown, file: string): StorageError | null {
  if (err instanceof AppError) return null;
  const code = codeOf(err);
  if (code === undefined) return null;
  const message = storageMessage(code, file);
  return message === null ? null : new StorageError(message, code, file);
}

async function writable(path: string): Promise<boolean> {
  try {
    await access(path, constants.W_OK);
    return true;
  } catch (err) {
    // A missing file is created by sqlite; only a refusal means read-only.
    return !['EACCES', 'EPERM', 'EROFS'].includes(codeOf(err) ?? '');
  }
}

/**
 * sqlite says SQLITE_CANTOPEN (or IOERR) when a WAL database sits in a read-only file or folder, since
 * it cannot create the -shm file; the clerk should hear “read-only”, not “cannot open”.
 */
export async function explainOpenFailure(err: unknown, file: string): Promise<unknown> {
  const code = codeOf(err);
  if (code !== 'SQLITE_CANTOPEN' && code !== 'SQLITE_IOERR' && code !== 'SQLITE_READONLY') return err;
  if ((await writable(file)) && (await writable(dirname(file)))) return err;
  return new StorageError(storageMessage('SQLITE_READONLY', file) ?? '', 'SQLITE_READONLY', file);
}
