/**
 * A database whose record of applied migrations was altered (a recorded sha256 that no longer matches
 * the program's migration, or a migration the program does not know) is treated like a damaged one on
 * real files: set aside by renaming, never deleted, and the newest good backup offered in words naming
 * both files — by the CLI (which stops), the web host and the app (which open a new empty database).
 * A backup with such a record is never offered, nor restored.
 */
import { access, copyFile, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { backupFolderFor, backupName, listBackupFiles } from '../../../electron/services/backup/backupFiles';
import { checkFile } from '../../../electron/services/backup/integrity';
import { Database } from '../../../electron/services/store/database';
import { makeTempDir } from '../services/tempDir';
import { cli, cliOk, startWeb, webOk } from './storeHarness';

let temp: Awaited<ReturnType<typeof makeTempDir>>;
let db: string;
const ref = { unit: '001', year: 2020 };
const at = () => ['--db', db, '--unit', '001', '--year', '2020'];

beforeEach(async () => {
  temp = await makeTempDir('juesuan-migrations-');
  db = join(temp.dir, '决算.sqlite');
  await cliOk('unit', 'add', '--db', db, '--code', '001', '--name', '某某县政务服务管理局', '--kind', '行政单位');
  await cliOk('set', ...at(), 'T03', '2010301', 'c2', '6,330.95');
});

afterEach(async () => {
  await temp.remove();
});

async function exists(file: string): Promise<boolean> {
  try {
    await access(file);
    return true;
  } catch {
    return false;
  }
}

/** Changes the migration record of a closed database file with plain SQL, as a tool or a hand would. */
async function alterRecord(file: string, sql: string): Promise<void> {
  const raw = await Database.open(file);
  try {
    await raw.exec(sql);
  } finally {
    await raw.close();
  }
}

const ALTERED_HASH = "UPDATE schema_migrations SET sha256 = 'f00d' || substr(sha256, 5) WHERE name = '0003_register'";
const UNKNOWN = "INSERT INTO schema_migrations (id, name, sha256, applied_at) VALUES (999, '0999_future', 'abc', '2030-01-01T00:00:00.000Z')";

describe('a database with an altered migration record', () => {
  it('CLI: a recorded sha256 that no longer matches → set aside by renaming, both files named, the good backup restored', async () => {
    await cliOk('backup', 'create', '--db', db);
    const good = (await listBackupFiles(backupFolderFor(db)))[0]!;
    await cliOk('set', ...at(), 'T03', '2010302', 'c2', '12.00');
    await alterRecord(db, ALTERED_HASH);
    const altered = await readFile(db);

    const run = await cli('show', ...at());
    expect(run.code).toBe(1);
    const message = run.err.trim();
    expect(message.split('\n')).toHaveLength(1);
    expect(message).toContain(`数据库“${db}”`);
    expect(message).toContain('0003_register');
    expect(message).toContain('不一致');
    expect(message).toContain('没有删除');
    expect(message).toContain(good.path);
    expect(message).toContain(`juesuan backup restore --db "${db}" ${good.name}`);
    const renamed = /已改名为“([^”]+)”/.exec(message)?.[1] ?? '';
    expect(renamed.startsWith(`${db}.damaged-`)).toBe(true);
    // Kept byte for byte: the clerk (or support) can still read it.
    expect(await readFile(renamed)).toEqual(altered);
    expect(await exists(db)).toBe(false);

    await cliOk('backup', 'restore', '--db', db, good.name);
    const shown = JSON.parse(await cliOk('show', ...at(), '--json', '--table', 'T03'));
    expect(shown.tables.T03['2010301'].c2).toBe('6330.95');
    expect(await checkFile(db)).toEqual([]);
  });

  it('web host: an unknown recorded migration → set aside, a new empty database opened, the newest good backup offered and restored', async () => {
    await cliOk('backup', 'create', '--db', db);
    const good = (await listBackupFiles(backupFolderFor(db)))[0]!;
    await alterRecord(db, UNKNOWN);
    const altered = await readFile(db);
    const host = await startWeb(temp.dir, db);
    try {
      const status = await webOk(host, 'backupStatus', {});
      expect(status.setAside?.original).toBe(db);
      expect(status.setAside?.problem).toContain('0999_future');
      const renamed = status.setAside?.renamedTo ?? '';
      expect(renamed).toMatch(/\.damaged-/);
      expect(await readFile(renamed)).toEqual(altered);
      expect(status.setAside?.newestGood?.name).toBe(good.name);
      expect(await webOk(host, 'listUnits', {})).toEqual([]);
      await webOk(host, 'restoreBackup', { name: good.name });
      expect((await webOk(host, 'openReport', ref)).inputs['T03:2010301:c2']).toBe(633_095);
    } finally {
      await host.close();
    }
  });

  it('a backup with an altered record is neither offered nor restored; the older good one is offered', async () => {
    await cliOk('backup', 'create', '--db', db);
    const good = (await listBackupFiles(backupFolderFor(db)))[0]!;
    // A newer backup whose record was altered, then the database itself.
    const newer = join(backupFolderFor(db), backupName(new Date(good.at.getTime() + 60_000), 'manual'));
    await copyFile(good.path, newer);
    await alterRecord(newer, ALTERED_HASH);
    const problems = await checkFile(newer);
    expect(problems.join(' ')).toContain('0003_register');
    await alterRecord(db, ALTERED_HASH);

    const run = await cli('show', ...at());
    expect(run.code).toBe(1);
    expect(run.err).toContain(good.path);
    expect(run.err).not.toContain(newer);

    const refused = await cli('backup', 'restore', '--db', db, newer.slice(newer.lastIndexOf('/') + 1));
    expect(refused.code).toBe(1);
    expect(refused.err).toContain('0003_register');
    expect(refused.err).toContain('未恢复');
  });
});
