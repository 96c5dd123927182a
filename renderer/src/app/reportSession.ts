import { cellKey, type Api, type CellKey, type ReportRef, type ReportSnapshot, type UndoHistory, type UndoOp, type Unit } from '../../../shared/api/contract';
import { ReportEngine } from '../../../shared/engine/reportEngine';
import type { EditRequest, ReportEngineApi, RowChange } from '../../../shared/engine/types';
import type { Pack } from '../../../shared/pack/model';
import { engineData } from '../../../shared/engine/engineData';
import type { CellValue } from '../../../shared/pack/cellKind';
import { subjectNamesFromTexts } from '../../../shared/pack/clerkSubjects';
import { describeCell } from '../edit/place';
import { SerialQueue } from '../edit/serialQueue';
import { batchEdits, UndoStack, type Batch } from '../edit/undoStack';

export type CommitResult = { ok: true; changed: CellKey[]; written: number } | { ok: false; message: string };

export interface SessionEvents {
  /** Values changed; the keys of every cell whose value changed (inputs and computed). */
  cells(keys: CellKey[]): void;
  /** Rows of a table came or went. */
  rows(table: string): void;
  /** An undo or redo was written: the workspace opens the table, selects the cell and says what changed. */
  stepped(step: { direction: 'undo' | 'redo'; batch: Batch }): void;
  /** Store write state, for the save indicator. */
  saving(state: { kind: 'saving' } | { kind: 'saved' } | { kind: 'failed'; message: string }): void;
  /**
   * A write the store refused: its cells were shown at once and are now back to what the store holds
   * (`cells` has already been announced for them). The grid says why at the cell.
   */
  reverted(change: { keys: CellKey[]; message: string }): void;
}

/** A cell shown with a value the store has not acknowledged yet: what the store holds, and how many writes to it are in flight. */
interface PendingCell {
  stored: CellValue | null;
  writes: number;
}

/** The clerk-facing text of an error. An AppError's message already names its place in words. */
export function errorText(err: unknown): string {
  return err instanceof Error ? err.message : String(err);
}

/**
 * One open report: the pack, a local engine for live values, and every write to the store.
 * A typed or pasted value is shown at once (the engine recomputes totals and the audit follows) while
 * its write is in flight; the save indicator says 保存中 until the store has committed it. A write the
 * store refuses puts its cells back to what the store holds and says so at the cell, so nothing is
 * ever shown as saved that is not on disk. Writes go through one queue so they land in the order they
 * were made. Row changes (add, remove) still wait for the store.
 */
export const READ_ONLY = '部门汇总表由所属单位的报表汇总计算，不能直接修改；请打开单位的报表修改，或在“调整表”中修改抵销数';

export class ReportSession {
  readonly engine: ReportEngineApi;
  readonly undo = new UndoStack();
  private readonly filled: Set<CellKey>;
  private readonly queue = new SerialQueue();
  private readonly listeners = new Set<Partial<SessionEvents>>();
  /** Cells shown ahead of the store, by key. */
  private readonly pending = new Map<CellKey, PendingCell>();
  private writesInFlight = 0;
  /** Stored items the pack could not take (named by the back end; shown to the clerk when the report opens). */
  readonly unfit: readonly string[];
  /** A department's consolidated report: computed from its units, never typed into. */
  readonly consolidated: boolean;
  /** False while nothing of the report is stored (it is created by the first write). */
  stored: boolean;
  /** A department with units of several kinds: what X-12 compares over its 行政/参公 units. */
  readonly kindScope: ReportSnapshot['kindScope'] | null;

