/**
 * The 绩效自评's edit history on a real database file: every register, indicator, task and 部门整体
 * edit journalled in the transaction that makes it (a refused journal insert writes nothing), in the
 * report's own batches between cell batches; a field's 修改记录; restoring the whole report or the
 * 绩效自评 alone to a point; undo and the undo of an undo; a printed fingerprint placed at the point
 * whose 绩效 data it carries; and the same through `juesuan history` in-process.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { Database } from '../../../electron/services/store/database';
import { createServices, type Services } from '../../../electron/services/createServices';
import { MINUTE as minute, openClockedServices, T0, type ClockedServices } from '../store/clockedServices';
import { fingerprintOf } from '../../../electron/services/print/printService';
import { sessionPerfData } from '../../../electron/services/perf/sessionPerf';
import { perfStateAt } from '../../../electron/services/reportHistory';
import type { PerfOp } from '../../../shared/perf/contract';
import type { PerfData } from '../../../shared/perf/model';
import { cli, cliOk } from '../store/storeHarness';

let c: ClockedServices;
let db: string;
let s: Services;
const ref = { unit: '001', year: 2020 };
const at = (m: number) => c.at(m);

beforeEach(async () => {
  c = await openClockedServices('juesuan-perfhist-');
  ({ db, s } = c);
  await s.api.addUnit({ code: '001', name: '某某县政务服务管理局', kind: '行政单位' });
  await s.api.openReport(ref);
});

afterEach(async () => {
  await s.close();
  await c.close();
});

const edit = async (op: PerfOp): Promise<number> => (await s.api.perfEdit({ ...ref, op })).id ?? 0;
const set = (target: 'project' | 'indicator' | 'task' | 'dept', id: number, field: string, text: string) => edit({ op: 'set', target, id, field, text });
const perf = async (): Promise<PerfData> => (await s.api.perfState(ref)).data;
const cell = (value: number | null) => ({ table: 'T03', row: '2010301', col: 'c2', value });

/**
 * 08:01 a project added; 08:02 its name and 全年预算数; 08:03 a cell typed; 08:04 an indicator (定性, band,
 * score), a task and the 部门整体 form; 08:05 another band (the score no longer fits and is cleared).
 */
async function makeHistory(): Promise<{ project: number; indicator: number; task: number }> {
  at(1);
  const project = await edit({ op: 'addProject', name: '农村道路养护' });
  at(2);
  await set('project', project, 'name', '农村公路养护');
  await set('project', project, 'annual.0', '1,000.50');
  at(3);
  await s.api.addRows({ ...ref, table: 'T03', rows: ['2010301'] });
  await s.api.setCells({ ...ref, edits: [cell(10_000)] });
  at(4);
  const pack = (await s.api.perfState(ref)).pack!;
  const level1 = pack.scheme.weights.map((w) => w.level1).find((l) => l !== pack.fundLevel1)!;
  const indicator = await edit({ op: 'addIndicator', owner: project, level1, level3: '群众满意度' });
  await set('indicator', indicator, 'nature', '定性');
  await set('indicator', indicator, 'points', '10');
  const bands = pack.scheme.qualitativeBands;
  await set('indicator', indicator, 'band', bands[0]!.label);
  await set('indicator', indicator, 'given', String(bands[0]!.fromPct / 10)); // the top of the top band, of 10 points
  const task = await edit({ op: 'addTask', name: '道路巡查' });
  await set('task', task, 'spent', '200');
  await set('dept', 0, 'duty', '负责全县政务服务');
  at(5);
  await set('indicator', indicator, 'band', bands.at(-1)!.label);
  return { project, indicator, task };
}

