/**
 * Which format a report year opens in. A format serves a range of years (yn-2020: 2020–2021,
 * yn-2025: 2022–2025); the year before the earliest format opens in that format and holds last
 * year's figures (上年数), typed or imported from last year's workbook.
 */
import type { Pack } from './model';

type PackYears = Pick<Pack, 'id' | 'years'>;

/** The format of a year, or undefined when none serves it. */
export function packForYear<P extends PackYears>(packs: readonly P[], year: number): P | undefined {
  const serving = packs.filter((p) => year >= p.years.from && year <= p.years.to);
  // Two formats for one year: the one that starts later is the newer.
  serving.sort((a, b) => b.years.from - a.years.from || a.id.localeCompare(b.id));
  if (serving[0]) return serving[0];
  const earliest = [...packs].sort((a, b) => a.years.from - b.years.from)[0];
  return earliest && earliest.years.from === year + 1 ? earliest : undefined;
}

/** Every year a clerk can open, newest first. */
export function openableYears(packs: readonly PackYears[]): number[] {
  const years = new Set<number>();
  for (const p of packs) for (let y = p.years.from; y <= p.years.to; y++) years.add(y);
  if (years.size === 0) return [];
  years.add(Math.min(...years) - 1);
  return [...years].sort((a, b) => b - a);
}

/** Whether a year is only the 上年数 year before the earliest format. */
export function isLastYearOnly(packs: readonly PackYears[], year: number): boolean {
  return !packs.some((p) => year >= p.years.from && year <= p.years.to);
}
