/**
 * A recorder standing in for `electron` (and `electron-store`) when a test imports the Electron entry
 * point: what the app asked for (sandbox, protocols, session handlers, IPC channels, windows, error
 * boxes, exits) is kept in `rec`. Each test file gets its own copy of this module, so its own `rec`.
 * Use: vi.mock('electron', () => import('./entryRecorder').then((m) => m.fakeElectron())).
 */
import { fileURLToPath } from 'node:url';

const repo = fileURLToPath(new URL('../../../', import.meta.url));

export const rec = {
  calls: [] as string[],
  appHandlers: new Map<string, (...args: unknown[]) => unknown>(),
  sessionHandlers: new Map<string, unknown>(),
  ipc: new Map<string, unknown>(),
  protocols: new Map<string, unknown>(),
  windows: [] as { url: string; options: Record<string, unknown> }[],
  logs: [] as string[],
  ready: null as null | (() => void),
};

export function fakeElectron() {
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
}

export function fakeElectronStore() {
  return {
    default: class {
      get(_key: string) {
        return undefined;
      }
      set() {}
    },
  };
}
