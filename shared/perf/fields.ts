/**
 * Every value a clerk can type into the register and the 自评表, by field: its label, its kind and its
 * parse. The screen, the Api and the CLI all read a typed text through `parseField`, so one value is
 * refused with the same Chinese message wherever it was typed (e.g. a 定性 score outside its band).
 */
import { MAX_FEN, parseAmount, type Fen, type MoneyUnit } from '../money/fen';
import { FUND_SOURCES } from './model';
import { cmp, int, parseDecimal, toFixed, ZERO, type Ratio } from './ratio';

export type PerfTarget = 'project' | 'indicator' | 'task' | 'dept';

export type FieldKind = 'text' | 'longtext' | 'money' | 'points' | 'choice' | 'flag' | 'figure' | 'score' | 'code';

export interface PerfField {
  key: string;
  label: string;
  kind: FieldKind;
  /** choice: the allowed values. */
  choices?: readonly string[];
  required?: boolean;
}

const money = (key: string, label: string): PerfField => ({ key, label, kind: 'money' });
const bySource = (key: string, label: string): PerfField[] => [
  money(`${key}.0`, `${label}（${FUND_SOURCES[0]}）`),
  money(`${key}.1`, `${label}（${FUND_SOURCES[1]}）`),
  money(`${key}.2`, `${label}（${FUND_SOURCES[2]}）`),
];

export const PROJECT_FIELDS: readonly PerfField[] = [
  { key: 'name', label: '项目名称', kind: 'text', required: true },
  { key: 'dept', label: '主管部门', kind: 'text' },
  { key: 'implUnit', label: '实施单位', kind: 'text' },
  { key: 'funcCode', label: '功能科目', kind: 'code' },
  { key: 'fundSource', label: '资金来源', kind: 'text' },
  ...bySource('initial', '年初预算数'),
  ...bySource('annual', '全年预算数'),
  ...bySource('executed', '全年执行数'),
  money('arrived', '到位数'),
  money('returned', '结余上缴财政'),
  money('carried', '结转下年'),
  { key: 'goalExpected', label: '年度总体目标（预期目标）', kind: 'longtext' },
  { key: 'goalActual', label: '年度总体目标（实际完成情况）', kind: 'longtext' },
  { key: 'fundPoints', label: '资金分值', kind: 'points' },
];

export const INDICATOR_FIELDS: readonly PerfField[] = [
  { key: 'level1', label: '一级指标', kind: 'choice' },
  { key: 'level2', label: '二级指标', kind: 'text' },
  { key: 'level3', label: '三级指标', kind: 'text', required: true },
  { key: 'nature', label: '指标性质', kind: 'choice', choices: ['定量', '定性'] },
  { key: 'direction', label: '指标方向', kind: 'choice', choices: ['正向', '反向'] },
  { key: 'unit', label: '度量单位', kind: 'text' },
  { key: 'target', label: '年度指标值', kind: 'figure' },
  { key: 'actual', label: '实际完成值', kind: 'figure' },
  { key: 'points', label: '分值', kind: 'points' },
  { key: 'band', label: '评价档次', kind: 'choice' },
  { key: 'given', label: '得分', kind: 'score' },
  { key: 'applicable', label: '是否适用', kind: 'flag' },
  { key: 'reason', label: '偏差原因分析及改进措施', kind: 'longtext' },
];

export const TASK_FIELDS: readonly PerfField[] = [
  { key: 'name', label: '任务名称', kind: 'text', required: true },
  { key: 'project', label: '项目', kind: 'text' },
  { key: 'content', label: '主要内容', kind: 'longtext' },
  money('approved', '批复金额'),
  money('spent', '实际支出金额'),
  { key: 'reason', label: '未完成原因和改进措施', kind: 'longtext' },
];

export const DEPT_FIELDS: readonly PerfField[] = [
  { key: 'duty', label: '部门职责', kind: 'longtext' },
  { key: 'overallGoal', label: '总体绩效目标', kind: 'longtext' },
  { key: 'yearGoal', label: '部门年度目标', kind: 'longtext' },
  { key: 'yearActual', label: '年度目标实际完成情况', kind: 'longtext' },
  { key: 'fundPoints', label: '预算执行率分值', kind: 'points' },
];

