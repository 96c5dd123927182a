import { useEffect, useRef, useState } from 'react';
import type { Api } from '../../../shared/api/contract';
import type { ImportPlanView } from '../../../shared/api/xlsxPlan';
import { errorText, type ReportSession } from '../app/reportSession';
import { bytesToBase64 } from './fileBytes';
import { ImportPreview } from './ImportPreview';

interface Props {
  api: Api;
  session: ReportSession;
  /** The file the clerk picked. */
  file: File;
  notify(kind: 'error' | 'info', text: string): void;
  onClose(): void;
  /** The import was written: the report must be opened again to show it. */
  onImported(): void;
}

type State =
  | { kind: 'reading' }
  | { kind: 'preview'; planId: string; plan: ImportPlanView }
  | { kind: 'choosing'; planId: string; plan: ImportPlanView }
  | { kind: 'committing'; planId: string; plan: ImportPlanView };

/** Why nothing was imported; the file is named once, not again when the back end's message already names it. */
function refusal(fileName: string, err: unknown): string {
  const text = errorText(err);
  return text.includes(`“${fileName}”`) ? `未导入：${text}` : `未导入“${fileName}”：${text}`;
}

/**
 * 导入 Excel: reads the file on the back end into a plan, shows it, and writes only on 确认导入.
 * A file that cannot be read closes the dialog with the reason in the message area.
 */
export function ImportDialog({ api, session, file, notify, onClose, onImported }: Props) {
  const [state, setState] = useState<State>({ kind: 'reading' });
  // Which sheet to use for a table that several sheets claim; a new choice reads the file again.
  const [choices, setChoices] = useState<Record<string, string>>({});
  const cancelRef = useRef<HTMLButtonElement>(null);

  useEffect(() => {
    let cancelled = false;
    void (async () => {
      try {
        const base64 = bytesToBase64(new Uint8Array(await file.arrayBuffer()));
        const chosen = Object.keys(choices).length > 0 ? { choices } : {};
        const { planId, plan } = await api.planXlsxImport({ ...session.ref, fileName: file.name, base64, ...chosen });
        if (!cancelled) setState({ kind: 'preview', planId, plan });
      } catch (err) {
        if (cancelled) return;
        notify('error', refusal(file.name, err));
        onClose();
      }
    })();
    return () => {
      cancelled = true;
    };
    // One plan per picked file and choice; the parent's callbacks change on every render and must not re-plan.
  }, [api, session, file, choices]);

  const choose = (table: string, sheet: string) => {
    if (state.kind !== 'preview') return;
    setState({ ...state, kind: 'choosing' });
    setChoices((current) => ({ ...current, [table]: sheet }));
  };

  // Focus starts on 取消, as in every dialog that can overwrite data: Enter alone never imports.
  useEffect(() => {
    if (state.kind === 'preview') cancelRef.current?.focus();
  }, [state.kind]);

  const commit = async () => {
    if (state.kind !== 'preview') return;
    setState({ ...state, kind: 'committing' });
    try {
      const result = await api.commitXlsxImport({ ...session.ref, planId: state.planId });
      notify('info', `已导入“${file.name}”：改动 ${result.changed} 个数值，报表现有 ${result.inputs} 个已填单元格`);
      onImported();
      onClose();
    } catch (err) {
      notify('error', refusal(file.name, err));
      onClose();
    }
  };

  const busy = state.kind !== 'preview';
  const unresolved = state.kind !== 'reading' && state.plan.conflicts.length > 0;
  return (
    <div className="modal-backdrop" onKeyDown={(e) => e.key === 'Escape' && !busy && onClose()}>
      <div className="modal excel-dialog import-dialog" role="dialog" aria-modal="true" aria-label="导入 Excel">
        <h2>导入 Excel：{file.name}</h2>
        {state.kind === 'reading' ? (
          <p className="excel-lead">正在读取文件…</p>
        ) : (
          <>
            <p className="excel-lead">以下是导入后报表将发生的变化。确认前不会写入任何数据；点“取消”则报表保持不变。</p>
            <ImportPreview plan={state.plan} onChoose={choose} busy={busy} />
          </>
        )}
        <div className="modal-actions">
          <button type="button" ref={cancelRef} onClick={onClose} disabled={state.kind === 'committing'}>
            取消
          </button>
          <button type="button" className="primary" onClick={() => void commit()} disabled={busy || unresolved} title={unresolved ? '请先选择使用哪一张工作表' : undefined}>
            {state.kind === 'committing' ? '正在导入…' : state.kind !== 'reading' && !state.plan.complete && !unresolved ? '确认导入（不完整）' : '确认导入'}
          </button>
        </div>
      </div>
    </div>
  );
}
