/** Chooses an option of a React Aria select (a button that opens a listbox), as a pointer user would. */
import type { Locator, Page } from 'playwright-core';

export async function selectOption(
  page: Page,
  label: string | RegExp,
  option: string | RegExp,
  within?: Locator,
) {
  const scope = within ?? page;
  await scope.getByRole('button', { name: label }).click();
  await page.getByRole('listbox').getByRole('option', { name: option }).click();
  await page.getByRole('listbox').waitFor({ state: 'detached' });
}
