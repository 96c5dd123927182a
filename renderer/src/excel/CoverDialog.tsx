import { useEffect, useState } from 'react';
import type { Api } from '../../../shared/api/contract';
import { errorText, type ReportSession } from '../app/reportSession';
import { COVER_FIELDS, coverTexts, EMPTY_COVER, type CoverKey } from './coverFields';

interface Props {
  api: Api;
  session: ReportSession;
  notify(kind: 'error' | 'info', text: string): void;
  onClose(): void;
}

/** 封面信息: the five fields of the exported workbook's cover, saved with the report. */
export function CoverDialog({ api, session, notify, onClose }: Props) {
  const [values, setValues] = useState<Record<CoverKey, string> | null>(null);
  const [busy, setBusy] = useState(false);

  useEffect(() => {
    let cancelled = false;
    void (async () => {
      try {
        // The report is open, so this reads it; it never creates anything new here.
        const snapshot = await api.openReport(session.ref);
        const loaded: Record<CoverKey, string> = { ...EMPTY_COVER };
        for (const { key } of COVER_FIELDS) loaded[key] = snapshot.texts[key] ?? '';
        if (!cancelled) setValues(loaded);
      } catch (err) {
        if (!cancelled) {
          notify('error', `无法读取封面信息：${errorText(err)}`);
          onClose();
        }
      }
    })();
    return () => {
      cancelled = true;
    };
    // Read once per report: re-reading on every render of the parent would wipe what the clerk typed.
  }, [api, session]);

  const save = async () => {
    if (!values) return;
    setBusy(true);
    try {
      await api.setTexts({ ...session.ref, texts: coverTexts(values) });
      notify('info', '封面信息已保存');
      onClose();
    } catch (err) {
      notify('error', `封面信息未保存：${errorText(err)}`);
      setBusy(false);
    }
  };

  return (
    <div className="modal-backdrop" onKeyDown={(e) => e.key === 'Escape' && !busy && onClose()}>
      <form
        className="modal excel-dialog"
        role="dialog"
        aria-modal="true"
        aria-label="封面信息"
        onSubmit={(e) => {
          e.preventDefault();
          void save();
        }}
      >
        <h2>封面信息</h2>
        <p className="excel-lead">
          导出 Excel 时写在封面上。单位名称（{session.unit.name}）和年度（{session.year}）自动填写。
        </p>
        {values === null ? (
          <p className="excel-lead">正在读取…</p>
        ) : (
          <div className="unit-form">
            {COVER_FIELDS.map((f, i) => (
              <label key={f.key}>
                <span>{f.label}</span>
                <input
                  name={f.key}
                  value={values[f.key]}
                  placeholder={f.placeholder}
                  maxLength={100}
                  autoFocus={i === 0}
                  onChange={(e) => setValues({ ...values, [f.key]: e.target.value })}
                />
              </label>
            ))}
          </div>
        )}
        <div className="modal-actions">
          <button type="button" onClick={onClose} disabled={busy}>
            取消
          </button>
          <button type="submit" className="primary" disabled={busy || values === null}>
            {busy ? '正在保存…' : '保存'}
          </button>
        </div>
      </form>
    </div>
  );
}
