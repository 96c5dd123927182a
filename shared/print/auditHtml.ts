/** The 审核报告 as printed pages: the same report the audit panel saves. */
import { summaryLine, type AuditReport } from '../audit/auditReport';
import { escapeHtml } from './html';
import type { NamedPage } from './pageCss';
import { section, type PartHtml } from './part';
import type { Paper } from './settings';

const AUDIT_CSS = `
.audit h1 { font-size: 16pt; text-align: center; margin: 0 0 4mm; }
.audit h2 { font-size: 12pt; margin: 4mm 0 2mm; break-after: avoid; }
.audit table { border-collapse: collapse; width: 100%; font-size: 9.5pt; }
.audit th, .audit td { border: 0.6pt solid #000; padding: 1mm 1.5mm; vertical-align: top; }
.audit th.c1, .audit th.c2 { white-space: nowrap; }
.audit tr { break-inside: avoid; }
.audit tr.hard td:first-child { color: #b00000; font-weight: bold; }
`;

export function auditPart(report: AuditReport, paper: Paper, runningTitle: string): PartHtml {
  const page: NamedPage = { name: 'audit', paper, landscape: false, runningTitle };
  const sections = report.sections
    .map(
      (s) => `<h2>${escapeHtml(s.title)}</h2>
<table><thead><tr><th class="c1">级别</th><th class="c2">规则</th><th>审核结果</th><th>单元格</th><th>出错说明</th></tr></thead><tbody>
${s.items
  .map(
    (i) =>
      `<tr class="${i.level === '强制' ? 'hard' : 'soft'}"><td>${i.level}${i.tail ? '·尾差' : ''}</td><td>${escapeHtml(i.ruleId)}</td><td>${escapeHtml(i.message)}</td><td>${i.cells
        .map(escapeHtml)
        .join('<br>')}</td><td>${i.explanation ? escapeHtml(i.explanation) : i.level === '提示' ? '（未填写）' : ''}</td></tr>`,
  )
  .join('\n')}
</tbody></table>`,
    )
    .join('\n');
  const skipped = report.notEvaluated.length > 0 ? `<p>未审核（缺少上年报表）：${escapeHtml(report.notEvaluated.join('、'))}</p>` : '';
  const inner = `<div class="audit">\n<h1>${escapeHtml(report.title)}</h1>\n<p>${escapeHtml(summaryLine(report))}</p>\n${sections}\n${skipped}\n</div>`;
  return { id: 'audit', title: '审核报告', page, css: { kind: 'audit', rules: AUDIT_CSS }, body: section('audit', page, inner) };
}
