import { readFile, readdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AppError } from '../../../../shared/api/errors';
import { Database } from '../../../../electron/services/store/database';
import { MIGRATIONS } from '../../../../electron/services/store/migrations/index';
import { DamagedDatabaseError, migrationHash, openDatabase } from '../../../../electron/services/store/openDatabase';
import { makeTempDir } from '../tempDir';

let temp: Awaited<ReturnType<typeof makeTempDir>>;
beforeAll(async () => {
  temp = await makeTempDir();
});
afterAll(async () => {
  await temp.remove();
});

async function refusal(promise: Promise<unknown>): Promise<AppError> {
  const err = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  if (!(err instanceof AppError)) throw new Error(`expected an AppError, got ${String(err)}`);
  return err;
}

describe('openDatabase', () => {
  it('creates the folder and file, sets WAL, synchronous=FULL, foreign keys and a busy timeout', async () => {
    const file = join(temp.dir, 'nested', 'a.db');
    const db = await openDatabase(file);
    try {
      expect(await db.get<{ journal_mode: string }>('PRAGMA journal_mode')).toEqual({ journal_mode: 'wal' });
      // 2 = FULL
      expect(await db.get<{ synchronous: number }>('PRAGMA synchronous')).toEqual({ synchronous: 2 });
      expect(await db.get<{ foreign_keys: number }>('PRAGMA foreign_keys')).toEqual({ foreign_keys: 1 });
      const timeout = await db.get<{ timeout: number }>('PRAGMA busy_timeout');
      expect(timeout?.timeout).toBeGreaterThanOrEqual(1000);
    } finally {
      await db.close();
    }
  });

  it('records every migration with the sha256 of its text and applies it once', async () => {
    const file = join(temp.dir, 'migrations.db');
    await (await openDatabase(file)).close();
    const db = await openDatabase(file); // second open applies nothing new
    try {
      const rows = await db.all<{ id: number; name: string; sha256: string }>('SELECT id, name, sha256 FROM schema_migrations');
      expect(rows).toEqual(MIGRATIONS.map((m) => ({ id: m.id, name: m.name, sha256: migrationHash(m.sql) })));
      const tables = await db.all<{ name: string }>("SELECT name FROM sqlite_master WHERE type='table' ORDER BY name");
      expect(tables.map((t) => t.name)).toEqual([
        'cells', 'change_batches', 'change_log', 'dept_adjustments', 'dept_change_batches', 'dept_change_log', 'dept_texts', 'exchange_imports', 'perf_change_log', 'perf_dept', 'perf_indicators', 'perf_projects', 'perf_tasks',
        'print_records', 'print_settings', 'report_rows', 'reports', 'schema_migrations', 'sqlite_sequence', 'texts', 'typed_cells', 'undo_steps', 'units', 'year_catalogue_entries', 'year_catalogues',
      ]);
    } finally {
      await db.close();
    }
  });

  it('refuses a database whose applied migration text changed, and leaves it as it was', async () => {
    const file = join(temp.dir, 'tampered.db');
    await (await openDatabase(file)).close();
    const before = await readFile(file);
    const tampered = MIGRATIONS.map((m) => (m.id === 1 ? { ...m, sql: `${m.sql}\n-- edited` } : m));
    const err = await refusal(openDatabase(file, { migrations: tampered }));
    expect(err.message).toContain('0001_init');
    expect(err.message).toContain(file);
    expect(err.message).toMatch(/不一致/);
    // Treated as damage: the services set it aside by renaming and offer the newest good backup.
    expect(err).toBeInstanceOf(DamagedDatabaseError);
    expect(await readFile(file)).toEqual(before);
  });

  it('applies a new migration in its own transaction and rolls a failing one back', async () => {
    const file = join(temp.dir, 'failing.db');
    await (await openDatabase(file)).close();
    // Numbered after the program's own migrations (ids may have gaps), as the next real one would be.
    const next = Math.max(...MIGRATIONS.map((m) => m.id)) + 1;
    const good = [...MIGRATIONS, { id: next, name: `000${next}_extra`, sql: 'CREATE TABLE extra (x INTEGER);' }];
    await (await openDatabase(file, { migrations: good })).close();
    const bad = [
      ...good,
      { id: next + 1, name: `000${next + 1}_broken`, sql: 'CREATE TABLE half (x INTEGER); INSERT INTO no_such_table VALUES (1);' },
    ];
    const err = await refusal(openDatabase(file, { migrations: bad }));
    expect(err.message).toContain(`000${next + 1}_broken`);
    expect(err.message).toContain(file);
    const db = await openDatabase(file, { migrations: good });
    try {
      const names = (await db.all<{ name: string }>("SELECT name FROM sqlite_master WHERE type='table'")).map((t) => t.name);
      expect(names).toContain('extra');
      expect(names).not.toContain('half');
      const ids = (await db.all<{ id: number }>('SELECT id FROM schema_migrations ORDER BY id')).map((r) => r.id);
      expect(ids).toEqual([...MIGRATIONS.map((m) => m.id), next]);
    } finally {
      await db.close();
    }
  });

  it('refuses a database migrated by a newer program', async () => {
    const file = join(temp.dir, 'newer.db');
    const next = Math.max(...MIGRATIONS.map((m) => m.id)) + 1;
    const newer = [...MIGRATIONS, { id: next, name: `000${next}_future`, sql: 'CREATE TABLE future (x INTEGER);' }];
    await (await openDatabase(file, { migrations: newer })).close();
    const err = await refusal(openDatabase(file));
    expect(err.message).toContain(`000${next}_future`);
    expect(err).toBeInstanceOf(DamagedDatabaseError);
  });

  it('refuses a file that is not a SQLite database, naming it and leaving it untouched', async () => {
    const file = join(temp.dir, 'notes.db');
    const content = '这不是数据库，而是一份说明。'.repeat(200);
    await writeFile(file, content, 'utf8');
    const err = await refusal(openDatabase(file));
    expect(err.message).toContain(file);
    expect(err.message).toContain('不是 SQLite 数据库');
    expect(await readFile(file, 'utf8')).toBe(content);
    expect((await readdir(temp.dir)).filter((n) => n.startsWith('notes.db'))).toEqual(['notes.db']);
  });

  it("refuses another program's SQLite database without adding tables to it", async () => {
    const file = join(temp.dir, 'other.db');
    const other = await Database.open(file);
    await other.exec('CREATE TABLE contacts (name TEXT)');
    await other.close();
    const before = await readFile(file);
    const err = await refusal(openDatabase(file));
    expect(err.message).toContain('其他程序');
    expect(await readFile(file)).toEqual(before);
  });
});

describe('Database.transaction', () => {
  it('serialises two callers so their statements never interleave, and rolls back on error', async () => {
    const db = await openDatabase(join(temp.dir, 'tx.db'));
    try {
      await db.exec('CREATE TABLE log (who TEXT, n INTEGER)');
      const slow = db.transaction(async (tx) => {
        await tx.run('INSERT INTO log VALUES (?, ?)', ['a', 1]);
        await new Promise((r) => setTimeout(r, 30));
        await tx.run('INSERT INTO log VALUES (?, ?)', ['a', 2]);
      });
      const failing = db.transaction(async (tx) => {
        await tx.run('INSERT INTO log VALUES (?, ?)', ['b', 1]);
        throw new Error('boom');
      });
      const fast = db.transaction(async (tx) => {
        await tx.run('INSERT INTO log VALUES (?, ?)', ['c', 1]);
      });
      await slow;
      await expect(failing).rejects.toThrow('boom');
      await fast;
      const rows = await db.all<{ who: string; n: number }>('SELECT who, n FROM log ORDER BY rowid');
      expect(rows).toEqual([
        { who: 'a', n: 1 },
        { who: 'a', n: 2 },
        { who: 'c', n: 1 },
      ]);
    } finally {
      await db.close();
    }
  });
});
