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
import { benchEngine } from './bench/engineBench';
import { benchExcel } from './bench/excelBench';
import { makeFullSizeReport } from './bench/fullSizeReport';
import { benchNarrative } from './bench/narrativeBench';
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
  ['consolidation', () => benchConsolidation(pack)],
];
const only = process.argv.slice(2);
const unknown = only.filter((name) => !parts.some(([n]) => n === name));
if (unknown.length > 0) throw new Error(`unknown bench part ${unknown.join(', ')}; parts: ${parts.map(([n]) => n).join(', ')}`);
console.log(`决算工作站 性能基准  Node ${process.version}，${new Date().toISOString().slice(0, 10)}`);
for (const [name, run] of parts) if (only.length === 0 || only.includes(name)) await run();
