/**
 * The 绩效自评 data in the canonical form the data fingerprint is taken over: the project register
 * with each 自评表's head, every indicator, the 重点工作任务, the 部门整体 form and the 自评报告 texts
 * (perf.*). A signed 自评表 is as much a paper copy as a signed table, so a changed 分值 or 实际完成值
 * must change the fingerprint and show the copy as 已过时. Rows are keyed by their 序号 and owner, not
 * by storage ids, and every field is written, so the text is the same wherever the same data is.
 */
import { EMPTY_DEPT_FORM, type PerfData } from '../perf/model';

/** Report texts of the 绩效自评 (its 自评报告 «…» texts and rewrites). */
export const PERF_TEXT_PREFIX = 'perf.';

function byCodePoint(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** Nothing typed into the 绩效自评 at all: the part is left out, so reports without it keep their fingerprint. */
export function perfIsEmpty(data: PerfData | undefined, texts: readonly [string, string][]): boolean {
  if (texts.length > 0) return false;
  if (!data) return true;
  const d = data.dept;
  const deptEmpty =
    d.duty === EMPTY_DEPT_FORM.duty &&
    d.overallGoal === EMPTY_DEPT_FORM.overallGoal &&
    d.yearGoal === EMPTY_DEPT_FORM.yearGoal &&
    d.yearActual === EMPTY_DEPT_FORM.yearActual &&
    d.fundPoints === EMPTY_DEPT_FORM.fundPoints;
  return data.projects.length === 0 && data.indicators.length === 0 && data.tasks.length === 0 && deptEmpty;
}

/** One line per row: `kind:place` then its fields as JSON, rows in 序号 order, texts in code-point order. */
export function perfCanonicalText(data: PerfData | undefined, texts: readonly [string, string][]): string {
  const out: string[] = [];
  if (data) {
    const projects = [...data.projects].sort((a, b) => a.seq - b.seq);
    const seqOf = new Map(projects.map((p) => [p.id, p.seq]));
    for (const p of projects) {
      const { id: _id, seq, ...fields } = p;
      out.push(`project:${seq}:${JSON.stringify(fields)}`);
    }
    const indicators = [...data.indicators].sort((a, b) => (seqOf.get(a.owner) ?? 0) - (seqOf.get(b.owner) ?? 0) || a.owner - b.owner || a.seq - b.seq);
    for (const i of indicators) {
      const { id: _id, owner, seq, ...fields } = i;
      out.push(`indicator:${owner === 0 ? 'dept' : `project${seqOf.get(owner) ?? `?${owner}`}`}:${seq}:${JSON.stringify(fields)}`);
    }
    for (const t of [...data.tasks].sort((a, b) => a.seq - b.seq)) {
      const { id: _id, seq, ...fields } = t;
      out.push(`task:${seq}:${JSON.stringify(fields)}`);
    }
    out.push(`dept:${JSON.stringify(data.dept)}`);
  }
  for (const [key, value] of [...texts].sort((a, b) => byCodePoint(a[0], b[0]))) out.push(`${JSON.stringify(key)}:${JSON.stringify(value)}`);
  return out.map((line) => `${line}\n`).join('');
}
