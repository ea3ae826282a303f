/**
 * In the browser: a representative asks another member for a payment from the wallet's request
 * page; the payer's representative finds it among the requests to pay and accepts it with the
 * keyboard alone, after a confirmation that shows the balance the payment leaves; the requester
 * then sees it paid. A recurring payment is set up and cancelled; one the ledger refused on its day
 * is paid later, once the account has room. Every page and every opened dialog is checked with axe
 * (WCAG 2.1 A and AA).
 */
import { randomUUID } from 'node:crypto';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { assemblePaymentRequests } from '../../src/server/currency/requests/assemble.ts';
import { Mailer } from '../../src/server/platform/mail.ts';
import { DEFAULT_SETTINGS } from '../support/currency-fixture.ts';
import { expectNoAxeViolations } from './support/accessibility.ts';
import { expectPage } from './support/app-page.ts';
import { addMember, apiAs } from './support/arrange.ts';
import { hasChromium, launchBrowser, openWatchedPage } from './support/browser.ts';
import { expectFocusOnMainHeading } from './support/focus.ts';
import type { PageProblems } from './support/page-watch.ts';
import { createPerson, signIn, type TestPerson, uniqueEmail } from './support/people.ts';
import { selectOption } from './support/select-option.ts';
import { startWebServer, type WebServer } from './support/web-server.ts';

const SLUG = 'luznava-requests';
const REQUESTER = 'Lūznavas muiža';
const PAYER = 'Rēzeknes keramikas darbnīca';
const money = (units: string) => `₭\u00a0${units}`;

