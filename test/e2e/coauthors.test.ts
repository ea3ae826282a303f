/**
 * In the browser: the author of a proposal invites a neighbour to co-author it with the keyboard
 * alone — typing part of her name without its accents, choosing her from the list with the arrow
 * keys, sending the invitation — and hears that it went out; the neighbour accepts on the proposal
 * page, and both are shown as its authors. Every step is checked with axe (WCAG 2.1 A and AA).
 */
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectNoAxeViolations } from './support/accessibility.ts';
import { expectPage } from './support/app-page.ts';
import { apiAs } from './support/arrange.ts';
import { hasChromium, launchBrowser, openWatchedPage } from './support/browser.ts';
import { createPerson, signIn, type TestPerson, uniqueEmail } from './support/people.ts';
import { startWebServer, type WebServer } from './support/web-server.ts';

const SLUG = 'kraslava';
const TITLE = 'A reading corner in the old library';
const day = 86_400_000;
const daysFromNow = (days: number) => new Date(Date.now() + days * day).toISOString();

describe.skipIf(!hasChromium)('co-authoring a proposal in the browser', () => {
  let server: WebServer;
  let browser: Browser;
  const contexts: BrowserContext[] = [];
  let author: TestPerson;
  let neighbour: TestPerson;
  let proposalPath: string;

  const openPage = () => openWatchedPage(browser, contexts);

  /** The names under "Authors" on the proposal page. */
  const authorsOn = (page: Page) =>
    page.locator('.participation-facts dt', { hasText: 'Authors' }).locator('xpath=following-sibling::dd[1]');

  beforeAll(async () => {
    [server, browser] = await Promise.all([startWebServer(), launchBrowser()]);
    const [coordinator, dace, liga, ligita] = await Promise.all([
      createPerson(server, 'Inese Kalniņa', uniqueEmail('inese')),
      createPerson(server, 'Dace Bērziņa', uniqueEmail('dace')),
      createPerson(server, 'Līga Ozola', uniqueEmail('liga')),
      createPerson(server, 'Ligita Ābele', uniqueEmail('ligita')),
    ]);
    author = dace;
    neighbour = liga;
    const asCoordinator = await apiAs(server, coordinator);
    await asCoordinator('POST', '/clusters', {
      slug: SLUG,
      name: 'Krāslavas kopiena',
      country: 'LV',
      region: 'Latgale',
      languages: ['lv', 'en'],
      defaultLocale: 'en',
      clusterType: 'spatial',
      description: 'Residents of Krāslava.',
      visibility: 'public',
    });
    const process = await asCoordinator('POST', `/clusters/${SLUG}/processes`, {
      title: 'A livelier town centre',
      participationLevel: 'involve',
      phases: [{ kind: 'proposals', startsAt: daysFromNow(-1), endsAt: daysFromNow(20) }],
    });
    const [asAuthor, ...asOthers] = await Promise.all([
      apiAs(server, dace),
      apiAs(server, liga),
      apiAs(server, ligita),
    ]);
    for (const session of [asAuthor, ...asOthers]) await session('POST', `/clusters/${SLUG}/join`);
    const proposal = await asAuthor('POST', `/clusters/${SLUG}/processes/${process.id}/proposals`, {
      title: TITLE,
      body: 'Armchairs, lamps and a shelf of local history.',
    });
    proposalPath = `/clusters/${SLUG}/participation/processes/${process.id}/proposals/${proposal.id}`;
  });

  afterAll(async () => {
    for (const context of contexts) await context.close();
    await browser?.close();
    await server?.close();
  });

  it('lets an author invite a co-author with the keyboard alone, and the invited neighbour accept', async () => {
    const { page, watch } = await openPage();
    await signIn(page, server, author, proposalPath);
    await expectPage(page, TITLE, 'the proposal, for its author');
    const invite = page.getByRole('form', { name: 'Invite a co-author' });

    // From here on, only the keyboard.
    const field = invite.getByRole('combobox', { name: 'Person to invite' });
    await field.focus();
    await page.keyboard.type('lig');
    const listbox = page.getByRole('listbox');
    await listbox.getByRole('option', { name: 'Ligita Ābele' }).waitFor();
    await listbox.getByRole('option', { name: 'Līga Ozola' }).waitFor();
    // The author herself is never offered.
    expect(await listbox.getByRole('option', { name: 'Dace Bērziņa' }).count()).toBe(0);
    await page.keyboard.type('a o');
    await listbox.getByRole('option', { name: 'Ligita Ābele' }).waitFor({ state: 'detached' });
    // The list empties while the server is asked for the longer name; wait for its answer.
    await listbox.getByRole('option', { name: 'Līga Ozola' }).waitFor();
    expect(await listbox.getByRole('option').count()).toBe(1);
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('Enter');
    await expect.poll(() => field.inputValue()).toBe('Līga Ozola');
    // Scanned once the list has closed: while it is open, React Aria hides the rest of the page from
    // assistive technology, which axe reads as hidden focusable content.
    await expectNoAxeViolations(page, 'a co-author chosen');
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe('Send the invitation');
    await page.keyboard.press('Enter');

    await page
      .locator('[aria-live="polite"]')
      .getByText('Invitation to co-author sent to Līga Ozola.')
      .waitFor();
    const pending = page.getByRole('list', { name: 'Invited, no answer yet' });
    await pending.getByRole('listitem').filter({ hasText: 'Līga Ozola' }).waitFor();
    // The keyboard stays in the emptied field, ready for the next person.
    await expect.poll(() => field.evaluate((input) => input === document.activeElement)).toBe(true);
    expect(await field.inputValue()).toBe('');
    await page.keyboard.type('liga');
    await page.getByText('No one to invite by this name', { exact: false }).waitFor();
    await page.keyboard.press('Escape');
    await expectNoAxeViolations(page, 'after inviting a co-author');
    watch.expectNone();

    const { page: neighbourPage, watch: neighbourWatch } = await openPage();
    await signIn(neighbourPage, server, neighbour, proposalPath);
    await expectPage(neighbourPage, TITLE, 'the proposal, for the invited neighbour');
    await neighbourPage.getByText('You are invited to co-author this proposal.', { exact: false }).waitFor();
    // She sees no invitation form: she is not an author yet.
    expect(await neighbourPage.getByRole('form', { name: 'Invite a co-author' }).count()).toBe(0);
    await neighbourPage.getByRole('button', { name: 'Become a co-author' }).focus();
    await neighbourPage.keyboard.press('Enter');
    await authorsOn(neighbourPage).getByText('Dace Bērziņa, Līga Ozola').waitFor();
    expect(await neighbourPage.getByRole('button', { name: 'Become a co-author' }).count()).toBe(0);
    await expectNoAxeViolations(neighbourPage, 'the proposal, once the neighbour co-authors it');
    neighbourWatch.expectNone();

    await page.reload();
    await expectPage(page, TITLE, 'the proposal, for its author, with two authors');
    await authorsOn(page).getByText('Dace Bērziņa, Līga Ozola').waitFor();
    expect(await page.getByRole('list', { name: 'Invited, no answer yet' }).count()).toBe(0);
    watch.expectNone();
  });
});
