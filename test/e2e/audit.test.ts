/**
 * Issue 3's end-to-end scenario in Chromium: type a wrong number, the result appears with the right
 * message and marks its cell; click it from another table, land on the cell with the other side
 * highlighted; fix it and the result disappears. A 提示 result takes an explanation that is saved
 * and still there after a reload; the audit report opens for printing.
 */
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Locator, Page } from 'playwright-core';
import { cellText, gridCell, SHOTS, startWorkstation, type Workstation, typeIntoCell } from './harness';

let ws: Workstation;
let page: Page;

const shot = (name: string) => page.screenshot({ path: join(SHOTS, `${name}.png`) });
const panel = () => page.locator('.audit-panel');
const result = (rule: string) => panel().locator('.audit-item').filter({ has: page.locator('.audit-rule', { hasText: new RegExp(`^${rule}$`) }) });
const count = (level: '强制' | '提示') => panel().locator(`.audit-count[data-level="${level}"] b`);
const hasClass = async (cell: Locator, name: string) => ((await cell.getAttribute('class')) ?? '').split(/\s+/).includes(name);

async function openTab(code: string): Promise<void> {
  await page.getByRole('tab', { name: new RegExp(code) }).click();
  await page.locator(`.table-view[aria-label^="${code}"] .sheet tbody tr`).first().waitFor();
}

const typeInto = (cell: Locator, text: string) => typeIntoCell(page, cell, text);

const t01 = (side: number, label: string) => gridCell(page, side, label, side === 0 ? 'c1' : 'c2', 'item');

beforeAll(async () => {
  ws = await startWorkstation();
  page = ws.page;
  await ws.services.api.addUnit({ code: '530502001', name: '保山市隆阳区政务服务管理局', kind: '行政单位' });
});

afterAll(async () => {
  await ws?.close();
});

