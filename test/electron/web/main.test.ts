import { spawn } from 'node:child_process';
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ReportStore } from '../../../electron/services/store/reportStore';
import { startWorkstationWeb } from '../../../electron/web/main';
import { makeTempDir } from '../services/tempDir';

const repo = fileURLToPath(new URL('../../../', import.meta.url));
let temp: Awaited<ReturnType<typeof makeTempDir>>;
let staticDir: string;

beforeAll(async () => {
  temp = await makeTempDir('juesuan-web-');
  staticDir = join(temp.dir, 'renderer');
  await mkdir(staticDir, { recursive: true });
  await writeFile(join(staticDir, 'index.html'), '<!doctype html><title>决算工作站</title>');
});
afterAll(async () => {
  await temp.remove();
});

async function post(base: string, token: string, method: string, input: unknown): Promise<unknown> {
  const response = await fetch(`${base}/api/${method}`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', 'X-Juesuan-Token': token },
    body: JSON.stringify(input),
  });
  return response.json();
}

describe('startWorkstationWeb', () => {
  it('serves the real pack and a real database, and closes the database on close', async () => {
    const dbPath = join(temp.dir, 'web.db');
    const web = await startWorkstationWeb({ dbPath, staticDir, settingsFile: join(temp.dir, 'settings.json'), port: 0 });
    const base = `http://127.0.0.1:${web.port}`;
    try {
      expect(await post(base, web.token, 'listPacks', {})).toEqual({
        ok: true,
        value: [
          { id: 'yn-2020', name: expect.any(String), year: 2020, years: { from: 2020, to: 2021 } },
          { id: 'yn-2025', name: expect.any(String), year: 2022, years: { from: 2022, to: 2025 } },
        ],
      });
      await post(base, web.token, 'addUnit', { code: '001', name: '测试局', kind: '行政单位' });
      await post(base, web.token, 'addRows', { unit: '001', year: 2020, table: 'T03', rows: ['2010301'] });
      expect(
        await post(base, web.token, 'setCells', {
          unit: '001',
          year: 2020,
          edits: [{ table: 'T03', row: '2010301', col: 'c2', value: 166083472 }],
        }),
      ).toEqual({ ok: true, value: { written: 1 } });
      const page = await fetch(web.url);
      expect(page.status).toBe(200);
      expect(await page.text()).toContain('决算工作站');
    } finally {
      await web.close();
    }
    // Closed cleanly: the file opens again and holds the edit.
    const store = await ReportStore.open(dbPath);
    try {
      const report = await store.findReport('001', 2020);
      expect(report && (await store.loadReportData(report.id)).inputs).toEqual({ 'T03:2010301:c2': 166083472 });
    } finally {
      await store.close();
    }
  });

  it('runs as `node --import tsx electron/web/main.ts`, prints the url (then the database) and stops on SIGTERM', async () => {
    const child = spawn(
      process.execPath,
      ['--import', 'tsx', join(repo, 'electron/web/main.ts'), '--db', join(temp.dir, 'cli.db'), '--port', '0', '--settings', join(temp.dir, 's.json')],
      { cwd: repo, stdio: ['ignore', 'pipe', 'pipe'] },
    );
    let stderr = '';
    child.stderr.on('data', (c: Buffer) => (stderr += c.toString()));
    const line = await new Promise<string>((resolve, reject) => {
      let out = '';
      child.stdout.on('data', (c: Buffer) => {
        out += c.toString();
        if (out.includes('\n')) resolve(out.split('\n')[0] ?? '');
      });
      child.on('exit', () => reject(new Error(`exited early: ${stderr}`)));
    });
    const match = /^决算工作站（浏览器模式）已启动：(http:\/\/127\.0\.0\.1:\d+\/\?token=[0-9a-f]{64})$/.exec(line);
    expect(match).not.toBeNull();
    const url = new URL(match?.[1] ?? '');
    const denied = await fetch(`${url.origin}/api/listUnits`, { method: 'POST', body: '{}' });
    expect(denied.status).toBe(403);
    const allowed = await fetch(`${url.origin}/api/listUnits`, {
      method: 'POST',
      headers: { 'X-Juesuan-Token': url.searchParams.get('token') ?? '' },
      body: '{}',
    });
    expect(await allowed.json()).toEqual({ ok: true, value: [] });
    const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
    child.kill('SIGTERM');
    expect(await exited).toBe(0);
  });

  it('refuses to start on a file that is not a database, with one Chinese line', async () => {
    const bad = join(temp.dir, 'not-a-db.db');
    await writeFile(bad, 'hello, this is text');
    const child = spawn(process.execPath, ['--import', 'tsx', join(repo, 'electron/web/main.ts'), '--db', bad, '--port', '0'], {
      cwd: repo,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stderr = '';
    child.stderr.on('data', (c: Buffer) => (stderr += c.toString()));
    const code = await new Promise<number | null>((resolve) => child.on('exit', (c) => resolve(c)));
    expect(code).toBe(1);
    expect(stderr.trim().split('\n')).toHaveLength(1);
    expect(stderr).toContain('不是 SQLite 数据库');
  });
});

describe('the default database of browser mode', () => {
  /** The first `count` lines the host prints on stdout. */
  async function firstLines(env: NodeJS.ProcessEnv, count: number): Promise<string[]> {
    const child = spawn(process.execPath, ['--import', 'tsx', join(repo, 'electron/web/main.ts'), '--port', '0'], {
      cwd: repo,
      env,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let out = '';
    let stderr = '';
    child.stderr.on('data', (c: Buffer) => (stderr += c.toString()));
    const lines = await new Promise<string[]>((resolve, reject) => {
      child.stdout.on('data', (c: Buffer) => {
        out += c.toString();
        const lines = out.split('\n');
        if (lines.length > count) resolve(lines.slice(0, count));
      });
      child.on('exit', () => reject(new Error(`exited early: ${stderr}`)));
    });
    const exited = new Promise((resolve) => child.on('exit', resolve));
    child.kill('SIGTERM');
    await exited;
    return lines;
  }

  it('is the same file as Electron\'s and the CLI\'s, printed at start; an older browser-mode database is used where it is', async () => {
    const env: NodeJS.ProcessEnv = { ...process.env, XDG_CONFIG_HOME: join(temp.dir, 'cfg'), XDG_DATA_HOME: join(temp.dir, 'data') };
    delete env.JUESUAN_HOME;
    const legacy = join(temp.dir, 'data', 'juesuan', 'juesuan.db');
    await mkdir(join(temp.dir, 'data', 'juesuan'), { recursive: true });
    const store = await ReportStore.open(legacy);
    await store.close();
    const withLegacy = await firstLines(env, 3);
    expect(withLegacy[0]).toMatch(/^决算工作站（浏览器模式）已启动：http/);
    expect(withLegacy.slice(1, 3)).toEqual([
      `数据库：${legacy}`,
      `使用原来位置的数据库“${legacy}”（新的默认位置是“${join(temp.dir, 'cfg', '决算工作站')}”；程序不会移动或删除原来的文件）`,
    ]);
    const fresh = await firstLines({ ...env, XDG_DATA_HOME: join(temp.dir, 'nothing-here') }, 2);
    expect(fresh[1]).toBe(`数据库：${join(temp.dir, 'cfg', '决算工作站', 'juesuan.db')}`);
  });
});
