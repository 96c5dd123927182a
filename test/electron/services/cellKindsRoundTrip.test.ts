/**
 * The proof of the wider pack model: a pack with a text column, decimal and percent columns computed
 * by rate formulas, and clerk-named rows (test/fixtures/packs/kinds-2030, loaded by the real loader)
 * is typed through the Api into a real SQLite file, reopened, exported to .xlsx, re-imported into a
 * fresh database and compared exactly — and the same through the JSON report file and the CLI.
 */
import { readFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Api, ReportData, Unit } from '../../../shared/api/contract';
import type { Pack } from '../../../shared/pack/model';
import { createApi } from '../../../electron/services/api';
import { commitXlsxImport, exportReportXlsx, planXlsxImport } from '../../../electron/services/excel/xlsxService';
import { loadPackRoot } from '../../../electron/services/packs/loadPack';
import { auditStoredReport } from '../../../electron/services/reportAudit';
import { exportReport, importReport } from '../../../electron/services/reportFile';
import { ReportSessions } from '../../../electron/services/reportSessions';
import { jsonFileSettings } from '../../../electron/services/settings/jsonFileSettings';
import { ReportStore } from '../../../electron/services/store/reportStore';
import { runMain } from '../cli/inProcess';
import { fingerprintOf } from '../../../electron/services/print/printService';
import { tablePart } from '../../../shared/print/tableHtml';
import { printedSnapshot } from '../../../shared/engine/printedRows';
import { seededRandom } from '../../../scripts/bench/fullSizeReport';
import { makeTempDir } from './tempDir';

const PACKS = resolve(__dirname, '..', '..', 'fixtures', 'packs');
const unit: Unit = { code: '001', name: '某某县农业农村局', kind: '行政单位', parent: null };
const ref = { unit: '001', year: 2030 };
let temp: Awaited<ReturnType<typeof makeTempDir>>;
let packs: Pack[];
let n = 0;

beforeAll(async () => {
  temp = await makeTempDir('juesuan-kinds-');
  packs = await loadPackRoot(PACKS);
});
afterAll(async () => {
  await temp.remove();
});

interface Opened {
  file: string;
  store: ReportStore;
  sessions: ReportSessions;
  api: Api;
}

async function open(file?: string): Promise<Opened> {
  n += 1;
  const path = file ?? join(temp.dir, `k-${n}.db`);
  const store = await ReportStore.open(path);
  const sessions = new ReportSessions(store, packs);
  const api = createApi({ store, packs, settings: jsonFileSettings(join(temp.dir, `s-${n}.json`)), sessions });
  if (!(await store.getUnit(unit.code))) await api.addUnit(unit);
  return { file: path, store, sessions, api };
}

async function stored(store: ReportStore): Promise<ReportData> {
  const report = await store.findReport('001', 2030);
  if (!report) throw new Error('no report');
  return store.loadReportData(report.id);
}

const NAMES = ['农村道路维修', '高标准农田建设', '“菜篮子”工程', '渔业资源保护', '动物防疫（春防）', '乡村振兴示范村', '农机购置补贴'];
const WORDS = ['完成', '年度目标', '覆盖率≥95%', '群众满意', '按期', '验收合格', '2025年'];

/** Types a random report for `seed` through the Api: named rows, texts, amounts, scores, counts; returns what was typed. */
async function typeRandom(api: Api, seed: number): Promise<void> {
  const random = seededRandom(seed);
  const pick = <T,>(list: readonly T[]): T => list[Math.floor(random() * list.length)] as T;
  const rows = 1 + Math.floor(random() * 4);
  const names = [...NAMES].sort(() => random() - 0.5).slice(0, rows);
  for (const name of names) {
    const { row } = await api.addNamedRow({ ...ref, table: 'TX', name });
    const budget = Math.floor(random() * 1e9);
    const edits = [
      { table: 'TX', row, col: 'c1', value: pick(['张三', '李四', '王五（副局长）']) },
      { table: 'TX', row, col: 'c2', value: `${pick(WORDS)}，${pick(WORDS)}` },
      { table: 'TX', row, col: 'c3', value: random() < 0.2 ? 0 : budget },
      { table: 'TX', row, col: 'c4', value: Math.floor(budget * random() * 1.1) },
      { table: 'TX', row, col: 'c6', value: `${Math.floor(random() * 100)}.${Math.floor(random() * 10)}` },
      { table: 'TX', row, col: 'c7', value: Math.floor(random() * 20) },
    ];
    await api.setCells({ ...ref, edits });
  }
  if (rows > 1 && random() < 0.5) {
    // A row removed: its id is never given again.
    const first = (await api.openReport(ref)).rows.TX?.[0] ?? '';
    await api.removeRow({ ...ref, table: 'TX', row: first });
  }
  await api.setCells({
    ...ref,
    edits: [
      { table: 'TS', row: 'R1', col: 'c1', value: Math.floor(random() * 1e7) },
      { table: 'TS', row: 'R1', col: 'c2', value: `${Math.floor(random() * 10)}.${String(Math.floor(random() * 1000)).padStart(3, '0')}` },
      { table: 'TS', row: 'R2', col: 'c3', value: `第二项说明\n第二行：${pick(WORDS)}` },
      // A typed percent: the workbook holds its fraction (0.855 for 85.5%) and gives it back exactly.
      { table: 'TS', row: 'R2', col: 'c4', value: `${Math.floor(random() * 200) - 50}.${Math.floor(random() * 10)}` },
    ],
  });
}

