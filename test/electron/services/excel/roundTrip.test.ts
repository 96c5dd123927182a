import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Unit } from '../../../../shared/api/contract';
import { ReportEngine } from '../../../../shared/engine/reportEngine';
import type { Pack } from '../../../../shared/pack/model';
import { exportWorkbook } from '../../../../electron/services/excel/exportWorkbook';
import { commitXlsxImport, planXlsxImport } from '../../../../electron/services/excel/xlsxService';
import { defaultPacksDir, loadPack } from '../../../../electron/services/packs/loadPack';
import { ReportSessions } from '../../../../electron/services/reportSessions';
import { ReportStore } from '../../../../electron/services/store/reportStore';
import { makeTempDir } from '../tempDir';
import { randomReport } from './randomReport';

const unit: Unit = { code: '001', name: '保山市隆阳区政务服务管理局', kind: '行政单位', parent: null };
let temp: Awaited<ReturnType<typeof makeTempDir>>;
let pack: Pack;

beforeAll(async () => {
  temp = await makeTempDir('juesuan-xlsx-');
  pack = await loadPack(join(defaultPacksDir(), 'yn-2020'));
});
afterAll(async () => {
  await temp.remove();
});

async function roundTrip(seed: number, wan: boolean) {
  const report = randomReport(pack, seed);
  const engine = new ReportEngine(pack, report);
  const bytes = await exportWorkbook({ pack, engine, unit, year: 2020, texts: {}, options: { unit: wan ? '万元' : '元', blankZeros: seed % 2 === 0 } });
  const store = await ReportStore.open(join(temp.dir, `${wan ? 'wan' : 'yuan'}-${seed}.db`));
  try {
    await store.addUnit(unit);
    const sessions = new ReportSessions(store, [pack]);
    const plan = await planXlsxImport(sessions, { unit: unit.code, year: 2020 }, bytes, `rt-${seed}.xlsx`);
    await commitXlsxImport(sessions, plan);
    const stored = await store.findReport(unit.code, 2020);
    const data = stored ? await store.loadReportData(stored.id) : undefined;
    return { report, plan, data };
  } finally {
    await store.close();
  }
}

describe('export → import round trip (property, fixed seeds)', () => {
  // 200 random reports in eight runs of 25: each file is now read in a worker thread, and one run of 200 outlasts a test's time on a busy machine.
  for (let from = 1; from <= 200; from += 25) {
    it(`gives identical rows and inputs for random reports in 元 (seeds ${from}–${from + 24})`, async () => {
      for (let seed = from; seed < from + 25; seed++) {
        const { report, plan, data } = await roundTrip(seed, false);
        expect(plan.notPlaced, `seed ${seed}`).toEqual([]);
        expect(plan.computedDifferences, `seed ${seed}`).toEqual([]);
        expect(data?.inputs, `seed ${seed}`).toEqual(report.inputs);
        const sorted = Object.fromEntries(Object.entries(report.rows).map(([t, codes]) => [t, [...codes].sort()]));
        expect(data?.rows, `seed ${seed}`).toEqual(sorted);
        expect(data?.texts['meta.sourceUnit'], `seed ${seed}`).toBeUndefined();
      }
    });
  }

  it('in 万元 gives every input within the rounding of 0.01 万元 and marks the report', async () => {
    for (let seed = 1001; seed <= 1050; seed++) {
      const { report, plan, data } = await roundTrip(seed, true);
      expect(plan.notPlaced, `seed ${seed}`).toEqual([]);
      expect(plan.sourceUnit).toBe('万元');
      const imported = data?.inputs ?? {};
      for (const [key, value] of Object.entries(report.inputs)) {
        const isCount = key.startsWith('T09:N');
        const got = imported[key] ?? 0;
        if (isCount) expect(got, `seed ${seed} ${key}`).toBe(value);
        else expect(Math.abs(got - value), `seed ${seed} ${key}: ${value} → ${got}`).toBeLessThanOrEqual(5000);
      }
      for (const key of Object.keys(imported)) expect(report.inputs[key], `seed ${seed} ${key} invented`).toBeDefined();
      expect(data?.texts['meta.sourceUnit']).toBe('万元');
    }
  });
});
