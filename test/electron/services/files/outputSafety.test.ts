/**
 * No command can destroy a database: an output path that is the open database, one of its
 * companion files, or any other SQLite database is refused with a Chinese message, and the database
 * keeps every unit. Every output is written under a temporary name and renamed when complete, so a
 * failed write (a full disk) leaves the old file and nothing else.
 */
import { link, mkdir, readdir, readFile, stat, symlink, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { writeFileAtomic } from '../../../../electron/services/files/writeFileAtomic';
import { ReportStore } from '../../../../electron/services/store/reportStore';
import { tinyDisk } from '../../../support/tinyDisk';
import { runMain } from '../../cli/inProcess';
import { makeTempDir } from '../tempDir';

let temp: Awaited<ReturnType<typeof makeTempDir>>;
let db: string;

async function unitCodes(file: string): Promise<string[]> {
  const store = await ReportStore.open(file);
  try {
    return (await store.listUnits()).map((u) => u.code);
  } finally {
    await store.close();
  }
}

async function ok(...args: string[]): Promise<string> {
  const run = await runMain(...args);
  expect(run.stderr).toBe('');
  expect(run.code).toBe(0);
  return run.stdout;
}

beforeAll(async () => {
  temp = await makeTempDir('juesuan-out-');
  db = join(temp.dir, 'v.sqlite');
  for (const code of ['001', '002', '003']) {
    await ok('unit', 'add', '--db', db, '--code', code, '--name', `单位${code}`, '--kind', '行政单位');
    await ok('set', '--db', db, '--unit', code, '--year', '2020', 'T03', '2010301', 'c2', '1000.00');
  }
});
afterAll(async () => {
  await temp.remove();
});

describe('an output path onto a database is refused', () => {
  const report = (file: string) => ['--db', file, '--unit', '001', '--year', '2020'];

  it('export-json --out naming the database itself, however spelled', async () => {
    await mkdir(join(temp.dir, 'sub'), { recursive: true });
    await symlink(db, join(temp.dir, 'alias.sqlite'));
    await link(db, join(temp.dir, 'hard.sqlite'));
    const before = await readFile(db);
    for (const out of [db, join(temp.dir, 'sub', '..', 'v.sqlite'), join(temp.dir, 'alias.sqlite'), join(temp.dir, 'hard.sqlite')]) {
      const run = await runMain('export-json', ...report(db), '--out', out);
      expect(run.code).toBe(1);
      expect(run.stderr).toMatch(/^不能写入“.*”：这是正在使用的数据库文件“.*v\.sqlite”。请换一个文件名或位置；数据库未被改动。\n$/);
    }
    expect(await readFile(db)).toEqual(before);
    expect(await unitCodes(db)).toEqual(['001', '002', '003']);
  });

  it('export-json --out naming the -wal, -shm or -journal file of the open database', async () => {
    for (const suffix of ['-wal', '-shm', '-journal']) {
      const run = await runMain('export-json', ...report(db), '--out', `${db}${suffix}`);
      expect(run.code).toBe(1);
      expect(run.stderr).toContain('附属文件');
    }
    expect(await unitCodes(db)).toEqual(['001', '002', '003']);
  });

  it('export-xlsx and narrative onto the database (named like their outputs) are refused too', async () => {
    const book = join(temp.dir, 'book.xlsx');
    const text = join(temp.dir, 'notes.txt');
    for (const file of [book, text]) {
      await ok('unit', 'add', '--db', file, '--code', '001', '--name', '单位', '--kind', '行政单位');
      await ok('set', ...report(file), 'T03', '2010301', 'c2', '5.00');
    }
    const xlsx = await runMain('export-xlsx', ...report(book), '--out', book, '--draft');
    expect(xlsx.code).toBe(1);
    expect(xlsx.stderr).toContain('这是正在使用的数据库文件');
    const narrative = await runMain('narrative', ...report(text), '--out', text);
    expect(narrative.code).toBe(1);
    expect(narrative.stderr).toContain('这是正在使用的数据库文件');
    expect(await unitCodes(book)).toEqual(['001']);
    expect(await unitCodes(text)).toEqual(['001']);
  });

  it('an output over another database that is not open is refused as well', async () => {
    const other = join(temp.dir, 'other.sqlite');
    await ok('unit', 'add', '--db', other, '--code', '009', '--name', '别的单位', '--kind', '行政单位');
    const run = await runMain('export-json', ...report(db), '--out', other);
    expect(run.code).toBe(1);
    expect(run.stderr).toContain('该文件是一个 SQLite 数据库');
    expect(await unitCodes(other)).toEqual(['009']);
  });

  it('an ordinary output is written whole, and no temporary file is left beside it', async () => {
    const outDir = join(temp.dir, 'exports');
    await mkdir(outDir);
    const out = join(outDir, '报表.json');
    await writeFile(out, 'old');
    await ok('export-json', ...report(db), '--out', out);
    expect(JSON.parse(await readFile(out, 'utf8'))).toMatchObject({ format: 'juesuan-report', unit: { code: '001' } });
    expect(await readdir(outDir)).toEqual(['报表.json']);
  });
});

describe('writeFileAtomic', () => {
  it('names a missing folder in Chinese and creates nothing', async () => {
    const target = join(temp.dir, 'missing', 'a.json');
    await expect(writeFileAtomic(target, '{}')).rejects.toThrow(/^文件夹“.*missing”不存在，无法写入“a\.json”/);
    await expect(stat(join(temp.dir, 'missing'))).rejects.toThrow();
  });

  it('on a full disk keeps the old file, leaves no temporary behind and says the disk is full', async () => {
    const disk = await tinyDisk(256);
    try {
      const target = join(disk.dir, '公开表.xlsx');
      await writeFileAtomic(target, 'the old, complete file');
      await disk.fill();
      await expect(writeFileAtomic(target, Buffer.alloc(200 * 1024, 7))).rejects.toThrow(/^磁盘空间不足，无法写入“.*公开表\.xlsx”/);
      expect(await readFile(target, 'utf8')).toBe('the old, complete file');
      expect((await readdir(disk.dir)).sort()).toEqual(['filler.bin', '公开表.xlsx']);
      // The CLI's export onto the full disk: refused in Chinese, nothing left behind.
      const run = await runMain('export-xlsx', '--db', db, '--unit', '001', '--year', '2020', '--draft', '--out', join(disk.dir, 'new.xlsx'));
      expect(run.code).toBe(1);
      expect(run.stderr).toMatch(/^磁盘空间不足，无法写入“.*new\.xlsx”/);
      expect((await readdir(disk.dir)).sort()).toEqual(['filler.bin', '公开表.xlsx']);
      await disk.unfill();
      await writeFileAtomic(target, 'new');
      expect(await readFile(target, 'utf8')).toBe('new');
    } finally {
      await disk.remove();
    }
  });
});
