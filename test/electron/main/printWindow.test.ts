/**
 * The app's printing with `electron` replaced by a recorder (its binary cannot run here): the hidden
 * window is sandboxed in a session of its own that loads nothing from the network, each document is
 * loaded from a temporary file that is removed afterwards, printToPDF prints with the CSS page size,
 * and the print dialog's answer (printed or cancelled) is passed on.
 */
import { existsSync, readFileSync } from 'node:fs';
import { beforeEach, describe, expect, it, vi } from 'vitest';

interface FakeWindow {
  options: { show: boolean; webPreferences: Record<string, unknown> };
  loaded: { file: string; text: string }[];
  destroyed: boolean;
  blocked: (url: string) => boolean;
}

const recorded = vi.hoisted(() => ({
  windows: [] as FakeWindow[],
  pdfOptions: [] as unknown[],
  scripts: [] as string[],
  printOptions: [] as unknown[],
  printAnswer: true,
}));

vi.mock('electron', () => {
  class BrowserWindow {
    private readonly record: FakeWindow;
    readonly webContents: Record<string, unknown>;
    constructor(options: FakeWindow['options']) {
      const record: FakeWindow = { options, loaded: [], destroyed: false, blocked: () => false };
      this.record = record;
      recorded.windows.push(record);
      this.webContents = {
        setWindowOpenHandler: () => undefined,
        on: () => undefined,
        session: {
          webRequest: {
            onBeforeRequest: (listener: (details: { url: string }, callback: (r: { cancel: boolean }) => void) => void) => {
              record.blocked = (url) => {
                let cancel = false;
                listener({ url }, (r) => (cancel = r.cancel));
                return cancel;
              };
            },
          },
        },
        printToPDF: async (options: unknown) => {
          recorded.pdfOptions.push(options);
          return Buffer.from('%PDF-1.4 fake');
        },
        executeJavaScript: async (script: string) => {
          recorded.scripts.push(script);
          return { tables: [], flows: [] };
        },
        print: (options: unknown, callback: (success: boolean, reason: string) => void) => {
          recorded.printOptions.push(options);
          callback(recorded.printAnswer, recorded.printAnswer ? '' : 'cancelled');
        },
      };
    }
    async loadFile(file: string) {
      this.record.loaded.push({ file, text: readFileSync(file, 'latin1') });
    }
    isDestroyed() {
      return this.record.destroyed;
    }
    destroy() {
      this.record.destroyed = true;
    }
  }
  return { BrowserWindow };
});

const { electronPdfRenderer, electronPrinter, PRINT_PARTITION } = await import('../../../electron/main/printWindow');

beforeEach(() => {
  recorded.windows.length = 0;
  recorded.pdfOptions.length = 0;
  recorded.scripts.length = 0;
  recorded.printOptions.length = 0;
  recorded.printAnswer = true;
});

describe('printing in the app', () => {
  it('renders each document in one hidden, sandboxed window of its own session, from a temporary file', async () => {
    const renderer = electronPdfRenderer();
    const measured = await renderer.measure('<p>一</p>', 'document.title');
    const pdf = await renderer.pdf('<p>二</p>');
    expect(measured).toEqual({ tables: [], flows: [] });
    expect(Buffer.from(pdf).toString()).toBe('%PDF-1.4 fake');
    expect(recorded.windows).toHaveLength(1);
    const win = recorded.windows[0]!;
    expect(win.options.show).toBe(false);
    expect(win.options.webPreferences).toMatchObject({ sandbox: true, contextIsolation: true, nodeIntegration: false, partition: PRINT_PARTITION });
    expect(win.options.webPreferences.preload).toBeUndefined();
    expect(recorded.scripts).toEqual(['document.title']);
    expect(recorded.pdfOptions).toEqual([{ preferCSSPageSize: true, printBackground: true }]);
    expect(win.loaded.map((l) => Buffer.from(l.text, 'latin1').toString('utf8'))).toEqual(['<p>一</p>', '<p>二</p>']);
    for (const { file } of win.loaded) expect(existsSync(file)).toBe(false);
    expect(win.blocked('https://example.com/font.woff')).toBe(true);
    expect(win.blocked('http://127.0.0.1:8080/')).toBe(true);
    expect(win.blocked('file:///tmp/x/print.html')).toBe(false);
    expect(win.blocked('chrome-extension://mhjfbmdgcfjbbpaeojofohoefgiehjai/index.html')).toBe(false);
    await renderer.close();
    expect(win.destroyed).toBe(true);
  });

  it('prints a PDF through the system dialog in a window with the PDF viewer, and passes on a cancel', async () => {
    const printer = electronPrinter();
    expect(await printer.printPdf(new TextEncoder().encode('%PDF'), '隆阳区2020年度部门决算')).toBe(true);
    recorded.printAnswer = false;
    expect(await printer.printPdf(new TextEncoder().encode('%PDF'), 'x')).toBe(false);
    expect(recorded.printOptions).toEqual([
      { silent: false, printBackground: true },
      { silent: false, printBackground: true },
    ]);
    expect(recorded.windows.map((w) => w.options.webPreferences.plugins)).toEqual([true, true]);
    expect(recorded.windows.every((w) => w.destroyed)).toBe(true);
    expect(recorded.windows[0]?.loaded[0]?.file.endsWith('隆阳区2020年度部门决算.pdf')).toBe(true);
    for (const w of recorded.windows) for (const { file } of w.loaded) expect(existsSync(file)).toBe(false);
  });
});
