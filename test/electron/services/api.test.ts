import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { Api } from '../../../shared/api/contract';
import { AppError } from '../../../shared/api/errors';
import { createApi } from '../../../electron/services/api';
import { jsonFileSettings } from '../../../electron/services/settings/jsonFileSettings';
import { ReportStore } from '../../../electron/services/store/reportStore';
import { miniPack } from './fixtures/miniPack';
import { makeTempDir } from './tempDir';

let temp: Awaited<ReturnType<typeof makeTempDir>>;
let store: ReportStore;
let api: Api;
let n = 0;
const ref = { unit: '001', year: 2020 };

beforeAll(async () => {
  temp = await makeTempDir();
});
afterAll(async () => {
  await temp.remove();
});
beforeEach(async () => {
  n += 1;
  store = await ReportStore.open(join(temp.dir, `api-${n}.db`));
  api = createApi({ store, packs: [miniPack()], settings: jsonFileSettings(join(temp.dir, `settings-${n}.json`)) });
  await api.addUnit({ code: '001', name: '隆阳区政务服务管理局', kind: '行政单位' });
});
afterEach(async () => {
  await store.close();
});

async function appError(promise: Promise<unknown>): Promise<AppError> {
  const err = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  if (!(err instanceof AppError)) throw new Error(`expected an AppError, got ${String(err)}`);
  return err;
}

describe('units', () => {
  it('adds and lists units; codes are unique and a parent must exist', async () => {
    await api.addUnit({ code: '001001', name: '政务服务中心', kind: '其他事业单位', parent: '001' });
    expect(await api.listUnits({})).toEqual([
      { code: '001', name: '隆阳区政务服务管理局', kind: '行政单位', parent: null },
      { code: '001001', name: '政务服务中心', kind: '其他事业单位', parent: '001' },
    ]);
    expect((await appError(api.addUnit({ code: '001', name: 'X', kind: '行政单位' }))).message).toBe('单位编码 001 已存在');
    expect((await appError(api.addUnit({ code: '002', name: 'X', kind: '行政单位', parent: '404' }))).message).toContain(
      '上级单位 404 不存在',
    );
    expect((await appError(api.addUnit({ code: '003', name: 'X', kind: '行政单位', parent: '003' }))).message).toContain(
      '不能是自己的上级单位',
    );
  });
});

describe('packs and settings', () => {
  it('lists packs and returns one by id', async () => {
    expect(await api.listPacks({})).toEqual([{ id: 'mini-2020', name: '测试报表格式 2020', year: 2020, years: { from: 2020, to: 2020 } }]);
    expect((await api.getPack({ packId: 'mini-2020' })).tables.map((t) => t.id)).toEqual(['T01', 'T03', 'T09']);
    expect((await appError(api.getPack({ packId: 'nope' }))).message).toContain('没有报表格式 nope');
  });

  it('reads defaults and keeps updates', async () => {
    expect(await api.getSettings({})).toEqual({ displayUnit: '元', lastUnit: null, lastYear: null });
    await api.setSettings({ displayUnit: '万元' });
    expect(await api.setSettings({ lastUnit: '001', lastYear: 2020 })).toEqual({ displayUnit: '万元', lastUnit: '001', lastYear: 2020 });
    expect(await jsonFileSettings(join(temp.dir, `settings-${n}.json`)).get()).toEqual({
      displayUnit: '万元',
      lastUnit: '001',
      lastYear: 2020,
    });
  });
});

describe('openReport', () => {
  it('opens an empty report without creating it; the first write stores it', async () => {
    expect(await store.findReport('001', 2020)).toBeUndefined();
    expect(await api.openReport(ref)).toEqual({
      unit: { code: '001', name: '隆阳区政务服务管理局', kind: '行政单位', parent: null },
      year: 2020,
      packId: 'mini-2020',
      rows: {},
      inputs: {},
      texts: {},
      consolidated: false,
      stored: false,
    });
    expect(await store.findReport('001', 2020)).toBeUndefined();
    await api.setCells({ ...ref, edits: [{ table: 'T01', row: 'IBEG', col: 'c1', value: 1 }] });
    expect(await store.findReport('001', 2020)).toMatchObject({ unitCode: '001', year: 2020, packId: 'mini-2020' });
    expect((await api.openReport(ref)).stored).toBe(true);
  });

  it('opens the year before the first pack in that pack, for the figures of last year', async () => {
    const snapshot = await api.openReport({ unit: '001', year: 2019 });
    expect(snapshot.packId).toBe('mini-2020');
    await api.setCells({ unit: '001', year: 2019, edits: [{ table: 'T01', row: 'IBEG', col: 'c1', value: 300 }] });
    expect(await api.previousYear({ unit: '001', year: 2020 })).toEqual({ year: 2019, packId: 'mini-2020', rows: {}, inputs: { 'T01:IBEG:c1': 300 } });
    expect(await api.previousYear({ unit: '001', year: 2019 })).toBeNull();
  });

  it('refuses a year without a pack and a missing unit, creating nothing', async () => {
    expect((await appError(api.openReport({ unit: '001', year: 2021 }))).message).toBe('没有 2021 年度的报表格式（已安装的年度：2020；上一年度的数据按下一年度的格式填写或导入）');
    expect(await store.findReport('001', 2021)).toBeUndefined();
    expect((await appError(api.openReport({ unit: '404', year: 2020 }))).message).toContain('单位 404 不存在');
  });
});

