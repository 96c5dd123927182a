/**
 * A department D of four generated units (yn-2020) with one 调整表 line whose two sides disagree, on a
 * real database whose clock the test sets: what the tests of the department's history start from.
 */
import type { ReportRef } from '../../../shared/api/contract';
import type { EliminationLine } from '../../../shared/api/registerContract';
import { generateDept } from '../services/consolidate/deptFixture';
import { yn2020 } from '../services/consolidate/harness';
import { openClockedServices, type ClockedServices } from './clockedServices';

export const DEPT: ReportRef = { unit: 'D', year: 2020, consolidated: true };

export interface DeptJournalFixture extends ClockedServices {
  /** The first 调整表 line whose two sides disagree. */
  line: EliminationLine;
}

export async function openDeptJournal(prefix: string): Promise<DeptJournalFixture> {
  const clocked = await openClockedServices(prefix);
  const { s } = clocked;
  const { pack } = await yn2020();
  const { units } = generateDept(pack, { units: 4, seed: 21, mismatch: 1000 });
  for (const u of units) await s.store.replaceReport({ unit: u, year: 2020, packId: 'yn-2020', data: u.data });
  const line = (await s.api.consolidationView({ unit: 'D', year: 2020 })).lines.find((l) => l.mismatch);
  if (!line) throw new Error('the generated department has no mismatching 调整表 line');
  return { ...clocked, line };
}
