import { useEffect, useState } from 'react';
import type { Api, HistoryEntryInfo, ReportRef } from '../../../shared/api/contract';
import type { MoneyUnit } from '../../../shared/money/fen';
import type { KindLike } from '../../../shared/pack/cellKind';
import { errorText } from '../app/reportSession';
import { formatCell } from '../edit/cellText';
import { HOW_WORDS } from '../store/words';
import type { CellMenuAt } from './CellMenu';
import { CloseActions } from '../app/CloseActions';
import { StoreItem } from '../store/StoreItem';

interface Props {
  api: Api;
  report: ReportRef;
  cell: CellMenuAt;
  kind: KindLike;
  unit: MoneyUnit;
  onClose(): void;
  /** Where the entries come from; default: the cell's history in the report. */
  load?: () => Promise<HistoryEntryInfo[]>;
}

function shown(value: HistoryEntryInfo['old'], kind: KindLike, unit: MoneyUnit): string {
  if (value === null) return '（空）';
  return formatCell(value, kind, unit);
}

/** A 调整表 line keeps two things: its amount and its note. */
function placeWord(entry: HistoryEntryInfo): string {
  if (entry.kind !== 'adjustment') return '';
  return entry.col === 'note' ? '说明：' : '抵销数：';
}

/** 修改记录 of one cell: every change, newest first, with when, how, and the value before and after. */
export function CellHistoryDialog({ api, report, cell, kind, unit, onClose, load }: Props) {
  const [entries, setEntries] = useState<HistoryEntryInfo[] | null>(null);
  const [failed, setFailed] = useState<string | null>(null);
  useEffect(() => {
    (load ? load() : api.cellHistory({ ...report, table: cell.table, row: cell.row, col: cell.col })).then(setEntries, (err: unknown) => setFailed(errorText(err)));
  }, [api, report, cell, load]);
  return (
    <div className="modal-backdrop" onKeyDown={(e) => e.key === 'Escape' && onClose()}>
      <div className="modal store-dialog" role="dialog" aria-modal="true" aria-label="单元格修改记录">
        <h2>修改记录</h2>
        <p className="store-lead">{cell.place}</p>
        {failed && <p className="store-error">{failed}</p>}
        {entries && entries.length === 0 && <p className="store-empty">这个单元格还没有修改记录</p>}
        {entries && entries.length > 0 && (
          <div className="store-list" role="table" aria-label="修改记录">
            {entries.map((e, i) => (
              <StoreItem key={`${e.batch}-${i}`} at={e.at} word={HOW_WORDS[e.how]}>
                <span role="cell" className="store-change">
                  {placeWord(e)}
                  {shown(e.old, kind, unit)} → {shown(e.new, kind, unit)}
                </span>
              </StoreItem>
            ))}
          </div>
        )}
        <CloseActions onClose={onClose} autoFocus />
      </div>
    </div>
  );
}
