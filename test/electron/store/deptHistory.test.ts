/**
 * The department's edit history on a real database: 调整表 amounts (and notes) and the department's own
 * texts are journalled in the transaction that changes them (when, table, row, column, old, new, how),
 * listed for one 调整表 line and for the department, restored to a point in time (the restore itself
 * journalled and undoable), and shown by the CLI from its own connection.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Services } from '../../../electron/services/createServices';
import { MINUTE as minute, T0 } from './clockedServices';
import { DEPT as dept, openDeptJournal, type DeptJournalFixture } from './deptJournalFixture';
import { Database } from '../../../electron/services/store/database';
import type { EliminationLine } from '../../../shared/api/registerContract';
import { cli, cliOk } from './storeHarness';

let f: DeptJournalFixture;
let db: string;
let s: Services;
let line: EliminationLine;

beforeEach(async () => {
  f = await openDeptJournal('juesuan-dept-history-');
  ({ db, s, line } = f);
});

afterEach(async () => {
  await s.close();
  await f.close();
});

const set = (amount: number | null, note?: string) => s.api.setAdjustment({ unit: 'D', year: 2020, key: line.key, amount, ...(note === undefined ? {} : { note }) });
const amountNow = async () => (await s.api.consolidationView({ unit: 'D', year: 2020 })).lines.find((l) => l.key === line.key)!;
/** The consolidated report's cell the line eliminates from (the parent's side). */
const parentCell = async () => (await s.api.openReport(dept)).inputs[`${line.parentCell.table}:${line.parentCell.row}:${line.parentCell.col}`] ?? 0;

/** 08:01 the clerk types the amount with a note, 08:02 corrects it, 08:03 writes a department text, 08:04 clears the amount. */
async function makeHistory(): Promise<void> {
  f.at(1);
  await set(line.childAmount, '差额为在途资金');
  f.at(2);
  await set(line.childAmount + 500, '差额为在途资金');
  f.at(3);
  await s.api.setTexts({ ...dept, texts: { 'narrative.duty': '部门主要职能' } });
  f.at(4);
  await set(null);
}

