/**
 * The CLI as a clerk's script runs it: `node bin/juesuan.mjs …` in a child process, on real
 * SQLite files and the real yn-2020 pack.
 */
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeTempDir } from '../services/tempDir';
import { juesuan, ok } from './runCli';


/** A refusal: non-zero, exactly one line of Chinese on stderr, no stack trace. */
async function refused(...args: string[]): Promise<string> {
  const run = await juesuan(...args);
  expect(run.code).not.toBe(0);
  const lines = run.stderr.split('\n').filter((l) => l.trim() !== '');
  expect(lines).toHaveLength(1);
  expect(lines[0]).toMatch(/[\u4e00-\u9fff]/);
  expect(run.stderr).not.toMatch(/\n\s+at |Error:/);
  return lines[0] ?? '';
}

interface Shown {
  pack: string;
  unit: { code: string; name: string; kind: string; parent: string | null };
  year: number;
  tables: Record<string, Record<string, Record<string, string>>>;
}

function isShown(value: unknown): value is Shown {
  return typeof value === 'object' && value !== null && 'tables' in value && 'pack' in value;
}

async function showJson(file: string): Promise<{ text: string; value: Shown }> {
  const text = await ok('show', ...report(file), '--json');
  const value: unknown = JSON.parse(text);
  if (!isShown(value)) throw new Error(`not a show --json document: ${text.slice(0, 200)}`);
  return { text, value };
}

interface FileDoc {
  format: string;
  pack: string;
  year: number;
  unit: { code: string; name: string; kind: string; parent: string | null };
  rows: Record<string, string[]>;
  tables: Record<string, Record<string, Record<string, string>>>;
}

function isFileDoc(value: unknown): value is FileDoc {
  return typeof value === 'object' && value !== null && 'tables' in value && 'rows' in value && 'unit' in value;
}

async function readDoc(file: string): Promise<FileDoc> {
  const value: unknown = JSON.parse(await readFile(file, 'utf8'));
  if (!isFileDoc(value)) throw new Error('not a report file');
  return value;
}

function cellsOf(doc: FileDoc, table: string, row: string): Record<string, string> {
  const rows = (doc.tables[table] ??= {});
  return (rows[row] ??= {});
}

let temp: Awaited<ReturnType<typeof makeTempDir>>;
let db: string;
let exported: string;
const report = (file: string): string[] => ['--db', file, '--unit', '001', '--year', '2020'];

beforeAll(async () => {
  temp = await makeTempDir('juesuan-cli-');
  db = join(temp.dir, 'main.db');
  exported = join(temp.dir, 'report.json');
});
afterAll(async () => {
  await temp.remove();
});

