/**
 * In the browser: a coordinator sets a budget up from a process's page (the budget then names its
 * process), changes its ballot to points before the vote (a maximum above the points a voter has
 * is refused beside its field), adds a project from the process's accepted proposal — found by
 * typing, its fields prefilled and then changed — follows the link to the proposal, which names
 * the budget project, and edits the project. Once the vote opens, anyone reads on the process page
 * what came of the idea. Every page and dialog is checked with axe (WCAG 2.1 A and AA).
 */
import type { Browser, BrowserContext } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectNoAxeViolations } from './support/accessibility.ts';
import { expectPage } from './support/app-page.ts';
import { type ApiSession, apiAs } from './support/arrange.ts';
import { hasChromium, launchBrowser, openWatchedPage } from './support/browser.ts';
import { createPerson, signIn, type TestPerson, uniqueEmail } from './support/people.ts';
import { startWebServer, type WebServer } from './support/web-server.ts';

const SLUG = 'ciemupe';
const PROCESS = 'A greener market street';
const IDEA = 'Shade trees along the market street';
const BUDGET = 'Market street budget 2026';
const PROJECT = 'Twelve lime trees';
const day = 86_400_000;
const daysFromNow = (days: number) => new Date(Date.now() + days * day).toISOString();

describe.skipIf(!hasChromium)('a coordinator’s budget screens in the browser', () => {
  let server: WebServer;
  let browser: Browser;
  const contexts: BrowserContext[] = [];
  let coordinator: TestPerson;
  let asCoordinator: ApiSession;
  let processPath: string;
  let budgetPath: string;

  const openPage = () => openWatchedPage(browser, contexts);

  beforeAll(async () => {
    [server, browser] = await Promise.all([startWebServer(), launchBrowser()]);
    const resident = await createPerson(server, 'Līga Bērziņa', uniqueEmail('liga'));
    coordinator = await createPerson(server, 'Ojārs Vācietis', uniqueEmail('ojars'));
    asCoordinator = await apiAs(server, coordinator);
    await asCoordinator('POST', '/clusters', {
      slug: SLUG,
      name: 'Ciemupes kopiena',
      country: 'LV',
      region: 'Vidzeme',
      languages: ['lv', 'en'],
      defaultLocale: 'en',
      clusterType: 'spatial',
      description: 'Residents of Ciemupe.',
      visibility: 'public',
    });
    const process = await asCoordinator('POST', `/clusters/${SLUG}/processes`, {
      title: PROCESS,
      participationLevel: 'empower',
      phases: [
        { kind: 'proposals', startsAt: daysFromNow(-10), endsAt: daysFromNow(10) },
        { kind: 'voting', startsAt: daysFromNow(10), endsAt: daysFromNow(20) },
      ],
    });
    processPath = `/clusters/${SLUG}/participation/processes/${process.id}`;
    const asResident = await apiAs(server, resident);
    await asResident('POST', `/clusters/${SLUG}/join`);
    const idea = await asResident('POST', `/clusters/${SLUG}/processes/${process.id}/proposals`, {
      title: IDEA,
      body: 'Plant **twelve** lime trees between the stalls.',
      category: 'green',
      estimatedCostCents: 18_000_00,
    });
    await asCoordinator('POST', `/clusters/${SLUG}/processes/${process.id}/proposals/${idea.id}/answer`, {
      answer: 'accepted',
      reasoning: 'The street is ours and the trees are wanted.',
      inputEffect: 'The stall holders chose lime trees.',
    });
  });

  afterAll(async () => {
    for (const context of contexts) await context.close();
    await browser?.close();
    await server?.close();
  });

  it('sets a budget up from the process’s page, then changes its ballot to points', async () => {
    const { page, watch } = await openPage();
    await signIn(page, server, coordinator, processPath);
    await expectPage(page, PROCESS);
    await page.getByRole('button', { name: 'New budget for this process' }).click();
    const create = page.getByRole('dialog', { name: 'New participatory budget' });
    await create.waitFor();
    await expectNoAxeViolations(page, 'the new budget dialog');
    expect(await create.getByRole('button', { name: /Participatory process/ }).textContent()).toContain(
      PROCESS,
    );
    await create.getByRole('textbox', { name: 'Name' }).fill(BUDGET);
    await create.getByRole('textbox', { name: 'Amount' }).fill('50000');
    await create.getByRole('button', { name: 'Create the draft' }).click();
    await expectPage(page, BUDGET, 'the new draft budget');
    budgetPath = new URL(page.url()).pathname;
    await page.getByText('Part of the participatory process').getByRole('link', { name: PROCESS }).waitFor();

    await page.getByRole('button', { name: 'Edit the settings' }).click();
    const settings = page.getByRole('dialog', { name: 'Budget settings' });
    await settings.waitFor();
    await expectNoAxeViolations(page, 'the budget settings dialog');
    await settings.getByText('Cumulative: spread points over projects').click();
    await settings.getByRole('textbox', { name: 'Points per voter' }).fill('10');
    await settings.getByRole('textbox', { name: /At most this many points on one project/ }).fill('12');
    await settings.getByRole('button', { name: 'Save the settings' }).click();
    await settings.getByText('One project cannot take more points than a voter has (10).').waitFor();
    await expectNoAxeViolations(page, 'the budget settings refused beside a field');
    await settings.getByRole('textbox', { name: /At most this many points on one project/ }).fill('6');
    await settings.getByRole('button', { name: 'Save the settings' }).click();
    await settings.waitFor({ state: 'detached' });
    const saved = await asCoordinator('GET', budgetPath);
    expect(saved).toMatchObject({
      name: BUDGET,
      amountMinor: 50_000_00,
      ballot: { type: 'cumulative', pointsPerVoter: 10, maxPointsPerProject: 6 },
    });
    expect(watch.problems).toEqual([]);
  });

  it('adds a project from the accepted proposal, prefilled, and each page links to the other', async () => {
    const { page, watch } = await openPage();
    await signIn(page, server, coordinator, budgetPath);
    await expectPage(page, BUDGET);
    const form = page.getByRole('form', { name: 'Add a project' });
    await form.getByRole('combobox', { name: 'From an accepted proposal' }).fill('shade');
    await page.getByRole('option', { name: new RegExp(IDEA) }).click();
    await form.getByText(`Filled in from the proposal “${IDEA}”.`).waitFor();
    const title = form.getByRole('textbox', { name: 'Title' });
    const cost = form.getByRole('textbox', { name: 'Cost' });
    expect(await title.inputValue()).toBe(IDEA);
    expect(await cost.inputValue()).toBe('18000.00');
    expect(await form.getByRole('textbox', { name: /Description/ }).inputValue()).toBe(
      'Plant **twelve** lime trees between the stalls.',
    );
    await expectNoAxeViolations(page, 'a project prefilled from a proposal');
    await title.fill(PROJECT);
    await cost.fill('21 500');
    await form.getByRole('button', { name: 'Add a project' }).click();

    const link = page.getByRole('link', { name: `The proposal behind “${PROJECT}”` }).first();
    await link.waitFor();
    await page.getByText(`${PROJECT} · €21,500.00`).waitFor();
    expect(await title.inputValue()).toBe('');
    await link.click();
    await expectPage(page, IDEA, 'the proposal that became a project');
    await page
      .getByText(`In the budget ${BUDGET}: “${PROJECT}”, €21,500.00, a draft not yet put to the vote.`)
      .waitFor();
    await page.getByRole('link', { name: BUDGET }).click();
    await expectPage(page, BUDGET, 'the budget, back from the proposal');

    await page.getByRole('button', { name: `Edit ${PROJECT}` }).click();
    const edit = page.getByRole('dialog', { name: 'Edit the project' });
    await edit.waitFor();
    await expectNoAxeViolations(page, 'the edit project dialog');
    await edit.getByRole('textbox', { name: 'Cost' }).fill('19750.50');
    await edit.getByRole('button', { name: 'Save the project' }).click();
    await edit.waitFor({ state: 'detached' });
    await page.getByText(`${PROJECT} · €19,750.50`).waitFor();
    expect(watch.problems).toEqual([]);
  });

  it('shows anyone on the process page what came of the idea once the vote opens', async () => {
    await asCoordinator('POST', `${budgetPath}/open`);
    const { page, watch } = await openPage();
    await page.goto(`${server.baseUrl}${processPath}`);
    await expectPage(page, PROCESS, 'the process page, signed out');
    const trail = page.getByRole('region', { name: 'What came of the ideas' });
    await trail.getByRole('link', { name: IDEA }).waitFor();
    await trail.getByText(/The street is ours and the trees are wanted\./).waitFor();
    await trail.getByText(`In the budget ${BUDGET}: “${PROJECT}”, €19,750.50, on the ballot now.`).waitFor();
    await trail.getByRole('link', { name: 'What is being done: Planned, 0% done' }).waitFor();
    await page
      .getByRole('region', { name: 'Participatory budgets' })
      .getByRole('link', { name: BUDGET })
      .waitFor();
    expect(watch.problems).toEqual([]);
  });
});