describe('绩效自评 edit history', () => {
  it('journals each edit with when and how, in the report’s batches between cell batches, and shows a field’s history', async () => {
    const { project, indicator } = await makeHistory();
    const name = await s.api.perfFieldHistory({ ...ref, place: { target: 'project', id: project, field: 'name' } });
    expect(name.map((e) => [e.how, e.field, e.old, e.field === '' ? 'row' : e.new])).toEqual([
      ['typed', 'name', '农村道路养护', '农村公路养护'],
      ['typed', '', null, 'row'],
    ]);
    expect(name[1]?.at).toBe(new Date(T0 + minute).toISOString());
    // Money is journalled as 分, exactly.
    const annual = await s.api.perfFieldHistory({ ...ref, place: { target: 'project', id: project, field: 'annual.0' } });
    expect(annual[0]).toMatchObject({ old: 0, new: 100_050 });
    // Choosing another band clears the score with it, in the same batch.
    const given = await s.api.perfFieldHistory({ ...ref, place: { target: 'indicator', id: indicator, field: 'given' } });
    const band = await s.api.perfFieldHistory({ ...ref, place: { target: 'indicator', id: indicator, field: 'band' } });
    expect(given[0]?.new).toBe('');
    expect(given[0]?.batch).toBe(band[0]?.batch);
    const batches = await s.api.reportHistory(ref);
    // One timeline: the cell batches (08:03) sit between the 绩效 batches.
    expect(batches.map((b) => b.tables.join(','))).toEqual([
      'perf', // band + cleared score
      'perf', 'perf', 'perf', 'perf', 'perf', 'perf', 'perf', 'perf', // 08:04: dept, task ×2, indicator ×5
      'T03', 'T03', // 08:03
      'perf', 'perf', 'perf', // 08:02, 08:01
    ]);
    expect(batches[0]?.count).toBe(2);
    expect(batches.every((b) => b.how === 'typed')).toBe(true);
    // A value typed again unchanged journals nothing.
    await set('project', project, 'name', '农村公路养护');
    expect(await s.api.reportHistory(ref)).toHaveLength(batches.length);
  });

  it('writes an edit and its journal entry together: when the journal is refused, nothing is written', async () => {
    const project = await edit({ op: 'addProject', name: '农村公路养护' });
    const before = await perf();
    const batches = await s.api.reportHistory(ref);
    const raw = await Database.open(db);
    try {
      await raw.exec("CREATE TRIGGER refuse_perf_journal BEFORE INSERT ON perf_change_log BEGIN SELECT RAISE(ABORT, 'journal refused'); END");
    } finally {
      await raw.close();
    }
    await expect(set('project', project, 'annual.0', '500')).rejects.toThrow();
    await expect(edit({ op: 'addTask', name: '不会保存' })).rejects.toThrow();
    await expect(edit({ op: 'remove', target: 'project', id: project })).rejects.toThrow();
    await expect(set('dept', 0, 'duty', '不会保存')).rejects.toThrow();
    expect(await perf()).toEqual(before);
    expect(await s.api.reportHistory(ref)).toEqual(batches);
  });

  it('restores the whole report, cells and 绩效自评, to a point; the restore is journalled and undoable, and so is its undo', async () => {
    const { project } = await makeHistory();
    const at0802 = (await s.api.reportHistory(ref)).at(-3)!; // the 全年预算数 batch
    const full = await perf();
    at(10);
    const restored = await s.api.restoreHistory({ ...ref, batchId: at0802.id });
    const back = await perf();
    expect(back.projects.map((p) => [p.id, p.name, p.annual[0]])).toEqual([[project, '农村公路养护', 100_050]]);
    expect(back.indicators).toEqual([]);
    expect(back.tasks).toEqual([]);
    expect(back.dept.duty).toBe('');
    expect((await s.api.openReport(ref)).inputs['T03:2010301:c2']).toBeUndefined();
    const restoreBatch = (await s.api.reportHistory(ref))[0]!;
    expect(restoreBatch).toMatchObject({ id: restored.batchId, how: 'restore', count: restored.changed });
    expect(restoreBatch.tables).toEqual(['T03', 'perf']);
    expect(restoreBatch.note).toContain('整份报表');
    // Its 修改记录 names the restore.
    expect((await s.api.perfFieldHistory({ ...ref, place: { target: 'dept', id: 0, field: 'duty' } }))[0]).toMatchObject({ how: 'restore', old: '负责全县政务服务', new: '' });
    at(11);
    const undone = await s.api.undoHistory({ ...ref, batchId: restored.batchId! });
    expect(undone.kept).toBe(0);
    expect(await perf()).toEqual(full);
    expect((await s.api.openReport(ref)).inputs['T03:2010301:c2']).toBe(10_000);
    at(12);
    await s.api.undoHistory({ ...ref, batchId: undone.batchId! });
    expect(await perf()).toEqual(back);
    expect((await s.api.reportHistory(ref)).slice(0, 3).map((b) => b.how)).toEqual(['undo', 'undo', 'restore']);
  });

  it('restores the 绩效自评 alone (table perf), leaving the cells; a table alone leaves the 绩效自评', async () => {
    await makeHistory();
    const first = (await s.api.reportHistory(ref)).at(-1)!; // the project added
    const cells = (await s.api.openReport(ref)).inputs;
    expect(cells['T03:2010301:c2']).toBe(10_000);
    await s.api.restoreHistory({ ...ref, batchId: first.id, table: 'perf' });
    const back = await perf();
    expect(back.projects.map((p) => [p.name, p.annual[0]])).toEqual([['农村道路养护', 0]]);
    expect(back.indicators).toEqual([]);
    expect(back.dept.duty).toBe('');
    expect((await s.api.openReport(ref)).inputs).toEqual(cells);
    expect((await s.api.reportHistory(ref))[0]).toMatchObject({ how: 'restore', tables: ['perf'] });
    expect((await s.api.reportHistory(ref))[0]?.note).toContain('绩效自评');
    await s.api.restoreHistory({ ...ref, batchId: 0, table: 'T03' });
    expect((await s.api.openReport(ref)).inputs).toEqual({});
    expect(await perf()).toEqual(back);
  });

  it('brings a removed project back with its indicators, and an undo keeps a value changed since', async () => {
    const { project, indicator } = await makeHistory();
    const full = await perf();
    at(20);
    await edit({ op: 'remove', target: 'project', id: project });
    const removal = (await s.api.reportHistory(ref))[0]!;
    expect(removal.count).toBe(2); // the project and its indicator
    expect((await perf()).indicators).toEqual([]);
    await s.api.undoHistory({ ...ref, batchId: removal.id });
    expect(await perf()).toEqual(full);
    // The name changed at 08:02 and again since: the undo of 08:02's batch keeps the later name.
    at(21);
    await set('project', project, 'name', '公路养护（三）');
    const rename = (await s.api.perfFieldHistory({ ...ref, place: { target: 'project', id: project, field: 'name' } })).at(-2)!;
    const undone = await s.api.undoHistory({ ...ref, batchId: rename.batch });
    expect(undone).toMatchObject({ changed: 0, kept: 1 });
    expect((await perf()).projects[0]?.name).toBe('公路养护（三）');
    expect((await perf()).indicators.map((i) => i.id)).toEqual([indicator]);
    // Undoing the project's addition (08:01): renamed since, it stays.
    const added = (await s.api.reportHistory(ref)).at(-1)!;
    expect(await s.api.undoHistory({ ...ref, batchId: added.id })).toMatchObject({ changed: 0, kept: 1 });
    expect((await perf()).projects.map((p) => p.id)).toEqual([project]);
    // A project added and left as it was goes with the undo of its addition, unless it holds indicators added since.
    const fresh = await edit({ op: 'addProject', name: '临时项目' });
    const freshBatch = (await s.api.reportHistory(ref))[0]!;
    const level1 = (await perf()).indicators[0]!.level1;
    const owned = await edit({ op: 'addIndicator', owner: fresh, level1, level3: '完成率' });
    expect(await s.api.undoHistory({ ...ref, batchId: freshBatch.id })).toMatchObject({ changed: 0, kept: 1 });
    expect((await perf()).projects.map((p) => p.id)).toEqual([project, fresh]);
    await edit({ op: 'remove', target: 'indicator', id: owned });
    expect(await s.api.undoHistory({ ...ref, batchId: freshBatch.id })).toMatchObject({ changed: 1, kept: 0 });
    expect((await perf()).projects.map((p) => p.id)).toEqual([project]);
  });

  it('places a printed fingerprint at the point whose 绩效 data it carries, after a later 绩效 edit', async () => {
    const { task } = await makeHistory();
    const session = await s.sessions.open(ref);
    const printed = fingerprintOf(session, await sessionPerfData(s.store.db, session)).fingerprint;
    const printedPerf = await perf();
    at(30);
    await set('task', task, 'spent', '250');
    const verified = await s.api.verifyFingerprint({ ...ref, fingerprint: printed });
    expect(verified.matches).toBe(false);
    const batches = await s.api.reportHistory(ref);
    expect(verified.stateAt).toContain(`第 ${batches[1]!.id} 批修改之后`);
    // The 绩效 data at that time is what was printed.
    expect(await perfStateAt(s.sessions, ref, new Date(T0 + 29 * minute))).toEqual(printedPerf);
  });

  it('is shown and restored from the command line', async () => {
    const { project } = await makeHistory();
    await s.close();
    const listed = await cliOk('history', '--db', db, '--unit', '001', '--year', '2020');
    expect(listed.split('\n')[0]).toMatch(/录入\t2 处\t绩效自评$/);
    const field = await cliOk('history', '--db', db, '--unit', '001', '--year', '2020', '--perf', `project:${project}:annual.0`);
    expect(field).toContain('全年预算数（');
    expect(field).toContain('0.00 元 → 1,000.50 元');
    const name = await cliOk('history', '--db', db, '--unit', '001', '--year', '2020', '--perf', `project:${project}:name`);
    expect(name.split('\n')).toHaveLength(2);
    expect(name).toContain('农村道路养护 → 农村公路养护');
    expect(name).toContain('新增项目“农村道路养护”');
    const dept = await cliOk('history', '--db', db, '--unit', '001', '--year', '2020', '--perf', 'dept:duty');
    expect(dept).toContain('（空） → 负责全县政务服务');
    const bad = await cli('history', '--db', db, '--unit', '001', '--year', '2020', '--perf', 'project:x');
    expect(bad.code).not.toBe(0);
    expect(bad.err).toContain('--perf');
    const out = await cliOk('history', 'restore', '--db', db, '--unit', '001', '--year', '2020', '--to', '0', '--table', 'perf');
    expect(out).toContain('（绩效自评）');
    s = await createServices({ dbPath: db, backupOnOpen: 'never' });
    expect(await perf()).toMatchObject({ projects: [], indicators: [], tasks: [] });
    expect((await s.api.openReport(ref)).inputs['T03:2010301:c2']).toBe(10_000);
  });
});
