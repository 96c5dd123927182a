/**
 * `npm run fuzz:import [-- --cases 2000 --seed 1]`: the long run of the import fuzzing (the suite
 * runs a few hundred cases). Prints the counts by outcome; exits 1 if a partial write, a case over
 * 10 s or an internal error happened.
 */
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { defaultPacksDir, loadPack } from '../electron/services/packs/loadPack';
import { runImportFuzz } from './fuzz/importFuzz';

const { values } = parseArgs({ options: { cases: { type: 'string', default: '2000' }, seed: { type: 'string', default: '1' } } });
const cases = Number(values.cases);
const seed = Number(values.seed);
const pack = await loadPack(join(defaultPacksDir(), 'yn-2020'));
const started = performance.now();
console.log(`导入模糊测试：${cases} 个变异工作簿，种子 ${seed} 起，Node ${process.version}`);
const result = await runImportFuzz({
  pack,
  seed,
  cases,
  onCase: (i, c) => {
    if ((i + 1) % 100 === 0) console.log(`  ${i + 1}/${cases}  正确导入 ${c.acceptedCorrect}  部分导入 ${c.acceptedPartial}  拒绝 ${c.refusedCleanly}  部分写入 ${c.partialWrite}  超时 ${c.over10s}  内部错误 ${c.internalError}`);
  },
});
const c = result.counts;
console.log('');
console.log(`共 ${c.total} 个，用时 ${((performance.now() - started) / 1000).toFixed(0)} 秒`);
console.log(`  accepted-correct（完整读取、写入与预览一致）  ${c.acceptedCorrect}`);
console.log(`  accepted-partial（有不能读取的内容；命令行须 --partial；未读内容保留原数）  ${c.acceptedPartial}`);
console.log(`  refused-cleanly（一行中文拒绝，数据库不变）  ${c.refusedCleanly}`);
console.log(`  partial write（须为 0）  ${c.partialWrite}`);
console.log(`  over 10 s（须为 0）  ${c.over10s}`);
console.log(`  internal error（须为 0）  ${c.internalError}`);
console.log(`  最慢一例 ${(result.slowestMs / 1000).toFixed(2)} 秒；本进程内存峰值 ${result.peakRssMb.toFixed(0)} MB（读取在限 512 MB 堆的工作线程中）`);
console.log(`  变异种类：${Object.entries(result.kinds).map(([k, v]) => `${k} ${v}`).join('，')}`);
for (const f of result.failures.slice(0, 50)) console.log(`  ✗ ${f}`);
process.exitCode = c.partialWrite + c.over10s + c.internalError > 0 ? 1 : 0;
