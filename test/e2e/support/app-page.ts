/**
 * Steps that every browser test takes: open an address and wait until the page has settled (its
 * heading is there, nothing is loading), then check it with axe.
 */
import type { Page } from 'playwright-core';
import { expectNoAxeViolations } from './accessibility.ts';

export async function settle(page: Page): Promise<void> {
  await page.locator('main h1').first().waitFor({ state: 'visible' });
  await page.waitForFunction(() => !document.querySelector('.boot, .loading, [data-pending="true"]'));
}

/** Waits for the page's heading, then checks the page with axe. */
export async function expectPage(page: Page, heading: string | RegExp, where?: string): Promise<void> {
  await page.getByRole('heading', { level: 1, name: heading }).waitFor();
  await settle(page);
  await expectNoAxeViolations(page, where ?? String(heading));
}

export async function visit(page: Page, url: string, heading: string | RegExp): Promise<void> {
  await page.goto(url);
  await expectPage(page, heading, url);
}

/** The document title of the page, once it has settled. */
export async function titleOf(page: Page): Promise<string> {
  await settle(page);
  return page.title();
}
