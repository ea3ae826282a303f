/**
 * In the browser: a coordinator imports invoices from CSV (first with mistakes, listed by line,
 * nothing imported), a representative records the invoice that closes a cycle with the keyboard
 * (organisation pickers, amount, date), the coordinator runs a clearing round, each member reads
 * what would be cancelled on its own invoices and confirms (one with the keyboard alone), the last
 * confirmation applies the round and the report shows how much was cleared. Every page and every
 * opened dialog is checked with axe (WCAG 2.1 A and AA).
 */
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectNoAxeViolations } from './support/accessibility.ts';
import { expectPage, visit } from './support/app-page.ts';
import { addMember, apiAs } from './support/arrange.ts';
import { hasChromium, launchBrowser, openWatchedPage } from './support/browser.ts';
import { expectFocusOnMainHeading } from './support/focus.ts';
import type { PageProblems } from './support/page-watch.ts';
import { createPerson, signIn, type TestPerson, uniqueEmail } from './support/people.ts';
import { startWebServer, type WebServer } from './support/web-server.ts';

const SLUG = 'latgales-amatnieki';
const CLUSTER_NAME = 'Latgales amatnieki';
const BAKERY = 'Maiznīca Rūja';
const DAIRY = 'Piena kooperatīvs Zeltene';
const WORKSHOP = 'Keramikas darbnīca Vāpe';

