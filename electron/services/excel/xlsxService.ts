/** The Excel operations over the open reports, as the Api and the CLI call them. */
import type { ReportRef } from '../../../shared/api/contract';
import type { ReportSessions } from '../reportSessions';
import { commitWorkbookImport, type CommitResult } from './commitImport';
import { exportWorkbook, type ExportOptions } from './exportWorkbook';
import { planWorkbookImport, type ImportPlan } from './importPlan';
import { reportTarget } from './reportTarget';

/** The .xlsx of a unit's report for a year (the report must exist as a unit; the year must have a pack). */
export function exportReportXlsx(sessions: ReportSessions, ref: ReportRef, options: ExportOptions): Promise<Buffer> {
  return sessions.serial(async () => {
    const session = await sessions.open(ref);
    return exportWorkbook({ pack: session.pack, engine: session.engine, unit: session.unit, year: session.year, texts: session.texts, options });
  });
}

/** Reads a workbook and works out what importing it into the report would do; writes nothing. */
export function planXlsxImport(sessions: ReportSessions, ref: ReportRef, bytes: Uint8Array, fileLabel: string): Promise<ImportPlan> {
  return sessions.serial(async () => planWorkbookImport({ bytes, fileLabel, target: await reportTarget(sessions, ref) }));
}

export function commitXlsxImport(sessions: ReportSessions, plan: ImportPlan): Promise<CommitResult> {
  return commitWorkbookImport(sessions, plan);
}
