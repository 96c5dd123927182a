/**
 * The 绩效 tables of one report (migration 0007_perf): read whole, changed one value or one row at a
 * time, each change its own committed transaction. Field names are mapped to columns here and only
 * here; a field not in the map is never written.
 */
import type { Database } from '../store/database';
import { DEPT_OWNER, EMPTY_DEPT_FORM, type PerfData, type PerfIndicator, type PerfProject, type PerfTask } from '../../../shared/perf/model';
import type { FieldValue, PerfTarget } from '../../../shared/perf/fields';

interface ProjectRow {
  id: number;
  seq: number;
  name: string;
  dept: string;
  impl_unit: string;
  func_code: string;
  fund_source: string;
  initial_0: number;
  initial_1: number;
  initial_2: number;
  annual_0: number;
  annual_1: number;
  annual_2: number;
  executed_0: number;
  executed_1: number;
  executed_2: number;
  arrived: number;
  returned: number;
  carried: number;
  goal_expected: string;
  goal_actual: string;
  fund_points: string;
}

interface IndicatorRow extends Omit<PerfIndicator, 'applicable' | 'nature' | 'direction'> {
  nature: string;
  direction: string;
  applicable: number;
}

interface DeptRow {
  duty: string;
  overall_goal: string;
  year_goal: string;
  year_actual: string;
  fund_points: string;
}

/** Field key → column, per target. */
export const COLUMNS: Record<PerfTarget, Record<string, string>> = {
  project: {
    name: 'name',
    dept: 'dept',
    implUnit: 'impl_unit',
    funcCode: 'func_code',
    fundSource: 'fund_source',
    'initial.0': 'initial_0',
    'initial.1': 'initial_1',
    'initial.2': 'initial_2',
    'annual.0': 'annual_0',
    'annual.1': 'annual_1',
    'annual.2': 'annual_2',
    'executed.0': 'executed_0',
    'executed.1': 'executed_1',
    'executed.2': 'executed_2',
    arrived: 'arrived',
    returned: 'returned',
    carried: 'carried',
    goalExpected: 'goal_expected',
    goalActual: 'goal_actual',
    fundPoints: 'fund_points',
  },
  indicator: {
    level1: 'level1',
    level2: 'level2',
    level3: 'level3',
    nature: 'nature',
    direction: 'direction',
    unit: 'unit',
    target: 'target',
    actual: 'actual',
    points: 'points',
    band: 'band',
    given: 'given',
    applicable: 'applicable',
    reason: 'reason',
  },
  task: { name: 'name', project: 'project', content: 'content', approved: 'approved', spent: 'spent', reason: 'reason' },
  dept: { duty: 'duty', overallGoal: 'overall_goal', yearGoal: 'year_goal', yearActual: 'year_actual', fundPoints: 'fund_points' },
};

const TABLES: Record<Exclude<PerfTarget, 'dept'>, string> = { project: 'perf_projects', indicator: 'perf_indicators', task: 'perf_tasks' };

function toProject(r: ProjectRow): PerfProject {
  return {
    id: r.id,
    seq: r.seq,
    name: r.name,
    dept: r.dept,
    implUnit: r.impl_unit,
    funcCode: r.func_code,
    fundSource: r.fund_source,
    initial: [r.initial_0, r.initial_1, r.initial_2],
    annual: [r.annual_0, r.annual_1, r.annual_2],
    executed: [r.executed_0, r.executed_1, r.executed_2],
    arrived: r.arrived,
    returned: r.returned,
    carried: r.carried,
    goalExpected: r.goal_expected,
    goalActual: r.goal_actual,
    fundPoints: r.fund_points,
  };
}

function toIndicator(r: IndicatorRow): PerfIndicator {
  return {
    ...r,
    nature: r.nature === '定性' ? '定性' : '定量',
    direction: r.direction === '反向' ? '反向' : '正向',
    applicable: r.applicable === 1,
  };
}

export class PerfStore {
  constructor(private readonly db: Database) {}

