import { describe, expect, it } from 'vitest';
import { reportYears, yearLabel } from '../../../renderer/src/excel/yearChoices';
import { packForYear } from '../../../shared/pack/years';

const packs = [
  { id: 'yn-2025', name: '云南 2025', year: 2022, years: { from: 2022, to: 2025 } },
  { id: 'yn-2020', name: '云南 2020', year: 2020, years: { from: 2020, to: 2021 } },
];

describe('year choices', () => {
  it('offers every year a format serves and the year before the earliest, newest first', () => {
    expect(reportYears(packs)).toEqual([2025, 2024, 2023, 2022, 2021, 2020, 2019]);
    expect(reportYears([])).toEqual([]);
  });

  it('labels the extra year as last year (上年数)', () => {
    expect(yearLabel(2021, packs)).toBe('2021 年度');
    expect(yearLabel(2020, packs)).toBe('2020 年度');
    expect(yearLabel(2019, packs)).toBe('2019 年度（上年数）');
  });

  it('opens each year in the format that serves it', () => {
    expect([2019, 2020, 2021, 2022, 2025].map((y) => packForYear(packs, y)?.id)).toEqual(['yn-2020', 'yn-2020', 'yn-2020', 'yn-2025', 'yn-2025']);
    expect(packForYear(packs, 2026)).toBeUndefined();
    expect(packForYear(packs, 2018)).toBeUndefined();
  });
});
