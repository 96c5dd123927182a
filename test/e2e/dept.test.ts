/**
 * Issue 13 in Chromium: the 单位名录 tree with report states, a unit edited (统一社会信用代码 checked),
 * the department's consolidated report (read-only, cell breakdown), its 调整表 with a mismatched pair
 * and a typed amount, a unit's newer exchange file imported after its differences, the 2019 (上年数)
 * year looked at without creating a report, and the year rolled over to 2021.
 */
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { ReportEngine } from '../../shared/engine/reportEngine';
import { generateDept } from '../electron/services/consolidate/deptFixture';
import { cellText, gridCell, SHOTS, startWorkstation, type Workstation } from './harness';

let ws: Workstation;
let page: Page;
let units: ReturnType<typeof generateDept>['units'];
/** AG Grid reports a missing module or a wrong option on the console, not by throwing. */
const gridMessages: string[] = [];

const shot = (name: string) => page.screenshot({ path: join(SHOTS, `${name}.png`) });
const reportCount = async () => (await ws.services.store.db.get<{ n: number }>('SELECT COUNT(*) AS n FROM reports'))?.n;

beforeAll(async () => {
  ws = await startWorkstation();
  page = ws.page;
  page.on('console', (m) => {
    if (/AG Grid/i.test(m.text())) gridMessages.push(m.text());
  });
  const pack = ws.services.packs.find((p) => p.id === 'yn-2020')!;
  units = generateDept(pack, { units: 4, seed: 81, mismatch: 2500 }).units;
  // One unit that is neither 行政 nor 参公: the department's X-12 then compares the other three only.
  units[3] = { ...units[3]!, kind: '其他事业单位' };
  for (const u of units) {
    await ws.services.store.replaceReport({ unit: { code: u.code, name: u.name, kind: u.kind, parent: u.parent }, year: 2020, packId: 'yn-2020', data: u.data });
  }
});

afterAll(async () => {
  await ws?.close();
});

async function openTab(code: string): Promise<void> {
  await page.getByRole('tab', { name: new RegExp(code) }).click();
  await gridCell(page, 0, '总计', 'c1', 'item').waitFor();
}