  constructor(
    readonly api: Api,
    readonly pack: Pack,
    readonly unit: Unit,
    readonly year: number,
    snapshot: Pick<ReportSnapshot, 'rows' | 'inputs'> & Partial<Pick<ReportSnapshot, 'texts' | 'strings' | 'subjects' | 'unfit' | 'consolidated' | 'stored' | 'kindScope'>>,
    history?: UndoHistory,
  ) {
    this.engine = new ReportEngine(pack, engineData(snapshot, snapshot.subjects ?? subjectNamesFromTexts(snapshot.texts ?? {})));
    this.filled = new Set([...Object.keys(snapshot.inputs), ...Object.keys(snapshot.strings ?? {})]);
    this.unfit = snapshot.unfit ?? [];
    this.consolidated = snapshot.consolidated === true;
    this.stored = snapshot.stored !== false;
    this.kindScope = snapshot.kindScope ?? null;
    // A step whose cells no longer exist (their 科目 row was removed) cannot be undone; it is left out.
    if (history) this.undo.load(history, (batch) => batch.every((c) => this.engine.isInput(c.table, c.row, c.col)));
  }

  /** Keeps the undo history with the report; a failure costs only the history, never a value. */
  private async keepUndo(step: UndoOp): Promise<void> {
    if (this.consolidated) return;
    try {
      await this.api.recordUndo({ ...this.ref, step });
    } catch {
      // The cells are written; only Ctrl+Z after a reload would miss this step.
    }
  }

  get ref(): ReportRef {
    return this.consolidated ? { unit: this.unit.code, year: this.year, consolidated: true } : { unit: this.unit.code, year: this.year };
  }

  on(listener: Partial<SessionEvents>): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  private emit<K extends keyof SessionEvents>(event: K, ...args: Parameters<SessionEvents[K]>): void {
    for (const l of this.listeners) {
      const fn = l[event] as ((...a: Parameters<SessionEvents[K]>) => void) | undefined;
      fn?.(...args);
    }
  }

  /** The value a cell shows: null for an input nobody filled (shown blank), else the engine's value. */
  valueOf(table: string, row: string, col: string): CellValue | null {
    if (this.engine.isInput(table, row, col) && !this.filled.has(cellKey(table, row, col))) return null;
    return this.engine.cellValue(table, row, col) ?? null;
  }

  isFilled(table: string, row: string, col: string): boolean {
    return this.filled.has(cellKey(table, row, col));
  }

  /** True while a write is in flight (a value is shown that the store has not committed yet). */
  get saving(): boolean {
    return this.writesInFlight > 0;
  }

  /** Resolves when every write asked for so far has been answered by the store. */
  settled(): Promise<void> {
    return this.queue.run(async () => undefined);
  }

  private setShown(edits: readonly { table: string; row: string; col: string; value: CellValue | null }[]): CellKey[] {
    const changed = this.engine.setInputs(edits.map((e) => ({ table: e.table, row: e.row, col: e.col, value: e.value })));
    for (const e of edits) {
      const key = cellKey(e.table, e.row, e.col);
      if (e.value === null) this.filled.delete(key);
      else this.filled.add(key);
    }
    return changed;
  }

  /** The store answered a write of `batch`: on success its values are stored; on failure cells no later write covers go back. */
  private settle(batch: Batch, ok: boolean): CellKey[] {
    const back: { table: string; row: string; col: string; value: CellValue | null }[] = [];
    for (const c of batch) {
      const key = cellKey(c.table, c.row, c.col);
      const p = this.pending.get(key);
      if (!p) continue;
      p.writes -= 1;
      if (ok) p.stored = c.after;
      if (p.writes > 0) continue;
      this.pending.delete(key);
      // A cell whose row was removed meanwhile has nothing left to show.
      if (!ok && this.engine.isInput(c.table, c.row, c.col) && this.valueOf(c.table, c.row, c.col) !== p.stored) back.push({ ...c, value: p.stored });
    }
    if (back.length === 0) return [];
    const changed = this.setShown(back);
    return changed.length > 0 ? changed : back.map((e) => cellKey(e.table, e.row, e.col));
  }

