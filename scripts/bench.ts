/**
 * `npm run bench`: prints the speed figures of the issues' targets on a full-size report. Tests assert
 * behaviour; timings live here, measured on this machine, printed rather than asserted.
 * `npm run bench -- grid store` runs only the named parts (names below).
 */
import { defaultPacksDir, loadPack } from '../electron/services/packs/loadPack';
import { join } from 'node:path';
import { benchAudit } from './bench/auditBench';
import { benchBackup } from './bench/backupBench';
import { benchChromiumAudit } from './bench/chromiumAuditBench';
import { benchConsolidation } from './bench/consolidationBench';
import { benchDeptHistory } from './bench/deptHistoryBench';
import { benchEngine } from './bench/engineBench';
import { benchExcel } from './bench/excelBench';
import { makeFullSizeReport } from './bench/fullSizeReport';
import { benchNarrative } from './bench/narrativeBench';
import { benchPerf } from './bench/perfBench';
import { benchPerfHistory } from './bench/perfHistoryBench';
import { benchPrint } from './bench/printBench';
import { benchStore } from './bench/storeBench';

const pack = await loadPack(join(defaultPacksDir(), 'yn-2020'));
const report = makeFullSizeReport(pack);
const parts: [string, () => Promise<void>][] = [
  ['engine', () => benchEngine(report)],
  ['store', () => benchStore(report)],
  ['backup', () => benchBackup(report)],
  ['excel', () => benchExcel(report)],
  ['audit', () => benchAudit(report)],
  ['narrative', () => benchNarrative(report)],
  ['grid', () => benchChromiumAudit(report)],
  ['print', () => benchPrint(report)],
  ['perf', () => benchPerf(report)],
  ['perfhistory', () => benchPerfHistory(report)],
  ['consolidation', () => benchConsolidation(pack)],
  ['depthistory', () => benchDeptHistory(pack)],
];
const only = process.argv.slice(2);
const unknown = only.filter((name) => name !== '2025' && !parts.some(([n]) => n === name));
if (unknown.length > 0) throw new Error(`unknown bench part ${unknown.join(', ')}; parts: ${parts.map(([n]) => n).join(', ')}`);
console.log(`决算工作站 性能基准  Node ${process.version}，${new Date().toISOString().slice(0, 10)}`);
for (const [name, run] of parts) if (only.length === 0 || only.includes(name)) await run();

// Today's format (yn-2025, with its 项目支出决算表 TPRJ): the same figures on a full-size 2025 report (part "2025").
if (only.length === 0 || only.includes('2025')) {
  const pack2025 = await loadPack(join(defaultPacksDir(), 'yn-2025'));
  const report2025 = makeFullSizeReport(pack2025, 2025);
  console.log(`\n======== ${pack2025.id}（${pack2025.name}）`);
  await benchEngine(report2025);
  await benchStore(report2025);
  await benchExcel(report2025);
  await benchAudit(report2025);
  await benchNarrative(report2025);
}
