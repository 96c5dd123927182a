/**
 * Consolidation and the new year in today's format: a 2025 department in yn-2025 is consolidated
 * with its own consolidation roles, and a 2021 report kept in yn-2020 rolls into 2022 in yn-2025
 * (年初 = 2021 年末, 科目 rows and the report's own 科目 carry, 2021 stays as 2022's 上年数).
 */
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApi } from '../../../../electron/services/api';
import { loadRoles } from '../../../../electron/services/consolidate/loadRoles';
import { defaultPacksDir, loadPackRoot } from '../../../../electron/services/packs/loadPack';
import { auditStoredReport } from '../../../../electron/services/reportAudit';
import { ReportSessions } from '../../../../electron/services/reportSessions';
import { jsonFileSettings } from '../../../../electron/services/settings/jsonFileSettings';
import { ReportStore } from '../../../../electron/services/store/reportStore';
import { ReportEngine } from '../../../../shared/engine/reportEngine';
import type { Pack } from '../../../../shared/pack/model';
import { makeTempDir } from '../tempDir';
import { generateDept } from './deptFixture';
import { storeUnit, type Harness } from './harness';

let temp: Awaited<ReturnType<typeof makeTempDir>>;
let packs: Pack[];
let n = 0;
beforeAll(async () => {
  temp = await makeTempDir();
  packs = await loadPackRoot(defaultPacksDir());
});
afterAll(async () => {
  await temp.remove();
});

function packOf(id: string): Pack {
  const pack = packs.find((p) => p.id === id);
  if (!pack) throw new Error(`${id} missing`);
  return pack;
}

async function fresh(): Promise<Harness> {
  n += 1;
  const file = join(temp.dir, `y-${n}.db`);
  const store = await ReportStore.open(file);
  const sessions = new ReportSessions(store, packs);
  const roles = await loadRoles(defaultPacksDir(), packs);
  const api = createApi({ store, packs, settings: jsonFileSettings(`${file}.settings.json`), sessions, roles });
  return { api, store, sessions, file, close: () => sessions.serial(() => store.close()) };
}

