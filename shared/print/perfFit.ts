/**
 * Page counts of the 绩效自评表 sheets without a trial print. A sheet is a run of blocks: the title, the
 * blocks kept whole (head, 总分), and grids whose header row Chromium repeats on every page they run
 * onto and whose rows never break. PERF_MEASURE_SCRIPT reads the heights from the laid-out set (at the
 * zoom it prints at); `sheetPages` paginates them as Chromium does, so the set's list of parts says on
 * which page each project's sheet starts.
 */
import { PAGE_SAFETY_PX, PAGE_SAFETY_SHARE } from './fit';
import type { ZoomTarget } from './tableHtml';

export interface SheetBlock {
  /** CSS pixels: the space above the block (its gap to the one before) plus its own height. */
  height: number;
  /** A grid: the header height and each body row's height; absent for a block kept whole. */
  grid?: { head: number; rows: number[] };
}

export interface SheetMetrics {
  id: string;
  blocks: SheetBlock[];
}

/** Evaluated in the page: every `section[data-perf]` as its blocks. */
export const PERF_MEASURE_SCRIPT = `(() => {
  const rect = (el) => el.getBoundingClientRect();
  return Array.from(document.querySelectorAll('section.part[data-perf]')).map((section) => {
    const sheet = section.querySelector('.perf-sheet');
    let bottom = sheet ? rect(sheet).top : 0;
    const blocks = sheet ? Array.from(sheet.children).map((el) => {
      const r = rect(el);
      const height = r.bottom - bottom;
      bottom = r.bottom;
      if (el.tagName === 'TABLE' && el.classList.contains('perf-grid')) {
        const body = el.tBodies[0];
        const rows = body ? Array.from(body.rows, (row) => rect(row).height) : [];
        const head = el.tHead ? rect(el.tHead).height : 0;
        return { height, grid: { head, rows } };
      }
      return { height };
    }) : [];
    return { id: section.dataset.part, blocks };
  });
})()`;

export function isSheetMetrics(value: unknown): value is SheetMetrics[] {
  return Array.isArray(value) && value.every((v) => typeof v === 'object' && v !== null && Array.isArray((v as { blocks?: unknown }).blocks));
}

/** Pages one sheet takes on pages `pageHeight` CSS px tall. */
export function sheetPages(metrics: SheetMetrics, pageHeight: number): number {
  const capacity = pageHeight * (1 - PAGE_SAFETY_SHARE) - PAGE_SAFETY_PX;
  let pages = 1;
  let used = 0;
  for (const block of metrics.blocks) {
    if (!block.grid) {
      // Kept whole: a block that does not fit goes to the next page (the title keeps with what follows).
      if (used + block.height > capacity && used > 0) {
        pages++;
        used = 0;
      }
      used += block.height;
      continue;
    }
    const { head, rows } = block.grid;
    const lead = block.height - head - rows.reduce((a, b) => a + b, 0);
    // The header never stands alone at a page's foot: it moves on with the first row.
    if (used + lead + head + (rows[0] ?? 0) > capacity && used > 0) {
      pages++;
      used = 0;
    }
    used += lead + head;
    rows.forEach((row, i) => {
      if (i > 0 && used + row > capacity) {
        pages++;
        used = head;
      }
      used += row;
    });
  }
  return pages;
}

const MIN_FIT_RATIO = 0.85;
const MAX_SPILL = 0.15;

function scaled(metrics: SheetMetrics, k: number): SheetMetrics {
  return {
    id: metrics.id,
    blocks: metrics.blocks.map((b) => ({ height: b.height * k, ...(b.grid ? { grid: { head: b.grid.head * k, rows: b.grid.rows.map((r) => r * k) } } : {}) })),
  };
}

/**
 * As `fit` does for a table: a sheet that spills a little onto an extra page (its last rows and 总分) is
 * zoomed down just enough to need one page fewer, never below 85 %. CSS zoom scales the whole sheet
 * (widths too), so lines wrap as measured and every height scales by the same factor. Returns the factor
 * to apply to the sheet's measured zoom (1: unchanged) and the pages it then takes.
 */
export function fitSheet(metrics: SheetMetrics, pageHeight: number): { factor: number; pages: number } {
  const full = sheetPages(metrics, pageHeight);
  if (full < 2) return { factor: 1, pages: full };
  const floor = Math.max(MIN_FIT_RATIO, 1 - MAX_SPILL / (full - 1));
  const fewest = sheetPages(scaled(metrics, floor), pageHeight);
  if (fewest >= full) return { factor: 1, pages: full };
  let low = floor;
  let high = 1;
  for (let i = 0; i < 24; i++) {
    const mid = (low + high) / 2;
    if (sheetPages(scaled(metrics, mid), pageHeight) <= fewest) low = mid;
    else high = mid;
  }
  return { factor: low, pages: fewest };
}

/** Where the 绩效 sheets pulled onto fewer pages take their zoom, for `zoomScript`. */
export const SHEET_ZOOM: ZoomTarget = { section: 'section.part[data-perf]', sheet: '.perf-sheet' };