  async load(reportId: number): Promise<PerfData> {
    if (reportId === 0) return { projects: [], indicators: [], tasks: [], dept: { ...EMPTY_DEPT_FORM } };
    const projects = await this.db.all<ProjectRow>('SELECT * FROM perf_projects WHERE report_id = ? ORDER BY seq, id', [reportId]);
    const indicators = await this.db.all<IndicatorRow>(
      `SELECT id, owner, seq, level1, level2, level3, nature, direction, unit, target, actual, points, band, given, applicable, reason
         FROM perf_indicators WHERE report_id = ? ORDER BY owner, seq, id`,
      [reportId],
    );
    const tasks = await this.db.all<PerfTask>(
      'SELECT id, seq, name, project, content, approved, spent, reason FROM perf_tasks WHERE report_id = ? ORDER BY seq, id',
      [reportId],
    );
    const dept = await this.db.get<DeptRow>('SELECT duty, overall_goal, year_goal, year_actual, fund_points FROM perf_dept WHERE report_id = ?', [reportId]);
    return {
      projects: projects.map(toProject),
      indicators: indicators.map(toIndicator),
      tasks,
      dept: dept
        ? { duty: dept.duty, overallGoal: dept.overall_goal, yearGoal: dept.year_goal, yearActual: dept.year_actual, fundPoints: dept.fund_points }
        : { ...EMPTY_DEPT_FORM },
    };
  }

  /** Adds a row at the end; returns its id. */
  async add(reportId: number, target: Exclude<PerfTarget, 'dept'>, values: Record<string, string | number>): Promise<number> {
    const table = TABLES[target];
    return this.db.transaction(async (tx) => {
      const next = await tx.get<{ id: number; seq: number }>(
        `SELECT COALESCE(MAX(id), 0) + 1 AS id, COALESCE(MAX(seq), 0) + 1 AS seq FROM ${table} WHERE report_id = ?`,
        [reportId],
      );
      const id = next?.id ?? 1;
      const seq = next?.seq ?? 1;
      const cols = Object.keys(values);
      await tx.run(
        `INSERT INTO ${table} (report_id, id, seq${cols.map((c) => `, ${c}`).join('')}) VALUES (?, ?, ?${cols.map(() => ', ?').join('')})`,
        [reportId, id, seq, ...Object.values(values)],
      );
      return id;
    });
  }

  /** Removes a row; a project takes its indicators with it. Returns false when there was none. */
  async remove(reportId: number, target: Exclude<PerfTarget, 'dept'>, id: number): Promise<boolean> {
    return this.db.transaction(async (tx) => {
      const result = await tx.run(`DELETE FROM ${TABLES[target]} WHERE report_id = ? AND id = ?`, [reportId, id]);
      if (target === 'project') await tx.run('DELETE FROM perf_indicators WHERE report_id = ? AND owner = ?', [reportId, id]);
      return result.changes > 0;
    });
  }

  /** Writes one value (already parsed); returns false when the row does not exist. */
  async set(reportId: number, target: PerfTarget, id: number, field: string, value: FieldValue, extra: Record<string, string> = {}): Promise<boolean> {
    const column = COLUMNS[target][field];
    if (!column) throw new Error(`unknown field ${target}.${field}`);
    const stored = typeof value === 'boolean' ? (value ? 1 : 0) : value;
    const sets = [[column, stored] as const, ...Object.entries(extra).map(([f, v]) => [COLUMNS[target][f] ?? '', v] as const)];
    if (sets.some(([c]) => c === '')) throw new Error(`unknown field in ${Object.keys(extra).join(',')}`);
    return this.db.transaction(async (tx) => {
      if (target === 'dept') {
        await tx.run('INSERT OR IGNORE INTO perf_dept (report_id) VALUES (?)', [reportId]);
        await tx.run(`UPDATE perf_dept SET ${sets.map(([c]) => `${c} = ?`).join(', ')} WHERE report_id = ?`, [...sets.map(([, v]) => v), reportId]);
        return true;
      }
      const result = await tx.run(
        `UPDATE ${TABLES[target]} SET ${sets.map(([c]) => `${c} = ?`).join(', ')} WHERE report_id = ? AND id = ?`,
        [...sets.map(([, v]) => v), reportId, id],
      );
      return result.changes > 0;
    });
  }
}

export { DEPT_OWNER };
