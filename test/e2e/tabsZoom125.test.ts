/**
 * A 2025 report (yn-2025: eleven tables with 公开07表 项目支出决算表, plus 情况说明 and 绩效自评, thirteen
 * tabs) at 1366×768 with the system zoom at 125 %: every tab is whole on screen without scrolling (the
 * strip wraps onto a second line there), opens its part when clicked, and the top bar keeps every
 * control inside the window.
 * Screenshots in test-results/.
 */
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SHOTS, startWorkstation, type Workstation } from './harness';

let ws: Workstation;

beforeAll(async () => {
  ws = await startWorkstation({ year: 2025 });
  await ws.services.api.addUnit({ code: '530926001', name: '耿马傣族佤族自治县人民政府办公室（县机关事务管理服务中心）', kind: '行政单位' });
});
afterAll(async () => {
  await ws?.close();
});

describe('the 2025 report at 1366×768 with the system zoom at 125 %', () => {
  it('shows or scrolls to all thirteen tabs, each one opening its part, with the top bar inside the window', async () => {
    // 125 % zoom: a 1366×768 screen gives the page 1093×614 CSS pixels at a device scale of 1.25.
    const width = 1093;
    const context = await ws.browser.newContext({ viewport: { width, height: 614 }, deviceScaleFactor: 1.25, locale: 'zh-CN' });
    try {
      const page = await context.newPage();
      await page.goto(ws.host.url);
      await page.getByRole('tab', { name: '公开01表', exact: true }).waitFor();
      await page.screenshot({ path: join(SHOTS, 'tabs-2025-zoom125.png') });
      // The strip does not scroll: what does not fit goes onto the next line.
      const scroll = await page.locator('.tabs').evaluate((el) => ({ shown: el.clientWidth, needed: el.scrollWidth }));
      expect(scroll.needed).toBeLessThanOrEqual(scroll.shown);
      const pack = await ws.services.api.getPack({ packId: 'yn-2025' });
      const codes = [...pack.tables.map((t) => t.code), '情况说明', '绩效自评'];
      expect(codes).toHaveLength(13);
      const tabs = page.getByRole('tab');
      expect(await tabs.allTextContents()).toEqual(codes);

      const strip = await page.locator('.tabs').boundingBox();
      if (!strip) throw new Error('no tab strip');
      for (const code of codes) {
        const tab = page.getByRole('tab', { name: code, exact: true });
        // Whole inside the strip and the window, as the page opened: nothing to scroll to find it.
        const box = await tab.boundingBox();
        if (!box) throw new Error(`${code} has no box`);
        expect(box.width, code).toBeGreaterThan(20);
        expect(box.x, code).toBeGreaterThanOrEqual(strip.x - 0.5);
        expect(box.x + box.width, code).toBeLessThanOrEqual(Math.min(strip.x + strip.width, width) + 0.5);
        expect(box.y, code).toBeGreaterThanOrEqual(strip.y - 0.5);
        expect(box.y + box.height, code).toBeLessThanOrEqual(strip.y + strip.height + 0.5);
        // The label is shown whole, not clipped by the tab.
        const label = await tab.evaluate((el) => ({ shown: el.clientWidth, needed: el.scrollWidth }));
        expect(label.needed, code).toBeLessThanOrEqual(label.shown);
        await tab.click();
        await expect.poll(() => tab.getAttribute('aria-selected'), { message: code }).toBe('true');
      }
      await page.screenshot({ path: join(SHOTS, 'tabs-2025-zoom125-last.png') });
      // The 绩效自评 tab opened its screen.
      await page.getByRole('button', { name: /新增项目/ }).waitFor();
      // Its toolbar wraps between buttons, never inside one, and stays inside the window.
      const buttons = await page.locator('.perf-view > .nv-toolbar button').evaluateAll((els) =>
        els.map((e) => ({ text: e.textContent ?? '', right: e.getBoundingClientRect().right, height: e.getBoundingClientRect().height })),
      );
      const oneLine = Math.min(...buttons.map((b) => b.height));
      for (const b of buttons) {
        expect(b.height, b.text).toBeLessThan(oneLine * 1.5);
        expect(b.right, b.text).toBeLessThanOrEqual(width + 0.5);
      }

      const controls = await page.locator('.top-bar > *').evaluateAll((els) => els.map((e) => e.getBoundingClientRect()).filter((r) => r.width > 0).map((r) => r.right));
      for (const right of controls) expect(right).toBeLessThanOrEqual(width + 0.5);
    } finally {
      await context.close();
    }
  }, 60_000);
});
