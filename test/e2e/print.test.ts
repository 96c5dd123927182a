/**
 * 打印预览 and 核对指纹 in Chromium: the preview draws the PDF's own pages, says when a 强制 rule fails,
 * remembers its settings, shows one table alone, saves the very PDF previewed (read back with pdftotext),
 * and the 核对 screen follows the fingerprint through an edit. Screenshots at 1366×768 and 1920×1080.
 */
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { defaultPacksDir, loadPack } from '../../electron/services/packs/loadPack';
import { makeFullSizeReport } from '../../scripts/bench/fullSizeReport';
import { pagesText, squeeze } from '../electron/services/print/pdfText';
import { SHOTS, startWorkstation, type Workstation } from './harness';

let ws: Workstation;
let page: Page;
let item = '';

const UNIT = '530502001';
const UNIT_NAME = '保山市隆阳区政务服务管理局';
const ref = { unit: UNIT, year: 2020 };
const shot = (name: string) => page.screenshot({ path: join(SHOTS, `${name}.png`) });
const preview = () => page.getByRole('dialog', { name: '打印预览' });
const status = () => preview().locator('.print-status');

/** The preview has drawn page `n` of a PDF with `pages` pages. */
async function shown(n: number): Promise<string> {
  await expect.poll(() => preview().locator('canvas.print-page').getAttribute('data-page'), { timeout: 30_000 }).toBe(String(n));
  await expect.poll(() => status().textContent(), { timeout: 30_000 }).toMatch(/共 \d+ 页 · 数据指纹 [0-9A-F]{8}/);
  return (await status().textContent()) ?? '';
}

beforeAll(async () => {
  ws = await startWorkstation();
  page = ws.page;
  await ws.services.api.addUnit({ code: UNIT, name: UNIT_NAME, kind: '行政单位' });
  const pack = await loadPack(join(defaultPacksDir(), 'yn-2020'));
  const { data } = makeFullSizeReport(pack, 21, 16);
  item = data.rows.T03?.[0] ?? '';
  await ws.services.store.replaceReportData(UNIT, 2020, pack.id, {
    ...data,
    texts: { 'cover.leader': '张立新', 'cover.financeLead': '李文华', 'cover.preparer': '王晓燕', 'cover.phone': '0875-2123456', 'cover.date': '2021年3月15日' },
  });
});
afterAll(async () => {
  await ws?.close();
});

