import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import sqlite3 from 'sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AppError } from '../../../../shared/api/errors';
import { exportWorkbook } from '../../../../electron/services/excel/exportWorkbook';
import { ReportEngine } from '../../../../shared/engine/reportEngine';
import { makeTempDir } from '../tempDir';
import { generateDept } from './deptFixture';
import { openHarness, storeUnit, yn2020, type Harness } from './harness';

let temp: Awaited<ReturnType<typeof makeTempDir>>;
let n = 0;
beforeAll(async () => {
  temp = await makeTempDir();
});
afterAll(async () => {
  await temp.remove();
});

async function fresh(name = 'db'): Promise<Harness> {
  n += 1;
  return openHarness(join(temp.dir, `${name}-${n}.db`));
}

async function appError(promise: Promise<unknown>): Promise<AppError> {
  const err = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  if (!(err instanceof AppError)) throw new Error(`expected an AppError, got ${String(err)}`);
  return err;
}

const text = (base64: string) => Buffer.from(base64, 'base64').toString('utf8');
const b64 = (s: string) => Buffer.from(s, 'utf8').toString('base64');

async function reportCount(file: string): Promise<number> {
  const db = new sqlite3.Database(file, sqlite3.OPEN_READONLY);
  try {
    return await new Promise<number>((resolve, reject) =>
      db.get<{ n: number }>('SELECT COUNT(*) AS n FROM reports', (err, row) => (err ? reject(err) : resolve(row?.n ?? -1))),
    );
  } finally {
    db.close();
  }
}

/** Every row of every table a clerk's data lives in, read through a second connection: what is committed. */
async function contents(file: string): Promise<string[]> {
  const db = new sqlite3.Database(file, sqlite3.OPEN_READONLY);
  const all = (sql: string) => new Promise<unknown[]>((resolve, reject) => db.all(sql, (err, rows) => (err ? reject(err) : resolve(rows))));
  try {
    const out: string[] = [];
    for (const table of ['units', 'reports', 'report_rows', 'cells', 'texts', 'exchange_imports']) {
      for (const row of await all(`SELECT * FROM ${table}`)) out.push(`${table} ${JSON.stringify(row)}`);
    }
    return out.sort();
  } finally {
    db.close();
  }
}

