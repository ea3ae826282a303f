/**
 * In the browser: a coordinator sets up the cluster's currency; a representative pays another
 * member with the keyboard alone (payee search, amount, a confirmation with the fee and the balance
 * after, success) and finds the payment in the history with the running balance; the coordinator
 * raises a credit limit with a reason, which the member then reads in the wallet; an anonymous
 * visitor reads the currency's public figures on the transparency page, also on a 320-pixel screen;
 * the coordinator reverses the payment and freezes the account, each with a reason.
 * Every page and every opened dialog is checked with axe (WCAG 2.1 A and AA).
 */
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectNoAxeViolations } from './support/accessibility.ts';
import { expectPage, settle, visit } from './support/app-page.ts';
import { addMember, apiAs } from './support/arrange.ts';
import { hasChromium, launchBrowser, openWatchedPage } from './support/browser.ts';
import { expectFocusOnMainHeading } from './support/focus.ts';
import type { PageProblems } from './support/page-watch.ts';
import { createPerson, signIn, type TestPerson, uniqueEmail } from './support/people.ts';
import { startWebServer, type WebServer } from './support/web-server.ts';

const SLUG = 'valle-del-peloro';
const CLUSTER_NAME = 'Valle del Peloro';
const PAYER = 'Cooperativa Agricola Peloro';
const PAYEE = 'Laboratorio Ceramiche Valdina';