describe.skipIf(!hasChromium)('payment requests in the browser', () => {
  let server: WebServer;
  let browser: Browser;
  const contexts: BrowserContext[] = [];
  let requester: TestPerson;
  let payer: TestPerson;
  const accounts: Record<string, string> = {};
  let requesterPage: Page;
  let requesterWatch: PageProblems;

  const openPage = () => openWatchedPage(browser, contexts);
  const requestsPath = (name: string) => `/clusters/${SLUG}/currency/${accounts[name]}/requests`;

  beforeAll(async () => {
    [server, browser] = await Promise.all([startWebServer(), launchBrowser()]);
    let coordinator: TestPerson;
    [coordinator, requester, payer] = await Promise.all([
      createPerson(server, 'Ilze Kalniņa', uniqueEmail('ilze')),
      createPerson(server, 'Māris Ozols', uniqueEmail('maris')),
      createPerson(server, 'Daina Liepa', uniqueEmail('daina')),
    ]);
    const asCoordinator = await apiAs(server, coordinator);
    await asCoordinator('POST', '/clusters', {
      slug: SLUG,
      name: 'Lūznava',
      country: 'LV',
      region: 'Latgale',
      languages: ['lv', 'en'],
      defaultLocale: 'lv',
      clusterType: 'spatial',
      description: 'Amatnieki un muiža kopā.',
      visibility: 'public',
    });
    for (const [name, representative] of [
      [REQUESTER, requester],
      [PAYER, payer],
    ] as const) {
      await addMember(server, asCoordinator, SLUG, { name, sector: 'industry', representative });
    }
    await asCoordinator('PUT', `/clusters/${SLUG}/currency`, DEFAULT_SETTINGS);
    for (const [name, representative] of [
      [REQUESTER, requester],
      [PAYER, payer],
    ] as const) {
      const overview = await (await apiAs(server, representative))('GET', `/clusters/${SLUG}/currency`);
      accounts[name] = overview.myAccounts[0].accountId;
    }
    ({ page: requesterPage, watch: requesterWatch } = await openPage());
  });

  afterAll(async () => {
    for (const context of contexts) await context.close();
    await browser?.close();
    await server?.close();
  });

  it('lets a representative ask another member for a payment', async () => {
    const page = requesterPage;
    await signIn(page, server, requester, `/clusters/${SLUG}/currency/${accounts[REQUESTER]}`);
    await expectPage(page, REQUESTER, 'wallet of the requester');
    await page.getByRole('link', { name: 'Payment requests' }).click();
    await expectPage(page, 'Payment requests');
    expect(await page.title()).toBe(`Payment requests — ${REQUESTER} — Lūznava — Kopa`);
    await page.getByText('No request of this kind is waiting for this account.').waitFor();

    const form = page.getByRole('region', { name: 'Ask for a payment' });
    await form.getByRole('combobox', { name: 'Who should pay' }).focus();
    await page.keyboard.type('keramikas');
    await page.getByRole('option', { name: PAYER }).click();
    await page.getByRole('listbox').waitFor({ state: 'detached' });
    await form.getByRole('textbox', { name: 'Amount' }).fill('45.50');
    await form
      .getByRole('textbox', { name: 'What it is for' })
      .fill('Keramikas trauki svētkiem, rēķins 2026/7');
    await form.getByRole('button', { name: 'Send the request' }).click();
    await form.getByText(`Your request of ${money('45.50')} is on its way to ${PAYER}.`).waitFor();
    await expectNoAxeViolations(page, 'request sent');

    await page.getByRole('tab', { name: 'Asked by you' }).click();
    const sent = page.getByRole('tabpanel', { name: 'Asked by you' }).getByRole('listitem');
    await sent
      .filter({ hasText: `To ${PAYER}` })
      .getByText('Open', { exact: true })
      .waitFor();
    await sent
      .getByRole('button', { name: `Withdraw the request to ${PAYER} for ${money('45.50')}` })
      .waitFor();
    await expectNoAxeViolations(page, 'requests asked for');
    requesterWatch.expectNone();
  });

  it('lets the payer accept it with the keyboard alone, after seeing the balance it leaves', async () => {
    const { page, watch } = await openPage();
    await signIn(page, server, payer, requestsPath(PAYER));
    await expectPage(page, 'Payment requests', 'requests of the payer');
    const item = page
      .getByRole('tabpanel', { name: 'To pay' })
      .getByRole('listitem')
      .filter({
        hasText: `From ${REQUESTER}`,
      });
    await item.getByText('Keramikas trauki svētkiem, rēķins 2026/7').waitFor();

    await item
      .getByRole('button', { name: `Accept the request of ${REQUESTER} for ${money('45.50')}` })
      .focus();
    await page.keyboard.press('Enter');
    const dialog = page.getByRole('dialog', { name: `Pay ${money('45.50')} to ${REQUESTER}` });
    const summary = dialog.locator('dl.summary');
    const row = (label: string) => summary.locator('div', { has: page.getByText(label, { exact: true }) });
    await row('Balance after the payment').waitFor();
    expect(await row('Amount').locator('dd').textContent()).toBe(money('45.50'));
    expect(await row('Fee').locator('dd').textContent()).toBe(money('0.00'));
    expect(await row('Balance now').locator('dd').textContent()).toBe(money('0.00'));
    expect(await row('Balance after the payment').locator('dd').textContent()).toBe(`-${money('45.50')}`);
    await expectNoAxeViolations(page, 'accept dialog');
    // The dialog's first control is its submit button; Tab would wrap within the dialog.
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe(
      `Accept and pay ${money('45.50')}`,
    );
    await page.keyboard.press('Enter');
    await dialog.waitFor({ state: 'detached' });
    // The request left the list of open ones, and with it the button: the keyboard stays on the page.
    await page.getByText('No request of this kind is waiting for this account.').waitFor();
    await expectFocusOnMainHeading(page);
    await expectNoAxeViolations(page, 'request accepted');

    await selectOption(page, /State/, 'Paid', page.getByRole('tabpanel', { name: 'To pay' }));
    await item.getByText('Paid', { exact: true }).waitFor();
    watch.expectNone();

    await requesterPage.reload();
    await expectPage(requesterPage, 'Payment requests', 'requests after payment');
    await requesterPage.getByRole('tab', { name: 'Asked by you' }).click();
    const panel = requesterPage.getByRole('tabpanel', { name: 'Asked by you' });
    await selectOption(requesterPage, /State/, 'Paid', panel);
    await panel
      .getByRole('listitem')
      .filter({ hasText: `To ${PAYER}` })
      .getByText('Paid', { exact: true })
      .waitFor();
    requesterWatch.expectNone();
  });

  it('lets a representative set up a recurring payment and cancel it', async () => {
    const page = requesterPage;
    await page.goto(server.url(`/clusters/${SLUG}/currency/${accounts[REQUESTER]}/recurring`));
    await expectPage(page, 'Recurring payments');
    const form = page.getByRole('region', { name: 'Set up a recurring payment' });
    await form.getByRole('combobox', { name: 'Pay to' }).focus();
    await page.keyboard.type('keramikas');
    await page.getByRole('option', { name: PAYER }).click();
    await page.getByRole('listbox').waitFor({ state: 'detached' });
    await form.getByRole('textbox', { name: 'Amount' }).fill('10');
    await form.getByRole('textbox', { name: 'What it is for' }).fill('Darbnīcas īre');
    // React Aria hides the native radio; people click its label.
    await form.locator('label.radio', { hasText: 'Every quarter' }).click();
    await form.getByRole('button', { name: 'Set up the payment' }).click();

    const list = page.getByRole('region', { name: 'Payments made and received' });
    const item = list.getByRole('listitem').filter({ hasText: `To ${PAYER}` });
    await item.getByText('Every quarter from', { exact: false }).waitFor();
    await expectNoAxeViolations(page, 'recurring payment set up');
    await item
      .getByRole('button', { name: `Cancel the recurring payment of ${money('10.00')} to ${PAYER}` })
      .click();
    const dialog = page.getByRole('alertdialog', { name: `Cancel the payments to ${PAYER}` });
    await expectNoAxeViolations(page, 'cancel dialog');
    await dialog.getByRole('button', { name: 'Cancel the recurring payment' }).click();
    await dialog.waitFor({ state: 'detached' });
    await item.getByText('Cancelled', { exact: true }).waitFor();
    await expectNoAxeViolations(page, 'recurring payment cancelled');
    requesterWatch.expectNone();
  });
  it('lets a representative pay a recurring payment that was refused, once the account has room', async () => {
    const asRequester = await apiAs(server, requester);
    const dueOn = `${new Date().getUTCFullYear() + 1}-01-05`;
    await asRequester(
      'POST',
      `/clusters/${SLUG}/currency/accounts/${accounts[REQUESTER]}/recurring-payments`,
      {
        toAccountId: accounts[PAYER],
        amountMinor: 1_500_00,
        description: 'Krāsns noma',
        every: 'month',
        firstDueOn: dueOn,
      },
      { 'idempotency-key': randomUUID() },
    );
    // The scheduler's run on the day: 1,500 is past the requester's credit limit, so it is refused;
    // then the other member pays in advance, and the account has room.
    const scheduler = assemblePaymentRequests({
      db: server.db,
      audit: server.audit,
      mailer: new Mailer(server.db, () => new Date(), { printToLog: false, log: () => {} }),
      clock: () => new Date(),
      publicUrl: server.baseUrl,
    });
    expect(await scheduler.recurringPayments.runDue(new Date(`${dueOn}T06:00:00Z`))).toMatchObject({
      failed: 1,
    });
    await (await apiAs(server, payer))(
      'POST',
      `/clusters/${SLUG}/currency/accounts/${accounts[PAYER]}/payments`,
      {
        toAccountId: accounts[REQUESTER],
        amountMinor: 800_00,
        description: 'Avanss',
      },
      { 'idempotency-key': randomUUID() },
    );

    const page = requesterPage;
    await page.goto(server.url(`/clusters/${SLUG}/currency/${accounts[REQUESTER]}/recurring`));
    await expectPage(page, 'Recurring payments', 'a refused recurring payment');
    const item = page
      .getByRole('region', { name: 'Payments made and received' })
      .getByRole('listitem')
      .filter({ hasText: 'Krāsns noma' });
    await item.getByText('could not be made', { exact: false }).waitFor();
    const date = new Intl.DateTimeFormat('en', { dateStyle: 'long', timeZone: 'UTC' }).format(
      new Date(`${dueOn}T12:00:00Z`),
    );
    await item
      .getByRole('button', { name: `Pay now the ${money('1,500.00')} to ${PAYER} due on ${date}` })
      .focus();
    await page.keyboard.press('Enter');
    const dialog = page.getByRole('dialog', { name: `Pay ${PAYER} the payment due on ${date}` });
    await dialog.getByText('Your account’s limits apply', { exact: false }).waitFor();
    await expectNoAxeViolations(page, 'pay a refused recurring payment');
    await dialog.getByRole('button', { name: `Pay ${money('1,500.00')}` }).click();
    await dialog.waitFor({ state: 'detached' });
    await item.getByText(`The payment due on ${date} was paid late.`).waitFor();
    expect(await item.getByRole('button', { name: /^Pay now/ }).count()).toBe(0);
    await expectNoAxeViolations(page, 'refused recurring payment paid');
    requesterWatch.expectNone();
  });
});
