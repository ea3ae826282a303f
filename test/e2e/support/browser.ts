/**
 * The browser for the e2e tests: Debian's Chromium driven by playwright-core. On CI (CI=true) a
 * missing Chromium fails the run; elsewhere the browser tests are skipped with a message.
 */
import { existsSync } from 'node:fs';
import { type Browser, chromium } from 'playwright-core';

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
