/**
 * A report whose stored data no longer fits its pack (written by an older version before stale writes
 * were refused, or kept from a pack that changed) still opens and exports: what fits is shown, each item
 * that does not is named, and nothing is dropped from the database.
 */
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ReportStore } from '../../../electron/services/store/reportStore';
import { makeTempDir } from '../services/tempDir';
import { cli, cliOk, startWeb, webOk } from './storeHarness';

let temp: Awaited<ReturnType<typeof makeTempDir>>;
let db: string;
const at = () => ['--db', db, '--unit', '001', '--year', '2020'];

beforeEach(async () => {
  temp = await makeTempDir('juesuan-unfit-');
  db = join(temp.dir, '决算.sqlite');
  await cliOk('unit', 'add', '--db', db, '--code', '001', '--name', '某某县政务服务管理局', '--kind', '行政单位');
  await cliOk('set', ...at(), 'T03', '2010301', 'c2', '100.00');
  // What the old stale-session bug left behind: a cell in a row the report does not have.
  const store = await ReportStore.open(db);
  const report = await store.findReport('001', 2020);
  await store.writeCells(report!.id, [{ table: 'T03', row: '2010607', col: 'c2', value: 123_456 }]);
  await store.close();
});

afterEach(async () => {
  await temp.remove();
});

describe('stored data that no longer fits the pack', () => {
  it('show and export-json export what they can and name what they could not', async () => {
    const show = await cli('show', ...at(), '--json');
    expect(show.code).toBe(0);
    const shown = JSON.parse(show.out);
    expect(shown.tables.T03['2010301'].c2).toBe('100.00');
    expect(show.err).toContain('2010607');
    expect(show.err).toContain('1234.56');
    expect(show.err).not.toContain('不一致');

    const out = join(temp.dir, '报表.json');
    const exported = await cli('export-json', ...at(), '--out', out);
    expect(exported.code).toBe(0);
    expect(exported.err).toContain('未能导出');
    expect(exported.err).toContain('2010607');
    const doc = JSON.parse(await readFile(out, 'utf8'));
    expect(doc.tables.T03['2010301'].c2).toBe('100.00');
    expect(doc.tables.T03['2010607']).toBeUndefined();

    // The item is still in the database: nothing was dropped by looking at it.
    const store = await ReportStore.open(db);
    const report = await store.findReport('001', 2020);
    expect((await store.loadReportData(report!.id)).inputs['T03:2010607:c2']).toBe(123_456);
    await store.close();
  });

  it('the workstation opens it and names the item', async () => {
    const host = await startWeb(temp.dir, db);
    try {
      const snapshot = await webOk(host, 'openReport', { unit: '001', year: 2020 });
      expect(snapshot.inputs['T03:2010301:c2']).toBe(10_000);
      expect(snapshot.unfit?.join('')).toContain('2010607');
    } finally {
      await host.close();
    }
  });
});
