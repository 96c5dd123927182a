/**
 * The cover fields of the workbook: 单位名称 and 年度 from the report, the rest typed by the clerk and
 * kept as report texts under `cover.*`.
 */
import type { Unit } from '../../../shared/api/contract';

export const COVER_SHEET = '封面';

/** Cover text keys and their labels, in print order. */
export const COVER_FIELDS = [
  { key: 'cover.leader', label: '单位负责人' },
  { key: 'cover.financeLead', label: '财务负责人' },
  { key: 'cover.preparer', label: '填表人' },
  { key: 'cover.phone', label: '电话' },
  { key: 'cover.date', label: '报送日期' },
] as const;

export type CoverKey = (typeof COVER_FIELDS)[number]['key'];

/** Text key marking a report whose figures came from a workbook in 万元 (the audit reads it for 尾差). */
export const SOURCE_UNIT_KEY = 'meta.sourceUnit';

export function coverLines(unit: Unit, year: number, texts: Readonly<Record<string, string>>): { label: string; value: string }[] {
  return [
    { label: '单位名称', value: unit.name },
    { label: '年度', value: `${year}年度` },
    ...COVER_FIELDS.map((f) => ({ label: f.label, value: texts[f.key] ?? '' })),
  ];
}
