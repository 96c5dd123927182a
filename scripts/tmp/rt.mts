import { join } from 'node:path';
import { ReportEngine } from '../../shared/engine/reportEngine';
import { exportWorkbook } from '../../electron/services/excel/exportWorkbook';
import { planXlsxImport, commitXlsxImport } from '../../electron/services/excel/xlsxService';
import { defaultPacksDir, loadPack } from '../../electron/services/packs/loadPack';
import { ReportSessions } from '../../electron/services/reportSessions';
import { ReportStore } from '../../electron/services/store/reportStore';
import { randomReport } from '../../test/electron/services/excel/randomReport';
import { mkdtemp } from 'node:fs/promises'; import { tmpdir } from 'node:os';
const pack = await loadPack(process.argv[2] ?? join(defaultPacksDir(), 'yn-2020'));
const dir = await mkdtemp(join(tmpdir(), 'rt-'));
const unit = { code: '001', name: 'x', kind: '行政单位' as const, parent: null };
const t: Record<string, number> = {};
const lap = (k: string, s: number) => (t[k] = (t[k] ?? 0) + performance.now() - s);
for (let seed = 1; seed <= 20; seed++) {
  let s = performance.now(); const report = randomReport(pack, seed); lap('random', s);
  s = performance.now(); const engine = new ReportEngine(pack, report); lap('engine', s);
  s = performance.now(); const bytes = await exportWorkbook({ pack, engine, unit, year: 2020, texts: {}, options: { unit: '元', blankZeros: false } }); lap('export', s);
  s = performance.now(); const store = await ReportStore.open(join(dir, `${seed}.db`)); await store.addUnit(unit); lap('open', s);
  const sessions = new ReportSessions(store, [pack]);
  s = performance.now(); const plan = await planXlsxImport(sessions, { unit: '001', year: 2020 }, bytes, 'x.xlsx'); lap('plan', s);
  s = performance.now(); await commitXlsxImport(sessions, plan); lap('commit', s);
  await store.close();
}
console.log(Object.fromEntries(Object.entries(t).map(([k, v]) => [k, Math.round(v)])));
