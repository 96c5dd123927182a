/**
 * The 自评报告 beside the texts the clerk writes for it: pick the outline (湖南 / 云南), write the «…»
 * texts, read the report as it will print (figures from the tables and the register marked, as in the
 * 情况说明, and any paragraph may be rewritten by hand), export .txt or .docx.
 */
import { useCallback, useEffect, useState } from 'react';
import type { Api, ReportRef } from '../../../shared/api/contract';
import { checkFieldValue } from '../../../shared/narrative/fieldValues';
import type { PerfPackView, PerfReportView as ReportView } from '../../../shared/perf/contract';
import { announceOutsideEdit } from '../print/outsideEdits';
import { PERF_EDIT_PREFIX } from '../../../shared/perf/report';
import { errorText } from '../app/reportSession';
import { saveFile } from '../excel/saveFile';
import { NarrativeDocument } from '../narrative/NarrativeDocument';
import { PerfInput } from './PerfInput';

const TYPES = { txt: 'text/plain;charset=utf-8', docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document' } as const;

interface Props {
  api: Api;
  reportRef: ReportRef;
  pack: PerfPackView;
  texts: Record<string, string>;
  notify(kind: 'error' | 'info', text: string): void;
  onTexts(texts: Record<string, string>): void;
}

export function PerfReportView({ api, reportRef, pack, texts, notify, onTexts }: Props) {
  const [outline, setOutline] = useState(pack.reports[0]?.id ?? '');
  const [view, setView] = useState<ReportView | null>(null);
  const [nonce, setNonce] = useState(0);
  const [draftOk, setDraftOk] = useState(false);
  const def = pack.reports.find((r) => r.id === outline);

  useEffect(() => {
    let live = true;
    api.perfReport({ ...reportRef, outline }).then(
      (v) => live && setView(v),
      (err: unknown) => live && notify('error', errorText(err)),
    );
    return () => {
      live = false;
    };
  }, [api, reportRef.unit, reportRef.year, outline, nonce, notify]);

  const saveTexts = useCallback(
    async (patch: Record<string, string | null>): Promise<string | null> => {
      try {
        const result = await api.setTexts({ ...reportRef, texts: patch });
        onTexts(result.texts);
        setNonce((n) => n + 1);
        announceOutsideEdit();
        return null;
      } catch (err) {
        return errorText(err);
      }
    },
    [api, reportRef.unit, reportRef.year, onTexts],
  );

  const exportAs = async (format: 'txt' | 'docx') => {
    try {
      const file = await api.exportPerfReport({ ...reportRef, outline, format, allowUnfilled: draftOk });
      saveFile(file, TYPES[format]);
      notify('info', `已导出 ${file.fileName}`);
    } catch (err) {
      notify('error', errorText(err));
    }
  };

  return (
    <div className="perf-report">
      <div className="nv-toolbar">
        <span className="nv-option">
          <span>格式</span>
          {pack.reports.map((r) => (
            <button key={r.id} type="button" className={r.id === outline ? 'on' : undefined} onClick={() => setOutline(r.id)}>
              {r.title}
            </button>
          ))}
        </span>
        <span className="nv-export">
          <label className="perf-draft">
            <input type="checkbox" checked={draftOk} onChange={(e) => setDraftOk(e.target.checked)} /> 仍然导出草稿
          </label>
          <button type="button" onClick={() => void exportAs('txt')}>
            导出文本
          </button>
          <button type="button" onClick={() => void exportAs('docx')}>
            导出 Word
          </button>
        </span>
      </div>
      <div className="nv-main">
        <div className="perf-report-forms">
          {def?.forms.map((form) => (
            <div key={form.id}>
              <h4>{form.title}</h4>
              {form.note && <p className="perf-muted">{form.note}</p>}
              {form.fields.map((f) => (
                <label key={f.key} className="perf-form-field" id={`perf-field-${f.key}`}>
                  <span>{f.label}</span>
                  <PerfInput
                    value={texts[f.key] ?? ''}
                    label={f.label}
                    multiline={f.kind === 'longtext'}
                    align={f.kind === 'money' ? 'right' : 'left'}
                    placeholder={f.hint}
                    onDraft={() => undefined}
                    onCommit={async (t) => {
                      const problem = t.trim() === '' ? null : checkFieldValue(f, t);
                      return problem ?? saveTexts({ [f.key]: t.trim() === '' ? null : t });
                    }}
                  />
                </label>
              ))}
            </div>
          ))}
        </div>
        <article className="nv-doc" aria-label="自评报告全文">
          {view && (
            <>
              {view.unfilled.length > 0 && (
                <p className="perf-unfilled" role="note">
                  还有 {view.unfilled.length} 处未填写：{view.unfilled.join('；')}
                </p>
              )}
              <h2 className="nv-title">{view.doc.title}</h2>
              <NarrativeDocument
                blocks={view.doc.blocks}
                edits={view.edits}
                checks={view.checks}
                onField={(key) => document.getElementById(`perf-field-${key}`)?.querySelector<HTMLElement>('input, textarea')?.focus()}
                onRewrite={(id, text) => saveTexts({ [`${PERF_EDIT_PREFIX}${id}`]: text })}
              />
            </>
          )}
        </article>
      </div>
    </div>
  );
}
