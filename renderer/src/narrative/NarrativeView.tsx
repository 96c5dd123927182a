/**
 * The 情况说明 screen: the clerk's forms on the left, the document generated from the live tables on
 * the right (following every committed edit), the options, the check results and the exports.
 */
import { useCallback, useMemo, useState, useSyncExternalStore } from 'react';
import {
  OPTION_GROUPING_KEY,
  OPTION_PERCENT_KEY,
  OPTION_UNIT_KEY,
  OPTION_ZERO_AMOUNT_KEY,
  OPTION_ZERO_KEY,
} from '../../../shared/narrative/options';
import { unfilledPlaceholders, type UnfilledPlaceholder } from '../../../shared/narrative/unfilled';
import { editTextKey } from '../../../shared/narrative/edits';
import { errorText } from '../app/reportSession';
import { downloadFile } from './download';
import type { LiveNarrative } from './liveNarrative';
import { NarrativeChecks } from './NarrativeChecks';
import { NarrativeDocument } from './NarrativeDocument';
import { NarrativeForms, PREV_FORM } from './NarrativeForms';
import { sourceText } from './PrevYearForm';
import { UnfilledDialog } from './UnfilledDialog';
import './narrative.css';

interface Props {
  live: LiveNarrative;
  notify(kind: 'error' | 'info', text: string): void;
}

