/** 核对指纹: type the fingerprint from a signed paper copy; says whether today's data still matches, and which tables changed. */
import { useState } from 'react';
import type { Api } from '../../../shared/api/contract';
import type { VerifyView } from '../../../shared/api/printSchemas';
import { errorText, type ReportSession } from '../app/reportSession';

interface Props {
  api: Api;
  session: ReportSession;
  onClose(): void;
}

export function VerifyDialog({ api, session, onClose }: Props) {
  const [typed, setTyped] = useState('');
  const [result, setResult] = useState<VerifyView | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const check = async () => {
    setBusy(true);
    setError(null);
    try {
      setResult(await api.verifyFingerprint({ ...session.ref, fingerprint: typed }));
    } catch (err) {
      setResult(null);
      setError(errorText(err));
    } finally {
      setBusy(false);
    }
  };

  return (
    <div className="modal-backdrop" onKeyDown={(e) => e.key === 'Escape' && onClose()}>
      <div className="modal verify-dialog" role="dialog" aria-modal="true" aria-label="核对数据指纹">
        <h2>核对数据指纹</h2>
        <p className="modal-text">输入签字纸质报表页脚上的“数据指纹”（8 位，数字和字母 A–F），核对 {session.unit.name} {session.year} 年度的数据是否仍与之相符。</p>
        <form
          className="verify-form"
          onSubmit={(e) => {
            e.preventDefault();
            void check();
          }}
        >
          <input aria-label="数据指纹" value={typed} maxLength={20} placeholder="如 3F9A1C07" autoFocus onChange={(e) => setTyped(e.target.value)} />
          <button type="submit" className="primary" disabled={busy || typed.trim() === ''}>
            {busy ? '正在核对…' : '核对'}
          </button>
        </form>
        {error && (
          <p className="verify-result verify-bad" role="alert">
            {error}
          </p>
        )}
        {result && (
          <div className={`verify-result ${result.matches ? 'verify-ok' : 'verify-bad'}`} role="status">
            {result.lines.map((line, i) => (
              <p key={i}>{line}</p>
            ))}
            {result.changed && result.changed.length > 0 && (
              <ul className="verify-changed" aria-label="有变化的部分">
                {result.changed.map((c) => (
                  <li key={c.id}>{c.title}</li>
                ))}
              </ul>
            )}
          </div>
        )}
        <div className="modal-actions">
          <button type="button" onClick={onClose}>
            关闭
          </button>
        </div>
      </div>
    </div>
  );
}
