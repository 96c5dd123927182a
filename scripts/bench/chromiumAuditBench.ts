/**
 * Keystroke to audit panel in Chromium: the built workstation through the loopback web host on a
 * full-size report, 200 amounts typed into T03 as a clerk types them (select, digits, Enter). The
 * page's own performance marks (renderer/src/audit/auditPerf.ts) time each edit from the Enter that
 * commits it — engine, audit, panel render — to the panel showing the result; the store write over
 * HTTP goes on meanwhile and is timed on its own.
 */
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { chromium } from 'playwright-core';
import type { CellKey } from '../../shared/api/contract';
import type { Pack } from '../../shared/pack/model';
import { createApi } from '../../electron/services/api';
import { jsonFileSettings } from '../../electron/services/settings/jsonFileSettings';
import { ReportStore } from '../../electron/services/store/reportStore';
import { startWebHost } from '../../electron/web/server';
import { KEYSTROKE_GRID_MEASURE, KEYSTROKE_MEASURE, PASTE_MEASURE } from '../../renderer/src/audit/perfNames';
import { seededRandom, type FullSizeReport } from './fullSizeReport';
import { ms, printFigures, quantile } from './stats';

const ROOT = resolve(import.meta.dirname, '../..');
const EDITS = 200;
const PASTES = 5;
const CHROMIUM_FLAGS = ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--no-first-run', '--disable-sync'];

/** The bench measures the renderer as built now (a few seconds; skipped when JUESUAN_SKIP_BUILD=1). */
function build(): void {
  const result = spawnSync(process.execPath, [join(ROOT, 'scripts/build-if-needed.mjs')], { cwd: ROOT, stdio: ['ignore', 'ignore', 'inherit'] });
  if (result.status !== 0) throw new Error('electron-vite build failed');
}

async function seedReport(store: ReportStore, pack: Pack, data: FullSizeReport['data']): Promise<void> {
  const api = createApi({ store, packs: [pack], settings: jsonFileSettings(join(tmpdir(), `juesuan-bench-${process.pid}.json`)) });
  await api.addUnit({ code: 'B001', name: '性能基准测试局', kind: '行政单位' });
  const ref = { unit: 'B001', year: pack.year };
  await api.openReport(ref);
  for (const [table, rows] of Object.entries(data.rows)) if (rows.length > 0) await api.addRows({ ...ref, table, rows });
  const edits = Object.entries(data.inputs).map(([key, value]: [CellKey, number]) => {
    const [table = '', row = '', col = ''] = key.split(':');
    return { table, row, col, value };
  });
  await api.setCells({ ...ref, edits });
}

