/**
 * A caption merged across the whole width of a table, between the title and the column headers (a
 * bureau's “项目” or “本年度决算数” over every column): it is the table's caption, not a column's word.
 * Read as a column word, “项目” made every data column a row-header column and the import lost them.
 */
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Unit } from '../../../../shared/api/contract';
import { ReportEngine } from '../../../../shared/engine/reportEngine';
import type { Pack } from '../../../../shared/pack/model';
import { exportWorkbook } from '../../../../electron/services/excel/exportWorkbook';
import { planXlsxImport } from '../../../../electron/services/excel/xlsxService';
import { defaultPacksDir, loadPackRoot } from '../../../../electron/services/packs/loadPack';
import { ReportSessions } from '../../../../electron/services/reportSessions';
import { ReportStore } from '../../../../electron/services/store/reportStore';
import { makeTempDir } from '../tempDir';
import { randomReport } from './randomReport';
import { insertSheet, loadWorkbook, saveWorkbook, sheetRows } from './workbookEdit';

const unit: Unit = { code: '001', name: '测试县某某局', kind: '行政单位', parent: null };
let temp: Awaited<ReturnType<typeof makeTempDir>>;
let packs: Pack[];
let n = 0;

beforeAll(async () => {
  temp = await makeTempDir('juesuan-caption-');
  packs = await loadPackRoot(defaultPacksDir());
});
afterAll(async () => {
  await temp.remove();
});

function column(n: number): string {
  let out = '';
  for (let k = n; k > 0; k = Math.floor((k - 1) / 26)) out = String.fromCharCode(65 + ((k - 1) % 26)) + out;
  return out;
}

/** Every sheet of the workbook with a caption merged across all its columns inserted as row `at`. */
async function withCaption(bytes: Uint8Array, caption: string, at: number): Promise<Uint8Array> {
  const workbook = await loadWorkbook(bytes);
  for (const [i, name] of workbook.worksheets.map((s) => s.name).entries()) {
    const sheet = workbook.getWorksheet(name);
    if (!sheet) continue;
    const rows = sheetRows(sheet);
    const width = sheet.columnCount;
    const merges = (sheet.model.merges ?? []).map((m) => m.replace(/([A-Z]+)(\d+)/g, (_, c: string, r: string) => `${c}${Number(r) >= at ? Number(r) + 1 : Number(r)}`));
    const captionRow = [caption, ...Array<null>(width - 1).fill(null)];
    workbook.removeWorksheet(sheet.id);
    insertSheet(workbook, name, i, [...rows.slice(0, at - 1), captionRow, ...rows.slice(at - 1)], [...merges, `A${at}:${column(width)}${at}`]);
  }
  return saveWorkbook(workbook);
}

describe('a caption merged across the whole table', () => {
  for (const packId of ['yn-2020', 'yn-2025']) {
    for (const caption of ['项目', '科目编码', '本年度决算数']) {
      it(`${packId}: “${caption}” over every column is not a column word; every table reads whole`, async () => {
        const pack = packs.find((p) => p.id === packId);
        if (!pack) throw new Error(`${packId} missing`);
        const year = packId === 'yn-2020' ? 2020 : 2025;
        const report = randomReport(pack, 40 + caption.length);
        const engine = new ReportEngine(pack, report);
        const exported = new Uint8Array(await exportWorkbook({ pack, engine, unit, year, texts: {}, options: { unit: '元', blankZeros: false } }));
        n += 1;
        const store = await ReportStore.open(join(temp.dir, `caption-${n}.db`));
        try {
          await store.addUnit(unit);
          const sessions = new ReportSessions(store, packs);
          // Row 3 is the first header row of an exported sheet (title, then 编制单位/金额单位).
          const plan = await planXlsxImport(sessions, { unit: '001', year }, await withCaption(exported, caption, 3), 'caption.xlsx');
          expect(plan.notPlaced).toEqual([]);
          expect(plan.tables.map((t) => t.table).sort()).toEqual(pack.tables.map((t) => t.id).sort());
          expect(plan.data.inputs).toEqual(report.inputs);
          expect(plan.computedDifferences).toEqual([]);
        } finally {
          await store.close();
        }
      });
    }
  }
});
