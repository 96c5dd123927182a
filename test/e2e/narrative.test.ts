/**
 * Issue 5's end-to-end scenario in Chromium: figures typed in T03, the 情况说明 generated from them,
 * the text following a changed figure, a clerk field, a bad number in a form, typed 上年数, a hand
 * rewrite with a wrong amount flagged by the N-check, and the .docx / .txt exports downloaded.
 */
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { gridCell, SHOTS, startWorkstation, type Workstation, typeIntoCell } from './harness';

let ws: Workstation;
let page: Page;

const UNIT = '保山市隆阳区政务服务管理局';
const shot = (name: string) => page.screenshot({ path: join(SHOTS, `${name}.png`) });
const paragraph = (id: string) => page.locator(`[data-paragraph="${id}"]`);
const paragraphText = async (id: string) => ((await paragraph(id).locator('p').first().textContent()) ?? '').trim();

async function openTab(name: RegExp): Promise<void> {
  await page.getByRole('tab', { name }).first().click();
}

async function openT03(): Promise<void> {
  await openTab(/公开03表/);
  await page.locator('.table-view[aria-label^="公开03表"] .sheet tbody tr').first().waitFor();
}

async function openNarrative(): Promise<void> {
  await page.getByRole('tab', { name: '情况说明', exact: true }).click();
  await page.locator('.narrative-view .nv-title').waitFor();
}

const typeInto = (rowCode: string, col: string, text: string) => typeIntoCell(page, gridCell(page, 0, rowCode, col), text);

async function fillField(key: string, text: string): Promise<void> {
  const box = page.locator(`[data-field-key="${key}"]`);
  await box.fill(text);
  await box.press('Tab');
}

beforeAll(async () => {
  ws = await startWorkstation();
  page = ws.page;
  await ws.services.api.addUnit({ code: '530502001', name: UNIT, kind: '行政单位' });
});

afterAll(async () => {
  await ws?.close();
});

