/**
 * Performance marks for the keystroke-to-panel figure (`npm run bench`, Chromium): a mark when the
 * clerk commits a cell with Enter or Tab, a mark when the panel has caught up, and a measure
 * between them. Only the last commit is measured, once.
 */
import { COMMIT_MARK, GRID_MARK, KEYSTROKE_GRID_MEASURE, KEYSTROKE_MEASURE, PANEL_MARK, PASTE_MARK, PASTE_MEASURE } from './perfNames';

let pending = false;
let gridPending = false;
let pastePending = false;

function onKey(e: KeyboardEvent): void {
  if (e.key !== 'Enter' && e.key !== 'Tab') return;
  const target = e.target;
  if (!(target instanceof HTMLElement) || !target.matches('.sheet-editor.editing')) return;
  performance.mark(COMMIT_MARK);
  pending = true;
  gridPending = true;
}

let installed = false;

/** Listens (capturing, before the grid handles the key) for commits of an inline cell editor. */
export function installCommitMarks(): void {
  if (installed) return;
  installed = true;
  window.addEventListener('keydown', onKey, true);
}

/** Called once the panel reflects the latest audit (a layout effect: the DOM is updated). */
export function markAuditUpdated(): void {
  performance.mark(PANEL_MARK);
  if (!pending) return;
  pending = false;
  performance.measure(KEYSTROKE_MEASURE, COMMIT_MARK, PANEL_MARK);
}

/** Called when the grid has repainted the cells a commit changed (the typed cell and its totals). */
export function markGridPainted(): void {
  if (!gridPending && !pastePending) return;
  performance.mark(GRID_MARK);
  if (gridPending) {
    gridPending = false;
    performance.measure(KEYSTROKE_GRID_MEASURE, COMMIT_MARK, GRID_MARK);
  }
  if (pastePending) {
    pastePending = false;
    performance.measure(PASTE_MEASURE, PASTE_MARK, GRID_MARK);
  }
}

/** Called when a paste reaches the grid, before it is planned and written. */
export function markPasteStart(): void {
  performance.mark(PASTE_MARK);
  pastePending = true;
}
