import { useCallback, useEffect, useMemo, useState } from 'react';
import { splitCellKey } from '../../../shared/api/contract';
import type { MoneyUnit } from '../../../shared/money/fen';
import type { CellKey } from '../../../shared/api/contract';
import type { CellMarks } from '../audit/cellMarks';
import type { LayoutRow, TableLayout } from '../../../shared/engine/types';
import { ConfirmDialog } from '../app/ConfirmDialog';
import { errorText, type ReportSession } from '../app/reportSession';
import { rowName } from '../edit/place';
import { AddSubjectBox } from '../subject/AddSubjectBox';
import { ReportGrid, type FocusedRow, type Notify } from './ReportGrid';
import { CellMenu, type CellMenuAt } from '../history/CellMenu';
import { CellHistoryDialog } from '../history/CellHistoryDialog';
import { describeCell } from '../edit/place';
import type { KindLike } from '../../../shared/pack/cellKind';
import type { CellMenuHandler } from './cellMenu';
import { NamedRowTools } from './NamedRowTools';
import { namedSource } from '../../../shared/pack/namedRows';

interface Props {
  session: ReportSession;
  tableId: string;
  unit: MoneyUnit;
  notify: Notify;
  marks?: CellMarks | null;
  focusCell?: { key: CellKey; nonce: number; at?: number } | null;
}

/** Rows that go with a 科目 row: itself and every row below it in the tree. */
function rowsUnder(layout: TableLayout, side: number, row: LayoutRow): LayoutRow[] {
  const rows = layout.sides[side]?.rows ?? [];
  if (!row.code) return [row];
  const code = row.code;
  return rows.filter((r) => r.id === row.id || (r.code !== undefined && r.code !== code && r.code.startsWith(code)));
}

function isEmpty(session: ReportSession, layout: TableLayout): boolean {
  return layout.sides.every((s) => s.rows.every((r) => r.cells.every((c) => !session.valueOf(layout.table.id, r.id, c))));
}

