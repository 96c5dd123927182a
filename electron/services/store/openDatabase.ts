/**
 * Opens the workstation's SQLite file: checks that it is one, runs `PRAGMA quick_check`, sets the
 * durability pragmas and applies pending migrations. A file that fails any of this is NEVER deleted or
 * rewritten — it may hold a year of a clerk's work — and the error names the file. A damaged one
 * (quick_check fails, SQLITE_CORRUPT, a migration that cannot be applied, a record of applied migrations
 * that is unknown or does not match) is reported as a
 * DamagedDatabaseError, which the services answer by renaming it aside (backup/damagedDatabase.ts).
 */
import { mkdir, open as openFile } from 'node:fs/promises';
import { basename, dirname } from 'node:path';
import { AppError } from '../../../shared/api/errors';
import { problemWords } from '../backup/integrity';
import { Database, sqliteCode } from './database';
import { explainOpenFailure } from './sqliteErrors';
import { MIGRATIONS, type Migration } from './migrations/index';
import { migrationHash, migrationRecordProblem, type AppliedMigration } from './migrationRecords';

export { migrationHash };

/** The file is a workstation database that is damaged or cannot be brought up to date. */
export class DamagedDatabaseError extends AppError {
  constructor(
    readonly file: string,
    /** What is wrong, in words (SQLite's own lines for a failed check). */
    readonly problem: string,
  ) {
    super(`数据库“${file}”${problem}`, { file: basename(file) });
  }
}

const SQLITE_HEADER = 'SQLite format 3\u0000';
const BUSY_TIMEOUT_MS = 5_000;

export interface OpenOptions {
  /** For tests; the real list is MIGRATIONS. */
  migrations?: readonly Migration[];
}

/** Reads the first 16 bytes without opening the file through sqlite, so a foreign file is left exactly as it was. */
async function looksLikeForeignFile(file: string): Promise<boolean> {
  let handle;
  try {
    handle = await openFile(file, 'r');
  } catch {
    return false; // missing: sqlite will create it
  }
  try {
    const buffer = Buffer.alloc(16);
    const { bytesRead } = await handle.read(buffer, 0, 16, 0);
    if (bytesRead === 0) return false; // an empty file is a valid empty database
    return buffer.subarray(0, bytesRead).toString('latin1') !== SQLITE_HEADER;
  } finally {
    await handle.close();
  }
}

function notADatabase(file: string): AppError {
  return new AppError(`文件“${file}”不是决算工作站的数据库（不是 SQLite 数据库文件），未作任何改动`, {
    file: basename(file),
  });
}

function reason(err: unknown): string {
  if (err instanceof AppError) return err.message;
  const code = sqliteCode(err);
  if (code === 'SQLITE_CANTOPEN') return '无法打开文件（路径不存在或没有读写权限）';
  if (code === 'SQLITE_BUSY') return '数据库正被另一个程序使用';
  if (code === 'SQLITE_READONLY') return '文件是只读的';
  if (code === 'SQLITE_CORRUPT') return '数据库文件已损坏';
  return err instanceof Error ? err.message : String(err);
}

/** Checks the applied migrations and applies the pending ones (also after a backup was restored into an open database). */
export async function migrate(db: Database, file: string, migrations: readonly Migration[] = MIGRATIONS): Promise<void> {
  await db.exec(`CREATE TABLE IF NOT EXISTS schema_migrations (
    id         INTEGER PRIMARY KEY,
    name       TEXT NOT NULL,
    sha256     TEXT NOT NULL,
    applied_at TEXT NOT NULL
  )`);
  const applied = await db.all<AppliedMigration>('SELECT id, name, sha256 FROM schema_migrations ORDER BY id');
  // An unknown or altered record: the schema may not be what the program expects, so nothing is read or
  // written; the database is set aside like a damaged one (renamed, never deleted) and a good backup offered.
  const problem = migrationRecordProblem(applied, migrations);
  if (problem !== null) throw new DamagedDatabaseError(file, problem);
  const done = new Set(applied.map((r) => r.id));
  const pending = [...migrations].sort((a, b) => a.id - b.id).filter((m) => !done.has(m.id));
  if (pending.length === 0) return;
  // All pending migrations in one transaction: one commit (one fsync) for a new database instead of one
  // per migration, and a failure anywhere leaves the database exactly as it was.
  let current: Migration | undefined;
  try {
    await db.transaction(async (tx) => {
      for (const migration of pending) {
        current = migration;
        await tx.exec(migration.sql);
        await tx.run('INSERT INTO schema_migrations (id, name, sha256, applied_at) VALUES (?, ?, ?, ?)', [
          migration.id,
          migration.name,
          migrationHash(migration.sql),
          new Date().toISOString(),
        ]);
      }
    });
  } catch (err) {
    throw new DamagedDatabaseError(file, `升级 ${current?.name ?? ''} 失败（已回滚，数据未改动）：${reason(err)}`);
  }
}

