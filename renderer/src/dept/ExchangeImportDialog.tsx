import { useEffect, useState } from 'react';
import type { Api } from '../../../shared/api/contract';
import type { ExchangePlanView } from '../../../shared/api/registerContract';
import { errorText } from '../app/reportSession';
import { bytesToBase64 } from '../excel/fileBytes';
import { shownValue } from '../excel/planView';

interface Props {
  api: Api;
  dept: string;
  file: File;
  notify(kind: 'error' | 'info', text: string): void;
  onClose(): void;
  onImported(): void;
}

/** 导入单位报送文件: what the file would change, shown before it replaces anything. */
export function ExchangeImportDialog({ api, dept, file, notify, onClose, onImported }: Props) {
  const [plan, setPlan] = useState<{ planId: string; plan: ExchangePlanView } | null>(null);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    void (async () => {
      try {
        const bytes = new Uint8Array(await file.arrayBuffer());
        setPlan(await api.planExchangeImport({ dept, fileName: file.name, base64: bytesToBase64(bytes) }));
      } catch (err) {
        setError(errorText(err));
      }
    })();
  }, [api, dept, file]);

  const confirm = async () => {
    if (!plan) return;
    try {
      const result = await api.commitExchangeImport({ planId: plan.planId });
      notify('info', `已导入 ${plan.plan.unit.name} ${result.year} 年度报表`);
      onImported();
    } catch (err) {
      setError(errorText(err));
    }
  };

  const p = plan?.plan;
  return (
    <div className="modal-backdrop" onKeyDown={(e) => e.key === 'Escape' && onClose()}>
      <div className="modal dept-modal" role="dialog" aria-modal="true" aria-label="导入单位报送文件">
        <h2>导入单位报送文件：{file.name}</h2>
        <div className="modal-body">
          {error && (
            <p role="alert" style={{ color: 'var(--error)' }}>
              {error}
            </p>
          )}
          {!p && !error && <p>正在检查文件…</p>}
          {p && (
            <>
              <p>
                {p.unit.name}（{p.unit.code}）{p.year} 年度报表，报表格式 {p.packId}。
                {p.fresh ? '库中尚无该单位该年度的报表，将新增。' : p.same ? '与库中数据完全相同，无需导入。' : '将替换库中的报表，差异如下：'}
              </p>
              {!p.same && p.changes.length > 0 && (
                <table className="change-table" aria-label="数值变化">
                  <thead>
                    <tr>
                      <th>单元格</th>
                      <th className="num">库中</th>
                      <th className="num">文件中</th>
                    </tr>
                  </thead>
                  <tbody>
                    {p.changes.slice(0, 500).map((c) => (
                      <tr key={`${c.table}:${c.row}:${c.col}`}>
                        <td>{c.label}</td>
                        <td className="num">{shownValue(c.before, c.kind ?? 'money')}</td>
                        <td className="num">{shownValue(c.after, c.kind ?? 'money')}</td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              )}
              {p.changes.length > 500 && <p>（另有 {p.changes.length - 500} 处变化未列出）</p>}
              {p.texts.length > 0 && <p>文字变化：{p.texts.map((t) => `${t.key}（${t.before ?? '无'} → ${t.after ?? '无'}）`).join('；')}</p>}
              {(p.rows.added.length > 0 || p.rows.removed.length > 0) && (
                <p>
                  科目行：新增 {p.rows.added.length} 行，删除 {p.rows.removed.length} 行
                </p>
              )}
            </>
          )}
        </div>
        <div className="modal-actions">
          <button type="button" onClick={onClose}>
            取消
          </button>
          <button type="button" className="primary" disabled={!p || p.same} onClick={() => void confirm()}>
            确认导入
          </button>
        </div>
      </div>
    </div>
  );
}
