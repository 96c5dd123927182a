import { describe, expect, it } from 'vitest';
import { parseDecimal, ratio, toFixed, int, type Ratio } from '../../../shared/perf/ratio';
import { fundScore, grade, qualitativeScore, quantitativeScore, totalScore, weightProblems, type PerfScheme } from '../../../shared/perf/score';

const SCHEME: PerfScheme = {
  weights: [
    { level1: '产出指标', points: 50 },
    { level1: '效益指标', points: 30 },
    { level1: '满意度指标', points: 10 },
    { level1: '预算执行率', points: 10 },
  ],
  grades: [
    { label: '优', min: 90 },
    { label: '良', min: 80 },
    { label: '中', min: 60 },
    { label: '差', min: 0 },
  ],
  qualitativeBands: [
    { label: '达成', fromPct: 100, toPct: 80 },
    { label: '部分达成', fromPct: 80, toPct: 50 },
    { label: '未达成', fromPct: 50, toPct: 0 },
  ],
};

const d = (text: string): Ratio => {
  const r = parseDecimal(text);
  if (!r) throw new Error(text);
  return r;
};
const shown = (r: Ratio | null): string | null => (r ? toFixed(r, 2) : null);

describe('ratio', () => {
  it('parses clerk decimals exactly and rounds once, half-up', () => {
    expect(shown(d('１２.５'))).toBe('12.50');
    expect(shown(d('1,200.505'))).toBe('1200.51');
    expect(shown(d('98%'))).toBe('98.00');
    expect(shown(d('-0.005'))).toBe('-0.01');
    expect(parseDecimal('1.2.3')).toBeNull();
    expect(parseDecimal('')).toBeNull();
    // 1/3 + 1/3 + 1/3 is exactly 1, where floats give 0.9999…
    expect(toFixed(ratio(1n, 3n), 10)).toBe('0.3333333333');
  });
});

describe('资金得分', () => {
  it('is 分值 × B/A (seed 002: 执行率 77.49%)', () => {
    // 年初预算 x, 实际支出 y with y/x = 77.49%: 100.00 万元 and 77.49 万元, in 分.
    const r = fundScore(100_000_000, 77_490_000, int(10));
    expect(shown(r.rate && ratio(r.rate.n * 100n, r.rate.d))).toBe('77.49');
    expect(shown(r.score)).toBe('7.75');
    expect(r.rule).toContain('执行率77.49%');
  });
  it('is capped at 分值 when B > A', () => {
    const r = fundScore(100, 150, int(10));
    expect(shown(r.score)).toBe('10.00');
    expect(r.rule).toContain('超过100%');
  });
  it('is 0 with no rate when A = 0, said in words', () => {
    const r = fundScore(0, 500, int(10));
    expect(r.rate).toBeNull();
    expect(shown(r.score)).toBe('0.00');
    expect(r.rule).toBe('全年预算数为0，不计算执行率，资金得分为0');
  });
  it('never goes below 0 for a negative execution', () => {
    expect(shown(fundScore(100, -5, int(10)).score)).toBe('0.00');
  });
});

describe('定量指标', () => {
  it('正向: met → full, otherwise B/A × 分值, never above', () => {
    expect(shown(quantitativeScore(d('100'), d('120'), int(10), '正向').score)).toBe('10.00');
    expect(shown(quantitativeScore(d('100'), d('100'), int(10), '正向').score)).toBe('10.00');
    expect(shown(quantitativeScore(d('100'), d('85'), int(10), '正向').score)).toBe('8.50');
    expect(shown(quantitativeScore(d('3'), d('2'), int(10), '正向').score)).toBe('6.67');
  });
  it('反向: met when at or below the target, otherwise A/B × 分值', () => {
    expect(shown(quantitativeScore(d('5'), d('4'), int(10), '反向').score)).toBe('10.00');
    expect(shown(quantitativeScore(d('5'), d('8'), int(10), '反向').score)).toBe('6.25');
  });
  it('zero denominators give full marks when met and 0 otherwise, never a division by zero', () => {
    expect(shown(quantitativeScore(d('0'), d('0'), int(5), '正向').score)).toBe('5.00');
    expect(shown(quantitativeScore(d('0'), d('-1'), int(5), '正向').score)).toBe('0.00');
    expect(shown(quantitativeScore(d('10'), d('0'), int(5), '正向').score)).toBe('0.00');
    expect(shown(quantitativeScore(d('0'), d('0'), int(5), '反向').score)).toBe('5.00');
    expect(shown(quantitativeScore(d('0'), d('3'), int(5), '反向').score)).toBe('0.00');
  });
});

describe('定性指标', () => {
  it('accepts a score inside the chosen band, edges included', () => {
    const ok = qualitativeScore(SCHEME, '部分达成', '4', int(5));
    expect(ok.ok && shown(ok.scored.score)).toBe('4.00');
    expect(qualitativeScore(SCHEME, '部分达成', '2.5', int(5)).ok).toBe(true);
    expect(qualitativeScore(SCHEME, '达成', '5', int(5)).ok).toBe(true);
  });
  it('refuses a score outside the band, naming the range', () => {
    const r = qualitativeScore(SCHEME, '部分达成', '4.5', int(5));
    expect(r).toEqual({ ok: false, message: expect.stringContaining('2.50至4.00分之间') });
    expect(qualitativeScore(SCHEME, '达成', '六', int(5))).toEqual({ ok: false, message: '“六”不是有效的得分' });
    expect(qualitativeScore(SCHEME, '很好', '5', int(5)).ok).toBe(false);
  });
});

describe('总分 and 等级', () => {
  const line = (points: number, score: string, applicable = true) => ({ points: int(points), score: d(score), applicable });
  it('sums when nothing is dropped', () => {
    expect(shown(totalScore([line(10, '7.75'), line(50, '45'), line(30, '30'), line(10, '9')]).total)).toBe('91.75');
  });
  it('rescales to 100 over the applicable 分值 when indicators drop out', () => {
    // 20 points not applicable: 72 of 80 → 90.00.
    const t = totalScore([line(10, '10'), line(50, '42'), line(20, '0', false), line(10, '10'), line(10, '10')]);
    expect(shown(t.total)).toBe('90.00');
    expect(t.rule).toContain('÷ 80.00 × 100');
  });
  it('has no total when every indicator is dropped', () => {
    expect(totalScore([line(10, '0', false)]).total).toBeNull();
  });
  it('grades at the boundaries, on the total as shown', () => {
    expect(grade(SCHEME, d('90.00'))).toBe('优');
    expect(grade(SCHEME, d('89.99'))).toBe('良');
    expect(grade(SCHEME, d('89.995'))).toBe('优');
    expect(grade(SCHEME, d('80'))).toBe('良');
    expect(grade(SCHEME, d('79.99'))).toBe('中');
    expect(grade(SCHEME, d('60'))).toBe('中');
    expect(grade(SCHEME, d('59.99'))).toBe('差');
    const shanghai: PerfScheme = { ...SCHEME, grades: [{ label: '优', min: 90 }, { label: '良', min: 80 }, { label: '合格', min: 60 }, { label: '不合格', min: 0 }] };
    expect(grade(shanghai, d('59.99'))).toBe('不合格');
  });
  it('names a 一级指标 whose 分值 do not add up to its weight', () => {
    const lines = [
      { level1: '产出指标', points: int(45) },
      { level1: '效益指标', points: int(30) },
      { level1: '满意度指标', points: int(10) },
      { level1: '预算执行率', points: int(10) },
    ];
    expect(weightProblems(SCHEME, lines)).toEqual(['产出指标分值合计45.00分，应为50分']);
  });
});
