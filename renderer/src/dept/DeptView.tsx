import { useCallback, useEffect, useRef, useState, type MouseEvent } from 'react';
import type { Api, HistoryEntryInfo } from '../../../shared/api/contract';
import type { ConsolidationView, EliminationLine } from '../../../shared/api/registerContract';
import { ADJUSTMENT_TABLE } from '../../../shared/api/registerContract';
import { errorText } from '../app/reportSession';
import { CellHistoryDialog } from '../history/CellHistoryDialog';
import { CellMenu, type CellMenuAt } from '../history/CellMenu';
import { ExchangeImportDialog } from './ExchangeImportDialog';
import { parseYuan, yuan } from './money';

interface Props {
  api: Api;
  dept: string;
  year: number;
  notify(kind: 'error' | 'info', text: string): void;
  /** Something the consolidated report is made of changed: open it again. */
  onChanged(): void;
  /** Changes when the department changed elsewhere (a restore from 修改记录): read the 调整表 again. */
  reloadKey?: number;
}

/** Right click on a 调整表 amount: 修改记录 of that line (amount and note). */
function lineMenuAt(line: EliminationLine, e: MouseEvent): CellMenuAt {
  return { table: ADJUSTMENT_TABLE, row: line.key, col: 'amount', place: `调整表 ${line.pair}：${line.parent.name}，${line.rowLabel}`, x: e.clientX, y: e.clientY };
}

function AmountInput({ line, onSave }: { line: EliminationLine; onSave(text: string): void }) {
  const [text, setText] = useState(yuan(line.amount));
  useEffect(() => setText(yuan(line.amount)), [line.amount]);
  return (
    <input
      aria-label={`抵销数 ${line.parent.name} ${line.rowLabel}`}
      value={text}
      onChange={(e) => setText(e.target.value)}
      onBlur={() => text !== yuan(line.amount) && onSave(text)}
      onKeyDown={(e) => e.key === 'Enter' && (e.target as HTMLInputElement).blur()}
    />
  );
}

