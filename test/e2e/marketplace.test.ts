/**
 * In the browser: a representative publishes an offer with a photo and its description; a
 * representative of another member finds it, opens it and orders two with the keyboard alone,
 * reading the total and what the account may still spend; the seller confirms delivery among the
 * orders received; the held amount has moved from the buyer's balance to the seller's; the
 * coordinator withdraws the offer with a reason, with the keyboard alone. Every page and every
 * opened dialog is checked with axe (WCAG 2.1 A and AA).
 */
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_SETTINGS } from '../support/currency-fixture.ts';
import { TINY_PNG_BASE64 } from '../support/marketplace-fixture.ts';
import { expectNoAxeViolations } from './support/accessibility.ts';
import { expectPage } from './support/app-page.ts';
import { type ApiSession, addMember, apiAs } from './support/arrange.ts';
import { hasChromium, launchBrowser, openWatchedPage } from './support/browser.ts';
import { expectFocusOnMainHeading } from './support/focus.ts';
import type { PageProblems } from './support/page-watch.ts';
import { createPerson, signIn, type TestPerson, uniqueEmail } from './support/people.ts';
import { selectOption } from './support/select-option.ts';
import { startWebServer, type WebServer } from './support/web-server.ts';

const SLUG = 'valle-del-peloro';
const CLUSTER_NAME = 'Valle del Peloro';
const SELLER = 'Frantoio Sociale Peloro';
const BUYER = 'Trattoria Comunitaria Gesso';
const TITLE = 'Extra virgin olive oil, 1 litre';
const ALT_TEXT = 'A green glass bottle of olive oil on a wooden table';

