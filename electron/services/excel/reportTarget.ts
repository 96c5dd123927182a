/**
 * The report an import goes into, read without creating anything (planning must write nothing).
 * A year without its own pack — the year before the first pack, whose workbook is imported for its
 * 上年数 — borrows the next year's pack (ReportSessions.packForYear).
 */
import type { ReportData, ReportRef, Unit } from '../../../shared/api/contract';
import { packServesYear, type Pack } from '../../../shared/pack/model';
import type { SubjectNames } from '../../../shared/pack/clerkSubjects';
import { reportSubjects, type ReportSessions } from '../reportSessions';

export interface ReportTarget {
  unit: Unit;
  year: number;
  pack: Pack;
  /** The pack is the following year's: this report holds last year's figures (上年数). */
  borrowedPack: boolean;
  exists: boolean;
  current: ReportData;
  /** The installed format, before the year's own catalogues (names of rows the year's catalogue lacks). */
  basePack: Pack;
  /** The report's own 科目 (texts, and rows the year's catalogue lacks). */
  subjects: SubjectNames;
}

export async function reportTarget(sessions: ReportSessions, ref: ReportRef): Promise<ReportTarget> {
  const unit = await sessions.requireUnit(ref.unit);
  const stored = await sessions.store.findReport(ref.unit, ref.year);
  if (stored) {
    const basePack = sessions.packById(stored.packId);
    const { pack } = await sessions.packOfYear(basePack, ref.year);
    const current = await sessions.store.loadReportData(stored.id);
    const subjects = reportSubjects(pack, basePack, current.rows, current.texts);
    return { unit, year: ref.year, pack, basePack, subjects, borrowedPack: !packServesYear(pack, ref.year), exists: true, current };
  }
  const basePack = sessions.packForYear(ref.year);
  const { pack } = await sessions.packOfYear(basePack, ref.year);
  const current = { rows: {}, inputs: {}, texts: {} };
  return { unit, year: ref.year, pack, basePack, subjects: {}, borrowedPack: !packServesYear(pack, ref.year), exists: false, current };
}
