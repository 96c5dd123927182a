/**
 * Issue 12 in Chromium: a project entered in the register, its 自评表 filled, the score and grade
 * following each keystroke of an indicator, a 定性 score outside its band refused at its place, all of it
 * kept after a reload; the 部门整体 form and the 自评报告 written from the numbers. Screenshots at
 * 1366×768 and 1920×1080 go to test-results/.
 */
import { join } from 'node:path';
import type { Locator, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { S002_UNIT, seedS002Tables } from '../shared/perf/s002Fixture';
import { SHOTS, startWorkstation, type Workstation } from './harness';

let ws: Workstation;
let page: Page;

const shot = (name: string) => page.screenshot({ path: join(SHOTS, `${name}.png`) });
const sheet = () => page.locator('section[aria-label^="项目支出绩效自评表"]');
const rows = () => sheet().locator('.perf-indicators tbody tr');
const score = (row: number) => rows().nth(row).locator('.perf-score-value');
const total = () => sheet().getByTestId('project-total');
const gradeOf = () => sheet().getByTestId('project-grade');

/** Types into a field of the form and leaves it (Tab), as a clerk does; the value is saved on leaving. */
async function enter(box: Locator, text: string): Promise<void> {
  await box.click();
  await box.fill(text);
  await box.press('Tab');
}

async function choose(box: Locator, value: string): Promise<void> {
  await box.selectOption(value);
}

beforeAll(async () => {
  ws = await startWorkstation();
  page = ws.page;
  const api = ws.services.api;
  await api.addUnit({ code: S002_UNIT.code, name: S002_UNIT.name, kind: '行政单位' });
  const ref = { unit: S002_UNIT.code, year: 2020 };
  await seedS002Tables(api, ref);
  await api.setSettings({ lastUnit: S002_UNIT.code, lastYear: 2020 });
});

afterAll(async () => {
  await ws?.close();
});

afterEach(async (ctx) => {
  if (ctx.task.result?.state === 'fail') await shot(`perf-failed-${ctx.task.name.slice(0, 12)}`);
});

describe('绩效自评 in Chromium', () => {
  it('enters a project, fills its 自评表 and scores it as indicators are typed', async () => {
    await page.setViewportSize({ width: 1366, height: 768 });
    await page.goto(ws.host.url);
    await page.getByRole('tab', { name: '绩效自评' }).click();
    await page.locator('.perf-view').waitFor();
    await page.getByRole('button', { name: '＋ 新增项目' }).click();
    await sheet().waitFor();

    await enter(sheet().getByLabel('项目名称', { exact: true }), '“12345”市民服务热线工作经费');
    await enter(page.locator('.perf-register').getByLabel('“12345”市民服务热线工作经费 功能科目'), '2010302');
    await enter(sheet().getByLabel('年初预算数（本年财政拨款）'), '235000');
    await enter(sheet().getByLabel('全年预算数（本年财政拨款）'), '235000');
    await enter(sheet().getByLabel('全年执行数（本年财政拨款）'), '182100');
    await expect.poll(() => sheet().getByTestId('fund-rate').textContent()).toBe('77.49%');
    expect(await sheet().getByTestId('fund-score').textContent()).toBe('7.75');
    // Only the 资金 line so far: no total until an indicator is there.
    expect(await total().textContent()).toBe('—');

    // 产出指标, 定量 正向: the score follows each keystroke, before the value is saved.
    await sheet().getByRole('button', { name: '＋ 产出指标' }).click();
    await rows().first().waitFor();
    await enter(rows().nth(0).getByLabel('指标 三级指标'), '热线工单签收数');
    await enter(rows().nth(0).getByLabel('热线工单签收数 分值'), '50');
    await enter(rows().nth(0).getByLabel('热线工单签收数 年度指标值'), '60000');
    const actual = rows().nth(0).getByLabel('热线工单签收数 实际完成值');
    await actual.click();
    await actual.pressSequentially('4500');
    expect(await score(0).textContent()).toBe('3.75');
    await actual.pressSequentially('0');
    expect(await score(0).textContent()).toBe('37.50');
    // 7.7489… + 37.5 over 60 applicable points, rescaled to 100: 75.41.
    expect(await total().textContent()).toBe('75.41');
    await actual.press('Tab');

    // 效益指标, 定性: a score outside the chosen band is refused at its place, one inside it lands.
    await sheet().getByRole('button', { name: '＋ 效益指标' }).click();
    await rows().nth(1).waitFor();
    await enter(rows().nth(1).getByLabel('指标 三级指标'), '群众诉求解决情况');
    await choose(rows().nth(1).getByLabel('群众诉求解决情况 指标性质'), '定性');
    await enter(rows().nth(1).getByLabel('群众诉求解决情况 分值'), '30');
    await choose(rows().nth(1).getByLabel('群众诉求解决情况 评价档次'), '部分达成年度指标');
    const given = rows().nth(1).getByLabel('群众诉求解决情况 得分');
    await enter(given, '28');
    const refusal = rows().nth(1).getByRole('alert');
    await expect.poll(() => refusal.textContent()).toContain('评为“部分达成年度指标”时得分应在15.00至24.00分之间');
    expect(await given.getAttribute('aria-invalid')).toBe('true');
    await shot('perf-refused-1366');
    await enter(given, '21');
    await expect.poll(() => refusal.count()).toBe(0);
    expect(await score(1).textContent()).toBe('21.00');

    // 满意度指标: met → full marks. Total 7.7489 + 37.5 + 21 + 10 = 76.25, 中.
    await sheet().getByRole('button', { name: '＋ 满意度指标' }).click();
    await rows().nth(2).waitFor();
    await enter(rows().nth(2).getByLabel('指标 三级指标'), '回访满意度');
    await enter(rows().nth(2).getByLabel('回访满意度 分值'), '10');
    await enter(rows().nth(2).getByLabel('回访满意度 年度指标值'), '≥95%');
    await enter(rows().nth(2).getByLabel('回访满意度 实际完成值'), '97.5%');
    await expect.poll(() => total().textContent()).toBe('76.25');
    expect(await gradeOf().textContent()).toBe('中');

    // Typing 60000 over 45000 moves the total to 88.75 (良) and then, 分值 back to full, the grade follows live.
    const again = rows().nth(0).getByLabel('热线工单签收数 实际完成值');
    await again.click();
    await again.fill('60000');
    expect(await total().textContent()).toBe('88.75');
    expect(await gradeOf().textContent()).toBe('良');
    await again.press('Tab');
    await expect.poll(() => page.getByTestId('register-score-1').textContent()).toBe('88.75');
    await shot('perf-sheet-1366');
    await page.setViewportSize({ width: 1920, height: 1080 });
    await shot('perf-sheet-1920');

    // Everything typed is in the database: a reload shows the same 自评表.
    await page.reload();
    await page.getByRole('tab', { name: '绩效自评' }).click();
    await sheet().waitFor();
    await expect.poll(() => total().textContent()).toBe('88.75');
    expect(await rows().nth(1).getByLabel('群众诉求解决情况 得分').inputValue()).toBe('21');
    const stored = await ws.services.api.perfState({ unit: S002_UNIT.code, year: 2020 });
    expect(stored.data.projects.map((p) => [p.name, p.funcCode, p.executed[0]])).toEqual([['“12345”市民服务热线工作经费', '2010302', 18210000]]);
    // Σ 全年执行数 of the one project against 项目支出 of 公开03表: a 提示 with both figures.
    expect(await page.locator('.perf-checks').textContent()).toContain('项目库中各项目全年执行数合计 182,100.00元');
  });

  it('fills the 部门整体 form and writes the 自评报告 from the numbers', async () => {
    await page.setViewportSize({ width: 1366, height: 768 });
    await page.getByRole('button', { name: '部门整体支出绩效自评表' }).click();
    const dept = page.locator('section[aria-label="部门整体支出绩效自评表"]');
    await dept.waitFor();
    await dept.getByRole('button', { name: '＋ 重点工作任务' }).click();
    await enter(dept.getByLabel('重点工作任务1 批复金额'), '235000');
    await enter(dept.getByLabel('重点工作任务1 实际支出金额'), '182100');
    await dept.getByRole('button', { name: '＋ 产出指标' }).click();
    await enter(dept.getByLabel('指标 三级指标'), '发布权责清单');
    await enter(dept.getByLabel('发布权责清单 分值'), '90');
    await enter(dept.getByLabel('发布权责清单 年度指标值'), '4');
    await enter(dept.getByLabel('发布权责清单 实际完成值'), '4');
    // 7.75 + 90 = 97.75, 优.
    await expect.poll(() => dept.getByTestId('dept-total').textContent()).toBe('97.75');
    expect(await dept.getByTestId('dept-grade').textContent()).toBe('优');
    await shot('perf-dept-1366');

    await page.getByRole('button', { name: '自评报告' }).click();
    const doc = page.locator('article[aria-label="自评报告全文"]');
    await expect.poll(() => doc.textContent()).toContain('“12345”市民服务热线工作经费年初预算23.50万元，实际支出18.21万元，执行率为77.49%');
    expect(await doc.textContent()).toContain('部门整体支出绩效自评得分97.75分，自评等级为“优”。');
    expect(await doc.textContent()).toContain('«部门基本情况»');
    await enter(page.getByLabel('部门基本情况', { exact: true }), '雨花区行政审批服务局是区政府工作部门。');
    await expect.poll(() => doc.textContent()).toContain('雨花区行政审批服务局是区政府工作部门。');
    await shot('perf-report-1366');
    await page.setViewportSize({ width: 1920, height: 1080 });
    await shot('perf-report-1920');
  });
});
