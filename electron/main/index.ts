/**
 * The Electron shell, kept thin: single-instance lock, sandbox for every renderer, the app://
 * protocol, the security policy for every web contents and the session, services opened on the one
 * default database (the same as browser mode and the CLI, printed at start), one IPC handler per Api
 * method, the window. Everything it calls is tested without Electron.
 */
import { app, BrowserWindow, dialog, protocol, session, shell } from 'electron';
import { join, resolve } from 'node:path';
import { createServices } from '../services/createServices';
import { resolveDataLocation } from '../services/paths';
import { registerAppScheme, serveApp } from './appProtocol';
import { dbArgument } from './commandLine';
import { guardDownloads } from './downloads';
import { registerApiHandlers } from './ipc';
import { installMenu } from './menu';
import { electronPdfRenderer, electronPrinter } from './printWindow';
import { hardenSession, hardenWebContents, isAppPageUrl } from './security';
import { createShellStore } from './settingsStore';
import { createMainWindow } from './window';

const outDir = join(import.meta.dirname, '..');
const packsDir = app.isPackaged ? join(process.resourcesPath, 'packs') : join(app.getAppPath(), 'resources', 'packs');

app.enableSandbox();
registerAppScheme(protocol);

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

  // Any web contents at all (windows, and anything a bug might create) gets the same policy.
  app.on('web-contents-created', (_event, contents) => hardenWebContents(contents, shell));

  app.whenReady().then(async () => {
    hardenSession(session.defaultSession);
    serveApp(protocol, join(outDir, 'renderer'));
    guardDownloads(session.defaultSession, { dialog, defaultFolder: () => app.getPath('documents'), window: () => win });
    const location = resolveDataLocation();
    const given = dbArgument(process.argv);
    let dbPath = given === undefined ? location.dbPath : resolve(given);
    try {
      const services = await createServices({
        dbPath,
        settingsFile: location.settingsPath,
        packsDir,
        onDamaged: 'recover',
        backupOnOpen: 'always',
        pdfRenderer: async () => electronPdfRenderer(),
        printer: electronPrinter(),
      });
      dbPath = services.dbPath;
      closeServices = services.close;
      registerApiHandlers(services.api, isAppPageUrl);
    } catch (err) {
      // The database is left exactly as it is; the clerk is told where it is.
      dialog.showErrorBox('决算工作站无法启动', err instanceof Error ? err.message : String(err));
      app.exit(1);
      return;
    }
    console.log(`数据库：${dbPath}`);
    if (location.notice && given === undefined) console.log(location.notice);
    const shellStore = createShellStore();
    installMenu(() => win, dbPath);
    win = createMainWindow({ bounds: shellStore.windowBounds(), saveBounds: shellStore.saveWindowBounds, outDir });
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
