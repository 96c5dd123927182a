/**
 * The Electron entry point with `electron` replaced by a recorder: before the app is ready it turns
 * the sandbox on for every renderer and registers app:// as privileged; when ready it hardens the
 * session, serves app://, guards downloads, opens the ONE default database (the same file the CLI and
 * the browser mode use without --db) and says which, registers one IPC handler per Api method, and
 * opens the window on app://juesuan/.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { API_METHODS } from '../../../shared/api/methods';
import { runMain } from '../cli/inProcess';

const repo = fileURLToPath(new URL('../../../', import.meta.url));

const rec = vi.hoisted(() => ({
  calls: [] as string[],
  appHandlers: new Map<string, (...args: unknown[]) => unknown>(),
  sessionHandlers: new Map<string, unknown>(),
  ipc: new Map<string, unknown>(),
  protocols: new Map<string, unknown>(),
  windows: [] as { url: string; options: Record<string, unknown> }[],
  logs: [] as string[],
  ready: null as null | (() => void),
}));

vi.mock('electron', () => {
  const contents = () => ({ on: () => undefined, setWindowOpenHandler: () => undefined });
  class BrowserWindow {
    webContents = contents();
    constructor(readonly options: Record<string, unknown>) {}
    once() {}
    on() {}
    maximize() {}
    loadURL(url: string) {
      rec.windows.push({ url, options: this.options });
      return Promise.resolve();
    }
  }
  return {
    app: {
      isPackaged: false,
      getAppPath: () => repo,
      getPath: (name: string) => `/tmp/recorded-${name}`,
      enableSandbox: () => rec.calls.push('enableSandbox'),
      requestSingleInstanceLock: () => (rec.calls.push('singleInstanceLock'), true),
      on: (name: string, fn: (...args: unknown[]) => unknown) => rec.appHandlers.set(name, fn),
      whenReady: () => (rec.calls.push('whenReady'), new Promise<void>((resolve) => (rec.ready = resolve))),
      quit: () => undefined,
      exit: (code: number) => rec.calls.push(`exit ${code}`),
      getVersion: () => '0.1.0',
    },
    protocol: {
      registerSchemesAsPrivileged: (schemes: unknown) => (rec.calls.push('registerSchemesAsPrivileged'), rec.protocols.set('privileged', schemes)),
      handle: (scheme: string, fn: unknown) => rec.protocols.set(scheme, fn),
    },
    session: {
      defaultSession: {
        setPermissionRequestHandler: (fn: unknown) => rec.sessionHandlers.set('request', fn),
        setPermissionCheckHandler: (fn: unknown) => rec.sessionHandlers.set('check', fn),
        setDevicePermissionHandler: (fn: unknown) => rec.sessionHandlers.set('device', fn),
        on: (name: string, fn: unknown) => rec.sessionHandlers.set(name, fn),
      },
    },
    dialog: { showErrorBox: (title: string, message: string) => rec.calls.push(`error ${title} ${message}`), showMessageBox: () => undefined },
    shell: { openExternal: () => Promise.resolve() },
    ipcMain: { handle: (channel: string, fn: unknown) => rec.ipc.set(channel, fn) },
    Menu: { buildFromTemplate: (t: unknown) => t, setApplicationMenu: () => undefined },
    BrowserWindow,
  };
});

vi.mock('electron-store', () => ({
  default: class {
    get(_key: string) {
      return undefined;
    }
    set() {}
  },
}));

let home: string;
const saved = { ...process.env };
beforeAll(async () => {
  home = await mkdtemp(join(tmpdir(), 'juesuan-startup-'));
  delete process.env.JUESUAN_HOME;
  process.env.XDG_CONFIG_HOME = join(home, 'config');
  process.env.XDG_DATA_HOME = join(home, 'data');
  vi.spyOn(console, 'log').mockImplementation((text: string) => void rec.logs.push(text));
});
afterAll(async () => {
  process.env = saved;
  vi.restoreAllMocks();
  await rm(home, { recursive: true, force: true });
});

describe('the Electron entry point', () => {
  it('turns on the sandbox and registers app:// before the app is ready', async () => {
    await import('../../../electron/main/index');
    expect(rec.calls.slice(0, 4)).toEqual(['enableSandbox', 'registerSchemesAsPrivileged', 'singleInstanceLock', 'whenReady']);
    expect(rec.protocols.get('privileged')).toEqual([{ scheme: 'app', privileges: { standard: true, secure: true, supportFetchAPI: true } }]);
    expect(rec.appHandlers.has('web-contents-created')).toBe(true);
  });

  it('when ready: hardened session, app:// served, downloads guarded, the default database opened and printed, IPC, the window', async () => {
    rec.ready!();
    await vi.waitFor(() => expect(rec.windows).toHaveLength(1), { timeout: 20_000, interval: 50 });
    expect([...rec.sessionHandlers.keys()].sort()).toEqual(['check', 'device', 'request', 'will-download']);
    expect(rec.protocols.has('app')).toBe(true);
    expect([...rec.ipc.keys()].sort()).toEqual(API_METHODS.map((m) => `api:${m}`).sort());
    const expected = join(home, 'config', '决算工作站', 'juesuan.db');
    expect(rec.logs).toContain(`数据库：${expected}`);
    expect(rec.windows[0]!.url).toBe('app://juesuan/index.html');
    // The CLI without --db uses the very same file, and says so.
    const run = await runMain('unit', 'list');
    expect(run.code).toBe(0);
    expect(run.stderr).toBe(`使用默认数据库：${expected}\n`);
    await (rec.appHandlers.get('will-quit')?.({ preventDefault: () => undefined }) as Promise<void> | undefined);
  });
});