export const FIELDS: Record<PerfTarget, readonly PerfField[]> = {
  project: PROJECT_FIELDS,
  indicator: INDICATOR_FIELDS,
  task: TASK_FIELDS,
  dept: DEPT_FIELDS,
};

export function fieldOf(target: PerfTarget, key: string): PerfField | undefined {
  return FIELDS[target].find((f) => f.key === key);
}

/** What a field holds once parsed: text, 分, or a boolean. */
export type FieldValue = string | Fen | boolean;
export type FieldParse = { ok: true; value: FieldValue } | { ok: false; message: string };

const MAX_TEXT = 10_000;

/** Comparison marks clerks put before a target (≥95%, ≤30天): the direction says the same, the number is kept. */
const MARK = /^\s*(≥|≤|>=|<=|＞|＜|>|<|=|＝)\s*/;

/** A 定量 value: “95%”, “≥95”, “1,200”, “３０”. null when it is not a number. */
export function parseFigure(text: string): Ratio | null {
  return parseDecimal(text.replace(MARK, '').trim());
}

/** 分值: a decimal from 0 to 100 with at most 2 places. */
export function parsePoints(text: string): Ratio | null {
  const t = text.trim();
  const r = parseDecimal(t);
  if (!r || cmp(r, ZERO) < 0 || cmp(r, int(100)) > 0) return null;
  if ((r.n * 100n) % r.d !== 0n) return null;
  return r;
}

/** 分值 as stored and shown: 10, 5.5, 2.25. */
export function pointsText(r: Ratio): string {
  return toFixed(r, 2).replace(/\.00$/, '').replace(/(\.\d)0$/, '$1');
}

/**
 * Parses one typed value. `choices` supplies the scheme's 一级指标 and 评价档次 (pack data); `unit` is
 * the unit money was typed in (元 unless the screen shows 万元).
 */
export function parseField(field: PerfField, text: string, options: { unit?: MoneyUnit; choices?: readonly string[] } = {}): FieldParse {
  const t = text.trim();
  const bad = (why: string): FieldParse => ({ ok: false, message: `${field.label}：${why}` });
  if (field.required && t === '') return bad('不能为空');
  switch (field.kind) {
    case 'text':
    case 'longtext':
      if (t.length > MAX_TEXT) return bad(`文字过长（最多 ${MAX_TEXT} 字）`);
      return { ok: true, value: field.kind === 'text' ? t : text.replace(/\s+$/, '') };
    case 'code':
      if (t !== '' && !/^\d{3}(\d{2}){0,2}$/.test(t)) return bad(`“${t}”不是支出功能分类科目编码（3、5 或 7 位数字）`);
      return { ok: true, value: t };
    case 'money': {
      const parsed = parseAmount(t, options.unit ?? '元');
      if (!parsed.ok) return bad(parsed.message);
      const fen = parsed.fen ?? 0;
      if (fen < 0) return bad(`“${t}”为负数，金额不能小于 0`);
      if (fen > MAX_FEN) return bad(`“${t}”超出金额上限`);
      return { ok: true, value: fen };
    }
    case 'points': {
      if (t === '') return bad('不能为空');
      const r = parsePoints(t);
      if (!r) return bad(`“${t}”不是 0 至 100 之间、最多两位小数的分值`);
      return { ok: true, value: pointsText(r) };
    }
    case 'figure':
      // A 定量 value must be a number; a 定性 one may be words. The scorer decides by the indicator's nature.
      return t.length > 200 ? bad('文字过长（最多 200 字）') : { ok: true, value: t };
    case 'score': {
      if (t === '') return { ok: true, value: '' };
      const r = parseDecimal(t);
      if (!r || cmp(r, ZERO) < 0) return bad(`“${t}”不是有效的得分`);
      return { ok: true, value: t };
    }
    case 'choice': {
      const choices = field.choices ?? options.choices ?? [];
      if (field.key === 'band' && t === '') return { ok: true, value: '' };
      if (!choices.includes(t)) return bad(`“${t}”不是可选值，可选：${choices.join('、')}`);
      return { ok: true, value: t };
    }
    case 'flag':
      if (['是', '适用', 'true', '1', 'yes'].includes(t)) return { ok: true, value: true };
      if (['否', '不适用', 'false', '0', 'no'].includes(t)) return { ok: true, value: false };
      return bad(`“${t}”应为“适用”或“不适用”`);
  }
}
