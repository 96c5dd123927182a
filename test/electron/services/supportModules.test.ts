import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApi } from '../../../electron/services/api';
import { dispatch, isApiMethod } from '../../../electron/services/dispatch';
import { stringifyOrdered } from '../../../electron/services/orderedJson';
import { defaultDataDir, defaultDbPath, defaultSettingsPath } from '../../../electron/services/paths';
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
  it('prefers JUESUAN_HOME, then the platform data folder', () => {
    expect(defaultDataDir({ JUESUAN_HOME: '/data/js' }, 'linux')).toBe('/data/js');
    expect(defaultDataDir({ XDG_DATA_HOME: '/xdg' }, 'linux')).toBe('/xdg/juesuan');
    expect(defaultDataDir({}, 'linux')).toMatch(/\/\.local\/share\/juesuan$/);
    expect(defaultDataDir({ APPDATA: 'C:\\Users\\clerk\\AppData\\Roaming' }, 'win32')).toBe('C:\\Users\\clerk\\AppData\\Roaming\\juesuan');
    expect(defaultDbPath({ JUESUAN_HOME: '/data/js' }, 'linux')).toBe('/data/js/juesuan.db');
    expect(defaultSettingsPath({ JUESUAN_HOME: '/data/js' }, 'linux')).toBe('/data/js/settings.json');
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
