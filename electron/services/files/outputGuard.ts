/**
 * The one check before the program writes any file a clerk named: not onto an open database or its
 * companion files, and not over any SQLite database (a database that is not open now is still a
 * clerk's data). Paths are compared after resolving symbolic links, without regard to letter case
 * on Windows and macOS, and by device and inode when the target exists.
 */
import { closeSync, openSync, readSync, realpathSync } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import { AppError } from '../../../shared/api/errors';
import { fileIdentity, openDatabaseFiles, SQLITE_COMPANIONS } from './openDatabases';

const SQLITE_HEADER = 'SQLite format 3\u0000';

/** The same path spelled canonically: links resolved as far as the path exists, case folded where the file system ignores case. */
export function canonicalPath(path: string, platform: NodeJS.Platform = process.platform): string {
  const full = resolve(path);
  let real = full;
  try {
    real = realpathSync.native(full);
  } catch {
    try {
      real = join(realpathSync.native(dirname(full)), basename(full));
    } catch {
      real = full;
    }
  }
  return platform === 'win32' || platform === 'darwin' ? real.toLowerCase() : real;
}

function startsWithSqliteHeader(path: string): boolean {
  let fd: number | undefined;
  try {
    fd = openSync(path, 'r');
    const buffer = Buffer.alloc(16);
    const read = readSync(fd, buffer, 0, 16, 0);
    return read === 16 && buffer.toString('latin1') === SQLITE_HEADER;
  } catch {
    return false;
  } finally {
    if (fd !== undefined) closeSync(fd);
  }
}

function refusal(target: string, reason: string): AppError {
  return new AppError(`不能写入“${target}”：${reason}。请换一个文件名或位置；数据库未被改动。`, { file: basename(target) });
}

/** Throws an AppError when writing `target` could destroy a database; otherwise returns its absolute path. */
export function assertSafeOutput(target: string): string {
  const full = resolve(target);
  const canonical = canonicalPath(full);
  const targetId = fileIdentity(full);
  for (const db of openDatabaseFiles()) {
    const dbCanonical = canonicalPath(db.path);
    if (canonical === dbCanonical || (targetId !== null && targetId === db.id)) {
      throw refusal(full, `这是正在使用的数据库文件“${db.path}”`);
    }
    for (const suffix of SQLITE_COMPANIONS) {
      const companion = `${db.path}${suffix}`;
      if (canonical === canonicalPath(companion) || (targetId !== null && targetId === fileIdentity(companion))) {
        throw refusal(full, `这是正在使用的数据库“${db.path}”的附属文件`);
      }
    }
  }
  if (startsWithSqliteHeader(full)) throw refusal(full, '该文件是一个 SQLite 数据库（可能保存着报表数据），不能被覆盖');
  for (const suffix of SQLITE_COMPANIONS) {
    const base = full.slice(0, -suffix.length);
    if (full.endsWith(suffix) && startsWithSqliteHeader(base)) throw refusal(full, `这是数据库“${base}”的附属文件`);
  }
  return full;
}