describe.skipIf(!hasChromium)('clearing of invoices in the browser', () => {
  let server: WebServer;
  let browser: Browser;
  const contexts: BrowserContext[] = [];
  let coordinator: TestPerson;
  const representatives: Record<string, TestPerson> = {};
  let coordinatorPage: Page;
  let coordinatorWatch: PageProblems;

  const openPage = () => openWatchedPage(browser, contexts);

  /** A representative's own browser, signed in and on the clearing page. */
  const signedInRepresentative = async (organisation: string) => {
    const { page, watch } = await openPage();
    await signIn(page, server, representatives[organisation] as TestPerson, `/clusters/${SLUG}/clearing`);
    await expectPage(page, 'Clearing of invoices', `clearing page of ${organisation}`);
    return { page, watch };
  };

  beforeAll(async () => {
    [server, browser] = await Promise.all([startWebServer(), launchBrowser()]);
    coordinator = await createPerson(server, 'Inese Kalniņa', uniqueEmail('inese'));
    const asCoordinator = await apiAs(server, coordinator);
    await asCoordinator('POST', '/clusters', {
      slug: SLUG,
      name: CLUSTER_NAME,
      country: 'LV',
      region: 'Latgale',
      languages: ['lv', 'en'],
      defaultLocale: 'lv',
      clusterType: 'sectoral',
      description: 'Amatnieki un pārtikas ražotāji, kas cits citam piegādā.',
      visibility: 'public',
    });
    for (const [name, person] of [
      [BAKERY, 'Ruta Ozola'],
      [DAIRY, 'Pēteris Liepa'],
      [WORKSHOP, 'Aija Vanaga'],
    ] as const) {
      const representative = await createPerson(server, person, uniqueEmail('rep'));
      representatives[name] = representative;
      await addMember(server, asCoordinator, SLUG, { name, sector: 'industry', representative });
    }
    ({ page: coordinatorPage, watch: coordinatorWatch } = await openPage());
  });

  afterAll(async () => {
    for (const context of contexts) await context.close();
    await browser?.close();
    await server?.close();
  });

  it('lets the coordinator import invoices from CSV, every mistake listed by its line, nothing half-imported', async () => {
    const page = coordinatorPage;
    await signIn(page, server, coordinator, `/clusters/${SLUG}`);
    await expectPage(page, CLUSTER_NAME);
    await page.getByRole('navigation', { name: 'Cluster' }).getByRole('link', { name: 'Clearing' }).click();
    await expectPage(page, 'Clearing of invoices');
    expect(await page.title()).toBe(`Clearing of invoices — ${CLUSTER_NAME} — Kopa`);
    await page.getByText('No clearing round is waiting. Run one', { exact: false }).waitFor();

    await page.getByRole('link', { name: 'Invoices between members' }).first().click();
    await expectPage(page, 'Invoices between members');
    await page.getByText('No invoice here yet.').waitFor();

    await page.getByRole('button', { name: 'Import from CSV' }).click();
    const dialog = page.getByRole('dialog', { name: 'Import invoices from CSV' });
    await dialog.waitFor();
    await expectNoAxeViolations(page, 'import dialog');
    const csv = dialog.getByRole('textbox', { name: 'Invoices as CSV' });
    await csv.fill(
      [
        'debtor,creditor,amount,reference,issued_on',
        `${BAKERY},${DAIRY},100.00,MR-101,2025-02-03`,
        `${BAKERY},Nobody SIA,12,MR-102,2025-02-04`,
        `${DAIRY},${WORKSHOP},100,PZ-88,12.5.2025`,
      ].join('\n'),
    );
    await dialog.getByRole('button', { name: 'Import', exact: true }).click();
    const problems = dialog.getByRole('alert');
    await problems.getByText('The file has 2 problems; nothing was imported.').waitFor();
    expect(await problems.getByRole('listitem').allTextContents()).toEqual([
      'Line 3: “Nobody SIA” is not an organisation of this cluster (give its exact name or its id).',
      'Line 4: The issue date must be a day that exists, as YYYY-MM-DD.',
    ]);
    await expectNoAxeViolations(page, 'import dialog with problems');

    await csv.fill(
      [
        'debtor,creditor,amount,reference,issued_on',
        `${BAKERY},${DAIRY},100.00,MR-101,2025-02-03`,
        `${BAKERY},${DAIRY},50,MR-117,2025-03-10`,
        `${DAIRY},${WORKSHOP},100,PZ-88,2025-05-12`,
      ].join('\n'),
    );
    await dialog.getByRole('button', { name: 'Import', exact: true }).click();
    await dialog.waitFor({ state: 'detached' });
    await page.getByText('3 invoices shown.').waitFor();
    const list = page.getByRole('list', { name: 'Invoices between members' });
    await list.getByText(`${BAKERY} owes ${DAIRY} €100.00`).waitFor();
    await list.getByText(`${DAIRY} owes ${WORKSHOP} €100.00`).waitFor();
    await expectNoAxeViolations(page, 'invoices after the import');

    // The dialogs of one invoice, opened and closed again without a change.
    await list.getByRole('button', { name: `Record a payment of ${BAKERY} to ${DAIRY}, MR-117` }).click();
    const payment = page.getByRole('dialog', { name: `Payment from ${BAKERY}` });
    expect(await payment.getByRole('textbox', { name: 'Amount received in euros' }).inputValue()).toBe(
      '50.00',
    );
    await expectNoAxeViolations(page, 'payment dialog');
    await page.keyboard.press('Escape');
    await payment.waitFor({ state: 'detached' });
    await list.getByRole('button', { name: `Withdraw the invoice of ${BAKERY} to ${DAIRY}, MR-117` }).click();
    const withdrawal = page.getByRole('alertdialog', { name: 'Withdraw this invoice of €50.00?' });
    await withdrawal.waitFor();
    await expectNoAxeViolations(page, 'withdraw dialog');
    await withdrawal.getByRole('button', { name: 'Cancel' }).click();
    await withdrawal.waitFor({ state: 'detached' });
    coordinatorWatch.expectNone();
  });

  it('lets a representative record, with the keyboard, the invoice their organisation owes', async () => {
    const { page, watch } = await signedInRepresentative(WORKSHOP);
    await page.getByRole('link', { name: 'See, record and import invoices' }).click();
    await expectPage(page, 'Invoices between members', 'invoices of a representative');
    // The bakery's invoice to the dairy is none of the workshop's business.
    await page.getByText(`${DAIRY} owes ${WORKSHOP} €100.00`).waitFor();
    expect(await page.getByText(`${BAKERY} owes`).count()).toBe(0);

    await page.getByRole('button', { name: 'Record an invoice' }).focus();
    await page.keyboard.press('Enter');
    const dialog = page.getByRole('dialog', { name: 'Record an invoice' });
    await dialog.waitFor();
    await expectNoAxeViolations(page, 'record invoice dialog');
    const focusedName = () => page.evaluate(() => document.activeElement?.getAttribute('name') ?? '');

    await dialog.getByRole('combobox', { name: 'Who owes (the debtor)' }).focus();
    await page.keyboard.type('Vāpe');
    await page.getByRole('option', { name: WORKSHOP }).waitFor();
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('Enter');
    await page.getByRole('listbox').waitFor({ state: 'detached' });
    await page.keyboard.press('Tab');
    await page.keyboard.type('maiznīca');
    await page.getByRole('option', { name: BAKERY }).waitFor();
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('Enter');
    await page.getByRole('listbox').waitFor({ state: 'detached' });
    await expectNoAxeViolations(page, 'record invoice dialog with both members chosen');
    await page.keyboard.press('Tab');
    expect(await focusedName()).toBe('amountCents');
    await page.keyboard.type('100');
    await page.keyboard.press('Tab');
    await page.keyboard.type('VĀPE-2025-7');
    await dialog.getByRole('button', { name: 'Record the invoice' }).focus();
    await page.keyboard.press('Enter');
    await dialog.waitFor({ state: 'detached' });
    await page
      .getByRole('list', { name: 'Invoices between members' })
      .getByText(`${WORKSHOP} owes ${BAKERY} €100.00`)
      .waitFor();
    await expectNoAxeViolations(page, 'invoices after recording');
    watch.expectNone();
  });

  let roundUrl = '';

  it('lets the coordinator run a round and see what it would clear, member by member', async () => {
    const page = coordinatorPage;
    await page.getByRole('link', { name: 'Clearing of invoices' }).click();
    await expectPage(page, 'Clearing of invoices', 'clearing page before the round');
    const open = page.getByRole('region', { name: 'Open invoices' });
    await open.getByText('€350.00').waitFor();

    await page.getByRole('button', { name: 'Run a clearing round' }).click();
    const dialog = page.getByRole('dialog', { name: 'Run a clearing round' });
    await dialog.waitFor();
    await expectNoAxeViolations(page, 'run round dialog');
    await dialog.getByRole('button', { name: 'Compute the round' }).click();

    await page.getByRole('heading', { level: 1, name: /^Clearing round of / }).waitFor();
    await expectPage(page, /^Clearing round of /, 'round page of the coordinator');
    await expectFocusOnMainHeading(page);
    roundUrl = page.url();
    await page.getByText('€300.00 of €350.00 of invoices would be cleared (85.71%).').waitFor();
    await page.getByText('0 confirmed, 0 refused, 3 waiting').waitFor();
    const figures = page.getByRole('table', { name: 'Members’ figures' });
    const row = (name: string) =>
      figures.getByRole('row').filter({ has: page.getByRole('rowheader', { name }) });
    expect(await row(BAKERY).getByRole('cell').allTextContents()).toEqual([
      '€150.00 → €50.00',
      '€100.00 → €0.00',
      '€100.00',
      '-€50.00',
      'Waiting for an answer',
    ]);
    // The coordinator represents nobody: nothing for them to confirm.
    expect(await page.getByRole('button', { name: 'Confirm', exact: true }).count()).toBe(0);
    coordinatorWatch.expectNone();
  });

  // One member after the other; the last confirmation applies the round.
  for (const [index, organisation] of [BAKERY, DAIRY, WORKSHOP].entries()) {
    it(`lets ${organisation} see what would be cancelled on its own invoices and confirm`, async () => {
      const { page, watch } = await signedInRepresentative(organisation);
      const waiting = page.getByRole('region', { name: 'Round waiting' });
      await waiting.getByRole('link', { name: `Confirm or refuse for ${organisation}` }).click();
      await expectPage(page, /^Clearing round of /, `round page of ${organisation}`);
      const mine = page.getByRole('region', { name: `What the round cancels for ${organisation}` });
      const table = mine.getByRole('table', { name: `Invoices of ${organisation} in this round` });
      await table.getByRole('row').nth(1).waitFor();
      if (organisation === BAKERY) {
        // Oldest first: the February invoice to the dairy is cleared in full, the March one stays.
        expect(
          await table
            .getByRole('row', { name: /^MR-101/ })
            .getByRole('cell')
            .allTextContents(),
        ).toEqual([`you owe ${DAIRY}`, '€100.00', '€100.00', '€0.00']);
        expect(await table.getByRole('row', { name: /^MR-117/ }).count()).toBe(0);
      }
      // Only its own figures, not the other members'.
      expect(await page.getByRole('table', { name: 'Members’ figures' }).getByRole('row').count()).toBe(2);

      if (index === 1) {
        // The keyboard alone: to "Confirm", open, confirm in the dialog.
        await mine.getByRole('button', { name: `Confirm the round for ${organisation}` }).focus();
        await page.keyboard.press('Enter');
        const dialog = page.getByRole('dialog', { name: `Confirm the round for ${organisation}?` });
        await dialog.waitFor();
        await expectNoAxeViolations(page, `confirm dialog of ${organisation}`);
        expect(await page.evaluate(() => document.activeElement?.closest('[role="dialog"]') !== null)).toBe(
          true,
        );
        await dialog.getByRole('button', { name: 'Confirm', exact: true }).focus();
        await page.keyboard.press('Enter');
        await dialog.waitFor({ state: 'detached' });
      } else {
        await mine.getByRole('button', { name: `Confirm the round for ${organisation}` }).click();
        const dialog = page.getByRole('dialog', { name: `Confirm the round for ${organisation}?` });
        await dialog.waitFor();
        await expectNoAxeViolations(page, `confirm dialog of ${organisation}`);
        await dialog.getByRole('button', { name: 'Confirm', exact: true }).click();
        await dialog.waitFor({ state: 'detached' });
      }
      await mine.getByText('Confirmed', { exact: true }).waitFor();
      if (organisation === WORKSHOP) {
        await page.getByText('€300.00 of €350.00 of invoices cleared (85.71%).').waitFor();
      }
      await expectNoAxeViolations(page, `round page after ${organisation} confirmed`);
      watch.expectNone();
    });
  }

  it('shows the coordinator the report of the applied round, keeps it in the history and tells everyone the total', async () => {
    const page = coordinatorPage;
    await page.goto(roundUrl);
    await expectPage(page, /^Clearing round of /, 'report of the applied round');
    await page.getByText('€300.00 of €350.00 of invoices cleared (85.71%).').waitFor();
    await page.getByText('3 confirmed, 0 refused, 0 waiting').waitFor();
    const figures = page.getByRole('table', { name: 'Members’ figures' });
    const net = async (name: string) =>
      (
        await figures
          .getByRole('row')
          .filter({ has: page.getByRole('rowheader', { name }) })
          .getByRole('cell')
          .allTextContents()
      )[3];
    expect([await net(BAKERY), await net(DAIRY), await net(WORKSHOP)]).toEqual([
      '-€50.00',
      '€50.00',
      '€0.00',
    ]);

    await page.getByRole('link', { name: 'Clearing of invoices' }).click();
    await expectPage(page, 'Clearing of invoices', 'clearing page after the round');
    const history = page.getByRole('region', { name: 'Past rounds' });
    await history.getByText('€300.00 of €350.00 of invoices cleared (85.71%).').waitFor();
    await history.getByText('Applied').waitFor();
    await page.getByRole('region', { name: 'Open invoices' }).getByText('€50.00').waitFor();
    coordinatorWatch.expectNone();

    // Anyone reads the aggregate on the transparency page; no member's figures are there.
    const { page: visitor, watch } = await openPage();
    await visit(visitor, server.url(`/clusters/${SLUG}/transparency`), 'Transparency');
    await visitor
      .getByText(
        'A clearing round was applied: €300.00 of €350.00 of invoices cleared (85.71%), 3 members concerned.',
      )
      .waitFor();
    expect(await visitor.getByText('€150.00').count()).toBe(0);
    watch.expectNone();
  });
});
