/**
 * In the browser: a resident registers for a meeting, starts a proposal whose title looks like an
 * existing one and is shown it, publishes hers anyway, edits it, supports it (its text then frozen),
 * comments in favour and replies; a neighbour supports and argues against it with the keyboard
 * alone; the coordinator hides the reply with a reason and answers — refused first without saying
 * how public input changed the decision, then accepted — and records a milestone on the result's
 * timeline; the resident follows the notification back. A resident answers an anonymous survey; a
 * coordinator records a past meeting, reads the reports, opens and edits a process, plans a meeting
 * and asks a survey. A proposal with 1,000 comments shows its first 20 and the next 20 on demand
 * (how fast its first screen comes is a benchmark figure: `kopa bench proposals`). Every page and
 * dialog is checked with axe (WCAG 2.1 A and AA).
 */
import { sql } from 'kysely';
import type { Browser, BrowserContext } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectNoAxeViolations } from './support/accessibility.ts';
import { expectPage } from './support/app-page.ts';
import { type ApiSession, apiAs } from './support/arrange.ts';
import { hasChromium, launchBrowser, openWatchedPage } from './support/browser.ts';
import { expectFocusOnMainHeading } from './support/focus.ts';
import { createPerson, signIn, type TestPerson, uniqueEmail } from './support/people.ts';
import { selectOption } from './support/select-option.ts';
import { startWebServer, type WebServer } from './support/web-server.ts';

const SLUG = 'luznava';
const CLUSTER_NAME = 'Lūznavas kopiena';
const PROCESS = 'Regenerating the old crafts area';
const EXISTING = 'Shade trees along the market street';
const MINE = 'Shade trees on the market square';
const day = 86_400_000;
const daysFromNow = (days: number) => new Date(Date.now() + days * day).toISOString();