describe('live audit in Chromium', () => {
  it('an empty report passes; the panel says so and that X-13 has no last year', async () => {
    await page.goto(ws.host.url);
    await panel().waitFor();
    await expect.poll(() => panel().locator('.audit-passed').textContent()).toBe('审核通过：没有未通过的审核规则。');
    expect(await panel().locator('.audit-skipped').textContent()).toContain('X-13');
    expect(await count('强制').textContent()).toBe('0');
  });

  it('a wrong 支出 amount on T01 shows T01-5 with both sides named, and marks the cell', async () => {
    await openTab('公开01表');
    await typeInto(t01(1, '年末结转和结余'), '5');
    await expect.poll(() => result('T01-5').locator('.audit-message').textContent()).toBe('收入支出决算总表：收入总计 0.00 ≠ 支出总计 5.00，差 5.00');
    expect(await count('强制').textContent()).toBe('1');
    expect(await result('T01-5').locator('.audit-level').textContent()).toBe('强制');
    expect(await panel().locator('.audit-blocking').textContent()).toContain('强制审核规则未通过');
    await expect.poll(() => hasClass(t01(0, '总计'), 'cell-audit-hard')).toBe(true);
    await shot('audit-01-t01-fails');
  });

  it('clicking the result from another table opens T01 at 收入“总计” and highlights 支出“总计”', async () => {
    await openTab('公开03表');
    await result('T01-5').locator('.audit-item-main').click();
    await page.locator('.table-view[aria-label^="公开01表"]').waitFor();
    await expect.poll(() => hasClass(t01(0, '总计'), 'cell-active')).toBe(true);
    await expect.poll(() => hasClass(t01(1, '总计'), 'cell-audit-related')).toBe(true);
    expect(await result('T01-5').locator('.audit-cells').textContent()).toBe('涉及：收入支出决算总表 收入“总计”；收入支出决算总表 支出“总计”');
    expect(await result('T01-5').locator('.audit-hard-note').textContent()).toContain('不能用说明代替');
    expect(await result('T01-5').locator('textarea').count()).toBe(0);
    await shot('audit-02-jumped-to-cell');
  });

  it('fixing the amount makes the result, its mark and the highlight disappear', async () => {
    await typeInto(t01(0, '年初结转和结余'), '5');
    await expect.poll(() => result('T01-5').count()).toBe(0);
    expect(await cellText(t01(0, '总计'))).toBe('5.00');
    expect(await hasClass(t01(0, '总计'), 'cell-audit-hard')).toBe(false);
    expect(await hasClass(t01(1, '总计'), 'cell-audit-related')).toBe(false);
    expect(await count('强制').textContent()).toBe('0');
  });

  it('a 提示 across tables: X-12 on T09 highlights T06 公用经费合计', async () => {
    await openTab('公开09表');
    await typeInto(gridCell(page, 0, '二、行政参公单位机关运行经费', 'c2', 'item'), '1200');
    await expect.poll(() => result('X-12').locator('.audit-message').textContent()).toBe(
      '“三公”经费、行政参公单位机关运行经费情况表：机关运行经费 1,200.00 ≠ 一般公共预算财政拨款基本支出决算表公用经费合计 0.00，差 1,200.00',
    );
    expect(await result('X-12').locator('.audit-level').textContent()).toBe('提示');
    expect(await count('提示').textContent()).toBe('1');
    expect(await hasClass(gridCell(page, 0, '二、行政参公单位机关运行经费', 'c2', 'item'), 'cell-audit-soft')).toBe(true);
    await result('X-12').locator('.audit-item-main').click();
    await openTab('公开06表');
    // 公用经费合计 closes the table, below the rows the grid has drawn: scroll down as the clerk would.
    await page.locator('.table-view .grid-wrap').evaluate((root) => {
      for (const el of root.querySelectorAll('*')) if (el.scrollHeight > el.clientHeight + 1) el.scrollTop = el.scrollHeight;
    });
    await expect.poll(() => hasClass(gridCell(page, 1, '公用经费合计', 'c1', 'name'), 'cell-audit-related')).toBe(true);
    await shot('audit-03-other-table-highlight');
  });

  it('an explanation shorter than 6 characters is refused; a proper one is saved and survives a reload', async () => {
    const box = result('X-12').locator('textarea');
    await box.fill('有说明');
    await result('X-12').getByRole('button', { name: '保存说明' }).click();
    await expect.poll(() => result('X-12').locator('.audit-explain-error').textContent()).toBe('出错说明至少 6 个字，现在 3 个字');
    await box.fill('机关运行经费含下属事业单位的公用经费');
    await result('X-12').getByRole('button', { name: '保存说明' }).click();
    await expect.poll(() => result('X-12').locator('.audit-saved').textContent()).toBe('已保存');
    await shot('audit-04-explained');
    await page.reload();
    await panel().waitFor();
    await expect.poll(() => result('X-12').locator('.audit-explanation').textContent()).toBe('说明：机关运行经费含下属事业单位的公用经费');
    expect(await panel().locator('.audit-count-note').textContent()).toContain('已说明 1');
    const stored = await ws.services.api.openReport({ unit: '530502001', year: 2020 });
    expect(Object.entries(stored.texts).filter(([k]) => k.startsWith('explain.'))).toEqual([['explain.X-12.1', '机关运行经费含下属事业单位的公用经费']]);
  });

  it('the audit report lists every failing rule with its explanation, ready to print or save', async () => {
    await panel().getByRole('button', { name: '审核报告' }).click();
    const view = page.locator('.audit-print-view');
    await view.waitFor();
    expect(await view.locator('h1').textContent()).toBe('保山市隆阳区政务服务管理局（530502001） 2020 年度部门决算审核报告');
    const row = view.locator('tr', { hasText: 'X-12' });
    expect(await row.locator('td').allTextContents()).toEqual([
      '提示',
      'X-12',
      '“三公”经费、行政参公单位机关运行经费情况表：机关运行经费 1,200.00 ≠ 一般公共预算财政拨款基本支出决算表公用经费合计 0.00，差 1,200.00',
      '“三公”经费、行政参公单位机关运行经费情况表 第“二、行政参公单位机关运行经费”行“决算数”一般公共预算财政拨款基本支出决算表 公用经费“公用经费合计”',
      '机关运行经费含下属事业单位的公用经费',
    ]);
    const download = page.waitForEvent('download');
    await view.getByText('保存为网页文件').click();
    const file = await download;
    expect(file.suggestedFilename()).toBe('保山市隆阳区政务服务管理局（530502001）_2020_年度部门决算审核报告.html');
    await page.emulateMedia({ media: 'print' });
    expect(await page.locator('.audit-panel').isVisible()).toBe(false);
    expect(await view.locator('.audit-print-page').isVisible()).toBe(true);
    await shot('audit-05-report-print');
    await page.emulateMedia({ media: 'screen' });
    await shot('audit-06-report-screen');
    await view.getByRole('button', { name: '关闭' }).click();
    await expect.poll(() => view.count()).toBe(0);
  });

  it('with last year’s report in the database, X-13 compares 年初 with its 年末', async () => {
    const last = { unit: '530502001', year: 2019 };
    await ws.services.api.openReport(last);
    await ws.services.api.setCells({ ...last, edits: [{ table: 'T01', row: 'EEND', col: 'c2', value: 80_000 }] });
    await page.reload();
    await panel().waitFor();
    await expect.poll(() => result('X-13').locator('.audit-message').textContent()).toBe(
      '收入支出决算总表：年初结转和结余 5.00 ≠ 上年年末结转和结余 800.00，差 795.00',
    );
    expect(await panel().locator('.audit-skipped').count()).toBe(0);
    await shot('audit-07-last-year');
  });
});
