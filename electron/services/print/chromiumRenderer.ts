/**
 * The PDF renderer for the web host and the CLI: a Chromium (or Chrome, Edge) found on the machine,
 * driven through playwright-core. One browser is started on first use and kept for later prints.
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { AppError } from '../../../shared/api/errors';
import type { PdfRenderer } from './pdfRenderer';

/** Set to the path of a Chromium-based browser to use that one. */
export const CHROMIUM_ENV = 'JUESUAN_CHROMIUM';

export const NO_RENDERER_MESSAGE = '本机没有找到可用于生成 PDF 的 Chromium 浏览器（可安装 Chromium，或用环境变量 JUESUAN_CHROMIUM 指定 Chrome/Edge 的位置）';

function candidates(env: NodeJS.ProcessEnv): string[] {
  const own = env[CHROMIUM_ENV];
  if (own) return [own];
  const windows = [env.PROGRAMFILES, env['PROGRAMFILES(X86)'], env.LOCALAPPDATA].filter((d): d is string => !!d);
  return [
    '/usr/bin/chromium',
    '/usr/bin/chromium-browser',
    '/usr/bin/google-chrome',
    '/usr/bin/google-chrome-stable',
    '/usr/bin/microsoft-edge',
    '/Applications/Google Chrome.app/Contents/MacOS/Google Chrome',
    '/Applications/Chromium.app/Contents/MacOS/Chromium',
    ...windows.flatMap((d) => [join(d, 'Google', 'Chrome', 'Application', 'chrome.exe'), join(d, 'Microsoft', 'Edge', 'Application', 'msedge.exe')]),
  ];
}

/** The first Chromium-based browser on the machine, or null. */
export function findChromium(env: NodeJS.ProcessEnv = process.env): string | null {
  return candidates(env).find((path) => existsSync(path)) ?? null;
}

const ARGS = ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--no-first-run', '--disable-sync'];

export async function chromiumRenderer(executablePath: string | null = findChromium()): Promise<PdfRenderer> {
  if (!executablePath) throw new AppError(NO_RENDERER_MESSAGE);
  // Loaded on first print only: every CLI command and the web host would otherwise pay for it at start.
  const { chromium } = await import('playwright-core');
  let browser: Browser;
  try {
    browser = await chromium.launch({ executablePath, args: ARGS });
  } catch (err) {
    throw new AppError(`无法启动用于生成 PDF 的浏览器（${executablePath}）：${err instanceof Error ? err.message.split('\n')[0] : String(err)}`);
  }
  const context = await browser.newContext({ viewport: { width: 1600, height: 1000 } });
  // One page, reused, one document at a time: a new page per print costs more than the print.
  let page: Page | null = null;
  let tail: Promise<unknown> = Promise.resolve();
  const withPage = <T>(html: string, work: (page: Page) => Promise<T>): Promise<T> => {
    const run = async () => {
      if (!page || page.isClosed()) {
        page = await context.newPage();
        // The document is self-contained and uses the system's fonts: no request leaves the page.
        await page.route('**/*', (route) => route.abort());
      }
      await page.setContent(html, { waitUntil: 'load' });
      return work(page);
    };
    const next = tail.then(run, run);
    tail = next.catch(() => undefined);
    return next;
  };
  return {
    name: `Chromium ${browser.version()}（${executablePath}）`,
    pdf: (html) => withPage(html, (page) => page.pdf({ preferCSSPageSize: true, printBackground: true })),
    measure: (html, script) => withPage(html, (page) => page.evaluate(script)),
    close: () => browser.close(),
  };
}
