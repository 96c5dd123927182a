/** The top bar's print buttons: 打印预览 and 核对指纹, and their screens. */
import { useState } from 'react';
import type { Api } from '../../../shared/api/contract';
import type { ReportSession } from '../app/reportSession';
import { PrintPreview } from './PrintPreview';
import { VerifyDialog } from './VerifyDialog';

interface Props {
  api: Api;
  session: ReportSession | null;
  notify(kind: 'error' | 'info', text: string): void;
}

export function PrintTools({ api, session, notify }: Props) {
  const [open, setOpen] = useState<'none' | 'preview' | 'verify'>('none');
  const close = () => setOpen('none');
  return (
    <div className="print-tools" role="group" aria-label="打印">
      <button type="button" disabled={!session} onClick={() => setOpen('preview')}>
        打印预览
      </button>
      <button type="button" disabled={!session} onClick={() => setOpen('verify')} title="核对纸质报表上的数据指纹">
        核对指纹
      </button>
      {session && open === 'preview' && <PrintPreview api={api} session={session} notify={notify} onClose={close} />}
      {session && open === 'verify' && <VerifyDialog api={api} session={session} onClose={close} />}
    </div>
  );
}
