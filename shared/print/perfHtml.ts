/**
 * The 项目支出绩效自评表 (one per project, the national form) and the 部门整体支出绩效自评表 as printed
 * pages, with the scores the screen shows. Each sheet is a block kept whole (title, 项目名称, the 资金
 * block with its merged 项目资金 and 年度总体目标 labels), then the indicator grid — its header row in a
 * `thead`, so Chromium repeats it on every page the grid runs onto, every row kept whole — and 总分 and
 * 自评等级 at the foot. The sheet's own title and the project's name sit in the page's running head, so a
 * continuation page still says whose sheet it is; the signature line and `第 n 页 共 m 页` are the
 * set's page footer. Widths are fixed in millimetres: the sheet prints at 100 % on A4 portrait with the
 * default margins, is scaled to the page width when it is wider, and turns landscape (orientation
 * 自动) when that would shrink it below 80 %.
 */
import { formatAmount, percent, type Fen, type MoneyUnit } from '../money/fen';
import { DEPT_OWNER, FUND_SOURCES, sumSources, type PerfData, type PerfIndicator, type PerfProject } from '../perf/model';
import type { ScoredSheet } from '../perf/sheet';
import { indicatorsOf, type PerfScores } from '../perf/view';
import { escapeHtml } from './html';
import { printableMm, type NamedPage } from './pageCss';
import { section, type PartHtml } from './part';
import { projectPartId } from './perfParts';
import type { Margins, Orientation, Paper } from './settings';

/**
 * Column widths in millimetres of the 8-column grids (178 mm: A4 portrait inside the default margins);
 * 偏差原因分析及改进措施 is the one long text, so it gets the widest column.
 */
export const PERF_COLUMNS_MM = [19, 21, 30, 19, 19, 10, 12, 48] as const;
export const PERF_WIDTH_MM = PERF_COLUMNS_MM.reduce((a, b) => a + b, 0);
/** The 资金 block's columns: label, 其中 label, three amounts, 分值, 执行率, 得分 (the same 178 mm). */
const FUND_COLUMNS_MM = [17, 33, 27, 27, 27, 12, 17, 18] as const;
/** Below this width zoom, orientation 自动 prints the sheet landscape. */
const LANDSCAPE_BELOW = 0.8;

export interface PerfSheetsInput {
  data: PerfData;
  scores: PerfScores;
  unitName: string;
  year: number;
  unit: MoneyUnit;
  paper: Paper;
  orientation: Orientation;
  margins: Margins;
  /** A fixed scale (1 = 100 %), or null to fit the page width. */
  scale?: number | null;
  /** Sheets pulled onto one page fewer after measuring: their zoom (perfFit's fitSheet). */
  zooms?: ReadonlyMap<string, number>;
}

/** Orientation and zoom of the sheets: as wide as the page at most. */
export function perfSheetFit(paper: Paper, orientation: Orientation, margins: Margins, scale: number | null = null): { landscape: boolean; zoom: number } {
  const zoomAt = (landscape: boolean) => Math.min(1, printableMm(paper, landscape, margins).width / PERF_WIDTH_MM);
  const landscape = orientation === 'landscape' || (orientation === 'auto' && zoomAt(false) < LANDSCAPE_BELOW);
  return { landscape, zoom: scale === null ? zoomAt(landscape) : Math.min(scale, zoomAt(landscape)) };
}

const text = (value: string): string => escapeHtml(value.trim());
const cell = (content: string, attrs = ''): string => `<td${attrs}>${content}</td>`;
const span = (n: number): string => (n > 1 ? ` colspan="${n}"` : '');
const colgroupOf = (widths: readonly number[]): string => `<colgroup>${widths.map((w) => `<col style="width:${w}mm">`).join('')}</colgroup>`;
const colgroup = colgroupOf(PERF_COLUMNS_MM);
const fundColgroup = colgroupOf(FUND_COLUMNS_MM);
/** 重点工作任务: name, 项目, 主要内容, two amounts, 执行率, 未完成原因 (178 mm). */
const taskColgroup = colgroupOf([20, 22, 28, 25, 25, 16, 42]);

