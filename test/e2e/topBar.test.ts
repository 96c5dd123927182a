/**
 * The top bar on one line at 1366×768 and 1920×1080, with a long unit name, a department (部门汇总
 * enabled) and a save status showing; at 125 % zoom on 1366×768 (two lines there) every control is
 * still inside the window. Screenshots in test-results/.
 */
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SHOTS, startWorkstation, type Workstation } from './harness';

let ws: Workstation;

beforeAll(async () => {
  ws = await startWorkstation();
  const api = ws.services.api;
  await api.addUnit({ code: '530502', name: '某某县人民政府办公室（县机关事务管理服务中心）', kind: '行政单位' });
  await api.addUnit({ code: '530502001', name: '某某县机关事务服务中心', kind: '其他事业单位', parent: '530502' });
  await api.setSettings({ lastUnit: '530502', lastYear: 2020 });
});

afterAll(async () => {
  await ws?.close();
});

const SIZES = [
  { width: 1366, height: 768, scale: 1, name: '1366', value: '1', oneLine: true },
  { width: 1920, height: 1080, scale: 1, name: '1920', value: '2', oneLine: true },
  { width: 1093, height: 614, scale: 1.25, name: '1366-zoom125', value: '3', oneLine: false },
] as const;

describe.each(SIZES)('the top bar at $name', ({ width, height, scale, name, value, oneLine }) => {
  it('keeps every control inside the window, on one line from 1366 px up', async () => {
    const context = await ws.browser.newContext({ viewport: { width, height }, deviceScaleFactor: scale, locale: 'zh-CN' });
    try {
      const page = await context.newPage();
      await page.goto(ws.host.url);
      await page.getByRole('tab', { name: '公开01表', exact: true }).waitFor();
      // A typed value: the save status shows beside the buttons.
      await page.getByRole('tab', { name: '公开06表', exact: true }).click();
      const cell = page.locator('.table-view .sheet tbody tr').filter({ has: page.locator('td[data-col="s0:#code"]', { hasText: /^\s*30106\s*$/ }) }).locator('td[data-col="s0:c1"]');
      await cell.click();
      await page.keyboard.type(value);
      await page.keyboard.press('Enter');
      await expect.poll(() => page.locator('.save-status').textContent()).toBe('已保存');
      const boxes = await page.locator('.top-bar > *').evaluateAll((els) =>
        els
          .map((e) => e.getBoundingClientRect())
          .filter((r) => r.width > 0)
          .map((r) => ({ top: r.top, bottom: r.bottom, left: r.left, right: r.right })),
      );
      await page.screenshot({ path: join(SHOTS, `top-bar-${name}.png`) });
      // The save status is shown whole, not squeezed away.
      const status = await page.locator('.save-status').evaluate((el) => ({ width: el.clientWidth, needed: el.scrollWidth }));
      expect(status.width).toBeGreaterThan(0);
      expect(status.needed).toBeLessThanOrEqual(status.width);
      const bar = await page.locator('.top-bar').boundingBox();
      if (!bar) throw new Error('no top bar');
      // One line: every control overlaps the middle line of the first, and the bar is one control high.
      if (oneLine) {
        const first = boxes[0]!;
        const middle = (first.top + first.bottom) / 2;
        for (const b of boxes) expect(b.top <= middle && b.bottom >= middle).toBe(true);
        expect(bar.height).toBeLessThan(48);
      }
      // Every control inside the window.
      for (const b of boxes) expect(b.right).toBeLessThanOrEqual(width + 0.5);
    } finally {
      await context.close();
    }
  });
});
