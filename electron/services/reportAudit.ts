/**
 * The audit of one stored report, as the CLI, printing and the final export read it: the same
 * AuditEngine and rules as the live panel, with last year's report (Y−1, same unit) when stored.
 */
import type { ReportRef } from '../../shared/api/contract';
import { AuditEngine } from '../../shared/audit/auditEngine';
import { buildAuditReport, type AuditReport } from '../../shared/audit/auditReport';
import { packRuleSet } from '../../shared/audit/loadRules';
import type { AuditResult } from '../../shared/audit/types';
import type { ReportSessions, Session } from './reportSessions';
import { previousYearSession } from './storedSession';

export interface StoredReportAudit {
  session: Session;
  /** Last year's report the audit compared with, or null. */
  previous: Session | null;
  results: readonly AuditResult[];
  report: AuditReport;
}

/** The report must exist (open it through the Api first); Y−1 is read if stored, never created. */
export async function auditStoredReport(sessions: ReportSessions, ref: ReportRef): Promise<StoredReportAudit> {
  const session = await sessions.open(ref);
  const previous = await previousYearSession(sessions, ref);
  const audit = new AuditEngine(session.engine, packRuleSet(session.pack), {
    unitKind: session.unit.kind,
    texts: session.texts,
    previous: previous?.engine ?? null,
    kindScope: session.kindScope ?? null,
  });
  const results = audit.results();
  const report = buildAuditReport(session.engine, results, {
    unitName: `${session.unit.name}（${session.unit.code}）`,
    year: ref.year,
    notEvaluated: audit.notEvaluated(),
  });
  return { session, previous, results, report };
}
