/** Where the workstation keeps its data when no path is given. */
import { homedir } from 'node:os';
import { posix, win32 } from 'node:path';

function pathsFor(platform: NodeJS.Platform): typeof posix {
  return platform === 'win32' ? win32 : posix;
}

/** JUESUAN_HOME, else %APPDATA%\juesuan on Windows, else $XDG_DATA_HOME/juesuan or ~/.local/share/juesuan. */
export function defaultDataDir(env: NodeJS.ProcessEnv = process.env, platform: NodeJS.Platform = process.platform): string {
  if (env.JUESUAN_HOME) return env.JUESUAN_HOME;
  const { join } = pathsFor(platform);
  if (platform === 'win32') return join(env.APPDATA || join(homedir(), 'AppData', 'Roaming'), 'juesuan');
  return join(env.XDG_DATA_HOME || join(homedir(), '.local', 'share'), 'juesuan');
}

export function defaultDbPath(env: NodeJS.ProcessEnv = process.env, platform: NodeJS.Platform = process.platform): string {
  return pathsFor(platform).join(defaultDataDir(env, platform), 'juesuan.db');
}

/** The settings file of the web host and the CLI (the Electron shell keeps its own with electron-store). */
export function defaultSettingsPath(env: NodeJS.ProcessEnv = process.env, platform: NodeJS.Platform = process.platform): string {
  return pathsFor(platform).join(defaultDataDir(env, platform), 'settings.json');
}
