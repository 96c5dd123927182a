import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cellKey, type CellKey, type ReportData } from '../../../../shared/api/contract';
import { AppError } from '../../../../shared/api/errors';
import { ADMIN_KINDS } from '../../../../shared/consolidate/consolidation';
import { ReportEngine } from '../../../../shared/engine/reportEngine';
import { auditStoredReport } from '../../../../electron/services/reportAudit';
import { LiveAudit } from '../../../../renderer/src/audit/liveAudit';
import { packRuleSet } from '../../../../shared/audit/loadRules';
import type { UnitKind } from '../../../../shared/api/contract';
import { randomReport } from '../excel/randomReport';
import { makeTempDir } from '../tempDir';
import { generateDept } from './deptFixture';
import { compareConsolidated, expectedEliminations } from './independentSum';
import { openHarness, storeUnit, yn2020, type Harness } from './harness';

let temp: Awaited<ReturnType<typeof makeTempDir>>;
let n = 0;
beforeAll(async () => {
  temp = await makeTempDir();
});
afterAll(async () => {
  await temp.remove();
});

async function fresh(): Promise<Harness> {
  n += 1;
  return openHarness(join(temp.dir, `dept-${n}.db`));
}

async function appError(promise: Promise<unknown>): Promise<AppError> {
  const err = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  if (!(err instanceof AppError)) throw new Error(`expected an AppError, got ${String(err)}`);
  return err;
}

/** Every cell of the consolidated report against Σ of the units' own engines − the 调整表's engine. */
async function expectSumMinusAdjustments(h: Harness, units: { code: string; kind: string; data: ReportData }[]): Promise<number> {
  const { pack } = await yn2020();
  const ref = { unit: units[0]!.code, year: 2020, consolidated: true };
  const snapshot = await h.api.openReport(ref);
  const view = await h.api.consolidationView({ unit: ref.unit, year: 2020 });
  const adjustments: Record<CellKey, number> = {};
  for (const line of view.lines) {
    if (line.amount === 0) continue;
    for (const c of [line.childCell, line.parentCell]) {
      const k = cellKey(c.table, c.row, c.col);
      adjustments[k] = (adjustments[k] ?? 0) + line.amount;
    }
  }
  const consolidated = new ReportEngine(pack, { rows: snapshot.rows, inputs: snapshot.inputs });
  const adjustmentEngine = new ReportEngine(pack, { rows: snapshot.rows, inputs: adjustments });
  const unitEngines = units.map((u) => {
    // 机关运行经费 is summed over 行政/参公 units only.
    const inputs = { ...u.data.inputs };
    if (!ADMIN_KINDS.includes(u.kind as never)) delete inputs['T09:OPEX:c2'];
    return new ReportEngine(pack, { rows: u.data.rows, inputs });
  });
  let cells = 0;
  for (const table of consolidated.tableIds()) {
    for (const side of consolidated.layout(table).sides) {
      for (const row of side.rows) {
        for (const col of row.cells) {
          const sum = unitEngines.reduce((s, e) => s + (e.value(table, row.id, col) ?? 0), 0);
          const expected = sum - (adjustmentEngine.value(table, row.id, col) ?? 0);
          expect(consolidated.value(table, row.id, col), `${table}:${row.id}:${col}`).toBe(expected);
          cells++;
        }
      }
    }
  }
  return cells;
}

