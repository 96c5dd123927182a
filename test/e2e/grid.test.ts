/**
 * Issue 8's proof in Chromium, at 1366×768 and 1920×1080: typing as in Excel, nothing lost or put on
 * the wrong row. One workstation for the file; each screen size works on its own unit.
 */
import ExcelJS from 'exceljs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { BrowserContext, Page } from 'playwright-core';
import { cellText, gridCell, openEditor, SHOTS, startWorkstation, type Workstation } from './harness';

let ws: Workstation;

beforeAll(async () => {
  ws = await startWorkstation();
});

afterAll(async () => {
  await ws?.close();
});

const SIZES = [
  { width: 1366, height: 768, unit: '530502101' },
  { width: 1920, height: 1080, unit: '530502102' },
] as const;

/** What a bounding-box check needs: the table's last row and right-most column against the grid's visible box. */
async function checkFits(page: Page, width: number, height: number): Promise<void> {
  const scroller = page.locator('.table-view .sheet-scroll');
  await scroller.evaluate((el) => {
    el.scrollTop = el.scrollHeight;
    el.scrollLeft = el.scrollWidth;
  });
  const view = await scroller.evaluate((el) => {
    const r = el.getBoundingClientRect();
    return { bottom: r.top + el.clientTop + el.clientHeight, right: r.left + el.clientLeft + el.clientWidth };
  });
  const lastRow = await page.locator('.table-view .sheet tbody tr').last().boundingBox();
  const lastHead = await page.locator('.table-view .sheet thead tr').first().locator('th').last().boundingBox();
  if (!lastRow || !lastHead) throw new Error('no boxes');
  expect(lastRow.y + lastRow.height).toBeLessThanOrEqual(view.bottom + 0.5);
  expect(lastHead.x + lastHead.width).toBeLessThanOrEqual(view.right + 0.5);
  expect(view.bottom).toBeLessThanOrEqual(height);
  expect(view.right).toBeLessThanOrEqual(width);
}

async function tabsOnOneLine(page: Page): Promise<void> {
  const boxes = await page.getByRole('tab').evaluateAll((els) => els.map((e) => e.getBoundingClientRect()).map((r) => ({ top: Math.round(r.top), right: r.right })));
  expect(new Set(boxes.map((b) => b.top)).size).toBe(1);
  const bar = await page.locator('.tabs').boundingBox();
  // Every tab is visible without scrolling the tab bar.
  expect(Math.max(...boxes.map((b) => b.right))).toBeLessThanOrEqual((bar?.x ?? 0) + (bar?.width ?? 0) + 0.5);
}

