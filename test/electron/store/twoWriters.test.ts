/**
 * Two writers on one database file: the web host (one connection, holding the report open) and the
 * CLI's `main` (its own connection). The web host must see the CLI's writes before every read,
 * export and write, and a write into a row the CLI removed must be refused, never stored.
 */
import ExcelJS from 'exceljs';
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { WorkstationWeb } from '../../../electron/web/main';
import { loadPacks } from '../../../electron/services/createServices';
import { defaultPacksDir } from '../../../electron/services/packs/loadPack';
import { ReportSessions } from '../../../electron/services/reportSessions';
import { StaleDataError } from '../../../electron/services/store/database';
import { ReportStore } from '../../../electron/services/store/reportStore';
import { makeTempDir } from '../services/tempDir';
import { cli, cliOk, startWeb, web, webOk } from './storeHarness';

let temp: Awaited<ReturnType<typeof makeTempDir>>;
let db: string;
let host: WorkstationWeb | undefined;
const ref = { unit: '001', year: 2020 };
const at = () => ['--db', db, '--unit', '001', '--year', '2020'];

beforeEach(async () => {
  temp = await makeTempDir('juesuan-two-');
  db = join(temp.dir, '决算.sqlite');
  await cliOk('unit', 'add', '--db', db, '--code', '001', '--name', '某某县政务服务管理局', '--kind', '行政单位');
  await cliOk('set', ...at(), 'T03', '2010301', 'c2', '86.93');
  await cliOk('set', ...at(), 'T03', '2010607', 'c2', '12.00');
  host = await startWeb(temp.dir, db);
});

afterEach(async () => {
  await host?.close();
  host = undefined;
  await temp.remove();
});

/** Every numeric cell of a workbook sheet-by-sheet, to find an amount wherever the layout put it. */
async function workbookNumbers(base64: string): Promise<number[]> {
  const book = new ExcelJS.Workbook();
  await book.xlsx.load(new Uint8Array(Buffer.from(base64, 'base64')).buffer);
  const numbers: number[] = [];
  book.eachSheet((sheet) => sheet.eachRow((row) => row.eachCell((cell) => {
    if (typeof cell.value === 'number') numbers.push(cell.value);
  })));
  return numbers;
}

