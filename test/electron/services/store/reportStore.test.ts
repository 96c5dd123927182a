import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AppError } from '../../../../shared/api/errors';
import { ReportStore } from '../../../../electron/services/store/reportStore';
import { makeTempDir } from '../tempDir';

let temp: Awaited<ReturnType<typeof makeTempDir>>;
beforeAll(async () => {
  temp = await makeTempDir();
});
afterAll(async () => {
  await temp.remove();
});

const bureau = { code: '001', name: '保山市隆阳区政务服务管理局', kind: '行政单位', parent: null } as const;
const centre = { code: '001001', name: '政务服务中心', kind: '其他事业单位', parent: '001' } as const;

async function withStore<T>(file: string, work: (store: ReportStore) => Promise<T>): Promise<T> {
  const store = await ReportStore.open(file);
  try {
    return await work(store);
  } finally {
    await store.close();
  }
}

describe('ReportStore', () => {
  it('keeps units, rows, cells and texts across close and reopen', async () => {
    const file = join(temp.dir, 'reopen.db');
    const reportId = await withStore(file, async (store) => {
      await store.addUnit(bureau);
      await store.addUnit(centre);
      const report = await store.getOrCreateReport('001', 2020, 'yn-2020');
      await store.addRows(report.id, 'T03', ['2010301', '2010350']);
      await store.writeCells(report.id, [
        { table: 'T03', row: '2010301', col: 'c2', value: 166083472 },
        { table: 'T03', row: '2010350', col: 'c3', value: -5 },
        { table: 'T01', row: 'IBEG', col: 'c1', value: 100 },
      ]);
      await store.replaceReport({
        unit: centre,
        year: 2020,
        packId: 'yn-2020',
        data: { rows: {}, inputs: { 'T01:INFB:c1': 7 }, texts: { 主要职能: '负责政务服务' } },
      });
      return report.id;
    });
    await withStore(file, async (store) => {
      expect(await store.listUnits()).toEqual([bureau, centre]);
      expect(await store.findReport('001', 2020)).toEqual({ id: reportId, unitCode: '001', year: 2020, packId: 'yn-2020' });
      expect(await store.loadReportData(reportId)).toEqual({
        rows: { T03: ['2010301', '2010350'] },
        inputs: { 'T03:2010301:c2': 166083472, 'T03:2010350:c3': -5, 'T01:IBEG:c1': 100 },
        texts: {},
      });
      const other = await store.findReport('001001', 2020);
      expect(other && (await store.loadReportData(other.id))).toEqual({
        rows: {},
        inputs: { 'T01:INFB:c1': 7 },
        texts: { 主要职能: '负责政务服务' },
      });
    });
  });

  it('getOrCreateReport returns the same report for the same unit and year', async () => {
    await withStore(join(temp.dir, 'same.db'), async (store) => {
      await store.addUnit(bureau);
      const a = await store.getOrCreateReport('001', 2020, 'yn-2020');
      const b = await store.getOrCreateReport('001', 2020, 'yn-2020');
      const c = await store.getOrCreateReport('001', 2021, 'yn-2021');
      expect(b).toEqual(a);
      expect(c.id).not.toBe(a.id);
    });
  });

  it('refuses a duplicate unit code and a missing parent, in Chinese', async () => {
    await withStore(join(temp.dir, 'units.db'), async (store) => {
      await store.addUnit(bureau);
      await expect(store.addUnit(bureau)).rejects.toThrow('单位编码 001 已存在');
      await expect(store.addUnit({ ...centre, parent: '999' })).rejects.toThrow('上级单位 999 不存在');
      expect(await store.listUnits()).toEqual([bureau]);
    });
  });

  it('updates and removes units, refusing loops and never dropping reports', async () => {
    await withStore(join(temp.dir, 'unit-crud.db'), async (store) => {
      await store.addUnit(bureau);
      await store.addUnit(centre);
      await store.addUnit({ code: '002', name: '另一个局', kind: '行政单位', parent: null });
      expect(await store.updateUnit({ ...centre, name: '政务服务中心（新）', parent: '002' })).toMatchObject({ parent: '002' });
      expect(await store.getUnit('001001')).toEqual({ ...centre, name: '政务服务中心（新）', parent: '002' });
      await expect(store.updateUnit({ ...bureau, parent: '404' })).rejects.toThrow('上级单位 404 不存在');
      await expect(store.updateUnit({ code: '002', name: '另一个局', kind: '行政单位', parent: '001001' })).rejects.toThrow(
        '是 002 的下级单位',
      );
      await expect(store.updateUnit({ ...bureau, parent: '001' })).rejects.toThrow('下级单位');
      await expect(store.removeUnit('002')).rejects.toThrow('还有下级单位');
      await store.getOrCreateReport('001', 2020, 'yn-2020');
      await expect(store.removeUnit('001')).rejects.toThrow('已有报表');
      await store.removeUnit('001001');
      await expect(store.removeUnit('001001')).rejects.toThrow('不存在');
      expect((await store.listUnits()).map((u) => u.code)).toEqual(['001', '002']);
    });
  });

  it('writeCells upserts and deletes on null', async () => {
    await withStore(join(temp.dir, 'upsert.db'), async (store) => {
      await store.addUnit(bureau);
      const { id } = await store.getOrCreateReport('001', 2020, 'yn-2020');
      await store.writeCells(id, [{ table: 'T01', row: 'IBEG', col: 'c1', value: 1 }]);
      await store.writeCells(id, [
        { table: 'T01', row: 'IBEG', col: 'c1', value: 2 },
        { table: 'T01', row: 'INFB', col: 'c1', value: 3 },
      ]);
      await store.writeCells(id, [{ table: 'T01', row: 'INFB', col: 'c1', value: null }]);
      expect((await store.loadReportData(id)).inputs).toEqual({ 'T01:IBEG:c1': 2 });
    });
  });

  it('a failing write in the middle of a batch leaves nothing behind', async () => {
    const file = join(temp.dir, 'atomic.db');
    await withStore(file, async (store) => {
      await store.addUnit(bureau);
      const { id } = await store.getOrCreateReport('001', 2020, 'yn-2020');
      await store.writeCells(id, [{ table: 'T01', row: 'IBEG', col: 'c1', value: 1 }]);
      // A forced SQL error on the third statement: the two before it must be undone.
      await store.db.exec(
        "CREATE TRIGGER no_bad_row BEFORE INSERT ON cells WHEN NEW.row_id = 'BAD' BEGIN SELECT RAISE(ABORT, 'bad row'); END",
      );
      await expect(
        store.writeCells(id, [
          { table: 'T01', row: 'IBEG', col: 'c1', value: 99 },
          { table: 'T01', row: 'INFB', col: 'c1', value: 5 },
          { table: 'T01', row: 'BAD', col: 'c1', value: 1 },
        ]),
      ).rejects.toThrow('bad row');
      await expect(store.writeCells(id, [{ table: 'T01', row: 'INFB', col: 'c1', value: 1.5 }])).rejects.toBeInstanceOf(AppError);
      expect((await store.loadReportData(id)).inputs).toEqual({ 'T01:IBEG:c1': 1 });

      await expect(
        store.db.transaction(async (tx) => {
          await tx.run('INSERT INTO cells VALUES (?, ?, ?, ?, ?)', [id, 'T01', 'INFB', 'c1', 5]);
          await tx.run('INSERT INTO cells VALUES (?, ?, ?, ?, ?)', [id + 1000, 'T01', 'INFB', 'c1', 5]);
        }),
      ).rejects.toThrow(/FOREIGN KEY/);
      await expect(
        store.replaceReport({
          unit: bureau,
          year: 2020,
          packId: 'yn-2020',
          data: { rows: { T03: ['2010301'] }, inputs: { 'T01:IBEG:c1': 50, 'T01:INFB:c1': 2 ** 60 }, texts: {} },
        }),
      ).rejects.toBeInstanceOf(AppError);
    });
    await withStore(file, async (store) => {
      const report = await store.findReport('001', 2020);
      expect(report && (await store.loadReportData(report.id))).toEqual({ rows: {}, inputs: { 'T01:IBEG:c1': 1 }, texts: {} });
    });
  });

  it('a SQL error inside replaceReport rolls back the whole replacement', async () => {
    await withStore(join(temp.dir, 'replace.db'), async (store) => {
      await store.addUnit(bureau);
      const { id } = await store.getOrCreateReport('001', 2020, 'yn-2020');
      await store.writeCells(id, [{ table: 'T01', row: 'IBEG', col: 'c1', value: 1 }]);
      // A CHECK constraint on a later statement of the replacement: the deletes before it must be undone too.
      await store.db.exec(
        "CREATE TRIGGER no_bad_text BEFORE INSERT ON texts WHEN NEW.value = 'bad' BEGIN SELECT RAISE(ABORT, 'bad text'); END",
      );
      await expect(
        store.replaceReport({
          unit: { ...bureau, name: '改名' },
          year: 2020,
          packId: 'yn-2020',
          data: { rows: { T03: ['2010301'] }, inputs: { 'T01:INFB:c1': 9 }, texts: { a: 'bad' } },
        }),
      ).rejects.toThrow('bad text');
      expect(await store.loadReportData(id)).toEqual({ rows: {}, inputs: { 'T01:IBEG:c1': 1 }, texts: {} });
      expect(await store.getUnit('001')).toEqual(bureau);
    });
  });

  it('removeRows drops the rows and their cells only', async () => {
    await withStore(join(temp.dir, 'remove.db'), async (store) => {
      await store.addUnit(bureau);
      const { id } = await store.getOrCreateReport('001', 2020, 'yn-2020');
      await store.addRows(id, 'T03', ['2010301', '2010302']);
      await store.addRows(id, 'T02', ['2010301']);
      await store.writeCells(id, [
        { table: 'T03', row: '2010301', col: 'c2', value: 1 },
        { table: 'T03', row: '2010301', col: 'c3', value: 2 },
        { table: 'T03', row: '2010302', col: 'c2', value: 3 },
        { table: 'T02', row: '2010301', col: 'c2', value: 4 },
      ]);
      expect(await store.removeRows(id, 'T03', ['2010301', '20103'])).toBe(2);
      expect(await store.loadReportData(id)).toEqual({
        rows: { T02: ['2010301'], T03: ['2010302'] },
        inputs: { 'T03:2010302:c2': 3, 'T02:2010301:c2': 4 },
        texts: {},
      });
    });
  });
});