describe('yn-2025: consolidation and the new year', () => {
  it('consolidates a 2025 department with the format’s own roles: transfers eliminated, 强制 rules hold', async () => {
    const pack = packOf('yn-2025');
    const h = await fresh();
    try {
      const { units } = generateDept(pack, { units: 6, seed: 25 });
      for (const u of units) await storeUnit(h, u, 2025, u.data, 'yn-2025');
      const view = await h.api.consolidationView({ unit: 'D', year: 2025 });
      expect(view.hints.join('\n')).not.toContain('没有定义抵销项目');
      expect(view.lines.filter((l) => l.mismatch)).toEqual([]);
      const remitted = units.reduce((s, u) => s + Object.entries(u.data.inputs).filter(([k]) => /^T03:\d+:c4$/.test(k)).reduce((a, [, v]) => a + v, 0), 0);
      expect(remitted).toBeGreaterThan(0);
      expect(view.lines.filter((l) => l.pair.startsWith('上缴上级支出')).reduce((s, l) => s + l.amount, 0)).toBe(remitted);
      const snapshot = await h.api.openReport({ unit: 'D', year: 2025, consolidated: true });
      expect(snapshot.packId).toBe('yn-2025');
      // Every transfer inside the department is gone from the consolidated report.
      expect(Object.keys(snapshot.inputs).filter((k) => /^T03:\d+:c4$/.test(k) || /^T02:\d+:c6$/.test(k))).toEqual([]);
      expect(Object.keys(snapshot.inputs).length).toBeGreaterThan(50);
      const dept = await auditStoredReport(h.sessions, { unit: 'D', year: 2025, consolidated: true });
      expect(dept.results.filter((r) => r.level === '强制').map((r) => r.id)).toEqual([]);
    } finally {
      await h.close();
    }
  });

  it('sums a 科目 outside the catalogue that units added with a name, and keeps its name', async () => {
    const h = await fresh();
    try {
      await h.api.addUnit({ code: 'D', name: '某局', kind: '行政单位' });
      await h.api.addUnit({ code: 'D1', name: '某中心', kind: '其他事业单位', parent: 'D' });
      for (const [unit, value] of [['D', 700], ['D1', 300]] as const) {
        await h.api.addRows({ unit, year: 2025, table: 'T03', rows: ['2010188'], names: { '2010188': '人大专项测试支出' } });
        await h.api.setCells({ unit, year: 2025, edits: [{ table: 'T03', row: '2010188', col: 'c2', value }] });
      }
      const snapshot = await h.api.openReport({ unit: 'D', year: 2025, consolidated: true });
      expect(snapshot.rows.T03).toEqual(['2010188']);
      expect(snapshot.inputs['T03:2010188:c2']).toBe(1000);
      expect(snapshot.subjects?.func?.['2010188']).toBe('人大专项测试支出');
    } finally {
      await h.close();
    }
  });

  it('rolls 2021 (yn-2020) into 2022 (yn-2025): 年初 = 2021 年末, rows and own 科目 carry, 2021 is the 上年数', async () => {
    const p2020 = packOf('yn-2020');
    const h = await fresh();
    try {
      const { units } = generateDept(p2020, { units: 1, seed: 71, items: 12 });
      const u = units[0]!;
      await h.api.addUnit({ code: u.code, name: u.name, kind: u.kind });
      await storeUnit(h, u, 2021, u.data, 'yn-2020');
      // A 项 the catalogue lacks, named by the clerk, with a 年末 to carry.
      await h.api.addRows({ unit: u.code, year: 2021, table: 'T05', rows: ['2010188'], names: { '2010188': '其他测试支出' } });
      await h.api.setCells({ unit: u.code, year: 2021, edits: [{ table: 'T05', row: '2010188', col: 'c6', value: 12_345 }] });
      await h.api.setTexts({ unit: u.code, year: 2021, texts: { 'cover.leader': '李四' } });
      const plan = await h.api.planRollover({ unit: u.code, from: 2021 });
      expect(plan.packId).toBe('yn-2025');
      const y2021 = new ReportEngine(p2020, { ...(await h.api.findReport({ unit: u.code, year: 2021 }))!, subjects: { func: { '2010188': '其他测试支出' } } });
      const byTarget = new Map(plan.carried.map((c) => [`${c.table}:${c.row}:${c.col}`, c.after]));
      expect(byTarget.get('T01:IBEG:c1')).toBe(y2021.value('T01', 'EEND', 'c2'));
      expect(byTarget.get('T04:IBEG1:c1')).toBe(y2021.value('T04', 'EEND', 'c3'));
      expect(byTarget.get('T05:2010188:c1')).toBe(12_345);
      await h.api.commitRollover({ unit: u.code, from: 2021 });
      const stored = await h.api.findReport({ unit: u.code, year: 2022 });
      expect(stored?.packId).toBe('yn-2025');
      expect(stored?.texts['cover.leader']).toBe('李四');
      expect(stored?.texts['subject.func.2010188']).toBe('其他测试支出');
      const opened = await h.api.openReport({ unit: u.code, year: 2022 });
      expect(opened.subjects?.func?.['2010188']).toBe('其他测试支出');
      expect(opened.inputs['T05:2010188:c1']).toBe(12_345);
      for (const row of u.data.rows.T05 ?? []) expect(opened.inputs[`T05:${row}:c1`] ?? 0, row).toBe(y2021.value('T05', row, 'c6') ?? 0);
      const previous = await h.api.previousYear({ unit: u.code, year: 2022 });
      expect(previous?.year).toBe(2021);
      expect(previous?.packId).toBe('yn-2020');
    } finally {
      await h.close();
    }
  });
});