export async function benchChromiumAudit({ pack, data }: FullSizeReport): Promise<void> {
  if (!existsSync('/usr/bin/chromium')) {
    console.log('\n浏览器中的审核面板：未测（本机没有 /usr/bin/chromium）');
    return;
  }
  build();
  const dir = await mkdtemp(join(tmpdir(), 'juesuan-bench-ui-'));
  const store = await ReportStore.open(join(dir, 'bench.sqlite'));
  await seedReport(store, pack, data);
  // The workstation opens the newest year a format serves; the bench's report is the pack's first year.
  await writeFile(join(dir, 'settings.json'), JSON.stringify({ lastYear: pack.year }));
  const api = createApi({ store, packs: [pack], settings: jsonFileSettings(join(dir, 'settings.json')) });
  const host = await startWebHost({ api, staticDir: join(ROOT, 'out/renderer'), port: 0 });
  const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: CHROMIUM_FLAGS });
  try {
    const context = await browser.newContext({ viewport: { width: 1366, height: 768 }, locale: 'zh-CN' });
    await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: new URL(host.url).origin });
    const page = await context.newPage();
    page.setDefaultTimeout(20_000);
    await page.goto(host.url);
    await page.locator('.audit-panel').waitFor();
    await page.getByRole('tab', { name: /公开03表/ }).click();
    const codeCells = page.locator('.table-view .sheet tbody tr td[data-col="s0:#code"]');
    await codeCells.first().waitFor();
    const items = (await codeCells.allTextContents()).map((t) => t.trim()).filter((t) => /^\d{7}$/.test(t)).slice(0, 8);
    if (items.length === 0) throw new Error('T03 shows no 项 rows');
    const random = seededRandom(7);
    const editor = page.locator('.sheet-editor.editing');
    for (let i = 0; i < EDITS; i++) {
      const code = items[i % items.length] ?? '';
      const cell = page
        .locator('.table-view .sheet tbody tr')
        .filter({ has: page.locator('td[data-col="s0:#code"]', { hasText: new RegExp(`^\\s*${code}\\s*$`) }) })
        .locator('td[data-col="s0:c2"]');
      await cell.click();
      const amount = String(Math.floor(random() * 5_000_000) + 1);
      await page.keyboard.type(amount);
      await editor.waitFor();
      await page.keyboard.press('Enter');
      await page.waitForFunction(({ name, n }) => performance.getEntriesByName(name).length >= n, { name: KEYSTROKE_MEASURE, n: i + 1 });
    }
    const samples = await page.evaluate((name) => performance.getEntriesByName(name).map((e) => e.duration), KEYSTROKE_MEASURE);
    const gridSamples = await page.evaluate((name) => performance.getEntriesByName(name).map((e) => e.duration), KEYSTROKE_GRID_MEASURE);
    // The store write runs beside the repaint (a typed value shows at once, 保存中 until it is on disk): its own time, from resource timing.
    const writes: number[] = await page.evaluate(
      `performance.getEntriesByType('resource').filter((e) => e.name.includes('/api/setCells')).map((e) => e.duration)`,
    );
    printFigures(`浏览器中的审核面板（Chromium，满规模报表，${samples.length} 次键入）`, [
      { what: '提交键入到审核面板和标记更新（中位数）', value: ms(quantile(samples, 0.5)) },
      { what: '提交键入到审核面板和标记更新（p95）', value: ms(quantile(samples, 0.95)), target: '< 50 ms' },
      { what: '其中写入数据库（HTTP + SQLite，中位数）', value: ms(quantile(writes, 0.5)) },
      { what: '其中写入数据库（p95）', value: ms(quantile(writes, 0.95)) },
      { what: '提交键入到表格合计重绘（中位数）', value: ms(quantile(gridSamples, 0.5)) },
      { what: '提交键入到表格合计重绘（p95）', value: ms(quantile(gridSamples, 0.95)), target: '< 50 ms' },
    ]);

    // A 300 × 6 block from a ledger (项 values only), pasted at T02's first 项: plan, one write, every cell repainted.
    await page.getByRole('tab', { name: /公开02表/ }).click();
    const t02Codes = page.locator('.table-view[aria-label^="公开02表"] .sheet tbody tr td[data-col="s0:#code"]');
    await t02Codes.first().waitFor();
    const firstItem = (await t02Codes.allTextContents()).map((t) => t.trim()).find((t) => /^\d{7}$/.test(t));
    const pasteSamples: number[] = [];
    for (let round = 0; round < PASTES; round++) {
      const block = Array.from({ length: 300 }, (_, r) => Array.from({ length: 6 }, (_, c) => String(((r * 7 + c * 13 + round * 101) % 9000) + 1)).join('\t')).join('\r\n');
      await page.evaluate(`navigator.clipboard.writeText(${JSON.stringify(block)})`);
      await page
        .locator('.table-view .sheet tbody tr')
        .filter({ has: page.locator('td[data-col="s0:#code"]', { hasText: new RegExp(`^\\s*${firstItem ?? ''}\\s*$`) }) })
        .locator('td[data-col="s0:c2"]')
        .click();
      await page.keyboard.press('Control+V');
      await page.waitForFunction(({ name, n }) => performance.getEntriesByName(name).length >= n, { name: PASTE_MEASURE, n: round + 1 });
    }
    pasteSamples.push(...(await page.evaluate((name) => performance.getEntriesByName(name).map((e) => e.duration), PASTE_MEASURE)));
    printFigures(`浏览器中粘贴 300 × 6 的台账数据块（Chromium，满规模报表，${pasteSamples.length} 次）`, [
      { what: '粘贴到全部单元格重绘（中位数）', value: ms(quantile(pasteSamples, 0.5)) },
      { what: '粘贴到全部单元格重绘（最大）', value: ms(quantile(pasteSamples, 1)) },
    ]);
  } finally {
    await browser.close();
    await host.close();
    await store.close();
    await rm(dir, { recursive: true, force: true });
  }
}