function money(fen: Fen, unit: MoneyUnit): string {
  return formatAmount(fen, { unit, grouping: true });
}

function rate(part: Fen, whole: Fen): string {
  const r = percent(part, whole);
  return r === null ? '—' : `${r}%`;
}

function withUnit(value: string, unit: string): string {
  const v = value.trim();
  return v !== '' && unit !== '' && !v.endsWith(unit) ? `${v}${unit}` : v;
}

function indicatorRow(ind: PerfIndicator, scored: ScoredSheet): string {
  const score = scored.indicators.find((s) => s.id === ind.id)?.score ?? null;
  const actual = ind.actual.trim() !== '' ? withUnit(ind.actual, ind.unit) : ind.nature === '定性' ? ind.band : '';
  const reason = ind.applicable ? ind.reason : `不适用${ind.reason.trim() ? `：${ind.reason.trim()}` : ''}`;
  return `<tr>${cell(text(ind.level1))}${cell(text(ind.level2))}${cell(text(ind.level3), ' class="l3"')}${cell(text(withUnit(ind.target, ind.unit)))}${cell(text(actual))}${cell(
    text(ind.points),
    ' class="num"',
  )}${cell(ind.applicable && score !== null ? score : '—', ' class="num"')}${cell(text(reason), ' class="long"')}</tr>`;
}

const GRID_HEAD = `<tr class="head">${['一级指标', '二级指标', '三级指标', '年度指标值', '实际完成值', '分值', '得分', '偏差原因分析及改进措施'].map((h) => `<th>${h}</th>`).join('')}</tr>`;

function indicatorGrid(list: readonly PerfIndicator[], scored: ScoredSheet, caption: string | null): string {
  const rows = list.length > 0 ? list.map((ind) => indicatorRow(ind, scored)) : [`<tr>${cell('（尚未填写绩效指标）', ` colspan="8" class="empty"`)}</tr>`];
  const captionRow = caption ? `<tr class="section-row"><th colspan="8">${caption}</th></tr>` : '';
  return `<table class="perf-grid">${colgroup}<thead>${captionRow}${GRID_HEAD}</thead><tbody>
${rows.join('\n')}
</tbody></table>`;
}

function totalBlock(scored: ScoredSheet, labels: { total: string; grade: string }): string {
  const rule = scored.totalRule !== '总分 = 各项得分之和' ? `<tr><td colspan="8" class="rule">${escapeHtml(scored.totalRule)}</td></tr>` : '';
  return `<table class="perf-whole perf-total">${colgroup}<tbody>
<tr class="total">${cell(labels.total, span(2))}${cell(scored.total ?? '—', `${span(2)} class="num"`)}${cell(labels.grade, span(3))}${cell(escapeHtml(scored.grade ?? '—'))}</tr>
${rule}
</tbody></table>`;
}

function heading(title: string, input: PerfSheetsInput, unitLabel: string): string {
  return `<h1 class="perf-title">${title}</h1>
<div class="perf-meta"><span class="dept">${unitLabel}：${escapeHtml(input.unitName)}</span><span class="year">（${input.year}年度）</span><span class="unit">金额单位：${input.unit}</span></div>`;
}

