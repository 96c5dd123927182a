import { useState } from 'react';
import type { Api } from '../../../shared/api/contract';
import type { MoneyUnit } from '../../../shared/money/fen';
import { errorText, type ReportSession } from '../app/reportSession';
import { saveFile } from './saveFile';

interface Props {
  api: Api;
  session: ReportSession;
  displayUnit: MoneyUnit;
  notify(kind: 'error' | 'info', text: string): void;
  onClose(): void;
}

/** 导出 Excel: the published 公开表 workbook in 元 or 万元, zeros as 0.00 or blank, saved as a download. */
export function ExportDialog({ api, session, displayUnit, notify, onClose }: Props) {
  const [unit, setUnit] = useState<MoneyUnit>(displayUnit);
  const [blankZeros, setBlankZeros] = useState(false);
  const [draft, setDraft] = useState(false);
  const [busy, setBusy] = useState(false);
  // A refusal (the 报送版 while a 强制 rule fails) is shown in the dialog: the message bar is behind it.
  const [refusal, setRefusal] = useState<string | null>(null);

  const run = async () => {
    setBusy(true);
    setRefusal(null);
    try {
      const file = await api.exportXlsx({ ...session.ref, wan: unit === '万元', blankZeros, draft });
      saveFile(file);
      notify('info', `已导出“${file.fileName}”`);
      onClose();
    } catch (err) {
      setRefusal(`导出 Excel 失败：${errorText(err)}`);
      setBusy(false);
    }
  };

  return (
    <div className="modal-backdrop" onKeyDown={(e) => e.key === 'Escape' && !busy && onClose()}>
      <div className="modal excel-dialog" role="dialog" aria-modal="true" aria-label="导出 Excel">
        <h2>导出 Excel</h2>
        <p className="excel-lead">
          导出 {session.unit.name} {session.year} 年度的部门决算公开表（封面及公开01表至公开10表），可直接打印或报送。
        </p>
        <fieldset className="excel-options">
          <legend>金额单位</legend>
          {(['元', '万元'] as const).map((u) => (
            <label key={u}>
              <input type="radio" name="export-unit" checked={unit === u} onChange={() => setUnit(u)} /> {u}
            </label>
          ))}
        </fieldset>
        <fieldset className="excel-options">
          <legend>数值为零的单元格</legend>
          <label>
            <input type="radio" name="export-zeros" checked={!blankZeros} onChange={() => setBlankZeros(false)} /> 显示 0.00
          </label>
          <label>
            <input type="radio" name="export-zeros" checked={blankZeros} onChange={() => setBlankZeros(true)} /> 留空
          </label>
        </fieldset>
        <fieldset className="excel-options">
          <legend>用途</legend>
          <label>
            <input type="radio" name="export-kind" checked={!draft} onChange={() => setDraft(false)} /> 报送版（强制审核须全部通过）
          </label>
          <label>
            <input type="radio" name="export-kind" checked={draft} onChange={() => setDraft(true)} /> 核对稿（审核未通过时封面注明“不得报送”）
          </label>
        </fieldset>
        {refusal && (
          <p className="form-error" role="alert">
            {refusal}
          </p>
        )}
        <div className="modal-actions">
          <button type="button" onClick={onClose} disabled={busy}>
            取消
          </button>
          <button type="button" className="primary" onClick={() => void run()} disabled={busy}>
            {busy ? '正在导出…' : '导出'}
          </button>
        </div>
      </div>
    </div>
  );
}
