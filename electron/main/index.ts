/**
 * The Electron shell, kept thin: single-instance lock, services opened on the user-data folder,
 * one IPC handler per Api method, the window. Everything it calls is tested without Electron.
 */
import { app, BrowserWindow, dialog } from 'electron';
import { join } from 'node:path';
import { createServices } from '../services/createServices';
import { registerApiHandlers } from './ipc';
import { installMenu } from './menu';
import { createShellStore } from './settingsStore';
import { createMainWindow, pageUrl } from './window';

const outDir = join(import.meta.dirname, '..');
const packsDir = app.isPackaged ? join(process.resourcesPath, 'packs') : join(app.getAppPath(), 'resources', 'packs');

if (!app.requestSingleInstanceLock()) {
  app.quit();
} else {
  let win: BrowserWindow | null = null;
  let closeServices: (() => Promise<void>) | null = null;

  app.on('second-instance', () => {
    if (!win) return;
    if (win.isMinimized()) win.restore();
    win.focus();
  });

  app.whenReady().then(async () => {
    const shell = createShellStore();
    try {
      const services = await createServices({
        dbPath: join(app.getPath('userData'), 'juesuan.db'),
        packsDir,
        settings: shell.settings,
        onDamaged: 'recover',
        backupOnOpen: 'always',
      });
      closeServices = services.close;
      registerApiHandlers(services.api, (url) => url === pageUrl(outDir));
    } catch (err) {
      // The database is left exactly as it is; the clerk is told where it is.
      dialog.showErrorBox('决算工作站无法启动', err instanceof Error ? err.message : String(err));
      app.exit(1);
      return;
    }
    installMenu(() => win);
    win = createMainWindow({ bounds: shell.windowBounds(), saveBounds: shell.saveWindowBounds, outDir });
    win.on('closed', () => {
      win = null;
    });
  });

  app.on('window-all-closed', () => app.quit());

  // Every edit is already committed; closing the database cleanly checkpoints the WAL.
  let quitting = false;
  app.on('will-quit', (event) => {
    if (quitting || !closeServices) return;
    event.preventDefault();
    quitting = true;
    void closeServices().finally(() => app.quit());
  });
}
