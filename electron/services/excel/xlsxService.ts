/** The Excel operations over the open reports, as the Api and the CLI call them. */
import type { ReportRef } from '../../../shared/api/contract';
import { AppError } from '../../../shared/api/errors';
import { auditStoredReport } from '../reportAudit';
import type { ReportSessions } from '../reportSessions';
import { commitWorkbookImport, type CommitResult } from './commitImport';
import { exportWorkbook, type ExportOptions } from './exportWorkbook';
import { planWorkbookImport, type ImportPlan } from './importPlan';
import { readWorkbook } from './readWorkbook';
import { reportTarget } from './reportTarget';

/**
 * The .xlsx of a unit's report for a year. A 强制 audit rule that fails blocks the export (spec §3:
 * 强制 must hold before export) unless a 核对稿 (`draft`) is asked for; a draft of a report that
 * passes is the ordinary workbook.
 */
export function exportReportXlsx(sessions: ReportSessions, ref: ReportRef, options: ExportOptions): Promise<Buffer> {
  return sessions.serial(async () => {
    const { session, report, results } = await auditStoredReport(sessions, ref);
    if (report.blocking && !options.draft) {
      const ids = [...new Set(results.filter((r) => r.level === '强制').map((r) => r.ruleId))];
      const shown = ids.slice(0, 5).join('、') + (ids.length > 5 ? ' 等' : '');
      throw new AppError(`有 ${report.counts.强制} 处强制审核规则未通过（${shown}），不能导出报送版；请先改正，或导出核对稿`);
    }
    return exportWorkbook({
      pack: session.pack,
      engine: session.engine,
      unit: session.unit,
      year: session.year,
      texts: session.texts,
      options: { ...options, draft: report.blocking },
    });
  });
}

/** Reads a workbook and works out what importing it into the report would do; writes nothing. */
export async function planXlsxImport(
  sessions: ReportSessions,
  ref: ReportRef,
  bytes: Uint8Array,
  fileLabel: string,
  choices?: Record<string, string>,
): Promise<ImportPlan> {
  // The file is read outside the report queue: a slow file never holds up other calls.
  const grids = await readWorkbook(bytes, fileLabel);
  return sessions.serial(async () => planWorkbookImport({ grids, fileLabel, target: await reportTarget(sessions, ref), ...(choices ? { choices } : {}) }));
}

export function commitXlsxImport(sessions: ReportSessions, plan: ImportPlan): Promise<CommitResult> {
  return commitWorkbookImport(sessions, plan);
}
