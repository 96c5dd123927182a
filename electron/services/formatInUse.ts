/**
 * The format a year's report keeps when no installed format serves that year: the newest one before
 * it. A format stays in use until a new one is installed — the year's roll-over carries a report into
 * it (2021 in yn-2020) — so a report file or exchange file of such a year is read with it too.
 */
import { AppError } from '../../shared/api/errors';
import type { Pack } from '../../shared/pack/model';
import type { ReportSessions } from './reportSessions';

export function formatStillInUse(sessions: ReportSessions, year: number): Pack | undefined {
  try {
    // A year an installed format serves (its own, or its 上年数 year) is not carried.
    sessions.packForYear(year);
    return undefined;
  } catch (err) {
    if (!(err instanceof AppError)) throw err;
  }
  let newest: Pack | undefined;
  for (const p of sessions.packs) if (p.year < year && (!newest || p.year > newest.year)) newest = p;
  return newest;
}
