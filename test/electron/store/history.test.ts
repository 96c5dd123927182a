/**
 * The edit history on a real database: every change journalled with its way (typed, paste, import,
 * undo, restore), a cell's history, the report's state at a point in time and finding the point a state
 * matches, restoring one table or the whole report, and undoing a restore.
 */
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createServices, type Services } from '../../../electron/services/createServices';
import { MINUTE as minute, openClockedServices, T0, type ClockedServices } from './clockedServices';
import { fingerprintOf } from '../../../electron/services/print/printService';
import { findHistoryPoint, reportStateAt } from '../../../electron/services/reportHistory';
import { cliOk } from './storeHarness';

let c: ClockedServices;
let db: string;
let s: Services;
const ref = { unit: '001', year: 2020 };

beforeEach(async () => {
  c = await openClockedServices('juesuan-history-');
  ({ db, s } = c);
  await s.api.addUnit({ code: '001', name: '某某县政务服务管理局', kind: '行政单位' });
  await s.api.openReport(ref);
});

afterEach(async () => {
  await s.close();
  await c.close();
});

const cell = (col: string, value: number | null) => ({ table: 'T03', row: '2010301', col, value });

/** Four points in time: typed at 08:01, pasted at 08:02 (plus a T09 count), a text at 08:03, an import at 08:04. */
async function makeHistory(): Promise<void> {
  c.at(1);
  await s.api.addRows({ ...ref, table: 'T03', rows: ['2010301'] });
  await s.api.setCells({ ...ref, edits: [cell('c2', 10_000)] });
  c.at(2);
  await s.api.setCells({ ...ref, how: 'paste', edits: [cell('c2', 20_000), cell('c3', 500)] });
  await s.api.setCells({ ...ref, edits: [{ table: 'T09', row: 'NABRGRP', col: 'c2', value: 3 }] });
  c.at(3);
  await s.api.setTexts({ ...ref, texts: { 'narrative.duty': '主要职能' } });
  c.at(4);
  const file = join(c.dir, '报表.json');
  const doc = JSON.parse(await s.exportReport(ref));
  doc.tables.T03['2010301'].c2 = '999.00';
  delete doc.tables.T03['2010301'].c3;
  await writeFile(file, JSON.stringify(doc), 'utf8');
  await s.importReport(JSON.stringify(doc), file);
}

async function current(): Promise<Record<string, number>> {
  return (await s.api.openReport(ref)).inputs;
}

