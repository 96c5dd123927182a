/**
 * The Electron entry point with `electron` replaced by a recorder: before the app is ready it turns
 * the sandbox on for every renderer and registers app:// as privileged; when ready it hardens the
 * session, serves app://, guards downloads, opens the ONE default database (the same file the CLI and
 * the browser mode use without --db) and says which, registers one IPC handler per Api method, and
 * opens the window on app://juesuan/.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { API_METHODS } from '../../../shared/api/methods';
import { runMain } from '../cli/inProcess';
import { rec } from './entryRecorder';

vi.mock('electron', () => import('./entryRecorder').then((m) => m.fakeElectron()));
vi.mock('electron-store', () => import('./entryRecorder').then((m) => m.fakeElectronStore()));

let home: string;
const saved = { ...process.env };
beforeAll(async () => {
  home = await mkdtemp(join(tmpdir(), 'juesuan-startup-'));
  delete process.env.JUESUAN_HOME;
  process.env.XDG_CONFIG_HOME = join(home, 'config');
  process.env.XDG_DATA_HOME = join(home, 'data');
  vi.spyOn(console, 'log').mockImplementation((text: string) => void rec.logs.push(text));
});
afterAll(async () => {
  process.env = saved;
  vi.restoreAllMocks();
  await rm(home, { recursive: true, force: true });
});

describe('the Electron entry point', () => {
  it('turns on the sandbox and registers app:// before the app is ready', async () => {
    await import('../../../electron/main/index');
    expect(rec.calls.slice(0, 4)).toEqual(['enableSandbox', 'registerSchemesAsPrivileged', 'singleInstanceLock', 'whenReady']);
    expect(rec.protocols.get('privileged')).toEqual([{ scheme: 'app', privileges: { standard: true, secure: true, supportFetchAPI: true } }]);
    expect(rec.appHandlers.has('web-contents-created')).toBe(true);
  });

  it('when ready: hardened session, app:// served, downloads guarded, the default database opened and printed, IPC, the window', async () => {
    rec.ready!();
    await vi.waitFor(() => expect(rec.windows).toHaveLength(1), { timeout: 20_000, interval: 50 });
    expect([...rec.sessionHandlers.keys()].sort()).toEqual(['check', 'device', 'request', 'will-download']);
    expect(rec.protocols.has('app')).toBe(true);
    expect([...rec.ipc.keys()].sort()).toEqual(API_METHODS.map((m) => `api:${m}`).sort());
    const expected = join(home, 'config', '决算工作站', 'juesuan.db');
    expect(rec.logs).toContain(`数据库：${expected}`);
    expect(rec.windows[0]!.url).toBe('app://juesuan/index.html');
    // The CLI without --db uses the very same file, and says so.
    const run = await runMain('unit', 'list');
    expect(run.code).toBe(0);
    expect(run.stderr).toBe(`使用默认数据库：${expected}\n`);
    await (rec.appHandlers.get('will-quit')?.({ preventDefault: () => undefined }) as Promise<void> | undefined);
  });
});