describe('the kinds-2030 fixture pack', () => {
  it('loads with its named table, rate formulas and decimal rule', () => {
    const pack = packs.find((p) => p.id === 'kinds-2030');
    expect(pack?.tables.map((t) => t.id)).toEqual(['TX', 'TS']);
    expect(pack?.rules?.map((r) => r.id)).toEqual(['TX-1', 'TX-2']);
  });
});

describe('typed, stored, reopened', () => {
  it('keeps text, decimal and percent exactly in typed_cells and computes the rate', async () => {
    const { file, store, api } = await open();
    try {
      const { row } = await api.addNamedRow({ ...ref, table: 'TX', name: '农村道路维修' });
      expect(row).toBe('N1');
      await api.setCells({
        ...ref,
        edits: [
          { table: 'TX', row, col: 'c1', value: '张三' },
          { table: 'TX', row, col: 'c3', value: 100_000_00 },
          { table: 'TX', row, col: 'c4', value: 85_500_00 },
          { table: 'TX', row, col: 'c6', value: '92.5' },
        ],
      });
      const snap = await api.openReport(ref);
      expect(snap.strings).toEqual({ 'TX:N1:c1': '张三', 'TX:N1:c6': '92.5' });
      expect(snap.inputs).toEqual({ 'TX:N1:c3': 10_000_000, 'TX:N1:c4': 8_550_000 });
      expect(snap.texts['rowname.TX.N1']).toBe('农村道路维修');
      const rows = await store.db.all<{ value: unknown; t: string }>("SELECT value, typeof(value) AS t FROM typed_cells ORDER BY col_id");
      expect(rows).toEqual([
        { value: '张三', t: 'text' },
        { value: '92.5', t: 'text' },
      ]);
    } finally {
      await store.close();
    }
    // Reopened from the file: the same values, the rate computed again.
    const again = await open(file);
    try {
      const session = await again.sessions.open(ref);
      expect(session.engine.cellValue('TX', 'N1', 'c5')).toBe('85.50');
      expect(session.engine.cellValue('TX', 'N1', 'c8')).toBe('79.09');
      expect(session.engine.cellValue('TX', 'N1', 'c1')).toBe('张三');
      expect(session.engine.layout('TX').sides[0]?.rows.map((r) => r.label)).toEqual(['农村道路维修', '合计']);
    } finally {
      await again.store.close();
    }
  });

  it('refuses at its place: a text too long, too many places, a number in a text cell; division by zero empties the rate', async () => {
    const { store, api, sessions } = await open();
    try {
      const { row } = await api.addNamedRow({ ...ref, table: 'TX', name: '项目甲' });
      await expect(api.setCells({ ...ref, edits: [{ table: 'TX', row, col: 'c1', value: '一二三四五六七八九十一二三四五六七八九十一' }] })).rejects.toThrow(
        /项目支出完成情况表 第“项目甲”行“项目负责人”文字过长（最多 20 字）/,
      );
      await expect(api.setCells({ ...ref, edits: [{ table: 'TX', row, col: 'c6', value: '92.55' }] })).rejects.toThrow(/“自评得分”应为保留 1 位小数的数值/);
      await expect(api.setCells({ ...ref, edits: [{ table: 'TX', row, col: 'c1', value: 5 }] })).rejects.toThrow(/“项目负责人”应为文字/);
      await expect(api.setCells({ ...ref, edits: [{ table: 'TX', row, col: 'c5', value: '50.00' }] })).rejects.toThrow(/“执行率”是自动计算的单元格/);
      await expect(api.addNamedRow({ ...ref, table: 'TX', name: '项目甲' })).rejects.toThrow(/项目支出完成情况表：已有名为“项目甲”的行/);
      await expect(api.addNamedRow({ ...ref, table: 'TS', name: '新行' })).rejects.toThrow(/系数与说明表 的行不是填报人命名的/);
      await api.setCells({ ...ref, edits: [{ table: 'TX', row, col: 'c4', value: 500 }] });
      const session = await sessions.open(ref);
      expect(session.engine.cellValue('TX', row, 'c5')).toBeNull();
      expect((await stored(store)).strings ?? {}).toEqual({});
    } finally {
      await store.close();
    }
  });

  it('named rows: ids stable and never reused after a removal; rename; the journal and history restore carry text cells', async () => {
    const { store, api } = await open();
    try {
      await api.addNamedRow({ ...ref, table: 'TX', name: '甲' });
      await api.addNamedRow({ ...ref, table: 'TX', name: '乙' });
      await api.setCells({ ...ref, edits: [{ table: 'TX', row: 'N2', col: 'c2', value: '目标乙' }] });
      await api.removeRow({ ...ref, table: 'TX', row: 'N2' });
      const { row } = await api.addNamedRow({ ...ref, table: 'TX', name: '丙' });
      expect(row).toBe('N3');
      await api.renameRow({ ...ref, table: 'TX', row: 'N1', name: '甲（改）' });
      const snap = await api.openReport(ref);
      expect(snap.rows.TX).toEqual(['N1', 'N3']);
      expect(snap.texts['rowname.TX.N1']).toBe('甲（改）');
      expect(snap.texts['rowname.TX.N2']).toBeUndefined();
      expect(snap.texts['rowseq.TX']).toBe('3');
      const history = await api.cellHistory({ ...ref, table: 'TX', row: 'N2', col: 'c2' });
      expect(history.map((h) => [h.old, h.new])).toEqual([
        ['目标乙', null],
        [null, '目标乙'],
      ]);
      // Back to right after the text was typed: the removed row, its name and its text return.
      const batches = await api.reportHistory(ref);
      const typed = batches.find((b) => b.how === 'typed' && b.tables.includes('TX') && b.count === 1);
      await api.restoreHistory({ ...ref, batchId: typed?.id ?? -1 });
      const back = await api.openReport(ref);
      expect(back.rows.TX).toEqual(['N1', 'N2']);
      expect(back.strings).toEqual({ 'TX:N2:c2': '目标乙' });
      expect(back.texts['rowname.TX.N2']).toBe('乙');
      // The restore is undoable like any other batch.
      const restore = (await api.reportHistory(ref))[0];
      await api.undoHistory({ ...ref, batchId: restore?.id ?? -1 });
      expect((await api.openReport(ref)).rows.TX).toEqual(['N1', 'N3']);
    } finally {
      await store.close();
    }
  });

  it('a new year rolled over from this one keeps the named rows with their names and numbering', async () => {
    const { store, api } = await open();
    try {
      await api.addNamedRow({ ...ref, table: 'TX', name: '甲' });
      await api.addNamedRow({ ...ref, table: 'TX', name: '乙' });
      await api.removeRow({ ...ref, table: 'TX', row: 'N1' });
      await api.commitRollover({ unit: '001', from: 2030 });
      const next = await api.openReport({ unit: '001', year: 2031 });
      expect(next.rows.TX).toEqual(['N2']);
      expect(next.texts['rowname.TX.N2']).toBe('乙');
      expect((await api.addNamedRow({ unit: '001', year: 2031, table: 'TX', name: '丙' })).row).toBe('N3');
    } finally {
      await store.close();
    }
  });

  it('a department’s 汇总 of units with named tables opens (named tables are each unit’s own and are not summed)', async () => {
    const { store, api } = await open();
    try {
      await api.addUnit({ code: '001001', name: '农业技术推广站', kind: '其他事业单位', parent: '001' });
      const child = { unit: '001001', year: 2030 };
      const { row } = await api.addNamedRow({ ...child, table: 'TX', name: '甲' });
      await api.setCells({ ...child, edits: [{ table: 'TX', row, col: 'c3', value: 500 }, { table: 'TS', row: 'R1', col: 'c1', value: 700 }] });
      const dept = await api.openReport({ ...ref, consolidated: true });
      expect(dept.consolidated).toBe(true);
      expect(dept.rows.TX ?? []).toEqual([]);
      expect(dept.inputs['TS:R1:c1']).toBe(700);
      // An edit of the unit followed into the open consolidation.
      await api.setCells({ ...child, edits: [{ table: 'TX', row, col: 'c3', value: 900 }, { table: 'TS', row: 'R1', col: 'c1', value: 800 }] });
      expect((await api.openReport({ ...ref, consolidated: true })).inputs['TS:R1:c1']).toBe(800);
    } finally {
      await store.close();
    }
  });

  it('a unit’s 报送文件 carries its text and decimal cells, and the department’s preview lists them', async () => {
    const a = await open();
    let file;
    try {
      await a.api.addUnit({ code: '001001', name: '农业技术推广站', kind: '其他事业单位', parent: '001' });
      const child = { unit: '001001', year: 2030 };
      const { row } = await a.api.addNamedRow({ ...child, table: 'TX', name: '甲' });
      await a.api.setCells({ ...child, edits: [{ table: 'TX', row, col: 'c1', value: '张三' }, { table: 'TX', row, col: 'c6', value: '88.5' }] });
      file = await a.api.exportExchange(child);
    } finally {
      await a.store.close();
    }
    const b = await open();
    try {
      const { planId, plan } = await b.api.planExchangeImport({ dept: '001', fileName: file.fileName, base64: file.base64 });
      expect(plan.changes.map((c) => [c.label, c.after])).toEqual([
        ['项目支出完成情况表 第“甲”行“项目负责人”', '张三'],
        ['项目支出完成情况表 第“甲”行“自评得分”', '88.5'],
      ]);
      await b.api.commitExchangeImport({ planId });
      const stored = await b.api.openReport({ unit: '001001', year: 2030 });
      expect(stored.strings).toEqual({ 'TX:N1:c1': '张三', 'TX:N1:c6': '88.5' });
      expect(stored.texts['rowname.TX.N1']).toBe('甲');
    } finally {
      await b.store.close();
    }
  });

  it('undo steps of the grid carry text values', async () => {
    const { store, api } = await open();
    try {
      await api.addNamedRow({ ...ref, table: 'TX', name: '甲' });
      await api.recordUndo({ ...ref, step: { op: 'push', changes: [{ table: 'TX', row: 'N1', col: 'c1', before: null, after: '张三' }] } });
      expect((await api.getUndo(ref)).done).toEqual([[{ table: 'TX', row: 'N1', col: 'c1', before: null, after: '张三' }]]);
    } finally {
      await store.close();
    }
  });

  it('audit reads decimal cells and shows them with their places', async () => {
    const { store, api, sessions } = await open();
    try {
      const { row } = await api.addNamedRow({ ...ref, table: 'TX', name: '甲' });
      await api.setCells({ ...ref, edits: [{ table: 'TX', row, col: 'c6', value: '-1.5' }, { table: 'TX', row, col: 'c3', value: 100 }, { table: 'TX', row, col: 'c4', value: 200 }] });
      const audit = await auditStoredReport(sessions, ref);
      const messages = audit.results.map((r) => r.message);
      expect(messages.some((m) => m.includes('-1.5'))).toBe(true);
      expect(messages.some((m) => m.includes('2.00') && m.includes('1.00'))).toBe(true);
      // The rule's 100 is 100 points, not 10.0 (the cell is kept as tenths): 99.9 passes, 100.5 fails.
      expect(audit.results.some((r) => r.ruleId === 'TX-2' && r.message.includes('100.0'))).toBe(false);
      await api.setCells({ ...ref, edits: [{ table: 'TX', row, col: 'c6', value: '99.9' }] });
      expect((await auditStoredReport(sessions, ref)).results.filter((r) => r.ruleId === 'TX-2')).toEqual([]);
      await api.setCells({ ...ref, edits: [{ table: 'TX', row, col: 'c6', value: '100.5' }] });
      const over = (await auditStoredReport(sessions, ref)).results.filter((r) => r.ruleId === 'TX-2' && r.row === row).map((r) => r.message);
      expect(over).toHaveLength(1);
      expect(over[0]).toContain('100.5');
      expect(over[0]).toContain('100.0');
    } finally {
      await store.close();
    }
  });
});

