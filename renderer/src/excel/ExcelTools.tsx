import { useRef, useState } from 'react';
import type { Api } from '../../../shared/api/contract';
import type { MoneyUnit } from '../../../shared/money/fen';
import type { ReportSession } from '../app/reportSession';
import { CatalogueImportDialog } from '../catalogue/CatalogueImportDialog';
import { CoverDialog } from './CoverDialog';
import { ExportDialog } from './ExportDialog';
import { ImportDialog } from './ImportDialog';
import './excel.css';

interface Props {
  api: Api;
  /** The open report; the buttons are disabled while none is open. */
  session: ReportSession | null;
  displayUnit: MoneyUnit;
  notify(kind: 'error' | 'info', text: string): void;
  /** An import was written: open the report again so the grids show it. */
  onImported(): void;
}

type Open = { kind: 'none' } | { kind: 'export' } | { kind: 'cover' } | { kind: 'import'; file: File } | { kind: 'catalogue' };

/** The top bar's Excel buttons: 导出 Excel, 导入 Excel, 封面信息, and their dialogs. */
export function ExcelTools({ api, session, displayUnit, notify, onImported }: Props) {
  const [open, setOpen] = useState<Open>({ kind: 'none' });
  const fileInput = useRef<HTMLInputElement>(null);
  const close = () => setOpen({ kind: 'none' });

  return (
    <div className="excel-tools" role="group" aria-label="Excel">
      <button type="button" disabled={!session} onClick={() => setOpen({ kind: 'export' })}>
        导出 Excel
      </button>
      <button type="button" disabled={!session} onClick={() => fileInput.current?.click()}>
        导入 Excel
      </button>
      <input
        ref={fileInput}
        type="file"
        accept=".xlsx,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
        aria-label="选择要导入的 Excel 文件"
        hidden
        onChange={(e) => {
          const file = e.target.files?.[0];
          // Cleared so that picking the same file again (after fixing it in Excel) fires again.
          e.target.value = '';
          if (file) setOpen({ kind: 'import', file });
        }}
      />
      <button type="button" disabled={!session} onClick={() => setOpen({ kind: 'cover' })}>
        封面信息
      </button>
      <button type="button" disabled={!session || session.consolidated} onClick={() => setOpen({ kind: 'catalogue' })} title="导入财政部门下发的《政府收支分类科目》，作为本年度的科目目录">
        科目目录
      </button>
      {session && open.kind === 'catalogue' && (
        <CatalogueImportDialog api={api} year={session.year} notify={notify} onClose={close} onImported={onImported} />
      )}
      {session && open.kind === 'export' && <ExportDialog api={api} session={session} displayUnit={displayUnit} notify={notify} onClose={close} />}
      {session && open.kind === 'cover' && <CoverDialog api={api} session={session} notify={notify} onClose={close} />}
      {session && open.kind === 'import' && (
        <ImportDialog api={api} session={session} file={open.file} notify={notify} onClose={close} onImported={onImported} />
      )}
    </div>
  );
}
