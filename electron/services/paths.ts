/**
 * Where the workstation keeps its data when no path is given — one place, whichever way it starts:
 * the Electron window, the browser fallback of `npm start` / `npm run web`, and the CLI. That place is
 * the folder Electron calls userData (named after the product), computed here without Electron so
 * that all three agree; $JUESUAN_HOME overrides it for all three.
 *
 * Before this, browser mode and the CLI used another folder (…/juesuan). A clerk's database found
 * there, with none in the new place, is used where it is — never moved, copied or deleted — and the
 * start-up line says so.
 */
import { existsSync } from 'node:fs';
import { homedir } from 'node:os';
import { posix, win32 } from 'node:path';

/** The product name; Electron names its userData folder after it. */
export const APP_FOLDER = '决算工作站';
export const DB_FILE = 'juesuan.db';
export const SETTINGS_FILE = 'settings.json';

function pathsFor(platform: NodeJS.Platform): typeof posix {
  return platform === 'win32' ? win32 : posix;
}

/** Electron's appData folder: %APPDATA%, ~/Library/Application Support, or $XDG_CONFIG_HOME / ~/.config. */
function appDataRoot(env: NodeJS.ProcessEnv, platform: NodeJS.Platform): string {
  const { join } = pathsFor(platform);
  if (platform === 'win32') return env.APPDATA || join(homedir(), 'AppData', 'Roaming');
  if (platform === 'darwin') return join(homedir(), 'Library', 'Application Support');
  return env.XDG_CONFIG_HOME || join(homedir(), '.config');
}

/** $JUESUAN_HOME, else Electron's userData folder of 决算工作站. */
export function defaultDataDir(env: NodeJS.ProcessEnv = process.env, platform: NodeJS.Platform = process.platform): string {
  if (env.JUESUAN_HOME) return env.JUESUAN_HOME;
  return pathsFor(platform).join(appDataRoot(env, platform), APP_FOLDER);
}

/** Where browser mode and the CLI kept their data before (none when $JUESUAN_HOME is set: that has not changed). */
export function legacyDataDir(env: NodeJS.ProcessEnv = process.env, platform: NodeJS.Platform = process.platform): string | null {
  if (env.JUESUAN_HOME) return null;
  const { join } = pathsFor(platform);
  if (platform === 'win32') return join(env.APPDATA || join(homedir(), 'AppData', 'Roaming'), 'juesuan');
  return join(env.XDG_DATA_HOME || join(homedir(), '.local', 'share'), 'juesuan');
}

export interface DataLocation {
  /** The folder of the database and the settings. */
  dir: string;
  dbPath: string;
  settingsPath: string;
  /** A sentence for the start-up output when an older location is involved. */
  notice: string | null;
}

export function resolveDataLocation(
  env: NodeJS.ProcessEnv = process.env,
  platform: NodeJS.Platform = process.platform,
  exists: (path: string) => boolean = existsSync,
): DataLocation {
  const { join } = pathsFor(platform);
  const at = (dir: string, notice: string | null): DataLocation => ({
    dir,
    dbPath: join(dir, DB_FILE),
    settingsPath: join(dir, SETTINGS_FILE),
    notice,
  });
  const current = defaultDataDir(env, platform);
  const legacy = legacyDataDir(env, platform);
  const legacyDb = legacy === null ? null : join(legacy, DB_FILE);
  if (legacy === null || legacyDb === null || !exists(legacyDb)) return at(current, null);
  if (!exists(join(current, DB_FILE))) {
    return at(legacy, `使用原来位置的数据库“${legacyDb}”（新的默认位置是“${current}”；程序不会移动或删除原来的文件）`);
  }
  return at(current, `原来位置另有一个数据库“${legacyDb}”，本次没有使用（需要时用 --db 指定）`);
}

export function defaultDbPath(env: NodeJS.ProcessEnv = process.env, platform: NodeJS.Platform = process.platform): string {
  return resolveDataLocation(env, platform).dbPath;
}

/** The settings file of all three ways of starting (the Electron shell keeps only its window size elsewhere). */
export function defaultSettingsPath(env: NodeJS.ProcessEnv = process.env, platform: NodeJS.Platform = process.platform): string {
  return resolveDataLocation(env, platform).settingsPath;
}
