/**
 * The main window with Electron's security defaults kept on and spelled out: sandboxed renderer,
 * context isolation, no Node in the page, web security, no <webview>, no insecure content. The page
 * comes from app://juesuan/ (appProtocol.ts); navigation, new windows and permissions are handled
 * in security.ts for every web contents, this one included.
 */
import { BrowserWindow, shell, type WebPreferences } from 'electron';
import { join } from 'node:path';
import { PAGE_URL } from './appProtocol';
import { hardenWebContents } from './security';
import type { WindowBounds } from './settingsStore';

export interface WindowOptions {
  bounds: WindowBounds;
  saveBounds: (bounds: WindowBounds) => void;
  /** out/ folder of the build: main/, preload/, renderer/ */
  outDir: string;
}

export function webPreferences(outDir: string): WebPreferences {
  return {
    preload: join(outDir, 'preload', 'index.cjs'),
    sandbox: true,
    contextIsolation: true,
    nodeIntegration: false,
    nodeIntegrationInWorker: false,
    nodeIntegrationInSubFrames: false,
    webSecurity: true,
    allowRunningInsecureContent: false,
    webviewTag: false,
    navigateOnDragDrop: false,
    spellcheck: false,
  };
}

export function createMainWindow({ bounds, saveBounds, outDir }: WindowOptions): BrowserWindow {
  const win = new BrowserWindow({
    x: bounds.x,
    y: bounds.y,
    width: bounds.width,
    height: bounds.height,
    minWidth: 960,
    minHeight: 600,
    title: '决算工作站',
    show: false,
    webPreferences: webPreferences(outDir),
  });
  hardenWebContents(win.webContents, shell);
  if (bounds.maximized) win.maximize();
  win.once('ready-to-show', () => win.show());

  win.on('close', () => {
    saveBounds({ ...win.getNormalBounds(), maximized: win.isMaximized() });
  });

  void win.loadURL(PAGE_URL);
  return win;
}
