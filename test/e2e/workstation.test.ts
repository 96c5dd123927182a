/**
 * Issue 2's end-to-end scenario in Chromium: create a unit, open 2020, add 项 rows to T03, type and
 * paste amounts, watch T03's 合计 and T01's 支出 lines follow, reload, undo, 万元, a bad entry.
 */
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { cellText, gridCell, openEditor, SHOTS, startWorkstation, type Workstation, typeIntoCell } from './harness';

let ws: Workstation;
let page: Page;

const shot = (name: string) => page.screenshot({ path: join(SHOTS, `${name}.png`) });

async function openTab(code: string): Promise<void> {
  await page.getByRole('tab', { name: new RegExp(code) }).click();
  await page.locator(`.table-view[aria-label^="${code}"] .sheet tbody tr`).first().waitFor();
}

async function addSubject(code: string): Promise<void> {
  const input = page.locator('.subject-input');
  await input.fill(code);
  await page.locator('.subject-options li', { hasText: code }).first().waitFor();
  await input.press('Enter');
  await gridCell(page, 0, code, '#code').waitFor();
}

/** Types into a cell as a clerk does: select it, type (the first key opens the editor), Enter. */
const typeInto = (rowCode: string, col: string, text: string, role: 'code' | 'item' = 'code') =>
  typeIntoCell(page, gridCell(page, 0, rowCode, col, role), text);

const t03 = (row: string, col: string) => cellText(gridCell(page, 0, row, col));
const t03Total = (col: string) => cellText(gridCell(page, 0, '合计', col, 'name'));
const message = () => page.locator('.message-bar .message-text');

beforeAll(async () => {
  ws = await startWorkstation();
  page = ws.page;
});

afterAll(async () => {
  await ws?.close();
});

