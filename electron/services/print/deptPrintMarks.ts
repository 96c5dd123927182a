/**
 * The unit register's view of the departments' printed 部门汇总: for each department whose consolidated
 * report of the year was printed, the latest copy and whether today's consolidated data (its units'
 * reports less the 调整表) still has that copy's fingerprint. Only printed departments are consolidated.
 */
import type { PrintMark } from '../../../shared/api/printSchemas';
import type { ReportSessions } from '../reportSessions';
import { storedSession } from '../storedSession';
import { fingerprintOf } from './printService';

export async function deptPrintMarks(sessions: ReportSessions, year: number): Promise<Map<string, PrintMark>> {
  const rows = await sessions.store.db.all<{ unit_code: string; fingerprint: string; printed_at: string }>(
    'SELECT unit_code, fingerprint, printed_at FROM print_records WHERE year = ? AND consolidated = 1 ORDER BY id DESC',
    [year],
  );
  const latest = new Map<string, { fingerprint: string; printedAt: string }>();
  for (const row of rows) if (!latest.has(row.unit_code)) latest.set(row.unit_code, { fingerprint: row.fingerprint, printedAt: row.printed_at });
  const marks = new Map<string, PrintMark>();
  for (const [code, copy] of latest) {
    const session = await storedSession(sessions, { unit: code, year, consolidated: true });
    // A department whose units no longer have reports of the year: its printed 汇总 no longer matches anything.
    const current = session ? fingerprintOf(session).fingerprint === copy.fingerprint : false;
    marks.set(code, { fingerprint: copy.fingerprint, printedAt: copy.printedAt, current });
  }
  return marks;
}
