/**
 * The edit history of a report as the services use it: a cell's changes, the report's batches, the
 * report's state at a point in time (`reportStateAt`, which the print fingerprint is matched against),
 * finding the point a given state matches, and restoring a table or the whole report to a point
 * (journalled as 恢复, itself undoable as 撤销).
 */
import type { ChangeHow, HistoryBatchInfo, HistoryEntryInfo, ReportData, ReportRef } from '../../shared/api/contract';
import { rowNameKey, rowSeqKey } from '../../shared/pack/namedRows';
import { AppError } from '../../shared/api/errors';
import type { ReportSessions, Session } from './reportSessions';
import type { Tx } from './store/database';
import { batchAt, batchChanges, getBatch, listBatches, placeHistory, stateAfterBatch, type HistoryReport } from './store/history';
import { readState } from './store/reportStore';
import { localTime } from './backup/damagedDatabase';
import type { PerfData } from '../../shared/perf/model';
import { PERF_TABLE, perfStateAlso, undoPerf } from './perf/perfJournal';
import { perfAfterBatch, perfBatchChanges } from './perf/perfHistoryStore';
import { perfDataOf, readPerfRows, type PerfRows } from './perf/perfRows';

/** How a change was made, in the words the CLI and the notes use. */
export const HOW_WORDS: Record<ChangeHow, string> = { typed: '录入', paste: '粘贴', import: '导入', undo: '撤销', restore: '恢复' };

function historyReport(session: Session): HistoryReport {
  if (session.consolidated) throw new AppError('部门汇总表由所属单位的报表汇总计算，没有自己的修改记录；请在单位的报表中恢复');
  if (session.reportId <= 0) throw new AppError(`单位 ${session.unit.code} ${session.year} 年度的报表还没有保存任何数据，没有可恢复的修改记录`);
  return { reportId: session.reportId, unitCode: session.unit.code, year: session.year };
}

/** The stored report of a unit for a year (never created by looking at its history). */
async function storedHistoryReport(sessions: ReportSessions, ref: ReportRef): Promise<HistoryReport | null> {
  const stored = await sessions.store.findReport(ref.unit, ref.year);
  return stored ? { reportId: stored.id, unitCode: stored.unitCode, year: stored.year } : null;
}

export async function cellHistory(sessions: ReportSessions, ref: ReportRef, table: string, row: string, col: string): Promise<HistoryEntryInfo[]> {
  const report = await storedHistoryReport(sessions, ref);
  if (!report) return [];
  return sessions.store.db.snapshot((tx) => placeHistory(tx, report, 'cell', table, row, col));
}

export async function reportBatches(sessions: ReportSessions, ref: ReportRef, limit?: number): Promise<HistoryBatchInfo[]> {
  const report = await storedHistoryReport(sessions, ref);
  if (!report) return [];
  return sessions.store.db.snapshot((tx) => listBatches(tx, report, limit));
}

/** The report's 绩效自评 as it was at `time`; null when there is no such report. */
export async function perfStateAt(sessions: ReportSessions, ref: ReportRef, time: Date): Promise<PerfData | null> {
  const report = await storedHistoryReport(sessions, ref);
  if (!report) return null;
  return sessions.store.db.snapshot(async (tx) => perfDataOf(await perfAfterBatch(tx, report, await batchAt(tx, report, time))));
}

/** The report's stored state (rows, inputs, texts) as it was at `time`; null when there is no such report. */
export async function reportStateAt(sessions: ReportSessions, ref: ReportRef, time: Date): Promise<ReportData | null> {
  const report = await storedHistoryReport(sessions, ref);
  if (!report) return null;
  return sessions.store.db.snapshot(async (tx) => stateAfterBatch(tx, report, await batchAt(tx, report, time)));
}

export interface HistoryPoint {
  /** The batch after which the report was in the matching state; null for the current state. */
  batchId: number | null;
  /** When it got into that state (null: before the first journalled change, or the current state). */
  at: string | null;
}

/**
 * The newest point in the report's history whose state `matches` (e.g. whose data fingerprint equals a
 * printed one): the current state first, then the state after each batch going back. Null when none does.
 */
