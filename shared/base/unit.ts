/** The kinds of reporting unit (单位类型): rules and the narrative differ for 行政/参公 units. */
export const UNIT_KINDS = ['行政单位', '参照公务员法管理的事业单位', '其他事业单位'] as const;
export type UnitKind = (typeof UNIT_KINDS)[number];

export interface Unit {
  /** 单位编码 */
  code: string;
  /** 单位名称 */
  name: string;
  kind: UnitKind;
  /** 上级单位编码 */
  parent: string | null;
}
