import { useCallback, useEffect, useState } from 'react';
import type { Api, HistoryBatchInfo } from '../../../shared/api/contract';
import { ADJUSTMENT_TABLE } from '../../../shared/api/registerContract';
import type { TableDef } from '../../../shared/pack/model';
import { ConfirmDialog } from '../app/ConfirmDialog';
import { errorText, type ReportSession } from '../app/reportSession';
import { HOW_WORDS, timeText } from '../store/words';
import { CloseActions } from '../app/CloseActions';
import { StoreItem } from '../store/StoreItem';
import { PERF_HISTORY_NAME, PERF_HISTORY_TABLE } from '../../../shared/perf/historyText';
import { PERF_TAB } from '../perf/perfTab';

interface Props {
  api: Api;
  session: ReportSession;
  /** The table on screen: offered for a one-table restore. */
  tableId: string | null;
  notify(kind: 'error' | 'info', text: string): void;
  onClose(): void;
  /** The report was restored or a restore undone: open it again. */
  onChanged(): void;
}

/** What a restore covers: the whole report (department: 调整表 and texts), one table, or a department's 调整表. */
type Scope = Pick<TableDef, 'id' | 'code' | 'title'> | null;
type Asking = { kind: 'restore'; batch: HistoryBatchInfo; table: Scope } | { kind: 'undo'; batch: HistoryBatchInfo };

/** A department's history holds its 调整表 and its own texts; its tables are sums and are never restored. */
const ADJUSTMENTS: Scope = { id: ADJUSTMENT_TABLE, code: '调整表', title: '' };

/** The 绩效自评 (register, 自评表s, 重点工作任务, 部门整体 form) restored alone. */
const PERF: Scope = { id: PERF_HISTORY_TABLE, code: PERF_HISTORY_NAME, title: '' };

/** 修改记录 of the report: every write, newest first; restore the report or one table to right after one, or undo one. */
export function HistoryDialog({ api, session, tableId, notify, onClose, onChanged }: Props) {
  const [batches, setBatches] = useState<HistoryBatchInfo[] | null>(null);
  const [failed, setFailed] = useState<string | null>(null);
  const [asking, setAsking] = useState<Asking | null>(null);
  const [busy, setBusy] = useState(false);
  const dept = session.consolidated;
  const table: Scope = dept ? ADJUSTMENTS : tableId === PERF_TAB ? PERF : (session.pack.tables.find((t) => t.id === tableId) ?? null);
  // A batch with 绩效 changes offers the 绩效自评 alone, whichever table is on screen.
  const perfScope = (b: HistoryBatchInfo): Scope => (!dept && table !== PERF && b.tables.includes(PERF_HISTORY_TABLE) ? PERF : null);
  const whole = dept ? '调整表和部门文字' : '整份报表';
  const tableName = (id: string) => {
    if (id === '') return '文字';
    if (id === ADJUSTMENT_TABLE) return '调整表';
    if (id === PERF_HISTORY_TABLE && !dept) return PERF_HISTORY_NAME;
    const t = session.pack.tables.find((x) => x.id === id);
    return t ? t.code : id;
  };

  const load = useCallback(async () => {
    try {
      setBatches(await api.reportHistory({ ...session.ref, limit: 500 }));
    } catch (err) {
      setFailed(errorText(err));
    }
  }, [api, session]);
  useEffect(() => void load(), [load]);

  const run = async (ask: Asking) => {
    setAsking(null);
    setBusy(true);
    try {
      if (ask.kind === 'restore') {
        const result = await api.restoreHistory({ ...session.ref, batchId: ask.batch.id, ...(ask.table ? { table: ask.table.id } : {}) });
        notify('info', `已恢复到 ${timeText(ask.batch.at)} 的状态${ask.table ? `（${ask.table.code}）` : ''}：${result.changed} 处变动；这次恢复也记在修改记录中，可以撤销`);
      } else {
        const result = await api.undoHistory({ ...session.ref, batchId: ask.batch.id });
        notify('info', `已撤销：${result.changed} 处变动${result.kept > 0 ? `；${result.kept} 处之后又修改过，保留了修改后的值` : ''}`);
      }
      onChanged();
      // The clerk goes back to the grid to see the result; the restore is at the top of the list next time.
      onClose();
      return;
    } catch (err) {
      notify('error', `${ask.kind === 'restore' ? '恢复' : '撤销'}失败：${errorText(err)}`);
    } finally {
      setBusy(false);
    }
  };

  return (
    <div className="modal-backdrop" onKeyDown={(e) => e.key === 'Escape' && !asking && onClose()}>
      <div className="modal store-dialog history-dialog" role="dialog" aria-modal="true" aria-label="报表修改记录">
        <h2>修改记录</h2>
        <p className="store-lead">
          {dept
            ? `${session.unit.name} ${session.year} 年度部门汇总。调整表的抵销数、说明和部门自己的文字，每一次保存都记在这里；汇总数随单位报表变化，单位报表的修改记录在各单位中查看。可以把调整表（或连同部门文字）恢复到某次保存之后的状态，恢复本身也会记录，可以撤销。`
            : `${session.unit.name} ${session.year} 年度。每一次保存都记在这里；可以把整份报表或当前表恢复到某次保存之后的状态，恢复本身也会记录，可以撤销。`}
        </p>
        {failed && <p className="store-error">{failed}</p>}
        {batches && batches.length === 0 && <p className="store-empty">还没有修改记录</p>}
        <div className="store-list" role="table" aria-label="修改记录">
          {batches?.map((b) => (
            <StoreItem key={b.id} at={b.at} word={HOW_WORDS[b.how]}>
              <span role="cell" className="store-change" title={b.note}>
                {b.count} 处 · {b.tables.map(tableName).join('、')}
                {b.note ? ` · ${b.note}` : ''}
              </span>
              <span role="cell" className="store-actions">
                <button type="button" disabled={busy} onClick={() => setAsking({ kind: 'restore', batch: b, table: null })}>
                  恢复{whole}
                </button>
                {table && (
                  <button type="button" disabled={busy} onClick={() => setAsking({ kind: 'restore', batch: b, table })}>
                    只恢复{table.code}
                  </button>
                )}
                {perfScope(b) && (
                  <button type="button" disabled={busy} onClick={() => setAsking({ kind: 'restore', batch: b, table: PERF })}>
                    只恢复{PERF_HISTORY_NAME}
                  </button>
                )}
                {(b.how === 'restore' || b.how === 'import') && (
                  <button type="button" disabled={busy} onClick={() => setAsking({ kind: 'undo', batch: b })}>
                    撤销这次{HOW_WORDS[b.how]}
                  </button>
                )}
              </span>
            </StoreItem>
          ))}
        </div>
        <CloseActions onClose={onClose} />
      </div>
      {asking && (
        <ConfirmDialog
          title={asking.kind === 'restore' ? '恢复到这次保存之后' : '撤销'}
          message={
            asking.kind === 'restore'
              ? `把${asking.table ? `${asking.table.code}${asking.table.title ? ` ${asking.table.title}` : ''}` : whole}恢复到 ${timeText(asking.batch.at)} 这次保存之后的状态吗？之后的修改会被替换，但都留在修改记录中，这次恢复也可以撤销。`
              : `撤销 ${timeText(asking.batch.at)} 的这次${HOW_WORDS[asking.batch.how]}吗？之后又修改过的单元格保留修改后的值。`
          }
          confirmLabel={asking.kind === 'restore' ? '恢复' : '撤销'}
          onConfirm={() => void run(asking)}
          onCancel={() => setAsking(null)}
        />
      )}
    </div>
  );
}