export async function findHistoryPoint(
  sessions: ReportSessions,
  ref: ReportRef,
  matches: (state: ReportData, perf: PerfData) => boolean,
): Promise<HistoryPoint | null> {
  const report = await storedHistoryReport(sessions, ref);
  if (!report) return null;
  return sessions.store.db.snapshot(async (tx) => {
    const batches = await listBatches(tx, report, 1_000_000);
    const current = await readState(tx, report.reportId);
    if (matches(current, perfDataOf(await readPerfRows(tx, report.reportId)))) return { batchId: null, at: null };
    for (let i = 0; i < batches.length; i += 1) {
      const before = batches[i + 1];
      const state = await stateAfterBatch(tx, report, before?.id ?? 0);
      // The 绩效自评 at that same point: a printed 自评表 is matched with the register as it then was.
      if (matches(state, perfDataOf(await perfAfterBatch(tx, report, before?.id ?? 0)))) return { batchId: before?.id ?? 0, at: before?.at ?? null };
    }
    return null;
  });
}

async function requireBatch(tx: Tx, report: HistoryReport, batchId: number): Promise<void> {
  if (batchId !== 0 && !(await getBatch(tx, report, batchId))) throw new AppError(`修改记录中没有第 ${batchId} 批（或它不属于这份报表）`);
}

function withTable(current: ReportData, target: ReportData, table: string): ReportData {
  const rows = { ...current.rows };
  delete rows[table];
  if (target.rows[table]?.length) rows[table] = target.rows[table];
  const inputs: Record<string, number> = {};
  for (const [key, value] of Object.entries(current.inputs)) if (!key.startsWith(`${table}:`)) inputs[key] = value;
  for (const [key, value] of Object.entries(target.inputs)) if (key.startsWith(`${table}:`)) inputs[key] = value;
  const strings: Record<string, string> = {};
  for (const [key, value] of Object.entries(current.strings ?? {})) if (!key.startsWith(`${table}:`)) strings[key] = value;
  for (const [key, value] of Object.entries(target.strings ?? {})) if (key.startsWith(`${table}:`)) strings[key] = value;
  // The names and numbering of the table's named rows come back with its rows.
  const ofTable = (key: string) => key.startsWith(`${rowNameKey(table, '')}`) || key === rowSeqKey(table);
  const texts: Record<string, string> = {};
  for (const [key, value] of Object.entries(current.texts)) if (!ofTable(key)) texts[key] = value;
  for (const [key, value] of Object.entries(target.texts)) if (ofTable(key)) texts[key] = value;
  return { rows, inputs, texts, ...(Object.keys(strings).length > 0 ? { strings } : {}) };
}

/** Writes a whole new state for an open report after checking the pack takes it; the cached engine is re-read. */
async function writeState(
  sessions: ReportSessions,
  ref: ReportRef,
  session: Session,
  state: ReportData,
  how: 'restore' | 'undo',
  note: string,
  dataVersion: number | undefined,
  perf?: PerfRows,
) {
  sessions.buildEngine(session.pack, state.rows, state.inputs, '恢复后的报表', undefined, { strings: state.strings ?? {}, texts: state.texts });
  try {
    return await sessions.store.writeReportState(session.reportId, state, { how, note, dataVersion }, perf && perfStateAlso(session.reportId, perf));
  } finally {
    sessions.drop(ref);
  }
}