describe('exchange file: unit → department → unit', () => {
  it('round-trips byte for byte, shows a newer file’s differences, and refuses another department or pack', async () => {
    const { pack } = await yn2020();
    const { units } = generateDept(pack, { units: 3, seed: 51 });
    const [deptUnit, child] = [units[0]!, units[1]!];
    const unitSide = await fresh('unit');
    const deptSide = await fresh('dept');
    const otherDept = await fresh('other');
    try {
      // The unit's own database knows its department (the parent) and itself.
      await unitSide.api.addUnit({ code: deptUnit.code, name: deptUnit.name, kind: deptUnit.kind });
      await storeUnit(unitSide, { ...child, parent: 'D' }, 2020, { ...child.data, texts: { 'cover.leader': '张三', 'explain.X-9.1@2010301': '差额为以前年度结余资金安排' } });
      await unitSide.api.updateUnitRecord({ code: child.code, creditCode: '9144030071526726xg', budgetLevel: '二级预算单位', accountingSystem: '政府会计准则制度' });
      const sent = text((await unitSide.api.exportExchange({ unit: child.code, year: 2020 })).base64);
      expect(JSON.parse(sent)).toMatchObject({ format: 'juesuan-exchange', department: 'D', report: { pack: 'yn-2020', year: 2020 } });

      await deptSide.api.addUnit({ code: 'D', name: deptUnit.name, kind: '行政单位' });
      const plan = await deptSide.api.planExchangeImport({ dept: 'D', fileName: '报送.json', base64: b64(sent) });
      expect(plan.plan).toMatchObject({ fresh: true, same: false, unit: { code: child.code, parent: 'D' } });
      expect(plan.plan.changes.length).toBe(Object.keys(child.data.inputs).length);
      await deptSide.api.commitExchangeImport({ planId: plan.planId });
      const back = text((await deptSide.api.exportExchange({ unit: child.code, year: 2020 })).base64);
      expect(back).toBe(sent);
      expect((await deptSide.api.listRegister({})).find((u) => u.code === child.code)).toMatchObject({ creditCode: '9144030071526726XG', budgetLevel: '二级预算单位' });
      const again = await deptSide.api.planExchangeImport({ dept: 'D', fileName: '报送.json', base64: b64(sent) });
      expect(again.plan.same).toBe(true);

      // A newer file from the same unit: its differences are listed before anything is written.
      const row = child.data.rows.T03![0]!;
      const old = child.data.inputs[`T03:${row}:c2`] ?? null;
      await unitSide.api.setCells({ unit: child.code, year: 2020, edits: [{ table: 'T03', row, col: 'c2', value: 4242 }] });
      await unitSide.api.setTexts({ unit: child.code, year: 2020, texts: { 'cover.leader': '李四' } });
      const newer = text((await unitSide.api.exportExchange({ unit: child.code, year: 2020 })).base64);
      const replan = await deptSide.api.planExchangeImport({ dept: 'D', fileName: '报送2.json', base64: b64(newer) });
      expect(replan.plan.fresh).toBe(false);
      expect(replan.plan.changes).toEqual([expect.objectContaining({ table: 'T03', row, col: 'c2', before: old, after: 4242 })]);
      expect(replan.plan.changes[0]!.label).toContain('基本支出');
      expect(replan.plan.texts).toEqual([{ key: 'cover.leader', before: '张三', after: '李四' }]);
      expect((await deptSide.api.findReport({ unit: child.code, year: 2020 }))?.inputs[`T03:${row}:c2`]).toBe(old ?? undefined);
      await deptSide.api.commitExchangeImport({ planId: replan.planId });
      expect((await deptSide.api.findReport({ unit: child.code, year: 2020 }))?.inputs[`T03:${row}:c2`]).toBe(4242);

      // Another department refuses the file, naming the department it was for.
      await otherDept.api.addUnit({ code: 'E', name: '另一个局', kind: '行政单位' });
      expect((await appError(otherDept.api.planExchangeImport({ dept: 'E', fileName: '报送.json', base64: b64(sent) }))).message).toMatch(
        /报送文件 报送\.json：此文件是报送给 D 的，不属于本部门 另一个局（E）/,
      );
      // A tampered file is refused by its fingerprint.
      const tampered = sent.replace('"张三"', '"王五"');
      expect((await appError(deptSide.api.planExchangeImport({ dept: 'D', fileName: 'x.json', base64: b64(tampered) }))).message).toContain('指纹不符');
    } finally {
      await unitSide.close();
      await deptSide.close();
      await otherDept.close();
    }
  });

  it('imports all or nothing: a failure late in the write leaves the department’s database as it was', async () => {
    // The generator's pack: its catalogue holds every 科目 the generated reports use.
    const { pack, units } = generateDept((await yn2020()).pack, { units: 2, seed: 53, items: 60 });
    const child = units[1]!;
    n += 1;
    const unitSide = await openHarness(join(temp.dir, `unit-${n}.db`), [pack]);
    const deptSide = await openHarness(join(temp.dir, `dept-${n}.db`), [pack]);
    try {
      await unitSide.api.addUnit({ code: 'D', name: units[0]!.name, kind: '行政单位' });
      await deptSide.api.addUnit({ code: 'D', name: units[0]!.name, kind: '行政单位' });
      // The department holds a small first file of the unit; the newer file is full size.
      const first = Object.fromEntries(Object.entries(child.data.inputs).slice(0, 5));
      await storeUnit(unitSide, { ...child, parent: 'D' }, 2020, { rows: child.data.rows, inputs: first, texts: { 'cover.leader': '张三' } });
      const v1 = (await unitSide.api.exportExchange({ unit: child.code, year: 2020 })).base64;
      await deptSide.api.commitExchangeImport({ planId: (await deptSide.api.planExchangeImport({ dept: 'D', fileName: '报送1.json', base64: v1 })).planId });
      await storeUnit(unitSide, { ...child, parent: 'D' }, 2020, { ...child.data, texts: { 'cover.leader': '李四' } });
      await unitSide.api.updateUnitRecord({ code: child.code, name: '改名后的单位', budgetLevel: '二级预算单位' });
      const v2 = (await unitSide.api.exportExchange({ unit: child.code, year: 2020 })).base64;
      const before = await contents(deptSide.file);
      const dept = await deptSide.api.openReport({ unit: 'D', year: 2020, consolidated: true });

      // 1. The very last statement (the record of the imported file) fails.
      await deptSide.store.db.exec(`CREATE TEMP TRIGGER refuse_record BEFORE UPDATE ON main.exchange_imports BEGIN SELECT RAISE(ABORT, 'refused'); END`);
      const plan = await deptSide.api.planExchangeImport({ dept: 'D', fileName: '报送2.json', base64: v2 });
      expect(plan.plan.changes.length).toBeGreaterThan(300);
      const last = await appError(deptSide.api.commitExchangeImport({ planId: plan.planId }));
      expect(last.message).toMatch(/^报送文件 报送2\.json：改名后的单位（D0001）2020 年度报表未导入，库中数据保持导入前的样子。原因：数据库写入失败/);
      expect(await contents(deptSide.file)).toEqual(before);
      await deptSide.store.db.exec('DROP TRIGGER temp.refuse_record');

      // 2. The disk fills up half-way through the cells (the old report's cells already deleted).
      const pages = await deptSide.store.db.get<{ page_count: number }>('PRAGMA page_count');
      await deptSide.store.db.get(`PRAGMA max_page_count = ${pages!.page_count}`);
      const full = await appError(deptSide.api.commitExchangeImport({ planId: (await deptSide.api.planExchangeImport({ dept: 'D', fileName: '报送2.json', base64: v2 })).planId }));
      expect(full.message).toContain('报送文件 报送2.json：改名后的单位（D0001）2020 年度报表未导入');
      expect(full.message).toContain('磁盘空间不足');
      expect(await contents(deptSide.file)).toEqual(before);
      // What the workstation shows is the stored data too, not the failed file's.
      expect((await deptSide.api.findReport({ unit: child.code, year: 2020 }))?.inputs).toEqual(first);
      expect((await deptSide.api.openReport({ unit: 'D', year: 2020, consolidated: true })).inputs).toEqual(dept.inputs);
      expect((await deptSide.api.listRegister({})).find((u) => u.code === child.code)).toMatchObject({ name: child.name, budgetLevel: null });

      // With room again, the same file imports whole.
      await deptSide.store.db.get('PRAGMA max_page_count = 1073741823');
      await deptSide.api.commitExchangeImport({ planId: (await deptSide.api.planExchangeImport({ dept: 'D', fileName: '报送2.json', base64: v2 })).planId });
      expect((await deptSide.api.findReport({ unit: child.code, year: 2020 }))?.inputs).toEqual(child.data.inputs);
      expect((await deptSide.api.listRegister({})).find((u) => u.code === child.code)).toMatchObject({ name: '改名后的单位', budgetLevel: '二级预算单位' });
      expect(text((await deptSide.api.exportExchange({ unit: child.code, year: 2020 })).base64)).toBe(text(v2));
    } finally {
      await unitSide.close();
      await deptSide.close();
    }
  });

  it('refuses a file in another 报表格式 than the department’s', async () => {
    const { pack } = await yn2020();
    const other = { ...pack, id: 'yn-2020b' };
    n += 1;
    const unitSide = await openHarness(join(temp.dir, `pack-unit-${n}.db`), [other]);
    const deptSide = await openHarness(join(temp.dir, `pack-dept-${n}.db`), [pack, other]);
    try {
      await unitSide.api.addUnit({ code: 'D', name: '某局', kind: '行政单位' });
      await unitSide.api.addUnit({ code: 'D1', name: '某中心', kind: '其他事业单位', parent: 'D' });
      await unitSide.api.setCells({ unit: 'D1', year: 2020, edits: [{ table: 'T01', row: 'IBEG', col: 'c1', value: 100 }] });
      const sent = (await unitSide.api.exportExchange({ unit: 'D1', year: 2020 })).base64;
      await deptSide.api.addUnit({ code: 'D', name: '某局', kind: '行政单位' });
      expect((await appError(deptSide.api.planExchangeImport({ dept: 'D', fileName: 'f.json', base64: sent }))).message).toContain(
        '文件的报表格式 yn-2020b 与本部门 2020 年度的报表格式 yn-2020 不同',
      );
    } finally {
      await unitSide.close();
      await deptSide.close();
    }
  });
});

