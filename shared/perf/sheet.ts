/**
 * One 自评表 scored: the 资金 line (预算执行率), every indicator, the total rescaled over what applies,
 * and the grade — each with its rule in words. Pure and exact, so the screen scores as the clerk types
 * and the export prints the same figures.
 */
import type { Fen } from '../money/fen';
import { parseFigure, parsePoints } from './fields';
import type { PerfIndicator } from './model';
import { add, int, mul, ratio, toFixed, ZERO, type Ratio } from './ratio';
import { fundScore, grade, qualitativeScore, quantitativeScore, totalScore, weightProblems, type PerfScheme, type ScoreLine } from './score';

export interface ScoredIndicator {
  id: number;
  /** null while the indicator is not scored yet, or not applicable. */
  score: string | null;
  rule: string;
  /** Why it cannot be scored as typed (a 定量 value that is not a number …). */
  problem: string | null;
}

export interface ScoredSheet {
  fund: { budget: Fen; actual: Fen; points: string; rate: string | null; score: string; rule: string };
  indicators: ScoredIndicator[];
  /** 总分, 2 decimals; null when nothing applies. */
  total: string | null;
  /** The exact total, for sums and averages over sheets. */
  exactTotal: Ratio | null;
  totalRule: string;
  grade: string | null;
  /** 提示 of the sheet: 分值 not adding up to the scheme's weights, indicators not scored yet. */
  problems: string[];
}

const two = (r: Ratio): string => toFixed(r, 2);

function scoreIndicator(scheme: PerfScheme, ind: PerfIndicator): { line: ScoreLine; scored: ScoredIndicator } {
  const points = parsePoints(ind.points) ?? ZERO;
  const none = (rule: string, problem: string | null = null): { line: ScoreLine; scored: ScoredIndicator } => ({
    line: { points, score: ZERO, applicable: ind.applicable },
    scored: { id: ind.id, score: null, rule, problem },
  });
  if (!ind.applicable) return none('不适用：不计分，其余指标按 100 分折算');
  if (ind.nature === '定性') {
    if (ind.band === '' || ind.given.trim() === '') return none('定性指标：选择评价档次并在档次内打分');
    const q = qualitativeScore(scheme, ind.band, ind.given, points);
    if (!q.ok) return none('定性指标，得分不在所选档次内', q.message);
    return { line: { points, score: q.scored.score, applicable: true }, scored: { id: ind.id, score: two(q.scored.score), rule: q.scored.rule, problem: null } };
  }
  if (ind.target.trim() === '' || ind.actual.trim() === '') return none('定量指标：填写年度指标值和实际完成值后计分');
  const target = parseFigure(ind.target);
  const actual = parseFigure(ind.actual);
  if (!target) return none('定量指标的年度指标值应为数字', `三级指标“${ind.level3}”：年度指标值“${ind.target}”不是数字（文字描述的指标请选“定性”）`);
  if (!actual) return none('定量指标的实际完成值应为数字', `三级指标“${ind.level3}”：实际完成值“${ind.actual}”不是数字（文字描述的指标请选“定性”）`);
  const s = quantitativeScore(target, actual, points, ind.direction);
  return { line: { points, score: s.score, applicable: true }, scored: { id: ind.id, score: two(s.score), rule: s.rule, problem: null } };
}

export function scoreSheet(
  scheme: PerfScheme,
  fund: { budget: Fen; actual: Fen; points: string; level1: string },
  indicators: readonly PerfIndicator[],
): ScoredSheet {
  const fundPoints = parsePoints(fund.points) ?? ZERO;
  const f = fundScore(fund.budget, fund.actual, fundPoints);
  const scoredLines = indicators.map((ind) => scoreIndicator(scheme, ind));
  const lines: ScoreLine[] = [{ points: fundPoints, score: f.score, applicable: true }, ...scoredLines.map((s) => s.line)];
  // A 自评表 with no indicator yet has no total: the 资金 line alone, rescaled to 100, would pass for a score.
  const total = indicators.length === 0 ? { total: null, rule: '尚未填写绩效指标，不计总分' } : totalScore(lines);
  const problems = weightProblems(scheme, [
    { level1: fund.level1, points: fundPoints },
    ...indicators.filter((i) => i.applicable).map((i) => ({ level1: i.level1, points: parsePoints(i.points) ?? ZERO })),
  ]);
  // With indicators marked 不适用 the weights cannot add up; the rescaling says so instead.
  const someDropped = indicators.some((i) => !i.applicable);
  const waiting = scoredLines.filter((s) => s.scored.score === null && s.line.applicable && s.scored.problem === null).length;
  const notes = [
    ...(someDropped ? [] : problems),
    ...scoredLines.flatMap((s) => (s.scored.problem ? [s.scored.problem] : [])),
    ...(waiting > 0 ? [`${waiting} 项指标尚未评分（按 0 分计）`] : []),
  ];
  return {
    fund: {
      budget: fund.budget,
      actual: fund.actual,
      points: fund.points,
      rate: f.rate ? two(mul(f.rate, int(100))) : null,
      score: two(f.score),
      rule: f.rule,
    },
    indicators: scoredLines.map((s) => s.scored),
    total: total.total ? two(total.total) : null,
    exactTotal: total.total,
    totalRule: total.rule,
    grade: total.total ? grade(scheme, total.total) : null,
    problems: notes,
  };
}

/** The average of some totals, exact, for a sentence like “平均得分 92.35 分”. */
export function averageTotal(totals: readonly Ratio[]): Ratio | null {
  if (totals.length === 0) return null;
  return mul(totals.reduce(add, ZERO), ratio(1n, BigInt(totals.length)));
}
