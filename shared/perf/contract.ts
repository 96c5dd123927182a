/**
 * The 绩效 part of the Api contract: input schemas and result shapes, kept here so that
 * shared/api/contract.ts only lists them. Every value arrives as the text the clerk typed and is
 * parsed by the back end with shared/perf/fields, the same parse the screen uses.
 */
import { z } from 'zod';
import type { NarrativeCheckResult } from '../narrative/check';
import type { NarrativeDoc } from '../narrative/document';
import type { FormDef } from '../narrative/template';
import type { PerfData } from './model';
import type { PerfPackData } from './packData';
import type { PerfCheck } from './view';

const rowId = z.number().int().min(1).max(1_000_000);
const short = z.string().max(200);

export const perfOp = z.discriminatedUnion('op', [
  z.object({ op: z.literal('addProject'), name: short.optional() }).strict(),
  z.object({ op: z.literal('addIndicator'), owner: z.number().int().min(0).max(1_000_000), level1: short, level2: short.optional(), level3: short.optional() }).strict(),
  z.object({ op: z.literal('addTask'), name: short.optional() }).strict(),
  z.object({ op: z.literal('remove'), target: z.enum(['project', 'indicator', 'task']), id: rowId }).strict(),
  z
    .object({
      op: z.literal('set'),
      target: z.enum(['project', 'indicator', 'task', 'dept']),
      /** 0 for the 部门整体 form. */
      id: z.number().int().min(0).max(1_000_000),
      field: z.string().min(1).max(40),
      text: z.string().max(10_000, '文字过长（最多 10,000 字）'),
      /** The unit money was typed in (the screen may show 万元). */
      unit: z.enum(['元', '万元']).optional(),
    })
    .strict(),
]);
export type PerfOp = z.infer<typeof perfOp>;

/** One place of the 绩效自评 whose 修改记录 is asked for: a field of a project, indicator, task or the 部门整体 form (id 0). */
export const perfPlace = z
  .object({
    target: z.enum(['project', 'indicator', 'task', 'dept']),
    id: z.number().int().min(0).max(1_000_000),
    field: z.string().min(1).max(40),
  })
  .strict();

/**
 * One journalled change of a 绩效 field: money as 分, 是否适用 as 1/0, the rest as text. `field` '' is
 * the row itself added (old null) or removed (new null); its value is then the stored row (JSON).
 */
export interface PerfHistoryEntry {
  batch: number;
  at: string;
  how: 'typed' | 'paste' | 'import' | 'undo' | 'restore';
  target: 'project' | 'indicator' | 'task' | 'dept';
  id: number;
  field: string;
  old: number | string | null;
  new: number | string | null;
}

export const perfOutline = z.string().regex(/^[a-z0-9-]{1,32}$/);

/** The pack's 绩效 data as the screen needs it: the scheme and the report outlines with their forms. */
export interface PerfPackView extends Omit<PerfPackData, 'reports'> {
  reports: { id: string; title: string; forms: FormDef[] }[];
}

export interface PerfState {
  /** null when the report's pack has no 绩效自评. */
  pack: PerfPackView | null;
  data: PerfData;
  /** 提示 rules: Σ 全年执行数 against 项目支出 of the tables, and the 自评表s' own. */
  checks: PerfCheck[];
  /** The report texts of the 自评报告 (perf.*). */
  texts: Record<string, string>;
}

export interface PerfReportView {
  doc: NarrativeDoc;
  edits: Record<string, string>;
  checks: NarrativeCheckResult[];
  /** «…» still printed, one line each. */
  unfilled: string[];
}

export function perfPackView(data: PerfPackData): PerfPackView {
  return {
    ...data,
    reports: data.reports.map((r) => ({ id: r.id, title: r.title, forms: r.template.forms.filter((f) => f.id !== 'computed') })),
  };
}