describe('部门汇总 in Chromium', () => {
  it('shows the register as a tree with each report’s state, and checks a 统一社会信用代码 when a unit is edited', async () => {
    await page.goto(ws.host.url);
    await page.getByRole('tab', { name: /公开01表/ }).waitFor();
    await page.getByRole('button', { name: '单位名录' }).click();
    const dialog = page.getByRole('dialog', { name: '单位名录' });
    const tree = dialog.getByRole('group', { name: '单位树' });
    const rows = tree.locator('.ag-row');
    const nameOf = (i: number) => rows.nth(i).locator('[col-id="name"]');
    await rows.nth(3).waitFor();
    expect(await rows.count()).toBe(4);
    expect(await nameOf(0).textContent()).toBe('某某县测试局');
    expect(await rows.first().locator('.state').textContent()).toBe('审核通过');
    await page.setViewportSize({ width: 1366, height: 768 });
    await shot('dept-01-register-1366');
    await page.setViewportSize({ width: 1920, height: 1080 });
    await shot('dept-01-register-1920');
    await page.setViewportSize({ width: 1440, height: 900 });

    await rows.nth(1).click();
    await dialog.getByRole('button', { name: '编辑…' }).click();
    const form = dialog.getByRole('form', { name: '编辑单位' });
    await form.getByLabel('统一社会信用代码').fill('91110000802100433A');
    await form.getByRole('button', { name: '保存' }).click();
    await form.locator('.form-error', { hasText: '校验位不符：第 18 位应为“B”' }).waitFor();
    await form.getByLabel('统一社会信用代码').fill('91110000802100433b');
    await form.getByLabel('单位名称').fill('测试局下属单位（改名）');
    await form.getByRole('button', { name: '保存' }).click();
    await rows.nth(1).locator('[col-id="creditCode"]', { hasText: /^91110000802100433B$/ }).waitFor();
    expect(await nameOf(1).textContent()).toBe('测试局下属单位（改名）');
    expect(await rows.nth(1).getAttribute('class')).toContain('selected');

    // 查找: the grid keeps only the matching units, and shows all again when the box is cleared.
    await dialog.getByLabel('查找单位').fill('改名');
    await tree.locator('.ag-row').nth(1).waitFor({ state: 'detached' });
    expect(await rows.count()).toBe(1);
    expect(await nameOf(0).textContent()).toBe('测试局下属单位（改名）');
    await dialog.getByLabel('查找单位').fill('');
    await rows.nth(3).waitFor();
    expect(gridMessages).toEqual([]);
    await dialog.getByRole('button', { name: '关闭' }).click();
  });

  it('opens the department’s consolidated report read-only; a double-click lists the units of a cell', async () => {
    await page.getByRole('button', { name: '部门汇总' }).click();
    await page.locator('.dept-banner').waitFor();
    await openTab('公开01表');
    const snap = await ws.services.api.openReport({ unit: 'D', year: 2020, consolidated: true });
    const pack = ws.services.packs.find((p) => p.id === 'yn-2020')!;
    const engine = new ReportEngine(pack, snap);
    const itot = (engine.value('T01', 'ITOT', 'c1') ?? 0) / 100;
    const itotText = itot.toLocaleString('en', { minimumFractionDigits: 2, maximumFractionDigits: 2 });
    await gridCell(page, 0, '总计', 'c1', 'item').filter({ hasText: itotText }).waitFor();
    await shot('dept-02-consolidated-t01');
    // X-12 in the live audit panel, over the 行政/参公 units: their 机关运行经费 against their own 公用经费合计.
    const admin = units.filter((u) => u.kind !== '其他事业单位');
    const yuan = (fen: number) => (fen / 100).toLocaleString('en', { minimumFractionDigits: 2, maximumFractionDigits: 2 });
    const opex = admin.reduce((s, u) => s + (u.data.inputs['T09:OPEX:c2'] ?? 0), 0);
    const gsum = admin.reduce((s, u) => s + (new ReportEngine(pack, u.data).value('T06', 'GSUM', 'c1') ?? 0), 0);
    const x12 = page.locator('.audit-panel .audit-item').filter({ has: page.locator('.audit-rule', { hasText: /^X-12$/ }) });
    await x12.waitFor();
    expect(await x12.locator('.audit-message').textContent()).toBe(
      `“三公”经费、行政参公单位机关运行经费情况表：机关运行经费（行政单位和参公事业单位） ${yuan(opex)} ≠ 一般公共预算财政拨款基本支出决算表公用经费合计（行政单位和参公事业单位） ${yuan(gsum)}，差 ${yuan(Math.abs(opex - gsum))}`,
    );
    expect(await x12.locator('.audit-level').textContent()).toBe('提示');
    await page.setViewportSize({ width: 1366, height: 768 });
    await x12.scrollIntoViewIfNeeded();
    await shot('dept-02b-x12-panel-1366');
    await page.setViewportSize({ width: 1440, height: 900 });
    await gridCell(page, 0, '总计', 'c1', 'item').dblclick();
    const breakdown = page.getByRole('dialog', { name: '汇总数的构成' });
    await breakdown.locator('tbody tr').first().waitFor();
    expect(await breakdown.locator('tbody tr').count()).toBe(units.length + 2);
    expect(await breakdown.locator('tbody tr').last().locator('th').last().textContent()).toBe(await cellText(gridCell(page, 0, '总计', 'c1', 'item')));
    await shot('dept-03-breakdown');
    await breakdown.getByRole('button', { name: '关闭' }).click();
    // Typing into the consolidated report is refused with a message; nothing is written.
    await gridCell(page, 0, '年初结转和结余', 'c1', 'item').click();
    await page.keyboard.press('5');
    await page.keyboard.press('Enter');
    await page.locator('.message-bar .message-text', { hasText: '不能直接修改' }).waitFor();
  });

  it('shows the 调整表 with the mismatched pair as a 提示 and takes a typed amount', async () => {
    await page.getByRole('tab', { name: '调整表' }).click();
    const table = page.getByRole('table', { name: '调整表' });
    await table.locator('tbody tr').first().waitFor();
    await page.locator('.dept-hints li', { hasText: '不一致' }).waitFor();
    const bad = table.locator('tr.mismatch');
    expect(await bad.count()).toBe(1);
    await shot('dept-04-adjustments');
    const input = bad.locator('input');
    const child = (await bad.locator('td').nth(4).textContent()) ?? '';
    await input.fill(child);
    await input.press('Enter');
    await bad.locator('td', { hasText: '已手工修改' }).waitFor();
    const view = await ws.services.api.consolidationView({ unit: 'D', year: 2020 });
    expect(view.lines.find((l) => l.mismatch)?.amount).toBe(view.lines.find((l) => l.mismatch)?.childAmount);
  });

  it('imports a unit’s newer exchange file after showing its differences', async () => {
    const child = units[2]!;
    const sent = Buffer.from((await ws.services.api.exportExchange({ unit: child.code, year: 2020 })).base64, 'base64');
    // The department's copy differs from the unit's file in one cell.
    const row = child.data.rows.T03![0]!;
    await ws.services.api.setCells({ unit: child.code, year: 2020, edits: [{ table: 'T03', row, col: 'c2', value: 12_345 }] });
    await page.locator('input[aria-label="选择单位报送文件"]').setInputFiles({ name: '报送.json', mimeType: 'application/json', buffer: sent });
    const dialog = page.getByRole('dialog', { name: '导入单位报送文件' });
    await dialog.getByRole('table', { name: '数值变化' }).waitFor();
    expect(await dialog.locator('tbody tr').count()).toBe(1);
    expect(await dialog.locator('tbody tr td').nth(1).textContent()).toBe('123.45');
    await shot('dept-05-exchange-diff');
    await dialog.getByRole('button', { name: '确认导入' }).click();
    await page.locator('.message-bar .message-text', { hasText: '已导入' }).waitFor();
    expect((await ws.services.api.findReport({ unit: child.code, year: 2020 }))?.inputs[`T03:${row}:c2`]).toBe(child.data.inputs[`T03:${row}:c2`]);
  });

  it('looks at 2019 (上年数) without creating a report, then rolls 2020 over to 2021', async () => {
    await page.getByRole('button', { name: '部门汇总' }).click();
    await page.locator('.dept-banner').waitFor({ state: 'detached' });
    const before = await reportCount();
    await page.getByLabel('年度').selectOption('2019');
    await page.locator('.unsaved-note').waitFor();
    expect(await page.locator('.unsaved-note').textContent()).toContain('查看不会建立报表');
    await shot('dept-06-2019-not-created');
    expect(await reportCount()).toBe(before);

    await page.getByLabel('年度').selectOption('2020');
    await page.getByRole('button', { name: '单位名录' }).click();
    const dialog = page.getByRole('dialog', { name: '单位名录' });
    await dialog.getByRole('group', { name: '单位树' }).locator('.ag-row').first().click();
    await dialog.getByRole('button', { name: '结转到 2021 年度…' }).click();
    const roll = page.getByRole('dialog', { name: '结转到下一年度' });
    await roll.getByRole('table', { name: '年初结转和结余' }).waitFor();
    expect(await roll.locator('tbody tr').first().textContent()).toContain('年初结转和结余');
    await shot('dept-07-rollover');
    await roll.getByRole('button', { name: '确认结转' }).click();
    await page.locator('select[aria-label="年度"]').filter({ has: page.locator('option:checked[value="2021"]') }).waitFor();
    await page.getByRole('tab', { name: /公开01表/ }).waitFor();
    const y2020 = new ReportEngine(ws.services.packs[0]!, (await ws.services.api.findReport({ unit: 'D', year: 2020 }))!);
    const end = (y2020.value('T01', 'EEND', 'c2') ?? 0) / 100;
    const endText = end.toLocaleString('en', { minimumFractionDigits: 2, maximumFractionDigits: 2 });
    await gridCell(page, 0, '年初结转和结余', 'c1', 'item').filter({ hasText: endText }).waitFor();
    expect(await cellText(gridCell(page, 0, '年初结转和结余', 'c1', 'item'))).toBe(endText);
    await shot('dept-08-2021');
  });
});
