/** One test per key of the grid's keymap (renderer/src/edit/keymap.ts), in each editing mode. */
import { describe, expect, it } from 'vitest';
import { keyAction, type EditMode, type KeyPress } from '../../renderer/src/edit/keymap';

const press = (key: string, mods: Partial<Omit<KeyPress, 'key'>> = {}): KeyPress => ({ key, ctrl: false, shift: false, alt: false, ...mods });
const act = (mode: EditMode, key: string, mods: Partial<Omit<KeyPress, 'key'>> = {}) => keyAction(press(key, mods), mode);

describe('keymap', () => {
  it('arrows move in ready, commit and move while entering, move the caret in edit', () => {
    for (const [key, dir] of [['ArrowUp', 'up'], ['ArrowDown', 'down'], ['ArrowLeft', 'left'], ['ArrowRight', 'right']] as const) {
      expect(act('ready', key)).toEqual({ type: 'move', dir });
      expect(act('enter', key)).toEqual({ type: 'commit', then: dir });
      expect(act('edit', key)).toBeNull();
    }
  });

  it('Shift+arrows extend the selection', () => {
    expect(act('ready', 'ArrowDown', { shift: true })).toEqual({ type: 'extend', dir: 'down' });
    expect(act('ready', 'ArrowLeft', { shift: true })).toEqual({ type: 'extend', dir: 'left' });
    expect(act('enter', 'ArrowDown', { shift: true })).toBeNull();
  });

  it('Enter and Shift+Enter commit and move down / up in every mode', () => {
    for (const mode of ['ready', 'enter', 'edit'] as const) {
      expect(act(mode, 'Enter')).toEqual({ type: 'commit', then: 'enter' });
      expect(act(mode, 'Enter', { shift: true })).toEqual({ type: 'commit', then: 'shiftEnter' });
    }
  });

  it('Tab and Shift+Tab commit and move right / left in every mode', () => {
    for (const mode of ['ready', 'enter', 'edit'] as const) {
      expect(act(mode, 'Tab')).toEqual({ type: 'commit', then: 'tab' });
      expect(act(mode, 'Tab', { shift: true })).toEqual({ type: 'commit', then: 'shiftTab' });
    }
  });

  it('Escape cancels an entry and does nothing in ready', () => {
    expect(act('enter', 'Escape')).toEqual({ type: 'cancel' });
    expect(act('edit', 'Escape')).toEqual({ type: 'cancel' });
    expect(act('ready', 'Escape')).toBeNull();
  });

  it('F2 enters edit mode (from ready or while entering)', () => {
    expect(act('ready', 'F2')).toEqual({ type: 'edit' });
    expect(act('enter', 'F2')).toEqual({ type: 'edit' });
    expect(act('edit', 'F2')).toBeNull();
  });

  it('Backspace empties the cell and starts entry; in an entry it deletes a character', () => {
    expect(act('ready', 'Backspace')).toEqual({ type: 'clearAndEdit' });
    expect(act('enter', 'Backspace')).toBeNull();
    expect(act('edit', 'Backspace')).toBeNull();
  });

  it('Delete clears the selection in ready; in an entry it deletes a character', () => {
    expect(act('ready', 'Delete')).toEqual({ type: 'clear' });
    expect(act('enter', 'Delete')).toBeNull();
  });

  it('Home and End go to the first and last input of the line; in an entry they move the caret', () => {
    expect(act('ready', 'Home')).toEqual({ type: 'lineStart' });
    expect(act('ready', 'End')).toEqual({ type: 'lineEnd' });
    expect(act('enter', 'Home')).toBeNull();
    expect(act('edit', 'End')).toBeNull();
  });

  it('Ctrl+Home and Ctrl+End go to the first and last input of the table', () => {
    expect(act('ready', 'Home', { ctrl: true })).toEqual({ type: 'sheetStart' });
    expect(act('ready', 'End', { ctrl: true })).toEqual({ type: 'sheetEnd' });
  });

  it('PageUp and PageDown move by a screen', () => {
    expect(act('ready', 'PageDown')).toEqual({ type: 'page', down: true });
    expect(act('ready', 'PageUp')).toEqual({ type: 'page', down: false });
  });

  it('Ctrl+Z undoes; Ctrl+Y and Ctrl+Shift+Z redo; inside an entry they are the text box’s own', () => {
    expect(act('ready', 'z', { ctrl: true })).toEqual({ type: 'undo' });
    expect(act('ready', 'Z', { ctrl: true })).toEqual({ type: 'undo' });
    expect(act('ready', 'y', { ctrl: true })).toEqual({ type: 'redo' });
    expect(act('ready', 'Z', { ctrl: true, shift: true })).toEqual({ type: 'redo' });
    expect(act('enter', 'z', { ctrl: true })).toBeNull();
  });

  it('Ctrl+A selects the table; Ctrl+D fills down', () => {
    expect(act('ready', 'a', { ctrl: true })).toEqual({ type: 'selectAll' });
    expect(act('edit', 'a', { ctrl: true })).toBeNull();
    expect(act('ready', 'd', { ctrl: true })).toEqual({ type: 'fillDown' });
  });

  it('Ctrl+C, Ctrl+X and Ctrl+V are left to the browser, which raises the clipboard events the grid handles', () => {
    for (const key of ['c', 'x', 'v']) expect(act('ready', key, { ctrl: true })).toBeNull();
  });

  it('characters are left to the editor (typing starts entry), and Alt combinations to the window', () => {
    expect(act('ready', '1')).toBeNull();
    expect(act('ready', '-')).toBeNull();
    expect(act('ready', 'ArrowDown', { alt: true })).toBeNull();
  });
});
