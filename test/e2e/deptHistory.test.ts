/**
 * Issue 9 (the department's edit history) in Chromium: a consolidated cell's 修改记录 says where its
 * history is; 调整表 amounts typed on the 调整表 tab are
 * journalled; right click on an amount → 修改记录 lists the line's changes; the top bar's 修改记录 of the
 * 部门汇总 lists the department's saves and restores the 调整表 to an earlier one, which the tab shows.
 */
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateDept } from '../electron/services/consolidate/deptFixture';
import { gridCell, SHOTS, startWorkstation, type Workstation } from './harness';

let ws: Workstation;
let page: Page;

const shot = (name: string) => page.screenshot({ path: join(SHOTS, `${name}.png`) });
const yuan = (fen: number) => (fen / 100).toLocaleString('en', { minimumFractionDigits: 2, maximumFractionDigits: 2 });

beforeAll(async () => {
  ws = await startWorkstation();
  page = ws.page;
  const pack = ws.services.packs.find((p) => p.id === 'yn-2020')!;
  const { units } = generateDept(pack, { units: 4, seed: 81, mismatch: 2500 });
  for (const u of units) {
    await ws.services.store.replaceReport({ unit: { code: u.code, name: u.name, kind: u.kind, parent: u.parent }, year: 2020, packId: 'yn-2020', data: u.data });
  }
});

afterAll(async () => {
  await ws?.close();
});

describe('the department’s 修改记录 in Chromium', () => {
  it('journals typed 调整表 amounts, lists a line’s changes on right click, and restores the 调整表 from the department’s history', async () => {
    await page.goto(ws.host.url);
    await page.getByRole('tab', { name: /公开01表/ }).waitFor();
    await page.getByRole('button', { name: '部门汇总' }).click();
    await page.locator('.dept-banner').waitFor();
    // A consolidated cell is a sum: its 修改记录 says where the history is kept instead of an empty list.
    await page.getByRole('tab', { name: /公开01表/ }).click();
    await gridCell(page, 0, '年初结转和结余', 'c1', 'item').click({ button: 'right' });
    await page.getByRole('menuitem', { name: '修改记录' }).click();
    const sumDialog = page.getByRole('dialog', { name: '单元格修改记录' });
    await sumDialog.locator('.store-error', { hasText: '没有自己的修改记录' }).waitFor();
    expect(await sumDialog.locator('.store-error').textContent()).toContain('调整表');
    await shot('dept-history-00-sum-cell');
    await sumDialog.getByRole('button', { name: '关闭' }).click();
    await page.getByRole('tab', { name: '调整表' }).click();
    const bad = page.getByRole('table', { name: '调整表' }).locator('tr.mismatch');
    await bad.waitFor();
    const line = (await ws.services.api.consolidationView({ unit: 'D', year: 2020 })).lines.find((l) => l.mismatch)!;
    const input = bad.locator('input');
    const amountOf = async () => (await ws.services.api.consolidationView({ unit: 'D', year: 2020 })).lines.find((l) => l.key === line.key)!;

    await input.fill(yuan(line.childAmount));
    await input.press('Enter');
    await expect.poll(async () => (await amountOf()).amount).toBe(line.childAmount);
    await input.fill(yuan(line.childAmount + 100));
    await input.press('Enter');
    await expect.poll(async () => (await amountOf()).amount).toBe(line.childAmount + 100);

    await bad.locator('td.num').last().click({ button: 'right' });
    await page.getByRole('menuitem', { name: '修改记录' }).click();
    const cellDialog = page.getByRole('dialog', { name: '单元格修改记录' });
    const entries = cellDialog.locator('.store-item');
    await expect.poll(() => entries.count()).toBe(2);
    expect(await cellDialog.locator('.store-lead').textContent()).toContain(line.parent.name);
    expect(await entries.nth(0).textContent()).toContain(`录入抵销数：${yuan(line.childAmount)} → ${yuan(line.childAmount + 100)}`);
    expect(await entries.nth(1).textContent()).toContain(`录入抵销数：（空） → ${yuan(line.childAmount)}`);
    await page.setViewportSize({ width: 1366, height: 768 });
    await shot('dept-history-01-line-1366');
    await page.setViewportSize({ width: 1920, height: 1080 });
    await shot('dept-history-01-line-1920');
    await page.setViewportSize({ width: 1440, height: 900 });
    await cellDialog.getByRole('button', { name: '关闭' }).click();

    await page.getByRole('button', { name: '修改记录' }).click();
    const dialog = page.getByRole('dialog', { name: '报表修改记录' });
    const items = dialog.locator('.store-item');
    await expect.poll(() => items.count()).toBe(2);
    expect(await items.nth(0).textContent()).toContain('调整表');
    expect(await dialog.locator('.store-lead').textContent()).toContain('部门汇总');
    await page.setViewportSize({ width: 1366, height: 768 });
    await shot('dept-history-02-batches-1366');
    await page.setViewportSize({ width: 1920, height: 1080 });
    await shot('dept-history-02-batches-1920');
    await page.setViewportSize({ width: 1440, height: 900 });
    // Back to right after the first typed amount.
    await items.nth(1).getByRole('button', { name: '只恢复调整表' }).click();
    await page.getByRole('dialog', { name: '恢复到这次保存之后' }).getByRole('button', { name: '恢复' }).click();
    await page.locator('.message-bar .message-text', { hasText: '已恢复到' }).waitFor();
    await expect.poll(async () => (await amountOf()).amount).toBe(line.childAmount);
    // The 调整表 on screen reads the restored amount.
    await expect.poll(() => bad.locator('input').inputValue()).toBe(yuan(line.childAmount));

    await page.getByRole('button', { name: '修改记录' }).click();
    await expect.poll(() => items.count()).toBe(3);
    expect(await items.nth(0).textContent()).toContain('恢复');
    await items.nth(0).getByRole('button', { name: '撤销这次恢复' }).click();
    await page.getByRole('dialog', { name: '撤销' }).getByRole('button', { name: '撤销' }).click();
    await page.locator('.message-bar .message-text', { hasText: '已撤销' }).waitFor();
    await expect.poll(async () => (await amountOf()).amount).toBe(line.childAmount + 100);
  });
});
