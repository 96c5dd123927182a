import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApi } from '../../../electron/services/api';
import { dispatch, isApiMethod } from '../../../electron/services/dispatch';
import { stringifyOrdered } from '../../../electron/services/orderedJson';
import { defaultDataDir, defaultDbPath, defaultSettingsPath, resolveDataLocation } from '../../../electron/services/paths';
import { jsonFileSettings } from '../../../electron/services/settings/jsonFileSettings';
import { ReportStore } from '../../../electron/services/store/reportStore';
import { miniPack } from './fixtures/miniPack';
import { makeTempDir } from './tempDir';

let temp: Awaited<ReturnType<typeof makeTempDir>>;
beforeAll(async () => {
  temp = await makeTempDir();
});
afterAll(async () => {
  await temp.remove();
});

describe('paths', () => {
  it('one folder for Electron, browser mode and the CLI: JUESUAN_HOME, else Electron\'s userData folder of 决算工作站', () => {
    expect(defaultDataDir({ JUESUAN_HOME: '/data/js' }, 'linux')).toBe('/data/js');
    expect(defaultDataDir({ XDG_CONFIG_HOME: '/cfg' }, 'linux')).toBe('/cfg/决算工作站');
    expect(defaultDataDir({}, 'linux')).toMatch(/\/\.config\/决算工作站$/);
    expect(defaultDataDir({}, 'darwin')).toMatch(/\/Library\/Application Support\/决算工作站$/);
    expect(defaultDataDir({ APPDATA: 'C:\\Users\\clerk\\AppData\\Roaming' }, 'win32')).toBe('C:\\Users\\clerk\\AppData\\Roaming\\决算工作站');
    expect(defaultDbPath({ JUESUAN_HOME: '/data/js' }, 'linux')).toBe('/data/js/juesuan.db');
    expect(defaultSettingsPath({ JUESUAN_HOME: '/data/js' }, 'linux')).toBe('/data/js/settings.json');
  });

  it('keeps using a database at the old browser/CLI location when the new one has none, and never hides either', () => {
    const env = { APPDATA: 'C:\\R' };
    const oldDb = 'C:\\R\\juesuan\\juesuan.db';
    const newDb = 'C:\\R\\决算工作站\\juesuan.db';
    expect(resolveDataLocation(env, 'win32', () => false)).toEqual({ dir: 'C:\\R\\决算工作站', dbPath: newDb, settingsPath: 'C:\\R\\决算工作站\\settings.json', notice: null });
    const old = resolveDataLocation(env, 'win32', (p) => p === oldDb);
    expect(old.dbPath).toBe(oldDb);
    expect(old.settingsPath).toBe('C:\\R\\juesuan\\settings.json');
    expect(old.notice).toBe(`使用原来位置的数据库“${oldDb}”（新的默认位置是“C:\\R\\决算工作站”；程序不会移动或删除原来的文件）`);
    const both = resolveDataLocation(env, 'win32', () => true);
    expect(both.dbPath).toBe(newDb);
    expect(both.notice).toBe(`原来位置另有一个数据库“${oldDb}”，本次没有使用（需要时用 --db 指定）`);
    expect(resolveDataLocation({ XDG_DATA_HOME: '/d', XDG_CONFIG_HOME: '/c' }, 'linux', (p) => p === '/d/juesuan/juesuan.db').dbPath).toBe('/d/juesuan/juesuan.db');
    expect(resolveDataLocation({ JUESUAN_HOME: '/h' }, 'linux', () => true)).toEqual({ dir: '/h', dbPath: '/h/juesuan.db', settingsPath: '/h/settings.json', notice: null });
  });
});

describe('jsonFileSettings', () => {
  it('reads defaults from a missing or broken file and keeps every update', async () => {
    const file = join(temp.dir, 'sub', 'settings.json');
    const settings = jsonFileSettings(file);
    expect(await settings.get()).toEqual({ displayUnit: '元', lastUnit: null, lastYear: null });
    await Promise.all([settings.update({ displayUnit: '万元' }), settings.update({ lastUnit: '001' }), settings.update({ lastYear: 2020 })]);
    expect(await jsonFileSettings(file).get()).toEqual({ displayUnit: '万元', lastUnit: '001', lastYear: 2020 });
    await writeFile(file, '{"displayUnit":"美元","lastUnit":"002"}');
    expect(await settings.get()).toEqual({ displayUnit: '元', lastUnit: '002', lastYear: null });
    await writeFile(file, 'not json');
    expect(await settings.get()).toEqual({ displayUnit: '元', lastUnit: null, lastYear: null });
    // the Electron shell's older electron-store file kept them under `settings`
    await writeFile(file, '{"settings":{"displayUnit":"万元","lastUnit":"003","lastYear":2020},"window":{"width":1000}}');
    expect(await settings.get()).toEqual({ displayUnit: '万元', lastUnit: '003', lastYear: 2020 });
    await settings.update({ lastYear: null });
    expect(JSON.parse(await readFile(file, 'utf8'))).toEqual({ displayUnit: '万元', lastUnit: '003', lastYear: null });
    await writeFile(file, 'not json');
    await settings.update({ lastYear: null });
    expect(JSON.parse(await readFile(file, 'utf8'))).toEqual({ displayUnit: '元', lastUnit: null, lastYear: null });
  });
});

describe('stringifyOrdered', () => {
  it('sorts plain object keys as text (科目编码 included) and keeps Map order', () => {
    expect(stringifyOrdered({ b: 1, '30101': 2, '2010301': 3, TOTAL: 4 })).toBe('{"2010301":3,"30101":2,"TOTAL":4,"b":1}');
    expect(stringifyOrdered(new Map([['TOTAL', 1], ['201', 2]]))).toBe('{"TOTAL":1,"201":2}');
    expect(stringifyOrdered({ a: [1, 'x', null, {}], e: [] }, 2)).toBe('{\n  "a": [\n    1,\n    "x",\n    null,\n    {}\n  ],\n  "e": []\n}');
  });
});

describe('dispatch', () => {
  it('knows the Api methods only', () => {
    expect(isApiMethod('listUnits')).toBe(true);
    expect(isApiMethod('toString')).toBe(false);
  });

  it('validates input against the schema before calling, and wraps results and failures', async () => {
    const store = await ReportStore.open(join(temp.dir, 'dispatch.db'));
    try {
      const api = createApi({ store, packs: [miniPack()], settings: jsonFileSettings(join(temp.dir, 'd.json')) });
      expect(await dispatch(api, 'addUnit', { code: ' 001 ', name: '局', kind: '行政单位' })).toEqual({
        ok: true,
        value: { code: '001', name: '局', kind: '行政单位', parent: null },
      });
      const bad = await dispatch(api, 'openReport', { unit: '001', year: 'soon' });
      expect(bad.ok).toBe(false);
      if (!bad.ok) expect(bad.error.message).toContain('请求参数无效（year）');
      expect(await dispatch(api, 'openReport', { unit: '001', year: 2021 })).toEqual({
        ok: false,
        error: { message: '没有 2021 年度的报表格式（已安装的年度：2020；上一年度的数据按下一年度的格式填写或导入）' },
      });
    } finally {
      await store.close();
    }
  });
});
