/**
 * The KindScope of a department with units of several kinds: the cells the kind-restricted checks
 * (X-12) read, valued over the department's 行政/参公 units only. Those checks read tables no
 * elimination pair touches (T06, T09), so the scoped values are the plain Σ of those units' figures;
 * a pack whose kind-restricted check read a pair's cell would get Σ before eliminations there.
 */
import { cellKey } from '../../../shared/api/contract';
import { ADMIN_KINDS, type CellEditDelta } from '../../../shared/consolidate/consolidation';
import { shapeOf } from '../../../shared/audit/auditEngine';
import { bindRules } from '../../../shared/audit/instances';
import type { KindScope } from '../../../shared/audit/kindScope';
import { packRuleSet } from '../../../shared/audit/loadRules';
import type { ReportEngine } from '../../../shared/engine/reportEngine';
import type { ReportSessions } from '../reportSessions';
import type { RegisterStore } from '../store/registerStore';

export const ADMIN_SCOPE_WORDS = '（行政单位和参公事业单位）';

/** The cells kind-restricted checks read on the department's report, as bound for a 行政单位. */
function scopedCells(engine: ReportEngine): { keys: Set<string>; tables: Set<string> } {
  const all = packRuleSet(engine.pack);
  const rules = all.rules
    .map((r) => ({ ...r, checks: r.checks.filter((c) => c.def.unitKinds !== undefined), builtins: [] }))
    .filter((r) => r.checks.length > 0);
  const keys = new Set<string>();
  const tables = new Set<string>();
  for (const inst of bindRules({ ...all, rules }, { pack: engine.pack, shape: shapeOf(engine), prevShape: null, unitKind: ADMIN_KINDS[0]! })) {
    if (inst.type !== 'compare') continue;
    for (const side of inst.when ? [inst.left, inst.right, inst.when.left, inst.when.right] : [inst.left, inst.right]) {
      for (const term of side.terms) {
        if (term.prev) continue;
        keys.add(term.key);
        tables.add(term.table);
      }
    }
  }
  return { keys, tables };
}

/** The scoped figures of a department, kept so one unit's edit updates them without a re-sum. */
export interface AdminFigures {
  engine: ReportEngine;
  keys: Set<string>;
  tables: Set<string>;
  scope: KindScope;
}

function scopeOf(figures: Pick<AdminFigures, 'engine' | 'keys'>): KindScope {
  const values: Record<string, number> = {};
  for (const key of figures.keys) {
    const [table = '', row = '', col = ''] = key.split(':');
    values[key] = figures.engine.value(table, row, col) ?? 0;
  }
  return { kinds: [...ADMIN_KINDS], words: ADMIN_SCOPE_WORDS, values };
}

/**
 * null when every summed unit is 行政/参公 (the department's own figures are theirs) or none is
 * (no 机关运行经费 is summed at all).
 */
export async function adminFigures(
  sessions: ReportSessions,
  register: RegisterStore,
  engine: ReportEngine,
  adminReportIds: readonly number[],
  summedCount: number,
): Promise<AdminFigures | null> {
  if (adminReportIds.length === 0 || adminReportIds.length === summedCount) return null;
  const { keys, tables } = scopedCells(engine);
  if (keys.size === 0) return null;
  const sums = await register.sumCells(adminReportIds, [...tables]);
  // Only the tables the checks read: the other tables' 科目 rows would cost an engine as big as the department's.
  const rows = Object.fromEntries(Object.entries(engine.addedRows()).filter(([t]) => tables.has(t)));
  const scoped = sessions.buildEngine(engine.pack, rows, Object.fromEntries(sums), '行政单位和参公事业单位的汇总数据');
  return { engine: scoped, keys, tables, scope: scopeOf({ engine: scoped, keys }) };
}

/** Follows a 行政/参公 unit's committed edits into the scoped figures; false when they cannot be (rebuild). */
export function followAdminEdits(figures: AdminFigures, deltas: readonly CellEditDelta[]): boolean {
  const inputs = figures.engine.inputs();
  const sums = new Map<string, { table: string; row: string; col: string; value: number }>();
  for (const d of deltas) {
    if (!figures.tables.has(d.table)) continue;
    const key = cellKey(d.table, d.row, d.col);
    const current = sums.get(key)?.value ?? inputs[key] ?? 0;
    sums.set(key, { table: d.table, row: d.row, col: d.col, value: current + (d.after ?? 0) - (d.before ?? 0) });
  }
  if (sums.size === 0) return true;
  try {
    figures.engine.setInputs([...sums.values()].map((e) => ({ ...e, value: e.value === 0 ? null : e.value })));
  } catch {
    return false;
  }
  figures.scope = scopeOf(figures);
  return true;
}
