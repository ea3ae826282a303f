/**
 * In the browser: a resident opens a participatory budget and casts an approval ballot with the
 * keyboard alone — the running total is read out as projects are ticked — then the coordinator
 * closes the vote and publishes the results, which explain every project. In a second budget the
 * resident spreads points with the arrow keys alone, hearing how many are left, is told in words
 * when they gave too many, and casts the ballot. Pages are checked with axe (WCAG 2.1 A and AA).
 */
import type { Browser, BrowserContext } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectNoAxeViolations } from './support/accessibility.ts';
import { expectPage } from './support/app-page.ts';
import { type ApiSession, apiAs } from './support/arrange.ts';
import { hasChromium, launchBrowser, openWatchedPage } from './support/browser.ts';
import { createPerson, signIn, type TestPerson, uniqueEmail } from './support/people.ts';
import { startWebServer, type WebServer } from './support/web-server.ts';

const SLUG = 'rione-sanita';
const BUDGET = 'Bilancio di quartiere 2025';
const POINTS_BUDGET = 'Points for the Sanità stairs';

describe.skipIf(!hasChromium)('participatory budgeting in the browser', () => {
  let server: WebServer;
  let browser: Browser;
  const contexts: BrowserContext[] = [];
  let asCoordinator: ApiSession;
  let resident: TestPerson;
  let budgetPath: string;
  let pointsBudgetPath: string;

  const openPage = () => openWatchedPage(browser, contexts);

  beforeAll(async () => {
    [server, browser] = await Promise.all([startWebServer(), launchBrowser()]);
    const coordinator = await createPerson(server, 'Carmela Esposito', uniqueEmail('carmela'));
    asCoordinator = await apiAs(server, coordinator);
    await asCoordinator('POST', '/clusters', {
      slug: SLUG,
      name: 'Rione Sanità',
      country: 'IT',
      region: 'Campania',
      languages: ['it', 'en'],
      defaultLocale: 'it',
      clusterType: 'spatial',
      description: 'Associazioni e abitanti del rione.',
      visibility: 'public',
    });
    const budget = await asCoordinator('POST', `/clusters/${SLUG}/budgets`, {
      name: BUDGET,
      currency: 'EUR',
      amountMinor: 100_000_00,
      rule: 'mes-add1',
      ballotType: 'approval',
      maxProjects: 2,
      maxTotalCostMinor: 90_000_00,
      opensAt: new Date(Date.now() - 3_600_000).toISOString(),
      closesAt: new Date(Date.now() + 3_600_000).toISOString(),
    });
    budgetPath = `/clusters/${SLUG}/budgets/${budget.id}`;
    for (const [title, costMinor] of [
      ['Playground in Piazza Sanità', 60_000_00],
      ['Benches along Via Vergini', 20_000_00],
      ['Reading room', 30_000_00],
    ] as const) {
      await asCoordinator('POST', `${budgetPath}/projects`, { title, costMinor, category: 'Public space' });
    }
    await asCoordinator('POST', `${budgetPath}/open`);
    const points = await asCoordinator('POST', `/clusters/${SLUG}/budgets`, {
      name: POINTS_BUDGET,
      currency: 'EUR',
      amountMinor: 50_000_00,
      rule: 'greedy',
      ballotType: 'cumulative',
      pointsPerVoter: 10,
      maxPointsPerProject: 6,
      opensAt: new Date(Date.now() - 3_600_000).toISOString(),
      closesAt: new Date(Date.now() + 3_600_000).toISOString(),
    });
    pointsBudgetPath = `/clusters/${SLUG}/budgets/${points.id}`;
    for (const [title, costMinor] of [
      ['Handrails on the stairs', 12_000_00],
      ['Murals along the stairs', 25_000_00],
    ] as const) {
      await asCoordinator('POST', `${pointsBudgetPath}/projects`, { title, costMinor });
    }
    await asCoordinator('POST', `${pointsBudgetPath}/open`);
    resident = await createPerson(server, 'Gennaro Russo', uniqueEmail('gennaro'));
    await (await apiAs(server, resident))('POST', `/clusters/${SLUG}/join`);
  });

  afterAll(async () => {
    for (const context of contexts) await context.close();
    await browser?.close();
    await server?.close();
  });

  it('casts an approval ballot with the keyboard, hearing what is left after each choice', async () => {
    const { page, watch } = await openPage();
    await signIn(page, server, resident, budgetPath);
    await expectPage(page, BUDGET);
    await expectNoAxeViolations(page, 'budget page with the ballot');

    const ballot = page.getByRole('group', { name: 'Projects you support' });
    await ballot.getByText('At most 2 projects · at most €90,000.00 in all').waitFor();
    const tally = page.getByRole('status').filter({ hasText: 'chosen' });
    expect(await tally.textContent()).toBe('No project chosen, costing €0.00; €90,000.00 left.');

    // Only the keyboard from here: Tab to the first checkbox, Space to tick, Tab on, Space again.
    await ballot.getByRole('checkbox', { name: /Playground/ }).focus();
    await page.keyboard.press('Space');
    expect(await tally.textContent()).toBe('1 project chosen, costing €60,000.00; €30,000.00 left.');
    await page.keyboard.press('Tab');
    await page.keyboard.press('Space');
    expect(await tally.textContent()).toBe('2 projects chosen, costing €80,000.00; €10,000.00 left.');
    expect(await tally.getAttribute('aria-live')).toBe('polite');
    await page.keyboard.press('Tab');
    await page.keyboard.press('Tab');
    await expect.poll(() => page.evaluate(() => document.activeElement?.textContent)).toBe('Cast my ballot');
    await page.keyboard.press('Enter');
    await page
      .getByText('Your ballot is counted. You can change it until the vote closes.')
      .first()
      .waitFor();
    await expectNoAxeViolations(page, 'ballot cast');

    await page.reload();
    await expectPage(page, BUDGET);
    expect(await ballot.getByRole('checkbox', { name: /Playground/ }).isChecked()).toBe(true);
    expect(await ballot.getByRole('checkbox', { name: /Benches/ }).isChecked()).toBe(true);
    expect(await ballot.getByRole('checkbox', { name: /Reading room/ }).isChecked()).toBe(false);
    expect(watch.problems).toEqual([]);
  });

  it('casts a cumulative ballot with the arrow keys, hearing the points left, and is told of too many', async () => {
    const { page, watch } = await openPage();
    await signIn(page, server, resident, pointsBudgetPath);
    await expectPage(page, POINTS_BUDGET);
    await expectNoAxeViolations(page, 'budget page with a points ballot');

    const ballot = page.getByRole('group', { name: 'Spread up to 10 points, at most 6 on one project.' });
    const tally = ballot.getByRole('status');
    expect(await tally.textContent()).toBe('0 of 10 points given; 10 left.');
    expect(await tally.getAttribute('aria-live')).toBe('polite');

    // Only the keyboard from here: the arrow keys give and take back points, Tab moves on.
    await ballot.getByRole('textbox', { name: 'Points for Handrails on the stairs' }).focus();
    for (let i = 0; i < 6; i += 1) await page.keyboard.press('ArrowUp');
    expect(await tally.textContent()).toBe('6 of 10 points given; 4 left.');
    // Six is the most one project takes: a seventh press changes nothing.
    await page.keyboard.press('ArrowUp');
    expect(await tally.textContent()).toBe('6 of 10 points given; 4 left.');
    await page.keyboard.press('Tab');
    for (let i = 0; i < 6; i += 1) await page.keyboard.press('ArrowUp');
    expect(await tally.textContent()).toBe('12 of 10 points given; 2 points too many.');
    await page.keyboard.press('Tab');
    await expect.poll(() => page.evaluate(() => document.activeElement?.textContent)).toBe('Cast my ballot');
    await page.keyboard.press('Enter');
    await page.getByRole('alert').getByText('You gave 12 points; you have 10.').waitFor();
    await expectNoAxeViolations(page, 'points ballot refused');

    await page.keyboard.press('Shift+Tab');
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('ArrowDown');
    expect(await tally.textContent()).toBe('10 of 10 points given; 0 left.');
    await page.keyboard.press('Tab');
    await page.keyboard.press('Enter');
    await page
      .getByText('Your ballot is counted. You can change it until the vote closes.')
      .first()
      .waitFor();
    await expectNoAxeViolations(page, 'points ballot cast');

    await page.reload();
    await expectPage(page, POINTS_BUDGET);
    expect(
      await ballot.getByRole('textbox', { name: 'Points for Handrails on the stairs' }).inputValue(),
    ).toBe('6');
    expect(
      await ballot.getByRole('textbox', { name: 'Points for Murals along the stairs' }).inputValue(),
    ).toBe('4');
    expect(watch.problems).toEqual([]);
  });

  it('shows the published results with a reason for every project', async () => {
    await asCoordinator('POST', `${budgetPath}/close`);
    await asCoordinator('POST', `${budgetPath}/results`);
    const { page, watch } = await openPage();
    await page.goto(`${server.baseUrl}${budgetPath}/results`);
    await expectPage(page, `Results: ${BUDGET}`);
    await page.getByText('€80,000.00 of €100,000.00').waitFor();
    await page.getByText('100% (1 of 1)').waitFor();
    await page.getByText(/Funded in round 1: its supporters paid €20,000.00 each/).waitFor();
    await page.getByText('Not funded: nobody voted for it.').waitFor();
    await page.getByText('Greedy would have funded the same projects.').waitFor();
    await expectNoAxeViolations(page, 'results page');
    expect(watch.problems).toEqual([]);
  });
});
