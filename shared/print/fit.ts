/**
 * Fitting tables to pages without trial prints. The set is laid out once on screen (the table widths
 * are fixed in millimetres, so lines wrap exactly as in print); MEASURE_SCRIPT reads the height of each
 * table's repeated header, of every body row and of the notes under it. Pagination is then simulated
 * as Chromium does it — the header repeated on every page, a row that does not fit moves whole to the
 * next page — to choose each table's zoom:
 *  - the zoom that makes it as wide as the page (never wider);
 *  - with scale `fit`, a table that spills a little onto an extra page (at most about 15 % of a page)
 *    is zoomed down just enough to need one page fewer, so no lonely 总计 row gets a page of its own.
 */

export interface TableMetrics {
  id: string;
  /** Zoom the table was measured at. */
  zoom: number;
  /** CSS pixels at that zoom. */
  head: number;
  rows: number[];
  notes: number;
}

export interface FlowMetrics {
  id: string;
  /** CSS pixels: the height of a part whose text simply flows from page to page. */
  height: number;
}

export interface SetMetrics {
  tables: TableMetrics[];
  flows: FlowMetrics[];
}

/** Evaluated in the page: the metrics of every `section[data-fit]` table and every other part. */
export const MEASURE_SCRIPT = `(() => {
  const height = (el) => (el ? el.getBoundingClientRect().height : 0);
  const sections = Array.from(document.querySelectorAll('section.part'));
  const tables = sections.filter((s) => s.dataset.fit).map((section) => {
    const table = section.querySelector('table');
    const sheet = section.querySelector('.sheet');
    const notes = section.querySelector('.notes');
    return {
      id: section.dataset.part,
      zoom: Number(sheet && sheet.style.zoom ? sheet.style.zoom : 1),
      head: height(table && table.tHead),
      rows: table && table.tBodies[0] ? Array.from(table.tBodies[0].rows, (row) => row.getBoundingClientRect().height) : [],
      notes: notes && table ? notes.getBoundingClientRect().bottom - table.getBoundingClientRect().bottom : 0,
    };
  });
  const flows = sections.filter((s) => !s.dataset.fit).map((section) => ({ id: section.dataset.part, height: height(section) }));
  return { tables, flows };
})()`;

export function isSetMetrics(value: unknown): value is SetMetrics {
  if (typeof value !== 'object' || value === null) return false;
  const v = value as { tables?: unknown; flows?: unknown };
  return Array.isArray(v.tables) && Array.isArray(v.flows);
}

/** Pages of text that flows freely (情况说明, 审核报告, the cover): an estimate, lines break anywhere. */
export function flowPages(metrics: FlowMetrics, pageHeight: number): number {
  return Math.max(1, Math.ceil((metrics.height - 1) / pageHeight));
}

/** Layout rounding and the borders between rows: a page is taken as this much shorter. */
const SAFETY_PX = 3;
const SAFETY_SHARE = 0.004;
/** The same allowances for other paginated parts (the 绩效自评表 sheets). */
export const PAGE_SAFETY_PX = SAFETY_PX;
export const PAGE_SAFETY_SHARE = SAFETY_SHARE;
const MIN_FIT_RATIO = 0.85;
const MAX_SPILL = 0.15;

/** Pages a measured table needs at `zoom` on pages `pageHeight` CSS px tall. */
export function simulatePages(metrics: TableMetrics, zoom: number, pageHeight: number): number {
  const scale = zoom / metrics.zoom;
  const capacity = pageHeight * (1 - SAFETY_SHARE) - SAFETY_PX;
  const head = metrics.head * scale;
  let pages = 1;
  let used = head;
  for (const raw of metrics.rows) {
    const row = raw * scale;
    if (used + row > capacity && used > head) {
      pages++;
      used = head;
    }
    used += row;
  }
  if (metrics.notes > 0 && used + metrics.notes * scale > capacity) pages++;
  return pages;
}

export interface FitResult {
  zoom: number;
  pages: number;
}

/**
 * The zoom a table prints at. `widthZoom` fits the page width; `chosen` is a fixed scale (as a zoom)
 * or null for `fit`.
 */
export function fitTable(metrics: TableMetrics, widthZoom: number, chosen: number | null, pageHeight: number): FitResult {
  if (chosen !== null) {
    const zoom = Math.min(chosen, widthZoom);
    return { zoom, pages: simulatePages(metrics, zoom, pageHeight) };
  }
  const full = simulatePages(metrics, widthZoom, pageHeight);
  if (full < 2) return { zoom: widthZoom, pages: full };
  const floor = widthZoom * Math.max(MIN_FIT_RATIO, 1 - MAX_SPILL / (full - 1));
  const fewest = simulatePages(metrics, floor, pageHeight);
  if (fewest >= full) return { zoom: widthZoom, pages: full };
  // The largest zoom that still saves the page: the type stays as large as it can.
  let low = floor;
  let high = widthZoom;
  for (let i = 0; i < 24; i++) {
    const mid = (low + high) / 2;
    if (simulatePages(metrics, mid, pageHeight) <= fewest) low = mid;
    else high = mid;
  }
  return { zoom: low, pages: fewest };
}