describe('juesuan CLI', () => {
  it('prints Chinese help', async () => {
    const help = await ok('--help');
    expect(help).toContain('用法');
    expect(help).toContain('juesuan import-json');
  });

  it('adds units; a duplicate or a missing parent is one line of Chinese on stderr', async () => {
    expect(await ok('unit', 'add', '--db', db, '--code', '001', '--name', '隆阳区政务服务管理局', '--kind', '行政单位')).toContain(
      '已添加单位 001',
    );
    expect(await refused('unit', 'add', '--db', db, '--code', '001', '--name', 'X', '--kind', '行政单位')).toBe('单位编码 001 已存在');
    expect(await refused('unit', 'add', '--db', db, '--code', '002', '--name', 'X', '--kind', '行政单位', '--parent', '404')).toContain(
      '上级单位 404 不存在',
    );
    expect(await refused('unit', 'add', '--db', db, '--code', '003', '--name', 'X', '--kind', '公司')).toContain('单位类型“公司”无效');
    expect(await refused('unit', 'add', '--db', db, '--code', '003', '--bogus', 'X')).toContain('未知的选项 --bogus');
  });

  it('sets amounts (adding the 科目 row) and shows inputs and computed values', async () => {
    await ok('set', ...report(db), 'T03', '2010301', 'c2', '1,660,834.72');
    await ok('set', ...report(db), 'T03', '2010301', 'c3', '100');
    await ok('set', ...report(db), 'T03', '2080505', 'c2', '-5.5');
    await ok('set', ...report(db), 'T09', 'NABRGRP', 'c2', '3');
    const { value } = await showJson(db);
    expect(value.pack).toBe('yn-2020');
    expect(value.year).toBe(2020);
    expect(value.unit).toEqual({ code: '001', name: '隆阳区政务服务管理局', kind: '行政单位', parent: null });
    const t03 = value.tables.T03 ?? {};
    expect(t03['2010301']).toMatchObject({ c1: '1660934.72', c2: '1660834.72', c3: '100.00', c4: '0.00' });
    expect(t03['20103']?.c1).toBe('1660934.72');
    expect(t03['201']?.c1).toBe('1660934.72');
    expect(t03['2080505']?.c2).toBe('-5.50');
    expect(t03.TOTAL?.c1).toBe('1660929.22');
    expect(value.tables.T09?.NABRGRP?.c2).toBe('3');
    const text = await ok('show', ...report(db), '--table', 'T03');
    expect(text).toContain('支出决算表');
    expect(text).toContain('1,660,934.72');
    expect(text).toContain('行政运行');
  });

  // Split in three (each spawns a few CLI processes) so each stays within the test time on a busy machine.
  it('refuses bad sets without leaving a half-added row: amounts, computed cells, unknown 科目', async () => {
    const before = (await showJson(db)).text;
    expect(await refused('set', ...report(db), 'T03', '2010350', 'c2', '12abc')).toContain('不是有效的金额');
    expect(await refused('set', ...report(db), 'T03', '2010350', 'c1', '5')).toContain('自动计算');
    expect(await refused('set', ...report(db), 'T03', '9999999', 'c2', '5')).toContain('9999999');
    expect((await showJson(db)).text).toBe(before);
  });

  it('refuses bad sets without leaving a half-added row: counts, years without a pack, unknown units', async () => {
    const before = (await showJson(db)).text;
    expect(await refused('set', ...report(db), 'T09', 'NABRGRP', 'c2', '1.5')).toContain('不是整数');
    expect(await refused('set', '--db', db, '--unit', '001', '--year', '2026', 'T03', '2010301', 'c2', '1')).toBe(
      '没有 2026 年度的报表格式（已安装的年度：2020–2021、2022–2025；上一年度的数据按下一年度的格式填写或导入）',
    );
    expect(await refused('set', '--db', db, '--unit', '404', '--year', '2020', 'T03', '2010301', 'c2', '1')).toContain(
      '单位 404 不存在',
    );
    expect((await showJson(db)).text).toBe(before);
  });

  it('refuses bad sets without leaving a half-added row: missing database, missing packs', async () => {
    const before = (await showJson(db)).text;
    expect(await refused('show', ...report(join(temp.dir, 'missing.db')))).toContain('不存在');
    const emptyPacks = join(temp.dir, 'no-packs');
    await mkdir(emptyPacks, { recursive: true });
    expect(await refused('set', ...report(db), '--packs', emptyPacks, 'T03', '2010301', 'c2', '1')).toBe(
      '没有报表格式 yn-2020（已安装：无）',
    );
    expect((await showJson(db)).text).toBe(before);
  });

  it('export-json → import-json into a fresh database gives an identical show --json; importing twice changes nothing', async () => {
    await ok('export-json', ...report(db), '--out', exported);
    const file: unknown = JSON.parse(await readFile(exported, 'utf8'));
    expect(file).toMatchObject({
      format: 'juesuan-report',
      version: 1,
      pack: 'yn-2020',
      year: 2020,
      unit: { code: '001', name: '隆阳区政务服务管理局', kind: '行政单位', parent: null },
      rows: { T03: ['2010301', '2080505'] },
      tables: { T03: { '2010301': { c2: '1660834.72', c3: '100.00' }, '2080505': { c2: '-5.50' } }, T09: { NABRGRP: { c2: '3' } } },
    });
    const fresh = join(temp.dir, 'fresh.db');
    expect(await ok('import-json', '--db', fresh, exported)).toContain('已导入');
    const original = (await showJson(db)).text;
    expect((await showJson(fresh)).text).toBe(original);
    await ok('import-json', '--db', fresh, exported);
    expect((await showJson(fresh)).text).toBe(original);
    const again = join(temp.dir, 'again.json');
    await ok('export-json', ...report(fresh), '--out', again);
    expect(await readFile(again, 'utf8')).toBe(await readFile(exported, 'utf8'));
  });

  describe('a bad report file is refused whole, naming the place, and the database stays as it was', () => {
    const cases: [string, (f: FileDoc) => void, RegExp][] = [
      ['unknown table', (f) => (f.tables.T99 = { X: { c1: '1' } }), /表 T99 不存在/],
      ['unknown row', (f) => (cellsOf(f, 'T01', 'NOPE').c1 = '1'), /表 T01 行 NOPE 不存在/],
      ['unknown column', (f) => (cellsOf(f, 'T03', '2010301').c9 = '1'), /表 T03 行 2010301 列 c9 不存在/],
      ['bad amount', (f) => (cellsOf(f, 'T03', '2010301').c2 = '12,34'), /表 T03 行 2010301 列 c2.*不是有效的金额/],
      ['too many decimals', (f) => (cellsOf(f, 'T03', '2010301').c2 = '1.234'), /表 T03 行 2010301 列 c2.*小数位过多/],
      ['computed cell', (f) => (cellsOf(f, 'T03', '2010301').c1 = '1'), /自动计算/],
      ['unknown 科目 row', (f) => (f.rows.T03 = ['2010301', '9999999']), /表 T03 的科目行.*9999999/],
      ['other pack', (f) => (f.pack = 'gd-2020'), /报表格式 gd-2020 不存在/],
      ['year mismatch', (f) => (f.year = 2023), /年度 2023 与报表格式 yn-2020（2020–2021 年度）不符/],
      ['year mismatch', (f) => (f.year = 2018), /年度 2018 与报表格式 yn-2020/],
      ['not a report file', (f) => (f.format = 'something-else'), /不是决算工作站的报表文件/],
    ];
    for (const [name, mutate, message] of cases) {
      it(name, async () => {
        const before = (await showJson(db)).text;
        const doc = await readDoc(exported);
        // Something good first, so a half-done import would show.
        cellsOf(doc, 'T01', 'IBEG').c1 = '777.00';
        doc.unit.name = '改过的名字';
        mutate(doc);
        const fileName = `bad-${name.replace(/\s/g, '-')}.json`;
        await writeFile(join(temp.dir, fileName), JSON.stringify(doc));
        const line = await refused('import-json', '--db', db, join(temp.dir, fileName));
        expect(line).toContain(`报表文件 ${fileName}`);
        expect(line).toMatch(message);
        expect((await showJson(db)).text).toBe(before);
      });
    }
  });
});
