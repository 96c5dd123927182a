/**
 * The loopback web host: the same Api and the built renderer over HTTP on 127.0.0.1, for browser mode
 * and end-to-end tests. Anything that can reach 127.0.0.1 (another local user, a web page through DNS
 * rebinding) must not reach a clerk's data, hence: a per-launch random token, required in a header for
 * the Api and exchanged once for an HttpOnly SameSite=Strict cookie for the pages; a Host check; an
 * Origin check (a page of another origin is refused even if it somehow holds the token); bodies must
 * be valid UTF-8 JSON; a strict CSP on HTML.
 */
import { randomBytes, timingSafeEqual } from 'node:crypto';
import { readFile, stat } from 'node:fs/promises';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import { resolve, sep } from 'node:path';
import type { Api } from '../../shared/api/contract';
import type { Envelope } from '../../shared/api/envelope';
import { dispatch, isApiMethod } from '../services/dispatch';
import { contentTypeOf, PAGE_CSP } from '../services/files/pageContent';

export interface WebHostOptions {
  api: Api;
  /** The built renderer (out/renderer). */
  staticDir: string;
  /** 0 or omitted: a free port chosen by the system. */
  port?: number;
}

export interface WebHost {
  url: string;
  token: string;
  port: number;
  close(): Promise<void>;
}

export const TOKEN_HEADER = 'x-juesuan-token';
export const TOKEN_COOKIE = 'juesuan_token';
export const MAX_BODY_BYTES = 20 * 1024 * 1024;

/** The page's CSP (one constant for both hosts). */
export const CSP = PAGE_CSP;

function sameToken(given: string | undefined, token: string): boolean {
  if (!given) return false;
  const a = Buffer.from(given);
  const b = Buffer.from(token);
  return a.length === b.length && timingSafeEqual(a, b);
}

function cookieToken(req: IncomingMessage): string | undefined {
  for (const part of (req.headers.cookie ?? '').split(';')) {
    const [name, ...rest] = part.trim().split('=');
    if (name === TOKEN_COOKIE) return rest.join('=');
  }
  return undefined;
}

function baseHeaders(contentType: string): Record<string, string> {
  return {
    'Content-Type': contentType,
    'X-Content-Type-Options': 'nosniff',
    'Cache-Control': 'no-store',
    'Referrer-Policy': 'no-referrer',
  };
}

function sendJson(res: ServerResponse, status: number, body: Envelope<unknown>): void {
  res.writeHead(status, baseHeaders('application/json; charset=utf-8'));
  res.end(JSON.stringify(body));
}

function sendError(res: ServerResponse, status: number, message: string): void {
  sendJson(res, status, { ok: false, error: { message } });
}

function sendPage(res: ServerResponse, status: number, message: string): void {
  res.writeHead(status, { ...baseHeaders('text/html; charset=utf-8'), 'Content-Security-Policy': CSP });
  res.end(
    `<!doctype html><html lang="zh-CN"><head><meta charset="utf-8"><title>决算工作站</title></head>` +
      `<body><p>${message}</p></body></html>`,
  );
}

class BodyTooLarge extends Error {}

function readBody(req: IncomingMessage): Promise<Buffer> {
  return new Promise((resolveBody, reject) => {
    const declared = Number(req.headers['content-length'] ?? '0');
    if (declared > MAX_BODY_BYTES) {
      reject(new BodyTooLarge());
      return;
    }
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > MAX_BODY_BYTES) {
        reject(new BodyTooLarge());
        req.pause();
        return;
      }
      chunks.push(chunk);
    });
    req.on('end', () => resolveBody(Buffer.concat(chunks)));
    req.on('error', reject);
  });
}

/**
 * Browsers send Origin with every POST (and every cross-origin request); a tool such as curl or the
 * CLI tests sends none. Present, it must be this host's own origin: `null` (a sandboxed frame, a
 * file:// page) and any other site are refused. Sec-Fetch-Site, where sent, must not say cross-site.
 */
export function isOwnOrigin(req: IncomingMessage, port: number): boolean {
  const origin = req.headers.origin;
  if (origin !== undefined && origin !== `http://127.0.0.1:${port}` && origin !== `http://localhost:${port}`) return false;
  const site = req.headers['sec-fetch-site'];
  return site === undefined || site === 'same-origin' || site === 'none';
}

const utf8 = new TextDecoder('utf-8', { fatal: true, ignoreBOM: false });

