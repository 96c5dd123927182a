/**
 * `npm start` on a machine that cannot fetch Electron's binary (ours, and CI): one line says so, and
 * the same workstation is served in the browser on 127.0.0.1 behind a per-launch token.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

describe('npm start without the Electron binary', () => {
  let dir: string;
  let child: ChildProcess;
  let output = '';
  let url: URL;

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'juesuan-start-'));
    child = spawn(process.execPath, ['scripts/start.mjs', '--db', join(dir, 'start.sqlite'), '--port', '0'], {
      env: { ...process.env, JUESUAN_SKIP_BUILD: '1', JUESUAN_HOME: dir },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    child.stdout!.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.stderr!.on('data', (chunk: Buffer) => (output += chunk.toString()));
    const found = await new Promise<string>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`no URL printed:\n${output}`)), 60_000);
      const poll = setInterval(() => {
        const match = /http:\/\/127\.0\.0\.1:\d+\/\?token=[0-9a-f]+/.exec(output);
        if (match) {
          clearInterval(poll);
          clearTimeout(timer);
          resolve(match[0]);
        }
      }, 100);
    });
    url = new URL(found);
  });

  afterAll(async () => {
    if (child.exitCode === null) {
      const exited = new Promise((resolve) => child.once('exit', resolve));
      child.kill('SIGTERM');
      await exited;
    }
    rmSync(dir, { recursive: true, force: true });
  });

  it('says in one line that it falls back to the browser, then prints the address', () => {
    const lines = output.split('\n').filter((line) => line.includes('浏览器模式'));
    expect(lines[0]).toMatch(/无法获取 Electron 运行时.*浏览器模式/);
    expect(url.hostname).toBe('127.0.0.1');
  });

  it('serves the Api only with the token', async () => {
    const api = new URL('/api/listPacks', url.origin);
    const refused = await fetch(api, { method: 'POST', body: '{}' });
    expect(refused.status).toBe(403);
    const token = url.searchParams.get('token')!;
    const answer = await fetch(api, { method: 'POST', body: '{}', headers: { 'X-Juesuan-Token': token, 'Content-Type': 'application/json' } });
    const envelope = (await answer.json()) as { ok: boolean; value: { year: number }[] };
    expect(envelope.ok).toBe(true);
    expect(envelope.value.map((p) => p.year)).toContain(2020);
  });
});
