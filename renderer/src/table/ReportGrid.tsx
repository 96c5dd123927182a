/**
 * The spreadsheet of one table, typed as in Excel. React draws the table's structure (rows, columns,
 * header) only when the layout changes; values, the cursor, the selection, audit marks and paste
 * highlights are painted straight onto the cells, so a keystroke repaints only what it changed.
 *
 * One text box (the editor) holds the keyboard focus the whole time: in `ready` it is invisible and
 * empty, so the first character typed — or an input method's composition — goes into it and starts
 * entry with nothing lost. Keys are read through the keymap (edit/keymap.ts); where the cursor goes
 * through edit/gridNav.ts, which steps over every cell that cannot be typed into.
 *
 * Nothing typed is lost silently: an entry is committed by Enter/Tab/arrows, by a click elsewhere, by
 * the editor losing focus (another tab, another window), by the grid closing, and on pagehide.
 */
import { memo, useCallback, useEffect, useLayoutEffect, useMemo, useRef, useState, type ClipboardEvent as ReactClipboardEvent } from 'react';
import type { CellKey } from '../../../shared/api/contract';
import type { EditRequest, LayoutRow, TableLayout } from '../../../shared/engine/types';
import type { MoneyUnit } from '../../../shared/money/fen';
import { ReportEngine } from '../../../shared/engine/reportEngine';
import { codecOf, displayCellValue, type CellValue } from '../../../shared/pack/cellKind';
import type { ReportSession } from '../app/reportSession';
import { markGridPainted, markPasteStart } from '../audit/auditPerf';
import type { CellMarks } from '../audit/cellMarks';
import { formatCell, parseCell } from '../edit/cellText';
import { notTypableReason } from '../edit/cellRole';
import { parseClipboardText } from '../edit/clipboardText';
import { toHtml, toTsv } from '../edit/clipboardOut';
import { extend, lineEdge, pageStep, rangeOf, sheetEdge, step, tabStep, type Pos, type Range } from '../edit/gridNav';
import { keyAction, type EditMode, type Then } from '../edit/keymap';
import { describeCell } from '../edit/place';
import { decidePaste, shapedSummary, type ShapedPaste } from '../edit/pasteShapes';
import type { PasteArea } from '../edit/pastePlan';
import { loadWidths, MIN_WIDTH, saveWidths } from './columnWidths';
import { headerRows } from './headerRows';
import { buildSheetModel, type SheetModel } from './sheetModel';
import { cellMenuTarget, type CellMenuHandler } from './cellMenu';

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
  /**
   * A cell to select and scroll to (an audit result was clicked, an undo); `nonce` repeats the same cell;
   * `at` (performance.now()) when it was asked — a jump older than the clerk's last click or key is stale.
   */
  focusCell?: { key: CellKey; nonce: number; at?: number } | null;
  /** Right click on an input cell: its 修改记录 menu (see cellMenu.ts). */
  onCellMenu?: CellMenuHandler;
}

const ROW_HEIGHT = 26;
const HASHES = '########################';

/** Static classes of a cell (drawn with the structure); dynamic ones are painted. */
function staticClasses(model: SheetModel, line: number, col: number): string {
  const c = model.cell(line, col);
  const classes: string[] = [];
  if (c.row?.total) classes.push('cell-total');
  if (c.meta.role === 'data') {
    // Text is left-aligned like text; amounts, counts, decimals and percents right-aligned like numbers.
    classes.push(codecOf(c.kind).alignLeft ? 'cell-text' : 'cell-number');
    if (!c.row) classes.push('cell-void');
    else if (!c.key) classes.push('cell-none');
    else classes.push(c.input ? 'cell-input' : 'cell-calc');
  } else {
    classes.push('cell-head');
    if (c.meta.role === 'code' || c.meta.role === 'line') classes.push('cell-center');
    if (!c.row) classes.push('cell-void');
  }
  return classes.join(' ');
}

function labelText(model: SheetModel, line: number, col: number): string {
  const c = model.cell(line, col);
  if (!c.row) return '';
  switch (c.meta.role) {
    case 'code':
      return c.row.code ?? '';
    case 'name':
    case 'item':
      // A 科目 the year's catalogue lacks is marked where the clerk reads its name (audit G-1 lists it too).
      return c.row.ownSubject ? `${c.row.label}（目录外）` : c.row.label;
    case 'line':
      return c.row.lineNo ?? '';
    default:
      return '';
  }
}

interface BodyProps {
  model: SheetModel;
  pinnedCount: number;
}

/** The rows: drawn once per layout. Data cells are left empty here and painted by the grid. */
const SheetBody = memo(function SheetBody({ model, pinnedCount }: BodyProps) {
  return (
    <tbody>
      {model.lines.map((line, i) => (
        <tr key={line.key} data-line={i}>
          {model.metas.map((meta, col) => {
            const isLabel = meta.role !== 'data';
            const text = isLabel ? labelText(model, i, col) : null;
            const cell = model.cell(i, col);
            const indent = isLabel && (meta.role === 'name' || meta.role === 'item') && cell.row ? cell.row.indent : 0;
            return (
              <td
                key={meta.colId}
                data-col={meta.colId}
                className={`${staticClasses(model, i, col)}${col < pinnedCount ? ' cell-pinned' : ''}`}
                style={col < pinnedCount ? { left: `var(--pin-${col})`, ...(indent ? { paddingLeft: 6 + indent * 14 } : {}) } : indent ? { paddingLeft: 6 + indent * 14 } : undefined}
                title={isLabel && text ? text : undefined}
              >
                {text}
              </td>
            );
          })}
        </tr>
      ))}
    </tbody>
  );
});

