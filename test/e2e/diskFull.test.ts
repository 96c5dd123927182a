/**
 * What the clerk sees when the disk is full (a real tmpfs filled up under the database): typing into
 * a cell is refused with the Chinese message naming the database, the saved value stays, and once
 * there is room again the same entry saves.
 */
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { tinyDisk, type TinyDisk } from '../support/tinyDisk';
import { cellText, gridCell, SHOTS, startWorkstation, typeIntoCell, type Workstation } from './harness';

let ws: Workstation;
let disk: TinyDisk;
let page: Page;
let dbPath: string;
const ref = { unit: '530502001', year: 2020 };

const t03 = (row: string, col: string) => cellText(gridCell(page, 0, row, col));
const message = () => page.locator('.message-bar .message-text');

beforeAll(async () => {
  disk = await tinyDisk(2048);
  dbPath = join(disk.dir, '决算.sqlite');
  ws = await startWorkstation({ dbPath });
  page = ws.page;
  await page.setViewportSize({ width: 1366, height: 768 });
  await ws.services.api.addUnit({ code: ref.unit, name: '保山市隆阳区政务服务管理局', kind: '行政单位', parent: null });
  await ws.services.api.addRows({ ...ref, table: 'T03', rows: ['2080505'] });
});
afterAll(async () => {
  await ws?.close();
  await disk?.remove();
});

describe('a full disk in the workstation', () => {
  it('refuses the entry with the Chinese message, keeps the saved value, and saves once there is room', async () => {
    await page.goto(ws.host.url);
    await page.getByRole('tab', { name: /公开03表/ }).click();
    await gridCell(page, 0, '2080505', 'c2').waitFor();
    await typeIntoCell(page, gridCell(page, 0, '2080505', 'c2'), '2000');
    await expect.poll(() => page.locator('.save-status').textContent()).toBe('已保存');
    await disk.fill();
    await typeIntoCell(page, gridCell(page, 0, '2080505', 'c2'), '3000');
    await expect.poll(() => message().textContent()).toContain(`磁盘空间不足，数据库“${dbPath}”无法保存这次修改`);
    expect(await message().textContent()).not.toContain('内部错误');
    await page.screenshot({ path: join(SHOTS, 'shell-disk-full-1366.png') });
    expect((await ws.services.api.openReport(ref)).inputs['T03:2080505:c2']).toBe(200000);
    await expect.poll(() => t03('2080505', 'c2')).toBe('2,000.00');
    await disk.unfill();
    await typeIntoCell(page, gridCell(page, 0, '2080505', 'c2'), '3000');
    await expect.poll(() => page.locator('.save-status').textContent()).toBe('已保存');
    expect((await ws.services.api.openReport(ref)).inputs['T03:2080505:c2']).toBe(300000);
  });
});
