/**
 * Paginating a 绩效自评表 from measured heights: blocks kept whole, a grid whose header repeats on every
 * page it runs onto and whose header never stands alone at a page's foot, and the pull-back of a sheet
 * that spills a few rows onto an extra page (never below 85 %).
 */
import { describe, expect, it } from 'vitest';
import { fitSheet, sheetPages, type SheetMetrics } from '../../../shared/print/perfFit';

/** Page height giving a capacity of 1000.5 px after the safety allowances (half a pixel against rounding). */
const PAGE = (1000.5 + 3) / (1 - 0.004);

function sheet(head: number, gridHead: number, rows: number[], total = 30): SheetMetrics {
  const grid = gridHead + rows.reduce((a, b) => a + b, 0);
  return { id: 's', blocks: [{ height: 60 }, { height: head }, { height: grid, grid: { head: gridHead, rows } }, { height: total }] };
}

describe('sheetPages', () => {
  it('fits a sheet that fills one page exactly, and starts a second page one row later', () => {
    // 60 + 300 + 40 + 19 × 30 = 970, + 总分 30 = 1000.
    expect(sheetPages(sheet(300, 40, Array(19).fill(30)), PAGE)).toBe(1);
    expect(sheetPages(sheet(300, 40, Array(20).fill(30)), PAGE)).toBe(2);
  });

  it('repeats the grid header on every page: a page holds (1000 − header) / row rows', () => {
    // Page 1: 60 + 100 + 50 header + 15 rows of 50 = 960 (a 16th would make 1010); then 50 + 19 rows = 1000 per page.
    expect(sheetPages(sheet(100, 50, Array(15 + 19 + 5).fill(50), 0), PAGE)).toBe(3);
    expect(sheetPages(sheet(100, 50, Array(15 + 19).fill(50), 0), PAGE)).toBe(2);
    expect(sheetPages(sheet(100, 50, Array(15 + 19 + 1).fill(50), 0), PAGE)).toBe(3);
  });

  it('moves a grid header that would stand alone at the foot of a page on with its first row', () => {
    // After 60 + 880 the header (40) fits but the first row (40) does not: both go to page 2.
    const metrics: SheetMetrics = { id: 's', blocks: [{ height: 60 }, { height: 880 }, { height: 40 + 40, grid: { head: 40, rows: [40] } }] };
    expect(sheetPages(metrics, PAGE)).toBe(2);
  });

  it('moves a block kept whole to the next page when it does not fit', () => {
    expect(sheetPages(sheet(300, 40, Array(19).fill(30), 31), PAGE)).toBe(2);
  });
});

describe('fitSheet', () => {
  it('pulls a sheet spilling a few rows back onto one page, and leaves a long one as it is', () => {
    const spill = sheet(300, 40, Array(22).fill(30));
    expect(sheetPages(spill, PAGE)).toBe(2);
    const fit = fitSheet(spill, PAGE);
    expect(fit.pages).toBe(1);
    expect(fit.factor).toBeGreaterThanOrEqual(0.85);
    expect(fit.factor).toBeLessThan(1);
    // The largest zoom that saves the page: a little more and it spills again.
    expect(sheetPages({ id: 's', blocks: spill.blocks.map((b) => ({ height: b.height * (fit.factor + 0.01), ...(b.grid ? { grid: { head: b.grid.head * (fit.factor + 0.01), rows: b.grid.rows.map((r) => r * (fit.factor + 0.01)) } } : {}) })) }, PAGE)).toBe(2);
    const long = sheet(300, 40, Array(40).fill(30));
    expect(fitSheet(long, PAGE)).toEqual({ factor: 1, pages: sheetPages(long, PAGE) });
    expect(fitSheet(sheet(300, 40, [30]), PAGE)).toEqual({ factor: 1, pages: 1 });
  });
});
