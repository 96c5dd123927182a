/**
 * Issue 4's screens in Chromium: cover fields, 导出 Excel (a real .xlsx, read back with exceljs),
 * 导入 Excel of a workbook written here (preview first, nothing written before 确认导入, then the grid
 * shows the new figures), a refused file, and the extra 上年数 year in the year picker.
 */
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { workbookBytes, type SheetSpec } from '../electron/services/excel/sheetBuilder';
import { cellText, gridCell, SHOTS, startWorkstation, type Workstation, typeIntoCell } from './harness';

let ws: Workstation;
let page: Page;

const UNIT = '530502009';
const UNIT_NAME = '保山市隆阳区档案馆';
const ref = { unit: UNIT, year: 2020 };

const shot = (name: string) => page.screenshot({ path: join(SHOTS, `${name}.png`) });
const message = () => page.locator('.message-bar .message-text');
const t03 = (row: string, col: string) => cellText(gridCell(page, 0, row, col));
const stored = async () => (await ws.services.api.openReport(ref)).inputs;

async function openTab(code: string): Promise<void> {
  await page.getByRole('tab', { name: new RegExp(code) }).click();
  await page.locator(`.table-view[aria-label^="${code}"] .sheet tbody tr`).first().waitFor();
}

const typeInto = (rowCode: string, col: string, text: string) => typeIntoCell(page, gridCell(page, 0, rowCode, col), text);

/** T03 as a bureau sends it: renamed sheet, 类|款|项 columns, text amounts, a formula with its cached result. */
function bureauT03(): SheetSpec {
  return {
    name: '支出表',
    rows: [
      ['2020年度支出决算表'],
      [`部门：${UNIT_NAME}`, null, null, null, null, null, null, null, '单位：元'],
      ['科目编码', null, null, '科目名称', '本年支出合计', '基本支出', '项目支出', '上缴上级支出', '经营支出', '对附属单位补助支出'],
      ['类', '款', '项'],
      ['栏次', null, null, null, '1', '2', '3', '4', '5', '6'],
      [null, null, null, '合计', 2_845.67, '2,345.67', 500],
      [201, null, null, '一般公共服务支出', 2_845.67, 2_345.67, 500],
      [201, 3, null, '政府办公厅（室）及相关机构事务', 2_845.67, 2_345.67, 500],
      [201, 3, 1, '行政运行', { formula: 'F9+G9', result: 2_345.67 }, '2,345.67', null],
      [201, 3, 2, '一般行政管理事务', 500, null, '500.00'],
    ],
    merges: ['A3:C3', 'D3:D4', 'E3:E4', 'F3:F4', 'G3:G4', 'H3:H4', 'I3:I4', 'J3:J4', 'A1:J1'],
  };
}

beforeAll(async () => {
  ws = await startWorkstation();
  page = ws.page;
  await ws.services.api.addUnit({ code: UNIT, name: UNIT_NAME, kind: '其他事业单位' });
});

afterAll(async () => {
  await ws?.close();
});