/** Opens, checks, configures and migrates the database at `file` (created, with its folder, if missing). */
export async function openDatabase(file: string, options: OpenOptions = {}): Promise<Database> {
  const migrations = options.migrations ?? MIGRATIONS;
  if (await looksLikeForeignFile(file)) throw notADatabase(file);
  try {
    await mkdir(dirname(file), { recursive: true });
  } catch (err) {
    throw new AppError(`无法创建数据库所在的文件夹“${dirname(file)}”：${reason(err)}`, { file: basename(file) });
  }
  let db: Database;
  try {
    db = await Database.open(file);
  } catch (caught) {
    const err = await explainOpenFailure(caught, file);
    if (err instanceof AppError) throw err;
    throw new AppError(`无法打开数据库“${file}”：${reason(err)}`, { file: basename(file) });
  }
  try {
    db.configureBusyTimeout(BUSY_TIMEOUT_MS);
    let tables: { name: string }[];
    try {
      tables = await db.all<{ name: string }>("SELECT name FROM sqlite_master WHERE type = 'table'");
    } catch (err) {
      // The header said SQLite (foreign files were turned away above), so this is a damaged one.
      if (sqliteCode(err) === 'SQLITE_NOTADB') throw new DamagedDatabaseError(file, '已损坏（文件头完好，但内容不是有效的数据库）');
      throw err;
    }
    const names = new Set(tables.map((t) => t.name));
    if (names.size > 0 && !names.has('schema_migrations')) {
      throw new AppError(`文件“${file}”是其他程序的 SQLite 数据库，不是决算工作站的数据库，未作任何改动`, {
        file: basename(file),
      });
    }
    const quick = await db.all<Record<string, string>>('PRAGMA quick_check(5)');
    const lines = quick.map((r) => Object.values(r)[0] ?? '');
    if (!(lines.length === 1 && lines[0] === 'ok')) {
      throw new DamagedDatabaseError(file, `已损坏（快速完整性检查${problemWords(lines)}）`);
    }
    const mode = await db.get<{ journal_mode: string }>('PRAGMA journal_mode = WAL');
    if (mode?.journal_mode !== 'wal') throw new AppError('无法启用预写日志（WAL）模式');
    await db.exec('PRAGMA synchronous = FULL; PRAGMA foreign_keys = ON');
    try {
      await migrate(db, file, migrations);
    } catch (err) {
      // A migration record that does not match may be damage rather than an edited script: the full check tells.
      if (err instanceof AppError && !(err instanceof DamagedDatabaseError)) {
        const full = await db.all<Record<string, string>>('PRAGMA integrity_check(5)').catch(() => [{ x: 'error' }]);
        const problems = full.map((r) => Object.values(r)[0] ?? '');
        if (!(problems.length === 1 && problems[0] === 'ok')) {
          throw new DamagedDatabaseError(file, `已损坏（完整性检查${problemWords(problems)}）`);
        }
      }
      throw err;
    }
    return db;
  } catch (caught) {
    await db.close().catch(() => undefined);
    if (caught instanceof DamagedDatabaseError) throw caught;
    // Pages SQLite cannot read while checking or migrating: damage, to be set aside like a failed check.
    const code = sqliteCode(caught);
    if (code === 'SQLITE_CORRUPT' || code === 'SQLITE_NOTADB') throw new DamagedDatabaseError(file, '已损坏（读取时发现损坏的数据页）');
    const err = await explainOpenFailure(caught, file);
    if (err instanceof AppError) throw err;
    throw new AppError(`无法打开数据库“${file}”：${reason(err)}`, { file: basename(file) });
  }
}
