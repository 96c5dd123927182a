/**
 * 已打印 for a 部门汇总 in the unit register: a saved copy of the department's consolidated report marks
 * the department's row 汇总已打印; an edit in one of its units' reports (which changes the sum) marks it
 * 汇总已过时, and putting the figure back marks it printed again. Real services, a real SQLite file, real Chromium.
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
let original = 0;
const dept = { unit: '100', year: 2020, consolidated: true };

beforeAll(async () => {
  temp = await makeTempDir('juesuan-dept-printed-');
  services = await createServices({ dbPath: join(temp.dir, 'report.db'), settingsFile: join(temp.dir, 'settings.json'), backupOnOpen: 'never' });
  const pack = await loadPack(join(defaultPacksDir(), 'yn-2020'));
  await services.api.addUnit({ code: '100', name: '隆阳区教育体育局', kind: '行政单位' });
  await services.api.addUnit({ code: '101', name: '隆阳区第一中学', kind: '其他事业单位', parent: '100' });
  await services.api.addUnit({ code: '102', name: '隆阳区第二中学', kind: '其他事业单位', parent: '100' });
  const first = makeFullSizeReport(pack, 3, 8).data;
  item = first.rows.T03?.[0] ?? '';
  original = first.inputs[cellKey('T03', item, 'c2')] ?? 0;
  await services.store.replaceReportData('101', 2020, pack.id, first);
  await services.store.replaceReportData('102', 2020, pack.id, makeFullSizeReport(pack, 4, 8).data);
});
afterAll(async () => {
  await services.close();
  await temp.remove();
});

const node = async (code: string) => (await services.api.unitTree({ year: 2020 })).find((n) => n.unit.code === code);

describe('已打印 of a 部门汇总 in the unit register', () => {
  it('marks the department printed, then outdated after a unit edit, then printed again', async () => {
    expect((await node('100'))?.deptPrint).toBeUndefined();
    const preview = await services.api.printPreview({ ...dept, parts: ['cover', 'T01', 'T03'] });
    // A preview is not a printed copy.
    expect((await node('100'))?.deptPrint).toBeUndefined();
    await services.api.printSave({ ...dept, previewId: preview.previewId });
    expect((await services.api.printStatus(dept)).last?.fingerprint).toBe(preview.fingerprint);

    const printed = await node('100');
    expect(printed?.deptPrint).toEqual({ fingerprint: preview.fingerprint, printedAt: preview.printedAt, current: true });
    // The department has no report of its own: its own state and mark are unchanged.
    expect(printed?.state).toBe('未填');
    expect(printed?.print).toBeNull();
    // The units were not printed themselves, and carry no department mark.
    expect((await node('101'))?.print).toBeNull();
    expect((await node('101'))?.deptPrint).toBeUndefined();

    expect(original).not.toBe(4321);
    await services.api.setCells({ unit: '101', year: 2020, edits: [{ table: 'T03', row: item, col: 'c2', value: 4321 }] });
    expect((await node('100'))?.deptPrint).toEqual({ fingerprint: preview.fingerprint, printedAt: preview.printedAt, current: false });
    // The same verdict as 打印预览's badge for the department.
    const status = await services.api.printStatus(dept);
    expect(status.current).not.toBe(preview.fingerprint);
    expect(status.changed.map((c) => c.title)).toContain('公开03表 支出决算表');

    await services.api.setCells({ unit: '101', year: 2020, edits: [{ table: 'T03', row: item, col: 'c2', value: original }] });
    expect((await node('100'))?.deptPrint?.current).toBe(true);
  }, 120_000);

  it('refuses the 绩效自评 parts for a 部门汇总, which has none, saying so', async () => {
    await expect(services.api.printPreview({ ...dept, parts: ['perfDept'] })).rejects.toThrow('没有可打印的部分：perfDept（部门汇总没有绩效自评，请打印单位的报表）');
  }, 60_000);
});
