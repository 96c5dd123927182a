import { request } from 'node:http';
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Envelope } from '../../../shared/api/envelope';
import { createApi } from '../../../electron/services/api';
import { jsonFileSettings } from '../../../electron/services/settings/jsonFileSettings';
import { ReportStore } from '../../../electron/services/store/reportStore';
import { CSP, startWebHost, type WebHost } from '../../../electron/web/server';
import { miniPack } from '../services/fixtures/miniPack';
import { makeTempDir } from '../services/tempDir';

let temp: Awaited<ReturnType<typeof makeTempDir>>;
let store: ReportStore;
let host: WebHost;

interface Reply {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: string;
}

/** A raw request, so tests can send any Host header (fetch would not let them). */
function send(path: string, options: { method?: string; headers?: Record<string, string>; body?: string | Buffer } = {}): Promise<Reply> {
  return new Promise((resolve, reject) => {
    const req = request(
      {
        host: '127.0.0.1',
        port: host.port,
        path,
        method: options.method ?? 'GET',
        headers: { Host: `127.0.0.1:${host.port}`, ...options.headers },
      },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks).toString('utf8') }));
      },
    );
    req.on('error', reject);
    if (options.body !== undefined) req.write(options.body);
    req.end();
  });
}

function callApi(method: string, input: unknown, token = host.token): Promise<Reply> {
  return send(`/api/${method}`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', 'X-Juesuan-Token': token },
    body: JSON.stringify(input),
  });
}

function isEnvelope(value: unknown): value is Envelope<unknown> {
  return typeof value === 'object' && value !== null && 'ok' in value;
}

function envelope(reply: Reply): Envelope<unknown> {
  const parsed: unknown = JSON.parse(reply.body);
  if (!isEnvelope(parsed)) throw new Error(`not an envelope: ${reply.body}`);
  return parsed;
}

beforeAll(async () => {
  temp = await makeTempDir();
  const staticDir = join(temp.dir, 'renderer');
  await mkdir(join(staticDir, 'assets'), { recursive: true });
  await writeFile(join(staticDir, 'index.html'), '<!doctype html><title>决算工作站</title><script src="/assets/app.js"></script>');
  await writeFile(join(staticDir, 'assets', 'app.js'), 'console.log("app");');
  await writeFile(join(temp.dir, 'secret.txt'), 'outside');
  store = await ReportStore.open(join(temp.dir, 'web.db'));
  const api = createApi({ store, packs: [miniPack()], settings: jsonFileSettings(join(temp.dir, 'settings.json')) });
  host = await startWebHost({ api, staticDir, port: 0 });
});

afterAll(async () => {
  await host.close();
  await store.close();
  await temp.remove();
});

describe('startWebHost', () => {
  it('listens on 127.0.0.1 with a 64-hex-digit token in the url', () => {
    expect(host.token).toMatch(/^[0-9a-f]{64}$/);
    expect(host.url).toBe(`http://127.0.0.1:${host.port}/?token=${host.token}`);
    expect(host.port).toBeGreaterThan(0);
  });

  it('refuses the Api without the token or with a wrong one', async () => {
    const missing = await send('/api/listUnits', { method: 'POST', body: '{}' });
    expect(missing.status).toBe(403);
    expect(envelope(missing)).toMatchObject({ ok: false });
    const wrong = await callApi('listUnits', {}, 'f'.repeat(64));
    expect(wrong.status).toBe(403);
  });

  it('refuses a foreign Host header (DNS rebinding), even with the token', async () => {
    const reply = await send('/api/listUnits', {
      method: 'POST',
      headers: { Host: `evil.example:${host.port}`, 'X-Juesuan-Token': host.token },
      body: '{}',
    });
    expect(reply.status).toBe(403);
    const page = await send(`/?token=${host.token}`, { headers: { Host: 'evil.example' } });
    expect(page.status).toBe(403);
    expect(page.headers['set-cookie']).toBeUndefined();
    const localhost = await send('/api/listUnits', {
      method: 'POST',
      headers: { Host: `localhost:${host.port}`, 'X-Juesuan-Token': host.token },
      body: '{}',
    });
    expect(localhost.status).toBe(200);
  });

  it('round-trips Api calls as envelopes, with AppErrors as status 200', async () => {
    const added = await callApi('addUnit', { code: '001', name: '隆阳区政务服务管理局', kind: '行政单位' });
    expect(added.status).toBe(200);
    expect(added.headers['content-type']).toBe('application/json; charset=utf-8');
    expect(envelope(added)).toEqual({
      ok: true,
      value: { code: '001', name: '隆阳区政务服务管理局', kind: '行政单位', parent: null },
    });
    const again = await callApi('addUnit', { code: '001', name: 'X', kind: '行政单位' });
    expect(again.status).toBe(200);
    expect(envelope(again)).toEqual({ ok: false, error: { message: '单位编码 001 已存在' } });
    const badInput = envelope(await callApi('addUnit', { code: '', name: 'X', kind: '行政单位' }));
    expect(badInput.ok).toBe(false);
    if (!badInput.ok) expect(badInput.error.message).toContain('请求参数无效');
    const listed = envelope(await callApi('listUnits', {}));
    expect(listed).toEqual({ ok: true, value: [{ code: '001', name: '隆阳区政务服务管理局', kind: '行政单位', parent: null }] });
  });

  it('answers 404 for an unknown method, 405 for GET, 400 for bad JSON and 413 for a body over 20 MB', async () => {
    expect((await callApi('dropDatabase', {})).status).toBe(404);
    expect((await send('/api/listUnits', { headers: { 'X-Juesuan-Token': host.token } })).status).toBe(405);
    const bad = await send('/api/listUnits', {
      method: 'POST',
      headers: { 'X-Juesuan-Token': host.token },
      body: '{not json',
    });
    expect(bad.status).toBe(400);
    const huge = Buffer.alloc(20 * 1024 * 1024 + 10, 0x20);
    const tooBig = await send('/api/listUnits', {
      method: 'POST',
      headers: { 'X-Juesuan-Token': host.token, 'Content-Length': String(huge.length) },
      body: huge,
    });
    expect(tooBig.status).toBe(413);
    expect(envelope(tooBig)).toEqual({ ok: false, error: { message: '请求内容过大（超过 20 MB）' } });
  });

  it('serves index.html for the token, setting a strict cookie and CSP', async () => {
    const page = await send(`/?token=${host.token}`);
    expect(page.status).toBe(200);
    expect(page.body).toContain('决算工作站');
    expect(page.headers['content-type']).toBe('text/html; charset=utf-8');
    expect(page.headers['content-security-policy']).toBe(CSP);
    expect(page.headers['x-content-type-options']).toBe('nosniff');
    const cookie = String(page.headers['set-cookie']);
    expect(cookie).toContain(`juesuan_token=${host.token}`);
    expect(cookie).toContain('HttpOnly');
    expect(cookie).toContain('SameSite=Strict');
    expect(cookie).toContain('Path=/');
  });

  it('serves other files only with the cookie, with the right MIME type, and nothing outside staticDir', async () => {
    const cookie = `juesuan_token=${host.token}`;
    const withoutCookie = await send('/assets/app.js');
    expect(withoutCookie.status).toBe(403);
    expect(withoutCookie.body).toContain('访问被拒绝');
    const script = await send('/assets/app.js', { headers: { Cookie: cookie } });
    expect(script.status).toBe(200);
    expect(script.headers['content-type']).toBe('text/javascript; charset=utf-8');
    expect(script.body).toBe('console.log("app");');
    expect((await send('/', { headers: { Cookie: cookie } })).status).toBe(200);
    expect((await send('/', {})).status).toBe(403);
    expect((await send('/?token=wrong')).status).toBe(403);
    expect((await send('/assets/none.js', { headers: { Cookie: cookie } })).status).toBe(404);
    expect((await send('/%2e%2e/secret.txt', { headers: { Cookie: cookie } })).status).toBe(404);
    expect((await send('/assets/..%2f..%2fsecret.txt', { headers: { Cookie: cookie } })).status).toBe(404);
  });
});

