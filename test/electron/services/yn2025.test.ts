/**
 * Today's report: a 2025 report in yn-2025 entered, audited, narrated, exported to .xlsx and read
 * back; last year's 2021 report (kept in yn-2020) feeding 2022's 上年数; 科目 the catalogue lacks
 * accepted with their names from the clerk, a report file and a bureau workbook, and listed by G-1.
 */
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Api, Unit } from '../../../shared/api/contract';
import { ReportEngine } from '../../../shared/engine/reportEngine';
import type { Pack } from '../../../shared/pack/model';
import { createApi } from '../../../electron/services/api';
import { exportWorkbook } from '../../../electron/services/excel/exportWorkbook';
import { commitXlsxImport, exportReportXlsx, planXlsxImport } from '../../../electron/services/excel/xlsxService';
import { reportNarrative } from '../../../electron/services/narrative/reportNarrative';
import { defaultPacksDir, loadPackRoot } from '../../../electron/services/packs/loadPack';
import { auditStoredReport } from '../../../electron/services/reportAudit';
import { exportReport, importReport } from '../../../electron/services/reportFile';
import { ReportSessions } from '../../../electron/services/reportSessions';
import { jsonFileSettings } from '../../../electron/services/settings/jsonFileSettings';
import { ReportStore } from '../../../electron/services/store/reportStore';
import { randomReport } from './excel/randomReport';
import { makeTempDir } from './tempDir';

const unit: Unit = { code: '001', name: '耿马傣族佤族自治县政务服务管理局', kind: '行政单位', parent: null };
let temp: Awaited<ReturnType<typeof makeTempDir>>;
let packs: Pack[];
let pack2025: Pack;
let n = 0;

beforeAll(async () => {
  temp = await makeTempDir('juesuan-2025-');
  packs = await loadPackRoot(defaultPacksDir());
  const found = packs.find((p) => p.id === 'yn-2025');
  if (!found) throw new Error('yn-2025 missing');
  pack2025 = found;
});
afterAll(async () => {
  await temp.remove();
});

async function fresh(): Promise<{ store: ReportStore; sessions: ReportSessions; api: Api }> {
  n += 1;
  const store = await ReportStore.open(join(temp.dir, `r-${n}.db`));
  const sessions = new ReportSessions(store, packs);
  const api = createApi({ store, packs, settings: jsonFileSettings(join(temp.dir, `s-${n}.json`)), sessions });
  await api.addUnit(unit);
  return { store, sessions, api };
}

