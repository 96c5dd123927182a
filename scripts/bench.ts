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
import { benchPrint } from './bench/printBench';
import { benchNarrative } from './bench/narrativeBench';
import { benchStore } from './bench/storeBench';

const pack = await loadPack(join(defaultPacksDir(), 'yn-2020'));
const report = makeFullSizeReport(pack);
console.log(`决算工作站 性能基准  Node ${process.version}，${new Date().toISOString().slice(0, 10)}`);
console.log(`\n======== ${pack.id}（${pack.name}）`);
await benchEngine(report);
await benchStore(report);
await benchExcel(report);
await benchAudit(report);
await benchNarrative(report);
await benchChromiumAudit(report);
await benchPrint(report);
await benchConsolidation(pack);

// Today's format (yn-2025, with its 项目支出决算表 TPRJ): the same figures on a full-size 2025 report.
const pack2025 = await loadPack(join(defaultPacksDir(), 'yn-2025'));
const report2025 = makeFullSizeReport(pack2025, 2025);
console.log(`\n======== ${pack2025.id}（${pack2025.name}）`);
await benchEngine(report2025);
await benchStore(report2025);
await benchExcel(report2025);
await benchAudit(report2025);
await benchNarrative(report2025);
