/**
 * Import fuzzing in the suite: 300 seeded mutations of real exported workbooks (byte flips,
 * truncation, text in amount cells, date formats, dropped rows and parts, far rows, merges, long
 * texts, changed titles and sheet names, broken XML), in six runs of 50. Every case is read whole,
 * read in part (what it could not read keeps its stored figure) or refused in one Chinese line with
 * the database unchanged: never a partial write, never over 10 s, never an internal error. The long
 * run is `npm run fuzz:import`.
 */
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Pack } from '../../../../shared/pack/model';
import { defaultPacksDir, loadPack } from '../../../../electron/services/packs/loadPack';
import { runImportFuzz, type FuzzCounts } from '../../../../scripts/fuzz/importFuzz';

let pack: Pack;
const totals: FuzzCounts = { total: 0, acceptedCorrect: 0, acceptedPartial: 0, refusedCleanly: 0, partialWrite: 0, over10s: 0, internalError: 0 };

beforeAll(async () => {
  pack = await loadPack(join(defaultPacksDir(), 'yn-2020'));
});

describe('import fuzzing (300 seeded mutations)', () => {
  for (let run = 0; run < 6; run++) {
    const seed = 10_000 + run * 50;
    it(`seeds ${seed}–${seed + 49}: no partial write, nothing over 10 s, no internal error`, async () => {
      const result = await runImportFuzz({ pack, seed, cases: 50 });
      for (const key of Object.keys(totals) as (keyof FuzzCounts)[]) totals[key] += result.counts[key];
      expect(result.failures).toEqual([]);
      expect(result.counts.partialWrite).toBe(0);
      expect(result.counts.over10s).toBe(0);
      expect(result.counts.internalError).toBe(0);
      expect(result.counts.total).toBe(50);
    });
  }

  it('saw every kind of outcome a clerk can meet', () => {
    expect(totals.total).toBe(300);
    expect(totals.acceptedCorrect).toBeGreaterThan(0);
    expect(totals.acceptedPartial).toBeGreaterThan(0);
    expect(totals.refusedCleanly).toBeGreaterThan(0);
  });
});
