/**
 * The page is served from app://juesuan/ rather than file://: a file:// page could read any file its
 * URL can name, whereas this handler answers only files inside out/renderer. `resolveAppPath` is the
 * traversal guard, a pure function so it can be tested without Electron.
 */
import { readFile } from 'node:fs/promises';
import { resolve, sep } from 'node:path';
import type { Protocol } from 'electron';
import { contentTypeOf, PAGE_CSP } from '../services/files/pageContent';

export const APP_SCHEME = 'app';
export const APP_HOST = 'juesuan';
export const APP_ORIGIN = `${APP_SCHEME}://${APP_HOST}`;
/** The one page the window loads; IPC answers only frames showing it. */
export const PAGE_URL = `${APP_ORIGIN}/index.html`;

/** The page's CSP (one constant for both hosts). */
export const APP_CSP = PAGE_CSP;

/**
 * The file under `root` that `url` names, or null: another scheme or host, an undecodable path, a
 * NUL byte or backslash (a Windows separator smuggled in), or anything that resolves outside `root`.
 */
export function resolveAppPath(root: string, url: string): string | null {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return null;
  }
  if (parsed.protocol !== `${APP_SCHEME}:` || parsed.host !== APP_HOST) return null;
  let path: string;
  try {
    path = decodeURIComponent(parsed.pathname);
  } catch {
    return null;
  }
  if (path.includes('\0') || path.includes('\\')) return null;
  if (path === '' || path === '/') path = '/index.html';
  const base = resolve(root);
  const file = resolve(base, `.${path}`);
  if (!file.startsWith(base + sep)) return null;
  return file;
}

/** Before the app is ready: app:// is a standard, secure origin (fetch, relative URLs, CSP 'self'). */
export function registerAppScheme(protocol: Pick<Protocol, 'registerSchemesAsPrivileged'>): void {
  protocol.registerSchemesAsPrivileged([
    { scheme: APP_SCHEME, privileges: { standard: true, secure: true, supportFetchAPI: true } },
  ]);
}

export async function appResponse(root: string, url: string): Promise<Response> {
  const file = resolveAppPath(root, url);
  if (file === null) return new Response('访问被拒绝', { status: 403, headers: { 'Content-Type': 'text/plain; charset=utf-8' } });
  let body: Buffer;
  try {
    body = await readFile(file);
  } catch {
    return new Response('找不到该文件', { status: 404, headers: { 'Content-Type': 'text/plain; charset=utf-8' } });
  }
  const type = contentTypeOf(file);
  const headers: Record<string, string> = { 'Content-Type': type, 'X-Content-Type-Options': 'nosniff' };
  if (type.startsWith('text/html')) headers['Content-Security-Policy'] = APP_CSP;
  return new Response(new Uint8Array(body), { status: 200, headers });
}

/** After the app is ready: serve out/renderer on app://juesuan/. */
export function serveApp(protocol: Pick<Protocol, 'handle'>, root: string): void {
  protocol.handle(APP_SCHEME, (request) => appResponse(root, request.url));
}