describe.each(SIZES)('the grid at $width×$height', ({ width, height, unit }) => {
  let context: BrowserContext;
  let page: Page;
  const ref = { unit, year: 2020 };
  const shot = (name: string) => page.screenshot({ path: join(SHOTS, `grid-${width}-${name}.png`) });
  const message = () => page.locator('.message-bar .message-text');
  const stored = async (key: string) => (await ws.services.api.openReport(ref)).inputs[key as `${string}:${string}:${string}`];

  async function openTab(code: string): Promise<void> {
    await page.getByRole('tab', { name: code, exact: true }).click();
    await page.locator(`.table-view[aria-label^="${code}"] .sheet tbody tr`).first().waitFor();
  }
  const cell = (row: string, col: string, side = 0) => gridCell(page, side, row, col);
  const text = (row: string, col: string, side = 0) => cellText(cell(row, col, side));

  beforeAll(async () => {
    const api = ws.services.api;
    await api.addUnit({ code: unit, name: `测试单位${width}`, kind: '行政单位' });
    await api.openReport(ref);
    await api.addRows({ ...ref, table: 'T03', rows: ['2010301', '2010302', '2080505'] });
    await api.addRows({ ...ref, table: 'T02', rows: ['2010301', '2010302', '2010350', '2080501', '2080505'] });
    await api.setSettings({ lastUnit: unit, lastYear: 2020 });
    context = await ws.browser.newContext({ viewport: { width, height }, locale: 'zh-CN' });
    await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: new URL(ws.host.url).origin });
    page = await context.newPage();
    page.setDefaultTimeout(10_000);
    await page.goto(ws.host.url);
    await page.getByRole('tab', { name: '公开01表', exact: true }).waitFor();
  });

  afterAll(async () => {
    await context?.close();
  });

  it('1000↓2000↓3000 Enter lands in three cells (公开06表 from 30106)', async () => {
    await openTab('公开06表');
    await cell('30106', 'c1').click();
    await page.keyboard.type('1000');
    await page.keyboard.press('ArrowDown');
    await page.keyboard.type('2000');
    await page.keyboard.press('ArrowDown');
    await page.keyboard.type('3000');
    await page.keyboard.press('Enter');
    await expect.poll(() => text('30108', 'c1')).toBe('3,000.00');
    expect(await text('30106', 'c1')).toBe('1,000.00');
    expect(await text('30107', 'c1')).toBe('2,000.00');
    expect(await cell('30109', 'c1').getAttribute('class')).toContain('cell-active');
    await expect.poll(() => stored('T06:30107:c1')).toBe(200000);
  });

  it('typing down a column with Enter across 类/款 rows puts every value on a 项', async () => {
    await openTab('公开03表');
    await cell('2010301', 'c2').click();
    for (const v of ['11', '22', '33']) {
      await page.keyboard.type(v);
      await page.keyboard.press('Enter');
    }
    await expect.poll(() => text('2080505', 'c2')).toBe('33.00');
    expect(await text('2010301', 'c2')).toBe('11.00');
    expect(await text('2010302', 'c2')).toBe('22.00');
    expect(await text('208', 'c2')).toBe('33.00');
    expect(await text('201', 'c2')).toBe('33.00');
  });

  it('a computed cell refuses typing in place, saying what it is, and keeps the focus', async () => {
    await cell('201', 'c2').click();
    await page.keyboard.type('5');
    await expect.poll(() => page.locator('.sheet-bubble').textContent()).toBe('类级合计，由下级科目自动汇总，不能直接填写');
    expect(await openEditor(page).count()).toBe(0);
    expect(await page.evaluate('document.activeElement?.className')).toContain('sheet-editor');
    await shot('computed-refused');
    // The keyboard is still in the grid: an arrow goes on to the next 项.
    await page.keyboard.press('ArrowDown');
    expect(await cell('2010301', 'c2').getAttribute('class')).toContain('cell-active');
    expect(await text('201', 'c2')).toBe('33.00');
  });

  it('Ctrl+C of a 3×4 block gives the TSV Excel reads', async () => {
    await cell('2010301', 'c1').click();
    await cell('2010302', 'c4').click({ modifiers: ['Shift'] });
    // Shift+arrows extend: one more line down makes it 3 × 4 (2010301, 2010302, the 208 类 line).
    await page.keyboard.press('Shift+ArrowDown');
    await page.keyboard.press('Control+C');
    await expect
      .poll(() => page.evaluate('navigator.clipboard.readText()'))
      .toBe('11.00\t11.00\t\t\r\n22.00\t22.00\t\t\r\n33.00\t33.00\t0.00\t0.00\r\n');
  });

  it('a ledger column of 项 values lands on consecutive 项 rows of 公开02表, stepping over 类/款 rows', async () => {
    await openTab('公开02表');
    await page.evaluate(`navigator.clipboard.writeText(${JSON.stringify('100\r\n200\r\n300\r\n400\r\n500\r\n')})`);
    await cell('2010301', 'c2').click();
    await page.keyboard.press('Control+V');
    await expect.poll(() => text('2080505', 'c2')).toBe('500.00');
    expect([await text('2010301', 'c2'), await text('2010302', 'c2'), await text('2010350', 'c2'), await text('2080501', 'c2')]).toEqual([
      '100.00',
      '200.00',
      '300.00',
      '400.00',
    ]);
    expect(await text('20805', 'c2')).toBe('900.00');
    await expect.poll(() => message().textContent()).toContain('已粘贴 5 个单元格（按项依次填入');
    expect(await cell('2080501', 'c2').getAttribute('class')).toContain('cell-pasted');
    await shot('ledger-paste');
    // One Ctrl+Z undoes the whole paste.
    await page.keyboard.press('Control+Z');
    await expect.poll(() => text('2080505', 'c2')).toBe('');
    expect(await text('2010301', 'c2')).toBe('');
    await expect.poll(() => message().textContent()).toContain('共 5 个单元格');
  });

  it('a block that is neither clearly a same-shape copy nor a ledger column offers a one-line choice; each choice lands as it says', async () => {
    await ws.services.api.addRows({ ...ref, table: 'T02', rows: ['2080502'] });
    await page.reload();
    await openTab('公开02表');
    // At 2010350, row for row: 1 falls on the 208 类 line (its total once 2080501 holds 1), 7 on the 20805 款 line (not its total).
    const clip = '200\r\n1\r\n7\r\n1\r\n';
    const choice = page.getByRole('group', { name: '选择粘贴方式' });
    const paste = async () => {
      await page.evaluate(`navigator.clipboard.writeText(${JSON.stringify(clip)})`);
      await cell('2010350', 'c2').click();
      await page.keyboard.press('Control+V');
      await choice.waitFor();
    };
    await paste();
    expect(await choice.textContent()).toContain('剪贴板内容可以两种方式粘贴');
    // Nothing is written before the clerk chooses.
    expect(await text('2010350', 'c2')).toBe('');
    await shot('paste-choice');
    await choice.getByRole('button', { name: '只填项行（依次跳过类、款行）' }).click();
    await expect.poll(() => text('2080505', 'c2')).toBe('1.00');
    expect([await text('2010350', 'c2'), await text('2080501', 'c2'), await text('2080502', 'c2')]).toEqual(['200.00', '1.00', '7.00']);
    expect(await choice.count()).toBe(0);
    await expect.poll(() => message().textContent()).toContain('已粘贴 4 个单元格（按项依次填入');
    await expect.poll(() => stored('T02:2080502:c2')).toBe(700);
    // The keyboard is back in the grid: one Ctrl+Z undoes the paste.
    await page.keyboard.press('Control+Z');
    await expect.poll(() => text('2080505', 'c2')).toBe('');

    await paste();
    await choice.getByRole('button', { name: '按行对应（含类、款行，同表格式）' }).click();
    await expect.poll(() => text('2010350', 'c2')).toBe('200.00');
    expect([await text('2080501', 'c2'), await text('2080502', 'c2'), await text('2080505', 'c2')]).toEqual(['1.00', '', '']);
    // The 7 at the 款 line could not land: listed with its text.
    await expect.poll(() => message().textContent()).toContain('未能写入 1 个值：“7”');
    await page.keyboard.press('Control+Z');
    await expect.poll(() => text('2010350', 'c2')).toBe('');

    // 取消 writes nothing.
    await paste();
    await choice.getByRole('button', { name: '取消' }).click();
    expect(await choice.count()).toBe(0);
    expect(await stored('T02:2010350:c2')).toBeUndefined();
  });

  it('a same-shape block copied from an exported workbook lands row for row', async () => {
    const file = await ws.services.api.exportXlsx({ ...ref, wan: false, blankZeros: false, draft: true });
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(new Uint8Array(Buffer.from(file.base64, 'base64')).buffer);
    const sheet = book.getWorksheet('公开03表');
    if (!sheet) throw new Error('no 公开03表 sheet');
    // From the 201 line down to 2080505, the 基本支出 and 项目支出 columns: 类/款 totals included.
    const lines: string[] = [];
    let on = false;
    sheet.eachRow((row) => {
      const code = String(row.getCell(1).value ?? '').trim();
      if (code === '201') on = true;
      if (!on) return;
      const v = (i: number) => {
        const x = row.getCell(i).value;
        return typeof x === 'number' ? x.toFixed(2) : '';
      };
      lines.push(`${v(4)}\t${v(5)}`);
      if (code === '2080505') on = false;
    });
    expect(lines).toHaveLength(7);
    // Clear the inputs, then paste the block back at 201: the 项 get their values, the totals are not written.
    await ws.services.api.setCells({
      ...ref,
      edits: ['2010301', '2010302', '2080505'].map((row) => ({ table: 'T03', row, col: 'c2', value: null })),
    });
    await page.reload();
    await openTab('公开03表');
    await expect.poll(() => text('2010301', 'c2')).toBe('');
    await page.evaluate(`navigator.clipboard.writeText(${JSON.stringify(lines.join('\r\n') + '\r\n')})`);
    await cell('201', 'c2').click();
    await page.keyboard.press('Control+V');
    await expect.poll(() => text('2080505', 'c2')).toBe('33.00');
    expect(await text('2010301', 'c2')).toBe('11.00');
    expect(await text('2010302', 'c2')).toBe('22.00');
    await expect.poll(() => message().textContent()).toContain('（按行对应）');
    await expect.poll(() => message().textContent()).toContain('合计值与本表自动计算一致');
  });

  it('switching tab and reloading in the middle of typing keep the value', async () => {
    await cell('2010302', 'c3').click();
    await page.keyboard.type('777');
    await page.getByRole('tab', { name: '公开01表', exact: true }).click();
    await expect.poll(() => stored('T03:2010302:c3')).toBe(77700);
    await openTab('公开03表');
    await cell('2010301', 'c3').click();
    await page.keyboard.type('888');
    await page.reload();
    await openTab('公开03表');
    await expect.poll(() => text('2010301', 'c3')).toBe('888.00');
    expect(await text('2010302', 'c3')).toBe('777.00');
  });

  it('an input method composition into a selected cell keeps every character', async () => {
    await cell('2080505', 'c3').click();
    const cdp = await context.newCDPSession(page);
    await cdp.send('Input.imeSetComposition', { text: '45', selectionStart: 2, selectionEnd: 2 });
    await cdp.send('Input.imeSetComposition', { text: '456', selectionStart: 3, selectionEnd: 3 });
    await cdp.send('Input.insertText', { text: '456' });
    await cdp.detach();
    await expect.poll(() => openEditor(page).inputValue()).toBe('456');
    await page.keyboard.press('Enter');
    await expect.poll(() => text('2080505', 'c3')).toBe('456.00');
  });

  it('undo works across tables: it opens the table, selects the cell and says what it undid', async () => {
    await openTab('公开02表');
    await page.keyboard.press('Control+Z');
    await page.locator('.table-view[aria-label^="公开03表"]').waitFor();
    // Before the composition the cell held the 0.00 pasted from the workbook.
    await expect.poll(() => text('2080505', 'c3')).toBe('0.00');
    expect(await cell('2080505', 'c3').getAttribute('class')).toContain('cell-active');
    await expect.poll(() => message().textContent()).toBe('已撤销：公开03表 行“2080505 机关事业单位基本养老保险缴费支出”列“项目支出（栏次 3）” 456.00 → 0.00');
    await page.keyboard.press('Control+Y');
    await expect.poll(() => text('2080505', 'c3')).toBe('456.00');
  });

  it('the undo history survives a reload', async () => {
    await cell('2010302', 'c4').click();
    await page.keyboard.type('64');
    await page.keyboard.press('Enter');
    await expect.poll(() => text('2010302', 'c4')).toBe('64.00');
    // Shown at once; stored (with its undo step) once the save status says so.
    await expect.poll(() => page.locator('.save-status').textContent()).toBe('已保存');
    await page.reload();
    await openTab('公开03表');
    await expect.poll(() => text('2010302', 'c4')).toBe('64.00');
    await page.keyboard.press('Control+Z');
    await expect.poll(() => text('2010302', 'c4')).toBe('');
    await expect.poll(() => message().textContent()).toContain('已撤销：公开03表 行“2010302 一般行政管理事务”');
    await expect.poll(() => stored('T03:2010302:c4')).toBeUndefined();
  });

  it('the last row and the right-most column are inside the view; tabs on one line', async () => {
    await tabsOnOneLine(page);
    for (const code of ['公开05表', '公开01表', '公开06表']) {
      await openTab(code);
      await checkFits(page, width, height);
      await shot(`layout-${code}`);
    }
  });

  it('a column narrowed at its header edge keeps its width for its table; an amount too wide shows ####', async () => {
    await openTab('公开03表');
    const head = page.locator('.table-view .sheet thead th[data-col="s0:c2"]');
    const handle = head.locator('.col-resize');
    const before = await head.boundingBox();
    const grip = await handle.boundingBox();
    if (!before || !grip) throw new Error('no header box');
    await page.mouse.move(grip.x + grip.width / 2, grip.y + grip.height / 2);
    await page.mouse.down();
    await page.mouse.move(grip.x + grip.width / 2 - (before.width - 64), grip.y + grip.height / 2, { steps: 4 });
    await page.mouse.up();
    const narrowed = (await head.boundingBox())?.width ?? 0;
    expect(Math.abs(narrowed - 64)).toBeLessThanOrEqual(2);
    await cell('2010301', 'c2').click();
    await page.keyboard.type('123456789');
    await page.keyboard.press('Enter');
    // Never a number with digits cut off: the cell shows #### and the value is its tooltip.
    await expect.poll(() => cell('2010301', 'c2').getAttribute('title')).toBe('123,456,789.00');
    expect(await text('2010301', 'c2')).toMatch(/^#{3,}$/);
    await shot('hashes');
    // The width is the table's own: another table does not take it, and coming back (or reloading) keeps it.
    await openTab('公开02表');
    const other = (await page.locator('.table-view .sheet thead th[data-col="s0:c2"]').boundingBox())?.width ?? 0;
    expect(other).toBeGreaterThan(100);
    await page.reload();
    await openTab('公开03表');
    expect(Math.abs(((await head.boundingBox())?.width ?? 0) - narrowed)).toBeLessThanOrEqual(1);
  });
});

describe('the grid at 1366×768 with the system zoom at 125 %', () => {
  it('fits: tabs on one line, the last row and the right-most column reachable', async () => {
    // 125 % zoom: a 1366×768 screen gives the page 1093×614 CSS pixels at a device scale of 1.25.
    const context = await ws.browser.newContext({ viewport: { width: 1093, height: 614 }, deviceScaleFactor: 1.25, locale: 'zh-CN' });
    try {
      const page = await context.newPage();
      await page.goto(ws.host.url);
      await page.getByRole('tab', { name: '公开01表', exact: true }).waitFor();
      await tabsOnOneLine(page);
      for (const code of ['公开05表', '公开01表', '公开06表']) {
        await page.getByRole('tab', { name: code, exact: true }).click();
        await page.locator(`.table-view[aria-label^="${code}"] .sheet tbody tr`).first().waitFor();
        await checkFits(page, 1093, 614);
        await page.screenshot({ path: join(SHOTS, `grid-zoom125-${code}.png`) });
      }
    } finally {
      await context.close();
    }
  });
});
