/**
 * The main window with Electron's security defaults kept on: sandboxed renderer, context isolation,
 * no Node in the page, navigation and new windows denied, every permission request refused.
 * The CSP is in renderer/index.html (a file:// page gets no response headers to carry one).
 */
import { BrowserWindow, session } from 'electron';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { WindowBounds } from './settingsStore';

export interface WindowOptions {
  bounds: WindowBounds;
  saveBounds: (bounds: WindowBounds) => void;
  /** out/ folder of the build: main/, preload/, renderer/ */
  outDir: string;
}

/** The URL the window loads; IPC answers only frames whose URL is this page. */
export function pageUrl(outDir: string): string {
  return pathToFileURL(join(outDir, 'renderer', 'index.html')).href;
}

export function createMainWindow({ bounds, saveBounds, outDir }: WindowOptions): BrowserWindow {
  session.defaultSession.setPermissionRequestHandler((_wc, _permission, callback) => callback(false));

  const win = new BrowserWindow({
    x: bounds.x,
    y: bounds.y,
    width: bounds.width,
    height: bounds.height,
    minWidth: 960,
    minHeight: 600,
    title: '决算工作站',
    show: false,
    webPreferences: {
      preload: join(outDir, 'preload', 'index.cjs'),
      sandbox: true,
      contextIsolation: true,
      nodeIntegration: false,
      webSecurity: true,
      spellcheck: false,
    },
  });
  if (bounds.maximized) win.maximize();
  win.once('ready-to-show', () => win.show());

  const url = pageUrl(outDir);
  win.webContents.on('will-navigate', (event, target) => {
    if (target !== url) event.preventDefault();
  });
  win.webContents.setWindowOpenHandler(() => ({ action: 'deny' }));

  win.on('close', () => {
    saveBounds({ ...win.getNormalBounds(), maximized: win.isMaximized() });
  });

  void win.loadURL(url);
  return win;
}
