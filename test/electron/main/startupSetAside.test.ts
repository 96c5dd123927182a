/**
 * The Electron entry point (with `electron` replaced by a recorder) opening a default database whose
 * record of applied migrations was altered: the app does not stop — the file is set aside by renaming
 * (kept byte for byte), a new empty database opens in its place, the window opens, and the 备份与恢复
 * screen (asked over IPC as the page asks) names both files and offers the newest good backup.
 */
import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { Database } from '../../../electron/services/store/database';
import type { ApiResults } from '../../../shared/api/contract';
import type { Envelope } from '../../../shared/api/envelope';
import { runMain } from '../cli/inProcess';
import { rec } from './entryRecorder';

vi.mock('electron', () => import('./entryRecorder').then((m) => m.fakeElectron()));
vi.mock('electron-store', () => import('./entryRecorder').then((m) => m.fakeElectronStore()));

let home: string;
let db: string;
let altered: Buffer;
let goodBackup: string;
const saved = { ...process.env };

beforeAll(async () => {
  home = await mkdtemp(join(tmpdir(), 'juesuan-startup-aside-'));
  delete process.env.JUESUAN_HOME;
  process.env.XDG_CONFIG_HOME = join(home, 'config');
  process.env.XDG_DATA_HOME = join(home, 'data');
  vi.spyOn(console, 'log').mockImplementation((text: string) => void rec.logs.push(text));
  db = join(home, 'config', '决算工作站', 'juesuan.db');
  for (const args of [
    ['unit', 'add', '--db', db, '--code', '001', '--name', '某某县政务服务管理局', '--kind', '行政单位'],
    ['set', '--db', db, '--unit', '001', '--year', '2020', 'T03', '2010301', 'c2', '6,330.95'],
    ['backup', 'create', '--db', db],
  ]) {
    const run = await runMain(...args);
    if (run.code !== 0) throw new Error(run.stderr);
  }
  // The newest backup (names sort by time): the one `backup create` just took.
  goodBackup = (await readdir(`${db}.backups`)).sort().at(-1)!;
  const raw = await Database.open(db);
  await raw.exec("UPDATE schema_migrations SET sha256 = 'f00d' || substr(sha256, 5) WHERE name = '0001_init'");
  await raw.close();
  altered = await readFile(db);
});
afterAll(async () => {
  process.env = saved;
  vi.restoreAllMocks();
  await rm(home, { recursive: true, force: true });
});

describe('the app with a database whose migration record was altered', () => {
  it('sets it aside, opens a new empty database and the window, and offers the newest good backup', async () => {
    await import('../../../electron/main/index');
    rec.ready!();
    await vi.waitFor(() => expect(rec.windows).toHaveLength(1), { timeout: 20_000, interval: 50 });
    expect(rec.calls.filter((c) => c.startsWith('exit') || c.startsWith('error'))).toEqual([]);
    const aside = (await readdir(join(home, 'config', '决算工作站'))).filter((n) => /^juesuan\.db\.damaged-\d{8}-\d{6}$/.test(n));
    expect(aside).toHaveLength(1);
    expect(await readFile(join(home, 'config', '决算工作站', aside[0]!))).toEqual(altered);

    const ask = rec.ipc.get('api:backupStatus') as (event: unknown, input: unknown) => Promise<Envelope<ApiResults['backupStatus']>>;
    const status = await ask({ senderFrame: { parent: null, url: 'app://juesuan/index.html' } }, {});
    if (!status.ok) throw new Error(status.error.message);
    expect(status.value.setAside).toMatchObject({ original: db, renamedTo: join(home, 'config', '决算工作站', aside[0]!) });
    expect(status.value.setAside?.problem).toContain('0001_init');
    expect(status.value.setAside?.newestGood?.name).toBe(goodBackup);
    const units = rec.ipc.get('api:listUnits') as (event: unknown, input: unknown) => Promise<Envelope<ApiResults['listUnits']>>;
    expect(await units({ senderFrame: { parent: null, url: 'app://juesuan/index.html' } }, {})).toEqual({ ok: true, value: [] });
    await (rec.appHandlers.get('will-quit')?.({ preventDefault: () => undefined }) as Promise<void> | undefined);
  });
});
