/**
 * `juesuan audit --db FILE --unit C|--dept C --year Y [--json]`: every failing rule with id, level,
 * message, cells and explanation, of a unit's report or (--dept) its department's consolidated report.
 * Returns the exit status: 0 when no 强制 rule fails, 1 when one does.
 */
import { auditReportText } from '../../../shared/audit/auditReport';
import { stringifyOrdered } from '../../services/orderedJson';
import { auditStoredReport } from '../../services/reportAudit';
import { parseCommandArgs } from '../args';
import { call, withServices, type Output } from '../commands';
import { PRINTED_REPORT, printedRef } from './printedRef';

export async function auditCommand(args: string[], io: Output): Promise<number> {
  const { values } = parseCommandArgs(args, { ...PRINTED_REPORT, json: { type: 'boolean' } }, false);
  const ref = printedRef(values);
  return withServices(values, true, async (s) => {
    await call(s, 'openReport', ref);
    const { results, report, previous } = await auditStoredReport(s.sessions, ref);
    if (values.json === true) {
      const words = new Map(report.sections.flatMap((sec) => sec.items).map((item) => [item.id, item.cells]));
      io.out(
        stringifyOrdered({
          unit: ref.unit,
          ...(ref.consolidated ? { consolidated: true } : {}),
          year: ref.year,
          lastYear: previous ? previous.year : null,
          blocking: report.blocking,
          counts: report.counts,
          notEvaluated: report.notEvaluated,
          results: results.map((r) => ({
            id: r.id,
            rule: r.ruleId,
            level: r.level,
            tail: r.tail,
            table: r.table,
            message: r.message,
            cells: [...r.left.cells, ...r.right.cells],
            cellWords: words.get(r.id) ?? [],
            explanation: r.explanation,
          })),
        }),
      );
    } else io.out(auditReportText(report));
    return report.blocking ? 1 : 0;
  });
}