function projectInner(p: PerfProject, input: PerfSheetsInput): string {
  const scored = input.scores.projects.get(p.id);
  if (!scored) return '';
  const { unit } = input;
  const fund = scored.fund;
  const sources = FUND_SOURCES.map(
    (source, i) =>
      `<tr>${cell(i === 0 ? `其中：${source}` : source, ' class="label"')}${cell(money(p.initial[i] ?? 0, unit), ' class="num"')}${cell(money(p.annual[i] ?? 0, unit), ' class="num"')}${cell(
        money(p.executed[i] ?? 0, unit),
        ' class="num"',
      )}${cell('—', ' class="num"')}${cell(rate(p.executed[i] ?? 0, p.annual[i] ?? 0), ' class="num"')}${cell('—', ' class="num"')}</tr>`,
  ).join('\n');
  const head = `<table class="perf-whole">${fundColgroup}<tbody>
<tr>${cell('项目名称', ' class="label"')}${cell(text(p.name), span(7))}</tr>
<tr>${cell('主管部门', ' class="label"')}${cell(text(p.dept), span(2))}${cell('实施单位', ' class="label"')}${cell(text(p.implUnit), span(4))}</tr>
<tr class="head"><th rowspan="5">项目资金<br>（${unit}）</th><th></th><th>年初预算数</th><th>全年预算数（A）</th><th>全年执行数（B）</th><th>分值</th><th>执行率<br>（B/A）</th><th>得分</th></tr>
<tr class="sum">${cell('年度资金总额', ' class="label"')}${cell(money(sumSources(p.initial), unit), ' class="num"')}${cell(money(sumSources(p.annual), unit), ' class="num"')}${cell(
    money(sumSources(p.executed), unit),
    ' class="num"',
  )}${cell(text(p.fundPoints), ' class="num"')}${cell(fund.rate === null ? '—' : `${fund.rate}%`, ' class="num"')}${cell(fund.score, ' class="num"')}</tr>
${sources}
<tr class="head"><th rowspan="2">年度<br>总体目标</th><th colspan="3">预期目标</th><th colspan="4">实际完成情况</th></tr>
<tr class="goal">${cell(text(p.goalExpected), `${span(3)} class="long"`)}${cell(text(p.goalActual), `${span(4)} class="long"`)}</tr>
${fund.rate === null ? `<tr><td colspan="8" class="rule">${escapeHtml(fund.rule)}</td></tr>` : ''}
</tbody></table>`;
  return `${heading('项目支出绩效自评表', input, '单位')}
${head}
${indicatorGrid(indicatorsOf(input.data, p.id), scored, `绩效指标（${text(p.name)}）`)}
${totalBlock(scored, { total: '总分', grade: '自评等级' })}`;
}

function deptInner(input: PerfSheetsInput): string {
  const { data, unit } = input;
  const d = data.dept;
  const scored = input.scores.dept;
  const head = `<table class="perf-whole">${colgroup}<tbody>
<tr>${cell('部门名称', ' class="label"')}${cell(escapeHtml(input.unitName), span(7))}</tr>
<tr><th rowspan="2">部门<br>总体目标</th>${cell('部门职责', ' class="label"')}${cell(text(d.duty), `${span(6)} class="long"`)}</tr>
<tr>${cell('总体绩效目标', ' class="label"')}${cell(text(d.overallGoal), `${span(6)} class="long"`)}</tr>
<tr class="section-row"><th colspan="8">一、部门年度目标</th></tr>
<tr class="head"><th>财年</th><th colspan="4">目标</th><th colspan="3">实际完成情况</th></tr>
<tr>${cell(String(input.year), ' class="centred"')}${cell(text(d.yearGoal), `${span(4)} class="long"`)}${cell(text(d.yearActual), `${span(3)} class="long"`)}</tr>
</tbody></table>`;
  const taskRows = data.tasks.map(
    (t) =>
      `<tr>${cell(text(t.name))}${cell(text(t.project))}${cell(text(t.content), ' class="long"')}${cell(money(t.approved, unit), ' class="num"')}${cell(money(t.spent, unit), ' class="num"')}${cell(
        rate(t.spent, t.approved),
        ' class="num"',
      )}${cell(text(t.reason), ' class="long"')}</tr>`,
  );
  const tasks = `<table class="perf-grid">${taskColgroup}<thead>
<tr class="section-row"><th colspan="7">二、部门年度重点工作任务</th></tr>
<tr class="head"><th>任务名称</th><th>项目</th><th>主要内容</th><th>批复金额</th><th>实际支出金额</th><th>预算执行率</th><th>未完成原因和改进措施</th></tr>
</thead><tbody>
${taskRows.length > 0 ? taskRows.join('\n') : `<tr>${cell('（尚未填写重点工作任务）', ' colspan="7" class="empty"')}</tr>`}
<tr class="total">${cell('合计', `${span(3)} class="centred"`)}${cell(money(scored.fund.budget, unit), ' class="num"')}${cell(money(scored.fund.actual, unit), ' class="num"')}${cell(
    scored.fund.rate === null ? '—' : `${scored.fund.rate}%`,
    ' class="num"',
  )}${cell(`得分 ${scored.fund.score}（分值 ${text(d.fundPoints)}）`)}</tr>
</tbody></table>`;
  return `${heading('部门整体支出绩效自评表', input, '部门')}
${head}
${tasks}
${indicatorGrid(indicatorsOf(data, DEPT_OWNER), scored, '三、部门整体支出绩效指标')}
${totalBlock(scored, { total: '四、部门自评得分', grade: '五、自评等级' })}`;
}

