/**
 * Where the clerk's preferences live. The Electron shell supplies an electron-store implementation;
 * the web host and the CLI use a JSON file (jsonFileSettings).
 */
import type { Settings } from '../../../shared/api/contract';

export interface SettingsPort {
  get(): Promise<Settings>;
  update(patch: Partial<Settings>): Promise<Settings>;
}

export const DEFAULT_SETTINGS: Settings = { displayUnit: '元', lastUnit: null, lastYear: null };
