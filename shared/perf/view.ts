/**
 * Everything the 绩效 screen shows for one report, computed from the stored data, the pack's scheme and
 * the tables: each project's scored 自评表, the 部门整体 one, and the 提示 rules (Σ 全年执行数 of the
 * register against 项目支出 of the tables, in total and by 功能科目). Pure: the screen recomputes it as
 * the clerk types; the back end computes the same for the CLI and the exports.
 */
import { formatAmount, type Fen } from '../money/fen';
import type { NarrativeReport } from '../narrative/generate';
import { DEPT_OWNER, sumSources, type PerfData, type PerfIndicator } from './model';
import type { PerfPackData } from './packData';
import { scoreSheet, type ScoredSheet } from './sheet';

export interface PerfCheck {
  id: string;
  level: '提示';
  message: string;
  /** The project concerned, when there is one. */
  project: number | null;
}

export interface PerfScores {
  projects: Map<number, ScoredSheet>;
  dept: ScoredSheet;
}

export function indicatorsOf(data: PerfData, owner: number): PerfIndicator[] {
  return data.indicators.filter((i) => i.owner === owner).sort((a, b) => a.seq - b.seq);
}

export function scoreAll(perf: Pick<PerfPackData, 'scheme' | 'fundLevel1'>, data: PerfData): PerfScores {
  const projects = new Map<number, ScoredSheet>();
  for (const p of data.projects) {
    projects.set(
      p.id,
      scoreSheet(perf.scheme, { budget: sumSources(p.annual), actual: sumSources(p.executed), points: p.fundPoints, level1: perf.fundLevel1 }, indicatorsOf(data, p.id)),
    );
  }
  const approved = data.tasks.reduce((s, t) => s + t.approved, 0);
  const spent = data.tasks.reduce((s, t) => s + t.spent, 0);
  const dept = scoreSheet(perf.scheme, { budget: approved, actual: spent, points: data.dept.fundPoints, level1: perf.fundLevel1 }, indicatorsOf(data, DEPT_OWNER));
  return { projects, dept };
}

const yuan = (fen: Fen): string => `${formatAmount(fen, { unit: '元', grouping: true })}元`;

/** 项目支出 of the tables by 功能科目 项 code, and in total. */
function tableSpending(report: NarrativeReport, where: PerfPackData['projectSpending']): { total: Fen; byCode: Map<string, Fen>; label: string } | null {
  if (!report.tableIds().includes(where.table)) return null;
  const layout = report.layout(where.table);
  const byCode = new Map<string, Fen>();
  let total = 0;
  for (const side of layout.sides) {
    for (const row of side.rows) {
      if (row.total) total = report.value(where.table, row.id, where.column) ?? 0;
      else if (row.level === '项' && row.code) byCode.set(row.code, report.value(where.table, row.id, where.column) ?? 0);
    }
  }
  return { total, byCode, label: `${layout.table.code}（${layout.table.title}）` };
}

/**
 * P-1: Σ 全年执行数 of the register = 项目支出 of the tables; P-2: the same by 功能科目 where every project
 * names its 项; P-3: a project spent more than its 全年预算数; P-4: a 自评表's 分值 or scores need a look.
 */
export function perfChecks(perf: PerfPackData, data: PerfData, report: NarrativeReport | null, scores: PerfScores): PerfCheck[] {
  const out: PerfCheck[] = [];
  const spending = report ? tableSpending(report, perf.projectSpending) : null;
  if (spending && (data.projects.length > 0 || spending.total !== 0)) {
    const executed = data.projects.reduce((s, p) => s + sumSources(p.executed), 0);
    if (executed !== spending.total) {
      out.push({
        id: 'P-1',
        level: '提示',
        message: `项目库中各项目全年执行数合计 ${yuan(executed)}，${spending.label}的项目支出合计 ${yuan(spending.total)}，相差 ${yuan(Math.abs(executed - spending.total))}`,
        project: null,
      });
    }
    const uncoded = data.projects.filter((p) => p.funcCode === '');
    if (uncoded.length > 0 && data.projects.length > 0) {
      out.push({
        id: 'P-2',
        level: '提示',
        message: `有 ${uncoded.length} 个项目未填功能科目（${uncoded.map((p) => p.name || `第 ${p.seq} 个项目`).join('、')}），未能按科目核对项目支出`,
        project: uncoded[0]?.id ?? null,
      });
    } else if (data.projects.length > 0) {
      const byCode = new Map<string, Fen>();
      for (const p of data.projects) byCode.set(p.funcCode, (byCode.get(p.funcCode) ?? 0) + sumSources(p.executed));
      const codes = [...new Set([...byCode.keys(), ...[...spending.byCode].filter(([, v]) => v !== 0).map(([c]) => c)])].sort();
      for (const code of codes) {
        const mine = byCode.get(code) ?? 0;
        const theirs = spending.byCode.get(code) ?? 0;
        if (mine !== theirs) {
          out.push({
            id: 'P-2',
            level: '提示',
            message: `功能科目 ${code}：项目库中全年执行数合计 ${yuan(mine)}，${spending.label}该科目项目支出 ${yuan(theirs)}，相差 ${yuan(Math.abs(mine - theirs))}`,
            project: data.projects.find((p) => p.funcCode === code)?.id ?? null,
          });
        }
      }
    }
  }
  for (const p of data.projects) {
    const name = p.name || `第 ${p.seq} 个项目`;
    const annual = sumSources(p.annual);
    const executed = sumSources(p.executed);
    if (executed > annual) {
      out.push({ id: 'P-3', level: '提示', message: `项目“${name}”全年执行数 ${yuan(executed)} 大于全年预算数 ${yuan(annual)}`, project: p.id });
    }
    for (const problem of scores.projects.get(p.id)?.problems ?? []) {
      out.push({ id: 'P-4', level: '提示', message: `项目“${name}”自评表：${problem}`, project: p.id });
    }
  }
  for (const problem of scores.dept.problems) {
    if (data.tasks.length === 0 && indicatorsOf(data, DEPT_OWNER).length === 0) break;
    out.push({ id: 'P-4', level: '提示', message: `部门整体支出绩效自评表：${problem}`, project: null });
  }
  return out;
}
