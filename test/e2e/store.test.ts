/**
 * Issue 9 (store) in Chromium: the page reloads when the CLI writes the same database and says so;
 * right click → 修改记录 of a cell; restoring a table from the report's history and undoing it;
 * 备份与恢复 (立即备份, restore); and a damaged database set aside at start with the newest good backup
 * offered on screen and restored from there.
 */
import { mkdir, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createServices, type Services } from '../../electron/services/createServices';
import { startWebHost, type WebHost } from '../../electron/web/server';
import { damageFile } from '../../scripts/crash/damage';
import { cliOk } from '../electron/store/storeHarness';
import { cellText, gridCell, ROOT, SHOTS, typeIntoCell } from './harness';

let dir: string;
let db: string;
let browser: Browser;
let page: Page;
let services: Services | undefined;
let host: WebHost | undefined;

const at = () => ['--db', db, '--unit', '530502001', '--year', '2020'];
const shot = async (name: string) => {
  for (const [w, h] of [
    [1366, 768],
    [1920, 1080],
  ] as const) {
    await page.setViewportSize({ width: w, height: h });
    await page.screenshot({ path: join(SHOTS, `store-${name}-${w}.png`) });
  }
  await page.setViewportSize({ width: 1440, height: 900 });
};
const c2 = () => cellText(gridCell(page, 0, '2010301', 'c2'));
const message = () => page.locator('.message-bar .message-text');

/** The workstation as `npm run web` starts it: set a damaged database aside, back up at open. */
async function start(): Promise<void> {
  // The workstation opens the newest year a format serves; these tests work on the 2020 report.
  await (await import('node:fs/promises')).writeFile(join(dir, 'settings.json'), JSON.stringify({ lastYear: 2020 }));
  services = await createServices({ dbPath: db, packsDir: join(ROOT, 'resources/packs'), settingsFile: join(dir, 'settings.json'), onDamaged: 'recover', backupOnOpen: 'always' });
  host = await startWebHost({ api: services.api, staticDir: join(ROOT, 'out/renderer'), port: 0 });
  await page.goto(host.url);
}

async function stop(): Promise<void> {
  await host?.close();
  await services?.close();
  host = undefined;
  services = undefined;
}

async function openT03(): Promise<void> {
  await page.getByRole('tab', { name: /公开03表/ }).click();
  await gridCell(page, 0, '2010301', 'c2').waitFor();
}

/** The page asks for changes when the window gains focus (and every 2 s); focus makes the test not wait. */
const focusWindow = () => page.evaluate('window.dispatchEvent(new Event("focus"))');

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'juesuan-e2e-store-'));
  db = join(dir, '决算.sqlite');
  await mkdir(SHOTS, { recursive: true });
  browser = await chromium.launch({
    executablePath: '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--no-first-run', '--disable-sync'],
  });
  const context = await browser.newContext({ viewport: { width: 1440, height: 900 }, locale: 'zh-CN' });
  page = await context.newPage();
  page.setDefaultTimeout(10_000);
  await cliOk('unit', 'add', '--db', db, '--code', '530502001', '--name', '保山市隆阳区政务服务管理局', '--kind', '行政单位');
  await cliOk('set', ...at(), 'T03', '2010301', 'c2', '86.93');
});

afterAll(async () => {
  await stop();
  await browser?.close();
  await rm(dir, { recursive: true, force: true });
});

