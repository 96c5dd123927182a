/** Names of the performance marks the keystroke-to-panel bench reads (free of DOM types, for Node). */
export const COMMIT_MARK = 'juesuan:cell-commit';
export const PANEL_MARK = 'juesuan:audit-updated';
export const KEYSTROKE_MEASURE = 'juesuan:keystroke-to-audit';
