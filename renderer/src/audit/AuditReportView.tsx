/**
 * The audit report the clerk prints (window.print with a print stylesheet that shows only this
 * page) or saves as a self-contained HTML file (the same auditReportHtml the back end writes).
 */
import { useEffect, useMemo } from 'react';
import { auditReportHtml, summaryLine, type AuditReport } from '../../../shared/audit/auditReport';
import './audit.css';

interface Props {
  report: AuditReport;
  onClose(): void;
}

export function reportFileName(report: AuditReport): string {
  return `${report.title.replace(/[\\/:*?"<>|\s]+/g, '_')}.html`;
}

export function AuditReportView({ report, onClose }: Props) {
  const html = useMemo(() => auditReportHtml(report), [report]);
  const url = useMemo(() => URL.createObjectURL(new Blob([html], { type: 'text/html;charset=utf-8' })), [html]);
  useEffect(() => () => URL.revokeObjectURL(url), [url]);
  useEffect(() => {
    const key = (e: KeyboardEvent) => e.key === 'Escape' && onClose();
    window.addEventListener('keydown', key);
    return () => window.removeEventListener('keydown', key);
  }, [onClose]);

  return (
    <div className="audit-print-view" role="dialog" aria-modal="true" aria-label="审核报告">
      <div className="audit-print-toolbar">
        <button type="button" className="primary" onClick={() => window.print()}>
          打印
        </button>
        <a className="button-like" href={url} download={reportFileName(report)}>
          保存为网页文件
        </a>
        <button type="button" onClick={onClose}>
          关闭
        </button>
        <span className="hint">打印时只打印本报告；保存的文件可用浏览器打开或再打印。</span>
      </div>
      <article className="audit-print-page">
        <h1>{report.title}</h1>
        <p>{summaryLine(report)}</p>
        {report.sections.map((s) => (
          <section key={s.table}>
            <h2>{s.title}</h2>
            <table>
              <thead>
                <tr>
                  <th>级别</th>
                  <th>规则</th>
                  <th>审核结果</th>
                  <th>单元格</th>
                  <th>出错说明</th>
                </tr>
              </thead>
              <tbody>
                {s.items.map((i) => (
                  <tr key={i.id} className={i.level === '强制' ? 'hard' : 'soft'}>
                    <td className="level">
                      {i.level}
                      {i.tail ? '·尾差' : ''}
                    </td>
                    <td>{i.ruleId}</td>
                    <td>{i.message}</td>
                    <td>
                      {i.cells.map((c, n) => (
                        <div key={n}>{c}</div>
                      ))}
                    </td>
                    <td>{i.explanation ?? (i.level === '提示' ? '（未填写）' : '')}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </section>
        ))}
        {report.notEvaluated.length > 0 && <p>未审核（缺少上年报表）：{report.notEvaluated.join('、')}</p>}
      </article>
    </div>
  );
}
