/**
 * The pack model: what a report IS for one region × year — its tables, their rows and columns,
 * the formulas of its computed cells, and the 科目 catalogues. Packs are data (resources/packs/<id>/)
 * so that a new year or province is a new folder, not a code change. Everything here is plain JSON
 * so the same object travels from the Node loader to the renderer unchanged.
 */

import type { RuleDef } from '../audit/ruleModel';
import type { NarrativeTemplate } from '../narrative/template';

export type Level = '类' | '款' | '项';

/** One row of a 科目 catalogue CSV (`code,name,level,parent,src`). */
export interface CatalogueEntry {
  code: string;
  name: string;
  level: Level;
  /** Parent code; empty for a 类. */
  parent: string;
  /** How the row is backed (sh2024, seed001, recalled, …); shown to the clerk where it matters. */
  src: string;
}

/**
 * A catalogue's id as the pack declares it (`func` 支出功能分类, `econ` 经济分类, or any other a
 * later format brings, e.g. 收入分类); tables refer to catalogues by it.
 */
export type CatalogueId = string;

/** Code length of each level (功能分类 201 / 20103 / 2010301, 经济分类 301 / 30101). */
export type CodeLengths = Record<Level, number>;

export const DEFAULT_CODE_LENGTHS: CodeLengths = { 类: 3, 款: 5, 项: 7 };

export interface Catalogue {
  id: CatalogueId;
  /** e.g. 支出功能分类科目 */
  title: string;
  codeLength: CodeLengths;
  entries: CatalogueEntry[];
}

/** A cover field the clerk fills in, kept as the report text `key` (cover.*). */
export interface CoverFieldDef {
  key: string;
  label: string;
  placeholder?: string;
}

/** The cover fields of a pack that does not list its own (upper half of the 决算 cover). */
export const DEFAULT_COVER_FIELDS: CoverFieldDef[] = [
  { key: 'cover.leader', label: '单位负责人' },
  { key: 'cover.financeLead', label: '财务负责人' },
  { key: 'cover.preparer', label: '填表人' },
  { key: 'cover.phone', label: '电话', placeholder: '如 0875-2123456' },
  { key: 'cover.date', label: '报送日期', placeholder: '如 2021年3月15日' },
];

/**
 * Words a bureau's workbook may print instead of the pack's own, for the Excel import: header words
 * of the 科目 columns and synonyms of column and row labels (`{"附属单位缴款收入": "附属单位上缴收入"}`).
 */
export interface ImportWords {
  codeHeaders: string[];
  nameHeaders: string[];
  synonyms: Record<string, string>;
}

export const DEFAULT_IMPORT_WORDS: ImportWords = {
  codeHeaders: ['科目编码', '功能分类科目编码', '经济分类科目编码', '科目代码', '编码'],
  nameHeaders: ['科目名称', '功能分类科目名称', '经济分类科目名称', '项目'],
  synonyms: {},
};

/**
 * A value kind: money is integer 分; count is a whole number (团组数, 辆, 人次); text is what the clerk
 * writes (项目名称, 绩效目标, 原因); decimal is an exact number with the column's `decimals` places
 * (得分, 比率); percent is a decimal shown with “%” (85.50 means 85.50%, Excel holds 0.855).
 */
export type ValueKind = 'money' | 'count' | 'text' | 'decimal' | 'percent';

/** Places of a decimal or percent column when the pack gives none. */
export const DEFAULT_DECIMALS = 2;
/** Longest text of a text cell when the column gives no `maxLength`. */
export const DEFAULT_TEXT_LENGTH = 500;

export interface ColumnDef {
  /** c1 … cn, numbered as the spec's 栏次. */
  id: string;
  label: string;
  /**
   * Group header path above the label, outermost first, e.g. ["本年支出"] for 小计/基本支出/项目支出.
   * Adjacent columns with the same path share a merged header cell.
   */
  groups?: string[];
  /** 栏次 as printed under the header ("1", "2", …); omitted where the published table has none. */
  lanci?: string;
  kind?: ValueKind;
  /** Places of a decimal or percent column (0–6; default 2). */
  decimals?: number;
  /** Longest text of a text column (default 500 characters). */
  maxLength?: number;
}

/** A row the table always has, in a fixed place. */
export interface FixedRowDef {
  id: string;
  label: string;
  /** 行次 as printed; omitted where the published table has none. */
  lineNo?: string;
  /** Indentation depth for display (sub-rows such as IBEG1). */
  indent?: number;
  /** Columns of this row that hold a value; omitted = every column of its side. */
  columns?: string[];
  /** Columns the clerk types; every other cell of the row is computed by a formula. */
  inputs?: string[];
  kind?: ValueKind;
  /** Row level when the fixed row stands for a 科目 (T01/T04 expense lines are 类 rows). */
  level?: Level;
  /** Bold total line. */
  total?: boolean;
}

/**
 * Where the rows of a side come from:
 *  - fixed: the listed rows, always present;
 *  - subject: 科目 rows the clerk adds (项 rows; their 款 and 类 parents appear by themselves),
 *    each column of a parent = Σ its children, and a TOTAL row = Σ 类 rows;
 *  - catalogue: every entry of the catalogue under the given 类 codes, always present
 *    (T06 prints every 款 even when zero); inputs at `inputLevel`, parents summed.
 */
