/**
 * `juesuan audit` as a clerk's script runs it: a child process on a real SQLite file and the real
 * yn-2020 pack (plus a copy of it serving 2019, so last year's report can be stored and read for X-13).
 */
import { cp, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createServices } from '../../../electron/services/createServices';
import { makeTempDir } from '../services/tempDir';
import { juesuan, ok, repo } from './runCli';


interface AuditJson {
  unit: string;
  year: number;
  lastYear: number | null;
  blocking: boolean;
  counts: { 强制: number; 提示: number; 尾差: number; explained: number };
  notEvaluated: string[];
  results: { id: string; rule: string; level: string; tail: boolean; table: string; message: string; cells: string[]; cellWords: string[]; explanation: string | null }[];
}

function isAuditJson(value: unknown): value is AuditJson {
  return typeof value === 'object' && value !== null && 'results' in value && 'blocking' in value && 'counts' in value;
}

let temp: Awaited<ReturnType<typeof makeTempDir>>;
let db: string;
let packs: string;
const report = (year = 2020): string[] => ['--db', db, '--packs', packs, '--unit', '001', '--year', String(year)];

async function auditJson(year = 2020): Promise<{ code: number; value: AuditJson }> {
  const run = await juesuan('audit', ...report(year), '--json');
  const value: unknown = JSON.parse(run.stdout);
  if (!isAuditJson(value)) throw new Error(`not an audit --json document: ${run.stdout.slice(0, 200)} ${run.stderr}`);
  return { code: run.code, value };
}

beforeAll(async () => {
  temp = await makeTempDir('juesuan-audit-cli-');
  db = join(temp.dir, 'main.db');
  packs = join(temp.dir, 'packs');
  // The 2020 pack, and the same tables relabelled for 2019 so a Y−1 report can exist.
  await cp(join(repo, 'resources', 'packs', 'yn-2020'), join(packs, 'yn-2020'), { recursive: true });
  await cp(join(repo, 'resources', 'packs', 'yn-2020'), join(packs, 'yn-2019'), { recursive: true });
  const manifest = join(packs, 'yn-2019', 'pack.json');
  const json: Record<string, unknown> = JSON.parse(await readFile(manifest, 'utf8'));
  await writeFile(manifest, JSON.stringify({ ...json, id: 'yn-2019', name: '云南省 2019 年度部门决算公开表（测试用）', year: 2019 }));
  await ok('unit', 'add', '--db', db, '--code', '001', '--name', '隆阳区政务服务管理局', '--kind', '行政单位');
});
afterAll(async () => {
  await temp.remove();
});

