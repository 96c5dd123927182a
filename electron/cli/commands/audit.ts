/**
 * `juesuan audit --db FILE --unit C --year Y [--json]`: every failing rule with id, level, message,
 * cells and explanation. Returns the exit status: 0 when no 强制 rule fails, 1 when one does.
 */
import { access } from 'node:fs/promises';
import { resolve } from 'node:path';
import { unwrap } from '../../../shared/api/envelope';
import { AppError } from '../../../shared/api/errors';
import { AuditEngine } from '../../../shared/audit/auditEngine';
import { auditReportText, buildAuditReport } from '../../../shared/audit/auditReport';
import { packRuleSet } from '../../../shared/audit/loadRules';
import { createServices } from '../../services/createServices';
import { dispatch } from '../../services/dispatch';
import { stringifyOrdered } from '../../services/orderedJson';
import { defaultDbPath } from '../../services/paths';
import { defaultPacksDir } from '../../services/packs/loadPack';
import { optionalString, parseCommandArgs, requireString, requireYear } from '../args';

export interface Output {
  out(text: string): void;
}

export async function auditCommand(args: string[], io: Output): Promise<number> {
  const { values } = parseCommandArgs(
    args,
    { db: { type: 'string' }, packs: { type: 'string' }, unit: { type: 'string' }, year: { type: 'string' }, json: { type: 'boolean' } },
    false,
  );
  const ref = { unit: requireString(values, 'unit'), year: requireYear(values) };
  const dbPath = resolve(optionalString(values, 'db') ?? defaultDbPath());
  try {
    await access(dbPath);
  } catch {
    throw new AppError(`数据库文件“${dbPath}”不存在`);
  }
  const packsDir = optionalString(values, 'packs') ?? defaultPacksDir();
  const services = await createServices({ dbPath, packsDir });
  try {
    const snapshot = unwrap(await dispatch(services.api, 'openReport', ref));
    const session = await services.sessions.open(ref);
    const rules = packRuleSet(session.pack);
    const audit = new AuditEngine(session.engine, rules, { unitKind: snapshot.unit.kind, texts: snapshot.texts });
    const results = audit.results();
    const report = buildAuditReport(session.engine, results, {
      unitName: `${snapshot.unit.name}（${snapshot.unit.code}）`,
      year: ref.year,
      notEvaluated: audit.notEvaluated(),
    });
    if (values.json === true) {
      io.out(
        stringifyOrdered({
          unit: snapshot.unit.code,
          year: ref.year,
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
            explanation: r.explanation,
          })),
        }),
      );
    } else io.out(auditReportText(report));
    return report.blocking ? 1 : 0;
  } finally {
    await services.close();
  }
}
