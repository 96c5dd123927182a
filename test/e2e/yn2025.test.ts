/**
 * Today's report in Chromium: a 2025 report in yn-2025 (its 项目支出决算表 公开07表 among the tabs),
 * seen at 1366×768 and 1920×1080; and the bureau's 科目 catalogue loaded for the year on its screen
 * (preview of added, renamed and removed 科目, nothing changed before 确认导入, then used by 添加科目).
 */
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cellText, gridCell, SHOTS, startWorkstation, type Workstation } from './harness';

let ws: Workstation;
let page: Page;

const UNIT = '530926001';
const UNIT_NAME = '耿马傣族佤族自治县政务服务管理局';
const ref = { unit: UNIT, year: 2025 };
const yuan = (y: number) => y * 100;

const shot = (name: string) => page.screenshot({ path: join(SHOTS, `${name}.png`) });
const message = () => page.locator('.message-bar .message-text');

async function openTab(code: string): Promise<void> {
  await page.getByRole('tab', { name: new RegExp(code) }).click();
  await page.locator(`.table-view[aria-label^="${code}"] .sheet tbody tr`).first().waitFor();
}

beforeAll(async () => {
  ws = await startWorkstation({ year: 2025 });
  page = ws.page;
  const api = ws.services.api;
  await api.addUnit({ code: UNIT, name: UNIT_NAME, kind: '行政单位' });
  await api.openReport(ref);
  for (const t of ['T02', 'T03', 'T05', 'TPRJ']) await api.addRows({ ...ref, table: t, rows: ['2010301', '2010302', '2130104'] });
  await api.setCells({
    ...ref,
    edits: [
      { table: 'T02', row: '2010301', col: 'c2', value: yuan(800_000) },
      { table: 'T02', row: '2010302', col: 'c2', value: yuan(200_000) },
      { table: 'T02', row: '2130104', col: 'c2', value: yuan(350_000) },
      { table: 'T03', row: '2010301', col: 'c2', value: yuan(800_000) },
      { table: 'T03', row: '2010302', col: 'c3', value: yuan(200_000) },
      { table: 'T03', row: '2130104', col: 'c2', value: yuan(300_000) },
      { table: 'T03', row: '2130104', col: 'c3', value: yuan(50_000) },
      { table: 'T04', row: 'I01', col: 'c1', value: yuan(1_350_000) },
      { table: 'T05', row: '2010301', col: 'c2', value: yuan(800_000) },
      { table: 'T05', row: '2010301', col: 'c4', value: yuan(800_000) },
      { table: 'T05', row: '2010302', col: 'c2', value: yuan(200_000) },
      { table: 'T05', row: '2010302', col: 'c5', value: yuan(200_000) },
      { table: 'T05', row: '2130104', col: 'c2', value: yuan(350_000) },
      { table: 'T05', row: '2130104', col: 'c4', value: yuan(300_000) },
      { table: 'T05', row: '2130104', col: 'c5', value: yuan(50_000) },
      { table: 'TPRJ', row: '2010302', col: 'c3', value: yuan(150_000) },
      { table: 'TPRJ', row: '2010302', col: 'c5', value: yuan(50_000) },
      { table: 'TPRJ', row: '2130104', col: 'c3', value: yuan(50_000) },
      { table: 'T06', row: '30101', col: 'c1', value: yuan(800_000) },
      { table: 'T06', row: '30201', col: 'c1', value: yuan(300_000) },
      { table: 'T09', row: 'OPEX', col: 'c2', value: yuan(300_000) },
    ],
  });
});

afterAll(async () => {
  await ws?.close();
});

describe('the 2025 report in Chromium', () => {
  it('opens 2025 in yn-2025: eleven tables, 公开07表 the 项目支出决算表, figures in place', async () => {
    await page.goto(ws.host.url);
    await page.getByRole('tab', { name: /公开01表/ }).waitFor();
    const tabs = await page.getByRole('tab').allTextContents();
    expect(tabs.filter((t) => /公开\d\d表/.test(t))).toHaveLength(11);
    await openTab('公开07表');
    await page.locator('.table-view[aria-label^="公开07表"]').getByText('一般公共预算财政拨款项目支出决算表', { exact: true }).waitFor();
    expect(await cellText(gridCell(page, 0, '2010302', 'c1'))).toBe('200,000.00');
    expect(await cellText(gridCell(page, 0, '合计', 'c1', 'name'))).toBe('250,000.00');
  });

  for (const [width, height] of [
    [1366, 768],
    [1920, 1080],
  ] as const) {
    it(`is readable at ${width}×${height}: 公开01表, 公开05表 and 公开07表`, async () => {
      await page.setViewportSize({ width, height });
      for (const code of ['公开01表', '公开05表', '公开07表']) {
        await openTab(code);
        // Nothing of the table's header is cut off on the right at this width.
        const table = page.locator(`.table-view[aria-label^="${code}"]`);
        const box = await table.boundingBox();
        expect(box && box.x + box.width <= width + 1, `${code} within the window`).toBe(true);
        await shot(`yn2025-${code}-${width}x${height}`);
      }
    });
  }
});

describe('the 科目 catalogue of 2025 from the bureau’s file', () => {
  it('previews added, renamed and removed 科目, changes nothing before 确认导入, then 添加科目 offers the new 项', async () => {
    await page.setViewportSize({ width: 1366, height: 768 });
    const shipped = (await ws.services.api.getPack({ packId: 'yn-2025' })).catalogues.func!.entries;
    // The bureau's file: the shipped catalogue with one 项 renamed, one removed and one new.
    const lines = ['科目编码,科目名称'];
    for (const e of shipped) {
      if (e.code === '2010350') continue;
      lines.push(`${e.code},${e.code === '2010302' ? '一般行政管理事务（新）' : e.name}`);
    }
    lines.push('2010188,人大换届选举专项');
    await page.getByRole('button', { name: '科目目录' }).click();
    const dialog = page.getByRole('dialog', { name: '导入科目目录' });
    await dialog.locator('input[type="file"]').setInputFiles({ name: '2025年政府收支分类科目.csv', mimeType: 'text/csv', buffer: Buffer.from(lines.join('\n'), 'utf8') });
    await dialog.getByRole('region', { name: '新增科目' }).waitFor();
    expect(await dialog.getByRole('region', { name: '新增科目' }).locator('h3').textContent()).toBe('新增科目：1 个');
    expect(await dialog.getByRole('region', { name: '改名科目' }).textContent()).toContain('2010302 一般行政管理事务 → 一般行政管理事务（新）');
    expect(await dialog.getByRole('region', { name: '删除科目' }).textContent()).toContain('2010350');
    await shot('yn2025-catalogue-preview-1366x768');
    // Nothing kept before 确认导入.
    expect((await ws.services.api.openReport(ref)).catalogues).toBeUndefined();
    await dialog.getByRole('button', { name: '确认导入' }).click();
    await expect.poll(() => message().textContent()).toContain('已导入 2025 年度科目目录');
    await dialog.waitFor({ state: 'detached' });
    expect((await ws.services.api.openReport(ref)).catalogues?.func?.some((e) => e.code === '2010188')).toBe(true);
    await openTab('公开03表');
    expect(await cellText(gridCell(page, 0, '2010302', '#name'))).toBe('一般行政管理事务（新）');
    const input = page.locator('.subject-input');
    await input.fill('2010188');
    await page.locator('.subject-options li', { hasText: '人大换届选举专项' }).first().waitFor();
    await input.press('Enter');
    await gridCell(page, 0, '2010188', '#code').waitFor();
    await shot('yn2025-catalogue-used-1366x768');
  });
});