describe.skipIf(!hasChromium)('participation in the browser', () => {
  let server: WebServer;
  let browser: Browser;
  const contexts: BrowserContext[] = [];
  let coordinator: TestPerson;
  let resident: TestPerson;
  let asCoordinator: ApiSession;
  let processId: string;
  let proposalUrl: string;
  let residentId: string;

  const openPage = () => openWatchedPage(browser, contexts);

  beforeAll(async () => {
    [server, browser] = await Promise.all([startWebServer(), launchBrowser()]);
    [coordinator, resident] = await Promise.all([
      createPerson(server, 'Inese Kalniņa', uniqueEmail('inese')),
      createPerson(server, 'Jānis Ozols', uniqueEmail('janis')),
    ]);
    asCoordinator = await apiAs(server, coordinator);
    await asCoordinator('POST', '/clusters', {
      slug: SLUG,
      name: CLUSTER_NAME,
      country: 'LV',
      region: 'Latgale',
      languages: ['lv', 'en'],
      defaultLocale: 'en',
      clusterType: 'spatial',
      description: 'Residents and co-operatives of Lūznava.',
      visibility: 'public',
    });
    const process = await asCoordinator('POST', `/clusters/${SLUG}/processes`, {
      title: PROCESS,
      description: 'The **old crafts area** stands empty. What should it become?',
      easyReadSummary: 'Tell us what the old crafts area should become.',
      participationLevel: 'involve',
      supportsPerPerson: 3,
      phases: [
        { kind: 'information', startsAt: daysFromNow(-20), endsAt: daysFromNow(-10) },
        { kind: 'proposals', startsAt: daysFromNow(-10), endsAt: daysFromNow(20) },
        { kind: 'voting', startsAt: daysFromNow(30), endsAt: daysFromNow(40) },
      ],
    });
    processId = process.id;
    await asCoordinator('POST', `/clusters/${SLUG}/processes/${processId}/proposals`, {
      title: EXISTING,
      body: 'Twelve lime trees.',
      category: 'green',
    });
    await asCoordinator('POST', `/clusters/${SLUG}/processes/${processId}/meetings`, {
      title: 'Walk through the crafts area',
      format: 'in_person',
      address: 'Rīgas iela 5',
      startsAt: daysFromNow(7),
      endsAt: daysFromNow(7.1),
      capacity: 20,
    });
    await asCoordinator('POST', `/clusters/${SLUG}/processes/${processId}/surveys`, {
      title: 'What the crafts area needs',
      isAnonymous: true,
      opensAt: daysFromNow(-1),
      closesAt: daysFromNow(14),
      questions: [
        {
          kind: 'single_choice',
          prompt: 'Which building first?',
          options: ['Weaving hall', 'Tannery'],
          isRequired: true,
        },
        { kind: 'multiple_choice', prompt: 'What for?', options: ['Workshops', 'Market', 'Housing'] },
        { kind: 'scale', prompt: 'How urgent is it?', scaleMin: 1, scaleMax: 5 },
        { kind: 'long_text', prompt: 'Anything else?' },
      ],
    });
    await asCoordinator('POST', `/clusters/${SLUG}/processes/${processId}/meetings`, {
      title: 'Kick-off evening',
      format: 'in_person',
      address: 'Community hall',
      startsAt: daysFromNow(-3),
      endsAt: daysFromNow(-2.9),
    });
    const asResident = await apiAs(server, resident);
    await asResident('POST', `/clusters/${SLUG}/join`);
    residentId = (await asResident('GET', '/session')).person.id;
  });

  afterAll(async () => {
    for (const context of contexts) await context.close();
    await browser?.close();
    await server?.close();
  });

  it('lets a resident propose, seeing a similar proposal first, then support it and comment', async () => {
    const { page, watch } = await openPage();
    await signIn(page, server, resident, `/clusters/${SLUG}`);
    await page
      .getByRole('navigation', { name: 'Cluster' })
      .getByRole('link', { name: 'Participation' })
      .click();
    await expectPage(page, 'Participation', 'the list of processes');
    await page.getByRole('link', { name: PROCESS }).click();
    await expectPage(page, PROCESS, 'a process in its proposals phase');
    await page.getByText('Involve — your ideas shape the options').waitFor();
    await page.getByRole('link', { name: EXISTING }).waitFor();
    await page.getByRole('link', { name: 'Walk through the crafts area' }).waitFor();

    await page.getByRole('link', { name: 'Walk through the crafts area' }).click();
    await expectPage(page, 'Walk through the crafts area', 'a meeting with places left');
    await page.getByRole('button', { name: 'Register' }).click();
    await page.getByRole('status').getByText('You are registered.').waitFor();
    await page.getByText('1 of 20 taken').waitFor();
    await page.getByRole('link', { name: 'Add to calendar' }).waitFor();
    await page.goBack();
    await expectPage(page, PROCESS);
    await page.getByRole('link', { name: 'Make a proposal' }).click();
    await expectPage(page, 'Make a proposal');
    await page.getByLabel('Title').fill(MINE);
    const similar = page.getByText('A similar proposal exists', { exact: false });
    await similar.waitFor();
    await page.locator('.similar').getByRole('link', { name: EXISTING }).waitFor();
    await expectNoAxeViolations(page, 'proposing, with a similar proposal shown');
    await page
      .getByLabel('Your proposal')
      .fill('Benches in the shade of **six** lime trees, and a drinking fountain.');
    await page.getByLabel('Category').fill('green');
    await page.getByLabel('Estimated cost').fill('12 500');
    await page.getByRole('button', { name: 'Publish the proposal' }).click();

    await expectPage(page, MINE, 'the new proposal');
    proposalUrl = new URL(page.url()).pathname;
    await page.locator('.rich-text strong', { hasText: 'six' }).waitFor();
    await page.getByRole('link', { name: 'Edit the proposal' }).click();
    await expectPage(page, 'Edit the proposal');
    await page
      .getByLabel('Your proposal')
      .fill('Benches in the shade of **eight** lime trees, and a drinking fountain.');
    await page.getByRole('button', { name: 'Save the changes' }).click();
    await expectPage(page, MINE, 'the edited proposal');
    await page.locator('.rich-text strong', { hasText: 'eight' }).waitFor();
    await page.getByText('0 supports').waitFor();
    await page.getByRole('button', { name: 'Support', exact: true }).click();
    await page.getByText('1 support', { exact: true }).waitFor();
    await page.getByText('(you have 2 supports left)').waitFor();
    // Supported: the text is frozen now.
    expect(await page.getByRole('link', { name: 'Edit the proposal' }).count()).toBe(0);

    // React Aria hides the native radio; people click its label.
    await page.locator('label.radio', { hasText: 'For' }).click();
    await page.getByLabel('Your comment').fill('The square needs shade in July.');
    await page.getByRole('button', { name: 'Publish the comment' }).click();
    await page.locator('.comment-list').getByText('The square needs shade in July.').waitFor();
    await page.getByRole('heading', { name: '1 comment' }).waitFor();
    await page.locator('.comment-list').getByRole('button', { name: 'Reply' }).click();
    const reply = page.getByRole('dialog', { name: 'Reply to Jānis Ozols' });
    await reply.waitFor();
    await expectNoAxeViolations(page, 'the reply dialog');
    await reply.getByLabel('Your reply').fill('Buy cheap sunglasses at example.com');
    await reply.getByRole('button', { name: 'Publish the reply' }).click();
    await reply.waitFor({ state: 'detached' });
    await page.getByRole('heading', { name: '2 comments' }).waitFor();
    await page.locator('.comment--depth-1').getByText('Buy cheap sunglasses').waitFor();
    await expectNoAxeViolations(page, 'a supported proposal with a comment');
    watch.expectNone();
  });

  it('lets a neighbour support and argue against a proposal with the keyboard alone', async () => {
    const neighbour = await createPerson(server, 'Māra Liepa', uniqueEmail('mara'));
    await (await apiAs(server, neighbour))('POST', `/clusters/${SLUG}/join`);
    const { page, watch } = await openPage();
    await signIn(page, server, neighbour, `/clusters/${SLUG}/participation/processes/${processId}`);
    await expectPage(page, PROCESS, 'the process, for the neighbour');

    // From here on, only the keyboard.
    await page.getByRole('link', { name: MINE }).focus();
    await page.keyboard.press('Enter');
    await expectPage(page, MINE, 'the proposal, for the neighbour');
    await expectFocusOnMainHeading(page);
    await page.getByRole('button', { name: 'Support', exact: true }).focus();
    await page.keyboard.press('Enter');
    await page.getByText('2 supports', { exact: true }).waitFor();
    // A radio group is one tab stop; the arrow keys choose within it.
    await page.locator('label.radio', { hasText: 'Neutral' }).locator('input').focus();
    await page.keyboard.press('ArrowUp');
    await page.locator('label.radio[data-selected]', { hasText: 'Against' }).waitFor();
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.getAttribute('name'))).toBe('body');
    await page.keyboard.type('A fountain costs more than the benches.');
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe('Publish the comment');
    await page.keyboard.press('Enter');
    await page.locator('.comment-list').getByText('A fountain costs more than the benches.').waitFor();
    await page.locator('.comment-list .alignment--against').waitFor();
    await expectNoAxeViolations(page, 'after a keyboard-only support and comment');
    watch.expectNone();
  });

  it('lets the coordinator answer, requiring how public input changed the decision', async () => {
    const { page, watch } = await openPage();
    await signIn(page, server, coordinator, proposalUrl);
    await expectPage(page, MINE, 'the proposal, for the coordinator');
    await page.locator('.comment--depth-1').getByRole('button', { name: 'Hide' }).click();
    const hide = page.getByRole('dialog', { name: 'Hide a contribution by Jānis Ozols' });
    await hide.waitFor();
    await hide.getByLabel('Note for the coordinators').fill('An advert, not a reply.');
    await expectNoAxeViolations(page, 'the hide dialog');
    await hide.getByRole('button', { name: 'Hide it' }).click();
    await hide.waitFor({ state: 'detached' });
    await page.locator('.comment--depth-1').getByText('Hidden by the coordinators: spam.').waitFor();
    const form = page.getByRole('form', { name: 'Answer this proposal' });
    await form.locator('label.radio', { hasText: 'Accepted' }).click();
    await form.getByLabel('Reasoning').fill('Feasible within this year’s budget.');
    await form.getByRole('button', { name: 'Publish the answer' }).click();
    // The server refuses to close a proposal without it; its message stands beside the field.
    await form.getByText('Say how public input changed the decision before closing the proposal.').waitFor();
    await expectNoAxeViolations(page, 'the answer form, with its error');
    await form
      .getByLabel('How public input changed the decision')
      .fill('Residents asked for benches in the shade; the square was chosen over the street.');
    await form.getByRole('button', { name: 'Publish the answer' }).click();

    const answer = page.getByRole('region', { name: 'Answer' });
    await answer.getByText('Residents asked for benches in the shade', { exact: false }).waitFor();
    await page.getByText('State: Accepted').waitFor();
    await answer.getByRole('link', { name: 'See what is being done' }).click();
    await expectPage(page, MINE, 'the result of the accepted proposal');
    await page.locator('main p > strong').getByText('Planned', { exact: true }).waitFor();
    await page.getByText('No milestone yet.').waitFor();
    const milestone = page.getByRole('form', { name: 'Record a milestone' });
    await milestone.getByLabel('What happened').fill('Benches ordered');
    await milestone.getByLabel('Link to the evidence').fill('https://example.org/order-114.pdf');
    await selectOption(page, /Status now/, 'In progress');
    await milestone.getByLabel('Progress now (%)').fill('40');
    await expectNoAxeViolations(page, 'the milestone form');
    await milestone.getByRole('button', { name: 'Add to the timeline' }).click();
    const timeline = page.getByRole('region', { name: 'Timeline' });
    await timeline.getByRole('heading', { name: 'Benches ordered' }).waitFor();
    await timeline.getByText('In progress · 40% done', { exact: false }).waitFor();
    await page.getByRole('progressbar', { name: 'Progress' }).waitFor();
    watch.expectNone();

    // The resident hears of it in the app.
    const { page: residentPage, watch: residentWatch } = await openPage();
    await signIn(residentPage, server, resident, `/clusters/${SLUG}/participation/notifications`);
    await expectPage(residentPage, 'My notifications', 'the resident’s notifications');
    await residentPage.getByRole('link', { name: `“${MINE}” was answered: Accepted` }).click();
    await expectPage(residentPage, MINE, 'the answered proposal, from a notification');
    residentWatch.expectNone();
  });

  it('lets a resident answer an anonymous survey once and see the counts', async () => {
    const { page, watch } = await openPage();
    await signIn(page, server, resident, `/clusters/${SLUG}`);
    await page
      .getByRole('navigation', { name: 'Cluster' })
      .getByRole('link', { name: 'Participation' })
      .click();
    await expectPage(page, 'Participation');
    await page.getByRole('link', { name: PROCESS }).click();
    await expectPage(page, PROCESS);
    // What came of the ideas so far: the resident's proposal was accepted in the test before.
    await page
      .getByText('Of the ideas: 1 accepted, 0 rejected, 0 under evaluation, 1 awaiting an answer')
      .waitFor();
    await page
      .getByRole('region', { name: 'What came of the ideas' })
      .getByRole('link', { name: MINE })
      .waitFor();
    await page.getByRole('link', { name: 'What the crafts area needs' }).click();
    await expectPage(page, 'What the crafts area needs', 'an open survey');
    await page.getByText('Anonymous: your answers are not linked to you.', { exact: false }).waitFor();
    const form = page.getByRole('form', { name: 'Your answers' });
    await form.locator('label.radio', { hasText: 'Tannery' }).click();
    await form.locator('label.checkbox', { hasText: 'Workshops' }).click();
    await form.locator('label.checkbox', { hasText: 'Market' }).click();
    await form.locator('label.radio', { hasText: '4' }).click();
    await form.getByLabel('Anything else?').fill('Keep the old chimney.');
    await form.getByRole('button', { name: 'Send my answers' }).click();
    await page.getByText('You have answered this survey. Thank you.').waitFor();
    const results = page.getByRole('region', { name: 'Results (1 response)' });
    await results.waitFor();
    await results.getByRole('listitem').filter({ hasText: 'Tannery' }).getByText('1 (100%)').waitFor();
    await results.getByRole('listitem').filter({ hasText: 'Weaving hall' }).getByText('0 (0%)').waitFor();
    await results.getByText('1 written answer', { exact: false }).waitFor();
    await expectNoAxeViolations(page, 'an answered survey with its results');
    watch.expectNone();
  });

  it('lets a coordinator record a past meeting, and read the reports of abuse', async () => {
    const { page, watch } = await openPage();
    await signIn(page, server, coordinator, `/clusters/${SLUG}/participation`);
    await expectPage(page, 'Participation', 'the processes, for a coordinator');
    await page.getByRole('link', { name: 'Reports of abuse' }).click();
    await expectPage(page, 'Reports of abuse');
    await page.getByText('Nothing has been reported.').waitFor();
    await page.goBack();
    await page.getByRole('link', { name: PROCESS }).click();
    await expectPage(page, PROCESS);
    await page.getByRole('link', { name: 'Kick-off evening' }).click();
    await expectPage(page, 'Kick-off evening', 'a past meeting, for the coordinator');
    const form = page.getByRole('form', { name: 'Record the meeting' });
    await form.getByLabel('Minutes').fill('Forty people walked the area and named what they miss.');
    await form.getByLabel('People who came').fill('40');
    await form.locator('label.checkbox', { hasText: EXISTING }).click();
    await expectNoAxeViolations(page, 'the minutes form');
    await form.getByRole('button', { name: 'Publish the minutes' }).click();
    const minutes = page.getByRole('region', { name: 'Minutes' });
    await minutes.getByText('40 people attended.').waitFor();
    await minutes.getByRole('link', { name: EXISTING }).waitFor();
    watch.expectNone();
  });

  it('lets a coordinator open a process with its phases', async () => {
    const { page, watch } = await openPage();
    await signIn(page, server, coordinator, `/clusters/${SLUG}/participation`);
    await expectPage(page, 'Participation', 'the processes, for a coordinator');
    await page.getByRole('link', { name: 'Open a process' }).click();
    await expectPage(page, 'Open a process');
    await page.getByLabel('Title').fill('A school garden');
    await page.getByLabel('Easy-read summary').fill('Help us plan a garden for the school.');
    await page.locator('label.radio', { hasText: 'Collaborate — we decide together' }).click();
    await page.getByRole('button', { name: 'Add a phase' }).click();
    await page.getByRole('button', { name: 'Remove phase 3' }).waitFor();
    await expectNoAxeViolations(page, 'the form to open a process, with three phases');
    await page.getByRole('button', { name: 'Open the process' }).click();
    await expectPage(page, 'A school garden', 'the newly opened process');
    await page.getByText('Collaborate — we decide together').waitFor();
    await page.getByRole('listitem').filter({ hasText: 'Deliberation' }).waitFor();
    await page.getByText('Now', { exact: true }).waitFor();

    await page.getByRole('link', { name: 'Plan a meeting' }).click();
    await expectPage(page, 'Plan a meeting');
    await page.getByLabel('Title').fill('Garden planning online');
    await page.locator('label.radio', { hasText: /^Online$/ }).click();
    await page.getByLabel('Online at').fill('https://meet.example.org/garden');
    await page.getByLabel('Agenda').fill('Beds, paths and a compost corner.');
    await expectNoAxeViolations(page, 'planning an online meeting');
    await page.getByRole('button', { name: 'Plan the meeting' }).click();
    await expectPage(page, 'Garden planning online', 'the planned meeting');
    await page.getByRole('link', { name: 'https://meet.example.org/garden' }).waitFor();

    await page.getByRole('link', { name: 'A school garden' }).click();
    await expectPage(page, 'A school garden');
    await page.getByRole('link', { name: 'Ask a survey' }).click();
    await expectPage(page, 'Ask a survey');
    await page.getByLabel('Title').fill('What should grow?');
    await page.getByLabel('Question 1', { exact: true }).fill('Vegetables or flowers?');
    await page.getByLabel('Question 1: options').fill('Vegetables\nFlowers\nBoth');
    await page.getByRole('button', { name: 'Add a question' }).click();
    await page.getByLabel('Question 2', { exact: true }).fill('Anything else?');
    await expectNoAxeViolations(page, 'asking a survey with two questions');
    await page.getByRole('button', { name: 'Ask the survey' }).click();
    await expectPage(page, 'What should grow?', 'the new survey');
    await page.getByRole('radiogroup', { name: 'Vegetables or flowers?' }).waitFor();
    await page.getByText('Anonymous: your answers are not linked to you.', { exact: false }).waitFor();

    await page.getByRole('link', { name: 'A school garden' }).click();
    await expectPage(page, 'A school garden');
    await page.getByRole('link', { name: 'Edit the process' }).click();
    await expectPage(page, 'Edit the process');
    await page.getByLabel('Easy-read summary').fill('Plan the school garden with us.');
    await page.getByRole('button', { name: 'Remove phase 3' }).click();
    await page.getByRole('button', { name: 'Save the changes' }).click();
    await expectPage(page, 'A school garden', 'the edited process');
    await page.getByText('Plan the school garden with us.').waitFor();
    expect(await page.locator('.phase-list li').count()).toBe(2);
    watch.expectNone();
  });

  it('shows a proposal with 1,000 comments 20 at a time', async () => {
    const proposal = await asCoordinator('POST', `/clusters/${SLUG}/processes/${processId}/proposals`, {
      title: 'A much discussed idea',
      body: 'Everyone has an opinion.',
    });
    const cluster = await asCoordinator('GET', `/clusters/${SLUG}`);
    await sql`
      insert into proposal_comment (cluster_id, id, proposal_id, parent_id, path, depth, author_id, body, alignment, created_at)
      select ${cluster.id}::uuid, x.id, ${proposal.id}::uuid, null, x.id::text, 0, ${residentId}::uuid, 'Opinion number ' || x.n, 'neutral', now()
      from (select gen_random_uuid() as id, n from generate_series(1, 1000) n) x`.execute(server.db);
    await sql`update proposal set comment_count = 1000 where id = ${proposal.id}::uuid`.execute(server.db);

    const { page, watch } = await openPage();
    await page.goto(
      server.url(`/clusters/${SLUG}/participation/processes/${processId}/proposals/${proposal.id}`),
    );
    await page.getByRole('heading', { level: 1, name: 'A much discussed idea' }).waitFor();
    await page.getByRole('heading', { name: '1,000 comments' }).waitFor();
    await page.locator('.comment-list li').first().waitFor();
    expect(await page.locator('.comment-list li').count()).toBe(20);
    await page.getByRole('button', { name: 'Load more' }).click();
    await page.locator('.comment-list li').nth(39).waitFor();
    expect(await page.locator('.comment-list li').count()).toBe(40);
    await expectNoAxeViolations(page, 'a proposal with many comments');
    watch.expectNone();
  });
});
