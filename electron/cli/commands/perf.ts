/**
 * 绩效自评 from the command line, through the same Api as the screen:
 *   juesuan perf-report … --out F.docx|F.txt [--outline hunan|yunnan] [--allow-unfilled]
 *   juesuan set … 项目库 新增 项目名称              juesuan set … 项目库 序号 字段 值
 *   juesuan set … 指标 项目序号|部门 新增 一级指标 [三级指标]
 *   juesuan set … 指标 项目序号|部门 指标序号 字段 值
 *   juesuan set … 重点任务 新增 名称 · 重点任务 序号 字段 值 · 部门自评表 字段 值
 *   juesuan show … --perf [--json]                  juesuan export-json … --perf --out F.json
 * 序号 are the 1-based positions the screen and `show --perf` print; 字段 is the label shown (项目名称,
 * 全年执行数（本年财政拨款）…) or its key (name, executed.0 …). Money is in 元.
 */
import { extname, resolve } from 'node:path';
import type { Services } from '../../services/createServices';
import { assertSafeOutput } from '../../services/files/outputGuard';
import { writeFileAtomic } from '../../services/files/writeFileAtomic';
import { stringifyOrdered, type OrderedJson } from '../../services/orderedJson';
import { AppError } from '../../../shared/api/errors';
import { parseFieldValue } from '../../../shared/narrative/fieldValues';
import type { ReportRef } from '../../../shared/api/contract';
import { formatAmount } from '../../../shared/money/fen';
import type { PerfOp, PerfState } from '../../../shared/perf/contract';
import { FIELDS, type PerfTarget } from '../../../shared/perf/fields';
import { DEPT_OWNER, FUND_SOURCES, sumSources, type PerfData } from '../../../shared/perf/model';
import { scoreAll, indicatorsOf } from '../../../shared/perf/view';
import type { ScoredSheet } from '../../../shared/perf/sheet';
import { parseCommandArgs, requireString, UsageError } from '../args';
import { call, REPORT, reportRef, withServices, type Output } from '../commands';

type Command = (args: string[], io: Output) => Promise<void | number>;

export const PERF_REPORT_USAGE =
  '用法：juesuan perf-report --db 文件 --unit 单位编码 --year 年度 --out 文件.docx|文件.txt [--outline hunan|yunnan] [--allow-unfilled]，或 --out 文件.xlsx [--wan]（绩效自评表）';
const SET_USAGE =
  '用法：juesuan set … 项目库 新增 项目名称 | 项目库 序号 字段 值 | 指标 项目序号|部门 新增 一级指标 [三级指标] | 指标 项目序号|部门 指标序号 字段 值 | 重点任务 新增 名称 | 重点任务 序号 字段 值 | 部门自评表 字段 值 | 报告文字 名称 文字';

const PERF_TABLES = ['项目库', '自评表', '指标', '重点任务', '部门自评表', '报告文字'];

const yuan = (fen: number): string => formatAmount(fen, { unit: '元', grouping: false });

function fieldKey(target: PerfTarget, name: string): string {
  const field = FIELDS[target].find((f) => f.key === name || f.label === name);
  if (!field) throw new UsageError(`没有字段“${name}”，可用：${FIELDS[target].map((f) => f.label).join('、')}`);
  return field.key;
}

function position(text: string, count: number, what: string): number {
  if (!/^\d+$/.test(text) || Number(text) < 1 || Number(text) > count) throw new UsageError(`${what}序号“${text}”无效（共 ${count} 个）`);
  return Number(text) - 1;
}

/** The project (by 序号) or 部门 an indicator belongs to. */
function ownerOf(data: PerfData, text: string): number {
  if (text === '部门') return DEPT_OWNER;
  return data.projects[position(text, data.projects.length, '项目')]?.id ?? DEPT_OWNER;
}

