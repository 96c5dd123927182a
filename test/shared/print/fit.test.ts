import { describe, expect, it } from 'vitest';
import { fitTable, simulatePages, type TableMetrics } from '../../../shared/print/fit';

/** A table measured at zoom 1: a 100 px header and `rows` rows 20 px tall. */
const table = (rows: number, notes = 0): TableMetrics => ({ id: 'T01', zoom: 1, head: 100, rows: new Array<number>(rows).fill(20), notes });

describe('table pagination and fitting', () => {
  it('repeats the header on every page and moves a row that does not fit whole to the next page', () => {
    // A 600 px page (less the safety margin) holds the header and 24 rows.
    expect(simulatePages(table(24), 1, 600)).toBe(1);
    expect(simulatePages(table(25), 1, 600)).toBe(2);
    expect(simulatePages(table(48), 1, 600)).toBe(2);
    expect(simulatePages(table(49), 1, 600)).toBe(3);
    // Notes under the table that do not fit go onto a page of their own.
    expect(simulatePages(table(24, 40), 1, 600)).toBe(2);
  });

  it('pulls a table that spills a few rows back onto one page, at the largest zoom that does it', () => {
    const fit = fitTable(table(27), 1, null, 600);
    expect(fit.pages).toBe(1);
    expect(fit.zoom).toBeLessThan(1);
    expect(fit.zoom).toBeGreaterThan(0.85);
    expect(simulatePages(table(27), fit.zoom, 600)).toBe(1);
    expect(simulatePages(table(27), fit.zoom * 1.01, 600)).toBe(2);
  });

  it('leaves a table that spills a lot at full size, and a chosen scale as chosen (never wider than the page)', () => {
    expect(fitTable(table(40), 1, null, 600)).toEqual({ zoom: 1, pages: 2 });
    expect(fitTable(table(27), 0.9, 1, 600).zoom).toBe(0.9);
    expect(fitTable(table(27), 1, 1, 600)).toEqual({ zoom: 1, pages: 2 });
  });
});
