import { useEffect, useState } from 'react';
import type { Api } from '../../../shared/api/contract';
import type { CellBreakdown } from '../../../shared/api/registerContract';
import { errorText } from '../app/reportSession';
import { yuan } from './money';
import { CloseActions } from '../app/CloseActions';

interface Props {
  api: Api;
  dept: string;
  year: number;
  cell: { table: string; row: string; col: string };
  onClose(): void;
}

/** The units that make up one consolidated cell, the 调整表's share, and the total. */
export function BreakdownDialog({ api, dept, year, cell, onClose }: Props) {
  const [data, setData] = useState<CellBreakdown | null>(null);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    api.cellBreakdown({ unit: dept, year, ...cell }).then(setData, (err: unknown) => setError(errorText(err)));
  }, [api, dept, year, cell]);
  return (
    <div className="modal-backdrop" onKeyDown={(e) => e.key === 'Escape' && onClose()}>
      <div className="modal dept-modal" role="dialog" aria-modal="true" aria-label="汇总数的构成">
        <h2>汇总数的构成</h2>
        <div className="modal-body">
          {error && <p role="alert">{error}</p>}
          {data && (
            <>
              <p>{data.label}</p>
              <table className="breakdown-table">
                <thead>
                  <tr>
                    <th>单位</th>
                    <th className="num">金额（元）</th>
                  </tr>
                </thead>
                <tbody>
                  {data.units.map((u) => (
                    <tr key={u.code}>
                      <td>
                        {u.name}（{u.code}）
                      </td>
                      <td className="num">{yuan(u.amount)}</td>
                    </tr>
                  ))}
                  <tr>
                    <td>减：调整表抵销数</td>
                    <td className="num">{yuan(data.eliminated)}</td>
                  </tr>
                  <tr>
                    <th>部门汇总数</th>
                    <th className="num">{yuan(data.total)}</th>
                  </tr>
                </tbody>
              </table>
            </>
          )}
        </div>
        <CloseActions onClose={onClose} autoFocus />
      </div>
    </div>
  );
}
