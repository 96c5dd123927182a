/**
 * The grid's keyboard, as Excel's: one pure table from a key (with its modifiers) and the editing
 * mode to what the grid does, so every key is tested on its own (test/renderer/keymap.test.ts).
 *
 * Modes, as Excel names them:
 *  - ready: a cell is selected, nothing typed yet (typing a character starts `enter`);
 *  - enter: the clerk started typing on a selected cell; arrows commit and move;
 *  - edit:  F2 (or a double click); arrows move the caret inside the text, Enter/Tab commit.
 * `null` means the browser's own behaviour: a character typed into the editor, the caret moving,
 * Ctrl+C/X/V raising the clipboard events the grid listens to.
 */
import type { Dir } from './gridNav';

export type EditMode = 'ready' | 'enter' | 'edit';

/** After a commit: where the cursor goes. */
export type Then = Dir | 'tab' | 'shiftTab' | 'enter' | 'shiftEnter';

export type GridAction =
  | { type: 'move'; dir: Dir }
  | { type: 'extend'; dir: Dir }
  | { type: 'commit'; then: Then }
  | { type: 'edit' }
  | { type: 'cancel' }
  | { type: 'clearAndEdit' }
  | { type: 'clear' }
  | { type: 'selectAll' }
  | { type: 'fillDown' }
  | { type: 'undo' }
  | { type: 'redo' }
  | { type: 'lineStart' }
  | { type: 'lineEnd' }
  | { type: 'sheetStart' }
  | { type: 'sheetEnd' }
  | { type: 'page'; down: boolean };

export interface KeyPress {
  key: string;
  ctrl: boolean;
  shift: boolean;
  alt: boolean;
}

const ARROWS: Record<string, Dir> = { ArrowUp: 'up', ArrowDown: 'down', ArrowLeft: 'left', ArrowRight: 'right' };

export function keyAction({ key, ctrl, shift, alt }: KeyPress, mode: EditMode): GridAction | null {
  if (alt) return null;
  const arrow = ARROWS[key];
  // Keys that commit whatever was typed and move, in every mode (in `ready` there is nothing to commit).
  if (!ctrl && key === 'Enter') return { type: 'commit', then: shift ? 'shiftEnter' : 'enter' };
  if (!ctrl && key === 'Tab') return { type: 'commit', then: shift ? 'shiftTab' : 'tab' };
  if (!ctrl && key === 'Escape') return mode === 'ready' ? null : { type: 'cancel' };
  if (!ctrl && key === 'F2') return mode === 'edit' ? null : { type: 'edit' };

  if (mode === 'edit') return null; // the caret, the text's own undo and selection
  if (mode === 'enter') {
    if (arrow && !ctrl && !shift) return { type: 'commit', then: arrow };
    return null;
  }

  // ready
  if (arrow && !ctrl) return shift ? { type: 'extend', dir: arrow } : { type: 'move', dir: arrow };
  if (ctrl) {
    switch (key.length === 1 ? key.toLowerCase() : key) {
      case 'z':
        return shift ? { type: 'redo' } : { type: 'undo' };
      case 'y':
        return shift ? null : { type: 'redo' };
      case 'a':
        return shift ? null : { type: 'selectAll' };
      case 'd':
        return shift ? null : { type: 'fillDown' };
      case 'Home':
        return shift ? null : { type: 'sheetStart' };
      case 'End':
        return shift ? null : { type: 'sheetEnd' };
      default:
        return null;
    }
  }
  if (shift) return null;
  switch (key) {
    case 'Delete':
      return { type: 'clear' };
    case 'Backspace':
      return { type: 'clearAndEdit' };
    case 'Home':
      return { type: 'lineStart' };
    case 'End':
      return { type: 'lineEnd' };
    case 'PageDown':
      return { type: 'page', down: true };
    case 'PageUp':
      return { type: 'page', down: false };
    default:
      return null;
  }
}
