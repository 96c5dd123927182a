/**
 * 已打印: a saved PDF is recorded with its fingerprint; the report's print status and the unit
 * register's tree say 已打印 while today's data is what was printed, and say the paper copy is
 * outdated (naming the changed table) after an edit. Real services, a real SQLite file, real Chromium.
 */
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cellKey } from '../../../../shared/api/contract';
import { createServices, type Services } from '../../../../electron/services/createServices';
import { defaultPacksDir, loadPack } from '../../../../electron/services/packs/loadPack';
import { makeFullSizeReport } from '../../../../scripts/bench/fullSizeReport';
import { makeTempDir } from '../tempDir';

let temp: Awaited<ReturnType<typeof makeTempDir>>;
let services: Services;
let item = '';
let original: number | null = null;
const ref = { unit: '101', year: 2020 };

beforeAll(async () => {
  temp = await makeTempDir('juesuan-printed-');
  services = await createServices({ dbPath: join(temp.dir, 'report.db'), settingsFile: join(temp.dir, 'settings.json') });
  const pack = await loadPack(join(defaultPacksDir(), 'yn-2020'));
  const { data } = makeFullSizeReport(pack, 3, 8);
  item = data.rows.T03?.[0] ?? '';
  original = data.inputs[cellKey('T03', item, 'c2')] ?? null;
  await services.api.addUnit({ code: '100', name: '隆阳区教育体育局', kind: '行政单位' });
  await services.api.addUnit({ code: '101', name: '隆阳区第一中学', kind: '其他事业单位', parent: '100' });
  await services.store.replaceReportData('101', 2020, pack.id, data);
});
afterAll(async () => {
  await services.close();
  await temp.remove();
});

const node = async (code: string) => (await services.api.unitTree({ year: 2020 })).find((n) => n.unit.code === code);

describe('已打印', () => {
  it('follows a saved copy through an edit, in the print status and in the unit register', async () => {
    expect(await services.api.printStatus(ref)).toMatchObject({ last: null, changed: [] });
    expect((await node('101'))?.state).toBe('审核通过');
    expect((await node('101'))?.print).toBeNull();

    const preview = await services.api.printPreview({ ...ref, parts: ['cover', 'T01', 'T03'] });
    // A preview alone is not a printed copy.
    expect((await services.api.printStatus(ref)).last).toBeNull();
    await services.api.printSave({ ...ref, previewId: preview.previewId });

    const printed = await services.api.printStatus(ref);
    expect(printed.current).toBe(preview.fingerprint);
    expect(printed.last).toEqual({ fingerprint: preview.fingerprint, printedAt: preview.printedAt, pages: preview.pages });
    expect(printed.changed).toEqual([]);
    const tree = await node('101');
    expect(tree?.state).toBe('已打印');
    expect(tree?.printed).toEqual([preview.fingerprint]);
    expect(tree?.print).toEqual({ fingerprint: preview.fingerprint, printedAt: preview.printedAt, current: true });
    // The department has no report of its own and was not printed.
    expect((await node('100'))?.state).toBe('未填');

    expect(original).not.toBe(123);
    await services.api.setCells({ ...ref, edits: [{ table: 'T03', row: item, col: 'c2', value: 123 }] });
    const after = await services.api.printStatus(ref);
    expect(after.last?.fingerprint).toBe(preview.fingerprint);
    expect(after.current).not.toBe(preview.fingerprint);
    expect(after.changed.map((c) => c.title)).toEqual(['公开03表 支出决算表']);
    const edited = await node('101');
    expect(edited?.state).not.toBe('已打印');
    expect(edited?.print).toEqual({ fingerprint: preview.fingerprint, printedAt: preview.printedAt, current: false });

    // Put back, the data is again what was printed.
    await services.api.setCells({ ...ref, edits: [{ table: 'T03', row: item, col: 'c2', value: original }] });
    expect(await services.api.printStatus(ref)).toMatchObject({ current: preview.fingerprint, changed: [] });
    expect((await node('101'))?.state).toBe('已打印');
  });
});
