import { describe, expect, it } from 'vitest';
import { batchEdits, UndoStack, type Batch } from '../../renderer/src/edit/undoStack';

const typed = (after: number | null, before: number | null = null): Batch => [
  { table: 'T03', row: '2010301', col: 'c2', before, after },
];

describe('UndoStack', () => {
  it('undoes and redoes batches in order, moving only on confirm', () => {
    const stack = new UndoStack();
    stack.record(typed(100));
    stack.record(typed(200, 100));
    const last = stack.peek('undo');
    expect(last && batchEdits(last, 'undo')).toEqual([{ table: 'T03', row: '2010301', col: 'c2', value: 100 }]);
    // A failed write: nothing confirmed, the same batch is offered again.
    expect(stack.peek('undo')).toBe(last);
    stack.confirm('undo');
    expect(stack.peek('undo')?.[0]?.after).toBe(100);
    const redo = stack.peek('redo');
    expect(redo && batchEdits(redo, 'redo')).toEqual([{ table: 'T03', row: '2010301', col: 'c2', value: 200 }]);
    stack.confirm('redo');
    expect(stack.peek('redo')).toBeNull();
    expect(stack.peek('undo')?.[0]?.after).toBe(200);
  });

  it('a new edit ends the redo chain; unchanged cells are not recorded', () => {
    const stack = new UndoStack();
    stack.record(typed(100));
    stack.confirm('undo');
    expect(stack.peek('redo')).not.toBeNull();
    stack.record(typed(5, 5));
    expect(stack.peek('redo')).not.toBeNull();
    stack.record(typed(7));
    expect(stack.peek('redo')).toBeNull();
  });

  it('keeps a paste as one step and forgets steps touching removed rows', () => {
    const stack = new UndoStack();
    stack.record([
      { table: 'T03', row: '2010301', col: 'c2', before: null, after: 1 },
      { table: 'T03', row: '2010302', col: 'c2', before: null, after: 2 },
    ]);
    stack.record([{ table: 'T03', row: '2080505', col: 'c3', before: null, after: 3 }]);
    expect(stack.peek('undo')).toHaveLength(1);
    stack.forget((c) => c.row === '2080505');
    expect(stack.peek('undo')).toHaveLength(2);
  });

  it('drops the oldest step beyond its limit', () => {
    const stack = new UndoStack(2);
    stack.record(typed(1));
    stack.record(typed(2, 1));
    stack.record(typed(3, 2));
    stack.confirm('undo');
    stack.confirm('undo');
    expect(stack.peek('undo')).toBeNull();
  });
});
