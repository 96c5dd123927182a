/**
 * Matches a printed data fingerprint against the edit history: the newest point at which the report's
 * stored data had that fingerprint, so a signed paper copy whose numbers were changed since can be
 * placed in time (“报表在 … 时的数据与该指纹相符”).
 */
import { localTime } from './backup/damagedDatabase';
import { deptHistoryFinding } from './deptFingerprintHistory';
import type { HistoryLookup } from './print/printService';
import { reportFingerprint } from './print/fingerprints';
import { findHistoryPoint } from './reportHistory';
import type { ReportSessions } from './reportSessions';

export function historyFingerprintLookup(sessions: ReportSessions): HistoryLookup {
  return async (session, fingerprint, perf) => {
    // A consolidated report is placed on the merged history of its units' journals and its own (调整表, texts).
    if (session.consolidated) return deptHistoryFinding(sessions, session.unit.code, session.year, fingerprint);
    if (session.reportId <= 0) return null;
    const ref = { unit: session.unit.code, year: session.year };
    // The 绩效自评 is journalled with the tables: each point is matched with the 绩效 data as it was then
    // (when the print carried 绩效 data at all, i.e. today's `perf` is given).
    const point = await findHistoryPoint(sessions, ref, (state, perfThen) => {
      const source = { ...state, unit: session.unit, year: session.year, packId: session.pack.id, ...(perf ? { perf: perfThen } : {}) };
      return reportFingerprint(source, session.pack).fingerprint === fingerprint;
    });
    if (!point) return null;
    if (point.batchId === null) return null;
    return point.at === null ? '第一次记录修改之前' : `${localTime(new Date(point.at))}（第 ${point.batchId} 批修改之后）`;
  };
}
