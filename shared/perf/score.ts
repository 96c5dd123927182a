/**
 * 绩效自评 scoring, exact: 资金得分, quantitative and qualitative indicator scores, rescaling when
 * indicators are not applicable, and the grade. Every result carries the rule in words, so the
 * screen can show beside each score how it was reached. Weights, bands and grades are data
 * (`PerfScheme`), because provinces differ (Shanghai grades 优/良/合格/不合格).
 */
import type { Fen } from '../money/fen';
import { cmp, div, int, isZero, mul, parseDecimal, ratio, sum, toFixed, ZERO, type Ratio } from './ratio';

export interface PerfScheme {
  /** 一级指标 and their 分值, e.g. 产出指标 50, 效益指标 30, 满意度指标 10, 预算执行率 10. */
  weights: readonly { level1: string; points: number }[];
  /** Grades from the highest: a total at or above `min` earns `label`. The last has min 0. */
  grades: readonly { label: string; min: number }[];
  /** Bands for qualitative indicators, in percent of the indicator's 分值, highest first. */
  qualitativeBands: readonly { label: string; fromPct: number; toPct: number }[];
}

export interface Scored {
  score: Ratio;
  /** How the score was reached, in the words shown beside it. */
  rule: string;
}

const fmt = (r: Ratio): string => toFixed(r, 2);

/** 资金得分 = 分值 × 执行率 (B/A), never above 分值; no rate against a zero budget. */
export function fundScore(budgetA: Fen, actualB: Fen, points: Ratio): Scored & { rate: Ratio | null } {
  if (budgetA === 0) {
    return { score: ZERO, rate: null, rule: '全年预算数为0，不计算执行率，资金得分为0' };
  }
  const rate = ratio(BigInt(actualB), BigInt(budgetA));
  const raw = mul(points, rate);
  if (cmp(raw, points) > 0) {
    return { score: points, rate, rule: `执行率${fmt(mul(rate, int(100)))}%超过100%，得分以分值${fmt(points)}为限` };
  }
  const score = cmp(raw, ZERO) < 0 ? ZERO : raw;
  return { score, rate, rule: `得分 = 分值${fmt(points)} × 执行率${fmt(mul(rate, int(100)))}%` };
}

export type Direction = '正向' | '反向';

/**
 * A quantitative indicator: met → full marks; otherwise 正向 实际/目标 × 分值, 反向 目标/实际 × 分值,
 * never above 分值 and never below 0.
 */
export function quantitativeScore(target: Ratio, actual: Ratio, points: Ratio, direction: Direction): Scored {
  const met = direction === '正向' ? cmp(actual, target) >= 0 : cmp(actual, target) <= 0;
  if (met) return { score: points, rule: `${direction}指标，实际完成值达到指标值，得满分${fmt(points)}` };
  if (direction === '正向') {
    // actual < target here; a target of 0 or less can only be missed by a negative actual.
    if (cmp(target, ZERO) <= 0 || cmp(actual, ZERO) <= 0) {
      return { score: ZERO, rule: '正向指标，实际完成值未达到指标值且不大于0，得0分' };
    }
    return { score: mul(points, div(actual, target)), rule: `正向指标，得分 = 实际完成值 ÷ 指标值 × 分值${fmt(points)}` };
  }
  // 反向, actual > target.
  if (cmp(target, ZERO) <= 0) {
    return { score: ZERO, rule: '反向指标，指标值不大于0而实际完成值超过指标值，得0分' };
  }
  return { score: mul(points, div(target, actual)), rule: `反向指标，得分 = 指标值 ÷ 实际完成值 × 分值${fmt(points)}` };
}

export type QualitativeResult = { ok: true; scored: Scored } | { ok: false; message: string };

/** A qualitative indicator scored by the clerk inside the band they chose. */
export function qualitativeScore(scheme: PerfScheme, bandLabel: string, given: string, points: Ratio): QualitativeResult {
  const band = scheme.qualitativeBands.find((b) => b.label === bandLabel);
  if (!band) {
    return { ok: false, message: `评价档次“${bandLabel}”不存在，可选：${scheme.qualitativeBands.map((b) => b.label).join('、')}` };
  }
  const value = parseDecimal(given);
  if (!value) return { ok: false, message: `“${given}”不是有效的得分` };
  const low = mul(points, ratio(BigInt(band.toPct), 100n));
  const high = mul(points, ratio(BigInt(band.fromPct), 100n));
  if (cmp(value, low) < 0 || cmp(value, high) > 0) {
    return { ok: false, message: `评为“${band.label}”时得分应在${fmt(low)}至${fmt(high)}分之间（分值的${band.toPct}%～${band.fromPct}%），“${given}”不在此范围` };
  }
  return { ok: true, scored: { score: value, rule: `定性指标，评为“${band.label}”（分值的${band.toPct}%～${band.fromPct}%），由填报人打分` } };
}

export interface ScoreLine {
  points: Ratio;
  score: Ratio;
  /** false when the indicator is marked 不适用: it drops out and the rest is rescaled to 100. */
  applicable: boolean;
}

export interface Total {
  /** null when every indicator is marked not applicable. */
  total: Ratio | null;
  rule: string;
}

/** 总分 = Σ 得分, rescaled to 100 over the 分值 of the applicable lines when some drop out. */
export function totalScore(lines: readonly ScoreLine[]): Total {
  const used = lines.filter((l) => l.applicable);
  const points = sum(used.map((l) => l.points));
  const scored = sum(used.map((l) => l.score));
  if (isZero(points)) return { total: null, rule: '所有指标均不适用，无法计算总分' };
  if (cmp(points, int(100)) === 0) return { total: scored, rule: '总分 = 各项得分之和' };
  return {
    total: div(mul(scored, int(100)), points),
    rule: `适用指标分值合计${fmt(points)}，总分 = 得分之和${fmt(scored)} ÷ ${fmt(points)} × 100`,
  };
}

/** The grade of a total as shown (rounded once to 2 decimals), so 89.995 shows 90.00 and is graded as 90.00. */
export function grade(scheme: PerfScheme, total: Ratio): string {
  const shown = parseDecimal(toFixed(total, 2)) ?? total;
  for (const g of scheme.grades) if (cmp(shown, int(g.min)) >= 0) return g.label;
  return scheme.grades[scheme.grades.length - 1]?.label ?? '';
}

/** Where the clerk's 分值 under a 一级指标 do not add up to the scheme's weight, in words. */
export function weightProblems(scheme: PerfScheme, lines: readonly { level1: string; points: Ratio }[]): string[] {
  const problems: string[] = [];
  for (const w of scheme.weights) {
    const got = sum(lines.filter((l) => l.level1 === w.level1).map((l) => l.points));
    if (cmp(got, int(w.points)) !== 0) problems.push(`${w.level1}分值合计${fmt(got)}分，应为${w.points}分`);
  }
  return problems;
}

