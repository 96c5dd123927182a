/**
 * The Electron shell's security checklist, item by item, with `electron` replaced by a recorder (its
 * binary cannot run here): the window's webPreferences, navigation/redirect/subframe navigation and
 * new windows denied, <webview> refused, permissions refused, openExternal only for checked https
 * addresses, the IPC sender check, save paths checked against the database, and the app://
 * protocol's traversal guard (a pure function) and responses.
 */
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';

type Listener = (...args: unknown[]) => unknown;

const rec = vi.hoisted(() => {
  class Emitter {
    listeners = new Map<string, ((...args: unknown[]) => unknown)[]>();
    on(name: string, fn: (...args: unknown[]) => unknown) {
      this.listeners.set(name, [...(this.listeners.get(name) ?? []), fn]);
      return this;
    }
    once(name: string, fn: (...args: unknown[]) => unknown) {
      return this.on(name, fn);
    }
    emit(name: string, ...args: unknown[]) {
      for (const fn of this.listeners.get(name) ?? []) fn(...args);
    }
  }
  class WebContents extends Emitter {
    openHandler: ((details: { url: string }) => { action: string }) | null = null;
    setWindowOpenHandler(fn: (details: { url: string }) => { action: string }) {
      this.openHandler = fn;
    }
  }
  const windows: { options: Record<string, unknown>; loaded: string[]; webContents: WebContents; emit(name: string, ...args: unknown[]): void }[] = [];
  class BrowserWindow extends Emitter {
    webContents = new WebContents();
    loaded: string[] = [];
    constructor(readonly options: Record<string, unknown>) {
      super();
      windows.push(this as never);
    }
    loadURL(url: string) {
      this.loaded.push(url);
      return Promise.resolve();
    }
    maximize() {}
    show() {}
    isMaximized() {
      return false;
    }
    getNormalBounds() {
      return { x: 1, y: 2, width: 1000, height: 700 };
    }
  }
  return { Emitter, WebContents, BrowserWindow, windows, opened: [] as string[] };
});

vi.mock('electron', () => ({
  BrowserWindow: rec.BrowserWindow,
  shell: { openExternal: (url: string) => (rec.opened.push(url), Promise.resolve()) },
}));

const { createMainWindow, webPreferences } = await import('../../../electron/main/window');
const { hardenSession, isAppPageUrl, isSafeExternalUrl } = await import('../../../electron/main/security');
const { appResponse, registerAppScheme, resolveAppPath, serveApp, APP_CSP, PAGE_URL } = await import('../../../electron/main/appProtocol');
const { isTrustedSender } = await import('../../../electron/main/ipc');
const { handleDownload, partialDownloadPath } = await import('../../../electron/main/downloads');
const { registerOpenDatabase } = await import('../../../electron/services/files/openDatabases');

function prevented(emit: (event: { url: string; isMainFrame?: boolean; preventDefault(): void }) => void, url: string, isMainFrame = true): boolean {
  let stopped = false;
  emit({ url, isMainFrame, preventDefault: () => (stopped = true) });
  return stopped;
}

describe('the main window', () => {
  beforeEach(() => {
    rec.windows.length = 0;
    rec.opened.length = 0;
  });

  function openWindow() {
    const saved: unknown[] = [];
    createMainWindow({ bounds: { width: 1200, height: 800, maximized: false }, saveBounds: (b) => saved.push(b), outDir: '/app/out' });
    const win = rec.windows[0]!;
    return { win, saved, emit: (name: string) => (event: unknown) => win.webContents.emit(name, event) };
  }

  it('keeps sandbox, contextIsolation and webSecurity on, Node, <webview> and insecure content off, and loads app://juesuan/', () => {
    const { win } = openWindow();
    expect(win.options.webPreferences).toEqual(webPreferences('/app/out'));
    expect(win.options.webPreferences).toMatchObject({
      preload: '/app/out/preload/index.cjs',
      sandbox: true,
      contextIsolation: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
    });
    expect(win.loaded).toEqual(['app://juesuan/index.html']);
  });

  it('denies navigation, redirects and subframe navigation away from our page', () => {
    const { emit } = openWindow();
    for (const name of ['will-navigate', 'will-redirect', 'will-frame-navigate']) {
      for (const url of ['https://evil.example/', 'file:///etc/passwd', 'app://other/index.html', 'http://127.0.0.1:8080/', 'javascript:alert(1)']) {
        expect(prevented(emit(name), url), `${name} ${url}`).toBe(true);
      }
      expect(prevented(emit(name), PAGE_URL), `${name} own page`).toBe(false);
      expect(prevented(emit(name), `${PAGE_URL}#/T03`), `${name} own page with hash`).toBe(false);
    }
    const frame = emit('will-frame-navigate');
    expect(prevented(frame, 'blob:app://juesuan/5f1c', false)).toBe(false);
    expect(prevented(frame, 'about:srcdoc', false)).toBe(false);
    expect(prevented(frame, 'blob:https://evil.example/5f1c', false)).toBe(true);
    expect(prevented(frame, 'blob:app://juesuan/5f1c', true)).toBe(true);
  });

  it('refuses <webview>, denies every new window and opens only checked https addresses outside', () => {
    const { win, emit } = openWindow();
    let stopped = false;
    emit('will-attach-webview')({ preventDefault: () => (stopped = true) });
    expect(stopped).toBe(true);
    const urls = ['https://www.mof.gov.cn/zhengwuxinxi/', 'http://www.mof.gov.cn/', 'file:///C:/Windows/system32/calc.exe', 'smb://host/share', 'javascript:alert(1)', 'https://user:pw@example.com/', 'ms-msdt:/id', 'https://localhost/', 'app://juesuan/index.html'];
    for (const url of urls) expect(win.webContents.openHandler!({ url })).toEqual({ action: 'deny' });
    expect(rec.opened).toEqual(['https://www.mof.gov.cn/zhengwuxinxi/']);
  });

  it('saves its bounds on close', () => {
    const { win, saved } = openWindow();
    win.emit('close');
    expect(saved).toEqual([{ x: 1, y: 2, width: 1000, height: 700, maximized: false }]);
  });
});

