import { useCallback, useEffect, useState } from 'react';
import type { Api, BackupInfo, BackupStatus } from '../../../shared/api/contract';
import { ConfirmDialog } from '../app/ConfirmDialog';
import { errorText } from '../app/reportSession';
import { REASON_WORDS, sizeText, timeText } from './words';
import { CloseActions } from '../app/CloseActions';
import { StoreItem } from './StoreItem';

interface Props {
  api: Api;
  notify(kind: 'error' | 'info', text: string): void;
  onClose(): void;
  /** A backup replaced the database: everything on screen is read again. */
  onRestored(): void;
}

/** 备份与恢复: the backups of the database, 立即备份, and restoring one (after the current state is backed up). */
export function BackupDialog({ api, notify, onClose, onRestored }: Props) {
  const [status, setStatus] = useState<BackupStatus | null>(null);
  const [failed, setFailed] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [asking, setAsking] = useState<BackupInfo | null>(null);

  const load = useCallback(async () => {
    try {
      setStatus(await api.backupStatus({}));
      setFailed(null);
    } catch (err) {
      setFailed(errorText(err));
    }
  }, [api]);
  useEffect(() => void load(), [load]);

  const backupNow = async () => {
    setBusy(true);
    try {
      const made = await api.createBackup({});
      notify('info', `已备份（${timeText(made.at)}）`);
      await load();
    } catch (err) {
      notify('error', `备份失败：${errorText(err)}`);
    } finally {
      setBusy(false);
    }
  };

  const restore = async (backup: BackupInfo) => {
    setAsking(null);
    setBusy(true);
    try {
      const result = await api.restoreBackup({ name: backup.name });
      notify('info', `已恢复 ${timeText(backup.at)} 的备份${result.safety ? `；恢复前的数据已另存为备份（${timeText(result.safety.at)}，恢复前）` : ''}`);
      onRestored();
      await load();
    } catch (err) {
      notify('error', `恢复失败：${errorText(err)}`);
    } finally {
      setBusy(false);
    }
  };

  const offered = status?.setAside?.newestGood ?? null;
  return (
    <div className="modal-backdrop" onKeyDown={(e) => e.key === 'Escape' && !asking && onClose()}>
      <div className="modal store-dialog" role="dialog" aria-modal="true" aria-label="备份与恢复">
        <h2>备份与恢复</h2>
        {failed && <p className="store-error">{failed}</p>}
        {status?.setAside && (
          <div className="store-alert" role="alert">
            <p>
              数据库文件“{status.setAside.original}”{status.setAside.problem}，已改名为“{status.setAside.renamedTo}”保留，没有删除。
              现在使用的是在原位置新建的空数据库。
            </p>
            {offered ? (
              <p>
                最新的完好备份是“{status.folder}/{offered.name}”（{timeText(offered.at)}，{REASON_WORDS[offered.reason]}）。
                <button type="button" className="primary" disabled={busy} onClick={() => setAsking(offered)}>
                  恢复这个备份
                </button>
              </p>
            ) : (
              <p>没有找到完好的备份。</p>
            )}
          </div>
        )}
        {status?.lastFailure && <p className="store-error">上一次自动备份没有完成：{status.lastFailure}</p>}
        {status && (
          <p className="store-lead">
            数据库：{status.database}
            <br />
            备份文件夹：{status.folder}
            <br />
            打开时，每次导入、结转下一年度、删除报表和恢复之前，以及编辑期间每 10 分钟自动备份；保留当天最近 10 份、之前 30 天每天 1 份，最多 50 份。
          </p>
        )}
        <div className="store-list" role="table" aria-label="备份列表">
          {status && status.backups.length === 0 && <p className="store-empty">还没有备份</p>}
          {status?.backups.map((b) => (
            <StoreItem key={b.name} at={b.at} word={REASON_WORDS[b.reason]}>
              <span role="cell" className="store-size">{sizeText(b.bytes)}</span>
              <span role="cell">
                <button type="button" disabled={busy} onClick={() => setAsking(b)} aria-label={`恢复 ${timeText(b.at)} 的备份`}>
                  恢复
                </button>
              </span>
            </StoreItem>
          ))}
        </div>
        <CloseActions onClose={onClose}>
          <button type="button" disabled={busy} onClick={() => void backupNow()}>
            立即备份
          </button>
        </CloseActions>
      </div>
      {asking && (
        <ConfirmDialog
          title="恢复备份"
          message={`用 ${timeText(asking.at)} 的备份（${REASON_WORDS[asking.reason]}）替换整个数据库（全部单位和年度）吗？恢复之前会先把现在的数据备份一次，需要时可以再恢复回来。`}
          confirmLabel="恢复"
          onConfirm={() => void restore(asking)}
          onCancel={() => setAsking(null)}
        />
      )}
    </div>
  );
}
