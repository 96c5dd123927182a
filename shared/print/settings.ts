/**
 * Print settings: paper, orientation, margins, scale, zeros, 元/万元 and which parts print. They are
 * remembered per report (and orientation/scale/paper per table), so a clerk sets them up once.
 */
import type { MoneyUnit } from '../money/fen';
import { isPerfPart, type PerfPartId } from './perfParts';

export type Paper = 'A4' | 'A3';
export type Orientation = 'auto' | 'portrait' | 'landscape';
/** `fit`: scale to the page width and pull a table that spills a few rows onto one page fewer. */
export type Scale = 'fit' | number;

export interface Margins {
  top: number;
  right: number;
  bottom: number;
  left: number;
}

export interface TablePrintSettings {
  paper?: Paper;
  orientation?: Orientation;
  scale?: Scale;
}

export interface PrintSettings {
  paper: Paper;
  orientation: Orientation;
  /** Millimetres. */
  margins: Margins;
  scale: Scale;
  blankZeros: boolean;
  unit: MoneyUnit;
  /** What the whole set prints: the cover, these tables (in pack order), the 情况说明, the 审核报告. */
  cover: boolean;
  tables: string[];
  narrative: boolean;
  audit: boolean;
  /** Per table: paper, orientation, scale that differ from the report's. */
  perTable: Record<string, TablePrintSettings>;
  /** The 绩效自评 parts the whole set prints (perfReport, perfDept, perfProjects); none when absent. */
  perf?: PerfPartId[];
  /** The 自评报告's outline (hunan, yunnan …); the pack's first when absent. */
  perfOutline?: string;
}

/** Left margin is the binding edge; the bottom holds the signature line and the footer. */
export const DEFAULT_MARGINS: Margins = { top: 12, right: 12, bottom: 18, left: 20 };
export const MIN_SCALE = 30;
export const MAX_SCALE = 200;
/** The footer needs this much of the bottom margin (two lines of 8.5 pt and a gap). */
export const MIN_BOTTOM_MARGIN = 14;

export function defaultPrintSettings(tableIds: readonly string[]): PrintSettings {
  return {
    paper: 'A4',
    orientation: 'auto',
    margins: { ...DEFAULT_MARGINS },
    scale: 'fit',
    blankZeros: false,
    unit: '元',
    cover: true,
    tables: [...tableIds],
    narrative: false,
    audit: false,
    perTable: {},
  };
}

/** What one table prints with: the report's settings overridden by the table's own. */
export interface ResolvedTableSettings {
  paper: Paper;
  orientation: Orientation;
  scale: Scale;
}

export function tableSettings(settings: PrintSettings, tableId: string): ResolvedTableSettings {
  const own = settings.perTable[tableId] ?? {};
  return {
    paper: own.paper ?? settings.paper,
    orientation: own.orientation ?? settings.orientation,
    scale: own.scale ?? settings.scale,
  };
}

/** Stored settings merged over the defaults: a table the pack no longer has is dropped, never an error. */
export function mergePrintSettings(tableIds: readonly string[], stored: Partial<PrintSettings> | null): PrintSettings {
  const base = defaultPrintSettings(tableIds);
  if (!stored) return base;
  const known = new Set(tableIds);
  const perTable: Record<string, TablePrintSettings> = {};
  for (const [id, value] of Object.entries(stored.perTable ?? {})) if (known.has(id)) perTable[id] = value;
  return {
    ...base,
    ...stored,
    margins: { ...base.margins, ...(stored.margins ?? {}) },
    tables: stored.tables ? tableIds.filter((id) => stored.tables?.includes(id)) : base.tables,
    perTable,
    ...(stored.perf ? { perf: stored.perf.filter(isPerfPart) } : {}),
  };
}
