import { cellKey, type Api, type CellKey, type ReportRef, type ReportSnapshot, type UndoHistory, type UndoOp, type Unit } from '../../../shared/api/contract';
import { ReportEngine } from '../../../shared/engine/reportEngine';
import type { EditRequest, ReportEngineApi, RowChange } from '../../../shared/engine/types';
import type { Pack } from '../../../shared/pack/model';
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
}

/** The clerk-facing text of an error. An AppError's message already names its place in words. */
export function errorText(err: unknown): string {
  return err instanceof Error ? err.message : String(err);
}

/**
 * One open report: the pack, a local engine for live values, and every write to the store.
 * A change is applied to the engine only after the store has it, so what the clerk sees is always
 * what is on disk. Writes go through one queue so they land in the order they were made.
 */
export const READ_ONLY = '部门汇总表由所属单位的报表汇总计算，不能直接修改；请打开单位的报表修改，或在“调整表”中修改抵销数';

export class ReportSession {
  readonly engine: ReportEngineApi;
  readonly undo = new UndoStack();
  private readonly filled: Set<CellKey>;
  private readonly queue = new SerialQueue();
  private readonly listeners = new Set<Partial<SessionEvents>>();
  /** A department's consolidated report: computed from its units, never typed into. */
  readonly consolidated: boolean;
  /** False while nothing of the report is stored (it is created by the first write). */
  stored: boolean;

  constructor(
    private readonly api: Api,
    readonly pack: Pack,
    readonly unit: Unit,
    readonly year: number,
    snapshot: Pick<ReportSnapshot, 'rows' | 'inputs'> & Partial<Pick<ReportSnapshot, 'texts' | 'subjects' | 'consolidated' | 'stored'>>,
    history?: UndoHistory,
  ) {
    this.engine = new ReportEngine(pack, { rows: snapshot.rows, inputs: snapshot.inputs, subjects: snapshot.subjects ?? subjectNamesFromTexts(snapshot.texts ?? {}) });
    this.filled = new Set(Object.keys(snapshot.inputs));
    this.consolidated = snapshot.consolidated === true;
    this.stored = snapshot.stored !== false;
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
  valueOf(table: string, row: string, col: string): number | null {
    if (this.engine.isInput(table, row, col) && !this.filled.has(cellKey(table, row, col))) return null;
    return this.engine.value(table, row, col) ?? null;
  }

  isFilled(table: string, row: string, col: string): boolean {
    return this.filled.has(cellKey(table, row, col));
  }

  /**
   * Writes edits in one store transaction, then shows them. With `record`, the batch becomes one
   * undo step. Nothing is applied when the store refuses.
   */
  commit(edits: EditRequest[], record = true): Promise<CommitResult> {
    return this.queue.run(async () => {
      const batch: Batch = edits
        .map((e) => ({ table: e.table, row: e.row, col: e.col, before: this.valueOf(e.table, e.row, e.col), after: e.value }))
        .filter((c) => c.before !== c.after);
      if (batch.length === 0) return { ok: true, changed: [], written: 0 } satisfies CommitResult;
      if (this.consolidated) return { ok: false, message: READ_ONLY } satisfies CommitResult;
      for (const e of edits) {
        const problem = this.engine.checkEdit(e);
        if (problem) return { ok: false, message: problem } satisfies CommitResult;
      }
      const toWrite = batch.map((c) => ({ table: c.table, row: c.row, col: c.col, value: c.after }));
      this.emit('saving', { kind: 'saving' });
      try {
        await this.api.setCells({ ...this.ref, edits: toWrite });
      } catch (err) {
        const message = errorText(err);
        this.emit('saving', { kind: 'failed', message });
        return { ok: false, message } satisfies CommitResult;
      }
      const changed = this.engine.setInputs(toWrite);
      this.stored = true;
      for (const e of toWrite) {
        const key = cellKey(e.table, e.row, e.col);
        if (e.value === null) this.filled.delete(key);
        else this.filled.add(key);
      }
      if (record) this.undo.record(batch);
      this.emit('saving', { kind: 'saved' });
      this.emit('cells', changed.length > 0 ? changed : toWrite.map((e) => cellKey(e.table, e.row, e.col)));
      if (record) await this.keepUndo({ op: 'push', changes: batch });
      return { ok: true, changed, written: toWrite.length } satisfies CommitResult;
    });
  }

  /** Undo or redo one batch; the stacks move only when the store has written it. */
  async step(direction: 'undo' | 'redo'): Promise<CommitResult | null> {
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
    const result = await this.commit(batchEdits(batch, direction), false);
    if (result.ok) {
      this.undo.confirm(direction);
      this.emit('stepped', { direction, batch });
      await this.queue.run(() => this.keepUndo({ op: direction }));
    }
    return result;
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
      this.emit('saving', { kind: 'saved' });
      this.emit('rows', table);
      return change;
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
      this.emit('saving', { kind: 'saved' });
      this.emit('rows', table);
      return change;
    });
  }
}
