/**
 * The 绩效自评 data of an open report, for the data fingerprint and the printed set. A consolidated
 * report has none (the 绩效自评 is filled in the units' own reports), nor has a report not yet stored.
 */
import type { PerfData } from '../../../shared/perf/model';
import type { Database } from '../store/database';
import { PerfStore } from './perfStore';

export function sessionPerfData(db: Database, session: { reportId: number; consolidated?: boolean }): Promise<PerfData | undefined> {
  if (session.consolidated || session.reportId <= 0) return Promise.resolve(undefined);
  return new PerfStore(db).load(session.reportId);
}