describe('a 2025 report in yn-2025', () => {
  it('opens 2021–2025, each year in its format', async () => {
    const { store, api } = await fresh();
    try {
      for (const year of [2021, 2022, 2025]) expect((await api.openReport({ unit: '001', year })).packId).toBe(year < 2022 ? 'yn-2020' : 'yn-2025');
    } finally {
      await store.close();
    }
  });

  it('round-trips every table through .xlsx for random reports, and audits and narrates them', async () => {
    for (let seed = 1; seed <= 12; seed++) {
      const report = randomReport(pack2025, seed);
      const engine = new ReportEngine(pack2025, report);
      const bytes = await exportWorkbook({ pack: pack2025, engine, unit, year: 2025, texts: {}, options: { unit: '元', blankZeros: seed % 2 === 0 } });
      const { store, sessions } = await fresh();
      try {
        const plan = await planXlsxImport(sessions, { unit: '001', year: 2025 }, bytes, `rt-${seed}.xlsx`);
        expect(plan.packId).toBe('yn-2025');
        expect(plan.tables.map((t) => t.table).sort()).toEqual(pack2025.tables.map((t) => t.id).sort());
        expect(plan.notPlaced, `seed ${seed}`).toEqual([]);
        expect(plan.computedDifferences, `seed ${seed}`).toEqual([]);
        await commitXlsxImport(sessions, plan);
        const stored = await store.findReport('001', 2025);
        const data = stored ? await store.loadReportData(stored.id) : undefined;
        expect(data?.inputs, `seed ${seed}`).toEqual(report.inputs);
        expect(data?.rows, `seed ${seed}`).toEqual(Object.fromEntries(Object.entries(report.rows).map(([t, c]) => [t, [...c].sort()])));
        const audit = await auditStoredReport(sessions, { unit: '001', year: 2025 });
        expect(audit.results.length).toBeGreaterThan(0);
        if (pack2025.narrative) {
          const narrative = await reportNarrative(sessions, pack2025.narrative, { unit: '001', year: 2025 });
          expect(narrative.doc.blocks.length).toBeGreaterThan(10);
        }
      } finally {
        await store.close();
      }
    }
  });

  it('a consistent report passes every 强制 rule, exports as 报送版, and its 情况说明 has the 项目支出 sentence', async () => {
    const { store, sessions, api } = await fresh();
    try {
      const ref = { unit: '001', year: 2025 };
      await api.openReport(ref);
      for (const t of ['T02', 'T03', 'T05', 'TPRJ']) await api.addRows({ ...ref, table: t, rows: ['2010301', '2010302'] });
      const yuan = (y: number) => y * 100;
      const edits = [
        // 2010301 行政运行: 基本 800,000; 2010302 一般行政管理事务: 项目 200,000 — all 财政拨款.
        { table: 'T02', row: '2010301', col: 'c2', value: yuan(800_000) },
        { table: 'T02', row: '2010302', col: 'c2', value: yuan(200_000) },
        { table: 'T03', row: '2010301', col: 'c2', value: yuan(800_000) },
        { table: 'T03', row: '2010302', col: 'c3', value: yuan(200_000) },
        { table: 'T04', row: 'I01', col: 'c1', value: yuan(1_000_000) },
        { table: 'T05', row: '2010301', col: 'c2', value: yuan(800_000) },
        { table: 'T05', row: '2010301', col: 'c4', value: yuan(800_000) },
        { table: 'T05', row: '2010302', col: 'c2', value: yuan(200_000) },
        { table: 'T05', row: '2010302', col: 'c5', value: yuan(200_000) },
        { table: 'TPRJ', row: '2010302', col: 'c3', value: yuan(150_000) },
        { table: 'TPRJ', row: '2010302', col: 'c5', value: yuan(50_000) },
        { table: 'T06', row: '30101', col: 'c1', value: yuan(600_000) },
        { table: 'T06', row: '30201', col: 'c1', value: yuan(200_000) },
        { table: 'T09', row: 'OPEX', col: 'c2', value: yuan(200_000) },
        { table: 'T10', row: 'TOTAL', col: 'c2', value: yuan(50_000) },
      ];
      await api.setCells({ ...ref, edits });
      const audit = await auditStoredReport(sessions, ref);
      expect(audit.results.filter((r) => r.level === '强制').map((r) => r.message)).toEqual([]);
      expect(audit.report.blocking).toBe(false);
      const bytes = await exportReportXlsx(sessions, ref, { unit: '元', blankZeros: false });
      const book = new ExcelJS.Workbook();
      await book.xlsx.load(bytes as unknown as ArrayBuffer);
      expect(book.worksheets.map((w) => w.name)).toEqual(expect.arrayContaining(['公开07表', '公开11表']));
      const narrative = await reportNarrative(sessions, pack2025.narrative!, ref);
      const text = JSON.stringify(narrative.doc);
      expect(text).toContain('一般公共预算财政拨款项目支出');
      expect(text).toContain('200000.00元');
    } finally {
      await store.close();
    }
  });

  it('takes 2022’s 上年数 from the 2021 report kept in yn-2020, mapping rows by id', async () => {
    const { store, sessions, api } = await fresh();
    try {
      await api.openReport({ unit: '001', year: 2021 });
      await api.setCells({ unit: '001', year: 2021, edits: [{ table: 'T01', row: 'EEND', col: 'c2', value: 123_400 }] });
      await api.openReport({ unit: '001', year: 2022 });
      await api.setCells({ unit: '001', year: 2022, edits: [{ table: 'T01', row: 'IBEG', col: 'c1', value: 123_400 }] });
      const audit = await auditStoredReport(sessions, { unit: '001', year: 2022 });
      expect(audit.previous?.pack.id).toBe('yn-2020');
      expect(audit.report.notEvaluated).toEqual([]);
      const x13 = audit.results.filter((r) => r.ruleId === 'X-13');
      expect(x13.map((r) => r.message).join('\n')).not.toContain('年初结转和结余');
      const narrative = await reportNarrative(sessions, pack2025.narrative!, { unit: '001', year: 2022 });
      expect(narrative.lastYear).toBe('database');
    } finally {
      await store.close();
    }
  });
});

