/**
 * Crash safety kept tested: 50 seeded SIGKILLs (10 runs of 5, each on its own database) of the real
 * web host under a stream of edits over HTTP; after each kill the file is opened afresh —
 * integrity_check ok, every acknowledged edit there, a call in flight applied entirely or not at all.
 * scripts/crash-sigkill.ts runs the same for 1,000 and more.
 */
import { mkdir, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bundleWebHost, killAllHosts, runSigkill, type SigkillFigures } from '../../scripts/crash/sigkill';
import { makeTempDir } from '../electron/services/tempDir';

const repo = fileURLToPath(new URL('../../', import.meta.url));
let temp: Awaited<ReturnType<typeof makeTempDir>>;
let bundle: string;
const all: SigkillFigures[] = [];

beforeAll(async () => {
  temp = await makeTempDir('juesuan-sigkill-');
  bundle = await bundleWebHost(repo);
});
afterAll(async () => {
  killAllHosts();
  await rm(bundle, { force: true });
  await temp.remove();
});

describe('SIGKILL of the web host under a stream of edits', () => {
  // Ten runs of five kills (each on its own database) keep every test short on a busy machine.
  it.each([20261128, 1, 2, 3, 4, 5, 6, 7, 8, 9])('seed %i: 5 kills, nothing acknowledged lost, nothing corrupt, no half call', async (seed) => {
    const dir = join(temp.dir, String(seed));
    await mkdir(dir);
    const figures = await runSigkill({ kills: 5, seed, dir, repo, bundle, maxCallsPerKill: 8 });
    all.push(figures);
    expect(figures).toMatchObject({ kills: 5, lost: 0, corrupt: 0, inFlightPartial: 0, refusedCalls: 0 });
    expect(figures.acknowledgedCalls).toBeGreaterThanOrEqual(5);
  });

  it('killed 50 times in all, some of them with a call in flight', () => {
    expect(all.reduce((sum, f) => sum + f.kills, 0)).toBe(50);
    expect(all.reduce((sum, f) => sum + f.inFlightApplied + f.inFlightNotApplied, 0)).toBeGreaterThan(0);
  });
});
