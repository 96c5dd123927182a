/**
 * The renderer's ReportSession over the real services (a temp SQLite file): a typed value and its
 * totals are shown at once while the write is in flight; a write the store refuses (here: another
 * program removed the row meanwhile) is taken back at its cells with the store's message, and cells a
 * later write covers keep the later value. Nothing is ever left shown that the store does not hold.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createServices, type Services } from '../../../electron/services/createServices';
import { ReportSession } from '../../../renderer/src/app/reportSession';
import type { CellKey } from '../../../shared/api/contract';

let dir: string;
let services: Services;
const ref = { unit: '001', year: 2020 };
const at = (row: string, value: number | null) => ({ table: 'T03', row, col: 'c2', value });

beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'juesuan-session-'));
  services = await createServices({ dbPath: join(dir, 'r.sqlite'), settingsFile: join(dir, 's.json'), backupOnOpen: 'never' });
  await services.api.addUnit({ code: '001', name: '测试局', kind: '行政单位' });
  await services.api.addRows({ ...ref, table: 'T03', rows: ['2010301', '2010302'] });
});

afterEach(async () => {
  await services.close();
  await rm(dir, { recursive: true, force: true });
});

async function open() {
  const snapshot = await services.api.openReport(ref);
  const pack = await services.api.getPack({ packId: snapshot.packId });
  const session = new ReportSession(services.api, pack, snapshot.unit, 2020, snapshot);
  const events: string[] = [];
  const reverted: { keys: CellKey[]; message: string }[] = [];
  session.on({
    cells: (keys) => events.push(`cells ${[...keys].sort().join(',')}`),
    saving: (state) => events.push(state.kind),
    reverted: (change) => reverted.push(change),
  });
  return { session, events, reverted };
}

/** Another program (its own connection to the same file) removes a 科目 row the screen still shows. */
async function removeElsewhere(row: string): Promise<void> {
  const other = await createServices({ dbPath: join(dir, 'r.sqlite'), settingsFile: join(dir, 's2.json'), backupOnOpen: 'never' });
  try {
    await other.api.removeRow({ ...ref, table: 'T03', row });
  } finally {
    await other.close();
  }
}

const stored = async () => (await services.api.openReport(ref)).inputs;

describe('ReportSession', () => {
  it('shows a typed value and its totals at once, says 保存中 until the store has it, then 已保存', async () => {
    const { session, events } = await open();
    const done = session.commit([at('2010301', 100_000)]);
    // Before the store has answered: the cell, its 款 and 类 totals, and the save state.
    expect(session.valueOf('T03', '2010301', 'c2')).toBe(100_000);
    expect(session.valueOf('T03', '20103', 'c2')).toBe(100_000);
    expect(session.valueOf('T03', '201', 'c2')).toBe(100_000);
    expect(session.saving).toBe(true);
    expect(events[0]).toBe('saving');
    expect(events[1]).toContain('T03:2010301:c2');
    expect(events).not.toContain('saved');
    const result = await done;
    expect(result.ok).toBe(true);
    expect(session.saving).toBe(false);
    expect(events[events.length - 1]).toBe('saved');
    expect((await stored())['T03:2010301:c2']).toBe(100_000);
    // Ctrl+Z right after Enter undoes it once stored.
    expect((await session.step('undo'))?.ok).toBe(true);
    expect(session.valueOf('T03', '2010301', 'c2')).toBeNull();
    expect((await stored())['T03:2010301:c2']).toBeUndefined();
  });

  it('takes back a write the store refuses, at its cells, with the message; the totals follow', async () => {
    const { session, events, reverted } = await open();
    expect((await session.commit([at('2010301', 300)])).ok).toBe(true);
    await removeElsewhere('2010302');
    const done = session.commit([at('2010302', 5_000)]);
    expect(session.valueOf('T03', '2010302', 'c2')).toBe(5_000);
    expect(session.valueOf('T03', '201', 'c2')).toBe(5_300);
    const result = await done;
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.message).toContain('2010302');
    expect(session.valueOf('T03', '2010302', 'c2')).toBeNull();
    expect(session.valueOf('T03', '201', 'c2')).toBe(300);
    expect(reverted).toEqual([{ keys: ['T03:2010302:c2'], message: result.message }]);
    expect(events[events.length - 1]).toBe('failed');
    // The repaint of the taken-back cell and its totals came before the message.
    expect(events.filter((e) => e.startsWith('cells')).pop()).toContain('T03:201:c2');
    expect(await stored()).toEqual({ 'T03:2010301:c2': 300 });
    // The refused value is not an undo step.
    expect(session.undo.peek('undo')?.[0]?.after).toBe(300);
  });

  it('a refused write keeps a cell a later write covers; when that one is refused too, the cell goes back to what is stored', async () => {
    const { session } = await open();
    expect((await session.commit([at('2010301', 300)])).ok).toBe(true);
    await removeElsewhere('2010302');
    // Refused as a whole (one cell is on the removed row); the later write of 2010301 alone is stored.
    const first = session.commit([at('2010302', 1), at('2010301', 500)]);
    const second = session.commit([at('2010301', 700)]);
    expect(session.valueOf('T03', '2010301', 'c2')).toBe(700);
    expect((await first).ok).toBe(false);
    expect(session.valueOf('T03', '2010301', 'c2')).toBe(700);
    expect((await second).ok).toBe(true);
    expect(session.valueOf('T03', '2010301', 'c2')).toBe(700);
    expect(session.valueOf('T03', '2010302', 'c2')).toBeNull();
    expect(await stored()).toEqual({ 'T03:2010301:c2': 700 });

    const third = session.commit([at('2010302', 2), at('2010301', 800)]);
    const fourth = session.commit([at('2010302', 3), at('2010301', 900)]);
    expect(session.valueOf('T03', '2010301', 'c2')).toBe(900);
    expect((await third).ok).toBe(false);
    expect((await fourth).ok).toBe(false);
    expect(session.valueOf('T03', '2010301', 'c2')).toBe(700);
    expect(session.valueOf('T03', '2010302', 'c2')).toBeNull();
    expect(session.saving).toBe(false);
  });
});
