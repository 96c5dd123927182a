/**
 * What the screen scores while the clerk types: the stored data with every draft that parses laid
 * over it, so a score and grade follow each keystroke; a draft that does not parse changes nothing
 * (its message shows at the field once it is committed).
 */
import type { MoneyUnit } from '../../../shared/money/fen';
import { fieldOf, parseField, type PerfTarget } from '../../../shared/perf/fields';
import type { PerfData, PerfIndicator, PerfProject, PerfTask } from '../../../shared/perf/model';

export type DraftKey = `${PerfTarget}:${number}:${string}`;

export const draftKey = (target: PerfTarget, id: number, field: string): DraftKey => `${target}:${id}:${field}`;

function setPath<T extends object>(row: T, field: string, value: string | number | boolean): T {
  const [head, index] = field.split('.');
  if (index !== undefined && head !== undefined) {
    const list = [...((row as Record<string, unknown>)[head] as readonly number[])];
    list[Number(index)] = Number(value);
    return { ...row, [head]: list };
  }
  return { ...row, [field]: value };
}

export function withDrafts(data: PerfData, drafts: ReadonlyMap<DraftKey, string>, unit: MoneyUnit, choices: Record<string, readonly string[]>): PerfData {
  if (drafts.size === 0) return data;
  let { projects, indicators, tasks, dept } = data;
  for (const [key, text] of drafts) {
    const [targetText = '', idText = '', field = ''] = key.split(':');
    const target = (['project', 'indicator', 'task', 'dept'] as const).find((t) => t === targetText);
    const def = target ? fieldOf(target, field) : undefined;
    if (!def || !target) continue;
    const parsed = parseField(def, text, { unit, ...(choices[field] ? { choices: choices[field] } : {}) });
    if (!parsed.ok) continue;
    const id = Number(idText);
    if (target === 'project') projects = projects.map((p): PerfProject => (p.id === id ? setPath(p, field, parsed.value) : p));
    else if (target === 'indicator') indicators = indicators.map((i): PerfIndicator => (i.id === id ? setPath(i, field, parsed.value) : i));
    else if (target === 'task') tasks = tasks.map((t): PerfTask => (t.id === id ? setPath(t, field, parsed.value) : t));
    else dept = setPath(dept, field, parsed.value);
  }
  return { projects, indicators, tasks, dept };
}
