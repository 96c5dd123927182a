/**
 * The report an import goes into, read without creating anything (planning must write nothing).
 * A year without its own pack — the year before the first pack, whose workbook is imported for its
 * 上年数 — borrows the next year's pack (ReportSessions.packForYear).
 */
import type { ReportData, ReportRef, Unit } from '../../../shared/api/contract';
import { packServesYear, type Pack } from '../../../shared/pack/model';
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
    return { unit, year: ref.year, pack, borrowedPack: !packServesYear(pack, ref.year), exists: true, current };
  }
  const pack = sessions.packForYear(ref.year);
  return { unit, year: ref.year, pack, borrowedPack: !packServesYear(pack, ref.year), exists: false, current: { rows: {}, inputs: {}, texts: {} } };
}
