/**
 * The shell's own state: the window's size and place, in electron-store (which writes atomically).
 * The clerk's preferences (display unit, last unit and year) live in the data folder's settings.json,
 * shared with browser mode and the CLI (createServices).
 */
import Store from 'electron-store';

export interface WindowBounds {
  x?: number;
  y?: number;
  width: number;
  height: number;
  maximized: boolean;
}

interface Stored {
  window: WindowBounds;
}

const DEFAULTS: Stored = {
  window: { width: 1400, height: 900, maximized: false },
};

export function createShellStore(): { windowBounds: () => WindowBounds; saveWindowBounds: (b: WindowBounds) => void } {
  // Not `settings`: that name in the same folder is the clerk's preferences file.
  const store = new Store<Stored>({ name: 'window-state', defaults: DEFAULTS, clearInvalidConfig: true });
  return {
    windowBounds: () => ({ ...DEFAULTS.window, ...store.get('window') }),
    saveWindowBounds: (bounds) => store.set('window', bounds),
  };
}