describe('打印预览 in Chromium', () => {
  it('shows the whole set page by page, drawn from the PDF, with its fingerprint', async () => {
    await page.setViewportSize({ width: 1366, height: 768 });
    await page.goto(ws.host.url);
    await page.getByRole('button', { name: '打印预览' }).click();
    const text = await shown(1);
    expect(text).toMatch(/共 1\d 页/);
    await expect.poll(() => preview().locator('.print-parts li').count()).toBe(11);
    expect(await preview().locator('.print-warning').count()).toBe(0);
    // The canvas holds a drawn page: not a blank rectangle.
    const inked = await preview()
      .locator('canvas.print-page')
      .evaluate((c: { width: number; height: number; getContext(kind: '2d'): { getImageData(x: number, y: number, w: number, h: number): { data: ArrayLike<number> } } | null }) => {
        const ctx = c.getContext('2d');
        if (!ctx) return 0;
        const data = ctx.getImageData(0, 0, c.width, c.height).data;
        let dark = 0;
        for (let i = 0; i < data.length; i += 4) if ((data[i] ?? 255) < 128) dark++;
        return dark;
      });
    expect(inked).toBeGreaterThan(1000);
    await shot('print-preview-cover-1366');
    await preview().getByRole('button', { name: /公开01表/ }).click();
    await shown(2);
    expect(await preview().locator('.print-page-no').textContent()).toContain('公开01表');
    await shot('print-preview-T01-1366');
    // Every per-table select stays inside the side panel at 1366 px (the scale select was cut at the edge).
    const side = await preview().locator('.print-side').boundingBox();
    const scale = await preview().getByLabel('公开10表 缩放').boundingBox();
    expect(side && scale && scale.x + scale.width <= side.x + side.width - 12).toBe(true);
  });

  it('remembers settings, previews one table, and saves the very PDF previewed', async () => {
    await preview().getByRole('radio', { name: '万元' }).check();
    await preview().getByLabel('公开03表 方向').selectOption('portrait');
    await preview().getByLabel('预览内容').selectOption('T03');
    await shown(1);
    await expect.poll(() => status().textContent()).toMatch(/共 1 页/);
    const stored = await ws.services.api.getPrintSettings(ref);
    expect(stored.settings.unit).toBe('万元');
    expect(stored.settings.perTable).toEqual({ T03: { orientation: 'portrait' } });

    const [download] = await Promise.all([page.waitForEvent('download'), preview().getByRole('button', { name: '保存 PDF' }).click()]);
    expect(download.suggestedFilename()).toBe(`${UNIT_NAME}2020年度公开03表支出决算表.pdf`);
    const file = join(SHOTS, 'print-saved-T03.pdf');
    await download.saveAs(file);
    const pages = pagesText(file).map(squeeze);
    expect(pages).toHaveLength(1);
    expect(pages[0]).toContain('支出决算表');
    expect(pages[0]).toContain('金额单位：万元');
    const fingerprint = /数据指纹 ([0-9A-F]{8})/.exec((await status().textContent()) ?? '')?.[1] ?? '';
    expect(pages[0]).toContain(`数据指纹${fingerprint}`);
    await writeFile(join(SHOTS, 'print-fingerprint.txt'), fingerprint);
    await preview().getByRole('button', { name: '关闭' }).click();
    // The saved copy is recorded: the top bar says 已打印 with its fingerprint.
    const mark = page.locator('.print-tools .print-mark');
    await expect.poll(() => mark.textContent()).toBe('已打印');
    expect(await mark.getAttribute('title')).toContain(`数据指纹 ${fingerprint}`);
    await shot('print-printed-mark-1366');

    // Reopened, the preview keeps the choices.
    await page.getByRole('button', { name: '打印预览' }).click();
    await shown(1);
    expect(await preview().getByRole('radio', { name: '万元' }).isChecked()).toBe(true);
    await preview().getByRole('button', { name: '关闭' }).click();
  });

  it('核对指纹 says the data matches, then names the table an edit changed', async () => {
    await page.setViewportSize({ width: 1920, height: 1080 });
    const verify = page.getByRole('dialog', { name: '核对数据指纹' });
    const saved = await ws.services.api.printPreview({ ...ref, parts: ['T03'] });
    await page.getByRole('button', { name: '核对指纹' }).click();
    await verify.getByLabel('数据指纹').fill(saved.fingerprint.toLowerCase());
    await verify.getByRole('button', { name: '核对' }).click();
    await expect.poll(() => verify.locator('.verify-result').textContent()).toMatch(/^一致/);

    await ws.services.api.setCells({ ...ref, edits: [{ table: 'T03', row: item, col: 'c2', value: 1 }] });
    await verify.getByRole('button', { name: '核对' }).click();
    await expect.poll(() => verify.locator('.verify-result').textContent()).toMatch(/^不一致/);
    expect(await verify.locator('.verify-changed li').allTextContents()).toEqual(['公开03表 支出决算表']);
    await page.screenshot({ path: join(SHOTS, 'print-verify-1920.png') });
    await verify.getByRole('button', { name: '关闭' }).click();
    // The edit came after the saved copy: the mark now says the paper copy is outdated.
    const mark = page.locator('.print-tools .print-mark');
    await expect.poll(() => mark.textContent()).toBe('已过时');
    expect(await mark.getAttribute('title')).toMatch(/^打印后已修改：纸质稿（数据指纹 [0-9A-F]{8}，.*公开03表 支出决算表 有修改/);
    await page.screenshot({ path: join(SHOTS, 'print-outdated-1920.png') });
  });

  it('says at the top when a 强制 rule fails and marks the pages', async () => {
    // The edit above unbalanced 公开03表 against 公开02表 and 公开05表.
    await page.getByRole('button', { name: '打印预览' }).click();
    await shown(1);
    expect(await preview().locator('.print-warning').textContent()).toContain('强制审核规则未通过');
    await page.screenshot({ path: join(SHOTS, 'print-preview-unaudited-1920.png') });
    await preview().getByRole('button', { name: '关闭' }).click();
  });
});
