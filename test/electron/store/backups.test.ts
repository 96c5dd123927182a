/**
 * Backups on real files: taken at open, before imports and every 10 minutes of edits; rotated; restored
 * (after backing up the current state), also under an open web host; a damaged database detected at
 * open, set aside by renaming, and the newest good backup offered and restored. A database whose record of
 * applied migrations was altered (a sha256 that no longer matches, a migration the program does not know) is
 * treated the same way, by the CLI (which stops) and the web host (which opens a new empty database); a
 * backup with such a record is neither offered nor restored.
 */
import ExcelJS from 'exceljs';
import { access, readdir, readFile } from 'node:fs/promises';
import { basename, join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { backupFolderFor, backupName, listBackupFiles } from '../../../electron/services/backup/backupFiles';
import { BackupService } from '../../../electron/services/backup/backupService';
import { checkFile } from '../../../electron/services/backup/integrity';
import { backupsToRemove } from '../../../electron/services/backup/retention';
import { createServices } from '../../../electron/services/createServices';
import { Database } from '../../../electron/services/store/database';
import { ReportStore } from '../../../electron/services/store/reportStore';
import { AppError } from '../../../shared/api/errors';
import { makeTempDir } from '../services/tempDir';
import { copyFile } from 'node:fs/promises';
import { damageFile, scrambleFile } from '../../../scripts/crash/damage';
import { scanDamage } from '../../../scripts/crash/damageScan';
import { cli, cliOk, startWeb, webOk } from './storeHarness';

let temp: Awaited<ReturnType<typeof makeTempDir>>;
let db: string;
const ref = { unit: '001', year: 2020 };
const at = () => ['--db', db, '--unit', '001', '--year', '2020'];

beforeEach(async () => {
  temp = await makeTempDir('juesuan-backup-');
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

async function reasons(): Promise<string[]> {
  return (await listBackupFiles(backupFolderFor(db))).map((b) => b.reason);
}

async function shownC2(): Promise<string> {
  return JSON.parse(await cliOk('show', ...at(), '--json', '--table', 'T03')).tables.T03['2010301'].c2;
}

describe('retention', () => {
  const day = (d: number, h: number, m = 0) => new Date(2026, 10, d, h, m);
  it('keeps the newest several of today, the newest of each of the 30 days before, and at most a fixed number', () => {
    const now = day(28, 18);
    const backups = [
      ...Array.from({ length: 14 }, (_, i) => ({ name: `today-${i}`, at: day(28, 8, i) })),
      { name: 'yesterday-early', at: day(27, 9) },
      { name: 'yesterday-late', at: day(27, 17) },
      { name: 'ten-days', at: day(18, 12) },
      { name: 'forty-days', at: new Date(2026, 9, 19, 12) },
    ];
    const removed = backupsToRemove(backups, now, { today: 10, days: 30, max: 50 });
    expect(removed.sort()).toEqual(['forty-days', 'today-0', 'today-1', 'today-2', 'today-3', 'yesterday-early']);
    const capped = backupsToRemove(backups, now, { today: 10, days: 30, max: 11 });
    expect(capped).toContain('ten-days');
    expect(capped).not.toContain('yesterday-late');
    expect(capped).not.toContain('today-13');
  });
});

describe('backups', () => {
  it('are taken at open (web host), before every import, and not again by a CLI command within 10 minutes', async () => {
    const first = await reasons();
    // The CLI's first command on a non-empty database took one at open; the next commands did not.
    expect(first).toEqual(['open']);
    const host = await startWeb(temp.dir, db);
    await host.close();
    expect(await reasons()).toEqual(['open', 'open']);

    const file = join(temp.dir, '报表.json');
    await cliOk('export-json', ...at(), '--out', file);
    await cliOk('import-json', '--db', db, file);
    expect((await reasons()).filter((r) => r === 'import')).toHaveLength(1);

    const workbook = join(temp.dir, '公开表.xlsx');
    await cliOk('export-xlsx', ...at(), '--out', workbook, '--draft');
    await cliOk('import-xlsx', ...at(), workbook);
    expect((await reasons()).filter((r) => r === 'import')).toHaveLength(2);
    for (const backup of await listBackupFiles(backupFolderFor(db))) expect(await checkFile(backup.path)).toEqual([]);
    // No temporary file is left in the folder.
    expect((await readdir(backupFolderFor(db))).every((n) => n.endsWith('.sqlite'))).toBe(true);
  });

  it('are taken before a roll-over, an exchange import and a report deletion, all in the one backup folder', async () => {
    await cliOk('rollover', '--db', db, '--unit', '001', '--from', '2020');
    expect((await reasons()).filter((r) => r === 'rollover')).toHaveLength(1);

    const exchange = join(temp.dir, '报送.json');
    await cliOk('unit', 'add', '--db', db, '--code', '100', '--name', '某某县财政局', '--kind', '行政单位');
    await cliOk('unit', 'move', '--db', db, '--code', '001', '--parent', '100');
    await cliOk('export-exchange', ...at(), '--out', exchange);
    await cliOk('set', ...at(), 'T03', '2010301', 'c2', '1.00');
    await cliOk('import-exchange', '--db', db, '--dept', '100', exchange);
    expect((await reasons()).filter((r) => r === 'import')).toHaveLength(1);

    const deleted = await cliOk('report', 'delete', '--db', db, '--unit', '001', '--year', '2021', '--yes');
    const named = /备份：(.+)$/.exec(deleted)?.[1] ?? '';
    const listed = await listBackupFiles(backupFolderFor(db));
    const made = listed.find((b) => b.reason === 'delete');
    expect(made?.path).toBe(named);
    expect(await checkFile(named)).toEqual([]);
    // The deleted year is in that backup: restoring it brings the report back.
    const services = await createServices({ dbPath: db, backupOnOpen: 'never' });
    try {
      expect(await services.api.findReport({ unit: '001', year: 2021 })).toBeNull();
      await services.api.restoreBackup({ name: made!.name });
      expect((await services.api.findReport({ unit: '001', year: 2021 }))?.stored).toBe(true);
    } finally {
      await services.close();
    }
  });

  it('are taken every 10 minutes while edits happen', async () => {
    let clock = new Date('2026-11-28T08:00:00Z').getTime();
    const services = await createServices({ dbPath: db, backupOnOpen: 'never', backup: { now: () => new Date(clock) } });
    try {
      const edit = async (value: number) => {
        await services.api.setCells({ ...ref, edits: [{ table: 'T03', row: '2010301', col: 'c3', value }] });
        await services.backups.settled();
      };
      const periodic = async () => (await services.backups.list()).filter((b) => b.reason === 'periodic').length;
      // The CLI's open backup (beforeEach) is the last one; its time is the real clock's, far after `clock`.
      clock = Date.now() + 30_000;
      await edit(1);
      expect(await periodic()).toBe(0);
      clock += 9 * 60_000;
      await edit(2);
      expect(await periodic()).toBe(0);
      clock += 2 * 60_000;
      await edit(3);
      expect(await periodic()).toBe(1);
      clock += 60_000;
      await edit(4);
      expect(await periodic()).toBe(1);
      clock += 10 * 60_000;
      await edit(5);
      expect(await periodic()).toBe(2);
    } finally {
      await services.close();
    }
  });

  it('restore puts a backup back after backing up the current state, and an open web host reloads', async () => {
    const made = (await cliOk('backup', 'create', '--db', db)).match(/已备份到 (.+)$/)?.[1] ?? '';
    expect(await exists(made)).toBe(true);
    await cliOk('set', ...at(), 'T03', '2010301', 'c2', '9,999.00');

    const host = await startWeb(temp.dir, db);
    try {
      expect((await webOk(host, 'openReport', ref)).inputs['T03:2010301:c2']).toBe(999_900);
      const generation = (await webOk(host, 'reportStamp', ref)).generation;
      const listed = await cliOk('backup', 'list', '--db', db);
      expect(listed).toContain(basename(made));
      expect(listed).toContain('手动');

      const out = await cliOk('backup', 'restore', '--db', db, basename(made));
      expect(out).toContain('恢复前的数据已备份为');
      expect(await shownC2()).toBe('6330.95');
      // The web host (another connection) notices and shows the restored figures.
      expect((await webOk(host, 'reportStamp', ref)).generation).toBe(generation + 1);
      expect((await webOk(host, 'openReport', ref)).inputs['T03:2010301:c2']).toBe(633_095);

      // The state before the restore is in the safety backup: restoring it from the web host brings 9,999.00 back.
      const status = await webOk(host, 'backupStatus', {});
      const safety = status.backups.find((b) => b.reason === 'restore');
      expect(safety).toBeDefined();
      const result = await webOk(host, 'restoreBackup', { name: safety!.name });
      expect(result.safety?.reason).toBe('restore');
      expect((await webOk(host, 'openReport', ref)).inputs['T03:2010301:c2']).toBe(999_900);
    } finally {
      await host.close();
    }
    expect(await shownC2()).toBe('9999.00');
  });

  it('a damaged database is found at open, set aside by renaming, and the newest good backup offered and restored', async () => {
    await cliOk('backup', 'create', '--db', db);
    const good = (await listBackupFiles(backupFolderFor(db)))[0]!;
    // More rows so the damage falls on data pages, then a damaged copy made in place.
    for (const row of ['2010302', '2010303', '2010306', '2010308', '2010309']) await cliOk('set', ...at(), 'T03', row, 'c2', '1.00');
    const damaged = await damageFile(db, 20261128);
    expect(await checkFile(db)).not.toEqual([]);

    const run = await cli('show', ...at());
    expect(run.code).toBe(1);
    const message = run.err.trim();
    expect(message.split('\n')).toHaveLength(1);
    expect(message).toContain(`数据库“${db}”`);
    expect(message).toContain('已损坏');
    expect(message).toContain('没有删除');
    // SQLite's own (English) lines stay out of the clerk's message.
    expect(message.replaceAll(temp.dir, '')).not.toMatch(/Tree|page|corrupt|database main/i);
    expect(message).toContain(good.path);
    const renamed = /已改名为“([^”]+)”/.exec(message)?.[1] ?? '';
    expect(renamed.startsWith(`${db}.damaged-`)).toBe(true);
    expect(await readFile(renamed)).toEqual(damaged);
    expect(await exists(db)).toBe(false);

    const restored = await cliOk('backup', 'restore', '--db', db, good.name);
    expect(restored).toContain(good.name);
    expect(await shownC2()).toBe('6330.95');
    expect(await checkFile(db)).toEqual([]);
  });

  it('the web host opens a new database in place of a damaged one and offers the newest good backup', async () => {
    await cliOk('backup', 'create', '--db', db);
    for (const row of ['2010302', '2010303', '2010306', '2010308', '2010309']) await cliOk('set', ...at(), 'T03', row, 'c2', '1.00');
    await damageFile(db, 7);
    const host = await startWeb(temp.dir, db);
    try {
      const status = await webOk(host, 'backupStatus', {});
      expect(status.setAside?.original).toBe(db);
      expect(status.setAside?.renamedTo).toMatch(/\.damaged-/);
      const offered = status.setAside?.newestGood;
      expect(offered?.reason).toBe('manual');
      expect(await webOk(host, 'listUnits', {})).toEqual([]);
      await webOk(host, 'restoreBackup', { name: offered!.name });
      expect((await webOk(host, 'openReport', ref)).inputs['T03:2010301:c2']).toBe(633_095);
    } finally {
      await host.close();
    }
  });

  it('of 30 copies with random bytes changed, every one that fails integrity_check is set aside when the workstation opens it', async () => {
    for (const row of ['2010302', '2010303', '2010306', '2010308', '2010309', '2010350', '2010399']) await cliOk('set', ...at(), 'T03', row, 'c2', '1.00');
    const original = join(temp.dir, 'original.sqlite');
    await copyFile(db, original);
    let damaged = 0;
    let caught = 0;
    let refused = 0;
    for (let seed = 1; seed <= 30; seed += 1) {
      const copy = join(temp.dir, `copy-${seed}.sqlite`);
      await copyFile(original, copy);
      await scrambleFile(copy, seed);
      const bad = (await checkFile(copy)).length > 0;
      let setAside = false;
      try {
        const services = await createServices({ dbPath: copy, onDamaged: 'recover', backupOnOpen: 'always' });
        setAside = services.setAside !== null;
        await services.close();
      } catch (err) {
        // Refused cleanly (e.g. a changed byte in a migration record): a Chinese message, nothing opened.
        expect(err).toBeInstanceOf(AppError);
        refused += 1;
      }
      if (bad) damaged += 1;
      if (bad && setAside) caught += 1;
      // A copy that passes the check is never set aside.
      if (!bad) expect(setAside).toBe(false);
    }
    expect(damaged).toBeGreaterThan(0);
    expect(caught).toBe(damaged);
    expect(refused).toBeLessThan(30);
  });

  it('20 damaged copies: none that fails the check opens (also when the check itself cannot read a page), none crashes', async () => {
    const counts = await scanDamage(20, 1);
    expect(counts.crashes).toEqual([]);
    expect(counts.damagedOpened).toBe(0);
    expect(counts.checkFailed).toBeGreaterThan(0);
    expect(counts.setAside + counts.refused).toBeGreaterThanOrEqual(counts.checkFailed);
  });

  it('never backs up a database that fails the full integrity check, so the last good backup stays', async () => {
    await cliOk('backup', 'create', '--db', db);
    for (const row of ['2010302', '2010303', '2010306', '2010308', '2010309']) await cliOk('set', ...at(), 'T03', row, 'c2', '1.00');
    const before = (await listBackupFiles(backupFolderFor(db))).map((b) => b.name);
    await damageFile(db, 99);
    // Opened without the checks openDatabase makes, as a database that went bad while open would be.
    const store = new ReportStore(await Database.open(db));
    const service = new BackupService(store);
    try {
      await expect(service.backupNow('manual')).rejects.toThrow(/完整性检查未通过/);
    } finally {
      service.stop();
      await store.close();
    }
    expect((await listBackupFiles(backupFolderFor(db))).map((b) => b.name)).toEqual(before);
  });
});

void ExcelJS;

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
