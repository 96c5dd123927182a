import type { EditRequest } from '../../../shared/engine/types';
import type { CellValue } from '../../../shared/pack/cellKind';

/** One cell change: what it was and what it became. */
export interface CellChange {
  table: string;
  row: string;
  col: string;
  before: CellValue | null;
  after: CellValue | null;
}

/** A batch is undone as one step: a typed value is a batch of one, a paste is one batch. */
export type Batch = CellChange[];

/** The edits that take a batch back (undo) or forward again (redo). */
export function batchEdits(batch: Batch, direction: 'undo' | 'redo'): EditRequest[] {
  return batch.map((c) => ({ table: c.table, row: c.row, col: c.col, value: direction === 'undo' ? c.before : c.after }));
}

/**
 * Undo and redo of committed batches. A step is taken in two moves — `peek` to get the batch, then
 * `confirm` once the store has written it — so a failed write leaves both stacks as they were.
 */
export class UndoStack {
  private done: Batch[] = [];
  private undone: Batch[] = [];

  constructor(private readonly limit = 200) {}

  /** Records a committed batch; a new edit ends any redo chain, as in Excel. */
  record(batch: Batch): void {
    const changed = batch.filter((c) => c.before !== c.after);
    if (changed.length === 0) return;
    this.done.push(changed);
    if (this.done.length > this.limit) this.done.shift();
    this.undone = [];
  }

  peek(direction: 'undo' | 'redo'): Batch | null {
    const stack = direction === 'undo' ? this.done : this.undone;
    return stack[stack.length - 1] ?? null;
  }

  confirm(direction: 'undo' | 'redo'): void {
    const [from, to] = direction === 'undo' ? [this.done, this.undone] : [this.undone, this.done];
    const batch = from.pop();
    if (batch) to.push(batch);
  }

  /** Drops the next step of a direction (it no longer applies: its cells were changed elsewhere). */
  drop(direction: 'undo' | 'redo'): void {
    (direction === 'undo' ? this.done : this.undone).pop();
  }

  /** Forgets every step touching a cell that matches (its row was removed; undoing it would fail or recreate an orphan). */
  forget(matches: (change: CellChange) => boolean): void {
    const touches = (b: Batch): boolean => b.some(matches);
    this.done = this.done.filter((b) => !touches(b));
    this.undone = this.undone.filter((b) => !touches(b));
  }

  /** Starts from a stored history (after a reload); steps that `keep` refuses are left out. */
  load(history: { done: Batch[]; undone: Batch[] }, keep: (batch: Batch) => boolean): void {
    this.done = history.done.filter(keep).slice(-this.limit);
    this.undone = history.undone.filter(keep).slice(-this.limit);
  }

  clear(): void {
    this.done = [];
    this.undone = [];
  }
}