/** Puts the report (or one table of it) back as it was right after batch `batchId` (0: before the first change). */
export function restoreToBatch(sessions: ReportSessions, ref: ReportRef, batchId: number, table?: string): Promise<{ batchId: number | null; changed: number }> {
  return sessions.serial(() =>
    sessions.write(ref, async (session, dataVersion) => {
      const perfOnly = table === PERF_TABLE;
      if (table !== undefined && !perfOnly && !session.pack.tables.some((t) => t.id === table)) throw new AppError(`表 ${table} 不存在（报表格式 ${session.pack.id}）`, { table });
      const report = historyReport(session);
      const { current, target, perf } = await sessions.store.db.snapshot(async (tx) => {
        await requireBatch(tx, report, batchId);
        return {
          current: await readState(tx, report.reportId),
          target: await stateAfterBatch(tx, report, batchId),
          perf: await perfAfterBatch(tx, report, batchId),
        };
      });
      // The whole report includes its 绩效自评; 'perf' is the 绩效自评 alone; any other table leaves it as it is.
      const state = table === undefined ? target : perfOnly ? current : withTable(current, target, table);
      const when = batchId === 0 ? '第一次修改之前' : `${localTime(new Date((await sessions.store.db.snapshot((tx) => getBatch(tx, report, batchId)))?.at ?? 0))} 的状态`;
      const part = table === undefined ? '整份报表' : perfOnly ? '绩效自评' : (session.pack.tables.find((t) => t.id === table)?.code ?? table);
      const note = `恢复到${when}（${part}）`;
      const result = await writeState(sessions, ref, session, state, 'restore', note, dataVersion, table === undefined || perfOnly ? perf : undefined);
      return { batchId: result.batchId, changed: result.changes.length + result.also };
    }),
  );
}

/**
 * Undoes one batch: every place it changed goes back to its value before, unless it was changed again
 * afterwards — such places keep their later value and are counted in `kept`.
 */
export function undoBatch(sessions: ReportSessions, ref: ReportRef, batchId: number): Promise<{ batchId: number | null; changed: number; kept: number }> {
  return sessions.serial(() =>
    sessions.write(ref, async (session, dataVersion) => {
      const report = historyReport(session);
      const { current, entries, perfNow, perfEntries } = await sessions.store.db.snapshot(async (tx) => {
        await requireBatch(tx, report, batchId);
        return {
          current: await readState(tx, report.reportId),
          entries: await batchChanges(tx, report, batchId),
          perfNow: await readPerfRows(tx, report.reportId),
          perfEntries: await perfBatchChanges(tx, report, batchId),
        };
      });
      const rows = new Map(Object.entries(current.rows).map(([t, codes]) => [t, new Set(codes)]));
      const inputs = new Map(Object.entries(current.inputs));
      const strings = new Map(Object.entries(current.strings ?? {}));
      const texts = new Map(Object.entries(current.texts));
      let kept = 0;
      for (const entry of [...entries].reverse()) {
        if (entry.kind === 'cell') {
          // A string is a text or decimal cell, a number 分 or a count.
          const key = `${entry.table}:${entry.row}:${entry.col}`;
          if ((inputs.get(key) ?? strings.get(key) ?? null) !== entry.new) kept += 1;
          else {
            inputs.delete(key);
            strings.delete(key);
            if (typeof entry.old === 'string') strings.set(key, entry.old);
            else if (entry.old !== null) inputs.set(key, Number(entry.old));
          }
        } else if (entry.kind === 'text') {
          if ((texts.get(entry.row) ?? null) !== entry.new) kept += 1;
          else if (entry.old === null) texts.delete(entry.row);
          else texts.set(entry.row, String(entry.old));
        } else {
          const codes = rows.get(entry.table) ?? new Set<string>();
          if (codes.has(entry.row) !== (entry.new !== null)) kept += 1;
          else if (entry.old === null) codes.delete(entry.row);
          else codes.add(entry.row);
          rows.set(entry.table, codes);
        }
      }
      const state: ReportData = {
        rows: Object.fromEntries([...rows].filter(([, codes]) => codes.size > 0).map(([t, codes]) => [t, [...codes].sort()])),
        inputs: Object.fromEntries(inputs),
        ...(strings.size > 0 ? { strings: Object.fromEntries(strings) } : {}),
        texts: Object.fromEntries(texts),
      };
      const perf = perfEntries.length > 0 ? undoPerf(perfNow, perfEntries) : undefined;
      kept += perf?.kept ?? 0;
      const undone = await sessions.store.db.snapshot((tx) => getBatch(tx, report, batchId));
      const note = `撤销 ${undone ? localTime(new Date(undone.at)) : ''} 的${undone ? HOW_WORDS[undone.how] : '修改'}`;
      const result = await writeState(sessions, ref, session, state, 'undo', note, dataVersion, perf?.rows);
      return { batchId: result.batchId, changed: result.changes.length + result.also, kept };
    }),
  );
}