/** 调整表 and 单位构成 of a department's consolidated report: members, 提示, eliminations (editable), 户数. */
export function DeptView({ api, dept, year, notify, onChanged, reloadKey }: Props) {
  const [view, setView] = useState<ConsolidationView | null>(null);
  const [menu, setMenu] = useState<CellMenuAt | null>(null);
  const [history, setHistory] = useState<{ at: CellMenuAt; load: () => Promise<HistoryEntryInfo[]> } | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [importing, setImporting] = useState<File | null>(null);
  const fileInput = useRef<HTMLInputElement>(null);

  const load = useCallback(async () => {
    try {
      setView(await api.consolidationView({ unit: dept, year }));
      setError(null);
    } catch (err) {
      setError(errorText(err));
    }
    // reloadKey: read again after a restore made through 修改记录.
  }, [api, dept, year, reloadKey]);
  useEffect(() => void load(), [load]);

  const save = async (line: EliminationLine, text: string) => {
    const parsed = parseYuan(text);
    if (!parsed.ok) return notify('error', `${line.parent.name} ${line.rowLabel} 抵销数：${parsed.message}`);
    try {
      setView(await api.setAdjustment({ unit: dept, year, key: line.key, amount: parsed.fen, note: line.note }));
      notify('info', parsed.fen === null ? '已恢复为程序生成的抵销数' : `已修改抵销数：${line.parent.name} ${line.rowLabel}`);
      onChanged();
    } catch (err) {
      notify('error', errorText(err));
    }
  };

  if (error) return <div className="dept-view splash error">{error}</div>;
  if (!view) return <div className="dept-view">正在汇总…</div>;
  return (
    <section className="dept-view" aria-label="调整表与单位构成">
      <div className="dept-actions">
        <button type="button" onClick={() => fileInput.current?.click()}>
          导入单位报送文件…
        </button>
        <input
          ref={fileInput}
          type="file"
          accept=".json,application/json"
          aria-label="选择单位报送文件"
          hidden
          onChange={(e) => {
            const file = e.target.files?.[0];
            e.target.value = '';
            if (file) setImporting(file);
          }}
        />
        <span className="hint">汇总表各单元格 = 各单位报表之和 − 调整表；双击汇总表中的金额可查看由哪些单位构成。</span>
      </div>
      {view.hints.length > 0 && (
        <>
          <h2>提示</h2>
          <ul className="dept-hints">
            {view.hints.map((h) => (
              <li key={h}>{h}</li>
            ))}
          </ul>
        </>
      )}
      <h2>调整表（抵销部门内部上下级之间的收支，{view.lines.length} 项）</h2>
      <table className="adjust-table" aria-label="调整表">
        <thead>
          <tr>
            <th>抵销项目</th>
            <th>上级单位</th>
            <th>科目</th>
            <th>下级单位</th>
            <th className="num">下级金额</th>
            <th className="num">上级金额</th>
            <th className="num">抵销数（元）</th>
            <th>说明</th>
          </tr>
        </thead>
        <tbody>
          {view.lines.length === 0 && (
            <tr>
              <td colSpan={8}>部门内没有需要抵销的上缴、补助收支</td>
            </tr>
          )}
          {view.lines.map((l) => (
            <tr key={l.key} className={l.mismatch ? 'mismatch' : undefined}>
              <td>{l.pair}</td>
              <td>{l.parent.name}</td>
              <td>{l.rowLabel}</td>
              <td>{l.children.map((c) => `${c.name} ${yuan(c.amount)}`).join('；') || '（无）'}</td>
              <td className="num">{yuan(l.childAmount)}</td>
              <td className="num">{yuan(l.parentAmount)}</td>
              <td
                className="num"
                onContextMenu={(e) => {
                  e.preventDefault();
                  setMenu(lineMenuAt(l, e));
                }}
              >
                <AmountInput line={l} onSave={(text) => void save(l, text)} />
              </td>
              <td>
                {l.mismatch ? '两侧不一致' : '两侧一致'}
                {l.overridden ? '，已手工修改' : ''}
                {l.note ? `：${l.note}` : ''}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <h2>纳入汇总的单位（{view.members.length} 个）</h2>
      <table className="register-table" aria-label="纳入汇总的单位">
        <thead>
          <tr>
            <th>单位</th>
            <th>单位类型</th>
            <th>{year} 年度报表</th>
          </tr>
        </thead>
        <tbody>
          {view.members.map((m) => (
            <tr key={m.code}>
              <td style={{ paddingLeft: 6 + m.depth * 18 }}>
                {m.name}（{m.code}）
              </td>
              <td>{m.kind}</td>
              <td>{m.excluded ?? (m.hasReport ? '已纳入' : '未填报（按零汇总）')}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <h2>户数</h2>
      <div className="counts">
        {([['按单位类型', view.counts.byKind], ['按报表类型', view.counts.byReportKind]] as const).map(([title, rows]) => (
          <table key={title} className="count-table" aria-label={`户数${title}`}>
            <thead>
              <tr>
                <th>{title}</th>
                <th className="num">本年</th>
                <th className="num">上年</th>
                <th className="num">比上年增减</th>
              </tr>
            </thead>
            <tbody>
              {rows.map((r) => (
                <tr key={r.label}>
                  <td>{r.label}</td>
                  <td className="num">{r.count}</td>
                  <td className="num">{r.lastYear}</td>
                  <td className="num">{r.change > 0 ? `+${r.change}` : r.change}</td>
                </tr>
              ))}
            </tbody>
          </table>
        ))}
      </div>
      {menu && (
        <CellMenu
          at={menu}
          onClose={() => setMenu(null)}
          onHistory={() => {
            const at = menu;
            setMenu(null);
            setHistory({ at, load: () => api.adjustmentHistory({ unit: dept, year, key: at.row }) });
          }}
        />
      )}
      {history && (
        <CellHistoryDialog
          api={api}
          report={{ unit: dept, year, consolidated: true }}
          cell={history.at}
          kind="money"
          unit="元"
          load={history.load}
          onClose={() => setHistory(null)}
        />
      )}
      {importing && (
        <ExchangeImportDialog
          api={api}
          dept={dept}
          file={importing}
          notify={notify}
          onClose={() => setImporting(null)}
          onImported={() => {
            setImporting(null);
            void load();
            onChanged();
          }}
        />
      )}
    </section>
  );
}
