/**
 * The 绩效 tables (migration 0007_perf) as stored rows: field key ↔ column, a whole report's rows read
 * in one go (`PerfRows`), and those rows turned into the model (`perfDataOf`). The store, the edit
 * history and its reconstruction of a past state all go through here, so a past state reads exactly
 * as the present one does.
 */
import type { PerfTarget } from '../../../shared/perf/fields';
import type { PerfData, PerfIndicator, PerfProject, PerfTask } from '../../../shared/perf/model';
import type { Tx } from '../store/database';

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

export type RowTarget = Exclude<PerfTarget, 'dept'>;
export const ROW_TARGETS: readonly RowTarget[] = ['project', 'indicator', 'task'];
export const TABLES: Record<RowTarget, string> = { project: 'perf_projects', indicator: 'perf_indicators', task: 'perf_tasks' };

/** One stored row: column → value (分 and flags as integers, the rest as text), without report_id. */
export type StoredRow = Record<string, number | string>;

/** Everything of one report's 绩效自评, as stored. The 部门整体 form is its defaults when never written. */
export interface PerfRows {
  project: Map<number, StoredRow>;
  indicator: Map<number, StoredRow>;
  task: Map<number, StoredRow>;
  dept: StoredRow;
}

/** The 部门整体 form before anything is typed into it (the column defaults of 0007_perf). */
export const DEPT_DEFAULTS: Readonly<StoredRow> = { duty: '', overall_goal: '', year_goal: '', year_actual: '', fund_points: '10' };

type Reader = Pick<Tx, 'all' | 'get'>;

function withoutReport(row: StoredRow): StoredRow {
  const { report_id: _report, ...rest } = row;
  return rest;
}

export async function readRow(tx: Reader, reportId: number, target: RowTarget, id: number): Promise<StoredRow | undefined> {
  const row = await tx.get<StoredRow>(`SELECT * FROM ${TABLES[target]} WHERE report_id = ? AND id = ?`, [reportId, id]);
  return row && withoutReport(row);
}

export async function readDept(tx: Reader, reportId: number): Promise<StoredRow> {
  const row = await tx.get<StoredRow>('SELECT duty, overall_goal, year_goal, year_actual, fund_points FROM perf_dept WHERE report_id = ?', [reportId]);
  return row ? { ...row } : { ...DEPT_DEFAULTS };
}

export async function readPerfRows(tx: Reader, reportId: number): Promise<PerfRows> {
  const rows = async (target: RowTarget) =>
    new Map((await tx.all<StoredRow>(`SELECT * FROM ${TABLES[target]} WHERE report_id = ?`, [reportId])).map((r) => [Number(r.id), withoutReport(r)]));
  return { project: await rows('project'), indicator: await rows('indicator'), task: await rows('task'), dept: await readDept(tx, reportId) };
}

const num = (v: number | string | undefined): number => Number(v ?? 0);
const str = (v: number | string | undefined): string => String(v ?? '');

function toProject(r: StoredRow): PerfProject {
  return {
    id: num(r.id),
    seq: num(r.seq),
    name: str(r.name),
    dept: str(r.dept),
    implUnit: str(r.impl_unit),
    funcCode: str(r.func_code),
    fundSource: str(r.fund_source),
    initial: [num(r.initial_0), num(r.initial_1), num(r.initial_2)],
    annual: [num(r.annual_0), num(r.annual_1), num(r.annual_2)],
    executed: [num(r.executed_0), num(r.executed_1), num(r.executed_2)],
    arrived: num(r.arrived),
    returned: num(r.returned),
    carried: num(r.carried),
    goalExpected: str(r.goal_expected),
    goalActual: str(r.goal_actual),
    fundPoints: str(r.fund_points),
  };
}

function toIndicator(r: StoredRow): PerfIndicator {
  return {
    id: num(r.id),
    owner: num(r.owner),
    seq: num(r.seq),
    level1: str(r.level1),
    level2: str(r.level2),
    level3: str(r.level3),
    nature: r.nature === '定性' ? '定性' : '定量',
    direction: r.direction === '反向' ? '反向' : '正向',
    unit: str(r.unit),
    target: str(r.target),
    actual: str(r.actual),
    points: str(r.points),
    band: str(r.band),
    given: str(r.given),
    applicable: num(r.applicable) === 1,
    reason: str(r.reason),
  };
}

function toTask(r: StoredRow): PerfTask {
  return {
    id: num(r.id),
    seq: num(r.seq),
    name: str(r.name),
    project: str(r.project),
    content: str(r.content),
    approved: num(r.approved),
    spent: num(r.spent),
    reason: str(r.reason),
  };
}

const bySeq = (a: { seq: number; id: number }, b: { seq: number; id: number }) => a.seq - b.seq || a.id - b.id;

/** The model of stored rows, in the order the screens and prints list them. */
export function perfDataOf(rows: PerfRows): PerfData {
  const d = rows.dept;
  return {
    projects: [...rows.project.values()].map(toProject).sort(bySeq),
    indicators: [...rows.indicator.values()].map(toIndicator).sort((a, b) => a.owner - b.owner || bySeq(a, b)),
    tasks: [...rows.task.values()].map(toTask).sort(bySeq),
    dept: { duty: str(d.duty), overallGoal: str(d.overall_goal), yearGoal: str(d.year_goal), yearActual: str(d.year_actual), fundPoints: str(d.fund_points) },
  };
}
