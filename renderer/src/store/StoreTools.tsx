import { useEffect, useState } from 'react';
import type { Api } from '../../../shared/api/contract';
import type { ReportSession } from '../app/reportSession';
import { HistoryDialog } from '../history/HistoryDialog';
import { BackupDialog } from './BackupDialog';
import './store.css';

interface Props {
  api: Api;
  session: ReportSession | null;
  tableId: string | null;
  notify(kind: 'error' | 'info', text: string): void;
  /** The open report changed through a restore or an undo: open it again. */
  onReportChanged(): void;
  /** A backup replaced the whole database: read units and the report again. */
  onDatabaseRestored(): void;
}

/** The top bar's 修改记录 and 备份与恢复 buttons. The backup screen opens by itself when this start set a damaged database aside. */
export function StoreTools({ api, session, tableId, notify, onReportChanged, onDatabaseRestored }: Props) {
  const [open, setOpen] = useState<'none' | 'history' | 'backup'>('none');
  useEffect(() => {
    api.backupStatus({}).then(
      (status) => {
        if (status.setAside) setOpen('backup');
      },
      () => undefined,
    );
  }, [api]);
  const close = () => setOpen('none');
  return (
    <div className="store-tools" role="group" aria-label="修改记录与备份">
      <button type="button" disabled={!session} onClick={() => setOpen('history')}>
        修改记录
      </button>
      <button type="button" onClick={() => setOpen('backup')}>
        备份与恢复
      </button>
      {open === 'history' && session && (
        <HistoryDialog api={api} session={session} tableId={tableId} notify={notify} onClose={close} onChanged={onReportChanged} />
      )}
      {open === 'backup' && <BackupDialog api={api} notify={notify} onClose={close} onRestored={onDatabaseRestored} />}
    </div>
  );
}
