/**
 * The import preview in Chromium for a file the importer cannot read whole: a table it cannot take
 * shown in red as 不会导入, an unreadable cell whose stored figure is kept, two sheets claiming the
 * 三公 table (the clerk chooses; 确认导入 waits for the choice), and what the import replaces.
 * Screenshots at 1366×768 and 1920×1080.
 */
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ReportEngine } from '../../shared/engine/reportEngine';
import { exportWorkbook } from '../../electron/services/excel/exportWorkbook';
import { balancedData } from '../shared/audit/auditFixtures';
import { insertSheet, loadWorkbook, sanGong12Rows, saveWorkbook } from '../electron/services/excel/workbookEdit';
import { SHOTS, startWorkstation, type Workstation } from './harness';

let ws: Workstation;
let page: Page;

const UNIT = '530502010';
const UNIT_NAME = '保山市隆阳区政务服务管理局';
const ref = { unit: UNIT, year: 2020 };
const stored = async () => (await ws.services.api.openReport(ref)).inputs;

beforeAll(async () => {
  ws = await startWorkstation();
  page = ws.page;
  await ws.services.api.addUnit({ code: UNIT, name: UNIT_NAME, kind: '行政单位' });
  const data = balancedData();
  await ws.services.api.openReport(ref);
  for (const [table, codes] of Object.entries(data.rows)) await ws.services.api.addRows({ ...ref, table, rows: codes });
  const edits = Object.entries(data.inputs).map(([key, value]) => {
    const [table = '', row = '', col = ''] = key.split(':');
    return { table, row, col, value };
  });
  await ws.services.api.setCells({ ...ref, edits });
});

afterAll(async () => {
  await ws?.close();
});

async function bureauFile(): Promise<Buffer> {
  const pack = await ws.services.api.getPack({ packId: 'yn-2020' });
  const engine = new ReportEngine(pack, balancedData());
  const unit = { code: UNIT, name: UNIT_NAME, kind: '行政单位' as const, parent: null };
  const workbook = await loadWorkbook(new Uint8Array(await exportWorkbook({ pack, engine, unit, year: 2020, texts: {}, options: { unit: '元', blankZeros: false } })));
  const { rows, merges } = sanGong12Rows([68000, 55000, 0, 0, 60000, 50000, 20000, 20000, 40000, 30000, 8000, 5000]);
  insertSheet(workbook, '三公经费', 3, rows, merges);
  insertSheet(workbook, '项目支出', 6, [['一般公共预算财政拨款项目支出决算表'], ['单位：元'], ['项目名称', '金额'], ['信息化建设', 5000]]);
  workbook.getWorksheet('公开03表')!.eachRow((row) => {
    if (row.getCell(1).value === '2010301') {
      row.getCell(4).value = '-609,418.1O';
      row.getCell(5).value = 220000;
    }
  });
  return Buffer.from(await saveWorkbook(workbook));
}

describe('import preview of a file that cannot be read whole', () => {
  it('shows 不会导入 in red, keeps the unreadable cell, asks which 三公 sheet to use, then imports what it can', async () => {
    await page.goto(ws.host.url);
    await page.getByRole('tab', { name: /公开03表/ }).click();
    const before = await stored();
    await page.locator('input[type="file"]').setInputFiles({
      name: '财政局下发.xlsx',
      mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
      buffer: await bureauFile(),
    });
    const dialog = page.getByRole('dialog', { name: '导入 Excel' });
    const refused = dialog.getByRole('region', { name: '不会导入的表' });
    await expect.poll(() => refused.textContent()).toContain('不会导入：一般公共预算财政拨款项目支出决算表');
    expect(await refused.locator('li').first().evaluate((li) => li.ownerDocument.defaultView?.getComputedStyle(li).color)).toBe('rgb(185, 28, 28)');
    const chooser = dialog.getByRole('group', { name: /选择.*所在的工作表/ });
    expect(await chooser.textContent()).toContain('使用工作表“三公经费”');
    expect(await chooser.textContent()).toContain('使用工作表“公开09表”');
    const confirm = dialog.getByRole('button', { name: /确认导入/ });
    expect(await confirm.isDisabled()).toBe(true);
    expect(await dialog.getByRole('region', { name: '未能读取、保留原数的单元格' }).textContent()).toContain('保留 800,000.00');
    expect(await dialog.textContent()).toContain(`导入将替换单位 ${UNIT} ${UNIT_NAME} 2020 年度的报表中`);
    await page.setViewportSize({ width: 1366, height: 768 });
    await page.screenshot({ path: join(SHOTS, 'import-01-unread-and-choose-1366.png') });

    await chooser.getByRole('radio', { name: '使用工作表“公开09表”' }).check();
    await expect.poll(() => dialog.getByRole('group').count()).toBe(0);
    expect(await dialog.getByRole('region', { name: '忽略的工作表' }).textContent()).toContain('已按选择使用“公开09表”');
    await expect.poll(() => confirm.textContent()).toBe('确认导入（不完整）');
    expect(await confirm.isDisabled()).toBe(false);
    await page.setViewportSize({ width: 1920, height: 1080 });
    await page.screenshot({ path: join(SHOTS, 'import-02-chosen-1920.png') });
    expect(await stored()).toEqual(before);

    await confirm.click();
    await dialog.waitFor({ state: 'detached' });
    const after = await stored();
    expect(after['T03:2010301:c2']).toBe(before['T03:2010301:c2']);
    expect(after['T03:2010301:c3']).toBe(22_000_000);
    await page.setViewportSize({ width: 1440, height: 900 });
  });
});
