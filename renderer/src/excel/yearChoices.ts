/**
 * The years a clerk can open: every year a format serves, plus the year before the earliest one.
 * That year opens in the earliest format (the back end allows it) and holds last year's figures
 * (上年数), typed or imported from last year's workbook.
 */
import type { PackSummary } from '../../../shared/api/contract';
import { isLastYearOnly, openableYears } from '../../../shared/pack/years';

/** Newest first. */
export function reportYears(packs: readonly PackSummary[]): number[] {
  return openableYears(packs);
}

/** `2020 年度`, or `2019 年度（上年数）` for the year that only serves as last year. */
export function yearLabel(year: number, packs: readonly PackSummary[]): string {
  return isLastYearOnly(packs, year) ? `${year} 年度（上年数）` : `${year} 年度`;
}
