/** api.findReport: a stored report or null, never an empty report created by looking. */
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApi } from '../../../electron/services/api';
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

describe('findReport', () => {
  it('returns null without creating a report, then the stored report once one exists', async () => {
    const store = await ReportStore.open(join(temp.dir, 'find.db'));
    try {
      const pack = miniPack();
      const api = createApi({ store, packs: [pack], settings: jsonFileSettings(join(temp.dir, 'settings.json')) });
      await api.addUnit({ code: '001', name: '测试局', kind: '行政单位' });
      const ref = { unit: '001', year: pack.year };
      expect(await api.findReport(ref)).toBeNull();
      expect(await store.findReport('001', pack.year)).toBeFalsy();
      await api.openReport(ref);
      await api.setTexts({ ...ref, texts: { 'explain.T01-5': '说明文字六个字' } });
      const found = await api.findReport(ref);
      expect(found).toMatchObject({ year: pack.year, packId: pack.id, texts: { 'explain.T01-5': '说明文字六个字' } });
      expect(await api.findReport({ unit: '001', year: pack.year - 1 })).toBeNull();
      await expect(api.findReport({ unit: '404', year: pack.year })).rejects.toThrow('单位 404 不存在');
    } finally {
      await store.close();
    }
  });

  it('treats a stored report whose pack is not installed as absent', async () => {
    const file = join(temp.dir, 'other.db');
    const pack = miniPack();
    const first = await ReportStore.open(file);
    try {
      const api = createApi({ store: first, packs: [pack], settings: jsonFileSettings(join(temp.dir, 's2.json')) });
      await api.addUnit({ code: '001', name: '测试局', kind: '行政单位' });
      await api.openReport({ unit: '001', year: pack.year });
    } finally {
      await first.close();
    }
    const again = await ReportStore.open(file);
    try {
      const api = createApi({ store: again, packs: [{ ...pack, id: 'other' }], settings: jsonFileSettings(join(temp.dir, 's3.json')) });
      expect(await api.findReport({ unit: '001', year: pack.year })).toBeNull();
    } finally {
      await again.close();
    }
  });
});