describe('consolidated report = Σ units − 调整表 (property, generated departments)', () => {
  it('holds cell by cell for random reports in departments of 1 to 60 units', async () => {
    const { pack } = await yn2020();
    for (const [size, seed] of [[1, 1], [2, 2], [7, 3], [25, 4], [60, 5]] as const) {
      const h = await fresh();
      try {
        const units = Array.from({ length: size }, (_, i) => {
          const r = randomReport(pack, seed * 1000 + i);
          return {
            code: i === 0 ? 'D' : `D${i}`,
            name: `单位${i}`,
            kind: (['行政单位', '参照公务员法管理的事业单位', '其他事业单位'] as const)[i % 3]!,
            parent: i === 0 ? null : i < 4 ? 'D' : `D${1 + (i % 3)}`,
            data: { rows: r.rows, inputs: r.inputs, texts: {} },
          };
        });
        for (const u of units) await storeUnit(h, u, 2020, u.data);
        const cells = await expectSumMinusAdjustments(h, units);
        expect(cells).toBeGreaterThan(500);
      } finally {
        await h.close();
      }
    }
  });

  it('eliminates matching transfers, and a department whose units all pass the 强制 rules passes them too', async () => {
    const { pack } = await yn2020();
    for (const [size, seed] of [[1, 11], [5, 12], [30, 13]] as const) {
      const h = await fresh();
      try {
        const { units } = generateDept(pack, { units: size, seed });
        for (const u of units) await storeUnit(h, u, 2020, u.data);
        for (const u of units) {
          const audit = await auditStoredReport(h.sessions, { unit: u.code, year: 2020 });
          expect(audit.results.filter((r) => r.level === '强制').map((r) => r.id), u.code).toEqual([]);
        }
        const dept = await auditStoredReport(h.sessions, { unit: 'D', year: 2020, consolidated: true });
        expect(dept.results.filter((r) => r.level === '强制').map((r) => r.id)).toEqual([]);
        const view = await h.api.consolidationView({ unit: 'D', year: 2020 });
        expect(view.lines.filter((l) => l.mismatch)).toEqual([]);
        // Every transfer the generator made is eliminated: 上缴 seen in the units equals what the 调整表 removes.
        const remitted = units.reduce((s, u) => s + Object.entries(u.data.inputs).filter(([k]) => /^T03:\d+:c4$/.test(k)).reduce((a, [, v]) => a + v, 0), 0);
        const eliminated = view.lines.filter((l) => l.pair.startsWith('上缴上级支出')).reduce((s, l) => s + l.amount, 0);
        expect(eliminated).toBe(remitted);
        const snapshot = await h.api.openReport({ unit: 'D', year: 2020, consolidated: true });
        expect(Object.keys(snapshot.inputs).filter((k) => /^T03:\d+:c4$/.test(k) || /^T02:\d+:c6$/.test(k))).toEqual([]);
        await expectSumMinusAdjustments(h, units);
      } finally {
        await h.close();
      }
    }
  });
});

describe('consolidated report = Σ units − 调整表, both worked out without the consolidation code', () => {
  it('holds for every cell of a 100-unit department read back from its SQLite file (one mismatched pair)', async () => {
    const { roles } = await yn2020();
    // The generator's pack: its catalogue holds every 科目 the generated reports use.
    const { pack, units } = generateDept((await yn2020()).pack, { units: 100, seed: 81, items: 40, mismatch: 700 });
    n += 1;
    const h = await openHarness(join(temp.dir, `dept-${n}.db`), [pack]);
    try {
      for (const u of units) await storeUnit(h, u, 2020, u.data);
      // A fresh connection: nothing cached from the writes.
      const other = await openHarness(h.file, [pack]);
      try {
        const snapshot = await other.api.openReport({ unit: 'D', year: 2020, consolidated: true });
        const consolidated = new ReportEngine(pack, { rows: snapshot.rows, inputs: snapshot.inputs });
        const yn = roles.get(pack.id)!;
        const { cells, mismatchCount, mismatches } = compareConsolidated(pack, yn, consolidated, units);
        expect(mismatches).toEqual([]);
        expect(mismatchCount).toBe(0);
        expect(cells).toBeGreaterThan(1000);
        // The check is not empty: transfers were eliminated, and the mismatched pair was not.
        const eliminated = [...expectedEliminations(yn, units).values()].reduce((a, b) => a + b, 0);
        expect(eliminated).toBeGreaterThan(0);
        const view = await other.api.consolidationView({ unit: 'D', year: 2020 });
        expect(view.lines.filter((l) => l.mismatch)).toHaveLength(1);
        expect(view.lines.reduce((s, l) => s + 2 * l.amount, 0)).toBe(eliminated);
      } finally {
        await other.close();
      }
    } finally {
      await h.close();
    }
  });
});