describe('setCells', () => {
  it('writes a batch and the next open shows it', async () => {
    await api.addRows({ ...ref, table: 'T03', rows: ['2010301'] });
    expect(
      await api.setCells({
        ...ref,
        edits: [
          { table: 'T03', row: '2010301', col: 'c2', value: 166083472 },
          { table: 'T01', row: 'IBEG', col: 'c1', value: 100 },
          { table: 'T09', row: 'N1', col: 'c1', value: 3 },
        ],
      }),
    ).toEqual({ written: 3 });
    const snapshot = await api.openReport(ref);
    expect(snapshot.inputs).toEqual({ 'T03:2010301:c2': 166083472, 'T01:IBEG:c1': 100, 'T09:N1:c1': 3 });
    expect(snapshot.rows).toEqual({ T03: ['2010301'] });
  });

  it('is all-or-nothing: one bad edit in a batch writes nothing and names the place', async () => {
    await api.addRows({ ...ref, table: 'T03', rows: ['2010301'] });
    await api.setCells({ ...ref, edits: [{ table: 'T01', row: 'IBEG', col: 'c1', value: 1 }] });
    const err = await appError(
      api.setCells({
        ...ref,
        edits: [
          { table: 'T01', row: 'IBEG', col: 'c1', value: 2 },
          { table: 'T03', row: '2010301', col: 'c1', value: 5 },
          { table: 'T03', row: '2010301', col: 'c2', value: 7 },
        ],
      }),
    );
    expect(err.message).toContain('支出决算表');
    expect(err.message).toContain('2010301');
    expect(err.message).toContain('本年支出合计');
    expect(err.message).toContain('自动计算');
    expect(err.message).toContain('全部未写入');
    expect(err.where).toEqual({ table: 'T03', row: '2010301', column: 'c1' });
    expect((await api.openReport(ref)).inputs).toEqual({ 'T01:IBEG:c1': 1 });
    const stored = await store.findReport('001', 2020);
    expect(stored && (await store.loadReportData(stored.id)).inputs).toEqual({ 'T01:IBEG:c1': 1 });
  });

  it('refuses cells of rows not yet added, unknown columns and out-of-range amounts', async () => {
    const notAdded = await appError(api.setCells({ ...ref, edits: [{ table: 'T03', row: '2010301', col: 'c2', value: 1 }] }));
    expect(notAdded.message).toContain('请先添加该科目');
    const column = await appError(api.setCells({ ...ref, edits: [{ table: 'T01', row: 'IBEG', col: 'c9', value: 1 }] }));
    expect(column.message).toContain('c9');
    const big = await appError(api.setCells({ ...ref, edits: [{ table: 'T01', row: 'IBEG', col: 'c1', value: 10 ** 15 }] }));
    expect(big.message).toContain('超出允许范围');
    const table = await appError(api.setCells({ ...ref, edits: [{ table: 'T77', row: 'IBEG', col: 'c1', value: 1 }] }));
    expect(table.message).toContain('T77');
    expect((await api.openReport(ref)).inputs).toEqual({});
  });

  it('clears a cell with null', async () => {
    await api.setCells({ ...ref, edits: [{ table: 'T01', row: 'IBEG', col: 'c1', value: 5 }] });
    await api.setCells({ ...ref, edits: [{ table: 'T01', row: 'IBEG', col: 'c1', value: null }] });
    expect((await api.openReport(ref)).inputs).toEqual({});
  });

  it('serialises concurrent calls: a removal cannot slip between an edit check and its write', async () => {
    await api.addRows({ ...ref, table: 'T03', rows: ['2010301'] });
    const edit = api.setCells({ ...ref, edits: [{ table: 'T03', row: '2010301', col: 'c2', value: 9 }] });
    const removal = api.removeRow({ ...ref, table: 'T03', row: '2010301' });
    await edit;
    expect(await removal).toEqual({ removedRows: ['201', '20103', '2010301'], removedCells: 1 });
    const stored = await store.findReport('001', 2020);
    expect(stored && (await store.loadReportData(stored.id))).toEqual({ rows: {}, inputs: {}, texts: {} });
  });
});