describe('the boundary of the web host', () => {
  it('refuses a foreign Origin (or Origin: null, or a cross-site fetch) even with the token and the right Host', async () => {
    const withOrigin = (headers: Record<string, string>) =>
      send('/api/listUnits', { method: 'POST', headers: { 'X-Juesuan-Token': host.token, ...headers }, body: '{}' });
    for (const origin of ['http://evil.example', 'null', `http://127.0.0.1:${host.port + 1}`, `https://127.0.0.1:${host.port}`]) {
      const reply = await withOrigin({ Origin: origin });
      expect(reply.status).toBe(403);
      expect(envelope(reply)).toEqual({ ok: false, error: { message: '访问被拒绝：请求来自其他网站，只接受决算工作站自己的页面' } });
    }
    expect((await withOrigin({ 'Sec-Fetch-Site': 'cross-site' })).status).toBe(403);
    expect((await withOrigin({ Origin: `http://127.0.0.1:${host.port}`, 'Sec-Fetch-Site': 'same-origin' })).status).toBe(200);
    expect((await withOrigin({ Origin: `http://localhost:${host.port}` })).status).toBe(200);
  });

  it('refuses a body that is not valid UTF-8, writing nothing', async () => {
    const json = Buffer.from('{"code":"009","name":"局","kind":"行政单位"}', 'utf8');
    // an overlong encoding and a lone continuation byte inside the name
    for (const bad of [Buffer.from([0xc0, 0xaf]), Buffer.from([0x80])]) {
      const at = json.indexOf('局');
      const body = Buffer.concat([json.subarray(0, at), bad, json.subarray(at)]);
      const reply = await send('/api/addUnit', { method: 'POST', headers: { 'X-Juesuan-Token': host.token }, body });
      expect(reply.status).toBe(400);
      expect(envelope(reply)).toEqual({ ok: false, error: { message: '请求内容不是有效的 UTF-8 文本' } });
    }
    expect(envelope(await callApi('listUnits', {}))).toMatchObject({ ok: true, value: expect.not.arrayContaining([expect.objectContaining({ code: '009' })]) });
  });

  it('refuses __proto__, constructor and prototype keys anywhere in the input, naming where', async () => {
    const cases: [string, string, string][] = [
      ['setTexts', '{"unit":"001","year":2020,"texts":{"__proto__":{"x":"1"}}}', 'texts.__proto__'],
      ['setTexts', '{"unit":"001","year":2020,"texts":{"constructor":"我"}}', 'texts.constructor'],
      ['setCells', '{"unit":"001","year":2020,"edits":[{"table":"T1","row":"r1","col":"c1","value":1,"prototype":{}}]}', 'edits.0.prototype'],
      ['addUnit', '{"__proto__":{"kind":"行政单位"},"code":"010","name":"局"}', '__proto__'],
    ];
    for (const [method, body, path] of cases) {
      const reply = await send(`/api/${method}`, { method: 'POST', headers: { 'X-Juesuan-Token': host.token }, body });
      expect(reply.status).toBe(200);
      expect(envelope(reply)).toEqual({ ok: false, error: { message: `请求参数无效（${path}）：不允许使用名称“${path.split('.').pop()}”` } });
    }
    expect(envelope(await callApi('listUnits', {}))).toMatchObject({ ok: true, value: expect.not.arrayContaining([expect.objectContaining({ code: '010' })]) });
  });
});