  /**
   * Shows edits at once and writes them in one store transaction. With `record`, the batch becomes
   * one undo step once the store has it. The result says whether the store took it; a refused batch
   * is already taken back off the screen (event `reverted`).
   */
  commit(edits: EditRequest[], record = true, how?: 'typed' | 'paste' | 'undo'): Promise<CommitResult> {
    return Promise.resolve(this.begin(edits, record, how));
  }

  /**
   * Shows the edits and queues their write; a result (not a promise) when nothing was shown (refused
   * at once, or nothing to change). `stored` runs in the queue after the store took the batch (an undo
   * step moves its stacks there); the save indicator says 保存中 until it is done.
   */
  private begin(edits: EditRequest[], record: boolean, how?: 'typed' | 'paste' | 'undo', stored?: () => Promise<void>): CommitResult | Promise<CommitResult> {
    const batch: Batch = edits
      .map((e) => ({ table: e.table, row: e.row, col: e.col, before: this.valueOf(e.table, e.row, e.col), after: e.value }))
      .filter((c) => c.before !== c.after);
    if (batch.length === 0) return { ok: true, changed: [], written: 0 };
    if (this.consolidated) return { ok: false, message: READ_ONLY };
    for (const e of edits) {
      const problem = this.engine.checkEdit(e);
      if (problem) return { ok: false, message: problem };
    }
    const toWrite = batch.map((c) => ({ table: c.table, row: c.row, col: c.col, value: c.after }));
    let changed: CellKey[];
    try {
      // The engine refuses (and undoes) a batch whose totals would leave the exact range.
      changed = this.setShown(toWrite);
    } catch (err) {
      return { ok: false, message: errorText(err) };
    }
    for (const c of batch) {
      const key = cellKey(c.table, c.row, c.col);
      const p = this.pending.get(key) ?? { stored: c.before, writes: 0 };
      p.writes += 1;
      this.pending.set(key, p);
    }
    this.writesInFlight += 1;
    this.emit('saving', { kind: 'saving' });
    this.emit('cells', changed.length > 0 ? changed : toWrite.map((e) => cellKey(e.table, e.row, e.col)));
    return this.queue.run(async () => {
      try {
        // Undo and redo steps are journalled as 撤销 in the edit history; a paste says so itself.
        await this.api.setCells({ ...this.ref, edits: toWrite, how: how ?? (record ? 'typed' : 'undo') });
      } catch (err) {
        const message = errorText(err);
        this.writesInFlight -= 1;
        const back = this.settle(batch, false);
        if (back.length > 0) this.emit('cells', back);
        this.emit('reverted', { keys: batch.map((c) => cellKey(c.table, c.row, c.col)), message });
        this.emit('saving', { kind: 'failed', message });
        return { ok: false, message } satisfies CommitResult;
      }
      this.settle(batch, true);
      this.stored = true;
      if (record) this.undo.record(batch);
      // The undo step is kept with the report before 已保存: a reload then still offers Ctrl+Z.
      if (record) await this.keepUndo({ op: 'push', changes: batch });
      if (stored) await stored();
      this.writesInFlight -= 1;
      if (this.writesInFlight === 0) this.emit('saving', { kind: 'saved' });
      return { ok: true, changed, written: toWrite.length } satisfies CommitResult;
    });
  }

