/**
 * SQLite failures a clerk can cause, on real files: a full disk, a read-only file or folder, a
 * damaged or truncated file, a database locked by another program. Each is one Chinese sentence
 * naming the file and what to do — never “内部错误：SQLITE_…”.
 */
import { chmod, copyFile, open, readFile, stat, truncate } from 'node:fs/promises';
import { join } from 'node:path';
import sqlite3 from 'sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createServices } from '../../../../electron/services/createServices';
import { dispatch } from '../../../../electron/services/dispatch';
import { Database } from '../../../../electron/services/store/database';
import { tinyDisk } from '../../../support/tinyDisk';
import { runMain } from '../../cli/inProcess';
import { makeTempDir } from '../tempDir';

let temp: Awaited<ReturnType<typeof makeTempDir>>;
beforeAll(async () => {
  temp = await makeTempDir('juesuan-sqlerr-');
});
afterAll(async () => {
  await temp.remove();
});

const ref = { unit: '001', year: 2020 };
const isRoot = process.getuid?.() === 0;

async function seed(file: string): Promise<void> {
  const s = await createServices({ dbPath: file, settingsFile: join(temp.dir, 'settings.json') });
  try {
    await dispatch(s.api, 'addUnit', { code: '001', name: '局', kind: '行政单位' });
    await dispatch(s.api, 'openReport', ref);
    await dispatch(s.api, 'setTexts', { ...ref, texts: { 'narrative.duty': '主要职能' } });
  } finally {
    await s.close();
  }
}

function expectClerkMessage(text: string): void {
  expect(text).not.toMatch(/内部错误|SQLITE_|Error|errno/);
  expect(text).toMatch(/[\u4e00-\u9fff]/);
}

describe('a full disk', () => {
  it('refuses the write with “磁盘空间不足” naming the database; what was saved stays, and writing works again once there is room', async () => {
    const disk = await tinyDisk(1024);
    const file = join(disk.dir, '决算.sqlite');
    try {
      const s = await createServices({ dbPath: file, settingsFile: join(temp.dir, 'settings.json') });
      try {
        await dispatch(s.api, 'addUnit', { code: '001', name: '局', kind: '行政单位' });
        await dispatch(s.api, 'openReport', ref);
        await disk.fill();
        const full = await dispatch(s.api, 'setTexts', { ...ref, texts: { 'narrative.long': '字'.repeat(40_000) } });
        expect(full).toEqual({
          ok: false,
          error: {
            message: `磁盘空间不足，数据库“${file}”无法保存这次修改（这次修改未保存，以前保存的数据完好）。请清理磁盘空间后重试。`,
            where: { file: '决算.sqlite' },
          },
        });
        await disk.unfill();
        expect(await dispatch(s.api, 'setTexts', { ...ref, texts: { 'narrative.short': '短' } })).toMatchObject({ ok: true });
      } finally {
        await s.close();
      }
      const run = await runMain('show', '--db', file, '--unit', '001', '--year', '2020', '--json');
      expect(run.code).toBe(0);
    } finally {
      await disk.remove();
    }
  });

  it('opening a database on a full disk says the disk is full', async () => {
    const disk = await tinyDisk(1024);
    const file = join(disk.dir, 'v.sqlite');
    try {
      await seed(file);
      await disk.fill();
      const run = await runMain('set', '--db', file, '--unit', '001', '--year', '2020', 'T03', '2010301', 'c2', '1.00');
      expect(run.code).toBe(1);
      expect(run.stderr).toContain(`磁盘空间不足，数据库“${file}”`);
      expectClerkMessage(run.stderr);
    } finally {
      await disk.remove();
    }
  });
});

describe('a read-only database', () => {
  // root ignores file modes, so as root the file sits on a file system mounted read-only instead.
  it(`says “只读” naming the file (${isRoot ? 'read-only mount' : 'chmod 0444 / 0555'})`, async () => {
    const disk = isRoot ? await tinyDisk(1024) : null;
    const dir = disk ? disk.dir : temp.dir;
    const file = join(dir, 'ro.sqlite');
    try {
      await seed(file);
      if (disk) disk.readOnly();
      else {
        await chmod(file, 0o444);
        await chmod(dir, 0o555);
      }
      const before = await readFile(file);
      const readOnly = (run: { code: number; stderr: string }) =>
        expect(run.stderr).toBe(
          `数据库“${file}”是只读的（文件或所在文件夹不允许写入），无法保存修改。请检查该文件（及同名的 -wal、-shm 文件）和所在文件夹的权限，或把数据库复制到可以写入的文件夹后再打开。\n`,
        );
      const set = await runMain('set', '--db', file, '--unit', '001', '--year', '2020', 'T03', '2010301', 'c2', '1.00');
      expect(set.code).toBe(1);
      readOnly(set);
      // Reading may work (sqlite can read a WAL database whose -shm it can map) or be refused the same way.
      const show = await runMain('show', '--db', file, '--unit', '001', '--year', '2020');
      if (show.code !== 0 || disk) readOnly(show);
      expect(await readFile(file)).toEqual(before);
    } finally {
      if (disk) {
        disk.writable();
        await disk.remove();
      } else {
        await chmod(dir, 0o755);
        await chmod(file, 0o644);
      }
    }
  });
});

