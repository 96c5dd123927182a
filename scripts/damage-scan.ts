/**
 * `npx tsx scripts/damage-scan.ts [copies=200] [seed=1]`: damaged copies of a workstation database opened
 * as the workstation opens them, counts by outcome (see scripts/crash/damageScan.ts).
 */
import { scanDamage } from './crash/damageScan';

const copies = Number(process.argv[2] ?? 200);
const seed = Number(process.argv[3] ?? 1);
const started = Date.now();
const c = await scanDamage(copies, seed);
for (const line of c.crashes) console.log(line);
console.log(JSON.stringify({ seed, seconds: Math.round((Date.now() - started) / 1000), ...c, crashes: undefined }, null, 2));
console.log(
  `${copies} 份损坏的副本：完整性检查不通过 ${c.checkFailed} 份；打开时改名保留 ${c.setAside} 份，以中文说明拒绝 ${c.refused} 份，` +
    `照常打开且数字相同 ${c.openedSame} 份，照常打开但数字不同 ${c.openedDifferent} 份（页面结构完好，SQLite 的检查看不出）；` +
    `检查不通过却被打开 ${c.damagedOpened} 份，程序崩溃 ${c.crashed} 份（这两项必须为 0）。`,
);
process.exitCode = c.damagedOpened + c.crashed === 0 ? 0 : 1;