describe('edit history', () => {
  it('journals every change with when and how, and shows a cell’s history', async () => {
    await makeHistory();
    const entries = await s.api.cellHistory({ ...ref, table: 'T03', row: '2010301', col: 'c2' });
    expect(entries.map((e) => [e.how, e.old, e.new])).toEqual([
      ['import', 20_000, 99_900],
      ['paste', 10_000, 20_000],
      ['typed', null, 10_000],
    ]);
    expect(entries[2]?.at).toBe(new Date(T0 + minute).toISOString());
    const batches = await s.api.reportHistory(ref);
    expect(batches.map((b) => b.how)).toEqual(['import', 'typed', 'typed', 'paste', 'typed', 'typed']);
    expect(batches[0]?.note).toContain('报表.json');
    // The CLI lists the same, in words.
    const listed = await cliOk('history', '--db', db, '--unit', '001', '--year', '2020', '--table', 'T03', '--row', '2010301', '--col', 'c2');
    expect(listed.split('\n')).toHaveLength(3);
    expect(listed).toContain('导入\t200.00 → 999.00');
    expect(listed).toContain('粘贴\t100.00 → 200.00');
  });

  it('gives the report’s state at a point in time and finds the point a state matches', async () => {
    await makeHistory();
    const at0230 = await reportStateAt(s.sessions, ref, new Date(T0 + 2.5 * minute));
    expect(at0230?.inputs).toEqual({ 'T03:2010301:c2': 20_000, 'T03:2010301:c3': 500, 'T09:NABRGRP:c2': 3 });
    expect(at0230?.texts).toEqual({});
    expect(at0230?.rows).toEqual({ T03: ['2010301'] });
    const before = await reportStateAt(s.sessions, ref, new Date(T0));
    expect(before).toEqual({ rows: {}, inputs: {}, texts: {} });

    const point = await findHistoryPoint(s.sessions, ref, (state) => state.inputs['T03:2010301:c2'] === 20_000 && state.texts['narrative.duty'] === '主要职能');
    expect(point?.at).toBe(new Date(T0 + 3 * minute).toISOString());
    expect(await findHistoryPoint(s.sessions, ref, (state) => state.inputs['T03:2010301:c2'] === 99_900)).toEqual({ batchId: null, at: null });
    expect(await findHistoryPoint(s.sessions, ref, (state) => state.inputs['T03:2010301:c2'] === 1)).toBeNull();
  });

  it('restores one table to a point in time, journalled, and undoes that restore', async () => {
    await makeHistory();
    await s.api.setCells({ ...ref, edits: [{ table: 'T09', row: 'NABRGRP', col: 'c2', value: 7 }] });
    const paste = (await s.api.reportHistory(ref)).find((b) => b.how === 'paste')!;
    const restored = await s.api.restoreHistory({ ...ref, batchId: paste.id, table: 'T03' });
    expect(restored.changed).toBe(2);
    // T03 is as it was after the paste; T09 and the texts keep their current values.
    expect(await current()).toEqual({ 'T03:2010301:c2': 20_000, 'T03:2010301:c3': 500, 'T09:NABRGRP:c2': 7 });
    expect((await s.api.openReport(ref)).texts['narrative.duty']).toBe('主要职能');
    const log = await s.api.cellHistory({ ...ref, table: 'T03', row: '2010301', col: 'c2' });
    expect(log[0]).toMatchObject({ how: 'restore', old: 99_900, new: 20_000 });

    const undone = await s.api.undoHistory({ ...ref, batchId: restored.batchId! });
    expect(undone).toMatchObject({ changed: 2, kept: 0 });
    expect(await current()).toEqual({ 'T03:2010301:c2': 99_900, 'T09:NABRGRP:c2': 7 });
    expect((await s.api.reportHistory(ref))[0]?.how).toBe('undo');
  });

  it('restores the whole report (rows, cells and texts) and an undo keeps a value changed since', async () => {
    await makeHistory();
    const typed = (await s.api.reportHistory(ref)).at(-1)!; // the first batch: the row added at 08:01
    const restored = await s.api.restoreHistory({ ...ref, batchId: typed.id });
    expect(await current()).toEqual({});
    const snapshot = await s.api.openReport(ref);
    expect(snapshot.rows).toEqual({ T03: ['2010301'] });
    expect(snapshot.texts).toEqual({});

    // Changed again after the restore: the undo leaves that one place as it is and says so.
    await s.api.setCells({ ...ref, edits: [{ table: 'T09', row: 'NABRGRP', col: 'c2', value: 5 }] });
    const undone = await s.api.undoHistory({ ...ref, batchId: restored.batchId! });
    expect(undone.kept).toBe(1);
    expect(await current()).toEqual({ 'T03:2010301:c2': 99_900, 'T09:NABRGRP:c2': 5 });
    expect((await s.api.openReport(ref)).texts['narrative.duty']).toBe('主要职能');

    // Back to before the first change (batch 0) from the CLI, and undone from the CLI.
    await s.close();
    const out = await cliOk('history', 'restore', '--db', db, '--unit', '001', '--year', '2020', '--to', '0');
    const batch = /第 (\d+) 批（可用/.exec(out)?.[1] ?? '';
    s = await createServices({ dbPath: db, backupOnOpen: 'never' });
    expect(await current()).toEqual({});
    expect((await s.api.openReport(ref)).rows).toEqual({});
    await s.close();
    await cliOk('history', 'undo', '--db', db, '--unit', '001', '--year', '2020', batch);
    s = await createServices({ dbPath: db, backupOnOpen: 'never' });
    expect(await current()).toEqual({ 'T03:2010301:c2': 99_900, 'T09:NABRGRP:c2': 5 });
  });

  it('refuses a batch of another report and a table the pack does not have', async () => {
    await makeHistory();
    await s.api.addUnit({ code: '002', name: '另一单位', kind: '行政单位' });
    await s.api.openReport({ unit: '002', year: 2020 });
    // Looking at a report stores nothing, so it has no history to restore yet.
    await expect(s.api.restoreHistory({ unit: '002', year: 2020, batchId: 0 })).rejects.toThrow(/还没有保存任何数据/);
    await s.api.setCells({ unit: '002', year: 2020, edits: [{ table: 'T09', row: 'NABRGRP', col: 'c2', value: 1 }] });
    const theirs = (await s.api.reportHistory(ref))[0]!;
    await expect(s.api.restoreHistory({ unit: '002', year: 2020, batchId: theirs.id })).rejects.toThrow(/不属于这份报表/);
    await expect(s.api.restoreHistory({ ...ref, batchId: theirs.id, table: 'T99' })).rejects.toThrow(/T99 不存在/);
  });

  it('places a printed fingerprint in the history once the data has changed since', async () => {
    await makeHistory();
    const printed = fingerprintOf(await s.sessions.open(ref)).fingerprint;
    c.at(5);
    await s.api.setCells({ ...ref, edits: [cell('c2', 123_456)] });
    const verified = await s.api.verifyFingerprint({ ...ref, fingerprint: printed });
    expect(verified.matches).toBe(false);
    const batches = await s.api.reportHistory(ref);
    // The printed state began with the import (the batch before the last edit).
    expect(verified.stateAt).toContain(`第 ${batches[1]!.id} 批修改之后`);
    expect(verified.lines.join('')).toContain('修改记录显示，报表在');
    // A fingerprint the report never had is placed nowhere.
    expect((await s.api.verifyFingerprint({ ...ref, fingerprint: '0000ABCD' })).stateAt).toBeNull();
  });
});
