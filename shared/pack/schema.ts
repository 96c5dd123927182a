/**
 * JSON shapes of a pack's files (pack.json, tables/*.json) as zod schemas. Strict objects: a
 * misspelt key in a hand-edited pack is a fault to report, not something to ignore.
 */
import { z } from 'zod';
import type { CatalogueEntry, ColumnDef, FixedRowDef, PackManifest, RowSource, SideDef, TableDef } from './model';

/** Ids travel in cell keys and Api inputs (`[0-9A-Za-z_]{1,24}`). */
const id = z.string().regex(/^[0-9A-Za-z_]{1,24}$/, '编号只能包含字母、数字和下划线，最长 24 位');
const tableId = z.string().regex(/^[A-Za-z][0-9A-Za-z_]{0,23}$/, '表编号须以字母开头，只含字母、数字和下划线');
const level = z.enum(['类', '款', '项']);
const valueKind = z.enum(['money', 'count', 'text', 'decimal', 'percent']);
const text = z.string().min(1, '不能为空');

export const columnSchema = z.strictObject({
  id,
  label: text,
  groups: z.array(text).optional(),
  lanci: z.string().optional(),
  kind: valueKind.optional(),
  decimals: z.number().int().min(0, '小数位数为 0 到 6').max(6, '小数位数为 0 到 6').optional(),
  maxLength: z.number().int().min(1).max(50_000).optional(),
}) satisfies z.ZodType<ColumnDef>;

export const fixedRowSchema = z.strictObject({
  id,
  label: text,
  lineNo: z.string().optional(),
  indent: z.number().int().min(0).max(6).optional(),
  columns: z.array(id).optional(),
  inputs: z.array(id).optional(),
  kind: valueKind.optional(),
  level: level.optional(),
  total: z.boolean().optional(),
}) satisfies z.ZodType<FixedRowDef>;

const catalogueId = id;

export const rowSourceSchema = z.discriminatedUnion('type', [
  z.strictObject({ type: z.literal('fixed'), rows: z.array(fixedRowSchema).min(1) }),
  z.strictObject({
    type: z.literal('subject'),
    catalogue: catalogueId,
    total: z.enum(['top', 'bottom']),
    totalLabel: text.optional(),
    inputs: z.array(id),
  }),
  z.strictObject({
    type: z.literal('catalogue'),
    catalogue: catalogueId,
    under: z.array(z.string().regex(/^\d{3}$/, '须为 3 位类级科目编码')).min(1),
    inputLevel: level,
    inputs: z.array(id),
    footer: z.array(fixedRowSchema).optional(),
  }),
  z.strictObject({
    type: z.literal('named'),
    inputs: z.array(id),
    nameLabel: text,
    total: z.enum(['top', 'bottom']).optional(),
    totalLabel: text.optional(),
  }),
]) satisfies z.ZodType<RowSource>;

export const sideSchema = z.strictObject({
  label: text.optional(),
  columns: z.array(id).min(1),
  lineNumbers: z.boolean().optional(),
  rowHeader: z.enum(['subject', 'item']),
  itemLabel: text.optional(),
  rows: z.array(rowSourceSchema).min(1),
}) satisfies z.ZodType<SideDef>;

export const tableSchema = z.strictObject({
  id: tableId,
  code: text,
  title: text,
  aliases: z.array(text).optional(),
  columns: z.array(columnSchema).min(1),
  sides: z.array(sideSchema).min(1).max(2),
  formulas: z.array(z.string()),
  emptyNote: text.optional(),
  notes: z.array(text).optional(),
}) satisfies z.ZodType<TableDef>;

const codeLength = z.number().int().min(1).max(20);
const catalogueRef = z.strictObject({
  title: text,
  file: text,
  levels: z.strictObject({ 类: codeLength, 款: codeLength, 项: codeLength }).optional(),
});
const coverField = z.strictObject({
  key: z.string().regex(/^cover\.[A-Za-z][A-Za-z0-9_]{0,40}$/, '封面字段的键须为 cover.名称'),
  label: text,
  placeholder: z.string().optional(),
});
const importWords = z.strictObject({
  codeHeaders: z.array(text).optional(),
  nameHeaders: z.array(text).optional(),
  synonyms: z.record(text, text).optional(),
});

export const manifestSchema = z.strictObject({
  id: z.string().regex(/^[0-9A-Za-z_-]{1,64}$/, '报表套编号只能包含字母、数字、下划线和短横线'),
  name: text,
  year: z.number().int().min(2000).max(2100),
  lastYear: z.number().int().min(2000).max(2100).optional(),
  region: text,
  catalogues: z.record(id, catalogueRef).refine((c) => Object.keys(c).length > 0, '至少要有一个科目表'),
  cover: z.array(coverField).optional(),
  importWords: importWords.optional(),
  tables: z.array(text).min(1),
  rules: text.optional(),
  narrative: text.optional(),
}) satisfies z.ZodType<PackManifest>;

/** One CSV row (`code,name,level,parent,src`) as csv-parse gives it: every field a string. */
export const catalogueRowSchema = z.object({
  code: z.string().trim().regex(/^\d+$/, '科目编码只能是数字'),
  name: z.string().trim().min(1, '科目名称不能为空'),
  level,
  parent: z.string().trim(),
  src: z.string().trim().optional().default(''),
}) satisfies z.ZodType<CatalogueEntry, unknown>;