/** One table as the published page shows it: title, 部门 / 公开0N表 / 金额单位 line, the grid, notes. */
export function TableView({ session, tableId, unit, notify, marks, focusCell }: Props) {
  const [version, setVersion] = useState(0);
  const [valuesTick, setValuesTick] = useState(0);
  const [focusedRow, setFocusedRow] = useState<FocusedRow | null>(null);
  const [removing, setRemoving] = useState<FocusedRow | null>(null);
  const [menu, setMenu] = useState<(CellMenuAt & { kind: KindLike }) | null>(null);
  const [history, setHistory] = useState<(CellMenuAt & { kind: KindLike }) | null>(null);
  const layout = useMemo(() => session.engine.layout(tableId), [session, tableId, version]);
  const table = layout.table;

  useEffect(
    () =>
      session.on({
        rows: (t) => {
          if (t === tableId) setVersion((v) => v + 1);
        },
        cells: (keys) => {
          if (keys.some((k) => splitCellKey(k).table === tableId)) setValuesTick((v) => v + 1);
        },
      }),
    [session, tableId],
  );
  useEffect(() => setFocusedRow(null), [tableId, version]);

  const subjectSide = table.sides.findIndex((s) => s.rows.some((r) => r.type === 'subject'));
  const subjectSource = table.sides[subjectSide]?.rows.find((r) => r.type === 'subject');
  const present = useMemo(
    () => new Set((layout.sides[subjectSide]?.rows ?? []).flatMap((r) => (r.code ? [r.code] : []))),
    [layout, subjectSide],
  );
  const empty = useMemo(() => isEmpty(session, layout), [session, layout, valuesTick]);

  const requestRemove = useCallback((row: FocusedRow) => setRemoving(row), []);
  const openCellMenu = useCallback<CellMenuHandler>(
    ({ row, column, kind, x, y }) => setMenu({ table: tableId, row: row.id, col: column.id, place: describeCell(table, row, column), x, y, kind }),
    [tableId, table],
  );
  const closeMenu = useCallback(() => setMenu(null), []);
  const removable = focusedRow?.row.removable ? focusedRow : null;
  const named = namedSource(table);

  const removal = useMemo(() => {
    if (!removing) return null;
    const rows = rowsUnder(layout, removing.side, removing.row);
    const cells = rows.reduce((n, r) => n + r.inputs.filter((c) => session.isFilled(table.id, r.id, c)).length, 0);
    return { rows, cells };
  }, [removing, layout, session, table.id]);

  const confirmRemove = async () => {
    const target = removing;
    setRemoving(null);
    if (!target) return;
    try {
      const change = await session.removeRow(table.id, target.row.id);
      notify('info', target.row.named ? `已删除“${target.row.label}”（${change.droppedInputs.length} 个已填单元格）` : `已删除科目 ${rowName(target.row)}（共 ${change.removed.length} 行，${change.droppedInputs.length} 个已填单元格）`);
    } catch (err) {
      notify('error', `删除失败：${errorText(err)}`);
    }
  };

  return (
    <section className="table-view" aria-label={`${table.code} ${table.title}`}>
      <header className="table-head">
        <h1 className="table-title">{table.title}</h1>
        <div className="table-meta">
          <span>部门：{session.unit.name}</span>
          <span className="table-meta-right">
            <span className="table-code">{table.code}</span>
            <span>金额单位：{unit}</span>
          </span>
        </div>
      </header>
      {subjectSource && subjectSource.type === 'subject' && !session.consolidated && (
        <div className="row-tools">
          <AddSubjectBox session={session} table={table.id} catalogue={subjectSource.catalogue} present={present} notify={notify} />
          <button type="button" disabled={!removable} onClick={() => removable && setRemoving(removable)} title="删除选中的科目行及其下级科目">
            删除行
          </button>
          <span className="hint">
            {removable ? `选中：${rowName(removable.row)}` : '选中一个科目行后可删除；类、款行随项自动出现'}
          </span>
        </div>
      )}
      {named && !session.consolidated && (
        <NamedRowTools
          session={session}
          table={table.id}
          source={named}
          selected={removable?.row.named ? removable.row : null}
          onRemove={() => removable && setRemoving(removable)}
          notify={notify}
        />
      )}
      <ReportGrid
        session={session}
        layout={layout}
        unit={unit}
        notify={notify}
        onFocusRow={setFocusedRow}
        onRequestRemove={requestRemove}
        marks={marks}
        focusCell={focusCell}
        onCellMenu={openCellMenu}
      />
      {menu && (
        <CellMenu
          at={menu}
          onClose={closeMenu}
          onHistory={() => {
            setHistory(menu);
            setMenu(null);
          }}
        />
      )}
      {history && (
        <CellHistoryDialog api={session.api} report={session.ref} cell={history} kind={history.kind} unit={unit} onClose={() => setHistory(null)} />
      )}
      {(table.notes?.length || (empty && table.emptyNote)) && (
        <footer className="table-notes">
          {empty && table.emptyNote && <p>{table.emptyNote.replaceAll('{unit}', session.unit.name)}</p>}
          {table.notes?.map((n) => <p key={n}>{n}</p>)}
        </footer>
      )}
      {removing && removal && (
        <ConfirmDialog
          title={removing.row.named ? '删除行' : '删除科目行'}
          message={
            removing.row.named
              ? `删除“${removing.row.label}”这一行，其中已填写的 ${removal.cells} 个单元格将一并删除（可在“修改记录”中恢复）。确定删除吗？`
              : `删除“${rowName(removing.row)}”${removal.rows.length > 1 ? '及其下级科目' : ''}，共 ${removal.rows.length} 行，其中已填写的 ${removal.cells} 个单元格将一并删除。此操作不能撤销，确定删除吗？`
          }
          confirmLabel="删除"
          onConfirm={() => void confirmRemove()}
          onCancel={() => setRemoving(null)}
        />
      )}
    </section>
  );
}