describe.skipIf(!hasChromium)('the marketplace in the browser', () => {
  let server: WebServer;
  let browser: Browser;
  const contexts: BrowserContext[] = [];
  let seller: TestPerson;
  let buyer: TestPerson;
  let sellerPage: Page;
  let sellerWatch: PageProblems;
  let buyerPage: Page;
  let buyerWatch: PageProblems;
  const accounts: Record<string, string> = {};
  let asCoordinator: ApiSession;
  let coordinator: TestPerson;

  const openPage = () => openWatchedPage(browser, contexts);

  /** A wallet's figures, as the coordinator reads them through the API. */
  const wallet = async (organisation: string) =>
    asCoordinator('GET', `/clusters/${SLUG}/currency/accounts/${accounts[organisation]}`) as Promise<{
      balanceMinor: number;
      availableMinor: number;
      pendingDebitMinor: number;
    }>;

  beforeAll(async () => {
    [server, browser] = await Promise.all([startWebServer(), launchBrowser()]);
    [coordinator, seller, buyer] = await Promise.all([
      createPerson(server, 'Giulia Russo', uniqueEmail('giulia')),
      createPerson(server, 'Carmelo Sciacca', uniqueEmail('carmelo')),
      createPerson(server, 'Rosaria Ferrante', uniqueEmail('rosaria')),
    ]);
    asCoordinator = await apiAs(server, coordinator);
    await asCoordinator('POST', '/clusters', {
      slug: SLUG,
      name: CLUSTER_NAME,
      country: 'IT',
      region: 'Sicilia',
      languages: ['it', 'en'],
      defaultLocale: 'en',
      clusterType: 'spatial',
      description: 'Cooperative e artigiani della valle.',
      visibility: 'public',
    });
    for (const [name, representative] of [
      [SELLER, seller],
      [BUYER, buyer],
    ] as const) {
      await addMember(server, asCoordinator, SLUG, { name, sector: 'industry', representative });
    }
    await asCoordinator('PUT', `/clusters/${SLUG}/currency`, DEFAULT_SETTINGS);
    const all = await asCoordinator('GET', `/clusters/${SLUG}/currency/accounts?limit=10`);
    for (const account of all.items as { id: string; organisationName: string }[])
      accounts[account.organisationName] = account.id;
    ({ page: sellerPage, watch: sellerWatch } = await openPage());
    ({ page: buyerPage, watch: buyerWatch } = await openPage());
  });

  afterAll(async () => {
    for (const context of contexts) await context.close();
    await browser?.close();
    await server?.close();
  });

  it('lets a representative publish an offer and give it a photo with its description', async () => {
    const page = sellerPage;
    await signIn(page, server, seller, `/clusters/${SLUG}`);
    await expectPage(page, CLUSTER_NAME);
    await page
      .getByRole('navigation', { name: 'Cluster' })
      .getByRole('link', { name: 'Marketplace' })
      .click();
    await expectPage(page, 'Marketplace', 'empty marketplace');
    await page.getByText('No listing matches.', { exact: false }).waitFor();
    await page.getByRole('link', { name: 'Publish a listing' }).click();
    await expectPage(page, 'Publish a listing');

    await page.getByLabel('Title').fill(TITLE);
    await selectOption(page, /Category/, 'Food and drink');
    await page
      .getByLabel('Description')
      .fill('Cold-pressed from our own groves above Messina. Bring your own bottle for a refill.');
    await page.getByLabel('Price in KPC').fill('12.505');
    await page.getByLabel('Where').fill('Messina, Via del Frantoio 3');
    await page.getByRole('button', { name: 'Publish' }).click();
    // More decimals than the currency has: said beside the field, in words; nothing is sent.
    await page.getByText('This currency has 2 decimals', { exact: false }).waitFor();
    await expectNoAxeViolations(page, 'publishing with a price error');
    await page.getByLabel('Price in KPC').fill('12.50');
    await page.getByRole('button', { name: 'Publish' }).click();

    await expectPage(page, 'Edit the listing', 'a new listing, ready for photos');
    await page.getByText(`Published: “${TITLE}”`, { exact: false }).first().waitFor({ state: 'attached' });
    const photos = page.getByRole('region', { name: 'Photos' });
    await photos.getByLabel('Image file').setInputFiles({
      name: 'script.svg',
      mimeType: 'image/svg+xml',
      buffer: Buffer.from('<svg xmlns="http://www.w3.org/2000/svg"/>'),
    });
    await photos.getByLabel('What the photo shows').fill(ALT_TEXT);
    await photos.getByRole('button', { name: 'Add the photo' }).click();
    await photos.getByText('Choose a JPEG, PNG or WebP image.').waitFor();
    await expectNoAxeViolations(page, 'a photo of the wrong type');
    await photos.getByLabel('Image file').setInputFiles({
      name: 'olive-oil.png',
      mimeType: 'image/png',
      buffer: Buffer.from(TINY_PNG_BASE64, 'base64'),
    });
    await photos.getByRole('button', { name: 'Add the photo' }).click();
    await photos.getByRole('img', { name: ALT_TEXT }).waitFor();
    await photos.getByText('1 of 6 photos', { exact: false }).waitFor();
    await expectNoAxeViolations(page, 'listing with a photo');
    sellerWatch.expectNone();
  });

  it('lets another member find the offer and order two with the keyboard alone, seeing the total held', async () => {
    const page = buyerPage;
    await signIn(page, server, buyer, `/clusters/${SLUG}/marketplace`);
    await expectPage(page, 'Marketplace', 'marketplace with an offer');

    // From here on, only the keyboard.
    await page.getByRole('searchbox', { name: 'Words' }).focus();
    await page.keyboard.type('olive');
    await page.keyboard.press('Enter');
    const results = page.locator('.listing-grid');
    const card = results.getByRole('article').filter({ hasText: TITLE });
    await card.getByRole('img', { name: ALT_TEXT }).waitFor();
    await card.getByText('₭\u00a012.50').waitFor();
    await card.getByText(SELLER, { exact: false }).waitFor();
    await page.getByRole('status').getByText('1 listing').waitFor();
    await expectNoAxeViolations(page, 'search results');
    await card.getByRole('link', { name: TITLE }).focus();
    await page.keyboard.press('Enter');

    await expectPage(page, TITLE, 'the listing, for a buyer');
    await expectFocusOnMainHeading(page);
    await page.getByRole('img', { name: ALT_TEXT }).waitFor();
    await page.getByRole('button', { name: 'Order…' }).focus();
    await page.keyboard.press('Enter');
    const dialog = page.getByRole('dialog', { name: `Order “${TITLE}”` });
    await dialog.waitFor();
    const quantity = dialog.getByRole('textbox', { name: 'Quantity' });
    expect(await quantity.evaluate((field) => field === document.activeElement)).toBe(true);
    const sum = (label: string) =>
      dialog.locator('.order-sums div', { has: page.getByText(label, { exact: true }) }).locator('dd');
    await sum('Available to spend afterwards').getByText('₭\u00a0987.50').waitFor();
    await expectNoAxeViolations(page, 'order dialog');
    await page.keyboard.press('ControlOrMeta+A');
    await page.keyboard.type('2');
    await page.keyboard.press('Tab');
    await sum('Total').getByText('₭\u00a025.00').waitFor();
    await sum('Available to spend afterwards').getByText('₭\u00a0975.00').waitFor();
    expect(await page.evaluate(() => document.activeElement?.getAttribute('name'))).toBe('note');
    await page.keyboard.type('For the village fair on Saturday, please.');
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe('Place the order');
    await page.keyboard.press('Enter');

    await dialog.waitFor({ state: 'detached' });
    await page.getByText(`Your order of “${TITLE}” is placed`, { exact: false }).waitFor();
    await expectNoAxeViolations(page, 'listing after ordering');
    expect(await wallet(BUYER)).toMatchObject({
      balanceMinor: 0,
      pendingDebitMinor: 25_00,
      availableMinor: 1_000_00 - 25_00,
    });

    await page.getByRole('link', { name: 'See your orders' }).focus();
    await page.keyboard.press('Enter');
    await expectPage(page, 'My orders', 'orders of the buyer');
    const order = page.getByRole('tabpanel').getByRole('listitem').filter({ hasText: TITLE });
    await order.getByText('Waiting for delivery').waitFor();
    await order.getByText(`Sold by ${SELLER}`, { exact: false }).waitFor();
    expect(await order.getByRole('button', { name: 'Confirm delivery' }).count()).toBe(0);
    buyerWatch.expectNone();
  });

  it('lets the seller confirm delivery, which moves the held amount from the buyer to the seller', async () => {
    const page = sellerPage;
    await page
      .getByRole('navigation', { name: 'Cluster' })
      .getByRole('link', { name: 'Marketplace' })
      .click();
    await expectPage(page, 'Marketplace', 'marketplace for the seller');
    await page.getByRole('link', { name: 'My orders' }).click();
    await expectPage(page, 'My orders', 'orders of the seller');
    await page.getByRole('tab', { name: 'As seller' }).click();
    const order = page.getByRole('tabpanel').getByRole('listitem').filter({ hasText: TITLE });
    await order.getByText(`Ordered by ${BUYER}`, { exact: false }).waitFor();
    await order.getByText('For the village fair on Saturday, please.').waitFor();
    await expectNoAxeViolations(page, 'orders received');
    await order.getByRole('button', { name: 'Confirm delivery' }).click();
    const confirm = page.getByRole('alertdialog', { name: `Confirm delivery of “${TITLE}”?` });
    await confirm.getByText(`will be paid to ${SELLER}`, { exact: false }).waitFor();
    await expectNoAxeViolations(page, 'confirm delivery dialog');
    await confirm.getByRole('button', { name: 'Confirm delivery' }).click();
    await confirm.waitFor({ state: 'detached' });
    await order.getByText('Delivered').waitFor();
    await expectFocusOnMainHeading(page);
    await expectNoAxeViolations(page, 'orders after delivery');

    expect(await wallet(BUYER)).toMatchObject({ balanceMinor: -25_00, pendingDebitMinor: 0 });
    expect(await wallet(SELLER)).toMatchObject({ balanceMinor: 25_00 });
    sellerWatch.expectNone();
  });

  it('lets the buyer ask about the offer and the seller reply to her, with the keyboard alone', async () => {
    const found = await asCoordinator('GET', `/clusters/${SLUG}/marketplace/listings`);
    const listing = (found.items as { id: string; title: string }[]).find((item) => item.title === TITLE);
    const listingUrl = `${server.baseUrl}/clusters/${SLUG}/marketplace/listings/${listing?.id}`;
    const question = 'Do you also sell it in five-litre cans?';
    const answer = 'Yes, from next week, at four times the price.';

    await buyerPage.goto(listingUrl);
    await expectPage(buyerPage, TITLE, 'the listing, to answer it');
    await buyerPage.getByRole('textbox', { name: 'Your message' }).focus();
    await buyerPage.keyboard.type(question);
    await buyerPage.keyboard.press('Tab');
    await buyerPage.keyboard.press('Enter');
    await buyerPage.locator('.alert--success').getByText(`Your message was sent to ${SELLER}.`).waitFor();

    const page = sellerPage;
    await page.goto(listingUrl);
    await expectPage(page, TITLE, 'the listing, with an answer received');
    const conversation = page.getByRole('region', { name: 'Answers received' }).getByRole('listitem');
    await conversation.filter({ hasText: question }).waitFor();
    await page.getByRole('button', { name: `Reply to ${BUYER}` }).focus();
    await page.keyboard.press('Enter');
    const reply = page.getByRole('textbox', { name: `Your reply to ${BUYER}` });
    await expect.poll(() => reply.evaluate((field) => field === document.activeElement)).toBe(true);
    await expectNoAxeViolations(page, 'replying to an answer');
    await page.keyboard.type(answer);
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe('Send');
    await page.keyboard.press('Enter');
    await conversation.filter({ hasText: answer }).getByText(`replied to ${BUYER}`).waitFor();
    // The keyboard is back on the button that opened the reply.
    await expect
      .poll(() => page.evaluate(() => document.activeElement?.textContent))
      .toBe(`Reply to ${BUYER}`);
    await expectNoAxeViolations(page, 'after replying');
    sellerWatch.expectNone();

    await buyerPage.reload();
    await expectPage(buyerPage, TITLE, 'the listing, with the reply');
    await buyerPage.getByText(answer).waitFor();
    await buyerPage.getByText(`replied to ${BUYER}`).waitFor();
    buyerWatch.expectNone();
  });

  it('lets the coordinator withdraw the offer with a reason, with the keyboard alone', async () => {
    const { page, watch } = await openPage();
    const found = await asCoordinator('GET', `/clusters/${SLUG}/marketplace/listings`);
    const listing = (found.items as { id: string; title: string }[]).find((item) => item.title === TITLE);
    await signIn(page, server, coordinator, `/clusters/${SLUG}/marketplace/listings/${listing?.id}`);
    await expectPage(page, TITLE, 'listing for the coordinator');
    await page.getByRole('button', { name: 'Withdraw this listing' }).focus();
    await page.keyboard.press('Enter');
    const dialog = page.getByRole('alertdialog', { name: `Withdraw “${TITLE}”` });
    await dialog.getByText('Its authors read this reason', { exact: false }).waitFor();
    await expectNoAxeViolations(page, 'withdraw listing dialog');
    await dialog.getByRole('textbox', { name: 'Reason' }).focus();
    await page.keyboard.type('The cluster sells oil only through the co-operative shop this season.');
    await page.keyboard.press('Tab');
    await page.keyboard.press('Enter');
    await dialog.waitFor({ state: 'detached' });
    await page.getByText('Closed', { exact: true }).first().waitFor();
    expect(await page.getByRole('button', { name: 'Withdraw this listing' }).count()).toBe(0);
    await expectNoAxeViolations(page, 'listing after withdrawal');
    watch.expectNone();
  });
});
