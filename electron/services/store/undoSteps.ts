/**
 * The undo history of a report in the store: steps pushed as the clerk edits, moved between the
 * done and undone stacks by Ctrl+Z / Ctrl+Y, a new edit dropping the redo chain, as the grid's own
 * stack does (renderer/src/edit/undoStack.ts). Each operation is one transaction.
 */
import type { UndoChange, UndoHistory, UndoOp } from '../../../shared/api/contract';
import type { Database } from './database';

/** Steps kept per report; older ones are dropped, as the grid's stack drops them. */
export const UNDO_LIMIT = 200;

interface StepRow {
  seq: number;
  undone: number;
  changes: string;
}

export async function loadUndo(db: Database, reportId: number): Promise<UndoHistory> {
  const rows = await db.all<StepRow>('SELECT seq, undone, changes FROM undo_steps WHERE report_id = ? ORDER BY seq', [reportId]);
  const done: UndoChange[][] = [];
  const undone: UndoChange[][] = [];
  for (const r of rows) {
    const batch = JSON.parse(r.changes) as UndoChange[];
    if (r.undone) undone.unshift(batch);
    else done.push(batch);
  }
  // `undone` is a stack too: its last element is the next redo (the step undone most recently, lowest seq).
  return { done, undone };
}

export async function applyUndoOp(db: Database, reportId: number, op: UndoOp): Promise<void> {
  await db.transaction(async (tx) => {
    switch (op.op) {
      case 'push': {
        await tx.run('DELETE FROM undo_steps WHERE report_id = ? AND undone = 1', [reportId]);
        const top = await tx.get<{ seq: number | null }>('SELECT MAX(seq) AS seq FROM undo_steps WHERE report_id = ?', [reportId]);
        await tx.run('INSERT INTO undo_steps (report_id, seq, undone, changes) VALUES (?, ?, 0, ?)', [reportId, (top?.seq ?? 0) + 1, JSON.stringify(op.changes)]);
        await tx.run(
          'DELETE FROM undo_steps WHERE report_id = ? AND seq NOT IN (SELECT seq FROM undo_steps WHERE report_id = ? ORDER BY seq DESC LIMIT ?)',
          [reportId, reportId, UNDO_LIMIT],
        );
        return;
      }
      case 'undo':
        await tx.run('UPDATE undo_steps SET undone = 1 WHERE report_id = ? AND seq = (SELECT MAX(seq) FROM undo_steps WHERE report_id = ? AND undone = 0)', [reportId, reportId]);
        return;
      case 'redo':
        await tx.run('UPDATE undo_steps SET undone = 0 WHERE report_id = ? AND seq = (SELECT MIN(seq) FROM undo_steps WHERE report_id = ? AND undone = 1)', [reportId, reportId]);
        return;
      case 'clear':
        await tx.run('DELETE FROM undo_steps WHERE report_id = ?', [reportId]);
        return;
    }
  });
}
