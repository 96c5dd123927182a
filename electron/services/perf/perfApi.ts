/**
 * The 绩效 Api methods over the report sessions and the 0007_perf tables. Every typed value is parsed
 * with shared/perf/fields and checked against the row it lands in (a 定性 score inside its band, a 定量
 * value a number) before it is written; a refusal names the project or indicator and the field.
 */
import type { Api, ReportRef } from '../../../shared/api/contract';
import { AppError } from '../../../shared/api/errors';
import { unfilledLines, unfilledMessage, unfilledPlaceholders } from '../../../shared/narrative/unfilled';
import { perfPackView, type PerfOp, type PerfState } from '../../../shared/perf/contract';
import { fieldOf, parseField, parseFigure, parsePoints, type FieldValue, type PerfTarget } from '../../../shared/perf/fields';
import { DEPT_OWNER, type PerfData, type PerfIndicator } from '../../../shared/perf/model';
import type { PerfPackData, PerfReportDef } from '../../../shared/perf/packData';
import { generatePerfReport, type PerfReport } from '../../../shared/perf/report';
import { qualitativeScore } from '../../../shared/perf/score';
import { perfChecks, scoreAll } from '../../../shared/perf/view';
import { narrativeFileBytes } from '../narrative/narrativeFile';
import type { ReportSessions, Session } from '../reportSessions';
import type { ReportStore } from '../store/reportStore';
import { perfFieldHistory } from './perfHistory';
import { perfDataText, PerfStore } from './perfStore';
import { perfWorkbook } from './perfXlsx';

type PerfMethods = Pick<Api, 'perfState' | 'perfEdit' | 'perfReport' | 'exportPerfReport' | 'exportPerfXlsx' | 'perfFieldHistory'>;

export interface PerfDeps {
  sessions: ReportSessions;
  store: ReportStore;
  perf: ReadonlyMap<string, PerfPackData>;
}

const PLACE: Record<PerfTarget, string> = { project: '项目库', indicator: '绩效指标', task: '重点工作任务', dept: '部门整体支出绩效自评表' };

function perfTexts(texts: Readonly<Record<string, string>>): Record<string, string> {
  return Object.fromEntries(Object.entries(texts).filter(([k]) => k.startsWith('perf.')));
}

/** Where a refusal points: the register or 自评表, the row, the field. */
function refuse(target: PerfTarget, rowName: string, message: string, field?: string): never {
  throw new AppError(`${PLACE[target]}${rowName ? `“${rowName}”` : ''}：${message}`, { table: PLACE[target], ...(rowName ? { row: rowName } : {}), ...(field ? { column: field } : {}) });
}

function indicatorName(ind: PerfIndicator): string {
  return ind.level3 || `第 ${ind.seq} 项指标`;
}

