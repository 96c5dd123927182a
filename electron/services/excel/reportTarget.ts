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

/** The pack of a year, or else the pack of the following year (for importing 上年数). */
export function packForReportYear(packs: readonly Pack[], year: number): { pack: Pack; borrowed: boolean } {
  const own = packs.find((p) => p.year === year);
  if (own) return { pack: own, borrowed: false };
  const next = packs.find((p) => p.year === year + 1);
  if (next) return { pack: next, borrowed: true };
  const years = [...new Set(packs.map((p) => p.year))].sort().join('、') || '无';
  throw new AppError(`没有 ${year} 年度的报表格式（已安装的年度：${years}；上一年度的数据可按下一年度的格式导入）`);
}

export async function reportTarget(sessions: ReportSessions, ref: ReportRef): Promise<ReportTarget> {
  const unit = await sessions.requireUnit(ref.unit);
  const stored = await sessions.store.findReport(ref.unit, ref.year);
  if (stored) {
    const pack = sessions.packById(stored.packId);
    const current = await sessions.store.loadReportData(stored.id);
    return { unit, year: ref.year, pack, borrowedPack: pack.year !== ref.year, exists: true, current };
  }
  const { pack, borrowed } = packForReportYear(sessions.packs, ref.year);
  return { unit, year: ref.year, pack, borrowedPack: borrowed, exists: false, current: { rows: {}, inputs: {}, texts: {} } };
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
