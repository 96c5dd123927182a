/**
 * A whole 自评表 scored with the yn-2020 pack's scheme as loaded from perf/perf.json, and every value a
 * clerk types read through shared/perf/fields: what lands, and what is refused with which words.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { loadPack } from '../../../electron/services/packs/loadPack';
import { loadPerfPack } from '../../../electron/services/perf/loadPerfPack';
import { fieldOf, parseField, type PerfTarget } from '../../../shared/perf/fields';
import type { PerfIndicator } from '../../../shared/perf/model';
import type { PerfPackData } from '../../../shared/perf/packData';
import type { PerfScheme } from '../../../shared/perf/score';
import { scoreSheet } from '../../../shared/perf/sheet';
import { packDir } from '../narrative/narrativeFixture';
import { indicator, yuan } from './s002Fixture';

let perf: PerfPackData;
beforeAll(async () => {
  const loaded = await loadPerfPack(packDir, await loadPack(packDir));
  if (!loaded) throw new Error('no perf data');
  perf = loaded;
});

/** 产出 50 + 效益 30 (met), with 满意度 10 as given. */
function full(extra: Partial<PerfIndicator> = {}): PerfIndicator[] {
  return [
    indicator(1, { points: '50', target: '10', actual: '10' }),
    indicator(1, { level1: '效益指标', level2: '社会效益指标', points: '30', target: '10', actual: '12' }),
    indicator(1, { level1: '满意度指标', level2: '服务对象满意度指标', points: '10', target: '90', actual: '95', ...extra }),
  ];
}

const fund = (budget: string, actual: string, points = '10') => ({ budget: yuan(budget), actual: yuan(actual), points, level1: '预算执行率' });

describe('a 自评表 scored', () => {
  it('adds 资金得分 and the indicators; 89.99 is 良 and 90.00 优, graded on the total as shown', () => {
    const below = scoreSheet(perf.scheme, fund('100', '99.9'), full({ actual: '0' }));
    // 10 × 99.9% = 9.99; 50 + 30; 满意度 正向 0 of 90 → 0: 89.99.
    expect([below.fund.rate, below.fund.score, below.total, below.grade]).toEqual(['99.90', '9.99', '89.99', '良']);
    const at = scoreSheet(perf.scheme, fund('100', '100'), full({ actual: '0' }));
    expect([at.total, at.grade]).toEqual(['90.00', '优']);
    // 10 × 999.5/1000 = 9.995 + 80 = 89.995, shown 90.00 (one half-up rounding), so 优 — never 89.99 from a float.
    const half = scoreSheet(perf.scheme, fund('1000', '999.5'), full({ actual: '0' }));
    expect([half.total, half.grade]).toEqual(['90.00', '优']);
    expect(scoreSheet(perf.scheme, fund('100', '100'), full()).total).toBe('100.00');
  });

  it('caps 资金得分 at its 分值 and scores 0 against a zero budget, in words', () => {
    const over = scoreSheet(perf.scheme, fund('100', '130'), full());
    expect([over.fund.rate, over.fund.score, over.fund.rule]).toEqual(['130.00', '10.00', '执行率130.00%超过100%，得分以分值10.00为限']);
    const none = scoreSheet(perf.scheme, fund('0', '5'), full());
    expect([none.fund.rate, none.fund.score, none.fund.rule, none.total]).toEqual([null, '0.00', '全年预算数为0，不计算执行率，资金得分为0', '90.00']);
  });

  it('scores 正向 and 反向 indicators, capped, with the rule beside each', () => {
    const sheet = scoreSheet(perf.scheme, fund('100', '100'), [
      indicator(1, { points: '20', target: '≥95%', actual: '90%' }),
      indicator(1, { points: '30', target: '100', actual: '150' }),
      indicator(1, { level1: '效益指标', direction: '反向', points: '15', target: '5', actual: '10' }),
      indicator(1, { level1: '效益指标', direction: '反向', points: '15', target: '5', actual: '3' }),
      indicator(1, { level1: '满意度指标', points: '10', target: '0', actual: '0' }),
    ]);
    expect(sheet.indicators.map((s) => s.score)).toEqual(['18.95', '30.00', '7.50', '15.00', '10.00']);
    expect(sheet.indicators[0]?.rule).toBe('正向指标，得分 = 实际完成值 ÷ 指标值 × 分值20.00');
    expect(sheet.indicators[2]?.rule).toBe('反向指标，得分 = 指标值 ÷ 实际完成值 × 分值15.00');
    expect(sheet.indicators[3]?.rule).toBe('反向指标，实际完成值达到指标值，得满分15.00');
    expect(sheet.total).toBe('91.45');
  });

  it('drops 不适用 indicators and rescales the rest to 100', () => {
    const sheet = scoreSheet(perf.scheme, fund('100', '100'), [
      indicator(1, { points: '50', target: '10', actual: '5' }),
      indicator(1, { level1: '效益指标', points: '30', target: '10', actual: '10' }),
      indicator(1, { level1: '满意度指标', points: '10', applicable: false }),
    ]);
    // (10 + 25 + 30) / 90 × 100 = 72.222… → 72.22
    expect([sheet.total, sheet.grade]).toEqual(['72.22', '中']);
    expect(sheet.totalRule).toBe('适用指标分值合计90.00，总分 = 得分之和65.00 ÷ 90.00 × 100');
    expect(sheet.indicators[2]).toMatchObject({ score: null, rule: '不适用：不计分，其余指标按 100 分折算' });
    // Rescaled on purpose: the 分值 check does not nag about the 满意度 10 that dropped out.
    expect(sheet.problems).toEqual([]);
  });

  it('scores a 定性 indicator inside its band and names one outside it', () => {
    const ok = scoreSheet(perf.scheme, fund('100', '100'), full({ nature: '定性', band: '部分达成年度指标', given: '6.5' }));
    expect(ok.indicators[2]).toMatchObject({ score: '6.50', rule: '定性指标，评为“部分达成年度指标”（分值的50%～80%），由填报人打分' });
    const out = scoreSheet(perf.scheme, fund('100', '100'), full({ nature: '定性', band: '未达成年度指标', given: '6' }));
    expect(out.problems).toContain('评为“未达成年度指标”时得分应在0.00至5.00分之间（分值的0%～50%），“6”不在此范围');
  });

  it('has no total before any indicator, and says what is missing', () => {
    const empty = scoreSheet(perf.scheme, fund('100', '80'), []);
    expect([empty.total, empty.grade, empty.totalRule]).toEqual([null, null, '尚未填写绩效指标，不计总分']);
    const pending = scoreSheet(perf.scheme, fund('100', '100'), full({ actual: '' }));
    expect(pending.problems).toEqual(['1 项指标尚未评分（按 0 分计）']);
    const words = scoreSheet(perf.scheme, fund('100', '100'), full({ actual: '基本完成' }));
    expect(words.problems).toEqual(['三级指标“指标”：实际完成值“基本完成”不是数字（文字描述的指标请选“定性”）']);
    const off = scoreSheet(perf.scheme, fund('100', '100'), full({ points: '5' }));
    expect(off.problems).toEqual(['满意度指标分值合计5.00分，应为10分']);
  });

  it('grades with whatever labels the pack gives (Shanghai: 优/良/合格/不合格)', () => {
    const shanghai: PerfScheme = { ...perf.scheme, grades: [{ label: '优', min: 90 }, { label: '良', min: 80 }, { label: '合格', min: 60 }, { label: '不合格', min: 0 }] };
    expect(scoreSheet(shanghai, fund('100', '100'), full({ actual: '0' })).grade).toBe('优');
    expect(scoreSheet(shanghai, fund('100', '0'), full({ actual: '0' })).grade).toBe('良');
    expect(scoreSheet(shanghai, fund('100', '0'), [indicator(1, { points: '50', target: '10', actual: '0' }), ...full().slice(1)]).grade).toBe('不合格');
  });
});

