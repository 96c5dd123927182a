/**
 * `npm run bench`: prints the speed figures of the issues' targets on a full-size report. Tests assert
 * behaviour; timings live here, measured on this machine, printed rather than asserted.
 */
import { defaultPacksDir, loadPack } from '../electron/services/packs/loadPack';
import { join } from 'node:path';
import { benchAudit } from './bench/auditBench';
import { benchChromiumAudit } from './bench/chromiumAuditBench';
import { benchConsolidation } from './bench/consolidationBench';
import { benchEngine } from './bench/engineBench';
import { benchExcel } from './bench/excelBench';
import { makeFullSizeReport } from './bench/fullSizeReport';
import { benchNarrative } from './bench/narrativeBench';
import { benchStore } from './bench/storeBench';

const pack = await loadPack(join(defaultPacksDir(), 'yn-2020'));
const report = makeFullSizeReport(pack);
console.log(`决算工作站 性能基准  Node ${process.version}，${new Date().toISOString().slice(0, 10)}`);
await benchEngine(report);
await benchStore(report);
await benchExcel(report);
await benchAudit(report);
await benchNarrative(report);
await benchChromiumAudit(report);
await benchConsolidation(pack);
