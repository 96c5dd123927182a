import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { AppError } from '../../../shared/api/errors';
import { createApi } from '../../../electron/services/api';
import { exportReport, importReport } from '../../../electron/services/reportFile';
import { ReportSessions } from '../../../electron/services/reportSessions';
import { jsonFileSettings } from '../../../electron/services/settings/jsonFileSettings';
import { ReportStore } from '../../../electron/services/store/reportStore';
import { miniPack } from './fixtures/miniPack';
import { makeTempDir } from './tempDir';

let temp: Awaited<ReturnType<typeof makeTempDir>>;
let store: ReportStore;
let sessions: ReportSessions;
const ref = { unit: '001', year: 2020 };

beforeEach(async () => {
  temp = await makeTempDir();
  store = await ReportStore.open(join(temp.dir, 'file.db'));
  sessions = new ReportSessions(store, [miniPack(), miniPack('mini-2021', 2021)]);
});
afterEach(async () => {
  await store.close();
  await temp.remove();
});

async function filled(): Promise<string> {
  const api = createApi({ store, packs: [...sessions.packs], settings: jsonFileSettings(join(temp.dir, 's.json')), sessions });
  await api.addUnit({ code: '001', name: '隆阳区政务服务管理局', kind: '行政单位' });
  await api.addRows({ ...ref, table: 'T03', rows: ['2080505', '2010301'] });
  await api.setCells({
    ...ref,
    edits: [
      { table: 'T03', row: '2080505', col: 'c3', value: 12 },
      { table: 'T03', row: '2010301', col: 'c2', value: 166083472 },
      { table: 'T09', row: 'N1', col: 'c1', value: 4 },
      { table: 'T01', row: 'IBEG', col: 'c1', value: -100 },
    ],
  });
  await store.replaceReport({
    unit: { code: '001', name: '隆阳区政务服务管理局', kind: '行政单位', parent: null },
    year: 2020,
    packId: 'mini-2020',
    data: { ...(await api.openReport(ref)), texts: { 'narrative.duty': '负责政务服务', a: '第一' } },
  });
  sessions.drop(ref);
  return exportReport(sessions, ref);
}

async function refusal(promise: Promise<unknown>): Promise<AppError> {
  const err = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  if (!(err instanceof AppError)) throw new Error(`expected an AppError, got ${String(err)}`);
  return err;
}

describe('report file', () => {
  it('writes inputs only, amounts in 元 and counts as integers, every key sorted', async () => {
    const text = await filled();
    expect(text).toBe(`{
  "format": "juesuan-report",
  "version": 1,
  "pack": "mini-2020",
  "year": 2020,
  "unit": {
    "code": "001",
    "name": "隆阳区政务服务管理局",
    "kind": "行政单位",
    "parent": null
  },
  "rows": {
    "T03": [
      "2010301",
      "2080505"
    ]
  },
  "tables": {
    "T01": {
      "IBEG": {
        "c1": "-1.00"
      }
    },
    "T03": {
      "2010301": {
        "c2": "1660834.72"
      },
      "2080505": {
        "c3": "0.12"
      }
    },
    "T09": {
      "N1": {
        "c1": "4"
      }
    }
  },
  "texts": {
    "a": "第一",
    "narrative.duty": "负责政务服务"
  }
}
`);
  });

  it('imports into a fresh database with the same content, and a second import changes nothing', async () => {
    const text = await filled();
    const otherStore = await ReportStore.open(join(temp.dir, 'other.db'));
    try {
      const other = new ReportSessions(otherStore, sessions.packs);
      const parsed = await importReport(other, text, '/some/where/报表.json');
      expect(parsed.unit).toEqual({ code: '001', name: '隆阳区政务服务管理局', kind: '行政单位', parent: null });
      expect(await exportReport(other, ref)).toBe(text);
      const stored = await otherStore.findReport('001', 2020);
      const before = stored && (await otherStore.loadReportData(stored.id));
      await importReport(other, text, '报表.json');
      expect(await exportReport(other, ref)).toBe(text);
      expect(stored && (await otherStore.loadReportData(stored.id))).toEqual(before);
      expect(await otherStore.findReport('001', 2020)).toEqual(stored);
    } finally {
      await otherStore.close();
    }
  });

  it('replaces what the report held before and refreshes an open report', async () => {
    const text = await filled();
    const api = createApi({ store, packs: [...sessions.packs], settings: jsonFileSettings(join(temp.dir, 's.json')), sessions });
    await api.addRows({ ...ref, table: 'T03', rows: ['2010350'] });
    await api.setCells({ ...ref, edits: [{ table: 'T03', row: '2010350', col: 'c2', value: 5 }] });
    await importReport(sessions, text, 'r.json');
    const snapshot = await api.openReport(ref);
    expect(snapshot.rows).toEqual({ T03: ['2010301', '2080505'] });
    expect(snapshot.inputs['T03:2010350:c2']).toBeUndefined();
    // The cached engine was dropped: an edit to the removed row is refused.
    await expect(api.setCells({ ...ref, edits: [{ table: 'T03', row: '2010350', col: 'c2', value: 1 }] })).rejects.toThrow(
      '请先添加该科目',
    );
  });

  it('refuses a unit whose parent is missing, and a file whose pack is of another year', async () => {
    const text = await filled();
    const withParent = text.replace('"parent": null', '"parent": "999"');
    expect((await refusal(importReport(sessions, withParent, 'p.json'))).message).toBe(
      '报表文件 p.json：上级单位 999 不存在，请先添加该单位',
    );
    const otherYear = text.replace('"pack": "mini-2020"', '"pack": "mini-2021"');
    expect((await refusal(importReport(sessions, otherYear, 'y.json'))).message).toBe(
      '报表文件 y.json：年度 2020 与报表格式 mini-2021（2021 年度）不符',
    );
  });

  it('refuses text that is not JSON or lacks fields, naming the file', async () => {
    expect((await refusal(importReport(sessions, '{"format":', 'x.json'))).message).toMatch(/^报表文件 x\.json：不是有效的 JSON/);
    const missingYear = JSON.stringify({ format: 'juesuan-report', version: 1, pack: 'mini-2020', unit: {} });
    expect((await refusal(importReport(sessions, missingYear, 'm.json'))).message).toBe('报表文件 m.json：year 缺失');
    const badType = JSON.stringify({
      format: 'juesuan-report',
      version: 1,
      pack: 'mini-2020',
      year: 2020,
      unit: { code: '001', name: 'X', kind: '行政单位', parent: null },
      tables: { T01: { IBEG: { c1: 5 } } },
    });
    expect((await refusal(importReport(sessions, badType, 't.json'))).message).toBe(
      '报表文件 t.json：tables.T01.IBEG.c1 的类型不正确（应为文本）',
    );
    const version = JSON.stringify({ format: 'juesuan-report', version: 2 });
    expect((await refusal(importReport(sessions, version, 'v.json'))).message).toContain('不支持的文件版本');
  });

  it('accepts a file saved with a byte-order mark', async () => {
    const text = await filled();
    await expect(importReport(sessions, `\uFEFF${text}`, 'bom.json')).resolves.toMatchObject({ year: 2020 });
  });
});