export function NarrativeView({ live, notify }: Props) {
  const view = useSyncExternalStore(live.subscribe, live.snapshot);
  const [formId, setFormId] = useState(live.template.forms[0]?.id ?? PREV_FORM);
  const [exporting, setExporting] = useState(false);
  /** An export waiting for the clerk to confirm it despite unfilled «…». */
  const [pending, setPending] = useState<{ format: 'txt' | 'docx'; items: UnfilledPlaceholder[] } | null>(null);

  const save = useCallback(
    async (patch: Record<string, string | null>): Promise<string | null> => {
      try {
        await live.saveTexts(patch);
        return null;
      } catch (err) {
        return `未保存：${errorText(err)}`;
      }
    },
    [live],
  );

  const wanted = useMemo(() => {
    const keys = new Set<string>();
    for (const b of view.doc.blocks) for (const r of b.runs) if (r.empty && r.key) keys.add(r.key);
    return keys;
  }, [view.doc]);

  const formOf = useMemo(() => {
    const map = new Map<string, string>();
    for (const f of live.template.forms) for (const field of f.fields) map.set(field.key, f.id);
    return map;
  }, [live]);

  const goToField = useCallback(
    (key: string) => {
      const form = formOf.get(key);
      if (!form) return;
      setFormId(form);
      // The form renders its fields on the next frame; focus the box once it is there.
      requestAnimationFrame(() => {
        const el = document.querySelector<HTMLElement>(`[data-field-key="${CSS.escape(key)}"]`);
        el?.scrollIntoView({ block: 'center' });
        el?.focus();
      });
    },
    [formOf],
  );

  const goToParagraph = useCallback((id: string) => {
    document.querySelector(`[data-paragraph="${CSS.escape(id)}"]`)?.scrollIntoView({ block: 'center', behavior: 'smooth' });
  }, []);

  const rewrite = useCallback((paragraphId: string, text: string | null) => save({ [editTextKey(paragraphId)]: text }), [save]);

  const setOption = async (key: string, value: string) => {
    const failed = await save({ [key]: value });
    if (failed) notify('error', failed);
  };

  const exportAs = (format: 'txt' | 'docx') => {
    const items = unfilledPlaceholders(view.doc, view.edits);
    if (items.length > 0) setPending({ format, items });
    else void exportNow(format, false);
  };

  const goToUnfilled = (item: UnfilledPlaceholder) => {
    setPending(null);
    if (item.key && formOf.has(item.key)) goToField(item.key);
    else goToParagraph(item.paragraphId);
  };

  const exportNow = async (format: 'txt' | 'docx', allowUnfilled: boolean) => {
    setPending(null);
    setExporting(true);
    try {
      const file = await live.exportFile(format, allowUnfilled);
      downloadFile(file);
      notify('info', `已导出：${file.fileName}`);
    } catch (err) {
      notify('error', `导出失败：${errorText(err)}`);
    } finally {
      setExporting(false);
    }
  };

  const { options } = view;
  const style = options.style;
  const choice = (label: string, key: string, items: { value: string; text: string; on: boolean }[]) => (
    <div className="nv-option" role="group" aria-label={label}>
      <span>{label}</span>
      {items.map((item) => (
        <button key={item.value} type="button" aria-pressed={item.on} className={item.on ? 'on' : undefined} onClick={() => void setOption(key, item.value)}>
          {item.text}
        </button>
      ))}
    </div>
  );
  return (
    <div className="narrative-view" aria-label="情况说明">
      <div className="nv-toolbar">
        <div className="nv-option" role="group" aria-label="情况说明金额单位">
          <span>金额单位</span>
          {(['元', '万元'] as const).map((u) => (
            <button key={u} type="button" aria-pressed={options.unit === u} className={options.unit === u ? 'on' : undefined} onClick={() => void setOption(OPTION_UNIT_KEY, u)}>
              {u}
            </button>
          ))}
        </div>
        <div className="nv-option" role="group" aria-label="零值项目">
          <span>零值项目</span>
          <button type="button" aria-pressed={options.zeroItems === 'all'} className={options.zeroItems === 'all' ? 'on' : undefined} onClick={() => void setOption(OPTION_ZERO_KEY, 'all')}>
            全部列出
          </button>
          <button
            type="button"
            aria-pressed={options.zeroItems === 'nonZero'}
            className={options.zeroItems === 'nonZero' ? 'on' : undefined}
            onClick={() => void setOption(OPTION_ZERO_KEY, 'nonZero')}
          >
            只列非零项
          </button>
        </div>
        <span className={`nv-source nv-source-${view.lastYear.kind}`} title={view.loaded ? `上年数来源：${sourceText(view, live.ref.year)}` : undefined}>
          {view.loaded ? sourceText(view, live.ref.year) : '正在读取说明文字和上年报表…'}
        </span>
        <div className="nv-export">
          <button type="button" disabled={exporting} onClick={() => exportAs('txt')}>
            导出文本（.txt）
          </button>
          <button type="button" className="primary" disabled={exporting} onClick={() => exportAs('docx')}>
            导出 Word（.docx）
          </button>
        </div>
      </div>
      <div className="nv-options-more" aria-label="数字写法">
        {choice('百分比', OPTION_PERCENT_KEY, [
          { value: '100.00%', text: '100.00%', on: style?.percent !== 'trim' },
          { value: '100%', text: '100%', on: style?.percent === 'trim' },
        ])}
        {choice('零金额', OPTION_ZERO_AMOUNT_KEY, [
          { value: '0.00元', text: '0.00元', on: style?.zero !== 'bare' },
          { value: '0元', text: '0元', on: style?.zero === 'bare' },
        ])}
        {choice('千分位', OPTION_GROUPING_KEY, [
          { value: 'plain', text: '不加', on: style?.grouping !== true },
          { value: 'grouped', text: '1,234.56', on: style?.grouping === true },
        ])}
      </div>
      {pending && (
        <UnfilledDialog
          action={pending.format === 'docx' ? '导出 Word' : '导出文本'}
          items={pending.items}
          onCancel={() => setPending(null)}
          onConfirm={() => void exportNow(pending.format, true)}
          onGoTo={goToUnfilled}
        />
      )}
      <div className="nv-main">
        <NarrativeForms live={live} view={view} formId={formId} onForm={setFormId} wanted={wanted} save={save} />
        <article className="nv-doc" aria-label="情况说明全文">
          <NarrativeChecks checks={view.checks} onParagraph={goToParagraph} />
          <h2 className="nv-title">{view.doc.title}</h2>
          <p className="nv-legend">
            <span className="nv-run nv-number">报表生成的数字</span>
            <span className="nv-run nv-word">增减用词</span>
            <span className="nv-run nv-field">填写的文字</span>
            <span className="nv-run nv-field nv-empty">«待填写»</span>
          </p>
          <NarrativeDocument blocks={view.doc.blocks} edits={view.edits} checks={view.checks} onField={goToField} onRewrite={rewrite} />
        </article>
      </div>
    </div>
  );
}