describe('Excel in Chromium', () => {
  it('a figure typed in T03 is saved', async () => {
    await page.goto(ws.host.url);
    await openTab('公开03表');
    const input = page.locator('.subject-input');
    await input.fill('2010301');
    await page.locator('.subject-options li', { hasText: '2010301' }).first().waitFor();
    await input.press('Enter');
    await gridCell(page, 0, '2010301', '#code').waitFor();
    await typeInto('2010301', 'c2', '1200.5');
    await expect.poll(() => t03('2010301', 'c2')).toBe('1,200.50');
    await expect.poll(() => page.locator('.save-status').textContent()).toBe('已保存');
  });

  it('封面信息 are saved with the report and shown again', async () => {
    await page.getByRole('button', { name: '封面信息' }).click();
    const dialog = page.getByRole('dialog', { name: '封面信息' });
    await dialog.locator('input[name="cover.leader"]').fill('张三');
    await dialog.locator('input[name="cover.preparer"]').fill(' 李四 ');
    await dialog.locator('input[name="cover.phone"]').fill('0875-2123456');
    await shot('excel-01-cover');
    await dialog.getByRole('button', { name: '保存' }).click();
    await expect.poll(() => message().textContent()).toBe('封面信息已保存');
    await dialog.waitFor({ state: 'detached' });
    const texts = (await ws.services.api.openReport(ref)).texts;
    expect(texts['cover.leader']).toBe('张三');
    expect(texts['cover.preparer']).toBe('李四');
    expect(texts['cover.financeLead']).toBeUndefined();
    await page.getByRole('button', { name: '封面信息' }).click();
    await expect.poll(() => dialog.locator('input[name="cover.leader"]').inputValue()).toBe('张三');
    await dialog.getByRole('button', { name: '取消' }).click();
    await dialog.waitFor({ state: 'detached' });
  });

  it('导出 Excel refuses the 报送版 while a 强制 rule fails, and downloads a 核对稿: a real .xlsx with numeric cells and the cover', async () => {
    // The unit option starts from the display unit.
    await page.getByRole('button', { name: '万元', exact: true }).click();
    await page.getByRole('button', { name: '导出 Excel' }).click();
    const dialog = page.getByRole('dialog', { name: '导出 Excel' });
    expect(await dialog.getByRole('radio', { name: '万元' }).isChecked()).toBe(true);
    await dialog.getByRole('radio', { name: '元', exact: true }).check();
    await dialog.getByRole('radio', { name: '留空' }).check();
    await shot('excel-02-export-dialog');
    // Only T03 is filled: 收入总计 ≠ 支出总计 (T01-5, 强制), so the version to submit is refused.
    await dialog.getByRole('button', { name: '导出', exact: true }).click();
    // The refusal is in the dialog, where the clerk is looking (the message bar is behind it).
    await expect.poll(() => dialog.getByRole('alert').textContent()).toContain('不能导出报送版');
    expect(await dialog.getByRole('alert').textContent()).toContain('T01-5');
    // The dialog stays open with the clerk's choices, so a 核对稿 is one click away.
    expect(await dialog.getByRole('radio', { name: '留空' }).isChecked()).toBe(true);
    await dialog.getByRole('radio', { name: /核对稿/ }).check();
    const [download] = await Promise.all([page.waitForEvent('download'), dialog.getByRole('button', { name: '导出', exact: true }).click()]);
    expect(download.suggestedFilename()).toBe(`${UNIT_NAME}2020年度部门决算公开表（核对稿）.xlsx`);
    const path = await download.path();
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile(path);
    const names = workbook.worksheets.map((s) => s.name);
    expect(names).toContain('公开03表');
    expect(names.filter((n) => /^公开\d\d表$/.test(n))).toHaveLength(10);
    const cells: ExcelJS.Cell[] = [];
    workbook.getWorksheet('公开03表')?.eachRow((row) => row.eachCell((cell) => cells.push(cell)));
    const amount = cells.filter((c) => c.value === 1200.5);
    expect(amount.length).toBeGreaterThan(0);
    expect(amount.every((c) => c.numFmt === '#,##0.00')).toBe(true);
    // Blank zeros: no cell of T03 holds a numeric 0.
    expect(cells.some((c) => c.value === 0)).toBe(false);
    const coverText: string[] = [];
    workbook.worksheets[0]?.eachRow((row) => row.eachCell((cell) => coverText.push(String(cell.value))));
    expect(coverText.join(' ')).toContain('张三');
    expect(coverText.join(' ')).toContain(UNIT_NAME);
    expect(coverText.join(' ')).toContain('不得报送');
    await expect.poll(() => message().textContent()).toContain('已导出');
    await page.getByRole('button', { name: '元', exact: true }).click();
  });

  it('导入 Excel previews the changes, writes nothing until 确认导入, then the grid shows them', async () => {
    const before = await stored();
    await page.locator('input[type="file"]').setInputFiles({
      name: '财政局下发.xlsx',
      mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
      buffer: Buffer.from(await workbookBytes([{ name: '说明', rows: [['本表由财政局下发']] }, bureauT03()])),
    });
    const dialog = page.getByRole('dialog', { name: '导入 Excel' });
    const changed = dialog.getByRole('region', { name: /修改的数值/ });
    await expect.poll(() => changed.textContent()).toContain('1,200.50 → 2,345.67');
    expect(await changed.textContent()).toContain('支出表!F9');
    expect(await dialog.getByRole('region', { name: '新填入的数值' }).textContent()).toContain('500.00');
    expect(await dialog.getByRole('region', { name: '新增的科目行' }).textContent()).toContain('2010302');
    expect(await dialog.getByRole('region', { name: '忽略的工作表' }).textContent()).toContain('说明');
    expect(await dialog.textContent()).toContain('文件金额单位：元');
    await shot('excel-03-import-preview');
    // The preview wrote nothing.
    expect(await stored()).toEqual(before);
    await dialog.getByRole('button', { name: '确认导入' }).click();
    await dialog.waitFor({ state: 'detached' });
    await expect.poll(() => message().textContent()).toContain('已导入“财政局下发.xlsx”');
    await openTab('公开03表');
    await expect.poll(() => t03('2010301', 'c2')).toBe('2,345.67');
    expect(await t03('2010302', 'c3')).toBe('500.00');
    expect(await cellText(gridCell(page, 0, '合计', 'c1', 'name'))).toBe('2,845.67');
    const after = await stored();
    expect(after['T03:2010301:c2']).toBe(234567);
    expect(after['T03:2010302:c3']).toBe(50000);
    await shot('excel-04-after-import');
  });

  it('取消 leaves the report as it was', async () => {
    const before = await stored();
    const changedT03 = bureauT03();
    changedT03.rows[8] = [201, 3, 1, '行政运行', null, '9,999.00', null];
    await page.locator('input[type="file"]').setInputFiles({
      name: 'again.xlsx',
      mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
      buffer: Buffer.from(await workbookBytes([changedT03])),
    });
    const dialog = page.getByRole('dialog', { name: '导入 Excel' });
    await expect.poll(() => dialog.textContent()).toContain('2,345.67 → 9,999.00');
    await dialog.getByRole('button', { name: '取消' }).click();
    await dialog.waitFor({ state: 'detached' });
    expect(await stored()).toEqual(before);
    expect(await t03('2010301', 'c2')).toBe('2,345.67');
  });

  it('a file that is not a workbook is refused with the reason; nothing changes', async () => {
    const before = await stored();
    await page.locator('input[type="file"]').setInputFiles({ name: '决算.xlsx', mimeType: 'text/plain', buffer: Buffer.from('这不是 Excel 文件') });
    await expect.poll(() => message().textContent()).toContain('未导入');
    expect(await message().textContent()).toContain('文件“决算.xlsx”不是 Excel 工作簿');
    expect(await page.locator('.message-bar').getAttribute('role')).toBe('alert');
    expect(await page.getByRole('dialog').count()).toBe(0);
    await shot('excel-05-refused');
    expect(await stored()).toEqual(before);
    expect(await t03('2010301', 'c2')).toBe('2,345.67');
  });

  it('the year picker offers last year (上年数), which opens for typing or import', async () => {
    const years = page.getByRole('combobox', { name: '年度' });
    expect(await years.locator('option').allTextContents()).toEqual(['2025 年度', '2024 年度', '2023 年度', '2022 年度', '2021 年度', '2020 年度', '2019 年度（上年数）']);
    await years.selectOption('2019');
    await openTab('公开03表');
    expect(await page.locator('.table-meta').textContent()).toContain(UNIT_NAME);
    await gridCell(page, 0, '2010301', '#code').waitFor({ state: 'detached' });
    await shot('excel-06-last-year');
    await years.selectOption('2020');
    await openTab('公开03表');
    await expect.poll(() => t03('2010301', 'c2')).toBe('2,345.67');
  });
});