export const PERF_CSS = `
.perf-sheet { margin: 0 auto; width: ${PERF_WIDTH_MM}mm; }
.perf-sheet h1.perf-title { font-size: 16pt; font-weight: bold; letter-spacing: 1pt; text-align: center; margin: 0; padding: 0 0 2mm; break-after: avoid; }
.perf-sheet .perf-meta { display: flex; justify-content: space-between; font-size: 10pt; padding: 0 0 1.5mm; break-after: avoid; }
.perf-sheet .perf-meta span { white-space: nowrap; }
.perf-sheet table { border-collapse: collapse; table-layout: fixed; width: ${PERF_WIDTH_MM}mm; margin: 0; }
.perf-sheet table + table { margin-top: -0.6pt; }
.perf-sheet th, .perf-sheet td { border: 0.6pt solid #000; padding: 0.6mm 1.2mm; line-height: 1.3; vertical-align: middle; overflow-wrap: anywhere; font-size: 9.5pt; }
.perf-sheet th { font-weight: bold; text-align: center; }
.perf-sheet td { text-align: center; }
.perf-sheet td.long, .perf-sheet td.l3 { text-align: left; white-space: pre-wrap; }
.perf-sheet td.num { text-align: right; white-space: nowrap; font-variant-numeric: tabular-nums; }
.perf-sheet td.label { text-align: center; }
.perf-sheet td.rule { text-align: left; font-size: 8.5pt; }
.perf-sheet td.empty { color: #555; }
.perf-sheet tr { break-inside: avoid; page-break-inside: avoid; }
.perf-sheet thead { display: table-header-group; }
.perf-sheet tr.section-row th { text-align: left; }
.perf-sheet tr.total td, .perf-sheet tr.sum td { font-weight: bold; }
.perf-sheet table.perf-whole { break-inside: avoid; page-break-inside: avoid; }
`;

function sheetPart(id: string, title: string, pageName: string, runningTitle: string, inner: string, input: PerfSheetsInput): PartHtml {
  const fit = perfSheetFit(input.paper, input.orientation, input.margins, input.scale ?? null);
  const zoom = input.zooms?.get(id) ?? fit.zoom;
  const page: NamedPage = { name: pageName, paper: input.paper, landscape: fit.landscape, runningTitle };
  return {
    id,
    title,
    page,
    css: { kind: 'perf', rules: PERF_CSS },
    body: section(id, page, `<div class="perf-sheet" style="zoom:${zoom.toFixed(4)}">\n${inner}\n</div>`, ' data-perf="sheet"'),
  };
}

export function perfDeptPart(input: PerfSheetsInput): PartHtml {
  return sheetPart('perfDept', '部门整体支出绩效自评表', 'perf-dept', `${input.unitName}　${input.year}年度　部门整体支出绩效自评表`, deptInner(input), input);
}

/** One part per project, in register order. */
export function perfProjectParts(input: PerfSheetsInput): PartHtml[] {
  return [...input.data.projects]
    .sort((a, b) => a.seq - b.seq)
    .map((p) =>
      sheetPart(
        projectPartId(p.seq),
        `项目支出绩效自评表（${p.name.trim() || `第 ${p.seq} 个项目`}）`,
        `perf-project-${p.seq}`,
        `${input.year}年度　项目支出绩效自评表　${p.name.trim() || `第 ${p.seq} 个项目`}`,
        projectInner(p, input),
        input,
      ),
    );
}
