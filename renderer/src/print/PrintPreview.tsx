/**
 * 打印预览: the cover, one table or the whole set, page by page, drawn from the very PDF that prints
 * or saves. Settings changed here are remembered for the report and the preview is made again.
 */
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import type { Api } from '../../../shared/api/contract';
import type { PrintPreview as Preview } from '../../../shared/api/printSchemas';
import type { PrintSettings } from '../../../shared/print/settings';
import { errorText, type ReportSession } from '../app/reportSession';
import { base64ToBytes } from '../excel/fileBytes';
import { saveFile } from '../excel/saveFile';
import { drawPage, openPdf, type PdfDocument } from './pdfView';
import { PrintSettingsPanel } from './PrintSettingsPanel';
import { PERF_PARTS } from '../../../shared/print/perfParts';
import './print.css';

interface Props {
  api: Api;
  session: ReportSession;
  notify(kind: 'error' | 'info', text: string): void;
  onClose(): void;
  /** A print or saved PDF was recorded (the 已打印 mark follows). */
  onPrinted?(): void;
}

/** What the preview shows: the whole set, the cover, or one table. */
type Scope = 'set' | string;

const PDF_TYPE = 'application/pdf';

export function PrintPreview({ api, session, notify, onClose, onPrinted }: Props) {
  const [settings, setSettings] = useState<PrintSettings | null>(null);
  const [canPrint, setCanPrint] = useState(false);
  const [scope, setScope] = useState<Scope>('set');
  const [preview, setPreview] = useState<Preview | null>(null);
  const [doc, setDoc] = useState<PdfDocument | null>(null);
  const [page, setPage] = useState(1);
  const [busy, setBusy] = useState<'preview' | 'save' | 'print' | null>('preview');
  const [error, setError] = useState<string | null>(null);
  const canvas = useRef<HTMLCanvasElement>(null);
  const viewer = useRef<HTMLDivElement>(null);
  const request = useRef(0);
  const tables = session.pack.tables;
  // The 绩效自评 parts are offered where the report has a 绩效自评 (a unit's report in a format with one).
  const [perfReports, setPerfReports] = useState<{ id: string; title: string }[] | null>(null);
  useEffect(() => {
    if (session.consolidated) return;
    let live = true;
    api
      .perfState(session.ref)
      .then((s) => live && setPerfReports(s.pack ? s.pack.reports.map((r) => ({ id: r.id, title: r.title })) : null))
      .catch(() => undefined);
    return () => {
      live = false;
    };
  }, [api, session]);

  useEffect(() => {
    api
      .getPrintSettings(session.ref)
      .then((view) => {
        setSettings(view.settings);
        setCanPrint(view.canPrint);
      })
      .catch((err: unknown) => setError(`无法读取打印设置：${errorText(err)}`));
  }, [api, session]);

  // A new preview whenever the settings or the scope change (settings are remembered as they change).
  useEffect(() => {
    if (!settings) return;
    const id = ++request.current;
    setBusy('preview');
    setError(null);
    const timer = setTimeout(() => {
      api
        .printPreview({ ...session.ref, settings, ...(scope === 'set' ? {} : { parts: [scope] }) })
        .then(async (result) => {
          const opened = await openPdf(base64ToBytes(result.base64));
          if (id !== request.current) return;
          setPreview(result);
          setDoc(opened);
          setPage((p) => Math.min(Math.max(1, p), result.pages));
          setBusy(null);
        })
        .catch((err: unknown) => {
          if (id !== request.current) return;
          setError(errorText(err));
          setBusy(null);
        });
    }, 250);
    return () => clearTimeout(timer);
  }, [api, session, settings, scope]);

  useEffect(() => {
    const c = canvas.current;
    const box = viewer.current;
    if (!doc || !c || !box) return;
    let cancelled = false;
    void (async () => {
      const first = await doc.getPage(page);
      const base = first.getViewport({ scale: 1 });
      // As large as the viewer allows, the whole page in view.
      const width = Math.max(200, Math.min(box.clientWidth - 32, ((box.clientHeight - 32) * base.width) / base.height));
      await drawPage(doc, page, c, width);
      if (!cancelled) c.dataset.page = String(page);
    })().catch((err: unknown) => !cancelled && setError(`无法显示第 ${page} 页：${errorText(err)}`));
    return () => {
      cancelled = true;
    };
  }, [doc, page]);

  const changeSettings = useCallback(
    (next: PrintSettings) => {
      setSettings(next);
      api.setPrintSettings({ ...session.ref, settings: next }).catch((err: unknown) => notify('error', `打印设置未保存：${errorText(err)}`));
    },
    [api, session, notify],
  );

  useEffect(() => {
    const key = (e: KeyboardEvent) => {
      if (e.key === 'Escape') onClose();
      else if (e.key === 'PageDown' || e.key === 'ArrowRight') setPage((p) => Math.min(p + 1, preview?.pages ?? p));
      else if (e.key === 'PageUp' || e.key === 'ArrowLeft') setPage((p) => Math.max(1, p - 1));
    };
    window.addEventListener('keydown', key);
    return () => window.removeEventListener('keydown', key);
  }, [onClose, preview]);

  const save = async () => {
    if (!preview) return;
    setBusy('save');
    try {
      const file = await api.printSave({ ...session.ref, previewId: preview.previewId });
      saveFile(file, PDF_TYPE);
      onPrinted?.();
      notify('info', `已保存“${file.fileName}”（数据指纹 ${preview.fingerprint}）`);
    } catch (err) {
      notify('error', `保存 PDF 失败：${errorText(err)}`);
    } finally {
      setBusy(null);
    }
  };

  const print = async () => {
    if (!preview) return;
    setBusy('print');
    try {
      const { printed } = await api.printToPrinter({ ...session.ref, previewId: preview.previewId });
      if (printed) {
        notify('info', `已送打印机（数据指纹 ${preview.fingerprint}）`);
        onPrinted?.();
      }
    } catch (err) {
      notify('error', `打印失败：${errorText(err)}`);
    } finally {
      setBusy(null);
    }
  };

  const partOfPage = useMemo(() => preview?.parts.find((p) => page >= p.firstPage && page < p.firstPage + p.pages) ?? null, [preview, page]);

  return (
    <div className="print-preview" role="dialog" aria-modal="true" aria-label="打印预览">
      <div className="print-toolbar">
        <strong>打印预览</strong>
        <label className="picker">
          <span>内容</span>
          <select aria-label="预览内容" value={scope} onChange={(e) => setScope(e.target.value)}>
            <option value="set">整套（按右侧所选）</option>
            <option value="cover">封面</option>
            {tables.map((t) => (
              <option key={t.id} value={t.id}>
                {t.code} {t.title}
              </option>
            ))}
            {perfReports &&
              PERF_PARTS.map((p) => (
                <option key={p.id} value={p.id}>
                  {p.title}
                </option>
              ))}
          </select>
        </label>
        <span className="print-toolbar-gap" />
        {canPrint && (
          <button type="button" className="primary" disabled={!preview || busy !== null} onClick={() => void print()}>
            {busy === 'print' ? '正在打印…' : '打印…'}
          </button>
        )}
        <button type="button" className={canPrint ? undefined : 'primary'} disabled={!preview || busy !== null} onClick={() => void save()}>
          {busy === 'save' ? '正在保存…' : '保存 PDF'}
        </button>
        <button type="button" onClick={onClose}>
          关闭
        </button>
      </div>
      {preview?.unaudited && (
        <div className="print-warning" role="alert">
          强制审核规则未通过（{preview.hardFailures} 处）：每页注明“未通过审核，仅供核对”，只能作为核对稿，不得报送。请先在审核面板中改正。
        </div>
      )}
      {preview?.warnings.map((w, i) => (
        <div key={i} className="print-warning print-note" role="status">
          {w}
        </div>
      ))}
      <div className="print-body">
        <div className="print-pages">
          <div className="print-status" role="status">
            {busy === 'preview' && <span>正在生成预览…</span>}
            {error && <span className="print-error">{error}</span>}
            {preview && busy !== 'preview' && !error && (
              <span>
                共 <b>{preview.pages}</b> 页 · 数据指纹 <b className="print-fingerprint">{preview.fingerprint}</b> · 打印时间 {preview.printedAt}
              </span>
            )}
          </div>
          <div className="print-viewer" ref={viewer}>
            <canvas ref={canvas} className="print-page" aria-label={preview ? `第 ${page} 页，共 ${preview.pages} 页` : '预览页'} />
          </div>
          <div className="print-pager">
            <button type="button" onClick={() => setPage(1)} disabled={page <= 1}>
              首页
            </button>
            <button type="button" onClick={() => setPage((p) => Math.max(1, p - 1))} disabled={page <= 1}>
              上一页
            </button>
            <span className="print-page-no">
              第 {page} 页 / 共 {preview?.pages ?? 0} 页{partOfPage ? `（${partOfPage.title}）` : ''}
            </span>
            <button type="button" onClick={() => setPage((p) => Math.min(p + 1, preview?.pages ?? p))} disabled={!preview || page >= preview.pages}>
              下一页
            </button>
            <button type="button" onClick={() => setPage(preview?.pages ?? 1)} disabled={!preview || page >= preview.pages}>
              末页
            </button>
          </div>
        </div>
        <aside className="print-side">
          {preview && (
            <ol className="print-parts" aria-label="各部分页码">
              {preview.parts.map((p) => (
                <li key={p.id}>
                  <button type="button" className={partOfPage?.id === p.id ? 'on' : undefined} title={`${p.title}：第 ${p.firstPage} 页起，共 ${p.pages} 页`} onClick={() => setPage(p.firstPage)}>
                    <span>{p.title}</span>
                    <span className="print-part-pages">
                      {p.pages} 页{p.zoom !== undefined && p.zoom < 0.995 ? ` · ${Math.round(p.zoom * 100)}%` : ''}
                    </span>
                  </button>
                </li>
              ))}
            </ol>
          )}
          {settings && <PrintSettingsPanel tables={tables} settings={settings} hasNarrative={!!session.pack.narrative} perfReports={perfReports} onChange={changeSettings} />}
        </aside>
      </div>
    </div>
  );
}
