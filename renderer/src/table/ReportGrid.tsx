import { useCallback, useEffect, useMemo, useRef, type ClipboardEvent as ReactClipboardEvent, type KeyboardEvent as ReactKeyboardEvent } from 'react';
import { AgGridReact } from 'ag-grid-react';
import type {
  CellClassParams,
  CellEditRequestEvent,
  ColDef,
  GetRowIdParams,
  GridApi,
  GridReadyEvent,
  ValueFormatterParams,
  ValueGetterParams,
} from 'ag-grid-community';
import { cellKey, splitCellKey, type CellKey } from '../../../shared/api/contract';
import type { LayoutRow, TableLayout } from '../../../shared/engine/types';
import type { MoneyUnit } from '../../../shared/money/fen';
import { resolveCellKind } from '../../../shared/pack/cellKind';
import { formatCell, parseCell } from '../edit/cellText';
import { parseClipboardText } from '../edit/clipboardText';
import { describeCell } from '../edit/place';
import { pasteSummary, planPaste } from '../edit/pastePlan';
import type { ReportSession } from '../app/reportSession';
import type { CellMarks } from '../audit/cellMarks';
import { buildColumnDefs, tableColumns, type CellValue, type ColumnMeta } from './columnDefs';
import { buildGridRows, indexRows, LANCI_ROW, type GridRow } from './gridRows';
import { gridTheme } from './gridTheme';

export type Notify = (kind: 'error' | 'info', text: string) => void;

export interface FocusedRow {
  side: number;
  row: LayoutRow;
}

interface Props {
  session: ReportSession;
  layout: TableLayout;
  unit: MoneyUnit;
  notify: Notify;
  onFocusRow(row: FocusedRow | null): void;
  onRequestRemove(row: FocusedRow): void;
  /** Audit marks on offending and related cells. */
  marks?: CellMarks | null;
  /** A cell to select and scroll to (an audit result was clicked); `nonce` repeats the same cell. */
  focusCell?: { key: CellKey; nonce: number } | null;
}

const PINNED = [LANCI_ROW];
const DEFAULT_COL_DEF: ColDef<GridRow, CellValue> = {
  sortable: false,
  suppressMovable: true,
  resizable: true,
  wrapHeaderText: true,
  autoHeaderHeight: true,
  suppressHeaderMenuButton: true,
};
const rowIdOf = (p: GetRowIdParams<GridRow>): string => p.data.key;

/**
 * The spreadsheet of one table. Values are read from the session's engine on every render of a
 * cell (valueGetter), so after a commit only the changed cells need a refresh. Edits never change
 * the grid's data directly (readOnlyEdit): they go to the store first and show once written.
 */
