/**
 * `import-json` under the Api's own limits: text length and names, ids, `__proto__`/`constructor`
 * keys (refused, naming where), the file size, and a unit whose name or kind differ from the stored
 * one (refused unless --update-unit, naming each difference). Real database files.
 */
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { AppError } from '../../../shared/api/errors';
import { main } from '../../../electron/cli/main';
import { importReport } from '../../../electron/services/reportFile';
import { ReportSessions } from '../../../electron/services/reportSessions';
import { ReportStore } from '../../../electron/services/store/reportStore';
import { miniPack } from './fixtures/miniPack';
import { makeTempDir } from './tempDir';

let temp: Awaited<ReturnType<typeof makeTempDir>>;
let store: ReportStore;
let sessions: ReportSessions;
const unit = { code: '001', name: '隆阳区政务服务管理局', kind: '行政单位' as const, parent: null };

beforeEach(async () => {
  temp = await makeTempDir();
  store = await ReportStore.open(join(temp.dir, 'limits.db'));
  await store.replaceReport({ unit, year: 2020, packId: 'mini-2020', data: { rows: {}, inputs: { 'T09:N1:c1': 4 }, texts: {} } });
  sessions = new ReportSessions(store, [miniPack()]);
});
afterEach(async () => {
  await store.close();
  await temp.remove();
});

function file(patch: Record<string, unknown> = {}): Record<string, unknown> {
  return { format: 'juesuan-report', version: 1, pack: 'mini-2020', year: 2020, unit: { ...unit }, rows: {}, tables: { T09: { N1: { c1: '5' } } }, texts: {}, ...patch };
}

async function refused(text: string): Promise<string> {
  const before = await store.loadReportData((await store.findReport('001', 2020))!.id);
  const err = await importReport(sessions, text, 'r.json').then(
    () => null,
    (e: unknown) => e,
  );
  expect(err).toBeInstanceOf(AppError);
  expect(await store.loadReportData((await store.findReport('001', 2020))!.id)).toEqual(before);
  expect(await store.getUnit('001')).toEqual(unit);
  return (err as AppError).message;
}

describe('import-json applies the Api limits', () => {
  it('a text over 50,000 characters (the Api refuses it in setTexts too)', async () => {
    const message = await refused(JSON.stringify(file({ texts: { 'narrative.duty': '字'.repeat(50_001) } })));
    expect(message).toBe('报表文件 r.json：texts.narrative.duty 不正确：文字过长（最多 50,000 字）');
  });

  it('a text name the Api would refuse', async () => {
    expect(await refused(JSON.stringify(file({ texts: { 主要职能: 'x' } })))).toContain('报表文件 r.json：texts 中的名称“主要职能”无效');
  });

  it('a table id that is no id', async () => {
    expect(await refused(JSON.stringify(file({ tables: { 'T09 x': { N1: { c1: '5' } } } })))).toContain('报表文件 r.json：tables 中的名称“T09 x”无效');
  });

  for (const [where, text] of [
    ['tables.T09.__proto__', '{"format":"juesuan-report","version":1,"pack":"mini-2020","year":2020,"unit":{"code":"001","name":"隆阳区政务服务管理局","kind":"行政单位","parent":null},"tables":{"T09":{"__proto__":{"c1":"5"}}}}'],
    ['texts.constructor', JSON.stringify(file({ texts: { constructor: 'x' } }))],
    ['__proto__', '{"__proto__":{"polluted":true},"format":"juesuan-report"}'],
  ] as const) {
    it(`refuses the key ${where}, naming where`, async () => {
      const key = where.split('.').pop();
      expect(await refused(text)).toBe(`报表文件 r.json：${where} 使用了不允许的名称“${key}”`);
      expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    });
  }

  it('a file over 20 MB', async () => {
    const text = JSON.stringify(file()).replace('{', `{${' '.repeat(21 * 1024 * 1024)}`);
    expect(await refused(text)).toBe('报表文件 r.json：文件过大，超过上限（20 MB）');
  });
});

describe('import-json never changes the unit silently', () => {
  const renamed = () => JSON.stringify(file({ unit: { ...unit, name: '隆阳区数据局', kind: '其他事业单位' } }));

  it('refuses a file whose unit differs, naming each difference', async () => {
    expect(await refused(renamed())).toBe(
      '报表文件 r.json：单位 001 与数据库中的不一致（名称：“隆阳区政务服务管理局” → “隆阳区数据局”；类型：行政单位 → 其他事业单位），未导入。单位的名称和类型对所有年度都有效；如确需按文件修改，请加 --update-unit',
    );
  });

  it('with updateUnit changes it and says so', async () => {
    const result = await importReport(sessions, renamed(), 'r.json', { updateUnit: true });
    expect(result.unitChanges).toEqual(['名称：“隆阳区政务服务管理局” → “隆阳区数据局”', '类型：行政单位 → 其他事业单位']);
    expect(result.replacedInputs).toBe(1);
    expect(await store.getUnit('001')).toEqual({ ...unit, name: '隆阳区数据局', kind: '其他事业单位' });
  });

  it('the CLI refuses (exit 1) and --update-unit imports, printing what changed and what was replaced', async () => {
    const db = join(temp.dir, 'cli.db');
    const real = await ReportStore.open(db);
    await real.replaceReport({ unit, year: 2020, packId: 'yn-2020', data: { rows: {}, inputs: { 'T09:SGABR:c1': 100 }, texts: {} } });
    await real.close();
    const path = join(temp.dir, 'r.json');
    await writeFile(path, JSON.stringify(file({ pack: 'yn-2020', unit: { ...unit, name: '隆阳区数据局' }, tables: { T09: { SGABR: { c1: '5.00' } } } })));
    const run = async (...extra: string[]) => {
      const out: string[] = [];
      let err = '';
      const spy = vi.spyOn(process.stderr, 'write').mockImplementation((chunk: string | Uint8Array) => {
        err += String(chunk);
        return true;
      });
      try {
        return { code: await main(['import-json', '--db', db, path, ...extra], { out: (t) => out.push(t) }), out, err };
      } finally {
        spy.mockRestore();
      }
    };
    const refusedRun = await run();
    expect(refusedRun.code).toBe(1);
    expect(refusedRun.err).toContain('名称：“隆阳区政务服务管理局” → “隆阳区数据局”');
    const done = await run('--update-unit');
    expect(done.code).toBe(0);
    expect(done.out).toEqual([
      '单位 001：名称：“隆阳区政务服务管理局” → “隆阳区数据局”',
      '替换了原有的 2020 年度报表（原有 1 个录入数）',
      '已导入 001 隆阳区数据局 2020 年度报表（报表格式 yn-2020）',
    ]);
  });
});