function planOp(data: PerfData, words: string[]): PerfOp {
  const [table = '', a = '', b = '', c = '', d] = words;
  const isNew = (w: string): boolean => w === '新增' || w === 'new';
  switch (table) {
    case '项目库':
    case '自评表':
      if (isNew(a) && words.length === 3) return { op: 'addProject', name: b };
      if (words.length !== 4) throw new UsageError(SET_USAGE);
      return { op: 'set', target: 'project', id: data.projects[position(a, data.projects.length, '项目')]?.id ?? 0, field: fieldKey('project', b), text: c };
    case '指标': {
      const owner = ownerOf(data, a);
      if (isNew(b) && (words.length === 4 || words.length === 5)) return { op: 'addIndicator', owner, level1: c, ...(d !== undefined ? { level3: d } : {}) };
      if (words.length !== 5) throw new UsageError(SET_USAGE);
      const list = indicatorsOf(data, owner);
      return { op: 'set', target: 'indicator', id: list[position(b, list.length, '指标')]?.id ?? 0, field: fieldKey('indicator', c), text: d ?? '' };
    }
    case '重点任务':
      if (isNew(a) && words.length === 3) return { op: 'addTask', name: b };
      if (words.length !== 4) throw new UsageError(SET_USAGE);
      return { op: 'set', target: 'task', id: data.tasks[position(a, data.tasks.length, '任务')]?.id ?? 0, field: fieldKey('task', b), text: c };
    case '部门自评表':
      if (words.length !== 3) throw new UsageError(SET_USAGE);
      return { op: 'set', target: 'dept', id: 0, field: fieldKey('dept', a), text: b };
    default:
      throw new UsageError(SET_USAGE);
  }
}

/** A text of the 自评报告 (部门基本情况, 存在的问题 …, 基本支出年初预算数), by its label or key. */
async function setReportText(s: Services, ref: ReportRef, state: PerfState, name: string, text: string, io: Output): Promise<void> {
  const fields = (state.pack?.reports ?? []).flatMap((r) => r.forms.flatMap((f) => f.fields));
  const field = fields.find((f) => f.key === name || f.label === name);
  if (!field) throw new UsageError(`自评报告没有“${name}”，可用：${[...new Set(fields.map((f) => f.label))].join('、')}`);
  const parsed = parseFieldValue(field, text);
  if (!parsed.ok) throw new AppError(`报告文字 ${parsed.message}`, { table: '报告文字', column: field.label });
  await call(s, 'setTexts', { ...ref, texts: { [field.key]: text.trim() === '' ? null : text } });
  io.out(`已写入 报告文字 ${field.label}`);
}

async function perfSet(args: string[], io: Output): Promise<void> {
  const { values, positionals } = parseCommandArgs(args, REPORT, true);
  const ref = reportRef(values);
  await withServices(values, true, async (s) => {
    await call(s, 'openReport', ref);
    const before = await call(s, 'perfState', ref);
    if (positionals[0] === '报告文字') {
      if (positionals.length !== 3) throw new UsageError(SET_USAGE);
      return setReportText(s, ref, before, positionals[1] ?? '', positionals[2] ?? '', io);
    }
    const op = planOp(before.data, positionals);
    const { state, id } = await call(s, 'perfEdit', { ...ref, op });
    if (op.op === 'addProject') io.out(`已添加项目 第 ${state.data.projects.findIndex((p) => p.id === id) + 1} 个：${op.name ?? ''}`);
    else if (op.op === 'addIndicator') io.out(`已添加指标 第 ${indicatorsOf(state.data, op.owner).findIndex((i) => i.id === id) + 1} 项（${op.level1}）`);
    else if (op.op === 'addTask') io.out(`已添加重点工作任务 第 ${state.data.tasks.findIndex((t) => t.id === id) + 1} 项：${op.name ?? ''}`);
    else if (op.op === 'set') io.out(`已写入 ${positionals.slice(0, -1).join(' ')}：${op.text}`);
    for (const check of state.checks) io.out(`提示 ${check.id} ${check.message}`);
  });
}