describe.skipIf(!hasChromium)('the cluster currency in the browser', () => {
  let server: WebServer;
  let browser: Browser;
  const contexts: BrowserContext[] = [];
  let coordinator: TestPerson;
  let payer: TestPerson;
  let payee: TestPerson;
  let coordinatorPage: Page;
  let coordinatorWatch: PageProblems;
  let payerPage: Page;
  let payerWatch: PageProblems;

  const openPage = (options: { width?: number } = {}) => openWatchedPage(browser, contexts, options);

  beforeAll(async () => {
    [server, browser] = await Promise.all([startWebServer(), launchBrowser()]);
    [coordinator, payer, payee] = await Promise.all([
      createPerson(server, 'Giulia Russo', uniqueEmail('giulia')),
      createPerson(server, 'Salvatore Bonanno', uniqueEmail('salvatore')),
      createPerson(server, 'Francesca Lombardo', uniqueEmail('francesca')),
    ]);
    const asCoordinator = await apiAs(server, coordinator);
    await asCoordinator('POST', '/clusters', {
      slug: SLUG,
      name: CLUSTER_NAME,
      country: 'IT',
      region: 'Sicilia',
      languages: ['it', 'en'],
      defaultLocale: 'it',
      clusterType: 'spatial',
      description: 'Cooperative e artigiani della valle.',
      visibility: 'public',
    });
    await addMember(server, asCoordinator, SLUG, { name: PAYER, sector: 'industry', representative: payer });
    await addMember(server, asCoordinator, SLUG, {
      name: PAYEE,
      sector: 'civil_society',
      representative: payee,
    });
    ({ page: coordinatorPage, watch: coordinatorWatch } = await openPage());
    ({ page: payerPage, watch: payerWatch } = await openPage());
  });

  afterAll(async () => {
    for (const context of contexts) await context.close();
    await browser?.close();
    await server?.close();
  });

  it('lets the coordinator set up the currency, which opens a wallet for every member', async () => {
    const page = coordinatorPage;
    await signIn(page, server, coordinator, `/clusters/${SLUG}`);
    await expectPage(page, CLUSTER_NAME);
    await page.getByRole('navigation', { name: 'Cluster' }).getByRole('link', { name: 'Currency' }).click();
    await expectPage(page, 'Cluster currency');
    expect(await page.title()).toBe(`Cluster currency — ${CLUSTER_NAME} — Kopa`);

    const form = page.getByRole('region', { name: 'Set up the cluster’s currency' });
    await form.getByLabel('Name of the currency').fill('Credito Peloro');
    await form.getByLabel('Code').fill('pel');
    expect(await form.getByLabel('Code').inputValue()).toBe('PEL');
    await form.getByLabel('Symbol').fill('PEL');
    await form.getByLabel('Transaction fee (%)').fill('1');
    const limitOf = (sector: string) => form.getByRole('group', { name: sector }).getByLabel('Credit limit');
    await limitOf('Business').fill('1,000');
    await limitOf('Civil society').fill('500.005');
    await form.getByRole('button', { name: 'Create the currency' }).click();
    // More decimals than the currency has: said beside the field, in words.
    await form
      .getByRole('group', { name: 'Civil society' })
      .getByText('This currency has 2 decimals: enter at most 2 digits after the separator.')
      .waitFor();
    await expectNoAxeViolations(page, 'currency set-up with an error');
    await limitOf('Civil society').fill('500');
    await form.getByRole('button', { name: 'Create the currency' }).click();

    await expectPage(page, 'Credito Peloro', 'currency home after set-up');
    const wallets = page.getByRole('region', { name: 'Your wallets' });
    await wallets.getByRole('link', { name: 'Cluster fee account' }).waitFor();
    await page.getByText('Credit limit PEL 1,000.00 · maximum balance no maximum').waitFor();
    coordinatorWatch.expectNone();
  });

  it('says, before anything is paid, why a payment cannot be made', async () => {
    const page = payerPage;
    await signIn(page, server, payer, `/clusters/${SLUG}/currency`);
    await expectPage(page, 'Credito Peloro', 'currency home of a representative');
    await page.getByRole('region', { name: 'Your wallets' }).getByRole('link', { name: PAYER }).click();
    await expectPage(page, PAYER, 'wallet before paying');
    const walletPath = new URL(page.url()).pathname;
    expect(await page.getByRole('link', { name: 'Payment requests' }).getAttribute('href')).toBe(
      `${walletPath}/requests`,
    );
    const elsewhere = page.getByRole('navigation', { name: 'The currency elsewhere in the cluster' });
    expect(await elsewhere.getByRole('link').allTextContents()).toEqual([
      'Offers and wants',
      'Marketplace orders',
      'Clearing of euro invoices',
    ]);
    await page.getByRole('link', { name: 'Pay', exact: true }).click();
    await expectPage(page, 'Pay a member');
    await page.getByRole('combobox', { name: 'Pay to' }).fill('ceramiche');
    await page.getByRole('option', { name: PAYEE }).click();
    const amount = page.getByRole('textbox', { name: 'Amount' });
    await amount.fill('2000');
    await page.getByRole('button', { name: 'Continue' }).click();
    // Past the credit limit: the confirmation says so and offers no way to pay.
    await page.getByRole('heading', { name: 'Check the payment' }).waitFor();
    await page.getByRole('alert').getByText('it would pass its credit limit', { exact: false }).waitFor();
    expect(await page.getByRole('button', { name: /^Pay / }).count()).toBe(0);
    await expectNoAxeViolations(page, 'payment refused at confirmation');
    await page.getByRole('button', { name: 'Change the payment' }).click();

    await page.getByRole('heading', { name: 'Whom, how much and what for' }).waitFor();
    expect(await amount.inputValue()).toBe('2000');
    await amount.fill('125.505');
    await page.getByRole('button', { name: 'Continue' }).click();
    await page.getByText('This currency has 2 decimals', { exact: false }).waitFor();
    expect(await amount.getAttribute('aria-invalid')).toBe('true');
    await expectNoAxeViolations(page, 'payment with too many decimals');
    payerWatch.expectNone();
  });

  it('lets a representative pay another member with the keyboard alone, confirming the fee and the balance after', async () => {
    const page = payerPage;
    await page.goBack();
    await expectPage(page, PAYER, 'wallet before paying');
    await page.getByText('Available to spend').waitFor();

    // From here on, only the keyboard.
    await page.getByRole('link', { name: 'Pay', exact: true }).focus();
    await page.keyboard.press('Enter');
    await expectPage(page, 'Pay a member');
    await expectFocusOnMainHeading(page);
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.getAttribute('role'))).toBe('combobox');
    await page.keyboard.type('ceramiche');
    // While the list is open React Aria hides the rest of the page from assistive technology,
    // which axe reports about the hidden links; the page is scanned again once the list closes.
    await page.getByRole('option', { name: PAYEE }).waitFor();
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('Enter');
    await page.getByRole('listbox').waitFor({ state: 'detached' });
    expect(await page.getByRole('combobox', { name: 'Pay to' }).inputValue()).toBe(PAYEE);

    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.getAttribute('name'))).toBe('amount');
    await page.keyboard.type('125.50');
    await page.keyboard.press('Tab');
    await page.keyboard.type('Vasi per la piazza, fattura 2026/14');
    await page.keyboard.press('Tab');
    await page.keyboard.press('Enter');

    const confirmation = page.getByRole('heading', { name: 'Check the payment' });
    await confirmation.waitFor();
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe('Check the payment');
    const summary = page.locator('dl.summary');
    const row = (label: string) => summary.locator('div', { has: page.getByText(label, { exact: true }) });
    expect(await row('Pay to').locator('dd').textContent()).toBe(PAYEE);
    expect(await row('Amount').locator('dd').textContent()).toBe('PEL\u00a0125.50');
    expect(await row('Fee').locator('dd').textContent()).toBe('PEL\u00a01.25');
    expect(await row('Balance now').locator('dd').textContent()).toBe('PEL\u00a00.00');
    expect(await row('Balance after the payment').locator('dd').textContent()).toBe('-PEL\u00a0126.75');
    await expectNoAxeViolations(page, 'payment confirmation');
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe('Pay PEL\u00a0126.75');
    await page.keyboard.press('Enter');

    await page.getByRole('heading', { name: 'Payment made' }).waitFor();
    await page
      .getByText(`You paid PEL\u00a0125.50 to ${PAYEE}. Your balance is now -PEL\u00a0126.75.`)
      .first()
      .waitFor();
    await expectNoAxeViolations(page, 'payment made');
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe('Back to the wallet');
    await page.keyboard.press('Enter');

    await expectPage(page, PAYER, 'wallet after paying');
    const history = page.getByRole('region', { name: 'History' });
    const payment = history.getByRole('listitem').filter({ hasText: `To ${PAYEE}` });
    await payment.getByText('Vasi per la piazza, fattura 2026/14').waitFor();
    expect(await payment.locator('.history__amount').textContent()).toBe('Paid -PEL\u00a0125.50');
    const fee = history.getByRole('listitem').filter({ hasText: 'To Cluster fee account' });
    expect(await fee.locator('.history__amount').textContent()).toBe('Paid -PEL\u00a01.25');
    // Newest first, each with the balance it left: the fee's after the payment's.
    expect(await history.locator('.history__balance').allTextContents()).toEqual([
      'Balance -PEL\u00a0126.75',
      'Balance -PEL\u00a0125.50',
    ]);
    payerWatch.expectNone();
  });

  it('lets the coordinator raise a credit limit with a reason, which the member reads in the wallet', async () => {
    const page = coordinatorPage;
    await page.getByRole('link', { name: 'All accounts' }).click();
    await expectPage(page, 'All accounts');
    const row = page.getByRole('row').filter({ has: page.getByRole('link', { name: PAYER }) });
    expect(await row.locator('td').first().textContent()).toBe('-PEL\u00a0126.75');
    await row.getByRole('button', { name: `Change limits of ${PAYER}` }).click();
    const dialog = page.getByRole('dialog', { name: `Change limits of ${PAYER}` });
    await dialog.getByLabel('Credit limit').waitFor();
    await expectNoAxeViolations(page, 'change limits dialog');
    expect(await dialog.getByLabel('Credit limit').inputValue()).toBe('1000.00');
    await dialog.getByLabel('Credit limit').fill('2500');
    await dialog.getByRole('button', { name: 'Save the limits' }).click();
    await dialog.getByText('This field is required.').waitFor();
    await dialog.getByLabel('Reason').fill('Harvest season: approved by the board on 12 March.');
    await dialog.getByRole('button', { name: 'Save the limits' }).click();
    await dialog.waitFor({ state: 'detached' });
    await row.getByText('PEL\u00a02,500.00').waitFor();
    await row.getByText('own limits').waitFor();
    await expectNoAxeViolations(page, 'accounts after a limit change');
    coordinatorWatch.expectNone();

    await payerPage.reload();
    await expectPage(payerPage, PAYER, 'wallet after the limit change');
    const figures = payerPage.getByRole('region', { name: 'Balance and limits' });
    await figures.getByText('PEL\u00a02,500.00').waitFor();
    const changes = payerPage.getByRole('region', { name: 'Changes to this account' });
    await changes.getByText('Credit limit: PEL\u00a01,000.00 → PEL\u00a02,500.00').waitFor();
    await changes.getByText('Reason: Harvest season: approved by the board on 12 March.').waitFor();
    await changes.getByText(`by ${coordinator.name}`, { exact: false }).waitFor();
    payerWatch.expectNone();
  });

  it('shows anyone the currency’s public figures on the transparency page, also on a 320-pixel screen', async () => {
    for (const width of [1280, 320]) {
      const { page, watch } = await openPage({ width });
      await visit(page, server.url(`/clusters/${SLUG}/transparency`), 'Transparency');
      const section = page.getByRole('region', { name: 'Currency: Credito Peloro (PEL)' });
      const stat = (label: string) =>
        section.locator('.stat', { has: page.getByText(label, { exact: true }) }).locator('dd');
      expect(await stat('Accounts').textContent()).toBe('2');
      expect(await stat('Active traders (last 90 days)').textContent()).toBe('2');
      expect(await stat('Volume, last 12 months').textContent()).toBe('PEL\u00a0125.50');
      expect(await stat('Transactions, last 12 months').textContent()).toBe('1');
      await section.getByRole('img', { name: /^Volume per month, last 12 months\./ }).waitFor();

      await section.getByText('Show the figures as a table').first().click();
      const table = section.getByRole('table', { name: 'Volume per month, last 12 months' });
      const thisMonth = new Date().toLocaleDateString('en', { month: 'long', year: 'numeric' });
      const monthRow = table.getByRole('row', { name: new RegExp(`^${thisMonth}`) });
      expect(await monthRow.getByRole('cell').allTextContents()).toEqual(['PEL\u00a0125.50', '1']);
      const bands = section.getByRole('table', { name: 'How balances are spread' });
      const band = bands.getByRole('row', { name: /^from -PEL\s1,000 to under -PEL\s100/ });
      expect(await band.getByRole('cell').textContent()).toBe('1');
      // The public log tells the currency's creation in words, not as a code.
      await page.getByText('The cluster currency “Credito Peloro” (PEL) was created.').first().waitFor();
      await expectNoAxeViolations(page, `transparency with currency figures at ${width} px`);
      await settle(page);
      expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(width);
      watch.expectNone();
    }
  });

  it('fits the wallet and the payment on a 320-pixel screen', async () => {
    const { page, watch } = await openPage({ width: 320 });
    await signIn(page, server, payee, `/clusters/${SLUG}/currency`);
    await expectPage(page, 'Credito Peloro');
    await page.getByRole('region', { name: 'Your wallets' }).getByRole('link', { name: PAYEE }).click();
    await expectPage(page, PAYEE, 'wallet at 320 px');
    await page.getByRole('region', { name: 'History' }).getByText(`From ${PAYER}`).waitFor();
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(320);
    await page.getByRole('link', { name: 'Pay', exact: true }).click();
    await expectPage(page, 'Pay a member', 'payment at 320 px');
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(320);
    watch.expectNone();
  });
  it('lets the coordinator reverse a payment and freeze an account, each with a reason the member reads', async () => {
    const page = coordinatorPage;
    await page.goto(server.url(`/clusters/${SLUG}/currency/accounts`));
    await expectPage(page, 'All accounts', 'accounts before corrections');
    await page.getByRole('link', { name: PAYER }).click();
    await expectPage(page, PAYER, 'wallet seen by the coordinator');
    const history = page.getByRole('region', { name: 'History' });
    // Accessible names fold the amount's no-break space into a plain one.
    const transfer = `Reverse the transfer of PEL 125.50 with ${PAYEE}`;
    await history.getByRole('button', { name: new RegExp(`^${transfer} on `) }).click();
    const reversal = page.getByRole('alertdialog', { name: transfer });
    await reversal.getByLabel('Reason').fill('Delivered twice by mistake; the second invoice is void.');
    await expectNoAxeViolations(page, 'reverse dialog');
    await reversal.getByRole('button', { name: 'Reverse the transfer' }).click();
    await reversal.waitFor({ state: 'detached' });
    const reversed = history.getByRole('listitem').filter({ hasText: 'Reversal of an earlier transfer' });
    await reversed.getByText('Delivered twice by mistake; the second invoice is void.').waitFor();
    expect(await reversed.locator('.history__amount').textContent()).toBe('Received +PEL\u00a0125.50');
    expect(await reversed.locator('.history__balance').textContent()).toBe('Balance -PEL\u00a01.25');
    // The reversed payment can no longer be reversed; the keyboard is kept on the page.
    expect(await history.getByRole('button', { name: /^Reverse/ }).count()).toBe(1);
    await expectFocusOnMainHeading(page);

    const tools = page.getByRole('region', { name: 'Coordinator’s tools' });
    await tools.getByRole('button', { name: `Freeze the account of ${PAYER}` }).click();
    const freeze = page.getByRole('alertdialog', { name: `Freeze the account of ${PAYER}` });
    await freeze.getByLabel('Reason').fill('Membership fees unpaid for two years.');
    await expectNoAxeViolations(page, 'freeze dialog');
    await freeze.getByRole('button', { name: 'Freeze' }).click();
    await freeze.waitFor({ state: 'detached' });
    await tools.getByRole('button', { name: `Unfreeze the account of ${PAYER}` }).waitFor();
    await expectNoAxeViolations(page, 'wallet of a frozen account');
    coordinatorWatch.expectNone();

    await payerPage.reload();
    await expectPage(payerPage, PAYER, 'wallet of a frozen account seen by its representative');
    await payerPage.getByText('A coordinator has frozen this account', { exact: false }).waitFor();
    expect(await payerPage.getByRole('link', { name: 'Pay', exact: true }).count()).toBe(0);
    const changes = payerPage.getByRole('region', { name: 'Changes to this account' });
    await changes.getByText('Status: Active → Frozen').waitFor();
    await changes.getByText('Reason: Membership fees unpaid for two years.').waitFor();
    payerWatch.expectNone();
  });
});
