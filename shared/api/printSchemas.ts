/** Input schemas and results of the print Api methods (打印预览, 打印, 保存 PDF, 核对指纹, 打印设置). */
import { z } from 'zod';
import { MAX_SCALE, MIN_SCALE, type PrintSettings } from '../print/settings';

const id = z.string().regex(/^[0-9A-Za-z_]{1,24}$/);
const paper = z.enum(['A4', 'A3']);
const orientation = z.enum(['auto', 'portrait', 'landscape']);
const scale = z.union([z.literal('fit'), z.number().int().min(MIN_SCALE, `缩放比例最小 ${MIN_SCALE}%`).max(MAX_SCALE, `缩放比例最大 ${MAX_SCALE}%`)]);
const margin = z.number().min(0, '页边距不能为负').max(60, '页边距最大 60 毫米');

export const printSettingsSchema = z.object({
  paper,
  orientation,
  margins: z.object({ top: margin, right: margin, bottom: margin, left: margin }),
  scale,
  blankZeros: z.boolean(),
  unit: z.enum(['元', '万元']),
  cover: z.boolean(),
  tables: z.array(id).max(100),
  narrative: z.boolean(),
  audit: z.boolean(),
  perTable: z.record(id, z.object({ paper: paper.optional(), orientation: orientation.optional(), scale: scale.optional() })),
  perf: z.array(z.enum(['perfReport', 'perfDept', 'perfProjects'])).max(3).optional(),
  perfOutline: z.string().regex(/^[a-z0-9-]{1,32}$/).optional(),
}) satisfies z.ZodType<PrintSettings>;

/** Parts of a set: `cover`, a table id, `narrative`, `audit`. */
export const printParts = z.array(id).min(1, '没有选择要打印的内容').max(100);

export const previewId = z.string().regex(/^[0-9a-f]{32}$/);

export interface PrintedPartView {
  id: string;
  title: string;
  firstPage: number;
  pages: number;
  zoom?: number;
}

export interface PrintPreview {
  previewId: string;
  /** The PDF, exactly as it prints or saves. */
  base64: string;
  fileName: string;
  pages: number;
  parts: PrintedPartView[];
  fingerprint: string;
  printedAt: string;
  /** A 强制 rule fails: every page says 未通过审核，仅供核对. */
  unaudited: boolean;
  hardFailures: number;
  /** Other things the clerk should know before printing (a 情况说明 with «…» left unfilled). */
  warnings: string[];
}

export interface PrintSettingsView {
  settings: PrintSettings;
  /** The app can send a PDF to a printer through the system print dialog (Electron only). */
  canPrint: boolean;
}

export interface VerifyView {
  fingerprint: string;
  current: string;
  matches: boolean;
  printedAt: string[];
  changed: { id: string; title: string }[] | null;
  stateAt: string | null;
  /** When no point was found in a 部门汇总's merged history: how far it was searched. */
  historyNote?: string | null;
  /** The verdict in sentences, as the CLI prints it. */
  lines: string[];
}

/** The last recorded print of a report and whether today's data still matches it (已打印 / 打印后已修改). */
export interface PrintStatusView {
  /** Today's data fingerprint. */
  current: string;
  /** The latest print or saved PDF; null when none was recorded. */
  last: { fingerprint: string; printedAt: string; pages: number } | null;
  /** The paper copy no longer matches today's data: which parts changed since (empty when it matches). */
  changed: { id: string; title: string }[];
}

/** A report's printed copy as the unit register shows it. */
export interface PrintMark {
  fingerprint: string;
  printedAt: string;
  /** Today's data still has this fingerprint; false: edited after printing, the paper copy is outdated. */
  current: boolean;
}
