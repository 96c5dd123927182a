import { useEffect, useState } from 'react';
import type { Api, ChangeHow, HistoryEntryInfo, ReportRef } from '../../../shared/api/contract';
import type { MoneyUnit } from '../../../shared/money/fen';
import type { KindLike } from '../../../shared/pack/cellKind';
import { errorText } from '../app/reportSession';
import { formatCell } from '../edit/cellText';
import { HOW_WORDS } from '../store/words';
import type { CellMenuAt } from './CellMenu';
import { CloseActions } from '../app/CloseActions';
import { StoreItem } from '../store/StoreItem';

/** What every kind of history entry has: its batch, when, how. */
interface EntryLike {
  batch: number;
  at: string;
  how: ChangeHow;
}

interface Props<E extends EntryLike> {
  api: Api;
  report: ReportRef;
  cell: CellMenuAt;
  kind: KindLike;
  unit: MoneyUnit;
  onClose(): void;
  /** Where the entries come from; default: the cell's history in the report. */
  load?: () => Promise<E[]>;
  /** A change in words (e.g. a 绩效自评 field's); default: old → new as the cell's kind shows it. */
  show?: (entry: E) => string;
  /** Said when there is none; default: the cell's. */
  empty?: string;
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
export function CellHistoryDialog<E extends EntryLike = HistoryEntryInfo>({ api, report, cell, kind, unit, onClose, load, show, empty }: Props<E>) {
  const [entries, setEntries] = useState<E[] | null>(null);
  const [failed, setFailed] = useState<string | null>(null);
  useEffect(() => {
    // Without its own loader the entries are a cell's (E is HistoryEntryInfo then).
    (load ? load() : (api.cellHistory({ ...report, table: cell.table, row: cell.row, col: cell.col }) as unknown as Promise<E[]>)).then(setEntries, (err: unknown) =>
      setFailed(errorText(err)),
    );
  }, [api, report, cell, load]);
  const words = (e: E): string => {
    if (show) return show(e);
    const entry = e as unknown as HistoryEntryInfo;
    return `${placeWord(entry)}${shown(entry.old, kind, unit)} → ${shown(entry.new, kind, unit)}`;
  };
  return (
    <div className="modal-backdrop" onKeyDown={(e) => e.key === 'Escape' && onClose()}>
      <div className="modal store-dialog" role="dialog" aria-modal="true" aria-label="单元格修改记录">
        <h2>修改记录</h2>
        <p className="store-lead">{cell.place}</p>
        {failed && <p className="store-error">{failed}</p>}
        {entries && entries.length === 0 && <p className="store-empty">{empty ?? '这个单元格还没有修改记录'}</p>}
        {entries && entries.length > 0 && (
          <div className="store-list" role="table" aria-label="修改记录">
            {entries.map((e, i) => (
              <StoreItem key={`${e.batch}-${i}`} at={e.at} word={HOW_WORDS[e.how]}>
                <span role="cell" className="store-change">
                  {words(e)}
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
