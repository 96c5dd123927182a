import { describe, expect, it } from 'vitest';
import { reportYears, yearLabel } from '../../../renderer/src/excel/yearChoices';

const packs = [
  { id: 'yn-2021', name: '云南 2021', year: 2021 },
  { id: 'yn-2020', name: '云南 2020', year: 2020 },
];

describe('year choices', () => {
  it('offers every pack year and the year before the earliest, newest first', () => {
    expect(reportYears(packs)).toEqual([2021, 2020, 2019]);
    expect(reportYears([])).toEqual([]);
  });

  it('labels the extra year as last year (上年数)', () => {
    expect(yearLabel(2020, packs)).toBe('2020 年度');
    expect(yearLabel(2019, packs)).toBe('2019 年度（上年数）');
  });
});
