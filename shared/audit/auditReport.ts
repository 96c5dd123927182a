/**
 * The audit report a clerk saves or prints, and the CLI lists: every failing rule with level,
 * message, cells in words and explanation — plain data first, then text and HTML renderings.
 */
import { splitCellKey, type CellKey } from '../base/cellKey';
import { cellPlace } from '../engine/labels';
import type { ReportEngine } from '../engine/reportEngine';
import type { AuditLevel } from './ruleModel';
import type { AuditResult } from './types';

export interface AuditReportItem {
  id: string;
  ruleId: string;
  level: AuditLevel;
  tail: boolean;
  message: string;
  /** Cells of both sides, in words: 收入支出决算总表 收入“总计”. */
  cells: string[];
  explanation: string | null;
}

export interface AuditReportSection {
  table: string;
  title: string;
  items: AuditReportItem[];
}

export interface AuditReport {
  title: string;
  unitName: string;
  year: number;
  counts: { 强制: number; 提示: number; 尾差: number; explained: number };
  sections: AuditReportSection[];
  /** Rules not evaluated (no last year's report), by id. */
  notEvaluated: string[];
  /** Exit status of `juesuan audit`: 1 when a 强制 rule fails. */
  blocking: boolean;
}

/** 收入支出决算总表 收入“总计” on two-sided tables; 支出决算表 第“2010301 行政运行”行“基本支出” otherwise. */
export function cellWords(engine: ReportEngine, key: CellKey): string {
  const { table, row, col } = splitCellKey(key);
  const def = engine.pack.tables.find((t) => t.id === table);
  const layoutRow = engine.row(table, row);
  if (!def || !layoutRow) return key;
  const side = engine.layout(table).sides.find((s) => s.rows.some((r) => r.id === row));
  return cellPlace(def, side?.def, layoutRow, col);
}

export function buildAuditReport(
  engine: ReportEngine,
  results: readonly AuditResult[],
  meta: { unitName: string; year: number; notEvaluated?: string[] },
): AuditReport {
  const counts = { 强制: 0, 提示: 0, 尾差: 0, explained: 0 };
  const byTable = new Map<string, AuditReportItem[]>();
  for (const r of results) {
    counts[r.level]++;
    if (r.tail) counts.尾差++;
    if (r.explanation) counts.explained++;
    const list = byTable.get(r.table) ?? [];
    list.push({
      id: r.id,
      ruleId: r.ruleId,
      level: r.level,
      tail: r.tail,
      message: r.message,
      cells: [...r.left.cells, ...r.right.cells].map((k) => cellWords(engine, k)),
      explanation: r.explanation,
    });
    byTable.set(r.table, list);
  }
  const sections = engine.pack.tables
    .filter((t) => byTable.has(t.id))
    .map((t) => ({ table: t.id, title: `${t.code} ${t.title}`, items: byTable.get(t.id) ?? [] }));
  return {
    title: `${meta.unitName} ${meta.year} 年度部门决算审核报告`,
    unitName: meta.unitName,
    year: meta.year,
    counts,
    sections,
    notEvaluated: meta.notEvaluated ?? [],
    blocking: counts.强制 > 0,
  };
}

/** One line under the title: counts and whether the report may be exported. */
export function summaryLine(report: AuditReport): string {
  const { counts } = report;
  if (counts.强制 + counts.提示 === 0) return '审核通过：没有未通过的审核规则。';
  return `强制 ${counts.强制} 条，提示 ${counts.提示} 条（其中万元尾差 ${counts.尾差} 条，已说明 ${counts.explained} 条）。${
    report.blocking ? '强制规则未通过，不能导出报送。' : '强制规则全部通过。'
  }`;
}

export function auditReportText(report: AuditReport): string {
  const lines = [report.title, summaryLine(report)];
  for (const section of report.sections) {
    lines.push('', section.title);
    for (const item of section.items) {
      lines.push(`  [${item.level}${item.tail ? '·尾差' : ''}] ${item.ruleId}  ${item.message}`);
      if (item.cells.length > 0) lines.push(`      单元格：${item.cells.join('；')}`);
      if (item.explanation) lines.push(`      出错说明：${item.explanation}`);
      else if (item.level === '提示') lines.push('      出错说明：（未填写）');
    }
  }
  if (report.notEvaluated.length > 0) lines.push('', `未审核（缺少上年报表）：${report.notEvaluated.join('、')}`);
  return lines.join('\n');
}

const escapeHtml = (text: string): string =>
  text.replace(/[&<>"']/g, (ch) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[ch] ?? ch);

/** A self-contained page (print stylesheet included) the clerk saves or prints. */
export function auditReportHtml(report: AuditReport): string {
  const rows = report.sections
    .map(
      (s) =>
        `<h2>${escapeHtml(s.title)}</h2>\n<table><thead><tr><th>级别</th><th>规则</th><th>审核结果</th><th>单元格</th><th>出错说明</th></tr></thead><tbody>\n${s.items
          .map(
            (i) =>
              `<tr class="${i.level === '强制' ? 'hard' : 'soft'}"><td>${i.level}${i.tail ? '·尾差' : ''}</td><td>${escapeHtml(i.ruleId)}</td><td>${escapeHtml(i.message)}</td><td>${i.cells
                .map(escapeHtml)
                .join('<br>')}</td><td>${i.explanation ? escapeHtml(i.explanation) : i.level === '提示' ? '（未填写）' : ''}</td></tr>`,
          )
          .join('\n')}\n</tbody></table>`,
    )
    .join('\n');
  const skipped = report.notEvaluated.length > 0 ? `<p>未审核（缺少上年报表）：${escapeHtml(report.notEvaluated.join('、'))}</p>` : '';
  return `<!doctype html>
<html lang="zh-CN"><head><meta charset="utf-8"><title>${escapeHtml(report.title)}</title>
<style>
body{font-family:"SimSun","Songti SC",serif;margin:24px;color:#000}
h1{font-size:20px;text-align:center}h2{font-size:16px;margin-top:18px}
table{border-collapse:collapse;width:100%;font-size:13px}th,td{border:1px solid #444;padding:4px 6px;vertical-align:top}
td:nth-child(-n+2),th:nth-child(-n+2){white-space:nowrap}
tr.hard td:first-child{color:#b00000;font-weight:bold}tr.soft td:first-child{color:#b35900}
@media print{body{margin:0}tr{page-break-inside:avoid}}
</style></head><body>
<h1>${escapeHtml(report.title)}</h1>
<p>${escapeHtml(summaryLine(report))}</p>
${rows}
${skipped}
</body></html>
`;
}