describe('X-12 in a department of 行政/参公 and other units', () => {
  it('compares 机关运行经费 with the 公用经费合计 of the 行政/参公 units only, in the live panel as in the stored audit', async () => {
    const { pack } = await yn2020();
    const h = await fresh();
    try {
      const kinds: UnitKind[] = ['行政单位', '其他事业单位', '参照公务员法管理的事业单位', '其他事业单位', '行政单位'];
      const units = generateDept(pack, { units: kinds.length, seed: 91 }).units.map((u, i) => ({ ...u, kind: kinds[i]! }));
      const gsum = (data: ReportData): number => new ReportEngine(pack, data).value('T06', 'GSUM', 'c1') ?? 0;
      // Every unit passes X-12 on its own: 行政/参公 机关运行经费 = its 公用经费合计, the others report none.
      for (const u of units) u.data.inputs['T09:OPEX:c2'] = ADMIN_KINDS.includes(u.kind) ? gsum(u.data) : 0;
      for (const u of units) await storeUnit(h, u, 2020, u.data);
      const ref = { unit: 'D', year: 2020, consolidated: true };
      const x12 = async () => {
        const stored = (await auditStoredReport(h.sessions, ref)).results.filter((r) => r.ruleId === 'X-12');
        const snapshot = await h.api.openReport(ref);
        const live = new LiveAudit(
          { engine: new ReportEngine(pack, snapshot), unit: snapshot.unit, year: 2020, kindScope: snapshot.kindScope ?? null, on: () => () => undefined },
          packRuleSet(pack),
          snapshot.texts,
          null,
        );
        const shown = live.snapshot().results.filter((r) => r.ruleId === 'X-12');
        live.dispose();
        expect(shown.map((r) => r.message)).toEqual(stored.map((r) => r.message));
        return { results: stored, snapshot };
      };
      const first = await x12();
      expect(first.results).toEqual([]);
      expect(Object.keys(first.snapshot.kindScope?.values ?? {}).sort()).toEqual(['T06:GSUM:c1', 'T09:OPEX:c2']);
      const admin = units.filter((u) => ADMIN_KINDS.includes(u.kind));
      const adminGsum = admin.reduce((s, u) => s + gsum(u.data), 0);
      expect(first.snapshot.kindScope?.values['T06:GSUM:c1']).toBe(adminGsum);
      // The whole department's 公用经费合计 is larger: compared with it, X-12 would hide what follows.
      expect(new ReportEngine(pack, first.snapshot).value('T06', 'GSUM', 'c1')).toBeGreaterThan(adminGsum);

      // One 参公 unit books 1.00 too little: the department's X-12 says so, over the 行政/参公 units.
      await h.api.setCells({ unit: 'D0002', year: 2020, edits: [{ table: 'T09', row: 'OPEX', col: 'c2', value: gsum(units[2]!.data) - 100 }] });
      const after = await x12();
      const yuan = (fen: number) => (fen / 100).toLocaleString('en', { minimumFractionDigits: 2, maximumFractionDigits: 2 });
      expect(after.results.map((r) => r.message)).toEqual([
        `“三公”经费、行政参公单位机关运行经费情况表：机关运行经费（行政单位和参公事业单位） ${yuan(adminGsum - 100)} ≠ 一般公共预算财政拨款基本支出决算表公用经费合计（行政单位和参公事业单位） ${yuan(adminGsum)}，差 1.00`,
      ]);
      expect(after.results[0]!.level).toBe('提示');
      // A unit of another kind changes nothing of it.
      await h.api.setCells({ unit: 'D0001', year: 2020, edits: [{ table: 'T09', row: 'OPEX', col: 'c2', value: 5 }] });
      expect((await x12()).results.map((r) => r.message)).toEqual(after.results.map((r) => r.message));
    } finally {
      await h.close();
    }
  });
});