export type RowSource =
  | { type: 'fixed'; rows: FixedRowDef[] }
  | {
      type: 'subject';
      catalogue: CatalogueId;
      /** Where the 合计 row (id TOTAL) stands; spec: top in T02/T03, bottom in T05 (Variant A). */
      total: 'top' | 'bottom';
      totalLabel?: string;
      /** Columns typed on 项 rows; the others are computed by formulas. */
      inputs: string[];
    }
  | {
      type: 'catalogue';
      catalogue: CatalogueId;
      under: string[];
      inputLevel: Level;
      inputs: string[];
      /** Fixed rows after the catalogue rows (e.g. 人员经费合计). */
      footer?: FixedRowDef[];
    }
  | {
      /**
       * Rows the clerk adds with a name (projects, indicators): ids N1, N2, … generated in order and
       * never reused after a removal; the name is kept as the report text `rowname.<table>.<id>`.
       */
      type: 'named';
      /** Columns typed on each named row; the others are computed by formulas. */
      inputs: string[];
      /** Heading of the name column (项目名称, 指标名称). */
      nameLabel: string;
      /** A 合计 row (id TOTAL) above or below the named rows: each money or count column = Σ rows. */
      total?: 'top' | 'bottom';
      totalLabel?: string;
    };

export interface SideDef {
  /** Heading over a two-sided table's half ("收入", "支出"); omitted for one-sided tables. */
  label?: string;
  /** Data columns of this side, in display order (ids from TableDef.columns). */
  columns: string[];
  /** Show the 行次 column for this side. */
  lineNumbers?: boolean;
  /** Show 科目编码 / 科目名称 columns (subject and catalogue rows) or 项目 (fixed rows). */
  rowHeader: 'subject' | 'item';
  /** Heading of the 项目 column for fixed rows (default 项目). */
  itemLabel?: string;
  rows: RowSource[];
}

export interface TableDef {
  /** T01 … T10 */
  id: string;
  /** As bureaus name the sheet: 公开01表 */
  code: string;
  title: string;
  /** Other titles bureaus and provinces print for the same table (an import recognises them). */
  aliases?: string[];
  /** Every data column of the table; sides list which of them they show. */
  columns: ColumnDef[];
  /** One side, or two printed side by side (收入 ‖ 支出). */
  sides: SideDef[];
  /**
   * Formulas for computed cells, in the formula language of shared/engine:
   *   `T03[*].c1 = T03[*].c2 + T03[*].c3`   — every row of T03 that has c1
   *   `T01[类].c2 = T03[类].c1`            — every 类 row of T01, the same row id in T03
   *   `T01.ESUM = SUM(T01[类].c2)`          — a row with one value may omit its column
   * Tree sums of subject/catalogue sides are implied and need no formula.
   */
  formulas: string[];
  /** Printed under an empty table; {unit} is the unit's name. */
  emptyNote?: string;
  /** Printed notes under the table (T10 填报说明). */
  notes?: string[];
}

export interface PackManifest {
  id: string;
  name: string;
  year: number;
  region: string;
  /**
   * The last report year this format serves, from `year` on (a format is used until the next one);
   * omitted = `year` only. The year before `year` also opens in it, as 上年数.
   */
  lastYear?: number;
  /** Catalogue files, relative to the pack folder; `levels` = code length per level when not 3/5/7. */
  catalogues: Record<CatalogueId, { title: string; file: string; levels?: CodeLengths }>;
  /** Cover fields (omitted = DEFAULT_COVER_FIELDS). */
  cover?: CoverFieldDef[];
  /** Extra words of bureau workbooks for the Excel import (added to DEFAULT_IMPORT_WORDS). */
  importWords?: Partial<ImportWords>;
  /** Table files, relative to the pack folder, in tab order. */
  tables: string[];
  /** The audit rules file (审核公式), relative to the pack folder. */
  rules?: string;
  /** The 情况说明 template, relative to the pack folder. */
  narrative?: string;
}

/** A loaded, validated pack: what the engine, the UI and the exporters read. */
export interface Pack {
  id: string;
  name: string;
  /** The first year the format serves (= years.from). */
  year: number;
  years: { from: number; to: number };
  region: string;
  cover: CoverFieldDef[];
  importWords: ImportWords;
  catalogues: Record<CatalogueId, Catalogue>;
  tables: TableDef[];
  /** Audit rules as written in the pack's rules file, checked against the tables on load. */
  rules?: RuleDef[];
  /** The 情况说明 template, checked against the tables on load. */
  narrative?: NarrativeTemplate;
}

/** Whether a pack is the format of a report year (not counting the 上年数 year before its first). */
export function packServesYear(pack: Pick<Pack, 'years'>, year: number): boolean {
  return year >= pack.years.from && year <= pack.years.to;
}

/** A catalogue the pack declares (its validation guarantees every id its tables use). */
export function catalogueOf(pack: Pick<Pack, 'catalogues' | 'id'>, id: CatalogueId): Catalogue {
  const catalogue = pack.catalogues[id];
  if (!catalogue) throw new Error(`报表格式 ${pack.id} 没有科目表“${id}”`);
  return catalogue;
}

/** The id of the 合计 row of a subject side. */
export const TOTAL_ROW = 'TOTAL';