describe('security policy pieces', () => {
  it('refuses every permission request, check and device request', () => {
    const handlers: Record<string, Listener> = {};
    hardenSession({
      setPermissionRequestHandler: (fn: Listener) => (handlers.request = fn),
      setPermissionCheckHandler: (fn: Listener) => (handlers.check = fn),
      setDevicePermissionHandler: (fn: Listener) => (handlers.device = fn),
    } as never);
    const answers: boolean[] = [];
    for (const permission of ['media', 'notifications', 'clipboard-read', 'geolocation', 'openExternal']) {
      handlers.request!(null, permission, (granted: boolean) => answers.push(granted), {});
      answers.push(handlers.check!(null, permission, 'app://juesuan', {}) as boolean);
    }
    answers.push(handlers.device!({}) as boolean);
    expect(answers).toHaveLength(11);
    expect(answers.every((a) => a === false)).toBe(true);
  });

  it('knows our page and safe external addresses', () => {
    expect(isAppPageUrl('app://juesuan/index.html?x=1#y')).toBe(true);
    expect(isAppPageUrl('app://juesuan/other.html')).toBe(false);
    expect(isAppPageUrl('file:///app/out/renderer/index.html')).toBe(false);
    expect(isSafeExternalUrl('https://www.gov.cn/')).toBe(true);
    expect(isSafeExternalUrl('https://127.0.0.1/')).toBe(false);
    expect(isSafeExternalUrl('not a url')).toBe(false);
  });

  it('answers IPC only from our page in the top frame', () => {
    expect(isTrustedSender({ url: PAGE_URL, parent: null }, isAppPageUrl)).toBe(true);
    expect(isTrustedSender({ url: PAGE_URL, parent: {} }, isAppPageUrl)).toBe(false);
    expect(isTrustedSender({ url: 'https://evil.example/', parent: null }, isAppPageUrl)).toBe(false);
    expect(isTrustedSender(null, isAppPageUrl)).toBe(false);
    expect(isTrustedSender(undefined, isAppPageUrl)).toBe(false);
  });
});