/** `set` with a 绩效 table name goes here; any other `set` to the tables. */
export function withPerfSet(tables: Command): Command {
  return (args, io) => {
    const first = args.find((a, i) => !a.startsWith('--') && !(args[i - 1] ?? '').startsWith('--'));
    return first !== undefined && PERF_TABLES.includes(first) ? perfSet(args, io) : tables(args, io);
  };
}

function sheetLines(title: string, sheet: ScoredSheet, data: PerfData, owner: number): string[] {
  const lines = [
    `${title}`,
    `  资金：全年预算数 ${yuan(sheet.fund.budget)}  全年执行数 ${yuan(sheet.fund.actual)}  执行率 ${sheet.fund.rate ?? '—'}%  分值 ${sheet.fund.points}  得分 ${sheet.fund.score}（${sheet.fund.rule}）`,
  ];
  indicatorsOf(data, owner).forEach((ind, i) => {
    const scored = sheet.indicators.find((s) => s.id === ind.id);
    lines.push(
      `  ${i + 1}. ${ind.level1}/${ind.level2}/${ind.level3}  ${ind.nature}${ind.nature === '定量' ? ind.direction : ''}  指标值 ${ind.target || '—'}  实际 ${ind.actual || '—'}  分值 ${ind.points}  得分 ${scored?.score ?? '—'}（${scored?.rule ?? ''}）`,
    );
  });
  lines.push(`  总分 ${sheet.total ?? '—'}  等级 ${sheet.grade ?? '—'}（${sheet.totalRule}）`);
  return lines;
}

/** The register and every 自评表, scored, with the pack's scheme; what `show --perf --json` and `export-json --perf` print. */
function perfJson(ref: ReportRef, state: PerfState): OrderedJson {
  const scores = state.pack ? scoreAll(state.pack, state.data) : null;
  const sheet = (s: ScoredSheet | undefined) => (s ? { fund: s.fund, indicators: s.indicators, total: s.total, grade: s.grade, totalRule: s.totalRule } : null);
  // Plain JSON throughout (strings, numbers, booleans): printed with sorted keys, byte-identical when written twice.
  const value: unknown = JSON.parse(JSON.stringify({
    unit: ref.unit,
    year: ref.year,
    projects: state.data.projects.map((p, i) => ({
      序号: i + 1,
      ...p,
      initial: p.initial.map(yuan),
      annual: p.annual.map(yuan),
      executed: p.executed.map(yuan),
      arrived: yuan(p.arrived),
      returned: yuan(p.returned),
      carried: yuan(p.carried),
      indicators: indicatorsOf(state.data, p.id),
      score: sheet(scores?.projects.get(p.id)),
    })),
    dept: {
      ...state.data.dept,
      tasks: state.data.tasks.map((t) => ({ ...t, approved: yuan(t.approved), spent: yuan(t.spent) })),
      indicators: indicatorsOf(state.data, DEPT_OWNER),
      score: sheet(scores?.dept),
    },
    checks: state.checks,
    texts: state.texts,
  }));
  return value as OrderedJson;
}

async function perfShow(args: string[], io: Output): Promise<void> {
  const { values } = parseCommandArgs(args, { ...REPORT, perf: { type: 'boolean' }, json: { type: 'boolean' } }, false);
  const ref = reportRef(values);
  await withServices(values, true, async (s) => {
    await call(s, 'openReport', ref);
    const state = await call(s, 'perfState', ref);
    if (values.json === true) {
      io.out(stringifyOrdered(perfJson(ref, state)));
      return;
    }
    if (!state.pack) throw new AppError('该报表的报表格式没有绩效自评设置');
    const scores = scoreAll(state.pack, state.data);
    io.out(`项目库（${state.data.projects.length} 个项目，金额单位：元）`);
    state.data.projects.forEach((p, i) => {
      io.out(
        `${i + 1}. ${p.name}  功能科目 ${p.funcCode || '—'}  年初预算数 ${yuan(sumSources(p.initial))}  全年预算数 ${yuan(sumSources(p.annual))}  全年执行数 ${yuan(sumSources(p.executed))}（${FUND_SOURCES.map((src, k) => `${src} ${yuan(p.executed[k] ?? 0)}`).join('，')}）  到位数 ${yuan(p.arrived)}  上缴 ${yuan(p.returned)}  结转 ${yuan(p.carried)}`,
      );
    });
    state.data.projects.forEach((p, i) => {
      const sheet = scores.projects.get(p.id);
      if (sheet) for (const line of ['', ...sheetLines(`项目支出绩效自评表 ${i + 1}. ${p.name}`, sheet, state.data, p.id)]) io.out(line);
    });
    io.out('');
    for (const line of sheetLines('部门整体支出绩效自评表', scores.dept, state.data, DEPT_OWNER)) io.out(line);
    for (const check of state.checks) io.out(`提示 ${check.id} ${check.message}`);
  });
}

