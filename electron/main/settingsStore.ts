/**
 * electron-store keeps the shell's settings in the user-data folder: the clerk's display unit and last
 * unit/year (served to the renderer through the Api's SettingsPort) and the window bounds.
 */
import Store from 'electron-store';
import type { Settings } from '../../shared/api/contract';
import type { SettingsPort } from '../services/settings/settingsPort';

export interface WindowBounds {
  x?: number;
  y?: number;
  width: number;
  height: number;
  maximized: boolean;
}

interface Stored {
  settings: Settings;
  window: WindowBounds;
}

const DEFAULTS: Stored = {
  settings: { displayUnit: '元', lastUnit: null, lastYear: null },
  window: { width: 1400, height: 900, maximized: false },
};

export function createShellStore(): { settings: SettingsPort; windowBounds: () => WindowBounds; saveWindowBounds: (b: WindowBounds) => void } {
  const store = new Store<Stored>({ name: 'settings', defaults: DEFAULTS, clearInvalidConfig: false });
  const settings: SettingsPort = {
    get: async () => ({ ...DEFAULTS.settings, ...store.get('settings') }),
    update: async (patch) => {
      const next = { ...DEFAULTS.settings, ...store.get('settings'), ...patch };
      store.set('settings', next);
      return next;
    },
  };
  return {
    settings,
    windowBounds: () => ({ ...DEFAULTS.window, ...store.get('window') }),
    saveWindowBounds: (bounds) => store.set('window', bounds),
  };
}