describe('values typed into the register and the 自评表', () => {
  const parse = (target: PerfTarget, key: string, text: string, options = {}) => {
    const field = fieldOf(target, key);
    if (!field) throw new Error(key);
    return parseField(field, text, options);
  };

  it('lands money in 分 (元 or 万元 as shown), refuses negatives and text', () => {
    expect(parse('project', 'executed.0', '1,821,000.50')).toEqual({ ok: true, value: 182100050 });
    expect(parse('project', 'executed.0', '18.21', { unit: '万元' })).toEqual({ ok: true, value: 18210000 });
    expect(parse('project', 'executed.0', '')).toEqual({ ok: true, value: 0 });
    expect(parse('project', 'annual.1', '-5')).toEqual({ ok: false, message: '全年预算数（上年结转资金）：“-5”为负数，金额不能小于 0' });
    expect(parse('task', 'spent', '十万')).toEqual({ ok: false, message: '实际支出金额：“十万”不是有效的金额' });
  });

  it('takes 分值 from 0 to 100 with two decimals at most', () => {
    expect(parse('indicator', 'points', '５.５')).toEqual({ ok: true, value: '5.5' });
    expect(parse('indicator', 'points', '100')).toEqual({ ok: true, value: '100' });
    expect(parse('indicator', 'points', '2.25')).toEqual({ ok: true, value: '2.25' });
    expect(parse('indicator', 'points', '101')).toEqual({ ok: false, message: '分值：“101”不是 0 至 100 之间、最多两位小数的分值' });
    expect(parse('indicator', 'points', '3.333')).toEqual({ ok: false, message: '分值：“3.333”不是 0 至 100 之间、最多两位小数的分值' });
    expect(parse('project', 'fundPoints', '')).toEqual({ ok: false, message: '资金分值：不能为空' });
  });

  it('takes only the offered choices, flags and 科目 codes', () => {
    expect(parse('indicator', 'nature', '定性')).toEqual({ ok: true, value: '定性' });
    expect(parse('indicator', 'direction', '向上')).toEqual({ ok: false, message: '指标方向：“向上”不是可选值，可选：正向、反向' });
    expect(parse('indicator', 'level1', '成本指标', { choices: ['产出指标', '效益指标', '满意度指标'] })).toEqual({
      ok: false,
      message: '一级指标：“成本指标”不是可选值，可选：产出指标、效益指标、满意度指标',
    });
    expect(parse('indicator', 'applicable', '不适用')).toEqual({ ok: true, value: false });
    expect(parse('indicator', 'applicable', '也许')).toEqual({ ok: false, message: '是否适用：“也许”应为“适用”或“不适用”' });
    expect(parse('project', 'funcCode', '2010302')).toEqual({ ok: true, value: '2010302' });
    expect(parse('project', 'funcCode', '20103021')).toEqual({ ok: false, message: '功能科目：“20103021”不是支出功能分类科目编码（3、5 或 7 位数字）' });
    expect(parse('project', 'name', '  ')).toEqual({ ok: false, message: '项目名称：不能为空' });
    expect(parse('indicator', 'given', '-1')).toEqual({ ok: false, message: '得分：“-1”不是有效的得分' });
  });
});
