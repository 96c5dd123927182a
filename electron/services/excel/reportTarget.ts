/**
 * The report an import goes into, read without creating anything (planning must write nothing), and
 * the pack a year's report uses. There is only one pack per year; a year without its own pack — the
 * year before the first pack, whose workbook is imported for its 上年数 — borrows the next year's pack.
 */
import type { ReportData, ReportRef, Unit } from '../../../shared/api/contract';
import { AppError } from '../../../shared/api/errors';
import { ReportEngine } from '../../../shared/engine/reportEngine';
import type { Pack } from '../../../shared/pack/model';
import type { ReportSessions } from '../reportSessions';

export interface ReportTarget {
  unit: Unit;
  year: number;
  pack: Pack;
  /** The pack is the following year's: this report holds last year's figures (上年数). */
  borrowedPack: boolean;
  exists: boolean;
  current: ReportData;
}

export async function reportTarget(sessions: ReportSessions, ref: ReportRef): Promise<ReportTarget> {
  const unit = await sessions.requireUnit(ref.unit);
  const stored = await sessions.store.findReport(ref.unit, ref.year);
  if (stored) {
    const pack = sessions.packById(stored.packId);
    const current = await sessions.store.loadReportData(stored.id);
    return { unit, year: ref.year, pack, borrowedPack: pack.year !== ref.year, exists: true, current };
  }
  const pack = sessions.packForYear(ref.year);
  return { unit, year: ref.year, pack, borrowedPack: pack.year !== ref.year, exists: false, current: { rows: {}, inputs: {}, texts: {} } };
}

export interface PreviousYear {
  year: number;
  pack: Pack;
  engine: ReportEngine;
  /** A cell's value last year (inputs and computed alike, 0 when empty); undefined when the cell does not exist. */
  value(table: string, row: string, col: string): number | undefined;
}

/**
 * Last year's figures of a unit (上年数 for the narrative): the stored report of year − 1, whether
 * typed or imported from last year's workbook; null when there is none.
 */
export async function previousYearValues(sessions: ReportSessions, ref: ReportRef): Promise<PreviousYear | null> {
  const year = ref.year - 1;
  const stored = await sessions.store.findReport(ref.unit, year);
  if (!stored) return null;
  const pack = sessions.packById(stored.packId);
  const data = await sessions.store.loadReportData(stored.id);
  const engine = sessions.buildEngine(pack, data.rows, data.inputs, `单位 ${ref.unit} ${year} 年度报表中保存的数据`);
  return { year, pack, engine, value: (table, row, col) => engine.value(table, row, col) };
}
