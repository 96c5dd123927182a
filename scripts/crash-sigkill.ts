/**
 * `npx tsx scripts/crash-sigkill.ts [kills=1000] [seed=1] [calls=40] [lanes=1]`: SIGKILLs the web host
 * that many times under a stream of edits (up to `calls` acknowledged calls of 1–4 cells between
 * kills) and prints the figures (lost, corrupt and partial must all be 0). `lanes` runs that many
 * independent hosts and databases side by side (seeds seed, seed+1, …), the kills shared among them.
 */
import { mkdir, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { bundleWebHost, runSigkill, type SigkillFigures } from './crash/sigkill';

const kills = Number(process.argv[2] ?? 1000);
const seed = Number(process.argv[3] ?? 1);
const maxCallsPerKill = Number(process.argv[4] ?? 40);
const lanes = Math.max(1, Number(process.argv[5] ?? 1));
const repo = fileURLToPath(new URL('..', import.meta.url));
const dir = await mkdtemp(join(tmpdir(), 'juesuan-sigkill-'));
const bundle = await bundleWebHost(repo);
const started = Date.now();
const laneFigures: SigkillFigures[] = [];

function sum(list: SigkillFigures[]): SigkillFigures {
  const total: SigkillFigures = { kills: 0, acknowledgedCalls: 0, acknowledgedEdits: 0, lost: 0, corrupt: 0, inFlightApplied: 0, inFlightNotApplied: 0, inFlightPartial: 0, refusedCalls: 0 };
  for (const f of list) for (const key of Object.keys(total) as (keyof SigkillFigures)[]) total[key] += f[key];
  return total;
}

try {
  const runs = Array.from({ length: lanes }, async (_, lane) => {
    const laneDir = join(dir, `lane-${lane}`);
    await mkdir(laneDir);
    const share = Math.floor(kills / lanes) + (lane < kills % lanes ? 1 : 0);
    laneFigures[lane] = await runSigkill({
      kills: share,
      seed: seed + lane,
      dir: laneDir,
      repo,
      bundle,
      maxCallsPerKill,
      progress: (_kill, f) => {
        laneFigures[lane] = f;
        const total = sum(laneFigures.filter(Boolean));
        if (total.kills % 50 === 0) {
          console.log(`${total.kills} 次：已确认 ${total.acknowledgedEdits} 个修改，丢失 ${total.lost}，损坏 ${total.corrupt}，半个调用 ${total.inFlightPartial}`);
        }
      },
    });
  });
  await Promise.all(runs);
  const figures = sum(laneFigures);
  const seconds = Math.round((Date.now() - started) / 1000);
  console.log(JSON.stringify({ seed, lanes, maxCallsPerKill, seconds, ...figures }, null, 2));
  const bad = figures.lost + figures.corrupt + figures.inFlightPartial + figures.refusedCalls;
  console.log(bad === 0 ? `通过：${figures.kills} 次强行终止，${figures.acknowledgedEdits} 个已确认的修改全部保存，数据库全部完好。` : `失败：${bad} 处问题`);
  process.exitCode = bad === 0 ? 0 : 1;
} finally {
  await rm(bundle, { force: true });
  await rm(dir, { recursive: true, force: true });
}