describe('a failed write', () => {
  it('leaves the engine as the store is: the edit is neither saved nor shown', async () => {
    await api.openReport(ref);
    await api.setCells({ ...ref, edits: [{ table: 'T01', row: 'IBEG', col: 'c1', value: 5 }] });
    // A trigger makes the next cell write fail inside SQLite, after the engine has taken the edit.
    await store.db.run("CREATE TRIGGER refuse BEFORE UPDATE ON cells BEGIN SELECT RAISE(ABORT, '磁盘故障'); END");
    await expect(api.setCells({ ...ref, edits: [{ table: 'T01', row: 'IBEG', col: 'c1', value: 7 }] })).rejects.toThrow();
    expect((await api.openReport(ref)).inputs).toEqual({ 'T01:IBEG:c1': 5 });
    const stored = await store.findReport('001', 2020);
    expect(stored && (await store.loadReportData(stored.id)).inputs).toEqual({ 'T01:IBEG:c1': 5 });
  });
});

describe('setTexts', () => {
  it('writes and deletes texts in one call, and they survive reopening the database', async () => {
    await api.openReport(ref);
    const result = await api.setTexts({ ...ref, texts: { 'cover.leader': '张三', 'cover.phone': '0875-1234567' } });
    expect(result.texts).toEqual({ 'cover.leader': '张三', 'cover.phone': '0875-1234567' });
    await api.setTexts({ ...ref, texts: { 'cover.phone': null, 'cover.leader': '李四' } });
    const file = store.file;
    await store.close();
    store = await ReportStore.open(file);
    api = createApi({ store, packs: [miniPack()], settings: jsonFileSettings(join(temp.dir, `settings-${n}.json`)) });
    expect((await api.openReport(ref)).texts).toEqual({ 'cover.leader': '李四' });
  });
});

describe('rows', () => {
  it('adds 项 rows with their parents and removes a 类 with everything below it', async () => {
    expect(await api.addRows({ ...ref, table: 'T03', rows: ['2010301', '2080505'] })).toEqual({
      rows: ['201', '20103', '2010301', '208', '20805', '2080505'],
    });
    await api.addRows({ ...ref, table: 'T03', rows: ['2010350'] });
    await api.setCells({
      ...ref,
      edits: [
        { table: 'T03', row: '2010301', col: 'c2', value: 1 },
        { table: 'T03', row: '2010350', col: 'c3', value: 2 },
        { table: 'T03', row: '2080505', col: 'c2', value: 4 },
      ],
    });
    expect(await api.removeRow({ ...ref, table: 'T03', row: '201' })).toEqual({
      removedRows: ['201', '20103', '2010301', '2010350'],
      removedCells: 2,
    });
    const snapshot = await api.openReport(ref);
    expect(snapshot.rows).toEqual({ T03: ['2080505'] });
    expect(snapshot.inputs).toEqual({ 'T03:2080505:c2': 4 });
  });

  it('refuses a code the catalogue lacks and leaves the report unchanged', async () => {
    const err = await appError(api.addRows({ ...ref, table: 'T03', rows: ['2010301', '9999999'] }));
    expect(err.message).toContain('9999999');
    expect(err.where).toEqual({ table: 'T03' });
    expect((await api.openReport(ref)).rows).toEqual({});
  });

  it('keeps the engine unchanged when the store refuses a row change', async () => {
    await store.db.exec(
      "CREATE TRIGGER no_rows BEFORE INSERT ON report_rows BEGIN SELECT RAISE(ABORT, 'disk says no'); END",
    );
    await expect(api.addRows({ ...ref, table: 'T03', rows: ['2010301'] })).rejects.toThrow('disk says no');
    // The cached engine did not take the row, so an edit to it is still refused.
    const err = await appError(api.setCells({ ...ref, edits: [{ table: 'T03', row: '2010301', col: 'c2', value: 1 }] }));
    expect(err.message).toContain('请先添加该科目');
  });
});