  /** Undo or redo one batch, shown at once; the stacks move only when the store has written it. */
  async step(direction: 'undo' | 'redo'): Promise<CommitResult | null> {
    // An edit still being written becomes an undo step once stored: Ctrl+Z right after Enter undoes it.
    await this.settled();
    const batch = this.undo.peek(direction);
    if (!batch) return null;
    // A step applies only to the values it left: a cell changed since (an import, another window)
    // would be overwritten by undoing it, so such a step is refused and dropped.
    const moved = batch.find((c) => this.valueOf(c.table, c.row, c.col) !== (direction === 'undo' ? c.after : c.before));
    if (moved) {
      this.undo.drop(direction);
      const table = this.pack.tables.find((t) => t.id === moved.table);
      const row = this.engine.layout(moved.table).sides.flatMap((s) => s.rows).find((r) => r.id === moved.row);
      const column = table?.columns.find((c) => c.id === moved.col);
      const where = table && row && column ? describeCell(table, row, column) : `${moved.table} ${moved.row} ${moved.col}`;
      return { ok: false, message: `${where} 的值已在别处改动，这一步不能再${direction === 'undo' ? '撤销' : '重做'}（已从记录中移除）` };
    }
    const started = this.begin(batchEdits(batch, direction), false, undefined, async () => {
      this.undo.confirm(direction);
      await this.keepUndo({ op: direction });
    });
    if (!(started instanceof Promise)) return started;
    // Shown at once: the workspace opens the table, selects the cell and says what was undone.
    this.emit('stepped', { direction, batch });
    return started;
  }

  /** Adds 项 rows to a subject table (parents come by themselves). */
  /** `names` names codes the catalogue lacks (the clerk's own 科目, marked and listed by G-1). */
  addRows(table: string, codes: string[], names?: Record<string, string>): Promise<RowChange> {
    return this.queue.run(async () => {
      if (this.consolidated) throw new Error(READ_ONLY);
      this.emit('saving', { kind: 'saving' });
      try {
        await this.api.addRows({ ...this.ref, table, rows: codes, ...(names ? { names } : {}) });
      } catch (err) {
        this.emit('saving', { kind: 'failed', message: errorText(err) });
        throw err;
      }
      const change = this.engine.addRows(table, codes, names);
      if (this.writesInFlight === 0) this.emit('saving', { kind: 'saved' });
      this.emit('rows', table);
      return change;
    });
  }

  /** Adds a row with a name to a table with a named side; the store gives its id. */
  addNamedRow(table: string, name: string): Promise<string> {
    return this.queue.run(async () => {
      if (this.consolidated) throw new Error(READ_ONLY);
      this.emit('saving', { kind: 'saving' });
      let row: string;
      try {
        row = (await this.api.addNamedRow({ ...this.ref, table, name })).row;
      } catch (err) {
        this.emit('saving', { kind: 'failed', message: errorText(err) });
        throw err;
      }
      this.engine.restoreNamedRows(table, [row]);
      this.engine.renameRow(table, row, name);
      this.stored = true;
      if (this.writesInFlight === 0) this.emit('saving', { kind: 'saved' });
      this.emit('rows', table);
      return row;
    });
  }

  /** Renames a named row. */
  renameRow(table: string, row: string, name: string): Promise<void> {
    return this.queue.run(async () => {
      if (this.consolidated) throw new Error(READ_ONLY);
      this.emit('saving', { kind: 'saving' });
      try {
        await this.api.renameRow({ ...this.ref, table, row, name });
      } catch (err) {
        this.emit('saving', { kind: 'failed', message: errorText(err) });
        throw err;
      }
      this.engine.renameRow(table, row, name);
      if (this.writesInFlight === 0) this.emit('saving', { kind: 'saved' });
      this.emit('rows', table);
    });
  }

  /** Removes a 科目 row, the rows below it and their inputs. */
  removeRow(table: string, row: string): Promise<RowChange> {
    return this.queue.run(async () => {
      if (this.consolidated) throw new Error(READ_ONLY);
      this.emit('saving', { kind: 'saving' });
      try {
        await this.api.removeRow({ ...this.ref, table, row });
      } catch (err) {
        this.emit('saving', { kind: 'failed', message: errorText(err) });
        throw err;
      }
      const change = this.engine.removeRow(table, row);
      const dropped = new Set(change.droppedInputs);
      for (const key of dropped) this.filled.delete(key);
      const gone = new Set(change.removed);
      this.undo.forget((c) => c.table === table && gone.has(c.row));
      if (this.writesInFlight === 0) this.emit('saving', { kind: 'saved' });
      this.emit('rows', table);
      return change;
    });
  }
}
