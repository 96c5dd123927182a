/** The store keeps a cell in one table: numbers in `cells`, strings (texts, canonical decimals) in `typed_cells` (migration 0008). */
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ReportStore } from '../../../../electron/services/store/reportStore';
import { makeTempDir } from '../tempDir';

let temp: Awaited<ReturnType<typeof makeTempDir>>;
beforeAll(async () => {
  temp = await makeTempDir();
});
afterAll(async () => {
  await temp.remove();
});

describe('typed cells', () => {
  it('a cell written as a string and then a number (and back) is in one table only; null removes it from either', async () => {
    const store = await ReportStore.open(join(temp.dir, 'typed.db'));
    try {
      await store.addUnit({ code: '001', name: '单位', kind: '行政单位', parent: null });
      const { id } = await store.getOrCreateReport('001', 2030, 'kinds-2030');
      const count = async () => (await store.db.get<{ n: number }>('SELECT (SELECT COUNT(*) FROM cells) + (SELECT COUNT(*) FROM typed_cells) AS n'))?.n;
      await store.writeCells(id, [{ table: 'TX', row: 'N1', col: 'c1', value: '张三' }]);
      await store.writeCells(id, [{ table: 'TX', row: 'N1', col: 'c1', value: 5 }]);
      expect(await count()).toBe(1);
      expect(await store.loadReportData(id)).toEqual({ rows: {}, inputs: { 'TX:N1:c1': 5 }, texts: {} });
      await store.writeCells(id, [{ table: 'TX', row: 'N1', col: 'c1', value: '85.50' }]);
      expect(await count()).toBe(1);
      expect(await store.loadReportData(id)).toEqual({ rows: {}, inputs: {}, texts: {}, strings: { 'TX:N1:c1': '85.50' } });
      await store.writeCells(id, [{ table: 'TX', row: 'N1', col: 'c1', value: null }]);
      expect(await count()).toBe(0);
      // The journal keeps the type of each value: a number is 分 or a count, a string a text or a decimal.
      const log = await store.db.all<{ o: unknown; n: unknown }>('SELECT old_value AS o, new_value AS n FROM change_log ORDER BY id');
      expect(log).toEqual([
        { o: null, n: '张三' },
        { o: '张三', n: 5 },
        { o: 5, n: '85.50' },
        { o: '85.50', n: null },
      ]);
      // A report holding both for one cell is refused whole.
      await expect(store.writeReportState(id, { rows: {}, inputs: { 'TX:N1:c1': 1 }, texts: {}, strings: { 'TX:N1:c1': 'x' } })).rejects.toThrow('单元格 TX:N1:c1 既有数值又有文字，未写入');
      await expect(store.db.run("INSERT INTO typed_cells VALUES (?, 'TX', 'N1', 'c2', '')", [id])).rejects.toThrow(/CHECK/);
    } finally {
      await store.close();
    }
  });
});