export function withPerfShow(tables: Command): Command {
  return (args, io) => (args.includes('--perf') ? perfShow(args, io) : tables(args, io));
}

async function perfExportJson(args: string[], io: Output): Promise<void> {
  const { values } = parseCommandArgs(args, { ...REPORT, perf: { type: 'boolean' }, out: { type: 'string' } }, false);
  const ref = reportRef(values);
  const out = resolve(requireString(values, 'out'));
  await withServices(values, true, async (s) => {
    assertSafeOutput(out);
    await call(s, 'openReport', ref);
    const state = await call(s, 'perfState', ref);
    await writeFileAtomic(out, `${stringifyOrdered(perfJson(ref, state), 2)}\n`);
    io.out(`已导出 ${ref.unit} ${ref.year} 年度项目库和绩效自评表到 ${out}`);
  });
}

export function withPerfExport(tables: Command): Command {
  return (args, io) => (args.includes('--perf') ? perfExportJson(args, io) : tables(args, io));
}

export async function perfReportCommand(args: string[], io: Output): Promise<void> {
  const { values } = parseCommandArgs(
    args,
    { ...REPORT, out: { type: 'string' }, outline: { type: 'string' }, 'allow-unfilled': { type: 'boolean' }, wan: { type: 'boolean' } },
    false,
  );
  const ref = reportRef(values);
  const out = resolve(requireString(values, 'out'));
  const format = extname(out).toLowerCase();
  if (format === '.xlsx') {
    await withServices(values, true, async (s: Services) => {
      assertSafeOutput(out);
      await call(s, 'openReport', ref);
      const file = await call(s, 'exportPerfXlsx', { ...ref, wan: values.wan === true });
      await writeFileAtomic(out, Buffer.from(file.base64, 'base64'));
      io.out(`已导出绩效自评表：${out}`);
    });
    return;
  }
  if (format !== '.txt' && format !== '.docx') throw new UsageError(`输出文件须以 .txt、.docx 或 .xlsx 结尾。${PERF_REPORT_USAGE}`);
  await withServices(values, true, async (s: Services) => {
    assertSafeOutput(out);
    await call(s, 'openReport', ref);
    const state = await call(s, 'perfState', ref);
    if (!state.pack) throw new AppError('该报表的报表格式没有绩效自评设置');
    const outline = typeof values.outline === 'string' ? values.outline : (state.pack.reports[0]?.id ?? '');
    if (!state.pack.reports.some((r) => r.id === outline)) {
      throw new UsageError(`没有“${outline}”格式的自评报告，可选：${state.pack.reports.map((r) => `${r.id}（${r.title}）`).join('、')}`);
    }
    const file = await call(s, 'exportPerfReport', { ...ref, outline, format: format === '.docx' ? 'docx' : 'txt', allowUnfilled: values['allow-unfilled'] === true });
    await writeFileAtomic(out, Buffer.from(file.base64, 'base64'));
    const view = await call(s, 'perfReport', { ...ref, outline });
    io.out(`已生成自评报告：${out}`);
    for (const line of view.unfilled) io.out(`未填写 ${line}`);
    for (const check of state.checks) io.out(`提示 ${check.id} ${check.message}`);
    for (const check of view.checks) io.out(`提示 ${check.id} ${check.message}`);
  });
}