describe('juesuan audit', () => {
  it('exits 0 on a report where no rule fails, and says so; X-13 not evaluated without last year', async () => {
    const run = await juesuan('audit', ...report());
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('审核通过');
    expect(run.stdout).toContain('未审核（缺少上年报表）：X-13');
    const { value } = await auditJson();
    expect(value).toMatchObject({ unit: '001', year: 2020, lastYear: null, blocking: false, notEvaluated: ['X-13'], results: [] });
  });

  it('exits 1 when a 强制 rule fails, naming both sides of a two-sided table', async () => {
    await ok('set', ...report(), 'T01', 'EEND', 'c2', '5');
    const run = await juesuan('audit', ...report());
    expect(run.code).toBe(1);
    expect(run.stdout).toContain('[强制] T01-5  收入支出决算总表：收入总计 0.00 ≠ 支出总计 5.00，差 5.00');
    expect(run.stdout).toContain('单元格：收入支出决算总表 收入“总计”；收入支出决算总表 支出“总计”');
    expect(run.stdout).toContain('强制规则未通过，不能导出报送。');
    const { code, value } = await auditJson();
    expect(code).toBe(1);
    expect(value.blocking).toBe(true);
    const t015 = value.results.find((r) => r.id === 'T01-5');
    expect(t015).toEqual({
      id: 'T01-5',
      rule: 'T01-5',
      level: '强制',
      tail: false,
      table: 'T01',
      message: '收入支出决算总表：收入总计 0.00 ≠ 支出总计 5.00，差 5.00',
      cells: ['T01:ITOT:c1', 'T01:ETOT:c2'],
      cellWords: ['收入支出决算总表 收入“总计”', '收入支出决算总表 支出“总计”'],
      explanation: null,
    });
    expect(value.counts.强制).toBe(value.results.filter((r) => r.level === '强制').length);
    await ok('set', ...report(), 'T01', 'EEND', 'c2', '');
    expect((await juesuan('audit', ...report())).code).toBe(0);
  });

  it('shows the explanation of a 提示 result; a 提示 alone exits 0', async () => {
    await ok('set', ...report(), 'T09', 'OPEX', 'c2', '100');
    const before = await auditJson();
    expect(before.code).toBe(0);
    const x12 = before.value.results.find((r) => r.rule === 'X-12');
    expect(x12).toMatchObject({ level: '提示', explanation: null, message: expect.stringContaining('机关运行经费 100.00 ≠') });
    expect(await ok('audit', ...report())).toContain('出错说明：（未填写）');
    const services = await createServices({ dbPath: db, packsDir: packs, settingsFile: join(temp.dir, 'settings.json') });
    try {
      await services.api.setTexts({ unit: '001', year: 2020, texts: { [`explain.${x12?.id ?? ''}`]: '本年含下属单位机关运行经费' } });
    } finally {
      await services.close();
    }
    const text = await ok('audit', ...report());
    expect(text).toContain('出错说明：本年含下属单位机关运行经费');
    const after = await auditJson();
    expect(after.value.results.find((r) => r.rule === 'X-12')?.explanation).toBe('本年含下属单位机关运行经费');
    expect(after.value.counts.explained).toBe(1);
  });

  it('reads last year’s report of the same unit for X-13 when the database has it', async () => {
    await ok('set', ...report(2019), 'T01', 'EEND', 'c2', '800');
    await ok('set', ...report(2019), 'T01', 'IBEG', 'c1', '800');
    await ok('set', ...report(), 'T01', 'IBEG', 'c1', '700');
    const { value } = await auditJson();
    expect(value.lastYear).toBe(2019);
    expect(value.notEvaluated).toEqual([]);
    const x13 = value.results.filter((r) => r.rule === 'X-13');
    expect(x13.map((r) => r.message)).toEqual(['收入支出决算总表：年初结转和结余 700.00 ≠ 上年年末结转和结余 800.00，差 100.00']);
    expect(x13[0]?.cells).toEqual(['T01:IBEG:c1']);
    await ok('set', ...report(), 'T01', 'IBEG', 'c1', '800');
    expect((await auditJson()).value.results.filter((r) => r.rule === 'X-13')).toEqual([]);
  });

  it('without a pack for last year, X-13 stays not evaluated (the 2019 report is not read)', async () => {
    const run = await juesuan('audit', '--db', db, '--unit', '001', '--year', '2020', '--json');
    const value: unknown = JSON.parse(run.stdout);
    expect(isAuditJson(value) && value.notEvaluated).toEqual(['X-13']);
    expect(isAuditJson(value) && value.lastYear).toBeNull();
  });

  it('refuses a missing database or unit in one line of Chinese', async () => {
    const missing = await juesuan('audit', '--db', join(temp.dir, 'none.db'), '--unit', '001', '--year', '2020');
    expect(missing.code).toBe(1);
    expect(missing.stderr.trim()).toMatch(/^数据库文件“.*none\.db”不存在$/);
    const unit = await juesuan('audit', '--db', db, '--packs', packs, '--unit', '404', '--year', '2020');
    expect(unit.code).toBe(1);
    expect(unit.stderr.trim()).toContain('单位 404 不存在');
  });
});