export function ReportGrid({ session, layout, unit, notify, onFocusRow, onRequestRemove, marks, focusCell }: Props) {
  const apiRef = useRef<GridApi<GridRow> | null>(null);
  const unitRef = useRef(unit);
  unitRef.current = unit;
  const table = layout.table;
  const metas = useMemo(() => tableColumns(table), [table]);
  const metaById = useMemo(() => new Map(metas.map((m) => [m.colId, m])), [metas]);
  const rows = useMemo(() => buildGridRows(layout), [layout]);
  const rowIndex = useMemo(() => indexRows(layout), [layout]);

  const columnDefs = useMemo(() => {
    const rowOf = (meta: ColumnMeta, data: GridRow | undefined): LayoutRow | null => data?.sides[meta.side] ?? null;
    const base = (meta: ColumnMeta): ColDef<GridRow, CellValue> => ({
      valueGetter: (p: ValueGetterParams<GridRow, CellValue>): CellValue => {
        const data = p.data;
        if (!data) return null;
        if (data.lanci) {
          if (meta.role === 'data') return meta.column?.lanci ?? '';
          if (meta.role === 'code' || meta.role === 'item') return '栏次';
          return '';
        }
        const row = rowOf(meta, data);
        if (!row) return null;
        switch (meta.role) {
          case 'code':
            return row.code ?? '';
          case 'name':
          case 'item':
            // A 科目 the year's catalogue lacks is marked where the clerk reads its name (audit G-1 lists it too).
            return row.ownSubject ? `${row.label}（目录外）` : row.label;
          case 'line':
            return row.lineNo ?? '';
          case 'data': {
            const col = meta.column?.id ?? '';
            if (!row.cells.includes(col)) return null;
            return session.valueOf(table.id, row.id, col);
          }
        }
      },
      valueFormatter: (p: ValueFormatterParams<GridRow, CellValue>): string => {
        const v = p.value;
        if (typeof v === 'number') {
          const row = rowOf(meta, p.data);
          return formatCell(v, resolveCellKind(meta.column, row ?? undefined), unitRef.current);
        }
        return v ?? '';
      },
      editable: (p) => {
        if (meta.role !== 'data' || !p.data || p.data.lanci) return false;
        const row = rowOf(meta, p.data);
        return !!row && row.inputs.includes(meta.column?.id ?? '');
      },
      cellEditor: 'agTextCellEditor',
      cellEditorParams: { useFormatter: true },
      cellClass: (p: CellClassParams<GridRow, CellValue>): string[] => {
        const data = p.data;
        if (!data) return [];
        if (data.lanci) return ['cell-lanci'];
        const row = rowOf(meta, data);
        const classes: string[] = [];
        if (row?.total) classes.push('cell-total');
        if (meta.role === 'data') {
          const col = meta.column?.id ?? '';
          classes.push('cell-number');
          // A line with no row (padding) is plain; a row without this cell is hatched, as printed tables cross such boxes out.
          if (!row) classes.push('cell-void');
          else if (!row.cells.includes(col)) classes.push('cell-none');
          else {
            classes.push(row.inputs.includes(col) ? 'cell-input' : 'cell-calc');
            if (marks) classes.push(...marks.classesOf(cellKey(table.id, row.id, col)));
          }
        } else {
          classes.push('cell-head');
          if (meta.role === 'code' || meta.role === 'line') classes.push('cell-center');
          if (!row) classes.push('cell-void');
        }
        return classes;
      },
      cellStyle: (p) => {
        if (meta.role !== 'name' && meta.role !== 'item') return undefined;
        const row = rowOf(meta, p.data);
        return row && row.indent > 0 ? { paddingLeft: `${8 + row.indent * 16}px` } : undefined;
      },
      headerClass: 'header-center',
    });
    return buildColumnDefs(table, metas, base);
  }, [table, metas, session, marks]);

  const refreshKeys = useCallback(
    (keys: readonly CellKey[]) => {
      const api = apiRef.current;
      if (!api) return;
      const nodes = new Set<number>();
      const colIds = new Set<string>();
      for (const key of keys) {
        const { table: t, row, col } = splitCellKey(key);
        if (t !== table.id) continue;
        rowIndex.forEach((index, side) => {
          const line = index.get(row);
          if (line === undefined) return;
          nodes.add(line);
          colIds.add(`s${side}:${col}`);
        });
      }
      if (nodes.size === 0) return;
      const rowNodes = [...nodes].flatMap((i) => {
        const node = api.getDisplayedRowAtIndex(i);
        return node ? [node] : [];
      });
      api.refreshCells({ rowNodes, columns: [...colIds], force: true });
    },
    [table.id, rowIndex],
  );

  // Values of other cells change after a commit: refresh exactly those.
  useEffect(() => session.on({ cells: refreshKeys }), [session, refreshKeys]);
  // Audit marks change in the same commit; only the cells whose marks changed are redrawn.
  useEffect(() => marks?.subscribe(refreshKeys), [marks, refreshKeys]);

  const pendingFocus = useRef<Props['focusCell']>(null);
  const applyFocus = useCallback(() => {
    const api = apiRef.current;
    const target = pendingFocus.current;
    if (!api || !target) return;
    const { table: t, row, col } = splitCellKey(target.key);
    if (t !== table.id) return;
    const side = rowIndex.findIndex((index) => index.has(row));
    const line = rowIndex[side]?.get(row);
    if (line === undefined) return;
    const colId = `s${side}:${col}`;
    pendingFocus.current = null;
    api.ensureIndexVisible(line, 'middle');
    api.ensureColumnVisible(colId);
    api.setFocusedCell(line, colId);
  }, [table.id, rowIndex]);
  useEffect(() => {
    pendingFocus.current = focusCell ?? null;
    applyFocus();
  }, [focusCell, applyFocus]);

  useEffect(() => {
    apiRef.current?.refreshCells({ force: true });
  }, [unit]);

  const focused = useCallback((): { meta: ColumnMeta; line: number; row: LayoutRow | null } | null => {
    const api = apiRef.current;
    const cell = api?.getFocusedCell();
    if (!api || !cell || cell.rowPinned) return null;
    const meta = metaById.get(cell.column.getColId());
    const data = api.getDisplayedRowAtIndex(cell.rowIndex)?.data;
    if (!meta || !data) return null;
    return { meta, line: cell.rowIndex, row: data.sides[meta.side] ?? null };
  }, [metaById]);

  const commitOne = useCallback(
    async (row: LayoutRow, meta: ColumnMeta, value: number | null) => {
      const column = meta.column;
      if (!column) return;
      const result = await session.commit([{ table: table.id, row: row.id, col: column.id, value }]);
      if (!result.ok) notify('error', `未保存：${describeCell(table, row, column)}：${result.message}`);
    },
    [session, table, notify],
  );

  const onCellEditRequest = useCallback(
    (event: CellEditRequestEvent<GridRow, CellValue>) => {
      const meta = metaById.get(event.column.getColId());
      const row = meta && event.data ? (event.data.sides[meta.side] ?? null) : null;
      const column = meta?.column;
      if (!meta || !row || !column) return;
      const text = event.newValue === null || event.newValue === undefined ? '' : String(event.newValue);
      const old = session.valueOf(table.id, row.id, column.id);
      // F2 then Enter without a change: the editor held the formatted (maybe rounded 万元) text; keep the exact value.
      const kind = resolveCellKind(column, row);
      if (text === formatCell(old, kind, unitRef.current)) return;
      const parsed = parseCell(text, kind, unitRef.current);
      if (!parsed.ok) {
        notify('error', `输入有误，未写入：${describeCell(table, row, column)}：${parsed.message}`);
        // Enter has already moved on; bring the clerk back to the cell to retype, as Excel's validation does.
        const api = apiRef.current;
        const line = event.node.rowIndex;
        if (api && line !== null) setTimeout(() => api.setFocusedCell(line, event.column), 0);
        return;
      }
      void commitOne(row, meta, parsed.fen);
    },
    [metaById, session, table, notify, commitOne],
  );

  const onKeyDownCapture = useCallback(
    (event: ReactKeyboardEvent<HTMLDivElement>) => {
      const api = apiRef.current;
      if (!api || api.getEditingCells().length > 0) return;
      const target = event.target;
      if (target instanceof HTMLInputElement || target instanceof HTMLTextAreaElement) return;
      const key = event.key;
      const ctrl = event.ctrlKey || event.metaKey;
      if (ctrl && !event.altKey && (key === 'z' || key === 'Z' || key === 'y' || key === 'Y')) {
        event.preventDefault();
        event.stopPropagation();
        const direction = (key === 'z' || key === 'Z') && !event.shiftKey ? 'undo' : 'redo';
        void session.step(direction).then((result) => {
          if (result === null) notify('info', direction === 'undo' ? '没有可撤销的操作' : '没有可重做的操作');
          else if (!result.ok) notify('error', `${direction === 'undo' ? '撤销' : '重做'}失败：${result.message}`);
        });
        return;
      }
      if ((key === 'Delete' || key === 'Backspace') && !ctrl && !event.altKey) {
        const at = focused();
        if (!at) return;
        event.preventDefault();
        event.stopPropagation();
        const { meta, row } = at;
        if (!row) return;
        if (meta.role === 'code' || meta.role === 'name') {
          if (key === 'Delete' && row.removable) onRequestRemove({ side: meta.side, row });
          return;
        }
        const column = meta.column;
        if (meta.role !== 'data' || !column || !row.cells.includes(column.id)) return;
        if (!row.inputs.includes(column.id)) {
          notify('info', `${describeCell(table, row, column)} 是自动计算的单元格，不能清除`);
          return;
        }
        void commitOne(row, meta, null);
      }
    },
    [session, notify, focused, onRequestRemove, table, commitOne],
  );

  const onPaste = useCallback(
    (event: ReactClipboardEvent<HTMLDivElement>) => {
      const api = apiRef.current;
      if (!api || api.getEditingCells().length > 0) return;
      const target = event.target;
      if (target instanceof HTMLInputElement || target instanceof HTMLTextAreaElement) return;
      event.preventDefault();
      const at = focused();
      if (!at || at.meta.role !== 'data' || !at.meta.column) {
        notify('info', '请先选中要粘贴到的第一个金额单元格');
        return;
      }
      const side = at.meta.side;
      const sideDef = table.sides[side];
      const byId = new Map(table.columns.map((c) => [c.id, c]));
      const columns = (sideDef?.columns ?? []).flatMap((id) => {
        const c = byId.get(id);
        return c ? [c] : [];
      });
      const plan = planPaste(
        {
          table,
          rows: rows.map((r) => r.sides[side] ?? null),
          columns,
          startRow: at.line,
          startCol: columns.findIndex((c) => c.id === at.meta.column?.id),
          unit: unitRef.current,
        },
        parseClipboardText(event.clipboardData.getData('text/plain')),
      );
      if (!plan.ok) {
        notify('error', plan.message);
        return;
      }
      if (plan.edits.length === 0) {
        notify('info', `${pasteSummary(plan)}：粘贴区域内没有可填写的单元格`);
        return;
      }
      void session.commit(plan.edits).then((result) => {
        if (result.ok) notify('info', pasteSummary(plan));
        else notify('error', `粘贴未保存：${result.message}`);
      });
    },
    [focused, notify, table, rows, session],
  );

  const onCopy = useCallback(
    (event: ReactClipboardEvent<HTMLDivElement>) => {
      const api = apiRef.current;
      if (!api || api.getEditingCells().length > 0) return;
      const target = event.target;
      if (target instanceof HTMLInputElement || target instanceof HTMLTextAreaElement) return;
      const cell = api.getFocusedCell();
      if (!cell) return;
      const node = cell.rowPinned ? api.getPinnedTopRow(cell.rowIndex) : api.getDisplayedRowAtIndex(cell.rowIndex);
      if (!node) return;
      const value = api.getCellValue({ rowNode: node, colKey: cell.column, useFormatter: true });
      event.preventDefault();
      event.clipboardData.setData('text/plain', value === null || value === undefined ? '' : String(value));
    },
    [],
  );

  const onCellFocused = useCallback(() => {
    const at = focused();
    onFocusRow(at?.row ? { side: at.meta.side, row: at.row } : null);
  }, [focused, onFocusRow]);

  const onGridReady = useCallback(
    (event: GridReadyEvent<GridRow>) => {
      apiRef.current = event.api;
      applyFocus();
    },
    [applyFocus],
  );

  return (
    <div className="grid-wrap" onKeyDownCapture={onKeyDownCapture} onPaste={onPaste} onCopy={onCopy} data-table={table.id}>
      <AgGridReact<GridRow>
        theme={gridTheme}
        columnDefs={columnDefs}
        rowData={rows}
        pinnedTopRowData={PINNED}
        getRowId={rowIdOf}
        defaultColDef={DEFAULT_COL_DEF}
        readOnlyEdit
        onCellEditRequest={onCellEditRequest}
        enterNavigatesVertically
        enterNavigatesVerticallyAfterEdit
        stopEditingWhenCellsLoseFocus
        suppressDragLeaveHidesColumns
        onCellFocused={onCellFocused}
        onGridReady={onGridReady}
      />
    </div>
  );
}