describe('情况说明 in Chromium', () => {
  it('figures typed in T03 appear in the generated text with their shares', async () => {
    await page.goto(ws.host.url);
    await openT03();
    const input = page.locator('.subject-input');
    await input.fill('2010301');
    await page.locator('.subject-options li', { hasText: '2010301' }).first().waitFor();
    await input.press('Enter');
    await gridCell(page, 0, '2010301', '#code').waitFor();
    await typeInto('2010301', 'c2', '3000');
    await typeInto('2010301', 'c3', '1000');
    await expect.poll(() => page.locator('.save-status').textContent()).toBe('已保存');

    await openNarrative();
    await expect
      .poll(() => paragraphText('expense'))
      .toContain(`${UNIT}2020年度支出合计4000.00元。其中：基本支出3000.00元，占总支出的75.00%；项目支出1000.00元，占总支出的25.00%；`);
    // Generated figures are marked as such; the clerk's missing texts are highlighted.
    await expect.poll(() => paragraph('expense').locator('.nv-number').allTextContents()).toEqual(['4000.00元', '3000.00元', '75.00%', '1000.00元', '25.00%', '0.00元', '0.00%']);
    expect(await paragraph('duties').locator('.nv-empty').textContent()).toBe('«主要职能»');
    expect(await page.locator('.nv-toolbar .nv-source').textContent()).toContain('数据库中没有本单位2019年度报表，也未填写上年数');
    // Zero items are listed by default (S001); last year is unknown, so no comparison is written.
    expect(await paragraphText('expense')).toContain('对附属单位补助支出共0.00元，占总支出的0.00%。无上年可比数据。');
    await shot('n01-narrative-generated');
  });

  it('changing a figure in the grid changes the text', async () => {
    await openT03();
    await typeInto('2010301', 'c2', '5000');
    await expect.poll(() => page.locator('.save-status').textContent()).toBe('已保存');
    await openNarrative();
    await expect
      .poll(() => paragraphText('expense'))
      .toContain('支出合计6000.00元。其中：基本支出5000.00元，占总支出的83.33%；项目支出1000.00元，占总支出的16.67%；');
  });

  it('a clerk field fills its place; a bad number in a form is refused in Chinese', async () => {
    await fillField('narrative.mainDuties', '负责全区政务服务管理和公共资源交易监督管理工作。');
    await expect.poll(() => paragraphText('duties')).toBe('负责全区政务服务管理和公共资源交易监督管理工作。');
    expect(await paragraph('duties').locator('.nv-empty').count()).toBe(0);

    await page.getByRole('tab', { name: /^基本情况/ }).click();
    await fillField('info.unitCount', '两个');
    await expect.poll(() => page.locator('.nv-field-error').first().textContent()).toContain('纳入决算编报的单位数（个）');
    expect(await paragraphText('units')).toContain('共«纳入决算编报的单位数»个');
    await shot('n02-form-error');
    await fillField('info.unitCount', '1');
    await expect.poll(() => paragraphText('units')).toContain('单位共1个');
    expect(await page.locator('.nv-field-error').count()).toBe(0);
    const stored = await ws.services.api.openReport({ unit: '530502001', year: 2020 });
    expect(stored.texts['info.unitCount']).toBe('1');
    expect(stored.texts['narrative.mainDuties']).toBe('负责全区政务服务管理和公共资源交易监督管理工作。');
  });

  it('上年数 typed by hand are used and the source says so', async () => {
    await page.getByRole('tab', { name: '上年数' }).click();
    await fillField('prev.T03.TOTAL.c2', '4000');
    await expect.poll(() => page.locator('.nv-toolbar .nv-source').textContent()).toContain('上年数使用手工填写的数字');
    await expect.poll(() => paragraphText('basic')).toContain('日常支出5000.00元。与上年对比增加1000.00元，增长25.00%，主要原因分析：«基本支出增减主要原因»。');
    await shot('n03-prev-typed');
  });

  it('a hand rewrite with a wrong amount is flagged by the check', async () => {
    const para = paragraph('expense');
    await para.hover();
    await para.getByRole('button', { name: '改写' }).click();
    const box = para.getByRole('textbox', { name: '改写段落' });
    const generated = await box.inputValue();
    expect(generated).toContain('支出合计6000.00元');
    await box.fill(generated.replace('支出合计6000.00元', '支出合计6500.00元').replace('主要原因分析', '主要原因'));
    await para.getByRole('button', { name: '保存改写' }).click();
    await expect.poll(() => para.locator('.nv-para-checks').textContent()).toContain('“6500.00元”与报表不符，应为“6000.00元”');
    expect(await para.locator('.nv-edited-badge').textContent()).toBe('已改写');
    expect(await page.locator('.nv-checks').textContent()).toContain('6500.00元');
    // The audit panel lists the same check as a 提示, in its 情况说明 group.
    const group = page.locator('.audit-panel section[aria-label="情况说明"]');
    await expect.poll(() => group.textContent()).toContain('“6500.00元”与报表不符');
    await shot('n04-rewrite-flagged');
    // The rewrite follows no figure: the check does, once the grid changes again.
    const stored = await ws.services.api.openReport({ unit: '530502001', year: 2020 });
    expect(stored.texts['narrative.edit.expense']).toContain('6500.00元');
  });

  it('exporting with «…» unfilled lists them and asks; a listed item leads to its field', async () => {
    await page.getByRole('button', { name: '导出 Word（.docx）' }).click();
    const dialog = page.getByRole('dialog', { name: '情况说明尚未填完' });
    await dialog.waitFor();
    const items = await dialog.getByRole('list', { name: '未填写的内容' }).locator('li').allTextContents();
    expect(items).toContain('«重点工作任务»（二）重点工作任务');
    expect(items.some((t) => t.startsWith('«政府采购支出总额»'))).toBe(true);
    await page.setViewportSize({ width: 1366, height: 768 });
    await shot('n06-unfilled-confirm-1366');
    await dialog.getByRole('button', { name: '«重点工作任务»' }).click();
    expect(await dialog.count()).toBe(0);
    await expect.poll(() => page.evaluate("document.activeElement?.getAttribute('data-field-key')")).toBe('narrative.keyTasks');
  });

  it('exports the document as .docx and .txt once the clerk confirms', async () => {
    const confirmed = async (button: string, confirm: string) => {
      await page.getByRole('button', { name: button }).click();
      const [file] = await Promise.all([page.waitForEvent('download'), page.getByRole('dialog').getByRole('button', { name: confirm }).click()]);
      return { name: file.suggestedFilename(), bytes: await readFile(await file.path()) };
    };
    const docx = await confirmed('导出 Word（.docx）', '仍然导出 Word');
    expect(docx.name).toBe(`${UNIT}2020年度部门决算情况说明.docx`);
    expect(docx.bytes.subarray(0, 2).toString('latin1')).toBe('PK');
    expect(docx.bytes.includes(Buffer.from('word/document.xml'))).toBe(true);
    const txt = await confirmed('导出文本（.txt）', '仍然导出文本');
    expect(txt.name).toBe(`${UNIT}2020年度部门决算情况说明.txt`);
    const text = txt.bytes.toString('utf8');
    expect(text).toContain('支出合计6500.00元');
    expect(text).toContain('负责全区政务服务管理和公共资源交易监督管理工作。');
    await expect.poll(() => page.locator('.message-bar .message-text').textContent()).toContain('已导出');
  });

  it('元 / 万元 and 只列非零项 are saved as the report\'s options', async () => {
    await page.getByRole('group', { name: '情况说明金额单位' }).getByRole('button', { name: '万元' }).click();
    await expect.poll(() => paragraphText('basic')).toContain('日常支出0.50万元');
    await page.getByRole('button', { name: '只列非零项' }).click();
    await expect.poll(() => page.getByRole('button', { name: '只列非零项' }).getAttribute('aria-pressed')).toBe('true');
    const stored = await ws.services.api.openReport({ unit: '530502001', year: 2020 });
    expect(stored.texts['narrative.option.unit']).toBe('万元');
    expect(stored.texts['narrative.option.zeroItems']).toBe('nonZero');
    await shot('n05-wanyuan');
  });

  it('number style (100%, 0元, thousands separators) and an edited standard paragraph are kept with the report', async () => {
    await page.getByRole('group', { name: '情况说明金额单位' }).getByRole('button', { name: '元', exact: true }).click();
    await page.getByRole('group', { name: '百分比' }).getByRole('button', { name: '100%', exact: true }).click();
    await page.getByRole('group', { name: '零金额' }).getByRole('button', { name: '0元', exact: true }).click();
    await page.getByRole('group', { name: '千分位' }).getByRole('button', { name: '1,234.56' }).click();
    await page.getByRole('button', { name: '全部列出' }).click();
    await expect.poll(() => paragraphText('income')).toContain('收入合计0元。');
    await expect.poll(() => paragraphText('basic')).toContain('日常支出5,000.00元。与上年对比增加1,000.00元，增长25%');
    const term = paragraph('term1');
    await term.hover();
    await term.getByRole('button', { name: '修改' }).click();
    await term.getByRole('textbox', { name: '修改标准文字' }).fill('一、财政拨款收入：指区财政当年拨付的资金。');
    await term.getByRole('button', { name: '保存修改' }).click();
    await expect.poll(() => term.locator('.nv-edited-badge').textContent()).toBe('已修改（本报表）');
    await term.scrollIntoViewIfNeeded();
    await shot('n07-style-and-standard-text-1366');
    const stored = await ws.services.api.openReport({ unit: '530502001', year: 2020 });
    expect(stored.texts['narrative.option.percent']).toBe('100%');
    expect(stored.texts['narrative.option.zeroAmount']).toBe('0元');
    expect(stored.texts['narrative.option.grouping']).toBe('grouped');
    expect(stored.texts['narrative.edit.term1']).toBe('一、财政拨款收入：指区财政当年拨付的资金。');
    // The 三公 paragraphs are complete at zero: 预算数, 决算数, each item, every count.
    await paragraph('sgTotal').scrollIntoViewIfNeeded();
    expect(await paragraphText('sgTotal')).toContain('“三公”经费支出预算为0元，支出决算为0元，未发生支出。其中：因公出国（境）费支出预算为0元');
    expect(await paragraphText('sgReception')).toContain('共安排国内公务接待0批次（其中：外事接待0批次），接待人次0人（其中：外事接待人次0人）');
    await shot('n08-sangong-1366');
    const txt = await ws.services.api.exportNarrative({ unit: '530502001', year: 2020, format: 'txt', allowUnfilled: true });
    expect(Buffer.from(txt.base64, 'base64').toString('utf8')).toContain('一、财政拨款收入：指区财政当年拨付的资金。');
  });
});
