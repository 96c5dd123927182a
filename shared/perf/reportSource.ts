/**
 * The 自评报告 is written by the 情况说明's generator from the same kind of template. Its figures come
 * from the tables and from the register, so the register is shown to the generator as two more
 * (read-only) tables: PRJ, one row per project, and PTK, one row per 重点工作任务, each with a TOTAL row.
 * A template then says `{amt PRJ.$.c1}` as it says `{amt T03.TOTAL.c3}`, and lists projects with
 * `"each": {"table": "PRJ", "level": "项"}`.
 */
import type { LayoutRow, TableLayout } from '../engine/types';
import type { NarrativeReport } from '../narrative/generate';
import type { Pack, TableDef } from '../pack/model';
import { sumSources, type PerfData } from './model';
import { parseDecimal, ratio, mul, toFixed, type Ratio } from './ratio';
import type { ScoredSheet } from './sheet';

export const PROJECT_TABLE = 'PRJ';
export const TASK_TABLE = 'PTK';

/**
 * PRJ columns: money in 分, c7 the 自评得分 in hundredths (`{num PRJ.$.c7}` prints 95.20), c8 a count of
 * projects, c9 the count of scored ones (1 on a project whose 自评表 has a total, so `PRJ.$.c9 = 1` tells a
 * score of 0 from none).
 */
const PROJECT_COLUMNS: readonly [string, string][] = [
  ['c1', '年初预算数'],
  ['c2', '全年预算数'],
  ['c3', '全年执行数'],
  ['c4', '到位数'],
  ['c5', '结余上缴财政'],
  ['c6', '结转下年'],
  ['c7', '自评得分'],
  ['c8', '项目个数'],
  ['c9', '已评分项目个数'],
];

const TASK_COLUMNS: readonly [string, string][] = [
  ['c1', '批复金额'],
  ['c2', '实际支出金额'],
  ['c3', '任务个数'],
];

function tableDef(id: string, title: string, columns: readonly [string, string][]): TableDef {
  return {
    id,
    code: id,
    title,
    columns: columns.map(([cid, label]) => ({ id: cid, label })),
    sides: [{ columns: columns.map(([cid]) => cid), rowHeader: 'item', rows: [{ type: 'fixed', rows: [] }] }],
    formulas: [],
  };
}

export const PROJECT_TABLE_DEF = tableDef(PROJECT_TABLE, '项目库', PROJECT_COLUMNS);
export const TASK_TABLE_DEF = tableDef(TASK_TABLE, '部门年度重点工作任务', TASK_COLUMNS);

/** The pack as a report template sees it: its tables plus PRJ and PTK (for checking templates on load). */
export function packWithRegister(pack: Pack): Pack {
  return { ...pack, tables: [...pack.tables, PROJECT_TABLE_DEF, TASK_TABLE_DEF] };
}

/** A 2-decimal score as hundredths (the unit `{num …}` prints). */
function hundredths(score: Ratio | null): number {
  if (!score) return 0;
  return Number(toFixed(mul(score, ratio(100n)), 0));
}

function layoutOf(table: TableDef, rows: { id: string; label: string }[], columns: string[]): TableLayout {
  const row = (id: string, label: string, total: boolean): LayoutRow => ({
    id,
    label,
    ...(total ? {} : { code: id, level: '项' as const }),
    indent: total ? 0 : 1,
    total,
    kind: 'money',
    cells: columns,
    inputs: [],
    removable: false,
  });
  const side = table.sides[0];
  if (!side) throw new Error(`${table.id} has no side`);
  return { table, sides: [{ def: side, rows: [...rows.map((r) => row(r.id, r.label, false)), row('TOTAL', '合计', true)] }] };
}

/** Row id of a project in PRJ. */
export const projectRow = (id: number): string => `P${id}`;
export const taskRow = (id: number): string => `K${id}`;

export function withRegister(base: NarrativeReport, data: PerfData, scores: ReadonlyMap<number, ScoredSheet>): NarrativeReport {
  const values = new Map<string, number>();
  const put = (table: string, row: string, col: string, v: number): void => {
    values.set(`${table}:${row}:${col}`, v);
    values.set(`${table}:TOTAL:${col}`, (values.get(`${table}:TOTAL:${col}`) ?? 0) + v);
  };
  for (const p of data.projects) {
    const row = projectRow(p.id);
    put(PROJECT_TABLE, row, 'c1', sumSources(p.initial));
    put(PROJECT_TABLE, row, 'c2', sumSources(p.annual));
    put(PROJECT_TABLE, row, 'c3', sumSources(p.executed));
    put(PROJECT_TABLE, row, 'c4', p.arrived);
    put(PROJECT_TABLE, row, 'c5', p.returned);
    put(PROJECT_TABLE, row, 'c6', p.carried);
    const total = scores.get(p.id)?.exactTotal ?? null;
    values.set(`${PROJECT_TABLE}:${row}:c7`, hundredths(total));
    put(PROJECT_TABLE, row, 'c8', 1);
    put(PROJECT_TABLE, row, 'c9', total ? 1 : 0);
  }
  for (const t of data.tasks) {
    const row = taskRow(t.id);
    put(TASK_TABLE, row, 'c1', t.approved);
    put(TASK_TABLE, row, 'c2', t.spent);
    put(TASK_TABLE, row, 'c3', 1);
  }
  const projectLayout = layoutOf(PROJECT_TABLE_DEF, data.projects.map((p) => ({ id: projectRow(p.id), label: p.name })), PROJECT_COLUMNS.map(([c]) => c));
  const taskLayout = layoutOf(TASK_TABLE_DEF, data.tasks.map((t) => ({ id: taskRow(t.id), label: t.name })), TASK_COLUMNS.map(([c]) => c));
  const own = new Set([PROJECT_TABLE, TASK_TABLE]);
  return {
    tableIds: () => [...base.tableIds(), PROJECT_TABLE, TASK_TABLE],
    layout: (id) => (id === PROJECT_TABLE ? projectLayout : id === TASK_TABLE ? taskLayout : base.layout(id)),
    value: (table, row, col) => (own.has(table) ? (values.get(`${table}:${row}:${col}`) ?? 0) : base.value(table, row, col)),
  };
}

/** A decimal text as an exact ratio, or null. */
export const exact = (text: string): Ratio | null => parseDecimal(text);
