/**
 * A printed set: the cover, the chosen tables in pack order, optionally the 情况说明 and the 审核报告,
 * as one HTML document rendered once by Chromium. Before that the document is laid out once on screen
 * to measure the tables, and each table's zoom is chosen (shared/print/fit.ts): as wide as the page at
 * most, and pulled back onto one page fewer when it spills only a little; each table's pagination is simulated from the same measurements, hence each part's page count.
 */
import type { Unit } from '../../../shared/api/contract';
import { AppError } from '../../../shared/api/errors';
import type { AuditReport } from '../../../shared/audit/auditReport';
import type { PrintedValues } from '../../../shared/engine/printedRows';
import type { NarrativeDoc } from '../../../shared/narrative/document';
import type { Pack } from '../../../shared/pack/model';
import { auditPart } from '../../../shared/print/auditHtml';
import { coverPart, signatureLine } from '../../../shared/print/cover';
import { fitTable, flowPages, isSetMetrics, MEASURE_SCRIPT } from '../../../shared/print/fit';
import { narrativePart } from '../../../shared/print/narrativeHtml';
import type { PerfData } from '../../../shared/perf/model';
import type { PerfScores } from '../../../shared/perf/view';
import { fitSheet, isSheetMetrics, PERF_MEASURE_SCRIPT, sheetPages, SHEET_ZOOM } from '../../../shared/print/perfFit';
import { perfDeptPart, perfProjectParts, perfSheetFit, type PerfSheetsInput } from '../../../shared/print/perfHtml';
import { printableMm, PX_PER_MM, UNAUDITED_MARK, type PageFurniture } from '../../../shared/print/pageCss';
import type { PartHtml } from '../../../shared/print/part';
import { printSetHtml } from '../../../shared/print/printSetHtml';
import { MIN_BOTTOM_MARGIN, tableSettings, type PrintSettings } from '../../../shared/print/settings';
import { fitWidthZoom, isLandscape, tablePart, zoomScript } from '../../../shared/print/tableHtml';
import type { TableDef } from '../../../shared/pack/model';
import type { PdfRenderer } from './pdfRenderer';
import { pdfPageCount } from './pdfPages';

export interface PrintSetInput {
  pack: Pack;
  engine: PrintedValues;
  unit: Unit;
  year: number;
  texts: Readonly<Record<string, string>>;
  settings: PrintSettings;
  /** Parts to print, in any order ('cover', table ids, 'narrative', 'audit'); printed in set order. */
  parts: readonly string[];
  fingerprint: string;
  printedAt: string;
  audit: AuditReport;
  narrative: { doc: NarrativeDoc; edits: Record<string, string> } | null;
  /** The 绩效自评 to print (its parts perfReport, perfDept, perfProjects); null when the report has none. */
  perf?: PerfPrintInput | null;
}

export interface PerfPrintInput {
  data: PerfData;
  scores: PerfScores;
  /** The 自评报告 in the chosen outline, generated as the export writes it. */
  report: { doc: NarrativeDoc; edits: Record<string, string>; title: string } | null;
}

export interface PrintedPart {
  id: string;
  title: string;
  /** First page of the part in the set (1-based) and its page count. */
  firstPage: number;
  pages: number;
  /** Tables: the zoom printed at (1 = 100 %). */
  zoom?: number;
}

export interface PrintSetResult {
  pdf: Uint8Array;
  parts: PrintedPart[];
  pages: number;
  /** The HTML that was printed (kept for the preview's tests and for debugging a layout). */
  html: string;
  /** Milliseconds spent laying out and measuring, and rendering the PDF (for `npm run bench`). */
  timings: { measure: number; render: number };
}

/** The set order: cover, tables as the pack lists them, 情况说明, 审核报告. */
export function orderParts(pack: Pack, parts: readonly string[]): string[] {
  const wanted = new Set(parts);
  return ['cover', ...pack.tables.map((t) => t.id), 'narrative', 'perfReport', 'perfDept', 'perfProjects', 'audit'].filter((id) => wanted.has(id));
}

interface TablePlan {
  table: TableDef;
  paper: PrintSettings['paper'];
  landscape: boolean;
  widthZoom: number;
  chosen: number | null;
  pageHeightPx: number;
}