describe('exported and re-imported exactly', () => {
  it.each([1, 2, 3, 4, 5])('seed %i: Api → SQLite → .xlsx → fresh database, equal; JSON report file too', async (seed) => {
    const a = await open();
    let original: ReportData;
    let xlsx: Buffer;
    let json: string;
    try {
      await typeRandom(a.api, seed);
      original = await stored(a.store);
      xlsx = await exportReportXlsx(a.sessions, ref, { unit: '元', blankZeros: seed % 2 === 0 });
      json = await exportReport(a.sessions, ref);
    } finally {
      await a.store.close();
    }
    // Reopened: the same data.
    const reopened = await open(a.file);
    try {
      expect(await stored(reopened.store)).toEqual(original);
    } finally {
      await reopened.store.close();
    }

    const b = await open();
    try {
      const plan = await planXlsxImport(b.sessions, ref, xlsx, `kinds-${seed}.xlsx`);
      expect(plan.notPlaced).toEqual([]);
      expect(plan.newRows.map((r) => r.label)).toEqual((original.rows.TX ?? []).map((id) => `项目支出完成情况表：${original.texts[`rowname.TX.${id}`]}`));
      await commitXlsxImport(b.sessions, plan);
      const back = await stored(b.store);
      // Named rows come back by name (fresh ids in the new database, in sheet order).
      const byName = (values: Record<string, number | string>, data: ReportData) =>
        Object.fromEntries(
          Object.entries(values).map(([key, value]) => {
            const [t, r, c] = key.split(':');
            return [`${t}:${t === 'TX' ? data.texts[`rowname.TX.${r}`] : r}:${c}`, value];
          }),
        );
      const nonZero = Object.fromEntries(Object.entries(original.inputs).filter(([, v]) => v !== 0));
      expect(byName(back.inputs, back)).toEqual(byName(nonZero, original));
      expect(byName(back.strings ?? {}, back)).toEqual(byName(original.strings ?? {}, original));
      expect((back.rows.TX ?? []).map((id) => back.texts[`rowname.TX.${id}`])).toEqual((original.rows.TX ?? []).map((id) => original.texts[`rowname.TX.${id}`]));
      // Importing the same workbook again changes nothing.
      const replan = await planXlsxImport(b.sessions, ref, xlsx, `kinds-${seed}.xlsx`);
      expect([...replan.newValues, ...replan.changedValues, ...replan.clearedValues, ...replan.newRows, ...replan.removedRows]).toEqual([]);
    } finally {
      await b.store.close();
    }

    const c = await open();
    try {
      await importReport(c.sessions, json, `kinds-${seed}.json`);
      expect(await stored(c.store)).toEqual(original);
      expect(await exportReport(c.sessions, ref)).toBe(json);
    } finally {
      await c.store.close();
    }
  });

  it('the workbook shows text as text, decimals with their places and percent as a fraction with a % format', async () => {
    const { store, api, sessions } = await open();
    try {
      const { row } = await api.addNamedRow({ ...ref, table: 'TX', name: '农村道路维修' });
      await api.setCells({
        ...ref,
        edits: [
          { table: 'TX', row, col: 'c1', value: '2025' },
          { table: 'TX', row, col: 'c3', value: 100_000_00 },
          { table: 'TX', row, col: 'c4', value: 85_500_00 },
          { table: 'TX', row, col: 'c6', value: '92.5' },
        ],
      });
      const book = new ExcelJS.Workbook();
      await book.xlsx.load((await exportReportXlsx(sessions, ref, { unit: '元', blankZeros: false })) as unknown as ArrayBuffer);
      const sheet = book.getWorksheet('样例01表');
      if (!sheet) throw new Error('no sheet');
      let found = 0;
      sheet.eachRow((r) => {
        r.eachCell((cell) => {
          if (cell.value === '农村道路维修') {
            found = r.number;
          }
        });
      });
      expect(found).toBeGreaterThan(0);
      const values = (sheet.getRow(found).values as unknown[]).slice(1);
      // An empty text cell is blank; an empty count shows 0 like every empty amount (unless blank zeros are chosen).
      expect(values).toEqual(['农村道路维修', '2025', undefined, 100000, 85500, 0.855, 92.5, 0, 79.09]);
      const fmts = [4, 5, 6, 7, 9].map((c) => sheet.getRow(found).getCell(c).numFmt);
      expect(fmts).toEqual(['#,##0.00', '#,##0.00', '0.00%', '#,##0.0', '#,##0.00']);
      expect(typeof sheet.getRow(found).getCell(2).value).toBe('string');
    } finally {
      await store.close();
    }
  });
});

