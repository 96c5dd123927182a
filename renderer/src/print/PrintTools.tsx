/** The top bar's print buttons: 打印预览 and 核对指纹, their screens, and the report's 已打印 mark. */
import { useState } from 'react';
import type { Api } from '../../../shared/api/contract';
import type { ReportSession } from '../app/reportSession';
import { PrintPreview } from './PrintPreview';
import { usePrintStatus } from './usePrintStatus';
import { VerifyDialog } from './VerifyDialog';

interface Props {
  api: Api;
  session: ReportSession | null;
  notify(kind: 'error' | 'info', text: string): void;
}

export function PrintTools({ api, session, notify }: Props) {
  const [open, setOpen] = useState<'none' | 'preview' | 'verify'>('none');
  const { status, refresh } = usePrintStatus(api, session);
  const close = () => {
    setOpen('none');
    refresh();
  };
  const last = status?.last ?? null;
  const outdated = last !== null && last.fingerprint !== status?.current;
  return (
    <div className="print-tools" role="group" aria-label="打印">
      {/* The 已打印 mark sits on the button's corner: it takes no room in a full top bar. */}
      <span className="print-preview-button">
        <button type="button" disabled={!session} onClick={() => setOpen('preview')}>
          打印预览
        </button>
        {last && (
          <span
            className={`print-mark ${outdated ? 'print-mark-outdated' : 'print-mark-current'}`}
            role="status"
            aria-label={outdated ? `打印后已修改，纸质稿（数据指纹 ${last.fingerprint}）已过时` : `已打印，数据指纹 ${last.fingerprint}`}
            title={
              outdated
                ? `打印后已修改：纸质稿（数据指纹 ${last.fingerprint}，${last.printedAt} 打印）与今天的数据不一致${status && status.changed.length > 0 ? `，${status.changed.map((c) => c.title).join('、')} 有修改` : ''}；请重新打印后签章`
                : `已打印：数据指纹 ${last.fingerprint}，${last.printedAt} 打印，共 ${last.pages} 页；今天的数据与纸质稿一致`
            }
          >
            {outdated ? '已过时' : '已打印'}
          </span>
        )}
      </span>
      <button type="button" disabled={!session} onClick={() => setOpen('verify')} title="核对纸质报表上的数据指纹">
        核对指纹
      </button>
      {session && open === 'preview' && <PrintPreview api={api} session={session} notify={notify} onClose={close} onPrinted={refresh} />}
      {session && open === 'verify' && <VerifyDialog api={api} session={session} onClose={close} />}
    </div>
  );
}