describe('department edit history', () => {
  it('journals 调整表 amounts, notes and the department’s texts with when and how, per line and per department', async () => {
    await makeHistory();
    const entries = await s.api.adjustmentHistory({ unit: 'D', year: 2020, key: line.key });
    expect(entries.map((e) => [e.at, e.how, e.kind, e.table, e.row, e.col, e.old, e.new])).toEqual([
      [new Date(T0 + 4 * minute).toISOString(), 'typed', 'adjustment', 'ADJ', line.key, 'amount', line.childAmount + 500, null],
      [new Date(T0 + 4 * minute).toISOString(), 'typed', 'adjustment', 'ADJ', line.key, 'note', '差额为在途资金', null],
      [new Date(T0 + 2 * minute).toISOString(), 'typed', 'adjustment', 'ADJ', line.key, 'amount', line.childAmount, line.childAmount + 500],
      [new Date(T0 + minute).toISOString(), 'typed', 'adjustment', 'ADJ', line.key, 'amount', null, line.childAmount],
      [new Date(T0 + minute).toISOString(), 'typed', 'adjustment', 'ADJ', line.key, 'note', null, '差额为在途资金'],
    ]);
    const batches = await s.api.reportHistory(dept);
    expect(batches.map((b) => [b.how, b.count, b.tables])).toEqual([
      ['typed', 2, ['ADJ']],
      ['typed', 1, ['']],
      ['typed', 1, ['ADJ']],
      ['typed', 2, ['ADJ']],
    ]);
    // The department unit's own stored report keeps its own history, apart from the department's.
    const own = await s.api.reportHistory({ unit: 'D', year: 2020 });
    expect(own.every((b) => b.how === 'import')).toBe(true);
    // Writing the same value again changes nothing and journals nothing.
    await s.api.setTexts({ ...dept, texts: { 'narrative.duty': '部门主要职能' } });
    expect(await s.api.reportHistory(dept)).toHaveLength(4);
    // A consolidated cell is a sum: its 修改记录 says where the history is instead of showing an empty list.
    const refused = await s.api.cellHistory({ ...dept, table: line.parentCell.table, row: line.parentCell.row, col: line.parentCell.col }).catch((e: unknown) => e);
    expect(String((refused as Error).message)).toContain('调整表');
  });

  it('a change and its journal entry commit together: when the journal cannot be written, the amount is not written either', async () => {
    const raw = await Database.open(db);
    try {
      await raw.exec("CREATE TRIGGER refuse_journal BEFORE INSERT ON dept_change_log BEGIN SELECT RAISE(ABORT, 'journal refused'); END");
    } finally {
      await raw.close();
    }
    await expect(set(line.childAmount, '在途')).rejects.toThrow();
    expect((await amountNow()).overridden).toBe(false);
    await expect(s.api.setTexts({ ...dept, texts: { 'narrative.duty': '不会保存' } })).rejects.toThrow();
    expect((await s.api.openReport(dept)).texts['narrative.duty']).toBeUndefined();
    expect(await s.api.reportHistory(dept)).toEqual([]);
  });

  it('restores the department (or only its 调整表) to a point in time; the restore is journalled and undoable', async () => {
    const untouched = await parentCell();
    await makeHistory();
    const batches = await s.api.reportHistory(dept);
    const after0802 = batches[2]!; // oldest first: 08:01, 08:02, 08:03, 08:04

    f.at(10);
    const restored = await s.api.restoreHistory({ ...dept, batchId: after0802.id });
    // amount + note back, the text (written later) gone.
    expect(restored.changed).toBe(3);
    expect(await amountNow()).toMatchObject({ amount: line.childAmount + 500, overridden: true, note: '差额为在途资金' });
    expect((await s.api.openReport(dept)).texts['narrative.duty']).toBeUndefined();
    // The consolidated figures follow: Σ units − the restored amount.
    expect(await parentCell()).toBe(untouched - (line.childAmount + 500));
    const restoreBatch = (await s.api.reportHistory(dept))[0]!;
    expect(restoreBatch).toMatchObject({ id: restored.batchId, how: 'restore', at: new Date(T0 + 10 * minute).toISOString() });
    expect(restoreBatch.note).toContain('恢复到');
    expect((await s.api.adjustmentHistory({ unit: 'D', year: 2020, key: line.key }))[0]).toMatchObject({ how: 'restore', col: 'amount', old: null, new: line.childAmount + 500 });

    // Undoing the restore puts back what it replaced.
    f.at(11);
    const undone = await s.api.undoHistory({ ...dept, batchId: restored.batchId! });
    expect(undone).toMatchObject({ changed: 3, kept: 0 });
    expect(await amountNow()).toMatchObject({ amount: line.generated, overridden: false });
    expect((await s.api.openReport(dept)).texts['narrative.duty']).toBe('部门主要职能');
    expect(await parentCell()).toBe(untouched - line.generated);

    // Only the 调整表: the text stays as it is now.
    const only = await s.api.restoreHistory({ ...dept, batchId: after0802.id, table: 'ADJ' });
    expect(only.changed).toBe(2);
    expect((await amountNow()).amount).toBe(line.childAmount + 500);
    expect((await s.api.openReport(dept)).texts['narrative.duty']).toBe('部门主要职能');

    // Batch 0: before the first change — no override, no text.
    await s.api.restoreHistory({ ...dept, batchId: 0 });
    expect((await amountNow()).overridden).toBe(false);
    expect((await s.api.openReport(dept)).texts['narrative.duty']).toBeUndefined();

    // A pack table of the consolidated report cannot be restored on its own, and another department's batch is not this one's.
    await expect(s.api.restoreHistory({ ...dept, batchId: 0, table: 'T03' })).rejects.toThrow(/不能单独恢复/);
    await expect(s.api.restoreHistory({ unit: 'D0001', year: 2020, consolidated: true, batchId: after0802.id })).rejects.toThrow(/没有第/);
  });

  it('the CLI lists the department’s batches and one line’s changes, restores and undoes, from its own connection', async () => {
    await makeHistory();
    const at = ['--db', db, '--dept', 'D', '--year', '2020'];
    const listed = await cliOk('history', ...at);
    expect(listed.split('\n')).toHaveLength(4);
    expect(listed).toContain('调整表');
    expect(listed).toContain('文字');
    // The line's key, as --line takes it, is printed with the 调整表.
    expect(await cliOk('consolidate', '--db', db, '--dept', 'D', '--year', '2020')).toContain(`[${line.key}]`);
    const lineOut = await cliOk('history', ...at, '--line', line.key);
    expect(lineOut.split('\n')).toHaveLength(5);
    const yuan = (fen: number) => (fen / 100).toFixed(2);
    expect(lineOut).toContain(`抵销数\t${yuan(line.childAmount)} → ${yuan(line.childAmount + 500)}`);
    expect(lineOut).toContain('说明\t（空） → 差额为在途资金');

    const first = Number(/第 (\d+) 批/.exec(listed.split('\n').at(-1) ?? '')?.[1]);
    const out = await cliOk('history', 'restore', ...at, '--to', String(first), '--table', 'ADJ');
    const batch = /记为第 (\d+) 批/.exec(out)?.[1] ?? '';
    expect(out).toContain('2 处变动');
    // This connection sees the other connection's restore.
    expect((await amountNow()).amount).toBe(line.childAmount);
    await cliOk('history', 'undo', ...at, batch);
    expect((await amountNow()).overridden).toBe(false);

    const misuse = await cli('history', '--db', db, '--unit', 'D', '--year', '2020', '--line', line.key);
    expect(misuse.code).not.toBe(0);
    expect(misuse.err).toContain('--dept');
  });
});
