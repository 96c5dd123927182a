/**
 * The workstation in a real Chromium through the loopback web host: real services on a fresh
 * SQLite file in a temp folder, the built renderer, the 2020 pack from resources/packs.
 */
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, writeFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { chromium, type Browser, type BrowserContext, type Locator, type Page } from 'playwright-core';
import { createServices, type Services } from '../../electron/services/createServices';
import { startWebHost, type WebHost } from '../../electron/web/server';

export const ROOT = resolve(import.meta.dirname, '../..');
export const SHOTS = join(ROOT, 'test-results');

export interface Workstation {
  services: Services;
  host: WebHost;
  browser: Browser;
  context: BrowserContext;
  page: Page;
  close(): Promise<void>;
}

/** `npm test` builds first; a lone `vitest run test/e2e` builds only when there is no build yet. */
function ensureBuilt(): void {
  if (existsSync(join(ROOT, 'out/renderer/index.html'))) return;
  const result = spawnSync(process.execPath, [join(ROOT, 'scripts/build-if-needed.mjs')], { cwd: ROOT, stdio: ['ignore', 'ignore', 'inherit'] });
  if (result.status !== 0) throw new Error('electron-vite build failed');
}

export interface WorkstationOptions {
  /** The database file (default: report.sqlite in a fresh temp folder). */
  dbPath?: string;
  /**
   * The report year the workstation opens first. The workstation itself opens the newest year
   * (2025); these tests were written on the 2020 report, so they start there unless told otherwise.
   */
  year?: number;
  /** The packs folder (default resources/packs; a test pack of test/fixtures/packs instead). */
  packsDir?: string;
}

export async function startWorkstation(options: WorkstationOptions = {}): Promise<Workstation> {
  ensureBuilt();
  await mkdir(SHOTS, { recursive: true });
  const dir = await mkdtemp(join(tmpdir(), 'juesuan-e2e-'));
  await writeFile(join(dir, 'settings.json'), JSON.stringify({ lastYear: options.year ?? 2020 }));
  const services = await createServices({
    dbPath: options.dbPath ?? join(dir, 'report.sqlite'),
    packsDir: options.packsDir ?? join(ROOT, 'resources/packs'),
    settingsFile: join(dir, 'settings.json'),
  });
  const host = await startWebHost({ api: services.api, staticDir: join(ROOT, 'out/renderer'), port: 0 });
  const browser = await chromium.launch({
    executablePath: '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--no-first-run', '--disable-sync'],
  });
  const context = await browser.newContext({ viewport: { width: 1440, height: 900 }, locale: 'zh-CN' });
  await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: new URL(host.url).origin });
  const page = await context.newPage();
  page.setDefaultTimeout(10_000);
  return {
    services,
    host,
    browser,
    context,
    page,
    close: async () => {
      await browser.close();
      await host.close();
      await services.close();
      await rm(dir, { recursive: true, force: true });
    },
  };
}

/** The grid line whose row-header column (科目编码 or 项目 of a side) reads exactly `text`. */
export function gridRow(page: Page, side: number, text: string, role: 'code' | 'name' | 'item' = 'code'): Locator {
  const exact = new RegExp(`^\\s*${text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}\\s*$`);
  return page.locator('.sheet tbody tr').filter({ has: page.locator(`td[data-col="s${side}:#${role}"]`, { hasText: exact }) });
}

export function gridCell(page: Page, side: number, rowText: string, col: string, role: 'code' | 'name' | 'item' = 'code'): Locator {
  return gridRow(page, side, rowText, role).locator(`td[data-col="s${side}:${col}"]`);
}

export async function cellText(cell: Locator): Promise<string> {
  return ((await cell.textContent()) ?? '').trim();
}

/** The grid's one text box while it holds an entry (typing started on a selected cell, or F2). */
export function openEditor(page: Page): Locator {
  return page.locator('.sheet-editor.editing');
}

/** Types into a cell as a clerk does: select it, type (the first key starts entry), Enter. */
export async function typeIntoCell(page: Page, cell: Locator, text: string): Promise<void> {
  await cell.click();
  await page.keyboard.type(text);
  await openEditor(page).waitFor();
  await page.keyboard.press('Enter');
  await openEditor(page).waitFor({ state: 'detached' });
}

/** The grid's rows are drawn: the open table's first body row is there. */
export async function gridReady(page: Page, code: string): Promise<void> {
  await page.locator(`.table-view[aria-label^="${code}"] .sheet tbody tr`).first().waitFor();
}
