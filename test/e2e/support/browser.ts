/**
 * The browser for the e2e tests: Debian's Chromium driven by playwright-core. On CI (CI=true) a
 * missing Chromium fails the run; elsewhere the browser tests are skipped with a message.
 */
import { existsSync } from 'node:fs';
import { type Browser, type BrowserContext, chromium, type Page } from 'playwright-core';
import { type PageProblems, watchPage } from './page-watch.ts';

export const CHROMIUM_PATH = process.env.CHROMIUM_PATH || '/usr/bin/chromium';
export const hasChromium = existsSync(CHROMIUM_PATH);

if (!hasChromium) {
  const message = `Chromium was not found at ${CHROMIUM_PATH} (set CHROMIUM_PATH, or install Debian's chromium).`;
  if (process.env.CI === 'true') throw new Error(`${message} Browser tests cannot be skipped on CI.`);
  console.warn(`${message} Skipping the browser tests.`);
}

export function launchBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM_PATH,
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
    ],
  });
}

/**
 * A page in a fresh context — English, desktop-wide unless `width` says otherwise, 8 s waits — with
 * its console and failed requests watched. The context joins `contexts`, for the test to close.
 */
export async function openWatchedPage(
  browser: Browser,
  contexts: BrowserContext[],
  options: { width?: number } = {},
): Promise<{ page: Page; watch: PageProblems }> {
  const context = await browser.newContext({
    locale: 'en-GB',
    viewport: { width: options.width ?? 1280, height: 900 },
  });
  context.setDefaultTimeout(8_000);
  contexts.push(context);
  const page = await context.newPage();
  return { page, watch: watchPage(page) };
}
