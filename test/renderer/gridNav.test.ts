import { describe, expect, it } from 'vitest';
import { extend, lineEdge, pageStep, rangeOf, sheetEdge, step, tabStep, type NavShape } from '../../renderer/src/edit/gridNav';

/**
 * A T03-like sheet: columns 0–1 are headings, 2 computed (本年支出合计), 3–4 inputs; lines 0 合计,
 * 1 类, 2 款, 3–4 项, 5 类, 6 款, 7 项.
 */
const inputLines = new Set([3, 4, 7]);
const shape: NavShape = { lines: 8, cols: 5, isInput: (line, col) => inputLines.has(line) && (col === 3 || col === 4) };

describe('navigation over input cells only', () => {
  it('down from the last 项 of a 款 lands on the next 项, stepping over the 类 and 款 rows', () => {
    expect(step(shape, { line: 4, col: 3 }, 'down')).toEqual({ line: 7, col: 3 });
    expect(step(shape, { line: 7, col: 3 }, 'up')).toEqual({ line: 4, col: 3 });
  });

  it('stays put where there is no input further on', () => {
    const from = { line: 7, col: 4 };
    expect(step(shape, from, 'down')).toBe(from);
    expect(step(shape, from, 'right')).toBe(from);
  });

  it('left from the first input stops there (headings and computed columns are skipped)', () => {
    const from = { line: 3, col: 3 };
    expect(step(shape, from, 'left')).toBe(from);
  });

  it('from a computed cell (an audit jump) an arrow finds the next input', () => {
    expect(step(shape, { line: 0, col: 3 }, 'down')).toEqual({ line: 3, col: 3 });
  });

  it('Tab runs in reading order across lines; Shift+Tab back', () => {
    expect(tabStep(shape, { line: 3, col: 4 }, false)).toEqual({ line: 4, col: 3 });
    expect(tabStep(shape, { line: 4, col: 4 }, false)).toEqual({ line: 7, col: 3 });
    expect(tabStep(shape, { line: 7, col: 3 }, true)).toEqual({ line: 4, col: 4 });
  });

  it('Home/End, Ctrl+Home/Ctrl+End', () => {
    expect(lineEdge(shape, { line: 4, col: 4 }, false)).toEqual({ line: 4, col: 3 });
    expect(lineEdge(shape, { line: 4, col: 3 }, true)).toEqual({ line: 4, col: 4 });
    expect(sheetEdge(shape, { line: 4, col: 4 }, false)).toEqual({ line: 3, col: 3 });
    expect(sheetEdge(shape, { line: 3, col: 3 }, true)).toEqual({ line: 7, col: 4 });
  });

  it('PageDown and PageUp land on an input in the same column', () => {
    expect(pageStep(shape, { line: 3, col: 3 }, 3, true)).toEqual({ line: 7, col: 3 });
    expect(pageStep(shape, { line: 7, col: 3 }, 2, false)).toEqual({ line: 4, col: 3 });
    expect(pageStep(shape, { line: 7, col: 3 }, 20, true)).toEqual({ line: 7, col: 3 });
  });

  it('Shift+arrows extend over every cell, within the data columns', () => {
    expect(extend(shape, { line: 3, col: 3 }, 'up', 2)).toEqual({ line: 2, col: 3 });
    expect(extend(shape, { line: 3, col: 2 }, 'left', 2)).toEqual({ line: 3, col: 2 });
    expect(rangeOf({ line: 4, col: 4 }, { line: 2, col: 2 })).toEqual({ top: 2, left: 2, bottom: 4, right: 4 });
  });
});