describe('new year and looking at years', () => {
  it('rolls 2020 (imported from workbooks with its 2019) into 2021: 年初 = 2020 年末, rows and cover carry, 2020 becomes 上年数', async () => {
    const { pack } = await yn2020();
    const h = await fresh();
    try {
      const { units } = generateDept(pack, { units: 1, seed: 61, items: 12 });
      const u = units[0]!;
      await h.api.addUnit({ code: u.code, name: u.name, kind: u.kind });
      for (const year of [2019, 2020]) {
        const engine = new ReportEngine(pack, u.data);
        const bytes = await exportWorkbook({ pack, engine, unit: { code: u.code, name: u.name, kind: u.kind, parent: null }, year, texts: {}, options: { unit: '元', blankZeros: false } });
        const plan = await h.api.planXlsxImport({ unit: u.code, year, fileName: `${year}.xlsx`, base64: bytes.toString('base64') });
        await h.api.commitXlsxImport({ unit: u.code, year, planId: plan.planId });
      }
      await h.api.setTexts({ unit: u.code, year: 2020, texts: { 'cover.leader': '张三', 'info.staffQuota': '12', 'narrative.incomeReason': '只属于 2020 年' } });
      const before = await reportCount(h.file);
      const plan = await h.api.planRollover({ unit: u.code, from: 2020 });
      expect(await reportCount(h.file)).toBe(before);
      const y2020 = new ReportEngine(pack, (await h.api.findReport({ unit: u.code, year: 2020 }))!);
      const byTarget = new Map(plan.carried.map((c) => [`${c.table}:${c.row}:${c.col}`, c.after]));
      expect(byTarget.get('T01:IBEG:c1')).toBe(y2020.value('T01', 'EEND', 'c2'));
      expect(byTarget.get('T04:IBEG1:c1')).toBe(y2020.value('T04', 'EEND', 'c3'));
      for (const row of u.data.rows.T05 ?? []) {
        const end = y2020.value('T05', row, 'c6') ?? 0;
        expect(byTarget.get(`T05:${row}:c1`) ?? 0, row).toBe(end);
      }
      expect(plan.texts).toEqual(['cover.leader', 'info.staffQuota']);
      await h.api.commitRollover({ unit: u.code, from: 2020 });
      const y2021 = await h.api.findReport({ unit: u.code, year: 2021 });
      expect(y2021?.packId).toBe('yn-2020');
      const e2021 = new ReportEngine(pack, y2021!);
      expect(e2021.value('T01', 'IBEG', 'c1')).toBe(y2020.value('T01', 'EEND', 'c2'));
      expect(y2021?.rows).toEqual(y2020.addedRows());
      expect(y2021?.texts).toEqual({ 'cover.leader': '张三', 'info.staffQuota': '12' });
      expect((await h.api.previousYear({ unit: u.code, year: 2021 }))?.year).toBe(2020);
      expect((await appError(h.api.commitRollover({ unit: u.code, from: 2020 }))).message).toContain('已有 2021 年度的报表');
    } finally {
      await h.close();
    }
  });

  it('viewing a year, a department or the tree creates nothing', async () => {
    const h = await fresh();
    try {
      await h.api.addUnit({ code: 'D', name: '某局', kind: '行政单位' });
      await h.api.addUnit({ code: 'D1', name: '某中心', kind: '其他事业单位', parent: 'D' });
      await h.api.setCells({ unit: 'D1', year: 2020, edits: [{ table: 'T01', row: 'IBEG', col: 'c1', value: 100 }] });
      const before = await reportCount(h.file);
      for (const year of [2019, 2020]) {
        await h.api.openReport({ unit: 'D', year });
        await h.api.findReport({ unit: 'D', year });
        await h.api.previousYear({ unit: 'D', year });
        await h.api.unitTree({ year });
      }
      await h.api.openReport({ unit: 'D', year: 2020, consolidated: true });
      await h.api.consolidationView({ unit: 'D', year: 2020 });
      await h.api.exportNarrative({ unit: 'D', year: 2020, format: 'txt', allowUnfilled: true });
      expect(await reportCount(h.file)).toBe(before);
      expect(await h.api.previousYear({ unit: 'D', year: 2020 })).toBeNull();
      const tree = await h.api.unitTree({ year: 2020 });
      expect(tree.map((t) => [t.unit.code, t.depth, t.state])).toEqual([
        ['D', 0, '未填'],
        ['D1', 1, expect.stringMatching(/填报中|审核通过/)],
      ]);
    } finally {
      await h.close();
    }
  });

  it('deletes a report after confirmation, with a backup of the database first', async () => {
    const h = await fresh();
    try {
      await h.api.addUnit({ code: 'D', name: '某局', kind: '行政单位' });
      await h.api.setCells({ unit: 'D', year: 2019, edits: [{ table: 'T01', row: 'IBEG', col: 'c1', value: 100 }] });
      const { backup } = await h.api.deleteReport({ unit: 'D', year: 2019, confirm: true });
      expect(await h.store.findReport('D', 2019)).toBeUndefined();
      expect(await reportCount(backup)).toBe(1);
      expect((await readFile(backup)).subarray(0, 15).toString()).toBe('SQLite format 3');
      expect((await appError(h.api.deleteReport({ unit: 'D', year: 2019, confirm: true }))).message).toContain('没有 2019 年度的报表');
    } finally {
      await h.close();
    }
  });
});

