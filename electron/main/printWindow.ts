/**
 * Printing in the app, through Electron's own Chromium: a hidden window renders a printed set with
 * `webContents.printToPDF` (the PdfRenderer of electron/services/print), and the system print dialog
 * prints a finished PDF (the PrinterPort). Each document is written to a temporary file and loaded
 * from there (a set can be larger than a data: URL may be); the hidden windows are sandboxed, load
 * nothing from the network and navigate nowhere else.
 */
import { BrowserWindow, type WebPreferences } from 'electron';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { writeFileAtomic } from '../services/files/writeFileAtomic';
import type { PdfRenderer, PrinterPort } from '../services/print/pdfRenderer';

const NETWORK = /^(https?|wss?|ftp):/i;

/** A session of its own, so blocking the network here never touches the main window's session. */
export const PRINT_PARTITION = 'juesuan-print';

const SAFE: WebPreferences = {
  sandbox: true,
  contextIsolation: true,
  nodeIntegration: false,
  webSecurity: true,
  spellcheck: false,
  partition: PRINT_PARTITION,
};

function hiddenWindow(extra: WebPreferences = {}): BrowserWindow {
  const win = new BrowserWindow({ show: false, width: 1600, height: 1000, webPreferences: { ...SAFE, ...extra } });
  win.webContents.setWindowOpenHandler(() => ({ action: 'deny' }));
  win.webContents.on('will-navigate', (event) => event.preventDefault());
  // Nothing from the network; the PDF viewer's own chrome-extension:/chrome: resources still load.
  win.webContents.session.webRequest.onBeforeRequest((details, callback) => callback({ cancel: NETWORK.test(details.url) }));
  return win;
}

/** A temporary folder for one document, removed afterwards whatever happens. */
async function withTempFile<T>(name: string, bytes: string | Uint8Array, work: (file: string) => Promise<T>): Promise<T> {
  const dir = await mkdtemp(join(tmpdir(), 'juesuan-print-'));
  try {
    const file = join(dir, name);
    await writeFileAtomic(file, bytes);
    return await work(file);
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

export function electronPdfRenderer(): PdfRenderer {
  let win: BrowserWindow | null = null;
  let tail: Promise<unknown> = Promise.resolve();
  // One document at a time in the one hidden window.
  const withPage = <T>(html: string, work: (win: BrowserWindow) => Promise<T>): Promise<T> => {
    const run = () =>
      withTempFile('print.html', html, async (file) => {
        if (!win || win.isDestroyed()) win = hiddenWindow();
        await win.loadFile(file);
        return work(win);
      });
    const next = tail.then(run, run);
    tail = next.catch(() => undefined);
    return next;
  };
  return {
    name: `Electron（Chromium ${process.versions.chrome ?? ''}）`,
    pdf: (html) => withPage(html, async (w) => new Uint8Array(await w.webContents.printToPDF({ preferCSSPageSize: true, printBackground: true }))),
    measure: (html, script) => withPage(html, (w): Promise<unknown> => w.webContents.executeJavaScript(script)),
    close: async () => {
      if (win && !win.isDestroyed()) win.destroy();
      win = null;
    },
  };
}

/** The system print dialog over a finished PDF, shown in Chromium's PDF viewer of a hidden window. */
export function electronPrinter(): PrinterPort {
  return {
    printPdf: (pdf, title) =>
      withTempFile(`${title.replace(/[\\/:*?"<>|]/g, '_')}.pdf`, pdf, async (file) => {
        const win = hiddenWindow({ plugins: true });
        try {
          await win.loadFile(file);
          return await new Promise<boolean>((resolve) => {
            win.webContents.print({ silent: false, printBackground: true }, (success) => resolve(success));
          });
        } finally {
          win.destroy();
        }
      }),
  };
}