describe('two writers on one database', () => {
  it('a department\'s consolidated report open in the web host moves its stamp when the CLI changes a unit of it', async () => {
    const h = host!;
    await cliOk('unit', 'add', '--db', db, '--code', '100', '--name', '某某县财政局', '--kind', '行政单位');
    await cliOk('unit', 'move', '--db', db, '--code', '001', '--parent', '100');
    const dept = { unit: '100', year: 2020, consolidated: true };
    const sum = async () => (await webOk(h, 'openReport', dept)).inputs['T03:2010301:c2'];
    expect(await sum()).toBe(8693);
    const before = (await webOk(h, 'reportStamp', dept)).generation;
    expect((await webOk(h, 'reportStamp', dept)).generation).toBe(before);
    await cliOk('set', ...at(), 'T03', '2010301', 'c2', '100.00');
    expect((await webOk(h, 'reportStamp', dept)).generation).toBe(before + 1);
    expect(await sum()).toBe(10_000);
  });

  it('a 绩效自评 change made by the CLI moves the stamp of the report open in the web host; its own does not', async () => {
    const h = host!;
    await webOk(h, 'openReport', ref);
    const added = await webOk(h, 'perfEdit', { ...ref, op: { op: 'addProject', name: '农村公路养护' } });
    const id = added.id!;
    const before = (await webOk(h, 'reportStamp', ref)).generation;
    await webOk(h, 'perfEdit', { ...ref, op: { op: 'set', target: 'project', id, field: 'goalExpected', text: '完成养护 120 公里' } });
    expect((await webOk(h, 'reportStamp', ref)).generation).toBe(before);

    await cliOk('set', ...at(), '项目库', '1', '全年预算数（本年财政拨款）', '2,500.00');
    const after = (await webOk(h, 'reportStamp', ref)).generation;
    expect(after).toBe(before + 1);
    expect((await webOk(h, 'reportStamp', ref)).generation).toBe(after);
    const state = await webOk(h, 'perfState', ref);
    expect(state.data.projects.map((p) => [p.name, p.annual[0], p.goalExpected])).toEqual([['农村公路养护', 250_000, '完成养护 120 公里']]);
  });

  it('the web host sees a CLI write before reading, exporting and writing, and tells the page', async () => {
    const h = host!;
    const opened = await webOk(h, 'openReport', ref);
    expect(opened.inputs['T03:2010301:c2']).toBe(8693);
    const before = (await webOk(h, 'reportStamp', ref)).generation;

    await cliOk('set', ...at(), 'T03', '2010301', 'c2', '5,000,000.00');

    // The page polls the generation: it moved, so the page reloads and says so.
    const after = (await webOk(h, 'reportStamp', ref)).generation;
    expect(after).toBe(before + 1);
    // Asking again without another change leaves it where it is.
    expect((await webOk(h, 'reportStamp', ref)).generation).toBe(after);
    expect((await webOk(h, 'openReport', ref)).inputs['T03:2010301:c2']).toBe(500_000_000);

    // An export made right after another CLI write carries the new number, not the cached one.
    await cliOk('set', ...at(), 'T03', '2010301', 'c2', '4,000,000.00');
    const exported = await webOk(h, 'exportXlsx', { ...ref, wan: false, blankZeros: false, draft: true });
    const numbers = await workbookNumbers(exported.base64);
    expect(numbers).toContain(4_000_000);
    expect(numbers).not.toContain(5_000_000);
    expect(numbers).not.toContain(86.93);

    // A write from the web host after the CLI's lands next to it; the CLI's value is not overwritten.
    await cliOk('set', ...at(), 'T03', '2010301', 'c3', '7.00');
    await webOk(h, 'setCells', { ...ref, edits: [{ table: 'T03', row: '2010301', col: 'c4', value: 300 }] });
    const shown = JSON.parse(await cliOk('show', ...at(), '--json', '--table', 'T03'));
    expect(shown.tables.T03['2010301']).toMatchObject({ c2: '4000000.00', c3: '7.00', c4: '3.00', c1: '4000010.00' });
  });

  it('a stale session cannot write into a row another writer removed, and the report still opens', async () => {
    const h = host!;
    // The web page holds the report with row 2010607 in it.
    const opened = await webOk(h, 'openReport', ref);
    expect(opened.rows.T03).toContain('2010607');

    // The CLI imports a report file without that row.
    const file = join(temp.dir, '报表.json');
    await cliOk('export-json', ...at(), '--out', file);
    const doc = JSON.parse(await readFile(file, 'utf8'));
    doc.rows.T03 = doc.rows.T03.filter((r: string) => r !== '2010607');
    delete doc.tables.T03['2010607'];
    await writeFile(file, JSON.stringify(doc), 'utf8');
    await cliOk('import-json', '--db', db, file);

    // The page writes into the removed row: refused at its place, nothing stored.
    const reply = await web(h, 'setCells', { ...ref, edits: [{ table: 'T03', row: '2010607', col: 'c2', value: 999 }] });
    expect(reply.ok).toBe(false);
    if (!reply.ok) {
      expect(reply.error.message).toMatch(/2010607/);
      expect(reply.error.message).toContain('数据已在别处修改，已重新载入');
    }
    // A good cell in the same batch is refused with it (all or nothing).
    const mixed = await web(h, 'setCells', {
      ...ref,
      edits: [
        { table: 'T03', row: '2010301', col: 'c3', value: 1 },
        { table: 'T03', row: '2010607', col: 'c3', value: 1 },
      ],
    });
    expect(mixed.ok).toBe(false);

    // Everything still opens and exports, from both sides.
    const show = await cli('show', ...at(), '--json');
    expect(show.code).toBe(0);
    expect(show.err).toBe('');
    const shown = JSON.parse(show.out);
    expect(shown.tables.T03['2010607']).toBeUndefined();
    expect(shown.tables.T03['2010301'].c3).toBe('0.00');
    expect((await cli('audit', ...at())).err).not.toMatch(/不一致/);
    expect((await cli('export-json', ...at(), '--out', join(temp.dir, 'again.json'))).code).toBe(0);
    await h.close();
    host = await startWeb(temp.dir, db);
    const fresh = await webOk(host, 'openReport', ref);
    expect(fresh.rows.T03 ?? []).not.toContain('2010607');
    expect(fresh.unfit).toBeUndefined();
  });

  it('a write decided on old data is refused by the store and re-tried on the fresh data', async () => {
    await host!.close();
    host = undefined;
    const packs = await loadPacks(defaultPacksDir());
    const a = await ReportStore.open(db);
    const b = await ReportStore.open(db);
    try {
      const sessions = new ReportSessions(a, packs);
      const session = await sessions.open(ref);
      const seen = sessions.dataVersion;
      // B (another connection) commits after A's checks were made at `seen`.
      const other = await b.findReport('001', 2020);
      await b.writeCells(other!.id, [{ table: 'T03', row: '2010301', col: 'c3', value: 100 }]);
      await expect(a.writeCells(session.reportId, [{ table: 'T03', row: '2010301', col: 'c4', value: 1 }], { dataVersion: seen })).rejects.toBeInstanceOf(
        StaleDataError,
      );
      expect((await a.loadReportData(session.reportId)).inputs['T03:2010301:c4']).toBeUndefined();

      // Through sessions.write: the first attempt is refused, the second sees B's write and lands.
      let attempts = 0;
      await sessions.write(ref, async (fresh, version) => {
        attempts += 1;
        if (attempts === 1) await b.writeCells(other!.id, [{ table: 'T03', row: '2010301', col: 'c5', value: 500 }]);
        expect(fresh.engine.inputValue('T03', '2010301', 'c3')).toBe(100);
        return a.writeCells(fresh.reportId, [{ table: 'T03', row: '2010301', col: 'c4', value: 1 }], { dataVersion: version });
      });
      expect(attempts).toBe(2);
      const stored = await a.loadReportData(session.reportId);
      expect(stored.inputs).toMatchObject({ 'T03:2010301:c3': 100, 'T03:2010301:c4': 1, 'T03:2010301:c5': 500 });
    } finally {
      await a.close();
      await b.close();
    }
  });
});