describe('unit register', () => {
  it('checks the 统一社会信用代码, renames, moves and archives (never deletes a unit with reports)', async () => {
    const h = await fresh();
    try {
      await h.api.addUnit({ code: 'D', name: '某局', kind: '行政单位' });
      await h.api.addUnit({ code: 'D1', name: '某中心', kind: '其他事业单位', parent: 'D' });
      await h.api.addUnit({ code: 'D2', name: '某站', kind: '其他事业单位', parent: 'D' });
      expect((await appError(h.api.updateUnitRecord({ code: 'D1', creditCode: '91110000802100433A' }))).message).toContain('校验位不符：第 18 位应为“B”');
      expect((await appError(h.api.updateUnitRecord({ code: 'D1', creditCode: '9111000080210043' }))).message).toContain('应为 18 位');
      expect((await appError(h.api.updateUnitRecord({ code: 'D1', creditCode: '9I110000802100433B' }))).message).toContain('第 2 位“I”无效');
      await h.api.updateUnitRecord({ code: 'D1', name: '某某中心', creditCode: '91110000802100433B', reportKind: '单户表' });
      expect((await appError(h.api.updateUnitRecord({ code: 'D2', creditCode: '91110000802100433B' }))).message).toContain('已用于单位 D1');
      await h.api.moveUnit({ code: 'D2', parent: 'D1' });
      expect((await appError(h.api.moveUnit({ code: 'D1', parent: 'D2' }))).message).toContain('下级单位');
      await h.api.setCells({ unit: 'D2', year: 2020, edits: [{ table: 'T01', row: 'IBEG', col: 'c1', value: 100 }] });
      expect((await appError(h.api.removeUnit({ code: 'D1' }))).message).toContain('还有下级单位 某站');
      const archived = await h.api.removeUnit({ code: 'D2' });
      expect(archived).toMatchObject({ removed: 'archived', unit: { code: 'D2', archivedFrom: 2021 } });
      expect(await h.store.findReport('D2', 2020)).toBeDefined();
      const d2020 = await h.api.consolidationView({ unit: 'D', year: 2020 });
      expect(d2020.members.map((m) => m.code)).toEqual(['D', 'D1', 'D2']);
      // yn-2020 serves 2021 too: the archived unit is no member of 2021's department.
      const d2021 = await h.api.consolidationView({ unit: 'D', year: 2021 });
      expect(d2021.members.map((m) => m.code)).toEqual(['D', 'D1']);
      expect(await h.api.removeUnit({ code: 'D1' })).toMatchObject({ removed: 'archived' });
      await h.api.restoreUnit({ code: 'D1' });
      await h.api.addUnit({ code: 'X', name: '空单位', kind: '行政单位' });
      expect(await h.api.removeUnit({ code: 'X' })).toEqual({ removed: 'deleted', unit: null });
      const tree = await h.api.unitTree({ year: 2020 });
      expect(tree.map((t) => `${'  '.repeat(t.depth)}${t.unit.name}`)).toEqual(['某局', '  某某中心', '    某站']);
    } finally {
      await h.close();
    }
  });

  it('writes the department’s 单位构成 and per-unit 机关运行经费 into its 情况说明, and counts 户数 against last year', async () => {
    const { pack } = await yn2020();
    const h = await fresh();
    try {
      const { units } = generateDept(pack, { units: 4, seed: 71 });
      for (const u of units) await storeUnit(h, u, 2020, u.data);
      await storeUnit(h, units[0]!, 2019, units[0]!.data);
      const snap = await h.api.openReport({ unit: 'D', year: 2020, consolidated: true });
      const kinds = units.map((u) => u.kind);
      expect(snap.texts['info.unitCount']).toBe('4');
      expect(snap.texts['info.unitAdmin']).toBe(String(kinds.filter((k) => k === '行政单位').length));
      expect(snap.texts['info.unitNames']).toBe(units.map((u) => u.name).join('\n'));
      const doc = text((await h.api.exportNarrative({ unit: 'D', year: 2020, consolidated: true, format: 'txt', allowUnfilled: true })).base64);
      expect(doc).toContain(`纳入某某县测试局部门2020年度部门决算编报的单位共4个。`);
      expect(doc).toContain(`分别是：1.${units[0]!.name}；2.${units[1]!.name}`);
      const admin = units.filter((u) => u.kind !== '其他事业单位');
      expect(doc).toContain(`其中：行政单位${admin[0]!.name}机关运行经费支出`);
      const view = await h.api.consolidationView({ unit: 'D', year: 2020 });
      expect(view.counts.byKind[0]).toEqual({ label: '合计', count: 4, lastYear: 1, change: 3 });
    } finally {
      await h.close();
    }
  });
});
