/**
 * A printed 部门汇总 placed in time on a real database: the department's history is the merged timeline
 * of its units' journals and its own (调整表, texts); the lookup undoes one batch at a time, consolidates
 * as the live 部门汇总 does and names the newest point with the printed fingerprint — through the Api's
 * verify, the CLI's `verify --dept`, and directly with a small bound.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createServices, type Services } from '../../../electron/services/createServices';
import { MINUTE as minute, T0 } from './clockedServices';
import { DEPT as dept, openDeptJournal, type DeptJournalFixture } from './deptJournalFixture';
import { deptHistoryFinding, findDeptHistoryPoint } from '../../../electron/services/deptFingerprintHistory';
import { localTime } from '../../../electron/services/backup/damagedDatabase';
import { fingerprintOf } from '../../../electron/services/print/printService';
import type { EliminationLine } from '../../../shared/api/registerContract';
import { cli } from './storeHarness';

let f: DeptJournalFixture;
let db: string;
let s: Services;
let line: EliminationLine;

beforeEach(async () => {
  f = await openDeptJournal('juesuan-dept-fingerprint-');
  ({ db, s, line } = f);
  // A unit outside the department, with a report of its own.
  await s.api.addUnit({ code: 'X', name: '部门外单位', kind: '行政单位' });
  await s.api.setCells({ unit: 'X', year: 2020, edits: [{ table: 'T09', row: 'NABRGRP', col: 'c2', value: 100 }] });
});

afterEach(async () => {
  await s.close();
  await f.close();
});

const fingerprintNow = async () => fingerprintOf(await s.sessions.open(dept)).fingerprint;
const at = (minutes: number) => f.at(minutes);
const unitEdit = (unit: string, value: number) => s.api.setCells({ unit, year: 2020, edits: [{ table: 'T09', row: 'NABRGRP', col: 'c2', value }] });
const adjust = (amount: number | null, note?: string) => s.api.setAdjustment({ unit: 'D', year: 2020, key: line.key, amount, ...(note === undefined ? {} : { note }) });
const latestUnitBatch = async (unit: string) => (await s.api.reportHistory({ unit, year: 2020 }))[0]!;
const latestDeptBatch = async () => (await s.api.reportHistory(dept))[0]!;

describe('a printed 部门汇总 matched against the merged history', () => {
  it('names the point each fingerprint was taken at, through unit edits, 调整表 edits and department texts', async () => {
    const taken: { fingerprint: string; words: string }[] = [];
    at(1);
    await unitEdit('D0001', 111_111);
    taken.push({ fingerprint: await fingerprintNow(), words: `${localTime(new Date(T0 + minute))}（测试局下属单位1报表第 ${(await latestUnitBatch('D0001')).id} 批修改之后）` });
    at(2);
    await adjust(line.childAmount, '差额为在途资金');
    taken.push({ fingerprint: await fingerprintNow(), words: `${localTime(new Date(T0 + 2 * minute))}（部门调整表和文字第 ${(await latestDeptBatch()).id} 批修改之后）` });
    at(3);
    await s.api.setTexts({ ...dept, texts: { 'narrative.duty': '部门主要职能' } });
    taken.push({ fingerprint: await fingerprintNow(), words: `第 ${(await latestDeptBatch()).id} 批修改之后` });
    at(4);
    await unitEdit('D', 222_222);
    taken.push({ fingerprint: await fingerprintNow(), words: `某某县测试局报表第 ${(await latestUnitBatch('D')).id} 批修改之后` });
    // Later: more unit and 调整表 edits, so none of the fingerprints above is today's.
    at(5);
    await unitEdit('D0002', 333_333);
    at(6);
    await adjust(line.childAmount + 500, '差额为在途资金');
    expect(new Set(taken.map((t) => t.fingerprint)).size).toBe(taken.length);
    for (const t of taken) {
      const verified = await s.api.verifyFingerprint({ ...dept, fingerprint: t.fingerprint });
      expect(verified.matches).toBe(false);
      expect(verified.stateAt).toContain(t.words);
      expect(verified.lines.join('\n')).toContain(`修改记录显示，部门汇总在 ${verified.stateAt} 时的数据与该指纹相符。`);
    }
    // Before any of it: the state the reports were imported in.
    const first = (await s.api.reportHistory({ unit: 'D', year: 2020 })).at(-1)!;
    expect(first.how).toBe('import');
  });

  it('places a printed set at the time of printing after a later unit edit and 调整表 edit, whatever a unit outside the department does', async () => {
    at(1);
    await adjust(line.childAmount);
    at(2);
    await unitEdit('D0003', 5_000);
    const beforePrint = await latestUnitBatch('D0003');
    // Printed at 08:03; then the unit outside the department, a unit inside and the 调整表 change.
    at(3);
    const printed = await fingerprintNow();
    at(4);
    await unitEdit('X', 77_700);
    expect(await fingerprintNow()).toBe(printed);
    at(5);
    await unitEdit('D0001', 9_900);
    at(6);
    await adjust(line.childAmount + 1);
    const verified = await s.api.verifyFingerprint({ ...dept, fingerprint: printed });
    expect(verified.matches).toBe(false);
    expect(verified.stateAt).toBe(`${localTime(new Date(T0 + 2 * minute))}（测试局下属单位3报表第 ${beforePrint.id} 批修改之后）`);
    // The outside unit's batches are not on the department's timeline at all.
    const found = await findDeptHistoryPoint(s.sessions, 'D', 2020, printed);
    expect(found?.compared).toBe(3);
  });

  it('counts a unit report created after printing as absent before its first write', async () => {
    // In the register (which is not journalled) before printing, its first figure typed after.
    await s.api.addUnit({ code: 'D0099', name: '新设单位', kind: '行政单位', parent: 'D' });
    at(1);
    const printed = await fingerprintNow();
    at(2);
    await s.api.setCells({ unit: 'D0099', year: 2020, edits: [{ table: 'T09', row: 'NABRGRP', col: 'c2', value: 42 }] });
    expect(await fingerprintNow()).not.toBe(printed);
    const verified = await s.api.verifyFingerprint({ ...dept, fingerprint: printed });
    expect(verified.stateAt).toContain('测试局下属单位3报表');
    // Today's register differs from the printed one: a unit added since cannot be walked back.
    await s.api.addUnit({ code: 'D0100', name: '又一新设单位', kind: '行政单位', parent: 'D' });
    const after = await s.api.verifyFingerprint({ ...dept, fingerprint: printed });
    expect(after.stateAt).toBeNull();
    expect(after.lines.join('\n')).toContain('按今天的单位名录确定部门包含哪些单位');
  });

  it('rebuilds at every point exactly what a fresh 部门汇总 of that time is: pair cells, 机关运行经费, new cells, texts', async () => {
    const d1 = await s.api.openReport({ unit: 'D0001', year: 2020 });
    const pairCell = Object.keys(d1.inputs).find((k) => /^T03:\d+:c4$/.test(k))!;
    const [, row] = pairCell.split(':');
    const steps: (() => Promise<unknown>)[] = [
      // The child's 上缴上级支出: its 调整表 line changes with it.
      () => s.api.setCells({ unit: 'D0001', year: 2020, edits: [{ table: 'T03', row: row!, col: 'c4', value: 12_345 }] }),
      // 机关运行经费 of a 行政 unit (summed over 行政/参公 units only, and in the 单位构成 sentence).
      () => s.api.setCells({ unit: 'D', year: 2020, edits: [{ table: 'T09', row: 'OPEX', col: 'c2', value: 880_000 }] }),
      // A cell no report had before, then cleared again.
      () => s.api.setCells({ unit: 'D0002', year: 2020, edits: [{ table: 'T09', row: 'NFABAT', col: 'c2', value: 3 }] }),
      () => adjust(line.childAmount, '核对后全额抵销'),
      () => s.api.setCells({ unit: 'D0002', year: 2020, edits: [{ table: 'T09', row: 'NFABAT', col: 'c2', value: null }] }),
      () => s.api.setTexts({ ...dept, texts: { 'narrative.duty': '部门主要职能' } }),
      () => s.api.setCells({ unit: 'D0001', year: 2020, edits: [{ table: 'T03', row: row!, col: 'c4', value: null }, { table: 'T09', row: 'OPEX', col: 'c2', value: 5 }] }),
      () => adjust(null),
    ];
    const taken: string[] = [];
    for (const [i, step] of steps.entries()) {
      at(i + 1);
      await step();
      // The live 部门汇总 followed the edit to what a fresh one is (机关运行经费 names units in the 情况说明).
      const live = await fingerprintNow();
      s.sessions.consolidated!.invalidate();
      expect(await fingerprintNow()).toBe(live);
      taken.push(live);
    }
    // Every point compared with a fresh consolidation of that time (the check throws on a difference).
    const all = await findDeptHistoryPoint(s.sessions, 'D', 2020, '0000ABCD', { checkEveryPoint: true });
    expect(all).toMatchObject({ found: null, bounded: false });
    expect(all!.compared).toBe(all!.batches + 1);
    // And each step's fingerprint is found at that step (the newest point with it).
    for (const [i, printed] of taken.entries()) {
      const found = await findDeptHistoryPoint(s.sessions, 'D', 2020, printed);
      expect(found?.found?.after?.at).toBe(new Date(T0 + (i + 1) * minute).toISOString());
    }
  });

  it('finds no point for a fingerprint the department never had, and says the whole history was read', async () => {
    at(1);
    await unitEdit('D0001', 1);
    const verified = await s.api.verifyFingerprint({ ...dept, fingerprint: '0000ABCD' });
    expect(verified.stateAt).toBeNull();
    const batches = (await findDeptHistoryPoint(s.sessions, 'D', 2020, '0000ABCD'))!.batches;
    expect(verified.lines.join('\n')).toContain(`部门各单位和调整表的全部 ${batches} 批修改记录中，没有与该指纹相符的时点（按今天的单位名录确定部门包含哪些单位）`);
  });

  it('stops at the bound and says how far back it looked instead of claiming no match', async () => {
    at(1);
    const printed = await fingerprintNow();
    for (let i = 2; i <= 5; i += 1) {
      at(i);
      await unitEdit(`D000${i % 3 + 1}`, i * 1000);
    }
    const bounded = await findDeptHistoryPoint(s.sessions, 'D', 2020, printed, { maxBatches: 3 });
    expect(bounded).toMatchObject({ found: null, bounded: true, compared: 4 });
    const note = (await deptHistoryFinding(s.sessions, 'D', 2020, printed, 3))!;
    expect(note.stateAt).toBeNull();
    expect(note.note).toContain(`修改记录中最近的 3 批修改（共 ${bounded!.batches} 批）之后都没有与该指纹相符的部门汇总数据`);
    expect(note.note).toContain('更早的修改未查');
    // With room for the whole walk the same fingerprint is found.
    expect((await findDeptHistoryPoint(s.sessions, 'D', 2020, printed, { maxBatches: 4, checkEveryPoint: true }))?.found).not.toBeNull();
  });

  it('`juesuan verify --dept` prints the point from its own connection', async () => {
    at(1);
    await adjust(line.childAmount);
    const adjusted = await latestDeptBatch();
    const printed = await fingerprintNow();
    at(2);
    await unitEdit('D0002', 8_800);
    await s.close();
    const run = await cli('verify', '--db', db, '--dept', 'D', '--year', '2020', '--fingerprint', printed);
    s = await createServices({ dbPath: db, backupOnOpen: 'never' });
    expect(run.code).toBe(1);
    expect(run.out).toContain(`修改记录显示，部门汇总在 ${localTime(new Date(T0 + minute))}（部门调整表和文字第 ${adjusted.id} 批修改之后） 时的数据与该指纹相符。`);
  });
});
