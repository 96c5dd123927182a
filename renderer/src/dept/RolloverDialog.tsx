import { useEffect, useState } from 'react';
import type { Api, Unit } from '../../../shared/api/contract';
import type { RolloverPlanView } from '../../../shared/api/registerContract';
import { errorText } from '../app/reportSession';
import { shownValue } from '../excel/planView';

interface Props {
  api: Api;
  unit: Unit;
  from: number;
  notify(kind: 'error' | 'info', text: string): void;
  onDone(): void;
  onClose(): void;
}

/** 结转到下一年度: the 年初 values last year's 年末 gives, listed for review before anything is written. */
export function RolloverDialog({ api, unit, from, notify, onDone, onClose }: Props) {
  const [plan, setPlan] = useState<RolloverPlanView | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  useEffect(() => {
    api.planRollover({ unit: unit.code, from }).then(setPlan, (err: unknown) => setError(errorText(err)));
  }, [api, unit.code, from]);

  const confirm = async () => {
    setBusy(true);
    try {
      await api.commitRollover({ unit: unit.code, from });
      notify('info', `已由 ${from} 年度结转生成 ${unit.name} ${from + 1} 年度报表`);
      onDone();
    } catch (err) {
      setError(errorText(err));
      setBusy(false);
    }
  };

  const rows = plan ? Object.entries(plan.rows).reduce((n, [, r]) => n + r.length, 0) : 0;
  return (
    <div className="modal-backdrop" onKeyDown={(e) => e.key === 'Escape' && onClose()}>
      <div className="modal dept-modal" role="dialog" aria-modal="true" aria-label="结转到下一年度">
        <h2>
          {unit.name}：由 {from} 年度结转生成 {from + 1} 年度报表
        </h2>
        <div className="modal-body">
          {error && (
            <p className="form-error" role="alert" style={{ color: 'var(--error)' }}>
              {error}
            </p>
          )}
          {!plan && !error && <p>正在准备…</p>}
          {plan && (
            <>
              <p>
                报表格式 {plan.packId}；沿用科目行 {rows} 行，沿用封面和基本情况 {plan.texts.length} 项。{from} 年度报表保持不变，作为 {from + 1} 年度的上年数。
                下列年初数取自 {from} 年度的年末数，请核对：
              </p>
              <table className="change-table" aria-label="年初结转和结余">
                <thead>
                  <tr>
                    <th>{from + 1} 年度单元格</th>
                    <th className="num">金额（元）</th>
                  </tr>
                </thead>
                <tbody>
                  {plan.carried.length === 0 && (
                    <tr>
                      <td colSpan={2}>上年没有年末结转和结余</td>
                    </tr>
                  )}
                  {plan.carried.map((c) => (
                    <tr key={`${c.table}:${c.row}:${c.col}`}>
                      <td>{c.label}</td>
                      <td className="num">{shownValue(c.after, c.kind ?? 'money')}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
              {plan.dropped.length > 0 && <p>新年度科目目录中没有、不沿用的科目：{plan.dropped.join('、')}</p>}
            </>
          )}
        </div>
        <div className="modal-actions">
          <button type="button" onClick={onClose}>
            取消
          </button>
          <button type="button" className="primary" disabled={!plan || busy} onClick={() => void confirm()}>
            确认结转
          </button>
        </div>
      </div>
    </div>
  );
}
