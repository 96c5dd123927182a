/**
 * Settings in a small JSON file. Preferences are not worth stopping the program for: a missing or
 * unreadable file reads as the defaults, and each field that fails its schema falls back on its own.
 * Writes go to a temporary file renamed over the old one, so a crash never leaves half a file.
 */
import { readFile } from 'node:fs/promises';
import { z } from 'zod';
import type { Settings } from '../../../shared/api/contract';
import { writeFileAtomic } from '../files/writeFileAtomic';
import { DEFAULT_SETTINGS, type SettingsPort } from './settingsPort';

const stored = z.object({
  displayUnit: z.enum(['元', '万元']).catch(DEFAULT_SETTINGS.displayUnit),
  lastUnit: z.string().nullable().catch(null),
  lastYear: z.number().int().nullable().catch(null),
});

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

async function read(file: string): Promise<Settings> {
  let raw: unknown;
  try {
    raw = JSON.parse(await readFile(file, 'utf8'));
  } catch {
    return { ...DEFAULT_SETTINGS };
  }
  // The Electron shell used to keep these under a `settings` key of its electron-store file, in this same folder.
  const source = isObject(raw) && isObject(raw.settings) ? raw.settings : raw;
  const parsed = stored.safeParse({ ...DEFAULT_SETTINGS, ...(isObject(source) ? source : {}) });
  return parsed.success ? parsed.data : { ...DEFAULT_SETTINGS };
}

export function jsonFileSettings(file: string): SettingsPort {
  // Updates are chained so two quick changes cannot overwrite each other.
  let last: Promise<unknown> = Promise.resolve();
  return {
    get: () => read(file),
    update(patch) {
      const next = last.then(async () => {
        const merged: Settings = { ...(await read(file)) };
        if (patch.displayUnit !== undefined) merged.displayUnit = patch.displayUnit;
        if (patch.lastUnit !== undefined) merged.lastUnit = patch.lastUnit;
        if (patch.lastYear !== undefined) merged.lastYear = patch.lastYear;
        await writeFileAtomic(file, `${JSON.stringify(merged, null, 2)}\n`, { createFolder: true });
        return merged;
      });
      last = next.catch(() => undefined);
      return next;
    },
  };
}