async function handleApi(req: IncomingMessage, res: ServerResponse, api: Api, method: string, token: string, port: number): Promise<void> {
  if (!isOwnOrigin(req, port)) {
    sendError(res, 403, '访问被拒绝：请求来自其他网站，只接受决算工作站自己的页面');
    return;
  }
  const header = req.headers[TOKEN_HEADER];
  if (!sameToken(typeof header === 'string' ? header : undefined, token)) {
    sendError(res, 403, '访问被拒绝：缺少或错误的访问令牌，请使用启动时显示的地址打开');
    return;
  }
  if (req.method !== 'POST') {
    res.setHeader('Allow', 'POST');
    sendError(res, 405, '接口只接受 POST 请求');
    return;
  }
  if (!isApiMethod(method)) {
    sendError(res, 404, `没有这个接口：${method}`);
    return;
  }
  let body: Buffer;
  try {
    body = await readBody(req);
  } catch (err) {
    if (err instanceof BodyTooLarge) {
      res.setHeader('Connection', 'close');
      sendError(res, 413, '请求内容过大（超过 20 MB）');
      return;
    }
    throw err;
  }
  let input: unknown = {};
  if (body.length > 0) {
    let text: string;
    try {
      text = utf8.decode(body);
    } catch {
      sendError(res, 400, '请求内容不是有效的 UTF-8 文本');
      return;
    }
    try {
      input = JSON.parse(text);
    } catch {
      sendError(res, 400, '请求内容不是有效的 JSON');
      return;
    }
  }
  sendJson(res, 200, await dispatch(api, method, input));
}

async function serveFile(res: ServerResponse, file: string, method: string): Promise<boolean> {
  let info;
  try {
    info = await stat(file);
  } catch {
    return false;
  }
  if (!info.isFile()) return false;
  const type = contentTypeOf(file);
  const headers: Record<string, string> = { ...baseHeaders(type), 'Content-Length': String(info.size) };
  if (type.startsWith('text/html')) headers['Content-Security-Policy'] = CSP;
  res.writeHead(200, headers);
  if (method === 'HEAD') res.end();
  else res.end(await readFile(file));
  return true;
}

async function handleStatic(req: IncomingMessage, res: ServerResponse, url: URL, staticDir: string, token: string): Promise<void> {
  if (req.method !== 'GET' && req.method !== 'HEAD') {
    res.setHeader('Allow', 'GET, HEAD');
    sendPage(res, 405, '不支持的请求方式');
    return;
  }
  const fromQuery = url.searchParams.get('token') ?? undefined;
  const isRoot = url.pathname === '/' || url.pathname === '/index.html';
  if (isRoot && sameToken(fromQuery, token)) {
    res.setHeader('Set-Cookie', `${TOKEN_COOKIE}=${token}; HttpOnly; SameSite=Strict; Path=/`);
  } else if (!sameToken(cookieToken(req), token)) {
    sendPage(res, 403, '访问被拒绝：请使用决算工作站启动时显示的完整地址（含访问令牌）打开。');
    return;
  }
  let relative: string;
  try {
    relative = decodeURIComponent(isRoot ? '/index.html' : url.pathname);
  } catch {
    sendPage(res, 400, '地址无效');
    return;
  }
  const root = resolve(staticDir);
  const file = resolve(root, `.${relative}`);
  if (file !== root && !file.startsWith(root + sep)) {
    sendPage(res, 404, '找不到该页面');
    return;
  }
  if (!(await serveFile(res, file, req.method))) sendPage(res, 404, '找不到该页面');
}

export async function startWebHost(options: WebHostOptions): Promise<WebHost> {
  const token = randomBytes(32).toString('hex');
  let port = options.port ?? 0;
  const server = createServer((req, res) => {
    void (async () => {
      const host = req.headers.host ?? '';
      // DNS rebinding: a page from evil.example resolved to 127.0.0.1 still sends its own Host.
      if (host !== `127.0.0.1:${port}` && host !== `localhost:${port}`) {
        sendPage(res, 403, '访问被拒绝：只接受本机地址 127.0.0.1 的访问');
        return;
      }
      const url = new URL(req.url ?? '/', `http://${host}`);
      if (url.pathname.startsWith('/api/')) {
        await handleApi(req, res, options.api, url.pathname.slice('/api/'.length), token, port);
      } else {
        await handleStatic(req, res, url, options.staticDir, token);
      }
    })().catch(() => {
      if (!res.headersSent) sendError(res, 500, '内部错误：请求处理失败');
      else res.destroy();
    });
  });
  await new Promise<void>((resolveListen, reject) => {
    server.once('error', reject);
    server.listen(port, '127.0.0.1', () => {
      server.off('error', reject);
      resolveListen();
    });
  });
  const address = server.address();
  if (address === null || typeof address === 'string') throw new Error('web host has no TCP address');
  port = address.port;
  return {
    url: `http://127.0.0.1:${port}/?token=${token}`,
    token,
    port,
    close: () =>
      new Promise<void>((resolveClose, reject) => {
        server.close((err) => (err ? reject(err) : resolveClose()));
        server.closeAllConnections();
      }),
  };
}
