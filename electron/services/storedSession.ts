/**
 * A report that is already in the database, opened without creating one: last year's report for
 * X-13 and the narrative's 上年数 must never appear as an empty report just because it was looked up.
 */
import type { ReportRef } from '../../shared/api/contract';
import { AppError } from '../../shared/api/errors';
import type { ReportSessions, Session } from './reportSessions';

/** The stored report, or null when there is none or its 报表格式 is not installed (nothing to read it with). */
export async function storedSession(sessions: ReportSessions, ref: ReportRef): Promise<Session | null> {
  if (ref.consolidated) return consolidatedSession(sessions, ref);
  const stored = await sessions.store.findReport(ref.unit, ref.year);
  if (!stored || !sessions.packs.some((p) => p.id === stored.packId)) return null;
  try {
    return await sessions.open(ref);
  } catch (err) {
    // Data the installed pack cannot take: treated as absent, so X-13 is reported as not evaluated.
    if (err instanceof AppError) return null;
    throw err;
  }
}

/** The same unit's report for year Y−1, if stored and readable. */
export function previousYearSession(sessions: ReportSessions, ref: ReportRef): Promise<Session | null> {
  return storedSession(sessions, { unit: ref.unit, year: ref.year - 1, ...(ref.consolidated ? { consolidated: true } : {}) });
}

/** A department's consolidated report of a year, when at least one of its units has a report for it. */
async function consolidatedSession(sessions: ReportSessions, ref: ReportRef): Promise<Session | null> {
  const exists = await sessions.consolidated?.exists(ref.unit, ref.year);
  if (!exists) return null;
  try {
    return await sessions.open(ref);
  } catch (err) {
    if (err instanceof AppError) return null;
    throw err;
  }
}
