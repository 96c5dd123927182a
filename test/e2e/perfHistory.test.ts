/**
 * Issue 9 (the 绩效自评's edit history) in Chromium: a 全年预算数 typed on the 项目支出绩效自评表 is
 * journalled; right click on it → 修改记录 lists its changes in 元 with the row's addition; the top
 * bar's 修改记录 lists the 绩效自评 saves and restores the 绩效自评 alone, which the screen then shows.
 */
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SHOTS, startWorkstation, type Workstation } from './harness';

let ws: Workstation;
let page: Page;
const ref = { unit: '001', year: 2020 };
let project = 0;

const shot = (name: string) => page.screenshot({ path: join(SHOTS, `${name}.png`) });

beforeAll(async () => {
  ws = await startWorkstation();
  page = ws.page;
  const api = ws.services.api;
  await api.addUnit({ code: '001', name: '某某县政务服务管理局', kind: '行政单位' });
  project = (await api.perfEdit({ ...ref, op: { op: 'addProject', name: '农村公路养护' } })).id!;
  await api.perfEdit({ ...ref, op: { op: 'set', target: 'project', id: project, field: 'annual.0', text: '1000' } });
  await api.setSettings({ lastUnit: '001', lastYear: 2020 });
});

afterAll(async () => {
  await ws?.close();
});

describe('the 绩效自评’s 修改记录 in Chromium', () => {
  it('lists a field’s changes on right click and restores the 绩效自评 alone from the report’s history', async () => {
    await page.setViewportSize({ width: 1366, height: 768 });
    await page.goto(ws.host.url);
    await page.getByRole('tab', { name: '绩效自评' }).click();
    const sheet = page.locator('section[aria-label^="项目支出绩效自评表"]');
    const box = sheet.getByLabel('全年预算数（本年财政拨款）');
    await box.waitFor();
    expect(await box.inputValue()).toBe('1,000.00');
    await box.click();
    await box.fill('2,500');
    await box.press('Tab');
    await expect.poll(async () => (await ws.services.api.perfState(ref)).data.projects[0]?.annual[0]).toBe(250_000);

    await box.click({ button: 'right' });
    await page.getByRole('menuitem', { name: '修改记录' }).click();
    const dialog = page.getByRole('dialog', { name: '单元格修改记录' });
    const entries = dialog.locator('.store-item');
    await expect.poll(() => entries.count()).toBe(3);
    expect(await dialog.locator('.store-lead').textContent()).toBe('绩效自评，项目“农村公路养护”，全年预算数（本年财政拨款）');
    expect(await entries.nth(0).textContent()).toContain('录入1,000.00 元 → 2,500.00 元');
    expect(await entries.nth(1).textContent()).toContain('录入0.00 元 → 1,000.00 元');
    expect(await entries.nth(2).textContent()).toContain('新增项目“农村公路养护”');
    await shot('perf-history-01-field-1366');
    await page.setViewportSize({ width: 1920, height: 1080 });
    await shot('perf-history-01-field-1920');
    await page.setViewportSize({ width: 1366, height: 768 });
    await dialog.getByRole('button', { name: '关闭' }).click();

    // The report's 修改记录: the 绩效自评 saves, and the 绩效自评 restored alone to after the 1,000.00.
    await page.getByRole('button', { name: '修改记录' }).click();
    const history = page.getByRole('dialog', { name: '报表修改记录' });
    const batches = history.locator('.store-item');
    await expect.poll(() => batches.count()).toBe(3);
    expect(await batches.nth(0).textContent()).toContain('1 处 · 绩效自评');
    await shot('perf-history-02-report-1366');
    await batches.nth(1).getByRole('button', { name: '只恢复绩效自评' }).click();
    await page.getByRole('dialog', { name: '恢复到这次保存之后' }).getByRole('button', { name: '恢复' }).click();
    await expect.poll(() => box.inputValue()).toBe('1,000.00');
    expect((await ws.services.api.reportHistory(ref))[0]).toMatchObject({ how: 'restore', tables: ['perf'] });
    await shot('perf-history-03-restored-1366');
  });
});