describe('科目 the year’s catalogue lacks', () => {
  it('added by hand with a name: kept, marked and listed by G-1 as 提示, and through the report file', async () => {
    const { store, sessions, api } = await fresh();
    try {
      const ref = { unit: '001', year: 2025 };
      await api.openReport(ref);
      const refused = await api.addRows({ ...ref, table: 'T03', rows: ['2019988'] }).then(() => null, (e: unknown) => e);
      expect(String(refused)).toContain('2019988');
      await api.addRows({ ...ref, table: 'T03', rows: ['2019988'], names: { '2019988': '数字政府建设支出' } });
      await api.setCells({ ...ref, edits: [{ table: 'T03', row: '2019988', col: 'c3', value: 500_00 }] });
      const snap = await api.openReport(ref);
      expect(snap.texts['subject.func.2019988']).toBe('数字政府建设支出');
      const audit = await auditStoredReport(sessions, ref);
      const g1 = audit.results.filter((r) => r.ruleId === 'G-1');
      expect(g1.map((r) => [r.level, r.message])).toEqual([['提示', '支出决算表：科目“2019988 数字政府建设支出”不在本年度科目目录中，请核对']]);
      const row = sessions.packs && (await sessions.open(ref)).engine.row('T03', '2019988');
      expect(row).toMatchObject({ label: '数字政府建设支出', ownSubject: true, level: '项' });

      const text = await exportReport(sessions, ref);
      const other = await fresh();
      try {
        await importReport(other.sessions, text, 'r.json');
        expect(await exportReport(other.sessions, ref)).toBe(text);
      } finally {
        await other.store.close();
      }
      const unnamed = text.replace(/"subject\.func\.2019988": "数字政府建设支出",?\n\s*/, '');
      const why = await importReport(sessions, unnamed, 'bad.json').then(() => null, (e: unknown) => e);
      expect(String(why)).toContain('"subject.func.2019988": "科目名称"');
    } finally {
      await store.close();
    }
  });

  it('in a bureau workbook: imported with the sheet’s name, noted in the preview, listed by G-1', async () => {
    const { store, sessions, api } = await fresh();
    try {
      const ref = { unit: '001', year: 2025 };
      await api.openReport(ref);
      await api.addRows({ ...ref, table: 'T03', rows: ['2010301'] });
      await api.setCells({ ...ref, edits: [{ table: 'T03', row: '2010301', col: 'c2', value: 100_00 }] });
      const bytes = await exportReportXlsx(sessions, ref, { unit: '元', blankZeros: false, draft: true });
      const book = new ExcelJS.Workbook();
      await book.xlsx.load(bytes as unknown as ArrayBuffer);
      const sheet = book.getWorksheet('公开03表');
      if (!sheet) throw new Error('no 公开03表');
      // The bureau's file uses 2013988 (not in our catalogue) instead of 2010301.
      sheet.eachRow((r) => {
        r.eachCell((c) => {
          if (c.value === '2010301') c.value = '2013988';
          if (c.value === '行政运行') c.value = '其他社会工作事务支出（县级）';
          if (c.value === '20103') c.value = '20139';
          if (c.value === '政府办公厅（室）及相关机构事务') c.value = '社会工作事务';
        });
      });
      const edited = Buffer.from(await book.xlsx.writeBuffer());
      const plan = await planXlsxImport(sessions, ref, new Uint8Array(edited), 'bureau.xlsx');
      expect(plan.notPlaced).toEqual([]);
      expect(plan.notes.join('\n')).toContain('科目“2013988 其他社会工作事务支出（县级）”不在本年度科目目录中');
      await commitXlsxImport(sessions, plan);
      const audit = await auditStoredReport(sessions, ref);
      expect(audit.results.filter((r) => r.ruleId === 'G-1').map((r) => r.message)).toContain(
        '支出决算表：科目“2013988 其他社会工作事务支出（县级）”不在本年度科目目录中，请核对',
      );
    } finally {
      await store.close();
    }
  });
});
