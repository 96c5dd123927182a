/**
 * The department's 单位构成 as its 情况说明 states it, from the register and the units' reports:
 * the counts by 单位类型 and the names (the template's info.unit* fields), the per-unit
 * 机关运行经费 sentence (其中：行政单位…), and the 户数 tables by 单位类型 and 报表类型 with 比上年增减.
 */
import { UNIT_KINDS, type UnitKind } from '../api/contract';
import { REPORT_KINDS, type CountRow, type ReportKind } from '../api/registerContract';
import { amountText } from '../narrative/format';
import { ADMIN_KINDS } from './consolidation';

export interface ComposedUnit {
  code: string;
  name: string;
  kind: UnitKind;
  reportKind: ReportKind;
}

/** The texts the narrative template reads for 部门决算单位构成. */
export function compositionTexts(units: readonly ComposedUnit[]): Record<string, string> {
  const count = (kind: UnitKind) => String(units.filter((u) => u.kind === kind).length);
  return {
    'info.unitCount': String(units.length),
    'info.unitAdmin': count('行政单位'),
    'info.unitCivil': count('参照公务员法管理的事业单位'),
    'info.unitOther': count('其他事业单位'),
    'info.unitNames': units.map((u) => u.name).join('\n'),
  };
}

/** `其中：行政单位甲机关运行经费支出100.00元，参照公务员法管理的事业单位乙机关运行经费支出50.00元。` */
export function opexSentence(units: readonly (ComposedUnit & { opex: number })[]): string {
  const parts = units
    .filter((u) => ADMIN_KINDS.includes(u.kind))
    .map((u) => `${u.kind === '行政单位' ? '行政单位' : '参照公务员法管理的事业单位'}${u.name}机关运行经费支出${amountText(u.opex, '元')}`);
  return parts.length === 0 ? '' : `其中：${parts.join('，')}。`;
}

function rows<K extends string>(labels: readonly K[], pick: (u: ComposedUnit) => K, now: readonly ComposedUnit[], before: readonly ComposedUnit[]): CountRow[] {
  const total = { label: '合计', count: now.length, lastYear: before.length, change: now.length - before.length };
  return [
    total,
    ...labels.map((label) => {
      const count = now.filter((u) => pick(u) === label).length;
      const lastYear = before.filter((u) => pick(u) === label).length;
      return { label, count, lastYear, change: count - lastYear };
    }),
  ];
}

/** 户数 by 单位类型 and by 报表类型, this year against last. */
export function householdCounts(now: readonly ComposedUnit[], before: readonly ComposedUnit[]): { byKind: CountRow[]; byReportKind: CountRow[] } {
  return {
    byKind: rows(UNIT_KINDS, (u) => u.kind, now, before),
    byReportKind: rows(REPORT_KINDS, (u) => u.reportKind, now, before),
  };
}
