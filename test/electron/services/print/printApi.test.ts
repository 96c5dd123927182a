/**
 * The print Api as the screen calls it, over real services on a real SQLite file: settings remembered
 * per report and per table across sessions, paper and orientation per table, a wide table scaled to the
 * page width, the preview saved and recorded, verify, and no printer dialog in browser mode.
 */
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createServices, type Services } from '../../../../electron/services/createServices';
import { defaultPacksDir, loadPack } from '../../../../electron/services/packs/loadPack';
import { makeFullSizeReport } from '../../../../scripts/bench/fullSizeReport';
import { makeTempDir } from '../tempDir';
import { pagesText, pageSizes, squeeze } from './pdfText';

let temp: Awaited<ReturnType<typeof makeTempDir>>;
let db: string;
const ref = { unit: '001', year: 2020 };

const open = (): Promise<Services> => createServices({ dbPath: db, settingsFile: join(temp.dir, 'settings.json') });

beforeAll(async () => {
  temp = await makeTempDir('juesuan-print-api-');
  db = join(temp.dir, 'report.db');
  const pack = await loadPack(join(defaultPacksDir(), 'yn-2020'));
  const { data } = makeFullSizeReport(pack, 3, 8);
  const services = await open();
  await services.api.addUnit({ code: '001', name: '隆阳区政务服务管理局', kind: '行政单位' });
  await services.store.replaceReportData('001', 2020, pack.id, { ...data, texts: {} });
  await services.close();
});
afterAll(async () => {
  await temp.remove();
});

describe('print Api', () => {
  it('remembers the settings of a report and of each table across sessions', async () => {
    const first = await open();
    const initial = await first.api.getPrintSettings(ref);
    expect(initial.canPrint).toBe(false);
    expect(initial.settings.paper).toBe('A4');
    expect(initial.settings.scale).toBe('fit');
    expect(initial.settings.tables).toEqual(['T01', 'T02', 'T03', 'T04', 'T05', 'T06', 'T07', 'T08', 'T09', 'T10']);
    await first.api.setPrintSettings({
      ...ref,
      settings: {
        ...initial.settings,
        unit: '万元',
        blankZeros: true,
        tables: ['T03', 'T10'],
        margins: { top: 15, right: 15, bottom: 20, left: 25 },
        perTable: { T03: { orientation: 'portrait' }, T10: { paper: 'A3' } },
      },
    });
    await first.close();

    const second = await open();
    const { settings } = await second.api.getPrintSettings(ref);
    expect(settings.unit).toBe('万元');
    expect(settings.blankZeros).toBe(true);
    expect(settings.tables).toEqual(['T03', 'T10']);
    expect(settings.margins).toEqual({ top: 15, right: 15, bottom: 20, left: 25 });
    expect(settings.perTable).toEqual({ T03: { orientation: 'portrait' }, T10: { paper: 'A3' } });

    // The remembered selection and settings are what the preview prints.
    const preview = await second.api.printPreview(ref);
    expect(preview.parts.map((p) => p.id)).toEqual(['cover', 'T03', 'T10']);
    const file = join(temp.dir, 'remembered.pdf');
    await writeFile(file, Buffer.from(preview.base64, 'base64'));
    const sizes = pageSizes(file);
    // Cover A4 portrait, 公开03表 A4 portrait (chosen), 公开10表 A3 landscape (wide, A3 chosen).
    expect(sizes.map((s) => [Math.round(s.width), Math.round(s.height)])).toEqual([
      [595, 842],
      [595, 842],
      [1191, 842],
    ]);
    const pages = pagesText(file).map(squeeze);
    expect(pages[1]).toContain('金额单位：万元');
    await second.close();
  });

  it('scales a wide table to the page width with every column on the page', async () => {
    const services = await open();
    const { settings } = await services.api.getPrintSettings(ref);
    const preview = await services.api.printPreview({ ...ref, parts: ['T10'], settings: { ...settings, unit: '元', perTable: {} } });
    const t10 = preview.parts[0];
    expect(t10?.zoom).toBeLessThan(1);
    const file = join(temp.dir, 'wide.pdf');
    await writeFile(file, Buffer.from(preview.base64, 'base64'));
    const page = squeeze(pagesText(file)[0] ?? '');
    for (const label of ['资产总额', '流动资产', '房屋构筑物', '单价200万以上大型', '在建工程', '无形资产', '其他资产']) expect(page).toContain(label);
    // Every 栏次 of the eleven columns, the last one included.
    expect(page).toContain('栏次1234567891011');
    expect(pageSizes(file).map((s) => Math.round(s.width))).toEqual([842]);
    await services.close();
  });

  it('saves the previewed pages and records the print; verify finds it; no printer in browser mode', async () => {
    const services = await open();
    const preview = await services.api.printPreview({ ...ref, parts: ['cover', 'T01'] });
    const saved = await services.api.printSave({ ...ref, previewId: preview.previewId });
    expect(saved.base64).toBe(preview.base64);
    expect(saved.fileName).toBe('隆阳区政务服务管理局2020年度部门决算.pdf');
    const verified = await services.api.verifyFingerprint({ ...ref, fingerprint: preview.fingerprint });
    expect(verified.matches).toBe(true);
    expect(verified.printedAt).toEqual([preview.printedAt]);
    expect(verified.lines[0]).toContain('一致');
    await expect(services.api.printToPrinter({ ...ref, previewId: preview.previewId })).rejects.toThrow('保存 PDF');
    await expect(services.api.printSave({ ...ref, previewId: '0'.repeat(32) })).rejects.toThrow('打印预览已失效');
    expect(preview.warnings).toEqual([]);
    // A 情况说明 whose clerk fields are still empty prints «…»: the preview says so above the pages.
    const narrative = await services.api.printPreview({ ...ref, parts: ['narrative'] });
    expect(narrative.warnings).toHaveLength(1);
    expect(narrative.warnings[0]).toMatch(/^情况说明中还有 \d+ 处未填写/);
    await services.close();
  });
});
