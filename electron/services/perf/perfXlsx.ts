/**
 * The 项目支出绩效自评表 (one sheet per project, the national form) and the 部门整体支出绩效自评表 as a
 * workbook in their published form: title and 年度, the 资金 block in 万元 (or 元), the indicator grid,
 * 总分 and 等级 — scores as the screen shows them, numbers as numeric cells, ready to print on A4.
 */
import ExcelJS from 'exceljs';
import type { MoneyUnit } from '../../../shared/money/fen';
import { codecOf } from '../../../shared/pack/cellKind';
import { DEPT_OWNER, FUND_SOURCES, sumSources, type PerfData, type PerfIndicator, type PerfProject } from '../../../shared/perf/model';
import type { ScoredSheet } from '../../../shared/perf/sheet';
import { indicatorsOf, type PerfScores } from '../../../shared/perf/view';
import { percent } from '../../../shared/money/fen';

const FONT = '宋体';
const THIN: Partial<ExcelJS.Borders> = { top: { style: 'thin' }, left: { style: 'thin' }, bottom: { style: 'thin' }, right: { style: 'thin' } };
const MONEY = codecOf('money');
const WIDTHS = [14, 14, 22, 14, 14, 9, 11, 30];
const LAST = 'H';

export interface PerfWorkbookInput {
  unitName: string;
  year: number;
  data: PerfData;
  scores: PerfScores;
  unit: MoneyUnit;
}

class Sheet {
  row = 1;
  constructor(readonly ws: ExcelJS.Worksheet) {
    ws.columns = WIDTHS.map((width) => ({ width }));
    ws.pageSetup = { paperSize: 9, orientation: 'portrait', fitToPage: true, fitToWidth: 1, fitToHeight: 0, horizontalCentered: true, margins: { left: 0.7, right: 0.5, top: 0.8, bottom: 0.8, header: 0.3, footer: 0.3 } };
    ws.headerFooter = { oddFooter: '第 &P 页 共 &N 页' };
  }

  /** One line of cells, `spans` columns each (default 1); text cells wrap, numbers right-aligned. */
  line(cells: readonly (string | number | null | { v: string | number | null; span?: number; bold?: boolean; fmt?: string })[], options: { bold?: boolean; height?: number; border?: boolean } = {}): void {
    let col = 1;
    const r = this.row++;
    for (const raw of cells) {
      const c = typeof raw === 'object' && raw !== null ? raw : { v: raw };
      const span = c.span ?? 1;
      const cell = this.ws.getCell(r, col);
      cell.value = c.v;
      cell.font = { name: FONT, size: 10, bold: options.bold === true || c.bold === true };
      cell.alignment = { vertical: 'middle', horizontal: typeof c.v === 'number' ? 'right' : 'center', wrapText: true };
      if (c.fmt) cell.numFmt = c.fmt;
      if (span > 1) this.ws.mergeCells(r, col, r, col + span - 1);
      if (options.border !== false) for (let k = 0; k < span; k++) this.ws.getCell(r, col + k).border = THIN;
      col += span;
    }
    if (options.height) this.ws.getRow(r).height = options.height;
  }

  title(text: string, year: number): void {
    this.ws.mergeCells(`A${this.row}:${LAST}${this.row}`);
    const t = this.ws.getCell(`A${this.row}`);
    t.value = text;
    t.font = { name: FONT, size: 16, bold: true };
    t.alignment = { horizontal: 'center', vertical: 'middle' };
    this.ws.getRow(this.row).height = 28;
    this.row++;
    this.ws.mergeCells(`A${this.row}:${LAST}${this.row}`);
    const y = this.ws.getCell(`A${this.row}`);
    y.value = `（${year}年度）`;
    y.font = { name: FONT, size: 11 };
    y.alignment = { horizontal: 'center' };
    this.row++;
  }
}

const money = (fen: number, unit: MoneyUnit) => ({ v: MONEY.sheetNumber(fen, unit), fmt: MONEY.numFmt });
const rate = (part: number, whole: number) => {
  const r = percent(part, whole);
  return r === null ? '—' : `${r}%`;
};
const num = (text: string | null) => (text === null ? '—' : { v: Number(text), fmt: '0.00' });

function indicatorLines(s: Sheet, list: readonly PerfIndicator[], scored: ScoredSheet | undefined, dept: boolean): void {
  s.line(dept ? ['一级指标', '二级指标', '三级指标', '指标性质', '年度指标值', '分值', '实际完成值', '偏差原因分析及改进措施'] : ['一级指标', '二级指标', '三级指标', '年度指标值', '实际完成值', '分值', '得分', '偏差原因分析及改进措施'], { bold: true, height: 30 });
  for (const ind of list) {
    const score = scored?.indicators.find((x) => x.id === ind.id)?.score ?? null;
    const target = `${ind.target}${ind.unit && ind.target && !ind.target.endsWith(ind.unit) ? ind.unit : ''}`;
    const actual = `${ind.actual}${ind.unit && ind.actual && !ind.actual.endsWith(ind.unit) ? ind.unit : ''}`;
    const reason = ind.applicable ? ind.reason : `不适用${ind.reason ? `：${ind.reason}` : ''}`;
    if (dept) s.line([ind.level1, ind.level2, ind.level3, ind.nature, target, { v: Number(ind.points), fmt: '0.##' }, actual, reason]);
    else s.line([ind.level1, ind.level2, ind.level3, target, actual || (ind.nature === '定性' ? ind.band : ''), { v: Number(ind.points), fmt: '0.##' }, num(score), reason]);
  }
}