describe('printed', () => {
  it('the printed table shows the row names, the text as escaped text and the rate with its %', async () => {
    const { store, api, sessions } = await open();
    try {
      const { row } = await api.addNamedRow({ ...ref, table: 'TX', name: '农村道路维修' });
      await api.setCells({ ...ref, edits: [{ table: 'TX', row, col: 'c2', value: '完好率<95%>' }, { table: 'TX', row, col: 'c3', value: 100_000_00 }, { table: 'TX', row, col: 'c4', value: 85_500_00 }] });
      const session = await sessions.open(ref);
      const table = session.pack.tables.find((t) => t.id === 'TX');
      if (!table) throw new Error('no TX');
      const html = tablePart({ table, engine: printedSnapshot(session.engine, ['TX']), unitName: unit.name, year: 2030, unit: '元', blankZeros: false, paper: 'A4', landscape: true, zoom: 1 }).body;
      expect(html).toContain('农村道路维修');
      expect(html).toContain('<td class="text">完好率&lt;95%&gt;</td>');
      expect(html).toContain('<td class="num">85.50%</td>');
      // The data fingerprint printed on every page changes with a text cell.
      const before = fingerprintOf(session).fingerprint;
      await api.setCells({ ...ref, edits: [{ table: 'TX', row, col: 'c2', value: '完好率≥96%' }] });
      expect(fingerprintOf(await sessions.open(ref)).fingerprint).not.toBe(before);
    } finally {
      await store.close();
    }
  });
});