describe('决算工作站 in Chromium', () => {
  it('first run shows the welcome form; a unit is created and its 2020 report opens', async () => {
    await page.goto(ws.host.url);
    await page.getByRole('heading', { name: '欢迎使用决算工作站' }).waitFor();
    await page.locator('input[name="code"]').fill('bad code!');
    await page.locator('input[name="name"]').fill('保山市隆阳区政务服务管理局');
    await page.getByRole('button', { name: '创建单位' }).click();
    await expect.poll(() => page.locator('.form-error').textContent()).toContain('单位编码');
    await shot('01-welcome-error');
    await page.locator('input[name="code"]').fill('530502001');
    await page.getByRole('button', { name: '创建单位' }).click();
    await page.getByRole('tab', { name: /公开01表/ }).waitFor();
    const tabs = await page.getByRole('tab').allTextContents();
    // Ten tables, then the 情况说明 screen (issue 5) and the 绩效自评 screen (issue 12).
    expect(tabs.length).toBe(12);
    expect(tabs[10]).toBe('情况说明');
    expect(tabs[11]).toBe('绩效自评');
    // Short names keep the tabs on one line; the full title is the tab's tooltip and the table's heading.
    expect(tabs[0]).toBe('公开01表');
    expect(await page.getByRole('tab').first().getAttribute('title')).toBe('公开01表 收入支出决算总表');
    await expect.poll(() => page.locator('.table-meta').textContent()).toContain('部门：保山市隆阳区政务服务管理局');
    await shot('02-t01-empty');
  });

  it('adds 项 rows to T03; their 款 and 类 appear, in code order', async () => {
    await openTab('公开03表');
    for (const code of ['2080505', '2010301', '2010302']) await addSubject(code);
    const codes = await page.locator('.sheet tbody tr td[data-col="s0:#code"]').allTextContents();
    const rowIndexOf = async (code: string) => Number(await gridCell(page, 0, code, '#code').locator('xpath=..').getAttribute('data-line'));
    expect(codes.map((c) => c.trim()).filter(Boolean).sort()).toEqual(['201', '20103', '2010301', '2010302', '208', '20805', '2080505']);
    const order = await Promise.all(['201', '20103', '2010301', '2010302', '208', '20805', '2080505'].map(rowIndexOf));
    expect([...order].sort((a, b) => a - b)).toEqual(order);
    expect(await t03Total('c1')).toBe('0.00');
    expect(await t03('2010301', 'c2')).toBe('');
  });

  it('typing into a 项 row updates the 款, 类 and 合计 rows', async () => {
    await typeInto('2080505', 'c2', '2000');
    await expect.poll(() => t03('2080505', 'c2')).toBe('2,000.00');
    expect(await t03('2080505', 'c1')).toBe('2,000.00');
    expect(await t03('208', 'c2')).toBe('2,000.00');
    expect(await t03Total('c1')).toBe('2,000.00');
    await expect.poll(() => page.locator('.save-status').textContent()).toBe('已保存');
  });

  it('pastes a 2×2 block in one step, row for row', async () => {
    const block = '1,200.50\t300\r\n800\t(50)\r\n';
    await page.evaluate(`navigator.clipboard.writeText(${JSON.stringify(block)})`);
    await gridCell(page, 0, '2010301', 'c2').click();
    await page.keyboard.press('Control+V');
    await expect.poll(() => message().textContent()).toBe('已粘贴 4 个单元格（按行对应）：“2010301 行政运行”至“2010302 一般行政管理事务”（基本支出至项目支出）');
    expect(await t03('2010301', 'c2')).toBe('1,200.50');
    expect(await t03('2010301', 'c3')).toBe('300.00');
    expect(await t03('2010302', 'c3')).toBe('-50.00');
    expect(await t03('201', 'c1')).toBe('2,250.50');
    expect(await t03Total('c1')).toBe('4,250.50');
    expect(await t03Total('c2')).toBe('4,000.50');
    await shot('03-t03-after-paste');
    // Ctrl+C copies the selected cell as a number Excel reads in any locale.
    await gridCell(page, 0, '2010301', 'c1').click();
    await page.keyboard.press('Control+C');
    await expect.poll(() => page.evaluate('navigator.clipboard.readText()')).toBe('1500.50\r\n');
  });

  it('T01 支出 lines follow T03', async () => {
    await openTab('公开01表');
    const line = (label: RegExp) =>
      page.locator('.sheet tbody tr').filter({ has: page.locator('td[data-col="s1:#item"]', { hasText: label }) });
    const expenseColumn = ws.services.packs.find((p) => p.year === 2020)?.tables.find((t) => t.id === 'T01')?.sides[1]?.columns[0] ?? 'c2';
    await expect.poll(() => line(/一般公共服务/).locator(`td[data-col="s1:${expenseColumn}"]`).textContent()).toBe('2,250.50');
    expect(await cellText(line(/社会保障和就业/).locator(`td[data-col="s1:${expenseColumn}"]`))).toBe('2,000.00');
    await shot('04-t01-after-edits');
  });

  it('everything is still there after a reload; undo and redo work', async () => {
    await page.reload();
    await openTab('公开03表');
    await expect.poll(() => t03('2010301', 'c2')).toBe('1,200.50');
    expect(await t03Total('c1')).toBe('4,250.50');
    await typeInto('2010301', 'c2', '1500');
    await expect.poll(() => t03('2010301', 'c2')).toBe('1,500.00');
    await page.keyboard.press('Control+Z');
    await expect.poll(() => t03('2010301', 'c2')).toBe('1,200.50');
    expect(await t03Total('c1')).toBe('4,250.50');
    await page.keyboard.press('Control+Y');
    await expect.poll(() => t03('2010301', 'c2')).toBe('1,500.00');
    await page.keyboard.press('Control+Z');
    await expect.poll(() => t03('2010301', 'c2')).toBe('1,200.50');
    // The undo reached the store: a fresh read of the report agrees.
    const snapshot = await ws.services.api.openReport({ unit: '530502001', year: 2020 });
    expect(snapshot.inputs['T03:2010301:c2']).toBe(120050);
  });

  it('F2 edits the current value; Enter without a change writes nothing', async () => {
    await gridCell(page, 0, '2010301', 'c3').click();
    await page.keyboard.press('F2');
    const editor = openEditor(page);
    await expect.poll(() => editor.inputValue()).toBe('300.00');
    await page.keyboard.press('Enter');
    await editor.waitFor({ state: 'detached' });
    // Enter moved down, as in Excel.
    await expect.poll(() => gridCell(page, 0, '2010302', 'c3').getAttribute('class')).toContain('cell-active');
    // Nothing was recorded: Ctrl+Z undoes the step before — the paste, from before the reload (the undo
    // history is kept with the report) — and Ctrl+Y puts it back.
    await page.keyboard.press('Control+Z');
    await expect.poll(() => message().textContent()).toBe('已撤销：公开03表 行“2010301 行政运行”列“基本支出（栏次 2）” 1,200.50 → （空），共 4 个单元格（一次粘贴或清除）');
    expect(await t03('2010301', 'c3')).toBe('');
    await page.keyboard.press('Control+Y');
    await expect.poll(() => t03('2010301', 'c3')).toBe('300.00');
    expect(await t03('2010301', 'c2')).toBe('1,200.50');
  });

  it('Delete clears an input cell without opening the editor', async () => {
    await gridCell(page, 0, '2010302', 'c3').click();
    await page.keyboard.press('Delete');
    await expect.poll(() => t03('2010302', 'c3')).toBe('');
    expect(await openEditor(page).count()).toBe(0);
    await page.keyboard.press('Control+Z');
    await expect.poll(() => t03('2010302', 'c3')).toBe('-50.00');
  });

  it('万元 shows rounded values and reads typed values as 万元', async () => {
    await page.getByRole('button', { name: '万元', exact: true }).click();
    await expect.poll(() => t03Total('c1')).toBe('0.43');
    expect(await t03('201', 'c1')).toBe('0.23');
    await expect.poll(() => page.locator('.table-meta').textContent()).toContain('金额单位：万元');
    await shot('05-t03-wanyuan');
    // The display unit is remembered across a restart of the page.
    await page.reload();
    await openTab('公开03表');
    await expect.poll(() => t03Total('c1')).toBe('0.43');
    expect(await page.locator('.table-meta').textContent()).toContain('金额单位：万元');
    await typeInto('2080505', 'c3', '1.5');
    await expect.poll(() => t03('2080505', 'c3')).toBe('1.50');
    await page.getByRole('button', { name: '元', exact: true }).click();
    await expect.poll(() => t03('2080505', 'c3')).toBe('15,000.00');
  });

  it('a bad entry is refused at its cell, the entry stays open to correct, and nothing changes', async () => {
    for (const bad of ['abc', '1,2']) {
      await gridCell(page, 0, '2010302', 'c2').click();
      await page.keyboard.type(bad);
      await page.keyboard.press('Enter');
      await expect.poll(() => page.locator('.sheet-bubble').textContent()).toContain(`“${bad}”不是有效的金额`);
      // Enter did not move on: the text is still there to correct, on the same cell.
      expect(await openEditor(page).inputValue()).toBe(bad);
      expect(await gridCell(page, 0, '2010302', 'c2').getAttribute('class')).toContain('cell-active');
      if (bad === '1,2') await shot('06-bad-entry');
      await page.keyboard.press('Escape');
      await openEditor(page).waitFor({ state: 'detached' });
      expect(await t03('2010302', 'c2')).toBe('800.00');
    }
    const snapshot = await ws.services.api.openReport({ unit: '530502001', year: 2020 });
    expect(snapshot.inputs['T03:2010302:c2']).toBe(80000);
  });

  it('removes a 科目 row after confirmation', async () => {
    await gridCell(page, 0, '2010302', '#code').click();
    await page.getByRole('button', { name: '删除行' }).click();
    const dialog = page.getByRole('dialog', { name: '删除科目行' });
    await expect.poll(() => dialog.textContent()).toContain('共 1 行，其中已填写的 2 个单元格');
    await shot('07-remove-confirm');
    await dialog.getByRole('button', { name: '删除' }).click();
    await gridCell(page, 0, '2010302', '#code').waitFor({ state: 'detached' });
    await expect.poll(() => t03Total('c1')).toBe('18,500.50');
  });

  it('every table renders; screenshots of the rest', async () => {
    for (const code of ['公开02表', '公开04表', '公开05表', '公开06表', '公开07表', '公开08表', '公开09表', '公开10表']) {
      await openTab(code);
      await page.locator('.sheet thead tr').first().waitFor();
      await shot(`08-${code}`);
    }
    // Counts are whole numbers, shown without decimals.
    await openTab('公开09表');
    await typeInto('1.因公出国（境）团组数（个）', 'c2', '3', 'item');
    await expect.poll(() => cellText(gridCell(page, 0, '1.因公出国（境）团组数（个）', 'c2', 'item'))).toBe('3');
    expect(await gridCell(page, 0, '1.因公出国（境）团组数（个）', 'c1', 'item').getAttribute('class')).toContain('cell-none');
    await shot('09-t09-count');
  });
});