function projectSheet(wb: ExcelJS.Workbook, n: number, p: PerfProject, input: PerfWorkbookInput): void {
  const s = new Sheet(wb.addWorksheet(`项目支出绩效自评表${n}`));
  const scored = input.scores.projects.get(p.id);
  s.title('项目支出绩效自评表', input.year);
  s.line(['项目名称', { v: p.name, span: 7 }]);
  s.line(['主管部门', { v: p.dept, span: 3 }, '实施单位', { v: p.implUnit, span: 3 }]);
  s.line([`项目资金（${input.unit}）`, '', '年初预算数', '全年预算数（A）', '全年执行数（B）', '分值', '执行率（B/A）', '得分'], { bold: true, height: 30 });
  s.line([{ v: '年度资金总额', span: 2 }, money(sumSources(p.initial), input.unit), money(sumSources(p.annual), input.unit), money(sumSources(p.executed), input.unit), { v: Number(p.fundPoints), fmt: '0.##' }, scored?.fund.rate ? `${scored.fund.rate}%` : '—', num(scored?.fund.score ?? null)]);
  FUND_SOURCES.forEach((source, i) => {
    s.line([{ v: i === 0 ? `其中：${source}` : source, span: 2 }, money(p.initial[i] ?? 0, input.unit), money(p.annual[i] ?? 0, input.unit), money(p.executed[i] ?? 0, input.unit), '—', rate(p.executed[i] ?? 0, p.annual[i] ?? 0), '—']);
  });
  s.line([{ v: '年度总体目标', span: 2 }, { v: '预期目标', span: 3 }, { v: '实际完成情况', span: 3 }], { bold: true });
  s.line([{ v: '', span: 2 }, { v: p.goalExpected, span: 3 }, { v: p.goalActual, span: 3 }], { height: 48 });
  indicatorLines(s, indicatorsOf(input.data, p.id), scored, false);
  s.line([{ v: '总分', span: 5 }, { v: 100, fmt: '0' }, num(scored?.total ?? null), `自评等级：${scored?.grade ?? '—'}`], { bold: true });
}

function deptSheet(wb: ExcelJS.Workbook, input: PerfWorkbookInput): void {
  const s = new Sheet(wb.addWorksheet('部门整体支出绩效自评表'));
  const scored = input.scores.dept;
  const d = input.data.dept;
  s.title('部门整体支出绩效自评表', input.year);
  s.line(['部门名称', { v: input.unitName, span: 7 }]);
  s.line([{ v: '部门总体目标', span: 1 }, '部门职责', { v: d.duty, span: 6 }], { height: 40 });
  s.line(['', '总体绩效目标', { v: d.overallGoal, span: 6 }], { height: 40 });
  s.line([{ v: '一、部门年度目标', span: 8, bold: true }]);
  s.line(['财年', { v: '目标', span: 4 }, { v: '实际完成情况', span: 3 }], { bold: true });
  s.line([String(input.year), { v: d.yearGoal, span: 4 }, { v: d.yearActual, span: 3 }], { height: 40 });
  s.line([{ v: '二、部门年度重点工作任务', span: 8, bold: true }]);
  s.line(['任务名称', '项目', '主要内容', `批复金额（${input.unit}）`, `实际支出金额（${input.unit}）`, { v: '预算执行率', span: 2 }, '未完成原因和改进措施'], { bold: true, height: 30 });
  for (const t of input.data.tasks) {
    s.line([t.name, t.project, t.content, money(t.approved, input.unit), money(t.spent, input.unit), { v: rate(t.spent, t.approved), span: 2 }, t.reason]);
  }
  s.line([{ v: '合计', span: 3 }, money(scored.fund.budget, input.unit), money(scored.fund.actual, input.unit), { v: scored.fund.rate ? `${scored.fund.rate}%` : '—', span: 2 }, `得分 ${scored.fund.score}（分值 ${d.fundPoints}）`], { bold: true });
  s.line([{ v: '三、部门整体支出绩效指标', span: 8, bold: true }]);
  indicatorLines(s, indicatorsOf(input.data, DEPT_OWNER), scored, true);
  s.line([{ v: '四、部门自评得分', span: 3, bold: true }, scored.total === null ? { v: '—', span: 5 } : { v: Number(scored.total), fmt: '0.00', span: 5 }]);
  s.line([{ v: '五、自评等级', span: 3, bold: true }, { v: scored.grade ?? '—', span: 5 }]);
}

export async function perfWorkbook(input: PerfWorkbookInput): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  wb.creator = '决算工作站';
  deptSheet(wb, input);
  input.data.projects.forEach((p, i) => projectSheet(wb, i + 1, p, input));
  return Buffer.from(await wb.xlsx.writeBuffer());
}
