/**
 * The one formula language, evaluated exactly: ×, ÷, MIN, MAX, IF and ROUND for rates and scores
 * (rationals, one half-up rounding), comparisons and and/or/not inside an expression, the narrative's
 * functions, and `null` (not known) spreading the way a sentence needs it.
 */
import { describe, expect, it } from 'vitest';
import { evaluateExact, type ExactScope } from '../../../shared/engine/evaluate';
import { FormulaSyntaxError, parseCondition, parseFormula } from '../../../shared/engine/parse';
import { toFixed, type Ratio } from '../../../shared/money/ratio';

const cells: Record<string, number> = {
  'P.A.c1': 300_000_00, // 全年预算数 300,000.00 元
  'P.A.c2': 287_654_32, // 全年执行数 287,654.32 元
  'P.B.c1': 0,
  'P.X.c1': 1,
  'P.X.c2': 3,
  'T05.2010301.c1': 100,
};
const prev: Record<string, number> = { 'P.A.c2': 250_000_00 };

const scope: ExactScope = {
  cell: (t, r, c) => cells[`${t}.${r}.${c}`] ?? 0,
  prevCell: (t, r, c) => prev[`${t}.${r}.${c}`] ?? null,
  input: (key) => (key === 'form.staff' ? 12 : null),
  filled: (key) => key === 'narrative.reason',
  option: (name) => name === 'wan',
  row: '2010301',
};

const value = (source: string): Ratio | null => evaluateExact(parseCondition(source), scope);
const fixed = (source: string, places = 2): string | null => {
  const v = value(source);
  return v === null ? null : toFixed(v, places);
};

describe('exact expressions', () => {
  it('computes a rate and a score with one half-up rounding, never a float', () => {
    // 执行率 = B / A × 100 = 95.884773…%
    expect(fixed('P.A.c2 / P.A.c1 * 100', 6)).toBe('95.884773');
    expect(fixed('ROUND(P.A.c2 / P.A.c1 * 100, 2)')).toBe('95.88');
    // 资金得分 = MIN(分值 10 × 执行率, 10), half-up at the end: 9.5884773 → 9.59
    expect(fixed('ROUND(MIN(10 * P.A.c2 / P.A.c1, 10), 2)')).toBe('9.59');
    // 0.1 + 0.2 is 0.3 exactly (a float sum would not be).
    expect(value('0.1 + 0.2 = 0.3')).toEqual({ n: 1n, d: 1n });
    expect(fixed('ROUND(1 / 3, 4)', 4)).toBe('0.3333');
    expect(fixed('ROUND(2.5, 0)', 0)).toBe('3');
    expect(fixed('ROUND(0 - 2.5, 0)', 0)).toBe('-3');
    expect(fixed('ROUND(1.005, 2)')).toBe('1.01');
  });

  it('IF, MIN, MAX and comparisons inside an expression; a division by zero is not known', () => {
    expect(fixed('IF(P.A.c2 >= P.A.c1, 100, ROUND(P.A.c2 * 100 / P.A.c1, 1))', 1)).toBe('95.9');
    expect(fixed('MAX(P.X.c1, P.X.c2, 2)', 0)).toBe('3');
    expect(fixed('MIN(P.X.c1, P.X.c2) + (P.X.c2 > P.X.c1)', 0)).toBe('2');
    expect(value('P.A.c1 / P.B.c1')).toBeNull();
    expect(value('ROUND(MIN(P.A.c1 / P.B.c1, 10), 2)')).toBeNull();
  });

  it('reads the narrative’s conditions: and/or/not, != and <>, forms, options, last year and the list row', () => {
    expect(value('not P.X.c1 > 3 and (P.X.c2 = 3 or P.X.c1 = 9)')).toEqual({ n: 1n, d: 1n });
    expect(value('P.X.c1 != 1')).toEqual({ n: 0n, d: 1n });
    expect(value('P.X.c1 <> 2')).toEqual({ n: 1n, d: 1n });
    expect(value('in(form.staff) + filled(narrative.reason) + opt(wan)')).toEqual({ n: 14n, d: 1n });
    expect(value('in(form.empty) + 1')).toBeNull();
    expect(value('in(form.empty) > 0')).toEqual({ n: 0n, d: 1n });
    expect(value('prev(P.A.c2)')).toEqual({ n: 250_000_00n, d: 1n });
    expect(value('hasPrev(P.A.c1) + hasPrev(P.A.c2) * 10')).toEqual({ n: 10n, d: 1n });
    expect(value('changed(P.A.c2)')).toEqual({ n: 1n, d: 1n });
    expect(value('abs(P.X.c1 - P.X.c2)')).toEqual({ n: 2n, d: 1n });
    expect(value('T05.$.c1 * 2')).toEqual({ n: 200n, d: 1n });
  });

  it('keeps formulas as they were: a comparison at the top, + and − binding looser than × and ÷', () => {
    const f = parseFormula('T01.ITOT = T01.ETOT + 2 * T01.X');
    expect(f.op).toBe('=');
    expect(f.right).toMatchObject({ type: 'binary', op: '+', right: { type: 'binary', op: '*' } });
    expect(() => parseCondition('P.A.c1 +')).toThrow(FormulaSyntaxError);
    expect(() => parseCondition('in()')).toThrow('缺少名称');
  });
});