export function ReportGrid({ session, layout, unit, notify, onFocusRow, onRequestRemove, marks, focusCell, onCellMenu }: Props) {
  const table = layout.table;
  const model = useMemo(() => buildSheetModel(layout), [layout]);
  const header = useMemo(() => headerRows(table, model.metas), [table, model]);
  // Side 0's row headings stay in view when the amounts scroll sideways.
  const pinnedCount = useMemo(() => {
    const first = model.metas.findIndex((m) => m.role === 'data');
    return first < 0 ? 0 : first;
  }, [model]);
  const [widths, setWidths] = useState(() => loadWidths(session.pack.id, table.id, model.metas, table.sides.length));
  useEffect(() => setWidths(loadWidths(session.pack.id, table.id, model.metas, table.sides.length)), [session.pack.id, table.id, model.metas, table.sides.length]);

  const scrollRef = useRef<HTMLDivElement>(null);
  const tableRef = useRef<HTMLTableElement>(null);
  const editorRef = useRef<HTMLInputElement>(null);
  const bubbleRef = useRef<HTMLDivElement>(null);
  const [choice, setChoice] = useState<{ block: ShapedPaste; ledger: ShapedPaste } | null>(null);

  // Everything the keyboard reads lives in refs: handlers run synchronously, key after key, with no re-render between.
  const st = useRef({
    active: { line: 0, col: 0 } as Pos,
    anchor: { line: 0, col: 0 } as Pos,
    mode: 'ready' as EditMode,
    /** Text the editor opened with in `edit` (F2) mode, to tell an unchanged Enter from an edit. */
    original: '',
    tabStartCol: null as number | null,
    composing: false,
    painted: new Set<HTMLTableCellElement>(),
    pasted: [] as HTMLTableCellElement[],
    marked: new Map<HTMLTableCellElement, readonly string[]>(),
    dragging: false,
    lastInput: 0,
    /** A cell whose entry was refused in the message bar (the clerk had left it); corrected, the bar says so. */
    refusedKey: null as CellKey | null,
  });
  const unitRef = useRef(unit);
  unitRef.current = unit;
  const modelRef = useRef(model);
  modelRef.current = model;

  const td = useCallback((line: number, col: number): HTMLTableCellElement | null => {
    const body = tableRef.current?.tBodies[0];
    return (body?.rows[line]?.cells[col] as HTMLTableCellElement | undefined) ?? null;
  }, []);

  // ---- painting -------------------------------------------------------------------------------

  const paintValue = useCallback(
    (line: number, col: number, el: HTMLTableCellElement) => {
      const c = modelRef.current.cell(line, col);
      if (!c.key || !c.row || !c.meta.column) return;
      const value = session.valueOf(table.id, c.row.id, c.meta.column.id);
      const text = formatCell(value, c.kind, unitRef.current);
      el.textContent = text;
      el.dataset.value = text;
      if (marks) {
        const before = st.current.marked.get(el) ?? [];
        const now = marks.classesOf(c.key);
        if (before.length || now.length) {
          el.classList.remove(...before);
          el.classList.add(...now);
          st.current.marked.set(el, now);
        }
      }
    },
    [session, table.id, marks],
  );

  /** An amount wider than its column shows ####, as Excel does: never a number with digits cut off. */
  const fitValues = useCallback((cells: HTMLTableCellElement[]) => {
    const wide = cells.filter((el) => el.textContent && el.scrollWidth > el.clientWidth + 1);
    for (const el of wide) {
      // A text too long for its column ends in “…” and shows whole on hover.
      if (el.classList.contains('cell-text')) {
        el.title = el.dataset.value ?? '';
        continue;
      }
      el.title = el.dataset.value ?? '';
      el.textContent = HASHES.slice(0, Math.max(3, Math.floor(el.clientWidth / 8) - 1));
      el.classList.add('cell-hashes');
    }
  }, []);

  const paintCells = useCallback(
    (positions: { line: number; col: number }[]) => {
      const els: HTMLTableCellElement[] = [];
      for (const { line, col } of positions) {
        const el = td(line, col);
        if (!el) continue;
        if (el.classList.contains('cell-hashes')) {
          el.classList.remove('cell-hashes');
          el.removeAttribute('title');
        }
        el.classList.remove('cell-reverted');
        paintValue(line, col, el);
        els.push(el);
      }
      fitValues(els);
    },
    [td, paintValue, fitValues],
  );

  const paintAll = useCallback(() => {
    const m = modelRef.current;
    const positions: { line: number; col: number }[] = [];
    for (let line = 0; line < m.lines.length; line += 1) for (let col = 0; col < m.metas.length; col += 1) if (m.cell(line, col).key) positions.push({ line, col });
    paintCells(positions);
  }, [paintCells]);

  const paintKeys = useCallback(
    (keys: readonly CellKey[]) => {
      const m = modelRef.current;
      paintCells(keys.flatMap((k) => m.posOf(k)));
      markGridPainted();
    },
    [paintCells],
  );

  const selection = useCallback((): Range => rangeOf(st.current.anchor, st.current.active), []);

  const paintSelection = useCallback(() => {
    const s = st.current;
    for (const el of s.painted) el.classList.remove('cell-sel', 'cell-active');
    s.painted.clear();
    const r = selection();
    const single = r.top === r.bottom && r.left === r.right;
    if (!single) {
      for (let line = r.top; line <= r.bottom; line += 1) {
        for (let col = r.left; col <= r.right; col += 1) {
          const el = td(line, col);
          if (el) {
            el.classList.add('cell-sel');
            s.painted.add(el);
          }
        }
      }
    }
    const el = td(s.active.line, s.active.col);
    if (el) {
      el.classList.add('cell-active');
      s.painted.add(el);
    }
  }, [selection, td]);

  const clearPasted = useCallback(() => {
    for (const el of st.current.pasted) el.classList.remove('cell-pasted');
    st.current.pasted = [];
  }, []);

  // ---- the editor and the in-place message --------------------------------------------------

  const placeOver = useCallback(
    (el: HTMLElement, pos: Pos) => {
      const cell = td(pos.line, pos.col);
      if (!cell) return;
      el.style.top = `${cell.offsetTop}px`;
      el.style.left = `${cell.offsetLeft}px`;
      el.style.textAlign = cell.classList.contains('cell-text') ? 'left' : '';
      el.style.width = `${Math.max(cell.offsetWidth, 60)}px`;
      el.style.height = `${cell.offsetHeight}px`;
    },
    [td],
  );

  const hideBubble = useCallback(() => {
    const b = bubbleRef.current;
    if (b && !b.hidden) b.hidden = true;
  }, []);

  /** A message beside a cell (the active one unless `at` is given). */
  const say = useCallback(
    (text: string, kind: 'refuse' | 'error', at?: Pos) => {
      const b = bubbleRef.current;
      const pos = at ?? st.current.active;
      const cell = td(pos.line, pos.col);
      if (!b || !cell) return;
      b.textContent = text;
      b.className = `sheet-bubble sheet-bubble-${kind}`;
      b.hidden = false;
      b.style.top = `${cell.offsetTop + cell.offsetHeight + 2}px`;
      b.style.left = `${Math.max(0, cell.offsetLeft + cell.offsetWidth - 360)}px`;
    },
    [td],
  );

  const setMode = useCallback(
    (mode: EditMode, text = '') => {
      const s = st.current;
      const ed = editorRef.current;
      s.mode = mode;
      if (!ed) return;
      ed.classList.toggle('editing', mode !== 'ready');
      if (mode === 'ready') {
        if (ed.value !== '') ed.value = '';
        return;
      }
      placeOver(ed, s.active);
      if (text !== ed.value) ed.value = text;
    },
    [placeOver],
  );

  const scrollIntoView = useCallback(
    (pos: Pos) => {
      const sc = scrollRef.current;
      const cell = td(pos.line, pos.col);
      const head = tableRef.current?.tHead;
      if (!sc || !cell) return;
      const headH = head?.offsetHeight ?? 0;
      const top = cell.offsetTop;
      const bottom = top + cell.offsetHeight;
      if (top - headH < sc.scrollTop) sc.scrollTop = top - headH;
      else if (bottom > sc.scrollTop + sc.clientHeight) sc.scrollTop = bottom - sc.clientHeight;
      if (pos.col >= pinnedCount) {
        const pinned = pinnedCount > 0 ? (td(pos.line, pinnedCount - 1)?.offsetLeft ?? 0) + (td(pos.line, pinnedCount - 1)?.offsetWidth ?? 0) : 0;
        const left = cell.offsetLeft;
        const right = left + cell.offsetWidth;
        if (left - pinned < sc.scrollLeft) sc.scrollLeft = left - pinned;
        else if (right > sc.scrollLeft + sc.clientWidth) sc.scrollLeft = right - sc.clientWidth;
      }
    },
    [td, pinnedCount],
  );

  const reportRow = useCallback(() => {
    const c = modelRef.current.cell(st.current.active.line, st.current.active.col);
    onFocusRow(c.row ? { side: c.meta.side, row: c.row } : null);
  }, [onFocusRow]);

  /** Puts the cursor on a cell (and the selection with it unless extending). */
  const moveTo = useCallback(
    (pos: Pos, opts: { extend?: boolean; keepTabRun?: boolean } = {}) => {
      const s = st.current;
      const rowChanged = pos.line !== s.active.line || modelRef.current.cell(pos.line, pos.col).meta.side !== modelRef.current.cell(s.active.line, s.active.col).meta.side;
      s.active = pos;
      if (!opts.extend) s.anchor = pos;
      if (!opts.keepTabRun) s.tabStartCol = null;
      hideBubble();
      paintSelection();
      scrollIntoView(pos);
      if (rowChanged || !opts.extend) reportRow();
    },
    [hideBubble, paintSelection, scrollIntoView, reportRow],
  );

  const focusEditor = useCallback(() => {
    const ed = editorRef.current;
    if (ed && document.activeElement !== ed) ed.focus({ preventScroll: true });
  }, []);

  // ---- committing -----------------------------------------------------------------------------

  const write = useCallback(
    (edits: EditRequest[], what: string, how?: 'paste') => {
      return session.commit(edits, true, how).then((result) => {
        if (!result.ok) notify('error', `${what}未保存：${result.message}`);
        return result;
      });
    },
    [session, notify],
  );

  /**
   * Commits what the editor holds to the active cell. Returns false (and keeps the entry open, with
   * the reason beside the cell) when the text is not a value of the cell's kind.
   */
  const commitEntry = useCallback(
    (leaving: boolean): boolean => {
      const s = st.current;
      if (s.mode === 'ready') return true;
      const ed = editorRef.current;
      const text = ed?.value ?? '';
      const c = modelRef.current.cell(s.active.line, s.active.col);
      const column = c.meta.column;
      if (!c.key || !c.input || !c.row || !column) {
        setMode('ready');
        return true;
      }
      if (s.mode === 'edit' && text === s.original) {
        setMode('ready');
        return true;
      }
      const parsed = parseCell(text, c.kind, unitRef.current);
      if (!parsed.ok) {
        const where = describeCell(table, c.row, column);
        if (leaving) {
          // The clerk has gone elsewhere: the text cannot stay open, so it is named where they will see it.
          notify('error', `输入有误，未写入：${where}：${parsed.message}`);
          s.refusedKey = c.key;
          setMode('ready');
          return true;
        }
        say(`${parsed.message}。请改正后按 Enter，或按 Esc 放弃`, 'error');
        return false;
      }
      setMode('ready');
      const corrected = s.refusedKey === c.key ? describeCell(table, c.row, column) : null;
      void write([{ table: table.id, row: c.row.id, col: column.id, value: parsed.value }], '').then((res) => {
        if (res.ok && corrected && s.refusedKey === c.key) {
          s.refusedKey = null;
          notify('info', `已改正：${corrected}`);
        }
      });
      return true;
    },
    [setMode, table, notify, say, write],
  );

  const go = useCallback(
    (then: Then) => {
      const s = st.current;
      const shape = modelRef.current.shape;
      switch (then) {
        case 'enter':
        case 'shiftEnter': {
          const down = then === 'enter';
          const from = down && s.tabStartCol !== null ? { line: s.active.line, col: s.tabStartCol } : s.active;
          let next = step(shape, from, down ? 'down' : 'up');
          if (next === from && from !== s.active) next = s.active;
          moveTo(next);
          return;
        }
        case 'tab':
        case 'shiftTab': {
          if (s.tabStartCol === null) s.tabStartCol = s.active.col;
          moveTo(tabStep(shape, s.active, then === 'shiftTab'), { keepTabRun: true });
          return;
        }
        default:
          moveTo(step(shape, s.active, then));
      }
    },
    [moveTo],
  );

  const inputEditsOf = useCallback(
    (r: Range, value: (line: number, col: number) => CellValue | null): EditRequest[] => {
      const m = modelRef.current;
      const edits: EditRequest[] = [];
      for (let line = r.top; line <= r.bottom; line += 1) {
        for (let col = r.left; col <= r.right; col += 1) {
          const c = m.cell(line, col);
          if (!c.input || !c.row || !c.meta.column) continue;
          edits.push({ table: table.id, row: c.row.id, col: c.meta.column.id, value: value(line, col) });
        }
      }
      return edits;
    },
    [table.id],
  );

  // ---- clipboard ------------------------------------------------------------------------------

  const selectionMatrix = useCallback((): string[][] => {
    const m = modelRef.current;
    const r = selection();
    const out: string[][] = [];
    for (let line = r.top; line <= r.bottom; line += 1) {
      const row: string[] = [];
      for (let col = r.left; col <= r.right; col += 1) {
        const c = m.cell(line, col);
        if (c.meta.role !== 'data') row.push(labelText(m, line, col).trim());
        else if (!c.key || !c.row || !c.meta.column) row.push('');
        else {
          const v = session.valueOf(table.id, c.row.id, c.meta.column.id);
          row.push(v === null ? '' : displayCellValue(v, c.kind, { unit: unitRef.current, grouping: false }));
        }
      }
      out.push(row);
    }
    return out;
  }, [selection, session, table.id]);

  const clearSelection = useCallback(
    (what: string) => {
      const r = selection();
      const edits = inputEditsOf(r, () => null).filter((e) => session.isFilled(e.table, e.row, e.col));
      if (edits.length === 0) {
        const single = r.top === r.bottom && r.left === r.right;
        const c = modelRef.current.cell(r.top, r.left);
        if (single && !c.input) say(notTypableReason(c.row, c.meta.column, !!c.key, c.meta.role), 'refuse');
        return;
      }
      void write(edits, what).then((res) => res.ok && notify('info', `已清除 ${edits.length} 个单元格（Ctrl+Z 可撤销）`));
    },
    [selection, inputEditsOf, session, write, notify, say],
  );

  const pasteArea = useCallback(
    (start: Pos): (PasteArea & { side: number }) | null => {
      const m = modelRef.current;
      const meta = m.metas[start.col];
      if (!meta || meta.role !== 'data' || !meta.column) return null;
      const side = meta.side;
      const columns = m.metas.filter((x) => x.side === side && x.role === 'data' && x.column).map((x) => x.column!);
      return {
        side,
        table,
        rows: m.lines.map((l) => l.sides[side] ?? null),
        columns,
        startRow: start.line,
        startCol: columns.findIndex((c) => c.id === meta.column?.id),
        unit: unitRef.current,
      };
    },
    [table],
  );

  const applyPaste = useCallback(
    (paste: ShapedPaste) => {
      setChoice(null);
      // After a click on the one-line choice, the keyboard goes back to the grid (Ctrl+Z undoes the paste).
      focusEditor();
      if (paste.edits.length === 0) {
        notify('info', shapedSummary(paste));
        return;
      }
      void write(paste.edits, '粘贴', 'paste').then((res) => {
        if (!res.ok) return;
        clearPasted();
        const m = modelRef.current;
        const start = st.current.active;
        const area = pasteArea(start);
        if (!area) return;
        for (const l of paste.landed) {
          const col = m.metas.findIndex((meta) => meta.side === area.side && meta.column?.id === area.columns[l.col]?.id);
          const el = td(l.row, col);
          if (el) {
            el.classList.add('cell-pasted');
            st.current.pasted.push(el);
          }
        }
        notify(paste.notLanded.length > 0 ? 'error' : 'info', shapedSummary(paste));
      });
    },
    [write, notify, clearPasted, td, pasteArea, focusEditor],
  );

  const totalsOracle = useCallback(
    (edits: EditRequest[], cells: { row: string; col: string }[]) => {
      // A scratch engine with the paste applied: what this table would compute at the skipped cells.
      try {
        const scratch = new ReportEngine(session.pack, { rows: session.engine.addedRows(), inputs: session.engine.inputs() });
        scratch.setInputs(edits);
        return cells.map((c) => scratch.value(table.id, c.row, c.col) ?? null);
      } catch {
        return cells.map(() => null);
      }
    },
    [session, table.id],
  );

  // ---- keyboard -------------------------------------------------------------------------------

  const onKeyDown = useCallback(
    (e: React.KeyboardEvent<HTMLInputElement>) => {
      const s = st.current;
      s.lastInput = performance.now();
      if (e.nativeEvent.isComposing || e.key === 'Process' || s.composing) return;
      const action = keyAction({ key: e.key, ctrl: e.ctrlKey || e.metaKey, shift: e.shiftKey, alt: e.altKey }, s.mode);
      if (!action) {
        if (s.mode === 'ready' && (e.key === 'Escape')) {
          hideBubble();
          clearPasted();
        }
        return;
      }
      e.preventDefault();
      const m = modelRef.current;
      const shape = m.shape;
      clearPasted();
      switch (action.type) {
        case 'move':
          moveTo(step(shape, s.active, action.dir));
          return;
        case 'extend':
          moveTo(extend(shape, s.active, action.dir, m.firstDataCol), { extend: true });
          return;
        case 'commit':
          if (!commitEntry(false)) return;
          go(action.then);
          return;
        case 'edit': {
          const c = m.cell(s.active.line, s.active.col);
          if (!c.input || !c.row || !c.meta.column) {
            say(notTypableReason(c.row, c.meta.column, !!c.key, c.meta.role), 'refuse');
            return;
          }
          if (s.mode === 'enter') {
            s.mode = 'edit';
            s.original = '\u0000';
            return;
          }
          const v = session.valueOf(table.id, c.row.id, c.meta.column.id);
          const text = v === null ? '' : displayCellValue(v, c.kind, { unit: unitRef.current, grouping: false });
          s.original = text;
          setMode('edit', text);
          const ed = editorRef.current;
          if (ed) ed.setSelectionRange(text.length, text.length);
          return;
        }
        case 'cancel':
          setMode('ready');
          hideBubble();
          return;
        case 'clearAndEdit': {
          const c = m.cell(s.active.line, s.active.col);
          if (!c.input) {
            say(notTypableReason(c.row, c.meta.column, !!c.key, c.meta.role), 'refuse');
            return;
          }
          s.original = '\u0000';
          setMode('enter', '');
          return;
        }
        case 'clear': {
          const c = m.cell(s.active.line, s.active.col);
          const r = selection();
          if (c.meta.role !== 'data' && r.top === r.bottom && c.row?.removable) {
            onRequestRemove({ side: c.meta.side, row: c.row });
            return;
          }
          clearSelection('清除');
          return;
        }
        case 'selectAll': {
          // The whole table's numbers; the selection's far corner carries the cursor, so Shift+arrows shrink it.
          s.anchor = { line: 0, col: m.firstDataCol };
          s.active = { line: Math.max(0, m.lines.length - 1), col: m.metas.length - 1 };
          paintSelection();
          return;
        }
        case 'fillDown': {
          const r = selection();
          const top = r.top === r.bottom ? r.top - 1 : r.top;
          if (top < 0) return;
          const source = (col: number): CellValue | null => {
            const c = m.cell(top, col);
            return c.row && c.meta.column && c.key ? session.valueOf(table.id, c.row.id, c.meta.column.id) : null;
          };
          const target: Range = { ...r, top: top + 1 };
          const edits = inputEditsOf(target, (_line, col) => source(col));
          if (edits.length === 0) return;
          void write(edits, '向下填充').then((res) => res.ok && notify('info', `已向下填充 ${edits.length} 个单元格（Ctrl+Z 可撤销）`));
          return;
        }
        case 'undo':
        case 'redo':
          void session.step(action.type).then((result) => {
            if (result === null) notify('info', action.type === 'undo' ? '没有可撤销的操作' : '没有可重做的操作');
            else if (!result.ok) notify('error', `${action.type === 'undo' ? '撤销' : '重做'}失败：${result.message}`);
          });
          return;
        case 'lineStart':
        case 'lineEnd':
          moveTo(lineEdge(shape, s.active, action.type === 'lineEnd'));
          return;
        case 'sheetStart':
        case 'sheetEnd':
          moveTo(sheetEdge(shape, s.active, action.type === 'sheetEnd'));
          return;
        case 'page': {
          if (!commitEntry(false)) return;
          const rows = Math.max(1, Math.floor((scrollRef.current?.clientHeight ?? 300) / ROW_HEIGHT) - 2);
          moveTo(pageStep(shape, s.active, rows, action.down));
          return;
        }
      }
    },
    [moveTo, commitEntry, go, say, setMode, hideBubble, clearPasted, selection, clearSelection, onRequestRemove, paintSelection, inputEditsOf, write, notify, session, table.id],
  );

  /** A character (or a composition) arrived in the editor: entry starts, or the cell says why it cannot. */
  const startEntry = useCallback((): boolean => {
    const s = st.current;
    if (s.mode !== 'ready') return true;
    const c = modelRef.current.cell(s.active.line, s.active.col);
    if (!c.input) {
      say(notTypableReason(c.row, c.meta.column, !!c.key, c.meta.role), 'refuse');
      return false;
    }
    clearPasted();
    hideBubble();
    s.anchor = s.active;
    paintSelection();
    s.original = '\u0000';
    const ed = editorRef.current;
    setMode('enter', ed?.value ?? '');
    return true;
  }, [say, setMode, clearPasted, hideBubble, paintSelection]);

  const onInput = useCallback(() => {
    const s = st.current;
    if (s.mode !== 'ready' || s.composing) return;
    if (!startEntry()) {
      const ed = editorRef.current;
      if (ed) ed.value = '';
    }
  }, [startEntry]);

  const onCompositionStart = useCallback(() => {
    st.current.composing = true;
    startEntry();
  }, [startEntry]);

  const onCompositionEnd = useCallback(() => {
    const s = st.current;
    s.composing = false;
    if (s.mode === 'ready') {
      const ed = editorRef.current;
      if (ed) ed.value = '';
    }
  }, []);

  const onBlur = useCallback(() => {
    if (st.current.mode !== 'ready') commitEntry(true);
  }, [commitEntry]);

  const onCopy = useCallback(
    (e: ReactClipboardEvent<HTMLInputElement>) => {
      if (st.current.mode !== 'ready') return;
      e.preventDefault();
      const matrix = selectionMatrix();
      e.clipboardData.setData('text/plain', toTsv(matrix));
      e.clipboardData.setData('text/html', toHtml(matrix));
    },
    [selectionMatrix],
  );

  const onCut = useCallback(
    (e: ReactClipboardEvent<HTMLInputElement>) => {
      if (st.current.mode !== 'ready') return;
      onCopy(e);
      clearSelection('剪切');
    },
    [onCopy, clearSelection],
  );

  const onPaste = useCallback(
    (e: ReactClipboardEvent<HTMLInputElement>) => {
      if (st.current.mode !== 'ready') return;
      e.preventDefault();
      markPasteStart();
      const r = selection();
      const start = { line: r.top, col: r.left };
      const area = pasteArea(start);
      if (!area) {
        say('请先选中要粘贴到的第一个数字单元格', 'refuse');
        return;
      }
      st.current.active = start;
      st.current.anchor = start;
      paintSelection();
      const decision = decidePaste(area, parseClipboardText(e.clipboardData.getData('text/plain')), totalsOracle);
      if (decision.kind === 'refused') notify('error', decision.message);
      else if (decision.kind === 'one') applyPaste(decision.paste);
      else setChoice({ block: decision.block, ledger: decision.ledger });
    },
    [selection, pasteArea, say, paintSelection, totalsOracle, notify, applyPaste],
  );

  // ---- mouse ----------------------------------------------------------------------------------

  const posOfEvent = (target: EventTarget | null): Pos | null => {
    const cell = target instanceof HTMLElement ? target.closest('td') : null;
    const tr = cell?.parentElement;
    if (!cell || !tr || tr.parentElement?.tagName !== 'TBODY') return null;
    const line = Number((tr as HTMLTableRowElement).dataset.line);
    return Number.isInteger(line) ? { line, col: (cell as HTMLTableCellElement).cellIndex } : null;
  };

  const onContextMenu = (e: React.MouseEvent) => {
    const pos = onCellMenu ? posOfEvent(e.target) : null;
    const target = pos ? cellMenuTarget(modelRef.current, pos, e.clientX, e.clientY) : null;
    if (!target || !onCellMenu) return;
    e.preventDefault();
    onCellMenu(target);
  };

  const onMouseDown = useCallback(
    (e: React.MouseEvent) => {
      if (e.button !== 0) return;
      const pos = posOfEvent(e.target);
      if (!pos) return;
      e.preventDefault();
      const s = st.current;
      s.lastInput = performance.now();
      const same = pos.line === s.active.line && pos.col === s.active.col;
      if (s.mode !== 'ready' && !same && !commitEntry(false)) return;
      clearPasted();
      if (e.detail === 2 && same) {
        focusEditor();
        onKeyDown({ key: 'F2', ctrlKey: false, metaKey: false, shiftKey: false, altKey: false, nativeEvent: { isComposing: false }, preventDefault() {} } as unknown as React.KeyboardEvent<HTMLInputElement>);
        return;
      }
      if (!same || s.mode === 'ready') moveTo(pos, { extend: e.shiftKey && modelRef.current.metas[pos.col]?.role === 'data' });
      s.dragging = true;
      focusEditor();
    },
    [commitEntry, clearPasted, moveTo, focusEditor, onKeyDown],
  );

  const onMouseOver = useCallback(
    (e: React.MouseEvent) => {
      const s = st.current;
      if (!s.dragging || s.mode !== 'ready' || (e.buttons & 1) === 0) return;
      const pos = posOfEvent(e.target);
      if (!pos || modelRef.current.metas[pos.col]?.role !== 'data') return;
      if (pos.line === s.active.line && pos.col === s.active.col) return;
      s.active = pos;
      paintSelection();
    },
    [paintSelection],
  );

  useEffect(() => {
    const up = () => {
      st.current.dragging = false;
    };
    window.addEventListener('mouseup', up);
    return () => window.removeEventListener('mouseup', up);
  }, []);

  // ---- column widths --------------------------------------------------------------------------

  const startResize = useCallback(
    (col: number, e: React.MouseEvent) => {
      e.preventDefault();
      e.stopPropagation();
      const startX = e.clientX;
      const startW = widths[col] ?? 100;
      let latest = widths;
      const move = (ev: MouseEvent) => {
        const w = Math.max(MIN_WIDTH, Math.round(startW + ev.clientX - startX));
        latest = widths.map((x, i) => (i === col ? w : x));
        setWidths(latest);
      };
      const up = () => {
        window.removeEventListener('mousemove', move);
        window.removeEventListener('mouseup', up);
        saveWidths(session.pack.id, table.id, modelRef.current.metas, latest);
      };
      window.addEventListener('mousemove', move);
      window.addEventListener('mouseup', up);
    },
    [widths, session.pack.id, table.id],
  );

  const pinStyle = useMemo(() => {
    const vars: Record<string, string> = {};
    let left = 0;
    for (let i = 0; i < pinnedCount; i += 1) {
      vars[`--pin-${i}`] = `${left}px`;
      left += widths[i] ?? 0;
    }
    return { ...vars, width: `${widths.reduce((a, b) => a + b, 0)}px` } as React.CSSProperties;
  }, [widths, pinnedCount]);

  // ---- lifecycle ------------------------------------------------------------------------------

  // After the structure is drawn (first time, new rows, new widths): values, marks, cursor.
  useLayoutEffect(() => {
    const s = st.current;
    // React keeps the cells of rows that stay (the 合计 after a row is added): take the painted cursor off them.
    for (const el of s.painted) el.classList.remove('cell-sel', 'cell-active');
    s.painted.clear();
    s.marked.clear();
    s.pasted = [];
    const m = modelRef.current;
    if (s.active.line >= m.lines.length || s.active.col >= m.metas.length || (!m.shape.isInput(s.active.line, s.active.col) && s.active.line === 0 && s.active.col === 0)) {
      const first = sheetEdge(m.shape, { line: 0, col: m.firstDataCol }, false);
      s.active = first;
      s.anchor = first;
    }
    paintAll();
    paintSelection();
    if (s.mode !== 'ready') {
      const ed = editorRef.current;
      if (ed) placeOver(ed, s.active);
    }
  }, [model, widths, unit, paintAll, paintSelection, placeOver]);

  /** The store refused a write that was shown at once: its cells are back to the stored value (already repainted); say so at them. */
  const showReverted = useCallback(
    ({ keys, message }: { keys: CellKey[]; message: string }) => {
      const positions = keys.flatMap((k) => modelRef.current.posOf(k));
      for (const { line, col } of positions) td(line, col)?.classList.add('cell-reverted');
      const first = positions[0];
      if (first) say(`未保存，已恢复为保存的值：${message}`, 'error', first);
    },
    [td, say],
  );

  useEffect(() => session.on({ cells: paintKeys, reverted: showReverted }), [session, paintKeys, showReverted]);
  useEffect(() => marks?.subscribe(paintKeys), [marks, paintKeys]);

  // An audit jump or an undo: select the cell, bring it fully into view, take the keyboard.
  useEffect(() => {
    if (!focusCell) return;
    if (focusCell.at !== undefined && st.current.lastInput > focusCell.at) return;
    const positions = modelRef.current.posOf(focusCell.key);
    const pos = positions[0];
    if (!pos) return;
    // Already there (an undo in this table selects the cell it changed): an entry the clerk has begun stays open.
    if (pos.line === st.current.active.line && pos.col === st.current.active.col && st.current.mode !== 'ready') return;
    if (st.current.mode !== 'ready') commitEntry(true);
    moveTo(pos);
    focusEditor();
  }, [focusCell, moveTo, focusEditor, commitEntry]);

  // Focus the grid when it opens, so typing works at once.
  useEffect(() => {
    if (!focusCell) focusEditor();
    // Only when the grid opens.
  }, []);

  // Leaving: the grid closing (another tab), the page hiding or unloading, commits what is typed.
  useEffect(() => {
    const flush = () => {
      if (st.current.mode !== 'ready') commitEntry(true);
    };
    window.addEventListener('pagehide', flush);
    window.addEventListener('beforeunload', flush);
    return () => {
      window.removeEventListener('pagehide', flush);
      window.removeEventListener('beforeunload', flush);
      flush();
    };
  }, [commitEntry]);

  return (
    <div className="grid-wrap" data-table={table.id}>
      {choice && (
        <div className="paste-choice" role="group" aria-label="选择粘贴方式">
          <span>剪贴板内容可以两种方式粘贴：</span>
          <button type="button" className="primary" onClick={() => applyPaste(choice.block)}>
            按行对应（含类、款行，同表格式）
          </button>
          <button type="button" onClick={() => applyPaste(choice.ledger)}>
            只填项行（依次跳过类、款行）
          </button>
          <button
            type="button"
            onClick={() => {
              setChoice(null);
              focusEditor();
            }}
          >
            取消
          </button>
        </div>
      )}
      <div className="sheet-scroll" ref={scrollRef} onMouseDown={onMouseDown} onMouseOver={onMouseOver} onContextMenu={onContextMenu}>
        <div className="sheet-inner">
          <table className="sheet" ref={tableRef} style={pinStyle}>
            <colgroup>
              {widths.map((w, i) => (
                <col key={model.metas[i]?.colId ?? i} style={{ width: `${w}px` }} />
              ))}
            </colgroup>
            <thead>
              {header.map((row, r) => (
                <tr key={r}>
                  {row.map((h) => (
                    <th
                      key={`${r}-${h.first}`}
                      colSpan={h.colSpan}
                      rowSpan={h.rowSpan}
                      className={h.first < pinnedCount && h.first + h.colSpan <= pinnedCount ? 'cell-pinned' : undefined}
                      style={h.first < pinnedCount && h.first + h.colSpan <= pinnedCount ? { left: `var(--pin-${h.first})` } : undefined}
                      data-col={h.leaf !== undefined ? model.metas[h.leaf]?.colId : undefined}
                    >
                      {h.label}
                      {h.leaf !== undefined && <span className="col-resize" onMouseDown={(e) => startResize(h.leaf ?? 0, e)} aria-hidden="true" />}
                    </th>
                  ))}
                </tr>
              ))}
              <tr className="lanci-row">
                {model.metas.map((meta, i) => (
                  <th key={meta.colId} className={i < pinnedCount ? 'cell-pinned' : undefined} style={i < pinnedCount ? { left: `var(--pin-${i})` } : undefined}>
                    {meta.role === 'data' ? (meta.column?.lanci ?? '') : meta.role === 'code' || meta.role === 'item' ? '栏次' : ''}
                  </th>
                ))}
              </tr>
            </thead>
            <SheetBody model={model} pinnedCount={pinnedCount} />
          </table>
          <input
            ref={editorRef}
            className="sheet-editor"
            aria-label={`${table.code} 单元格输入`}
            autoComplete="off"
            spellCheck={false}
            inputMode="decimal"
            onKeyDown={onKeyDown}
            onInput={onInput}
            onCompositionStart={onCompositionStart}
            onCompositionEnd={onCompositionEnd}
            onBlur={onBlur}
            onCopy={onCopy}
            onCut={onCut}
            onPaste={onPaste}
          />
          <div ref={bubbleRef} className="sheet-bubble" role="status" hidden />
        </div>
      </div>
    </div>
  );
}
