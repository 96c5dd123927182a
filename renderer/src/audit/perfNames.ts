/** Names of the performance marks the keystroke-to-panel bench reads (free of DOM types, for Node). */
export const COMMIT_MARK = 'juesuan:cell-commit';
export const PANEL_MARK = 'juesuan:audit-updated';
export const KEYSTROKE_MEASURE = 'juesuan:keystroke-to-audit';
export const GRID_MARK = 'juesuan:grid-painted';
export const KEYSTROKE_GRID_MEASURE = 'juesuan:keystroke-to-grid';
export const PASTE_MARK = 'juesuan:paste-start';
export const PASTE_MEASURE = 'juesuan:paste-to-grid';
