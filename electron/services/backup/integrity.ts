/**
 * SQLite's own checks: `PRAGMA quick_check` when a database is opened (fast, catches damaged pages),
 * the full `PRAGMA integrity_check` before every backup and of a backup before it is restored.
 */
import sqlite3 from 'sqlite3';
import type { Tx } from '../store/database';
import { migrationRecordProblem, type AppliedMigration } from '../store/migrationRecords';

/** The problems SQLite reports, at most `limit`; empty when the check says ok. */
export async function checkIntegrity(db: Pick<Tx, 'all'>, full: boolean, limit = 5): Promise<string[]> {
  const rows = await db.all<Record<string, string>>(`PRAGMA ${full ? 'integrity_check' : 'quick_check'}(${limit})`);
  const lines = rows.map((r) => Object.values(r)[0] ?? '');
  return lines.length === 1 && lines[0] === 'ok' ? [] : lines;
}

/**
 * Checks a backup file without changing it: the full integrity check, that it is a workstation
 * database, and that its record of applied migrations is one this program accepts. Returns the problems; empty when it is good. The connection is opened for writing (never
 * created, nothing written) because a read-only connection checks less: damaged copies with a broken
 * CREATE text or rows breaking a CHECK constraint passed integrity_check read-only, yet failed the
 * quick_check of a normal open.
 */
export function checkFile(file: string): Promise<string[]> {
  return new Promise((resolve) => {
    const db = new sqlite3.Database(file, sqlite3.OPEN_READWRITE, (openErr) => {
      if (openErr) return resolve([openErr.message]);
      db.all<Record<string, string>>('PRAGMA integrity_check(5)', (err, rows) => {
        if (err) return db.close(() => resolve([err.message]));
        const lines = rows.map((r) => Object.values(r)[0] ?? '');
        const problems = lines.length === 1 && lines[0] === 'ok' ? [] : lines;
        db.get("SELECT 1 AS yes FROM sqlite_master WHERE type = 'table' AND name = 'schema_migrations'", (e2, row) => {
          if (e2 || !row) {
            problems.push(e2 ? e2.message : '不是决算工作站的数据库');
            return db.close(() => resolve(problems));
          }
          // A backup whose migration record this program refuses would be set aside again right after the restore.
          db.all<AppliedMigration>('SELECT id, name, sha256 FROM schema_migrations ORDER BY id', (e3, applied) => {
            const record = e3 ? e3.message : migrationRecordProblem(applied);
            if (record !== null) problems.push(`数据库${record}`);
            db.close(() => resolve(problems));
          });
        });
      });
    });
  });
}

/** SQLite's check lines (English, technical) as a few Chinese words for the clerk: how many problems it found. */
export function problemWords(lines: readonly string[], limit = 5): string {
  const real = lines.filter((l) => !l.startsWith('***'));
  const n = Math.max(1, real.length);
  return `发现 ${n}${lines.length >= limit ? ' 处以上' : ' 处'}问题`;
}
