/**
 * A copy of the whole database before something removes data (a report's deletion): SQLite's
 * VACUUM INTO a new file in a 备份 folder beside the database. The database itself is never touched.
 */
import { mkdir } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import type { RegisterStore } from '../store/registerStore';

function stamp(date: Date): string {
  const p = (n: number) => String(n).padStart(2, '0');
  return `${date.getFullYear()}${p(date.getMonth() + 1)}${p(date.getDate())}-${p(date.getHours())}${p(date.getMinutes())}${p(date.getSeconds())}-${String(date.getMilliseconds()).padStart(3, '0')}`;
}

/** Writes the backup and returns its path. `reason` names the file (删除报表-101001-2020). */
export async function backupBefore(register: RegisterStore, dbFile: string, reason: string): Promise<string> {
  const dir = join(dirname(dbFile), `${basename(dbFile)}.备份`);
  await mkdir(dir, { recursive: true });
  const file = join(dir, `${stamp(new Date())}-${reason.replace(/[^0-9A-Za-z\u4e00-\u9fff_-]/g, '_')}.sqlite`);
  await register.backupTo(file);
  return file;
}
