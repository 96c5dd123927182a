/** The undo history kept with a report in a real SQLite file: it survives closing and reopening the store. */
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { UndoChange } from '../../../shared/api/contract';
import { createApi } from '../../../electron/services/api';
import { jsonFileSettings } from '../../../electron/services/settings/jsonFileSettings';
import { ReportStore } from '../../../electron/services/store/reportStore';
import { UNDO_LIMIT } from '../../../electron/services/store/undoSteps';
import { miniPack } from './fixtures/miniPack';
import { makeTempDir } from './tempDir';

let temp: Awaited<ReturnType<typeof makeTempDir>>;
beforeAll(async () => {
  temp = await makeTempDir();
});
afterAll(async () => {
  await temp.remove();
});

const ref = { unit: '001', year: 2020 };
const change = (value: number): UndoChange[] => [{ table: 'T01', row: 'IBEG', col: 'c1', before: value - 1, after: value }];

async function withApi<T>(file: string, run: (api: ReturnType<typeof createApi>) => Promise<T>): Promise<T> {
  const store = await ReportStore.open(join(temp.dir, file));
  try {
    return await run(createApi({ store, packs: [miniPack()], settings: jsonFileSettings(join(temp.dir, `${file}.json`)) }));
  } finally {
    await store.close();
  }
}

describe('undo history in the store', () => {
  it('push, undo and redo move steps between the stacks, and a reopened store has them', async () => {
    await withApi('undo.db', async (api) => {
      await api.addUnit({ code: '001', name: '测试局', kind: '行政单位' });
      await api.openReport(ref);
      for (const v of [1, 2, 3]) await api.recordUndo({ ...ref, step: { op: 'push', changes: change(v) } });
      await api.recordUndo({ ...ref, step: { op: 'undo' } });
      await api.recordUndo({ ...ref, step: { op: 'undo' } });
      await api.recordUndo({ ...ref, step: { op: 'redo' } });
    });
    const history = await withApi('undo.db', (api) => api.getUndo(ref));
    expect(history.done.map((b) => b[0]?.after)).toEqual([1, 2]);
    // The next redo is the last element: step 3 (step 2 was undone and redone).
    expect(history.undone.map((b) => b[0]?.after)).toEqual([3]);
  });

  it('a new step ends the redo chain; clear forgets everything', async () => {
    await withApi('undo.db', async (api) => {
      await api.recordUndo({ ...ref, step: { op: 'push', changes: change(9) } });
      expect(await api.getUndo(ref)).toEqual({ done: [change(1), change(2), change(9)], undone: [] });
      await api.recordUndo({ ...ref, step: { op: 'clear' } });
      expect(await api.getUndo(ref)).toEqual({ done: [], undone: [] });
    });
  });

  it(`keeps the last ${UNDO_LIMIT} steps`, async () => {
    await withApi('undo.db', async (api) => {
      for (let v = 1; v <= UNDO_LIMIT + 5; v++) await api.recordUndo({ ...ref, step: { op: 'push', changes: change(v) } });
      const { done } = await api.getUndo(ref);
      expect(done).toHaveLength(UNDO_LIMIT);
      expect(done[0]?.[0]?.after).toBe(6);
      expect(done.at(-1)?.[0]?.after).toBe(UNDO_LIMIT + 5);
    });
  });
});