describe('the app:// protocol', () => {
  let root: string;
  beforeAll(async () => {
    const base = await mkdtemp(join(tmpdir(), 'juesuan-app-'));
    root = join(base, 'renderer');
    await mkdir(join(root, 'assets'), { recursive: true });
    await writeFile(join(root, 'index.html'), '<!doctype html><title>决算工作站</title>');
    await writeFile(join(root, 'assets', 'app.js'), 'console.log(1)');
    await writeFile(join(base, 'secret.txt'), 'outside');
  });
  afterAll(async () => {
    await rm(join(root, '..'), { recursive: true, force: true });
  });

  it('resolves paths inside the renderer folder only (the traversal guard)', () => {
    expect(resolveAppPath(root, 'app://juesuan/')).toBe(join(root, 'index.html'));
    expect(resolveAppPath(root, 'app://juesuan/index.html?token=1#x')).toBe(join(root, 'index.html'));
    expect(resolveAppPath(root, 'app://juesuan/assets/app.js')).toBe(join(root, 'assets', 'app.js'));
    expect(resolveAppPath(root, 'app://juesuan/assets/%E5%86%B3.js')).toBe(join(root, 'assets', '决.js'));
    for (const url of [
      'app://juesuan/../secret.txt',
      'app://juesuan/%2e%2e/secret.txt',
      'app://juesuan/assets/..%2f..%2fsecret.txt',
      'app://juesuan/assets/%2e%2e%2f%2e%2e%2fsecret.txt',
      'app://juesuan/..%5csecret.txt',
      'app://juesuan/index.html%00.js',
      'app://juesuan/%E0%A4%A',
      'app://evil/index.html',
      'file:///etc/passwd',
      'https://juesuan/index.html',
      'not a url',
    ]) {
      const resolved = resolveAppPath(root, url);
      expect(resolved === null || resolved.startsWith(`${root}/`), url).toBe(true);
      expect(resolved, url).not.toBe(join(root, '..', 'secret.txt'));
    }
    expect(resolveAppPath(root, 'app://juesuan/..%5csecret.txt')).toBeNull();
    expect(resolveAppPath(root, 'app://juesuan/assets/..%2f..%2fsecret.txt')).toBeNull();
  });

  it('serves files with their type and the CSP on HTML, 403 outside, 404 for a missing file', async () => {
    const page = await appResponse(root, 'app://juesuan/index.html');
    expect(page.status).toBe(200);
    expect(page.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(page.headers.get('content-security-policy')).toBe(APP_CSP);
    expect(await page.text()).toContain('决算工作站');
    const script = await appResponse(root, 'app://juesuan/assets/app.js');
    expect(script.headers.get('content-type')).toBe('text/javascript; charset=utf-8');
    expect(script.headers.get('content-security-policy')).toBeNull();
    expect((await appResponse(root, 'app://juesuan/assets/..%2f..%2fsecret.txt')).status).toBe(403);
    expect((await appResponse(root, 'app://juesuan/nothing.js')).status).toBe(404);
  });

  it('registers app:// as a standard secure scheme before ready and serves it through protocol.handle', async () => {
    const privileged: unknown[] = [];
    registerAppScheme({ registerSchemesAsPrivileged: (schemes: unknown[]) => privileged.push(...schemes) } as never);
    expect(privileged).toEqual([{ scheme: 'app', privileges: { standard: true, secure: true, supportFetchAPI: true } }]);
    const handlers = new Map<string, (request: { url: string }) => Promise<Response>>();
    serveApp({ handle: (scheme: string, fn: never) => handlers.set(scheme, fn) } as never, root);
    const reply = await handlers.get('app')!({ url: 'app://juesuan/index.html' });
    expect(reply.status).toBe(200);
  });
});

describe('saving a download', () => {
  let dir: string;
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'juesuan-dl-'));
  });
  afterAll(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  function download(chosen: string | undefined) {
    const events = new rec.Emitter();
    const item = {
      cancelled: false,
      savePath: null as string | null,
      getFilename: () => '公开表.xlsx',
      cancel() {
        this.cancelled = true;
      },
      setSavePath(path: string) {
        this.savePath = path;
      },
      once: (name: string, fn: Listener) => events.on(name, fn),
    };
    const errors: string[] = [];
    const asked: unknown[] = [];
    handleDownload(item as never, {
      dialog: {
        showSaveDialogSync: ((options: unknown) => (asked.push(options), chosen)) as never,
        showErrorBox: (_title: string, message: string) => errors.push(message),
      },
      defaultFolder: () => dir,
      window: () => null,
    });
    return { item, errors, asked, events };
  }

  it('asks where, and saves to a checked path', () => {
    const { item, errors, asked } = download(join(dir, '公开表.xlsx'));
    expect(asked).toEqual([{ title: '保存文件', defaultPath: join(dir, '公开表.xlsx'), buttonLabel: '保存' }]);
    expect(item.savePath).toBe(join(dir, '公开表.xlsx'));
    expect(item.cancelled).toBe(false);
    expect(errors).toEqual([]);
  });

  it('refuses the open database (and its companion files) as the save path, and says why', () => {
    const db = join(dir, 'juesuan.db');
    const forget = registerOpenDatabase(db);
    try {
      for (const path of [db, `${db}-wal`]) {
        const { item, errors } = download(path);
        expect(item.cancelled).toBe(true);
        expect(item.savePath).toBeNull();
        expect(errors[0]).toMatch(/^不能写入“.*juesuan\.db(-wal)?”：这是正在使用的数据库/);
      }
    } finally {
      forget();
    }
  });

  it('a cancelled dialog cancels the download; an interrupted one removes its unfinished file', async () => {
    expect(download(undefined).item.cancelled).toBe(true);
    const target = join(dir, 'b.xlsx');
    const { events, errors } = download(target);
    await writeFile(partialDownloadPath(target), 'half');
    events.emit('done', {}, 'interrupted');
    await vi.waitFor(async () => {
      await expect(import('node:fs/promises').then((fs) => fs.stat(partialDownloadPath(target)))).rejects.toThrow();
    });
    expect(errors[0]).toContain('没有保存完整');
  });
});

describe('the command line of the window', () => {
  it('takes --db FILE or --db=FILE, and nothing else', async () => {
    const { dbArgument } = await import('../../../electron/main/commandLine');
    expect(dbArgument(['/usr/bin/electron', '.', '--db', '/data/决算.sqlite'])).toBe('/data/决算.sqlite');
    expect(dbArgument(['electron', '.', '--no-sandbox', '--db=d.sqlite'])).toBe('d.sqlite');
    expect(dbArgument(['electron', '.', '--db'])).toBeUndefined();
    expect(dbArgument(['electron', '.', '--db', '--port'])).toBeUndefined();
    expect(dbArgument(['electron', '.', '--dbx', 'a'])).toBeUndefined();
  });
});
