/**
 * A table of rows the clerk names, with a text column and a rate, in Chromium: the kinds-2030 test pack
 * (test/fixtures/packs). The clerk adds a named row, types a text and two amounts, and sees the rate
 * appear; text sits left, numbers right; the row is renamed and removed (with a confirmation). Seen at
 * 1366×768 and 1920×1080.
 */
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cellText, gridCell, gridRow, ROOT, SHOTS, startWorkstation, typeIntoCell, type Workstation } from './harness';

let ws: Workstation;
let page: Page;
const ref = { unit: '001', year: 2030 };
const shot = (name: string) => page.screenshot({ path: join(SHOTS, `${name}.png`) });
const message = () => page.locator('.message-bar .message-text');
const cell = (row: string, col: string) => gridCell(page, 0, row, col, 'item');

beforeAll(async () => {
  ws = await startWorkstation({ year: 2030, packsDir: join(ROOT, 'test/fixtures/packs') });
  page = ws.page;
  await ws.services.api.addUnit({ code: '001', name: '某某县农业农村局', kind: '行政单位' });
});

afterAll(async () => {
  await ws?.close();
});

describe('a named table with a text column and a rate', () => {
  it('adds a named row, takes a text and two amounts, and shows the rate', async () => {
    await page.setViewportSize({ width: 1366, height: 768 });
    await page.goto(ws.host.url);
    await page.getByRole('tab', { name: /样例01表/ }).click();
    const view = page.locator('.table-view[aria-label^="样例01表"]');
    await view.waitFor();
    await view.getByRole('textbox', { name: '新行的项目名称' }).fill('农村道路维修');
    await view.getByRole('button', { name: '添加一行' }).click();
    await gridRow(page, 0, '农村道路维修', 'item').waitFor();
    await expect.poll(() => message().textContent()).toContain('已添加一行：农村道路维修');

    await typeIntoCell(page, cell('农村道路维修', 'c1'), '张三');
    await typeIntoCell(page, cell('农村道路维修', 'c2'), '道路完好率≥95%');
    await typeIntoCell(page, cell('农村道路维修', 'c3'), '100000');
    await typeIntoCell(page, cell('农村道路维修', 'c4'), '85500');
    await typeIntoCell(page, cell('农村道路维修', 'c6'), '92.5');
    expect(await cellText(cell('农村道路维修', 'c5'))).toBe('85.50%');
    expect(await cellText(cell('农村道路维修', 'c8'))).toBe('79.09');
    expect(await cellText(cell('合计', 'c5'))).toBe('85.50%');
    expect(await cellText(cell('农村道路维修', 'c1'))).toBe('张三');
    // Text sits left, numbers right.
    const align = (col: string) => cell('农村道路维修', col).evaluate((el) => el.ownerDocument.defaultView?.getComputedStyle(el).textAlign);
    expect(await align('c1')).toBe('left');
    expect(await align('c3')).toBe('right');
    expect(await align('c5')).toBe('right');
    // Too many places for the 1-place score column: refused at the cell, nothing written.
    await cell('农村道路维修', 'c6').click();
    await page.keyboard.type('92.55');
    await page.keyboard.press('Enter');
    await expect.poll(() => page.locator('.sheet-bubble').textContent()).toContain('该栏最多 1 位小数');
    await page.keyboard.press('Escape');

    await expect.poll(async () => (await ws.services.api.openReport(ref)).strings).toEqual({
      'TX:N1:c1': '张三',
      'TX:N1:c2': '道路完好率≥95%',
      'TX:N1:c6': '92.5',
    });
    expect((await ws.services.api.openReport(ref)).inputs).toEqual({ 'TX:N1:c3': 10_000_000, 'TX:N1:c4': 8_550_000 });
  });

  for (const [width, height] of [
    [1366, 768],
    [1920, 1080],
  ] as const) {
    it(`is readable at ${width}×${height}`, async () => {
      await page.setViewportSize({ width, height });
      const view = page.locator('.table-view[aria-label^="样例01表"]');
      const box = await view.boundingBox();
      expect(box && box.x + box.width <= width + 1).toBe(true);
      await shot(`kinds-named-rate-${width}x${height}`);
      // One cursor only: the 合计 row kept from before the row was added carries none.
      expect(await page.locator('.sheet td.cell-active').count()).toBe(1);
    });
  }

  it('renames the selected row, and removes it after a confirmation', async () => {
    await page.setViewportSize({ width: 1366, height: 768 });
    const view = page.locator('.table-view[aria-label^="样例01表"]');
    await gridCell(page, 0, '农村道路维修', '#item', 'item').click();
    const rename = view.getByRole('textbox', { name: '选中行的项目名称' });
    await expect.poll(() => rename.inputValue()).toBe('农村道路维修');
    await rename.fill('农村公路养护');
    await view.getByRole('button', { name: '改名' }).click();
    await gridRow(page, 0, '农村公路养护', 'item').waitFor();
    expect((await ws.services.api.openReport(ref)).texts['rowname.TX.N1']).toBe('农村公路养护');
    await gridCell(page, 0, '农村公路养护', '#item', 'item').click();
    await view.getByRole('button', { name: '删除行' }).click();
    const dialog = page.getByRole('dialog', { name: '删除行' });
    await dialog.waitFor();
    expect(await dialog.textContent()).toContain('其中已填写的 5 个单元格将一并删除');
    await shot('kinds-remove-confirm-1366x768');
    await dialog.getByRole('button', { name: '删除' }).click();
    await gridRow(page, 0, '农村公路养护', 'item').waitFor({ state: 'detached' });
    const after = await ws.services.api.openReport(ref);
    expect(after.rows.TX ?? []).toEqual([]);
    expect(after.strings ?? {}).toEqual({});
    // The next row gets a new id: N1 is never given again.
    expect((await ws.services.api.addNamedRow({ ...ref, table: 'TX', name: '高标准农田建设' })).row).toBe('N2');
  });
});
