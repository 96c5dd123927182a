/**
 * The register as a tree with each unit's report state for a year: 未填 (no report stored), 填报中
 * (a 强制 rule fails), 审核通过 (no 强制 failure). The audit is the same engine and rules as the
 * panel's; engines are built, read and dropped one at a time, so a large tree does not stay in memory.
 */
import type { PrintMark } from '../../../shared/api/printSchemas';
import type { UnitTreeNode } from '../../../shared/api/registerContract';
import { AuditEngine } from '../../../shared/audit/auditEngine';
import { packRuleSet } from '../../../shared/audit/loadRules';
import { printMark } from '../print/printMark';
import { printedCopies } from '../print/printRecords';
import { sessionPerfData } from '../perf/sessionPerf';
import { deptPrintMarks } from '../print/deptPrintMarks';
import type { ReportSessions } from '../reportSessions';
import type { RegisterStore } from '../store/registerStore';
import { registerTree } from './deptMembers';

export async function unitTree(sessions: ReportSessions, register: RegisterStore, year: number): Promise<UnitTreeNode[]> {
  const tree = registerTree(await register.list());
  const reports = new Map((await register.reportsOfYear(year)).map((r) => [r.unitCode, r]));
  const copies = await printedCopies(sessions.store.db, year);
  const deptMarks = await deptPrintMarks(sessions, year);
  const out: UnitTreeNode[] = [];
  const withDept = (node: UnitTreeNode): UnitTreeNode => {
    const mark = deptMarks.get(node.unit.code);
    return mark ? { ...node, deptPrint: mark } : node;
  };
  for (const { record, depth } of tree) {
    const report = reports.get(record.code);
    if (!report) {
      out.push(withDept({ unit: record, depth, state: '未填', strict: null, hints: null, printed: [], print: null }));
      continue;
    }
    let strict = 0;
    let hints = 0;
    let print: PrintMark | null = null;
    const printed = copies.get(record.code);
    try {
      const pack = sessions.packById(report.packId);
      const data = await sessions.store.loadReportData(report.id);
      const engine = sessions.buildEngine(pack, data.rows, data.inputs, `单位 ${record.code} ${year} 年度报表`, undefined, { strings: data.strings ?? {}, texts: data.texts });
      const results = new AuditEngine(engine, packRuleSet(pack), { unitKind: record.kind, texts: data.texts, previous: null }).results();
      strict = results.filter((r) => r.level === '强制').length;
      hints = results.filter((r) => r.level !== '强制').length;
      if (printed) {
        const perf = await sessionPerfData(sessions.store.db, { reportId: report.id });
        print = printMark(printed, { unit: record, year, packId: pack.id, rows: engine.addedRows(), inputs: engine.inputs(), texts: data.texts, strings: engine.strings(), ...(perf ? { perf } : {}) }, pack);
      }
    } catch {
      // A report the installed packs cannot read counts as not passing.
      strict = 1;
    }
    // 已打印: passes, and the latest printed copy is still today's data; an edit after printing shows as 审核通过 again, marked outdated.
    const state = strict > 0 ? '填报中' : print?.current ? '已打印' : '审核通过';
    out.push(withDept({ unit: record, depth, state, strict, hints, printed: printed?.fingerprints ?? [], print }));
  }
  return out;
}
