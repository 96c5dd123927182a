/**
 * The 修改记录 of one 绩效自评 field, as the Api gives it: every change of the field and its row's
 * addition and removal, newest first. A report not yet stored has none.
 */
import type { ReportRef } from '../../../shared/api/contract';
import { AppError } from '../../../shared/api/errors';
import type { PerfHistoryEntry } from '../../../shared/perf/contract';
import { fieldOf, type PerfTarget } from '../../../shared/perf/fields';
import type { ReportSessions } from '../reportSessions';
import { perfFieldLog } from './perfHistoryStore';

export async function perfFieldHistory(sessions: ReportSessions, ref: ReportRef, target: PerfTarget, id: number, field: string): Promise<PerfHistoryEntry[]> {
  if (ref.consolidated) throw new AppError('部门汇总表由所属单位的报表汇总计算，绩效自评的修改记录在单位的报表中');
  if (!fieldOf(target, field)) throw new AppError(`绩效自评没有“${field}”这一项`);
  const stored = await sessions.store.findReport(ref.unit, ref.year);
  if (!stored) return [];
  const report = { reportId: stored.id, unitCode: stored.unitCode, year: stored.year };
  const rows = await sessions.store.db.snapshot((tx) => perfFieldLog(tx, report, target, target === 'dept' ? 0 : id, field));
  return rows.map((r) => ({ batch: r.batch_id, at: r.at, how: r.how, target: r.target, id: r.row_id, field: r.field, old: r.old_value, new: r.new_value }));
}
