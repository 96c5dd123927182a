/**
 * The years a clerk can open: every pack's year, plus the year before the earliest one. That year
 * opens in the earliest pack (the back end allows it) and holds last year's figures (上年数), typed
 * or imported from last year's workbook.
 */
import type { PackSummary } from '../../../shared/api/contract';

/** Newest first. */
export function reportYears(packs: readonly PackSummary[]): number[] {
  const years = [...new Set(packs.map((p) => p.year))];
  if (years.length === 0) return [];
  const earliest = Math.min(...years);
  return [...years, earliest - 1].sort((a, b) => b - a);
}

/** `2020 年度`, or `2019 年度（上年数）` for the year that only serves as last year. */
export function yearLabel(year: number, packs: readonly PackSummary[]): string {
  return packs.some((p) => p.year === year) ? `${year} 年度` : `${year} 年度（上年数）`;
}
