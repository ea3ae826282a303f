/**
 * Where the keyboard focus lands. Focus moves once a page or list has re-rendered, a frame or two
 * after the change a test waits for, so these wait briefly for it — and, if it never arrives, fail
 * naming where it is instead.
 */
import type { Page } from 'playwright-core';
import { expect } from 'vitest';

const FOCUS_WAIT_MS = 5_000;

async function focusArrives(page: Page, isThere: () => boolean): Promise<boolean> {
  return await page.waitForFunction(isThere, undefined, { timeout: FOCUS_WAIT_MS }).then(
    () => true,
    () => false,
  );
}

const describeFocus = (page: Page) =>
  page.evaluate(() => {
    const element = document.activeElement;
    return `${element?.tagName ?? 'nothing'}${element?.getAttribute('name') ? `[name=${element.getAttribute('name')}]` : ''}`;
  });

/** The page's main heading has the focus (after navigation, or after the focused control went away). */
export async function expectFocusOnMainHeading(page: Page): Promise<void> {
  const isThere = await focusArrives(page, () => document.activeElement?.tagName === 'H1');
  expect(isThere ? 'H1' : await describeFocus(page)).toBe('H1');
}

/** The form field with this name has the focus (the first field a server error was about). */
export async function expectFocusOnField(page: Page, name: string): Promise<void> {
  const isThere = await page
    .waitForFunction((fieldName) => document.activeElement?.getAttribute('name') === fieldName, name, {
      timeout: FOCUS_WAIT_MS,
    })
    .then(
      () => true,
      () => false,
    );
  expect(isThere ? `INPUT[name=${name}]` : await describeFocus(page)).toBe(`INPUT[name=${name}]`);
}
