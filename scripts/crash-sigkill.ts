/**
 * `npx tsx scripts/crash-sigkill.ts [kills=1000] [seed=1] [calls=40]`: SIGKILLs the web host that many
 * times under a stream of edits (up to `calls` acknowledged calls of 1–4 cells between kills) and
 * prints the figures (lost, corrupt and partial must all be 0).
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { runSigkill } from './crash/sigkill';

const kills = Number(process.argv[2] ?? 1000);
const seed = Number(process.argv[3] ?? 1);
const maxCallsPerKill = Number(process.argv[4] ?? 40);
const repo = fileURLToPath(new URL('..', import.meta.url));
const dir = await mkdtemp(join(tmpdir(), 'juesuan-sigkill-'));
const started = Date.now();
try {
  const figures = await runSigkill({
    kills,
    seed,
    dir,
    repo,
    maxCallsPerKill,
    progress: (kill, f) => {
      if (kill % 50 === 0) console.log(`${kill} 次：已确认 ${f.acknowledgedEdits} 个修改，丢失 ${f.lost}，损坏 ${f.corrupt}，半个调用 ${f.inFlightPartial}`);
    },
  });
  const seconds = ((Date.now() - started) / 1000).toFixed(0);
  console.log(JSON.stringify({ seed, maxCallsPerKill, seconds: Number(seconds), ...figures }, null, 2));
  const bad = figures.lost + figures.corrupt + figures.inFlightPartial + figures.refusedCalls;
  console.log(bad === 0 ? `通过：${figures.kills} 次强行终止，${figures.acknowledgedEdits} 个已确认的修改全部保存，数据库全部完好。` : `失败：${bad} 处问题`);
  process.exitCode = bad === 0 ? 0 : 1;
} finally {
  await rm(dir, { recursive: true, force: true });
}
