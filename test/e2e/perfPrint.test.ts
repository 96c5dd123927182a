/**
 * The 绩效自评 in 打印预览, in Chromium: the 自评表 offered as parts of the set, each project's sheet listed
 * with its first page, the 部门整体 form previewed alone and saved (read back with pdftotext), and the
 * 已打印 mark turning 已过时 when an indicator is changed on the 绩效自评 screen. Screenshots at 1366×768.
 */
import { join } from 'node:path';
import type { Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { pagesText, squeeze } from '../electron/services/print/pdfText';
import { S002_DATA, S002_TEXTS, S002_UNIT, seedS002Tables } from '../shared/perf/s002Fixture';
import { seedPerf } from '../support/perfSeed';
import { SHOTS, startWorkstation, type Workstation } from './harness';

let ws: Workstation;
let page: Page;
const ref = { unit: S002_UNIT.code, year: 2020 };
const shot = (name: string) => page.screenshot({ path: join(SHOTS, `${name}.png`) });
const preview = () => page.getByRole('dialog', { name: '打印预览' });
const status = () => preview().locator('.print-status');
const mark = () => page.locator('.print-tools .print-mark');

async function shown(n: number): Promise<string> {
  await expect.poll(() => preview().locator('canvas.print-page').getAttribute('data-page'), { timeout: 30_000 }).toBe(String(n));
  await expect.poll(() => status().textContent(), { timeout: 30_000 }).toMatch(/共 \d+ 页 · 数据指纹 [0-9A-F]{8}/);
  return (await status().textContent()) ?? '';
}

async function enter(box: Locator, text: string): Promise<void> {
  await box.click();
  await box.fill(text);
  await box.press('Tab');
}

beforeAll(async () => {
  ws = await startWorkstation();
  page = ws.page;
  const api = ws.services.api;
  await api.addUnit({ code: S002_UNIT.code, name: S002_UNIT.name, kind: '行政单位' });
  await seedS002Tables(api, ref);
  await seedPerf(api, ref, S002_DATA, S002_TEXTS);
  await api.setSettings({ lastUnit: S002_UNIT.code, lastYear: 2020 });
}, 60_000);
afterAll(async () => {
  await ws?.close();
});

describe('绩效自评 in 打印预览', () => {
  it('adds the 自评表 to the set, lists each project sheet, previews and saves the 部门整体 form', async () => {
    await page.setViewportSize({ width: 1366, height: 768 });
    await page.goto(ws.host.url);
    await page.getByRole('button', { name: '打印预览' }).click();
    await shown(1);
    const perf = preview().getByRole('group', { name: '绩效自评' });
    await perf.getByRole('checkbox', { name: '部门整体支出绩效自评表' }).check();
    await perf.getByRole('checkbox', { name: /项目支出绩效自评表/ }).check();
    const project = preview().locator('.print-parts').getByRole('button', { name: /“12345”市民服务热线工作经费/ });
    await project.waitFor({ timeout: 30_000 });
    const titles = await preview().locator('.print-parts li').allTextContents();
    expect(titles.filter((t) => t.startsWith('项目支出绩效自评表'))).toHaveLength(S002_DATA.projects.length);
    expect(titles.some((t) => t.startsWith('部门整体支出绩效自评表'))).toBe(true);
    expect((await ws.services.api.getPrintSettings(ref)).settings.perf).toEqual(['perfDept', 'perfProjects']);
    await project.click();
    const pageNo = preview().locator('.print-page-no');
    await expect.poll(() => pageNo.textContent()).toContain('“12345”市民服务热线工作经费');
    const at = /第 (\d+) 页/.exec((await pageNo.textContent()) ?? '')?.[1] ?? '';
    await shown(Number(at));
    // Every part's page count stays in view beside its title, however long the title.
    for (const count of await preview().locator('.print-parts .print-part-pages').all()) {
      const box = await count.boundingBox();
      expect((box?.x ?? 0) + (box?.width ?? 0)).toBeLessThanOrEqual(1366);
    }
    await shot('print-preview-perf-project-1366');

    await preview().getByLabel('预览内容').selectOption('perfDept');
    await shown(1);
    await expect.poll(() => status().textContent()).toMatch(/共 1 页/);
    await shot('print-preview-perf-dept-1366');
    const [download] = await Promise.all([page.waitForEvent('download'), preview().getByRole('button', { name: '保存 PDF' }).click()]);
    expect(download.suggestedFilename()).toBe(`${S002_UNIT.name}2020年度部门整体支出绩效自评表（核对稿）.pdf`);
    const file = join(SHOTS, 'print-saved-perf-dept.pdf');
    await download.saveAs(file);
    const pages = pagesText(file).map(squeeze);
    expect(pages).toHaveLength(1);
    expect(pages[0]).toContain('部门整体支出绩效自评表');
    expect(pages[0]).toContain('84.18%');
    await preview().getByRole('button', { name: '关闭' }).click();
    await expect.poll(() => mark().textContent()).toBe('已打印');
  }, 90_000);

  it('turns the 已打印 mark to 已过时 when an indicator of a printed 自评表 is changed', async () => {
    await page.getByRole('tab', { name: '绩效自评' }).click();
    const sheet = page.locator('section[aria-label^="项目支出绩效自评表"]');
    await sheet.waitFor();
    await enter(sheet.getByLabel('热线工单签收数 实际完成值'), '59000');
    await expect.poll(() => mark().textContent(), { timeout: 10_000 }).toBe('已过时');
    expect(await mark().getAttribute('title')).toContain('绩效自评 有修改');
    await shot('print-perf-outdated-1366');
  }, 60_000);
});