export function perfMethods({ sessions, store, perf }: PerfDeps, howToAllow = '导出草稿（屏幕上选“仍然导出草稿”，命令行加 --allow-unfilled）'): PerfMethods {
  const perfStore = new PerfStore(store.db, () => store.now(), () => store.noteWrite());

  const packData = (session: Session): PerfPackData => {
    const data = perf.get(session.pack.id);
    if (!data) throw new AppError(`报表格式 ${session.pack.id} 没有绩效自评设置`);
    return data;
  };

  const state = async (session: Session): Promise<PerfState> => {
    const data = await perfStore.load(Math.max(session.reportId, 0));
    const pack = perf.get(session.pack.id) ?? null;
    const checks = pack ? perfChecks(pack, data, session.engine, scoreAll(pack, data)) : [];
    return { pack: pack ? perfPackView(pack) : null, data, checks, texts: perfTexts(session.texts) };
  };

  /** Parses a `set` and checks it against its row; returns what to write (and what to clear with it). */
  const planSet = (pack: PerfPackData, data: PerfData, op: Extract<PerfOp, { op: 'set' }>): { value: FieldValue; extra: Record<string, string> } => {
    const { target, id, field: key, text } = op;
    const field = fieldOf(target, key);
    if (!field) refuse(target, '', `没有“${key}”这一项`);
    const level1s = pack.scheme.weights.map((w) => w.level1).filter((l) => l !== pack.fundLevel1);
    const choices = key === 'level1' ? level1s : key === 'band' ? pack.scheme.qualitativeBands.map((b) => b.label) : undefined;
    const rowName =
      target === 'project'
        ? (data.projects.find((p) => p.id === id)?.name ?? '')
        : target === 'task'
          ? (data.tasks.find((t) => t.id === id)?.name ?? '')
          : target === 'indicator'
            ? (() => {
                const ind = data.indicators.find((i) => i.id === id);
                return ind ? indicatorName(ind) : '';
              })()
            : '';
    if (target !== 'dept' && rowName === '' && !(target === 'project' ? data.projects : target === 'task' ? data.tasks : data.indicators).some((r) => r.id === id)) {
      refuse(target, '', `第 ${id} 行不存在（可能已被删除），请刷新`);
    }
    const parsed = parseField(field, text, { ...(op.unit ? { unit: op.unit } : {}), ...(choices ? { choices } : {}) });
    if (!parsed.ok) refuse(target, rowName, parsed.message, field.label);
    const extra: Record<string, string> = {};
    if (target === 'indicator') {
      const ind = data.indicators.find((i) => i.id === id);
      if (!ind) refuse(target, '', `第 ${id} 项指标不存在，请刷新`);
      const next: PerfIndicator = { ...ind, [key]: parsed.value };
      const points = parsePoints(next.points);
      if ((key === 'target' || key === 'actual') && next.nature === '定量' && text.trim() !== '' && !parseFigure(text)) {
        refuse(target, rowName, `${field.label}：“${text.trim()}”不是数字（文字描述的指标请将指标性质选为“定性”）`, field.label);
      }
      if (key === 'given' && text.trim() !== '') {
        if (next.nature !== '定性') refuse(target, rowName, `${field.label}：定量指标的得分由年度指标值和实际完成值计算，不能直接填写`, field.label);
        if (next.band === '') refuse(target, rowName, `${field.label}：请先选择评价档次，再在档次范围内打分`, field.label);
      }
      if (next.nature === '定性' && next.band !== '' && next.given.trim() !== '' && points) {
        const q = qualitativeScore(pack.scheme, next.band, next.given, points);
        if (!q.ok) {
          // Choosing another band drops a score that no longer fits; a typed score or 分值 that does not fit is refused.
          if (key === 'band') extra.given = '';
          else refuse(target, rowName, `${field.label}：${q.message}`, field.label);
        }
      }
    }
    return { value: parsed.value, extra };
  };

  /** One edit, journalled as typed; decided on the data read at `dataVersion` (another writer in between: tried again). */
  const edit = async (session: Session, dataVersion: number | undefined, op: PerfOp): Promise<{ state: PerfState; id: number | null }> => {
    if (session.consolidated) throw new AppError('部门汇总表由所属单位的报表汇总计算，绩效自评请在单位的报表中填写');
    const options = { how: 'typed' as const, ...(dataVersion === undefined ? {} : { dataVersion }) };
    const pack = packData(session);
    const reportId = await sessions.storedId(session);
    const data = await perfStore.load(reportId);
    let id: number | null = null;
    switch (op.op) {
      case 'addProject': {
        const name = (op.name ?? '').trim() || `新项目${data.projects.length + 1}`;
        id = await perfStore.add(reportId, 'project', { name, dept: session.unit.name, impl_unit: session.unit.name, fund_points: String(pack.fundPoints) }, options);
        break;
      }
      case 'addIndicator': {
        const level1s = pack.scheme.weights.map((w) => w.level1).filter((l) => l !== pack.fundLevel1);
        if (!level1s.includes(op.level1)) refuse('indicator', '', `一级指标“${op.level1}”不是可选值，可选：${level1s.join('、')}`, '一级指标');
        if (op.owner !== DEPT_OWNER && !data.projects.some((p) => p.id === op.owner)) refuse('project', '', `第 ${op.owner} 个项目不存在，请刷新`);
        id = await perfStore.add(reportId, 'indicator', {
          owner: op.owner,
          level1: op.level1,
          level2: (op.level2 ?? pack.level2[op.level1]?.[0] ?? '').trim(),
          level3: (op.level3 ?? '').trim(),
        }, options);
        break;
      }
      case 'addTask':
        id = await perfStore.add(reportId, 'task', { name: (op.name ?? '').trim() || `重点工作任务${data.tasks.length + 1}` }, options);
        break;
      case 'remove':
        if (!(await perfStore.remove(reportId, op.target, op.id, options))) refuse(op.target, '', `第 ${op.id} 行不存在（可能已被删除）`);
        break;
      case 'set': {
        const { value, extra } = planSet(pack, data, op);
        await perfStore.set(reportId, op.target, op.id, op.field, value, extra, options);
        id = op.id;
        break;
      }
    }
    const after = await state(session);
    // This process's own 绩效 write is not a change made elsewhere.
    session.perfText = perfDataText(after.data);
    return { state: after, id };
  };

  const report = async (ref: ReportRef, outline: string): Promise<PerfReport & { def: PerfReportDef; unitName: string }> => {
    const session = await sessions.open(ref);
    const pack = packData(session);
    const def = pack.reports.find((r) => r.id === outline);
    if (!def) throw new AppError(`没有“${outline}”格式的自评报告，可选：${pack.reports.map((r) => r.id).join('、')}`);
    const data = await perfStore.load(Math.max(session.reportId, 0));
    const result = generatePerfReport({ def, report: session.engine, data, scores: scoreAll(pack, data), unitName: session.unit.name, year: ref.year, texts: session.texts });
    return { ...result, def, unitName: session.unit.name };
  };

  return {
    perfState: (ref) => sessions.serial(async () => state(await sessions.open(ref))),
    perfFieldHistory: ({ place, ...ref }) => sessions.serial(() => perfFieldHistory(sessions, ref, place.target, place.id, place.field)),
    perfEdit: ({ op, ...ref }) => sessions.serial(() => sessions.write(ref, (session, dataVersion) => edit(session, dataVersion, op))),
    perfReport: ({ outline, ...ref }) =>
      sessions.serial(async () => {
        const r = await report(ref, outline);
        return { doc: r.doc, edits: r.edits, checks: r.checks, unfilled: unfilledLines(unfilledPlaceholders(r.doc, r.edits)) };
      }),
    exportPerfReport: async ({ outline, format, allowUnfilled, ...ref }) => {
      const r = await sessions.serial(() => report(ref, outline));
      const unfilled = unfilledPlaceholders(r.doc, r.edits);
      if (allowUnfilled !== true && unfilled.length > 0) throw new AppError(unfilledMessage(unfilled, howToAllow).replace(/^情况说明/, '自评报告'));
      const bytes = await narrativeFileBytes(r, format, true, howToAllow);
      return { fileName: `${r.unitName}${ref.year}年度${r.def.title.replace(/（.*）$/, '')}.${format}`, base64: bytes.toString('base64') };
    },
    exportPerfXlsx: async ({ wan, ...ref }) => {
      const input = await sessions.serial(async () => {
        const session = await sessions.open(ref);
        const pack = packData(session);
        const data = await perfStore.load(Math.max(session.reportId, 0));
        return { unitName: session.unit.name, year: ref.year, data, scores: scoreAll(pack, data), unit: wan ? ('万元' as const) : ('元' as const) };
      });
      const bytes = await perfWorkbook(input);
      return { fileName: `${input.unitName}${ref.year}年度绩效自评表.xlsx`, base64: bytes.toString('base64') };
    },
  };
}
