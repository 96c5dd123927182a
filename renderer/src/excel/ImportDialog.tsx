import { useState } from 'react';
import type { Api } from '../../../shared/api/contract';
import type { ImportPlanView } from '../../../shared/api/xlsxPlan';
import type { ReportSession } from '../app/reportSession';
import { ImportPreview } from './ImportPreview';
import { PlanDialog, refusal, useFilePlan } from './PlanDialog';

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

/**
 * 导入 Excel: reads the file on the back end into a plan, shows it, and writes only on 确认导入.
 * A file that cannot be read closes the dialog with the reason in the message area.
 */
export function ImportDialog({ api, session, file, notify, onClose, onImported }: Props) {
  const [state, setState] = useState<State>({ kind: 'reading' });
  // Which sheet to use for a table that several sheets claim; a new choice reads the file again.
  const [choices, setChoices] = useState<Record<string, string>>({});

  useFilePlan(
    file,
    (fileName, base64) => api.planXlsxImport({ ...session.ref, fileName, base64, ...(Object.keys(choices).length > 0 ? { choices } : {}) }),
    (result) => {
      if (result.ok) setState({ kind: 'preview', ...result.value });
      else {
        notify('error', refusal(file.name, result.error));
        onClose();
      }
    },
    [api, session, choices],
  );

  const choose = (table: string, sheet: string) => {
    if (state.kind !== 'preview') return;
    setState({ ...state, kind: 'choosing' });
    setChoices((current) => ({ ...current, [table]: sheet }));
  };

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
    <PlanDialog
      label="导入 Excel"
      className="excel-dialog import-dialog"
      title={`导入 Excel：${file.name}`}
      ready={state.kind === 'preview'}
      committing={state.kind === 'committing'}
      escapable={!busy}
      blocked={unresolved ? '请先选择使用哪一张工作表' : undefined}
      confirmLabel={state.kind !== 'reading' && !state.plan.complete && !unresolved ? '确认导入（不完整）' : '确认导入'}
      onConfirm={() => void commit()}
      onClose={onClose}
    >
      {state.kind === 'reading' ? (
        <p className="excel-lead">正在读取文件…</p>
      ) : (
        <>
          <p className="excel-lead">以下是导入后报表将发生的变化。确认前不会写入任何数据；点“取消”则报表保持不变。</p>
          <ImportPreview plan={state.plan} onChoose={choose} busy={busy} />
        </>
      )}
    </PlanDialog>
  );
}
