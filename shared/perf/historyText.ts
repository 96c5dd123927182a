/**
 * A 绩效 change in the clerk's words, for the 修改记录 dialog and the CLI: money in 元 (or 万元),
 * 是否适用 as 适用/不适用, a field by its label, a row added or removed by its name.
 */
import { formatAmount, type MoneyUnit } from '../money/fen';
import { fieldOf, type PerfTarget } from './fields';

/** What a row of each target is called. */
export const PERF_ROW_WORDS: Record<PerfTarget, string> = { project: '项目', indicator: '指标', task: '重点工作任务', dept: '部门整体支出绩效自评表' };

/** The table id standing for the whole 绩效自评 in a batch's tables and in “restore one table”. */
export const PERF_HISTORY_TABLE = 'perf';
export const PERF_HISTORY_NAME = '绩效自评';

/** A journalled whole row's name (项目名称, 三级指标, 任务名称). */
function rowName(json: string | number): string {
  try {
    const row = JSON.parse(String(json)) as Record<string, unknown>;
    const name = row.level3 ?? row.name;
    return typeof name === 'string' && name !== '' ? `“${name}”` : '';
  } catch {
    return '';
  }
}

/** One value of a field as shown: '（空）' for nothing. */
export function perfValueText(target: PerfTarget, field: string, value: number | string | null, unit: MoneyUnit = '元'): string {
  if (value === null || value === '') return '（空）';
  const kind = fieldOf(target, field)?.kind;
  if (kind === 'money' && typeof value === 'number') return `${formatAmount(value, { unit, grouping: true })}${unit === '万元' ? ' 万元' : ' 元'}`;
  if (kind === 'flag') return Number(value) === 1 ? '适用' : '不适用';
  return String(value);
}

/** A change as “old → new”, or “新增项目“…”” / “删除项目“…”” for a row. */
export function perfChangeText(change: { target: PerfTarget; field: string; old: number | string | null; new: number | string | null }, unit: MoneyUnit = '元'): string {
  if (change.field === '') {
    return change.new !== null ? `新增${PERF_ROW_WORDS[change.target]}${rowName(change.new)}` : `删除${PERF_ROW_WORDS[change.target]}${change.old === null ? '' : rowName(change.old)}`;
  }
  return `${perfValueText(change.target, change.field, change.old, unit)} → ${perfValueText(change.target, change.field, change.new, unit)}`;
}

/** A field's label (e.g. 全年预算数（财政拨款）); the key itself when unknown. */
export function perfFieldLabel(target: PerfTarget, field: string): string {
  return fieldOf(target, field)?.label ?? field;
}
