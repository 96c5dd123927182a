/**
 * Performance marks for the keystroke-to-panel figure (`npm run bench`, Chromium): a mark when the
 * clerk commits a cell with Enter or Tab, a mark when the panel has caught up, and a measure
 * between them. Only the last commit is measured, once.
 */
import { COMMIT_MARK, KEYSTROKE_MEASURE, PANEL_MARK } from './perfNames';

let pending = false;

function onKey(e: KeyboardEvent): void {
  if (e.key !== 'Enter' && e.key !== 'Tab') return;
  const target = e.target;
  if (!(target instanceof HTMLElement) || !target.closest('.ag-cell-inline-editing')) return;
  performance.mark(COMMIT_MARK);
  pending = true;
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
