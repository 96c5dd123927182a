import { describe, expect, it } from 'vitest';
import { addFen, fenToYuanString, formatAmount, MAX_FEN, parseAmount, parseCount, percent } from '../../../shared/money/fen';

function fen(text: string, unit: '元' | '万元' = '元'): number | null {
  const result = parseAmount(text, unit);
  if (!result.ok) throw new Error(result.message);
  return result.fen;
}

function refusal(text: string, unit: '元' | '万元' = '元'): string {
  const result = parseAmount(text, unit);
  if (result.ok) throw new Error(`accepted ${text}`);
  return result.message;
}

describe('parseAmount', () => {
  it('reads plain, grouped and decimal amounts in 元 as 分', () => {
    expect(fen('1660834.72')).toBe(166083472);
    expect(fen('1,660,834.72')).toBe(166083472);
    expect(fen('12')).toBe(1200);
    expect(fen('0.5')).toBe(50);
    expect(fen('.05')).toBe(5);
    expect(fen('  3.10 元 ')).toBe(310);
    expect(fen('007.00')).toBe(700);
  });

  it('reads negatives written with a minus, a full-width or typographic minus, or parentheses', () => {
    expect(fen('-12.30')).toBe(-1230);
    expect(fen('－12.30')).toBe(-1230);
    expect(fen('\u221212.30')).toBe(-1230);
    expect(fen('(1,234.50)')).toBe(-123450);
    expect(fen('（1,234.50）')).toBe(-123450);
    expect(fen('-0')).toBe(0);
  });

  it('reads full-width digits, points and commas as WPS writes them', () => {
    expect(fen('１，２３４．５６')).toBe(123456);
    expect(fen('\u3000８８\u3000')).toBe(8800);
  });

  it('treats empty text as no value', () => {
    expect(fen('')).toBeNull();
    expect(fen('   ')).toBeNull();
  });

  it('reads 万元 with up to six decimals', () => {
    expect(fen('1.5', '万元')).toBe(1_500_000);
    expect(fen('2940.05', '万元')).toBe(2_940_050_000);
    expect(fen('0.000001', '万元')).toBe(1);
    expect(refusal('0.0000001', '万元')).toContain('小数位过多');
  });

  it('refuses what is not an amount, with the text quoted', () => {
    expect(refusal('abc')).toBe('“abc”不是有效的金额');
    expect(refusal('1,2')).toContain('不是有效的金额');
    expect(refusal('12,34.5')).toContain('不是有效的金额');
    expect(refusal('1.2.3')).toContain('不是有效的金额');
    expect(refusal('--5')).toContain('不是有效的金额');
    expect(refusal('1.234')).toContain('小数位过多');
  });

  it('accepts amounts up to 10^12 元 exactly and refuses larger ones', () => {
    expect(fen('1000000000000')).toBe(MAX_FEN);
    expect(fen('999,999,999,999.99')).toBe(99_999_999_999_999);
    expect(fen('-1000000000000.00')).toBe(-MAX_FEN);
    expect(refusal('1000000000000.01')).toContain('超出允许范围');
  });
});

describe('formatAmount', () => {
  it('shows 元 with two decimals and thousands separators', () => {
    expect(formatAmount(166083472)).toBe('1,660,834.72');
    expect(formatAmount(5)).toBe('0.05');
    expect(formatAmount(0)).toBe('0.00');
    expect(formatAmount(-123450)).toBe('-1,234.50');
    expect(formatAmount(MAX_FEN)).toBe('1,000,000,000,000.00');
    expect(formatAmount(166083472, { grouping: false })).toBe('1660834.72');
  });

  it('rounds 万元 half-up once, from exact 分, away from zero for negatives', () => {
    expect(formatAmount(166083472, { unit: '万元' })).toBe('166.08'); // 166.083472 万元
    expect(formatAmount(5_000, { unit: '万元' })).toBe('0.01'); // 0.005 万元 rounds up
    expect(formatAmount(4_999, { unit: '万元' })).toBe('0.00');
    expect(formatAmount(-5_000, { unit: '万元' })).toBe('-0.01');
    expect(formatAmount(-4_999, { unit: '万元' })).toBe('0.00');
    expect(formatAmount(2_940_050_000, { unit: '万元' })).toBe('2,940.05');
    expect(formatAmount(MAX_FEN, { unit: '万元' })).toBe('100,000,000.00');
  });

  it('round-trips every 分 through the report file form', () => {
    for (const value of [0, 1, 99, 100, 101, 166083472, -7, MAX_FEN, -MAX_FEN]) {
      expect(fen(fenToYuanString(value))).toBe(value);
    }
  });
});

describe('percent', () => {
  it('is part/whole × 100 rounded half-up to 2 decimals', () => {
    expect(percent(1, 3)).toBe('33.33');
    expect(percent(2, 3)).toBe('66.67');
    expect(percent(1, 8)).toBe('12.50');
    expect(percent(1, 200)).toBe('0.50');
    expect(percent(1, 20_000)).toBe('0.01'); // exactly 0.005 % rounds up
    expect(percent(-1, 8)).toBe('-12.50');
    expect(percent(5, 5)).toBe('100.00');
  });

  it('is exact for amounts whose product would overflow a double', () => {
    expect(percent(MAX_FEN - 1, MAX_FEN)).toBe('100.00');
    expect(percent(33_333_333_333_333, MAX_FEN)).toBe('33.33');
    expect(percent(MAX_FEN, 3)).toBe('3333333333333333.33');
  });

  it('is never computed against zero', () => {
    expect(percent(5, 0)).toBeNull();
  });
});

describe('parseCount and addFen', () => {
  it('reads whole counts, refusing fractions', () => {
    expect(parseCount('12')).toEqual({ ok: true, fen: 12 });
    expect(parseCount('１２')).toEqual({ ok: true, fen: 12 });
    expect(parseCount('')).toEqual({ ok: true, fen: null });
    expect(parseCount('1.5').ok).toBe(false);
  });

  it('refuses a sum that would leave the exact integer range', () => {
    expect(addFen(1, 2)).toBe(3);
    expect(() => addFen(Number.MAX_SAFE_INTEGER, 1)).toThrow(RangeError);
  });
});
