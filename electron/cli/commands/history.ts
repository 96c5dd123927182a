/**
 * `juesuan history …`: the edit history of a report.
 *   history   --db … --unit … --year … [--table T --row R --col C]   batches, or one cell's changes
 *   history restore --db … --unit … --year … --to N [--table T]     back to right after batch N (0: before the first)
 *   history undo    --db … --unit … --year … N                      undo batch N
 *   history --perf project:3:name …                                 one 绩效 field's changes (dept:duty for the 部门整体 form)
 * `--table perf` restores the 绩效自评 alone.
 * `--dept D` instead of `--unit` names the department: the history of its 调整表 and its own texts
 * (`--line KEY` for one 调整表 line's changes).
 */
import type { HistoryEntryInfo } from '../../../shared/api/contract';
import { ADJUSTMENT_TABLE } from '../../../shared/api/registerContract';
import { HOW_WORDS } from '../../services/reportHistory';
import { localTime } from '../../services/backup/damagedDatabase';
import { valueText } from '../../services/reportValues';
import { optionalString, parseCommandArgs, requireString, UsageError } from '../args';
import { call, withServices, type Output } from '../commands';
import { PRINTED_REPORT, printedRef } from './printedRef';
import { PERF_HISTORY_NAME, PERF_HISTORY_TABLE, perfChangeText, perfFieldLabel } from '../../../shared/perf/historyText';
import { fieldOf, type PerfTarget } from '../../../shared/perf/fields';

const PERF_TARGETS: readonly PerfTarget[] = ['project', 'indicator', 'task', 'dept'];

/** `--perf project:3:name`, `indicator:7:given`, `task:1:spent`, `dept:duty` (the 部门整体 form). */
function perfPlace(text: string): { target: PerfTarget; id: number; field: string } {
  const parts = text.split(':');
  const target = PERF_TARGETS.find((t) => t === parts[0]);
  const usage = `--perf“${text}”无效，应为 project:项目号:字段、indicator:指标号:字段、task:任务号:字段 或 dept:字段（例如 project:3:name）`;
  if (!target) throw new UsageError(usage);
  const [idText, field] = target === 'dept' ? ['0', parts.length === 2 ? parts[1] : parts[2]] : [parts[1], parts[2]];
  if (parts.length > 3 || !idText || !/^\d+$/.test(idText) || !field) throw new UsageError(usage);
  if (!fieldOf(target, field)) throw new UsageError(`--perf：${target} 没有字段“${field}”`);
  return { target, id: Number(idText), field };
}


function shown(value: HistoryEntryInfo['old'], kind: HistoryEntryInfo['kind']): string {
  if (value === null) return '（空）';
  if ((kind === 'cell' || kind === 'adjustment') && typeof value === 'number') return valueText(value, 'money');
  return String(value);
}

/** A 调整表 change says which of the line's two places it is. */
function placeWord(entry: HistoryEntryInfo): string {
  if (entry.kind !== 'adjustment') return '';
  return entry.col === 'note' ? '说明\t' : '抵销数\t';
}

function batchNumber(text: string, what: string): number {
  if (!/^\d+$/.test(text.trim())) throw new UsageError(`${what}“${text}”无效，应为修改记录中的批号（整数）`);
  return Number(text);
}

export async function historyCommand(args: string[], io: Output): Promise<void> {
  const sub = args[0] === 'restore' || args[0] === 'undo' ? args[0] : undefined;
  const rest = sub ? args.slice(1) : args;
  const { values, positionals } = parseCommandArgs(
    rest,
    { ...PRINTED_REPORT, table: { type: 'string' }, row: { type: 'string' }, col: { type: 'string' }, to: { type: 'string' }, line: { type: 'string' }, perf: { type: 'string' } },
    sub === 'undo',
  );
  const ref = printedRef(values);
  const line = optionalString(values, 'line');
  if (line !== undefined && !ref.consolidated) throw new UsageError('--line 是部门调整表的一项，需与 --dept 一起使用');
  await withServices(values, true, async (s) => {
    if (sub === 'restore') {
      const batchId = batchNumber(requireString(values, 'to'), '--to');
      const table = optionalString(values, 'table');
      const result = await call(s, 'restoreHistory', { ...ref, batchId, ...(table ? { table } : {}) });
      const part = table === PERF_HISTORY_TABLE ? PERF_HISTORY_NAME : table ? `表 ${table}` : '';
      io.out(`已恢复到第 ${batchId} 批之后的状态${part ? `（${part}）` : ''}：${result.changed} 处变动${result.batchId ? `，记为第 ${result.batchId} 批（可用 history undo ${result.batchId} 撤销）` : ''}`);
      return;
    }
    if (sub === 'undo') {
      if (positionals.length !== 1) throw new UsageError('用法：juesuan history undo --db 文件 --unit 单位编码（或 --dept 部门编码） --year 年度 批号');
      const batchId = batchNumber(positionals[0] ?? '', '批号');
      const result = await call(s, 'undoHistory', { ...ref, batchId });
      io.out(`已撤销第 ${batchId} 批：${result.changed} 处变动${result.kept > 0 ? `；${result.kept} 处之后又被修改过，保留了修改后的值` : ''}`);
      return;
    }
    if (line !== undefined) {
      const entries = await call(s, 'adjustmentHistory', { unit: ref.unit, year: ref.year, key: line });
      if (entries.length === 0) io.out('（调整表的这一项没有修改记录）');
      for (const e of entries) io.out(`第 ${e.batch} 批\t${localTime(new Date(e.at))}\t${HOW_WORDS[e.how]}\t${placeWord(e)}${shown(e.old, e.kind)} → ${shown(e.new, e.kind)}`);
      return;
    }
    const perfText = optionalString(values, 'perf');
    if (perfText !== undefined) {
      const place = perfPlace(perfText);
      const entries = await call(s, 'perfFieldHistory', { ...ref, place });
      if (entries.length === 0) io.out(`（${perfFieldLabel(place.target, place.field)}没有修改记录）`);
      for (const e of entries) {
        const what = e.field === '' ? '' : `${perfFieldLabel(e.target, e.field)}\t`;
        io.out(`第 ${e.batch} 批\t${localTime(new Date(e.at))}\t${HOW_WORDS[e.how]}\t${what}${perfChangeText(e)}`);
      }
      return;
    }
    const table = optionalString(values, 'table');
    const row = optionalString(values, 'row');
    const col = optionalString(values, 'col');
    if (table !== undefined || row !== undefined || col !== undefined) {
      if (!table || !row || !col) throw new UsageError('查看单元格的修改记录需要同时给出 --table、--row 和 --col');
      const entries = await call(s, 'cellHistory', { ...ref, table, row, col });
      if (entries.length === 0) io.out('（该单元格没有修改记录）');
      for (const e of entries) io.out(`第 ${e.batch} 批\t${localTime(new Date(e.at))}\t${HOW_WORDS[e.how]}\t${shown(e.old, e.kind)} → ${shown(e.new, e.kind)}`);
      return;
    }
    const batches = await call(s, 'reportHistory', ref);
    if (batches.length === 0) io.out('（没有修改记录）');
    for (const b of batches) {
      const tables = b.tables.map((t) => (t === ADJUSTMENT_TABLE ? '调整表' : t === PERF_HISTORY_TABLE ? PERF_HISTORY_NAME : t || '文字')).join('、');
      io.out(`第 ${b.id} 批\t${localTime(new Date(b.at))}\t${HOW_WORDS[b.how]}\t${b.count} 处\t${tables}${b.note ? `\t${b.note}` : ''}`);
    }
  });
}
