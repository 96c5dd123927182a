/**
 * Puts a whole 绩效自评 (register, 自评表, 重点工作任务, 部门整体 form, report texts) into a report through
 * the Api, one perfEdit per value as the screen sends them, so what is printed is what a clerk typed.
 */
import type { Api, ReportRef } from '../../shared/api/contract';
import type { PerfOp } from '../../shared/perf/contract';
import { EMPTY_DEPT_FORM, type PerfData } from '../../shared/perf/model';

const yuanText = (fen: number): string => (fen / 100).toFixed(2);

export async function seedPerf(api: Api, ref: ReportRef, data: PerfData, texts: Record<string, string> = {}): Promise<void> {
  const edit = async (op: PerfOp): Promise<number> => (await api.perfEdit({ ...ref, op })).id ?? 0;
  const ids = new Map<number, number>();
  for (const p of [...data.projects].sort((a, b) => a.seq - b.seq)) {
    const id = await edit({ op: 'addProject', name: p.name });
    ids.set(p.id, id);
    const set = (field: string, text: string) => edit({ op: 'set', target: 'project', id, field, text });
    for (const [field, text] of [
      ['dept', p.dept],
      ['implUnit', p.implUnit],
      ['funcCode', p.funcCode],
      ['fundSource', p.fundSource],
      ['goalExpected', p.goalExpected],
      ['goalActual', p.goalActual],
      ['fundPoints', p.fundPoints],
    ] as const) {
      if (text !== '') await set(field, text);
    }
    for (const key of ['initial', 'annual', 'executed'] as const) {
      for (let i = 0; i < 3; i++) if ((p[key][i] ?? 0) !== 0) await set(`${key}.${i}`, yuanText(p[key][i] ?? 0));
    }
    for (const key of ['arrived', 'returned', 'carried'] as const) if (p[key] !== 0) await set(key, yuanText(p[key]));
  }
  for (const ind of [...data.indicators].sort((a, b) => a.owner - b.owner || a.seq - b.seq)) {
    const owner = ind.owner === 0 ? 0 : (ids.get(ind.owner) ?? -1);
    const id = await edit({ op: 'addIndicator', owner, level1: ind.level1, level2: ind.level2, level3: ind.level3 });
    const set = (field: string, text: string) => edit({ op: 'set', target: 'indicator', id, field, text });
    // 性质 and 分值 before the values they decide how to read; the band before the score given in it.
    if (ind.nature !== '定量') await set('nature', ind.nature);
    if (ind.direction !== '正向') await set('direction', ind.direction);
    await set('points', ind.points);
    for (const field of ['unit', 'target', 'actual', 'band', 'given', 'reason'] as const) if (ind[field] !== '') await set(field, ind[field]);
    if (!ind.applicable) await set('applicable', '不适用');
  }
  for (const t of [...data.tasks].sort((a, b) => a.seq - b.seq)) {
    const id = await edit({ op: 'addTask', name: t.name });
    const set = (field: string, text: string) => edit({ op: 'set', target: 'task', id, field, text });
    if (t.project !== '') await set('project', t.project);
    if (t.content !== '') await set('content', t.content);
    if (t.reason !== '') await set('reason', t.reason);
    await set('approved', yuanText(t.approved));
    await set('spent', yuanText(t.spent));
  }
  for (const field of ['duty', 'overallGoal', 'yearGoal', 'yearActual', 'fundPoints'] as const) {
    if (data.dept[field] !== EMPTY_DEPT_FORM[field]) await edit({ op: 'set', target: 'dept', id: 0, field, text: data.dept[field] });
  }
  if (Object.keys(texts).length > 0) await api.setTexts({ ...ref, texts });
}