describe('调整表', () => {
  it('lists a mismatched pair as a 提示 with both amounts, eliminates nothing for it until the clerk types an amount', async () => {
    const { pack } = await yn2020();
    const h = await fresh();
    try {
      const { units } = generateDept(pack, { units: 4, seed: 21, mismatch: 1000 });
      for (const u of units) await storeUnit(h, u, 2020, u.data);
      const view = await h.api.consolidationView({ unit: 'D', year: 2020 });
      const bad = view.lines.filter((l) => l.mismatch);
      expect(bad).toHaveLength(1);
      const line = bad[0]!;
      expect(line.parentAmount - line.childAmount).toBe(1000);
      expect(line.amount).toBe(0);
      const hint = view.hints.find((t) => t.includes('不一致'));
      expect(hint).toContain(`${(line.childAmount / 100).toFixed(2).replace(/\B(?=(\d{3})+(?!\d))/g, ',')}元`);
      expect(hint).toContain('未抵销');
      await expectSumMinusAdjustments(h, units);

      const after = await h.api.setAdjustment({ unit: 'D', year: 2020, key: line.key, amount: line.childAmount, note: '差额为在途资金' });
      const fixed = after.lines.find((l) => l.key === line.key)!;
      expect(fixed).toMatchObject({ amount: line.childAmount, overridden: true, note: '差额为在途资金', mismatch: true });
      expect(after.hints.find((t) => t.includes('不一致'))).toContain('已按调整表抵销');
      await expectSumMinusAdjustments(h, units);
      expect((await appError(h.api.setAdjustment({ unit: 'D', year: 2020, key: 'nope', amount: 1 }))).message).toContain('调整表中没有');
    } finally {
      await h.close();
    }
  });

  it('from a consolidated cell lists the units that make it up; Σ units − eliminated = the cell', async () => {
    const { pack } = await yn2020();
    const h = await fresh();
    try {
      const { units } = generateDept(pack, { units: 6, seed: 31 });
      for (const u of units) await storeUnit(h, u, 2020, u.data);
      const snap = await h.api.openReport({ unit: 'D', year: 2020, consolidated: true });
      const row = snap.rows.T03![0]!;
      for (const [table, r, col] of [['T01', 'ITOT', 'c1'], ['T03', row, 'c1'], ['T02', 'TOTAL', 'c6'], ['T09', 'OPEX', 'c2']] as const) {
        const b = await h.api.cellBreakdown({ unit: 'D', year: 2020, table, row: r, col });
        expect(b.units.map((u) => u.code)).toEqual(units.map((u) => u.code));
        expect(b.units.reduce((s, u) => s + u.amount, 0) - b.eliminated, `${table} ${r} ${col}`).toBe(b.total);
        const engine = new ReportEngine(pack, snap);
        expect(b.total).toBe(engine.value(table, r, col));
      }
      const opex = await h.api.cellBreakdown({ unit: 'D', year: 2020, table: 'T09', row: 'OPEX', col: 'c2' });
      for (const u of opex.units) {
        const kind = units.find((x) => x.code === u.code)!.kind;
        expect(u.amount, u.code).toBe(ADMIN_KINDS.includes(kind) ? units.find((x) => x.code === u.code)!.data.inputs['T09:OPEX:c2'] : 0);
      }
    } finally {
      await h.close();
    }
  });
});

describe('always current', () => {
  it('follows one unit edit, and equals a consolidation built from scratch', async () => {
    const { pack } = await yn2020();
    const h = await fresh();
    try {
      const { units } = generateDept(pack, { units: 5, seed: 41 });
      for (const u of units) await storeUnit(h, u, 2020, u.data);
      const ref = { unit: 'D', year: 2020, consolidated: true };
      await h.api.openReport(ref);
      const child = units[1]!;
      const row = child.data.rows.T03![0]!;
      const edits = [
        { table: 'T03', row, col: 'c4', value: 123_456 },
        { table: 'T09', row: 'OPEX', col: 'c2', value: 777 },
        { table: 'T03', row, col: 'c2', value: 5 },
        { table: 'T03', row, col: 'c2', value: 9 },
      ];
      await h.api.setCells({ unit: child.code, year: 2020, edits });
      const followed = await h.api.openReport(ref);
      const other = await openHarness(h.file);
      try {
        const rebuilt = await other.api.openReport(ref);
        expect(followed.inputs).toEqual(rebuilt.inputs);
      } finally {
        await other.close();
      }
      // And the read-only report refuses to be typed into.
      expect((await appError(h.api.setCells({ ...ref, edits: [{ table: 'T03', row, col: 'c2', value: 1 }] }))).message).toContain('不能直接修改');
    } finally {
      await h.close();
    }
  });
});