export async function printSet(renderer: PdfRenderer, input: PrintSetInput): Promise<PrintSetResult> {
  const { settings, pack } = input;
  const margins = { ...settings.margins, bottom: Math.max(settings.margins.bottom, MIN_BOTTOM_MARGIN) };
  const furniture: PageFurniture = {
    margins,
    signature: signatureLine(input.texts),
    fingerprint: input.fingerprint,
    printedAt: input.printedAt,
    unaudited: input.audit.blocking,
  };
  const heading = `${input.unit.name}　${input.year}年度部门决算`;
  const ids = orderParts(pack, input.parts);

  const plans = new Map<string, TablePlan>();
  for (const id of ids) {
    const table = pack.tables.find((t) => t.id === id);
    if (!table) continue;
    const own = tableSettings(settings, id);
    const landscape = isLandscape(table, own.orientation);
    plans.set(id, {
      table,
      paper: own.paper,
      landscape,
      widthZoom: fitWidthZoom(table, own.paper, landscape, margins),
      chosen: own.scale === 'fit' ? null : own.scale / 100,
      pageHeightPx: printableMm(own.paper, landscape, margins).height * PX_PER_MM,
    });
  }

  const sheetScale = settings.scale === 'fit' ? null : settings.scale / 100;
  const sheetFit = perfSheetFit(settings.paper, settings.orientation, margins, sheetScale);
  const sheetZooms = new Map<string, number>();
  const build = (zooms: ReadonlyMap<string, number>): PartHtml[] =>
    ids.flatMap((id): PartHtml[] => {
      if (id === 'cover') {
        const warning = input.audit.blocking ? `${UNAUDITED_MARK}：有 ${input.audit.counts.强制} 处强制审核规则未通过，不得报送` : null;
        return [coverPart({ unitName: input.unit.name, unitCode: input.unit.code, year: input.year, texts: input.texts, paper: settings.paper, warning })];
      }
      if (id === 'narrative') return input.narrative ? [narrativePart(input.narrative.doc, input.narrative.edits, settings.paper, `${heading}　情况说明`)] : [];
      if (id === 'audit') return [auditPart(input.audit, settings.paper, `${heading}　审核报告`)];
      if (id === 'perfReport') {
        const report = input.perf?.report;
        return report ? [narrativePart(report.doc, report.edits, settings.paper, `${input.unit.name}　${input.year}年度　${report.title}`, { id: 'perfReport', title: report.title })] : [];
      }
      if (id === 'perfDept' || id === 'perfProjects') {
        if (!input.perf) return [];
        const sheets: PerfSheetsInput = {
          ...input.perf,
          unitName: input.unit.name,
          year: input.year,
          unit: settings.unit,
          paper: settings.paper,
          orientation: settings.orientation,
          margins,
          scale: sheetScale,
          zooms: sheetZooms,
        };
        return id === 'perfDept' ? [perfDeptPart(sheets)] : perfProjectParts(sheets);
      }
      const plan = plans.get(id);
      if (!plan) return [];
      return [
        tablePart({
          table: plan.table,
          engine: input.engine,
          unitName: input.unit.name,
          year: input.year,
          unit: settings.unit,
          blankZeros: settings.blankZeros,
          paper: plan.paper,
          landscape: plan.landscape,
          zoom: zooms.get(id) ?? plan.widthZoom,
        }),
      ];
    });
  const title = `${input.unit.name}${input.year}年度部门决算`;

  // Measure every part with the tables at their width-fitting zoom, then choose each table's zoom.
  const zooms = new Map<string, number>();
  const expected = new Map<string, number>();
  const portraitHeight = printableMm(settings.paper, false, margins).height * PX_PER_MM;
  const first = build(new Map());
  if (first.length === 0) throw new AppError('没有可打印的内容');
  const started = performance.now();
  let measuredAt = started;
  // The set is loaded once: measured at the width-fitting zooms, each table's zoom set in place, printed.
  const sheetHeight = printableMm(settings.paper, sheetFit.landscape, margins).height * PX_PER_MM;
  const measure = `(() => ({ ...${MEASURE_SCRIPT}, sheets: ${PERF_MEASURE_SCRIPT} }))()`;
  const { pdf } = await renderer.layoutAndPrint(printSetHtml(title, first, furniture), measure, (measured) => {
    measuredAt = performance.now();
    if (!isSetMetrics(measured)) throw new AppError('打印排版时无法测量表格（浏览器返回了意外的结果）');
    for (const metrics of measured.tables) {
      const plan = plans.get(metrics.id);
      if (!plan) continue;
      const fit = fitTable(metrics, plan.widthZoom, plan.chosen, plan.pageHeightPx);
      zooms.set(metrics.id, fit.zoom);
      expected.set(metrics.id, fit.pages);
    }
    for (const flow of measured.flows) expected.set(flow.id, flowPages(flow, portraitHeight));
    // The 绩效自评表 sheets are paginated block by block (their grids repeat their headers), not as free text.
    const sheets: unknown = (measured as { sheets?: unknown }).sheets;
    if (isSheetMetrics(sheets)) {
      for (const sheet of sheets) {
        if (sheetScale !== null) {
          expected.set(sheet.id, sheetPages(sheet, sheetHeight));
          continue;
        }
        // Scale 适合页面: a sheet spilling a few rows onto an extra page is pulled back, as a table is.
        const fit = fitSheet(sheet, sheetHeight);
        if (fit.factor < 1) sheetZooms.set(sheet.id, sheetFit.zoom * fit.factor);
        expected.set(sheet.id, fit.pages);
      }
    }
    return sheetZooms.size > 0 ? `(() => { ${zoomScript(zooms)}; ${zoomScript(sheetZooms, SHEET_ZOOM)}; })()` : zoomScript(zooms);
  });

  const parts = build(zooms);
  // The document as printed (the zooms written in), for the preview's tests and for debugging a layout.
  const html = printSetHtml(title, parts, furniture);
  const timings = { measure: measuredAt - started, render: performance.now() - measuredAt };
  const pages = pdfPageCount(pdf);
  // Tables are paginated exactly as simulated; free-flowing text is an estimate, so the last such
  // part takes whatever difference remains to the PDF's own page count.
  const counts = parts.map((p) => expected.get(p.id) ?? 1);
  const flowIndex = parts.findLastIndex((p) => p.id === 'narrative' || p.id === 'audit' || p.id === 'perfReport');
  const difference = pages - counts.reduce((a, b) => a + b, 0);
  if (difference !== 0 && flowIndex >= 0) counts[flowIndex] = Math.max(1, (counts[flowIndex] ?? 1) + difference);
  let next = 1;
  const printed = parts.map((part, i): PrintedPart => {
    const count = counts[i] ?? 1;
    const zoom = zooms.get(part.id) ?? sheetZooms.get(part.id) ?? (part.id.startsWith('perf') && part.id !== 'perfReport' && sheetFit.zoom < 1 ? sheetFit.zoom : undefined);
    const item: PrintedPart = { id: part.id, title: part.title, firstPage: next, pages: count, ...(zoom !== undefined ? { zoom: Math.round(zoom * 1000) / 1000 } : {}) };
    next += count;
    return item;
  });
  return { pdf, parts: printed, pages, html, timings };
}