describe('the CLI', () => {
  it('set adds a named row by name and writes text and decimals; show prints them; export-json and import-json round-trip', async () => {
    const db = join(temp.dir, 'cli.db');
    const args = ['--db', db, '--packs', PACKS];
    expect((await runMain('unit', 'add', ...args, '--code', '001', '--name', unit.name, '--kind', '行政单位')).code).toBe(0);
    const report = [...args, '--unit', '001', '--year', '2030'];
    const set = await runMain('set', ...report, 'TX', '高标准农田建设', 'c3', '1,000');
    expect(set.stderr).toBe('');
    expect(set.code).toBe(0);
    expect((await runMain('set', ...report, 'TX', '高标准农田建设', 'c4', '855')).code).toBe(0);
    expect((await runMain('set', ...report, 'TX', 'N1', 'c1', '王五')).code).toBe(0);
    expect((await runMain('set', ...report, 'TX', '高标准农田建设', 'c6', '９０.５')).code).toBe(0);
    const bad = await runMain('set', ...report, 'TX', 'N1', 'c6', '90.55');
    expect(bad.code).not.toBe(0);
    expect(bad.stderr).toContain('该栏最多 1 位小数');
    const shown = await runMain('show', ...report, '--table', 'TX');
    expect(shown.stdout).toContain('高标准农田建设');
    expect(shown.stdout).toContain('王五');
    expect(shown.stdout).toContain('85.50%');
    expect(shown.stdout).toContain('90.5');
    const json = await runMain('show', ...report, '--json');
    const parsed = JSON.parse(json.stdout) as { tables: Record<string, Record<string, Record<string, string>>> };
    expect(parsed.tables.TX?.N1).toMatchObject({ c1: '王五', c3: '1000.00', c4: '855.00', c5: '85.50', c6: '90.5', c8: '77.38', c2: '' });
    const out = join(temp.dir, 'cli.json');
    expect((await runMain('export-json', ...report, '--out', out)).code).toBe(0);
    const db2 = join(temp.dir, 'cli2.db');
    expect((await runMain('import-json', '--db', db2, '--packs', PACKS, out)).code).toBe(0);
    const out2 = join(temp.dir, 'cli2.json');
    expect((await runMain('export-json', '--db', db2, '--packs', PACKS, '--unit', '001', '--year', '2030', '--out', out2)).code).toBe(0);
    expect(await readFile(out2, 'utf8')).toBe(await readFile(out, 'utf8'));
  });
});