describe('a damaged database', () => {
  async function damagedCopies(): Promise<{ garbled: string; truncated: string }> {
    const good = join(temp.dir, 'good.sqlite');
    await seed(good);
    const garbled = join(temp.dir, 'garbled.sqlite');
    const truncated = join(temp.dir, 'truncated.sqlite');
    await copyFile(good, garbled);
    await copyFile(good, truncated);
    const size = (await stat(good)).size;
    const handle = await open(garbled, 'r+');
    // every page after the first: the schema survives, the tables' pages do not
    await handle.write(Buffer.alloc(size - 4096, 0xa5), 0, size - 4096, 4096);
    await handle.close();
    await truncate(truncated, Math.floor(size / 3));
    return { garbled, truncated };
  }

  it('is reported as damaged, naming the file and what to do, and is set aside exactly as it was (renamed, never deleted)', async () => {
    const { garbled, truncated } = await damagedCopies();
    for (const file of [garbled, truncated]) {
      const before = await readFile(file);
      const run = await runMain('show', '--db', file, '--unit', '001', '--year', '2020');
      expect(run.code).toBe(1);
      expect(run.stderr).toContain(`数据库“${file}”已损坏`);
      expect(run.stderr).toContain('备份');
      expectClerkMessage(run.stderr);
      const renamed = /已改名为“([^”]+)”/.exec(run.stderr)?.[1] ?? '';
      expect(renamed.startsWith(`${file}.damaged-`)).toBe(true);
      expect(await readFile(renamed)).toEqual(before);
    }
  });
});

describe('a database locked by another program', () => {
  it('says it is in use by another program', async () => {
    const file = join(temp.dir, 'busy.sqlite');
    await seed(file);
    const other = await new Promise<sqlite3.Database>((resolve, reject) => {
      const conn = new sqlite3.Database(file, (err) => (err ? reject(err) : resolve(conn)));
    });
    await new Promise<void>((resolve, reject) => other.exec('BEGIN EXCLUSIVE', (err) => (err ? reject(err) : resolve())));
    const db = await Database.open(file);
    db.configureBusyTimeout(10);
    try {
      await expect(db.exec("INSERT INTO units (code, name, kind) VALUES ('002', '乙', '行政单位')")).rejects.toThrow(
        `数据库“${file}”正被另一个程序占用（例如另一个决算工作站窗口或命令行正在写入），这次操作未完成。请稍后重试，或关闭其他使用该数据库的程序。`,
      );
    } finally {
      await db.close();
      await new Promise<void>((resolve) => other.exec('ROLLBACK', () => other.close(() => resolve())));
    }
  });
});

describe('the last net at the boundary', () => {
  it('turns an escaped SQLite or disk error into Chinese, and leaves program errors alone', async () => {
    const { asClerkError } = await import('../../../../electron/services/clerkError');
    const sqlite = Object.assign(new Error('SQLITE_FULL: database or disk is full'), { code: 'SQLITE_FULL' });
    expect((asClerkError(sqlite) as Error).message).toMatch(/^磁盘空间不足，数据库“数据库文件”/);
    const disk = Object.assign(new Error('ENOSPC: no space left on device, write'), { code: 'ENOSPC', path: '/x/a.xlsx' });
    expect((asClerkError(disk) as Error).message).toBe('磁盘空间不足，无法写入“/x/a.xlsx”。请清理磁盘后重试。');
    const bug = new TypeError('x is undefined');
    expect(asClerkError(bug)).toBe(bug);
    const constraint = Object.assign(new Error('SQLITE_CONSTRAINT: UNIQUE'), { code: 'SQLITE_CONSTRAINT' });
    expect(asClerkError(constraint)).toBe(constraint);
  });
});