describe('store features in Chromium', () => {
  it('reloads when the CLI writes the same database, and says so', async () => {
    await start();
    await openT03();
    expect(await c2()).toBe('86.93');
    await cliOk('set', ...at(), 'T03', '2010301', 'c2', '5,000,000.00');
    await focusWindow();
    await page.locator('.message-bar', { hasText: '数据已在别处修改，已重新载入' }).waitFor();
    await openT03();
    expect(await c2()).toBe('5,000,000.00');
    await shot('reloaded');
  });

  it('right click → 修改记录 lists the cell’s changes', async () => {
    await typeIntoCell(page, gridCell(page, 0, '2010301', 'c3'), '100');
    await gridCell(page, 0, '2010301', 'c2').click({ button: 'right' });
    await page.getByRole('menuitem', { name: '修改记录' }).click();
    const dialog = page.getByRole('dialog', { name: '单元格修改记录' });
    await dialog.waitFor();
    const rows = dialog.locator('.store-item');
    await expect.poll(() => rows.count()).toBe(2);
    expect(await rows.nth(0).textContent()).toContain('86.93 → 5,000,000.00');
    expect(await rows.nth(1).textContent()).toContain('（空） → 86.93');
    await shot('cell-history');
    await dialog.getByRole('button', { name: '关闭' }).click();
  });

  it('restores 公开03表 to an earlier point from the report’s history, and undoes that restore', async () => {
    await page.getByRole('button', { name: '修改记录' }).click();
    const dialog = page.getByRole('dialog', { name: '报表修改记录' });
    const items = dialog.locator('.store-item');
    await expect.poll(() => items.count()).toBe(4);
    // Newest first: the typed 100, the CLI's 5,000,000.00, the CLI's 86.93, the row the CLI added.
    await items.nth(2).getByRole('button', { name: '只恢复公开03表' }).click();
    await page.getByRole('dialog', { name: '恢复到这次保存之后' }).getByRole('button', { name: '恢复' }).click();
    await message().filter({ hasText: '已恢复到' }).waitFor();
    await openT03();
    expect(await c2()).toBe('86.93');
    expect(await cellText(gridCell(page, 0, '2010301', 'c3'))).toBe('');
    await page.getByRole('button', { name: '修改记录' }).click();
    await expect.poll(() => items.nth(0).textContent()).toContain('恢复');
    await shot('report-history');
    await items.nth(0).getByRole('button', { name: '撤销这次恢复' }).click();
    await page.getByRole('dialog', { name: '撤销' }).getByRole('button', { name: '撤销' }).click();
    await message().filter({ hasText: '已撤销' }).waitFor();
    await openT03();
    expect(await c2()).toBe('5,000,000.00');
    expect(await cellText(gridCell(page, 0, '2010301', 'c3'))).toBe('100.00');
  });

  it('备份与恢复: a backup made now is restored after a change', async () => {
    await page.getByRole('button', { name: '备份与恢复' }).click();
    const dialog = page.getByRole('dialog', { name: '备份与恢复' });
    await dialog.locator('.store-item', { hasText: '打开时' }).first().waitFor();
    await dialog.getByRole('button', { name: '立即备份' }).click();
    await dialog.locator('.store-item', { hasText: '手动' }).waitFor();
    await shot('backups');
    await dialog.getByRole('button', { name: '关闭' }).click();
    await typeIntoCell(page, gridCell(page, 0, '2010301', 'c2'), '1');
    await expect.poll(c2).toBe('1.00');

    await page.getByRole('button', { name: '备份与恢复' }).click();
    await dialog.locator('.store-item', { hasText: '手动' }).getByRole('button').click();
    await page.getByRole('dialog', { name: '恢复备份' }).getByRole('button', { name: '恢复' }).click();
    await message().filter({ hasText: '已恢复' }).waitFor();
    expect(await message().textContent()).toContain('恢复前的数据已另存为备份');
    await dialog.getByRole('button', { name: '关闭' }).click();
    await openT03();
    expect(await c2()).toBe('5,000,000.00');
  });

  it('a damaged database is set aside at start; the screen names both files and restores the newest good backup', async () => {
    await stop();
    for (const row of ['2010302', '2010303', '2010306', '2010308', '2010309']) await cliOk('set', ...at(), 'T03', row, 'c2', '1.00');
    await damageFile(db, 20261128);
    await start();
    const dialog = page.getByRole('dialog', { name: '备份与恢复' });
    const alert = dialog.getByRole('alert');
    await alert.waitFor();
    const text = (await alert.textContent()) ?? '';
    expect(text).toContain(`数据库文件“${db}”`);
    expect(text).toContain('已改名为');
    expect(text).toContain('.damaged-');
    expect(text).toContain('最新的完好备份');
    await shot('damaged');
    await alert.getByRole('button', { name: '恢复这个备份' }).click();
    await page.getByRole('dialog', { name: '恢复备份' }).getByRole('button', { name: '恢复' }).click();
    await message().filter({ hasText: '已恢复' }).waitFor();
    await dialog.getByRole('button', { name: '关闭' }).click();
    await openT03();
    // The newest good backup is the one taken right before the previous test's restore (when c2 was 1.00).
    expect(text).toContain('恢复前');
    expect(await c2()).toBe('1.00');
  });
});
