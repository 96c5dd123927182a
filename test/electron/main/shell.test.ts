/**
 * The Electron shell's two pieces of logic, with `electron` replaced by a recorder (its binary cannot
 * run here): the preload exposes exactly one function per Api method and nothing else, and the IPC
 * handlers refuse other pages and validate input exactly as the web host does.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { API_METHODS } from '../../../shared/api/methods';
import { createServices, type Services } from '../../../electron/services/createServices';

const recorded = vi.hoisted(() => ({
  exposed: new Map<string, unknown>(),
  invoked: [] as { channel: string; input: unknown }[],
  handlers: new Map<string, (event: { senderFrame: { url: string; parent: unknown } | null }, raw: unknown) => unknown>(),
}));

vi.mock('electron', () => ({
  contextBridge: { exposeInMainWorld: (key: string, value: unknown) => recorded.exposed.set(key, value) },
  ipcRenderer: {
    invoke: (channel: string, input: unknown) => {
      recorded.invoked.push({ channel, input });
      return Promise.resolve({ ok: true, value: null });
    },
  },
  ipcMain: { handle: (channel: string, handler: never) => recorded.handlers.set(channel, handler) },
}));

describe('preload', () => {
  it('exposes window.juesuan with one function per Api method, each forwarding to its IPC channel', async () => {
    await import('../../../electron/preload/index');
    expect([...recorded.exposed.keys()]).toEqual(['juesuan']);
    const bridge = recorded.exposed.get('juesuan') as Record<string, (input: unknown) => Promise<unknown>>;
    expect(Object.keys(bridge).sort()).toEqual([...API_METHODS].sort());
    // no raw ipcRenderer, no send/on/invoke of arbitrary channels: only plain functions of one input
    expect(Object.values(bridge).every((fn) => typeof fn === 'function' && fn.length === 1)).toBe(true);
    expect(Object.keys(bridge).some((key) => /ipc|invoke|send|on$/i.test(key))).toBe(false);
    await bridge.listUnits!({});
    await bridge.setCells!({ unit: '001', year: 2020, edits: [] });
    expect(recorded.invoked).toEqual([
      { channel: 'api:listUnits', input: {} },
      { channel: 'api:setCells', input: { unit: '001', year: 2020, edits: [] } },
    ]);
  });
});

describe('IPC handlers', () => {
  const page = 'app://juesuan/index.html';
  let dir: string;
  let services: Services;

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'juesuan-ipc-'));
    services = await createServices({ dbPath: join(dir, 'ipc.db'), settingsFile: join(dir, 'settings.json') });
    const { registerApiHandlers } = await import('../../../electron/main/ipc');
    registerApiHandlers(services.api, (url) => url === page);
  });
  afterAll(async () => {
    await services.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('registers one handler per Api method', () => {
    expect([...recorded.handlers.keys()].sort()).toEqual(API_METHODS.map((m) => `api:${m}`).sort());
  });

  it('answers our page, refuses any other sender, and validates input in Chinese', async () => {
    const listPacks = recorded.handlers.get('api:listPacks')!;
    expect(await listPacks({ senderFrame: { url: page, parent: null } }, {})).toMatchObject({ ok: true, value: [{ id: 'yn-2020', year: 2020 }, { id: 'yn-2025', year: 2022 }] });
    expect(await listPacks({ senderFrame: { url: 'https://example.com/', parent: null } }, {})).toEqual({ ok: false, error: { message: '拒绝来自未知页面的请求' } });
    // our page loaded inside a subframe (of whatever) is not the window's page
    expect(await listPacks({ senderFrame: { url: page, parent: {} } }, {})).toEqual({ ok: false, error: { message: '拒绝来自未知页面的请求' } });
    expect(await listPacks({ senderFrame: null }, {})).toEqual({ ok: false, error: { message: '拒绝来自未知页面的请求' } });
    const addUnit = recorded.handlers.get('api:addUnit')!;
    const bad = await addUnit({ senderFrame: { url: page, parent: null } }, { code: '001', name: '局', kind: '公司' });
    expect(bad).toMatchObject({ ok: false, error: { message: expect.stringContaining('单位类型应为') } });
  });
});
