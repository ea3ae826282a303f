/**
 * In the browser: a coordinator starts a cluster, edits it, invites a person who accepts through
 * the mailed link, withdraws another invitation, invites a newcomer who signs up, confirms the
 * address and lands back on the invitation; registers an organisation and admits it, finds a
 * representative by name and ends the mandate; then the public reads the cluster, its directory
 * and its transparency page signed out. Every page and every opened dialog is checked with axe
 * (WCAG 2.1 A and AA).
 */
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectNoAxeViolations } from './support/accessibility.ts';
import { expectPage, settle, visit } from './support/app-page.ts';
import { hasChromium, launchBrowser } from './support/browser.ts';
import { expectFocusOnField, expectFocusOnMainHeading } from './support/focus.ts';
import { type PageProblems, watchPage } from './support/page-watch.ts';
import { createPerson, signIn, TEST_PASSWORD, type TestPerson, uniqueEmail } from './support/people.ts';
import { selectOption } from './support/select-option.ts';
import { verifyLikeAnOutsider } from './support/verify-like-an-outsider.ts';
import { startWebServer, type WebServer } from './support/web-server.ts';

const CLUSTER_NAME = 'Rēzeknes zaļais klasteris';
const SLUG = 'rezeknes-zalais-klasteris';
const ORGANISATION = 'Biedrība Zaļā Darbnīca';

describe.skipIf(!hasChromium)('clusters in the browser', () => {
  let server: WebServer;
  let browser: Browser;
  let coordinatorContext: BrowserContext;
  let page: Page;
  let watch: PageProblems;
  let coordinator: TestPerson;
  let invitee: TestPerson;

  const openContext = async (options: { width?: number } = {}) => {
    const context = await browser.newContext({
      locale: 'en-GB',
      viewport: { width: options.width ?? 1280, height: 900 },
    });
    context.setDefaultTimeout(8_000);
    return context;
  };

  beforeAll(async () => {
    [server, browser] = await Promise.all([startWebServer(), launchBrowser()]);
    coordinator = await createPerson(server, 'Anna Ozola', uniqueEmail('anna'));
    invitee = { email: uniqueEmail('janis'), name: 'Jānis Bērziņš' };
    coordinatorContext = await openContext();
    page = await coordinatorContext.newPage();
    watch = watchPage(page);
  });

  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it('lets a coordinator start a cluster, with server errors shown beside their field', async () => {
    await signIn(page, server, coordinator);
    await page.getByRole('link', { name: 'Start a cluster' }).click();
    await expectPage(page, 'Start a cluster');
    expect(await page.title()).toBe('Start a cluster — Kopa');

    await page.getByLabel('Name of the cluster').fill(CLUSTER_NAME);
    // The address follows the name until one edits it.
    expect(await page.getByLabel('Address').inputValue()).toBe(SLUG);
    await selectOption(page, /Country/, 'Latvia');
    await page.getByLabel('Region or town').fill('Latgale, Rēzeknes novads');
    // React Aria hides the native checkbox; people click its label.
    await page.locator('label.checkbox', { hasText: 'Latvian' }).click();
    expect(await page.getByRole('checkbox', { name: 'Latvian' }).isChecked()).toBe(true);
    await selectOption(page, /Main language/, 'Latvian');
    await page
      .getByLabel('Description')
      .fill('Kooperatīvi, biedrības un pašvaldība kopā atdzīvina veco dzirnavu kvartālu.');

    // "new" is a reserved address: the server says so next to the field.
    await page.getByLabel('Address').fill('new');
    await page.getByRole('button', { name: 'Create the cluster' }).click();
    const address = page.getByLabel('Address');
    await page.waitForFunction(
      () => document.querySelector('input[name="slug"]')?.getAttribute('aria-invalid') === 'true',
    );
    await expectFocusOnField(page, 'slug');
    await expectNoAxeViolations(page, 'create cluster with an error');

    await address.fill(SLUG);
    await page.getByRole('button', { name: 'Create the cluster' }).click();
    await expectPage(page, CLUSTER_NAME);
    expect(await page.title()).toBe(`${CLUSTER_NAME} — Kopa`);
    expect(new URL(page.url()).pathname).toBe(`/clusters/${SLUG}`);
    await page.getByText('Coordinator', { exact: true }).waitFor();
    watch.expectNone();
  });

  it('lets the coordinator edit the cluster’s settings', async () => {
    await page.getByRole('navigation', { name: 'Cluster' }).getByRole('link', { name: 'Settings' }).click();
    await expectPage(page, 'Settings');
    expect(await page.title()).toBe(`Settings — ${CLUSTER_NAME} — Kopa`);
    await page.getByLabel('Region or town').fill('Latgale, Lūznava');
    await page.getByRole('button', { name: 'Save changes' }).click();
    await page.getByRole('main').getByText('Your changes are saved.').waitFor();
    await expectNoAxeViolations(page, 'settings saved');
    watch.expectNone();
  });

  it('invites a person by e-mail, who accepts through the mailed link', async () => {
    await page
      .getByRole('navigation', { name: 'Cluster' })
      .getByRole('link', { name: 'People and roles' })
      .click();
    await expectPage(page, 'People and roles');
    expect(await page.title()).toBe(`People and roles — ${CLUSTER_NAME} — Kopa`);
    await page
      .getByRole('region', { name: 'Invite someone' })
      .getByLabel('E-mail address')
      .fill(invitee.email);
    await selectOption(
      page,
      /^Participant Role|Role/,
      'Representative',
      page.getByRole('region', { name: 'Invite someone' }),
    );
    await page.getByRole('button', { name: 'Send the invitation' }).click();
    await page.getByText(`An invitation is on its way to ${invitee.email}.`).waitFor();
    await page.getByRole('region', { name: 'Invitations sent' }).getByText(invitee.email).waitFor();
    await expectNoAxeViolations(page, 'people with an invitation');

    // A platform administrator reads the mail in the outbox.
    const admin = await createPerson(server, 'Platform Admin', uniqueEmail('admin'));
    await server.makePlatformAdmin(admin.email);
    const adminContext = await openContext();
    const adminPage = await adminContext.newPage();
    const adminWatch = watchPage(adminPage);
    await signIn(adminPage, server, admin);
    await adminPage.getByRole('link', { name: 'Outbox' }).click();
    await expectPage(adminPage, 'Outbox');
    const mail = adminPage.locator('li', { hasText: `To ${invitee.email}` });
    const mailText = (await mail.locator('pre').textContent()) ?? '';
    const invitationPath = /https?:\/\/[^\s]+(\/invitations\/[A-Za-z0-9_-]+)/.exec(mailText)?.[1];
    expect(invitationPath).toBeTruthy();
    adminWatch.expectNone();
    await adminContext.close();

    // The invitee opens the link, signs in (after creating the account with that address), accepts.
    await createPerson(server, invitee.name, invitee.email);
    const inviteeContext = await openContext();
    const inviteePage = await inviteeContext.newPage();
    const inviteeWatch = watchPage(inviteePage);
    await visit(inviteePage, server.url(invitationPath as string), 'Invitation');
    await inviteePage.getByText(`You are invited to join ${CLUSTER_NAME} as Representative.`).waitFor();
    await inviteePage.getByRole('main').getByRole('link', { name: 'Sign in' }).click();
    await expectPage(inviteePage, 'Sign in');
    await inviteePage.getByLabel('E-mail address').fill(invitee.email);
    await inviteePage.getByLabel('Password').fill(TEST_PASSWORD);
    await inviteePage.getByRole('main').getByRole('button', { name: 'Sign in' }).click();
    await expectPage(inviteePage, 'Invitation', 'invitation when signed in');
    await inviteePage.getByRole('button', { name: 'Accept the invitation' }).click();
    await expectPage(inviteePage, CLUSTER_NAME, 'cluster after accepting');
    await inviteePage.getByRole('main').getByText('Representative', { exact: true }).waitFor();
    inviteeWatch.expectNone();
    await inviteeContext.close();

    await page.reload();
    await expectPage(page, 'People and roles', 'people after acceptance');
    await page.getByRole('main').getByText(invitee.name, { exact: true }).waitFor();
    await page.getByRole('region', { name: 'Invitations sent' }).getByText('Accepted').waitFor();

    // The coordinator grants the newcomer another role, then takes it back.
    const row = page.getByRole('listitem').filter({ hasText: invitee.email });
    await selectOption(page, new RegExp(`Another role for ${invitee.name}`), 'Observer', row);
    await row.getByRole('button', { name: 'Grant' }).click();
    const revokeObserver = row.getByRole('button', { name: `Revoke the role Observer from ${invitee.name}` });
    await revokeObserver.waitFor();
    await expectNoAxeViolations(page, 'people with a granted role');
    await revokeObserver.click();
    await revokeObserver.waitFor({ state: 'detached' });
    watch.expectNone();
  });

  it('withdraws an invitation not yet accepted, after which its link leads nowhere', async () => {
    const email = uniqueEmail('withdrawn');
    const invite = page.getByRole('region', { name: 'Invite someone' });
    await invite.getByLabel('E-mail address').fill(email);
    await invite.getByRole('button', { name: 'Send the invitation' }).click();
    await page.getByText(`An invitation is on its way to ${email}.`).waitFor();
    const invitations = page.getByRole('region', { name: 'Invitations sent' });
    // The list refreshes after the confirmation; wait for the new invitation to be in it.
    await invitations.getByRole('button', { name: `Withdraw the invitation to ${email}` }).waitFor();
    // Only an invitation still waiting can be withdrawn.
    expect(await invitations.getByRole('button', { name: /^Withdraw the invitation to/ }).count()).toBe(1);

    await invitations.getByRole('button', { name: `Withdraw the invitation to ${email}` }).click();
    const confirm = page.getByRole('alertdialog');
    await confirm.getByText(`The link sent to ${email} will stop working.`, { exact: false }).waitFor();
    await expectNoAxeViolations(page, 'withdraw invitation dialog');
    await confirm.getByRole('button', { name: 'Withdraw the invitation' }).click();
    await confirm.waitFor({ state: 'detached' });
    await invitations.getByText(email).waitFor({ state: 'detached' });
    await expectFocusOnMainHeading(page);
    await expectNoAxeViolations(page, 'people after withdrawing an invitation');

    const link = await server.mailedLink(email, '/invitations/');
    const linkPage = await coordinatorContext.newPage();
    await visit(linkPage, server.url(link), 'Invitation');
    await linkPage.getByText('This invitation does not exist or has expired.', { exact: false }).waitFor();
    await linkPage.close();
    watch.expectNone();
  });

  it('brings a newcomer from the invitation through sign-up and confirmation back to it', async () => {
    const newcomer = { email: uniqueEmail('liga'), name: 'Līga Kalniņa' };
    const invite = page.getByRole('region', { name: 'Invite someone' });
    await invite.getByLabel('E-mail address').fill(newcomer.email);
    await selectOption(page, /Role/, 'Observer', invite);
    await invite.getByRole('button', { name: 'Send the invitation' }).click();
    await page.getByText(`An invitation is on its way to ${newcomer.email}.`).waitFor();
    const invitationPath = await server.mailedLink(newcomer.email, '/invitations/');

    const context = await openContext();
    const newcomerPage = await context.newPage();
    const newcomerWatch = watchPage(newcomerPage);
    await visit(newcomerPage, server.url(invitationPath), 'Invitation');
    await newcomerPage.getByRole('main').getByRole('link', { name: 'Create an account' }).click();
    await expectPage(newcomerPage, 'Create an account', 'sign-up from an invitation');
    expect(new URL(newcomerPage.url()).searchParams.get('next')).toBe(invitationPath);
    await newcomerPage.getByLabel('Your name').fill(newcomer.name);
    await newcomerPage.getByLabel('E-mail address').fill(newcomer.email);
    await newcomerPage.getByLabel('Choose a password').fill(TEST_PASSWORD);
    await newcomerPage.getByRole('button', { name: 'Create account' }).click();

    // The address just given is ready for "send the link again".
    await expectPage(newcomerPage, 'Check your e-mail', 'check your mail after an invitation');
    expect(await newcomerPage.getByLabel('E-mail address').inputValue()).toBe(newcomer.email);
    await newcomerPage.getByRole('button', { name: 'Send the link again' }).click();
    await newcomerPage.getByRole('status').getByText('a new link is on its way', { exact: false }).waitFor();
    await expectNoAxeViolations(newcomerPage, 'check your mail, link sent again');
    newcomerWatch.expectNone();

    // The mail is opened in another tab: the way back to the invitation is still known there.
    const confirmation = await server.mailedLink(newcomer.email, '/verify-email?token=');
    const mailTab = await context.newPage();
    const mailTabWatch = watchPage(mailTab);
    await visit(mailTab, server.url(confirmation), 'Confirm your e-mail address');
    await mailTab.getByText('your e-mail address is confirmed', { exact: false }).waitFor();
    await mailTab.getByRole('main').getByRole('link', { name: 'Sign in' }).click();
    await expectPage(mailTab, 'Sign in', 'sign-in after confirming');
    await mailTab.getByLabel('E-mail address').fill(newcomer.email);
    await mailTab.getByLabel('Password').fill(TEST_PASSWORD);
    await mailTab.getByRole('main').getByRole('button', { name: 'Sign in' }).click();
    await expectPage(mailTab, 'Invitation', 'invitation after signing up');
    expect(new URL(mailTab.url()).pathname).toBe(invitationPath);
    await mailTab.getByRole('button', { name: 'Accept the invitation' }).click();
    await expectPage(mailTab, CLUSTER_NAME, 'cluster after the newcomer accepted');
    await mailTab.getByRole('main').getByText('Observer', { exact: true }).waitFor();
    mailTabWatch.expectNone();
    await context.close();
  });

  it('registers an organisation and admits it as a member through a dialog', async () => {
    await page.getByRole('navigation', { name: 'Cluster' }).getByRole('link', { name: 'Members' }).click();
    await expectPage(page, 'Members');
    await page.getByRole('main').getByRole('link', { name: 'Register an organisation' }).click();
    await expectPage(page, 'Register an organisation');
    await page.getByLabel('Name of the organisation').fill(ORGANISATION);
    await selectOption(page, /Legal form/, 'Association');
    await selectOption(page, /Sector/, 'Civil society');
    await page.getByLabel('Website').fill('https://zala-darbnica.example.lv');
    // It applied before the cluster used Kopa: the history starts on that day, not today.
    const appliedOn = page.getByRole('group', { name: /Applied on/ });
    for (const [segment, digits] of [
      ['day', '01'],
      ['month', '05'],
      ['year', '2017'],
    ] as const) {
      await appliedOn.getByRole('spinbutton', { name: new RegExp(segment, 'i') }).click();
      await page.keyboard.type(digits);
    }
    await page.getByRole('button', { name: 'Register', exact: true }).click();
    await expectPage(page, ORGANISATION);
    expect(await page.title()).toBe(`${ORGANISATION} — ${CLUSTER_NAME} — Kopa`);
    await page.getByRole('main').getByText('Applicant', { exact: true }).waitFor();
    await page.getByRole('region', { name: 'Membership history' }).getByText('May 1, 2017').waitFor();

    // Only the moves the catalogue allows from "applicant" are offered.
    await page.getByRole('button', { name: 'Admit as member' }).waitFor();
    await page.getByRole('button', { name: 'Decline the application' }).waitFor();
    expect(await page.getByRole('button', { name: 'Suspend' }).count()).toBe(0);

    await page.getByRole('button', { name: 'Admit as member' }).click();
    const dialog = page.getByRole('dialog');
    await dialog.waitFor();
    await expectNoAxeViolations(page, 'admit dialog');
    await dialog.getByRole('button', { name: 'Admit as member' }).click();
    await dialog.waitFor({ state: 'detached' });
    await page.getByRole('main').getByText('Active member', { exact: true }).waitFor();
    const history = page.getByRole('region', { name: 'Membership history' });
    await history.getByText('Applied for membership').waitFor();
    await history.getByText('Admitted as a member').waitFor();
    await expectFocusOnMainHeading(page);
    await expectNoAxeViolations(page, 'organisation admitted');

    await page.getByRole('button', { name: 'Edit details' }).click();
    const edit = page.getByRole('dialog');
    await edit.waitFor();
    await expectNoAxeViolations(page, 'edit organisation dialog');
    await edit.getByLabel('Website').fill('https://zala-darbnica.example.org');
    await edit.getByRole('button', { name: 'Save changes' }).click();
    await edit.waitFor({ state: 'detached' });
    await page.getByRole('link', { name: 'zala-darbnica.example.org' }).waitFor();
    watch.expectNone();
  });

  it('opens and closes a dialog with the keyboard alone, focus trapped inside and given back', async () => {
    const suspend = page.getByRole('button', { name: 'Suspend' });
    await suspend.focus();
    await page.keyboard.press('Enter');
    const dialog = page.getByRole('dialog');
    await dialog.waitFor();
    const isInDialog = () => page.evaluate(() => document.activeElement?.closest('[role="dialog"]') !== null);
    expect(await isInDialog()).toBe(true);
    for (let step = 0; step < 12; step++) {
      await page.keyboard.press('Tab');
      expect(await isInDialog()).toBe(true);
    }
    await page.keyboard.press('Escape');
    await dialog.waitFor({ state: 'detached' });
    // React Aria gives the focus back to the button that opened the dialog (on the next frame).
    await page.waitForFunction(() => document.activeElement?.textContent === 'Suspend');
    watch.expectNone();
  });

  it('links a representative found by name among the cluster’s people, then ends the mandate', async () => {
    await page.getByRole('button', { name: 'Link a representative' }).click();
    const dialog = page.getByRole('dialog');
    await dialog.waitFor();
    // The server searches by name: part of a surname leaves one of the cluster's people, chosen by
    // keyboard.
    const person = dialog.getByRole('combobox', { name: /Person/ });
    await person.fill('bērz');
    await page.waitForFunction(
      () => document.querySelectorAll('[role="listbox"] [role="option"]').length === 1,
    );
    await page
      .getByRole('listbox')
      .getByRole('option', { name: new RegExp(invitee.name) })
      .waitFor();
    await expectNoAxeViolations(page, 'person search in the link representative dialog');
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('Enter');
    await page.getByRole('listbox').waitFor({ state: 'detached' });
    expect(await person.inputValue()).toBe(invitee.name);
    await dialog.getByLabel('Mandate').fill('Pārstāv biedrību kopsapulcē saskaņā ar valdes lēmumu.');
    await expectNoAxeViolations(page, 'link representative dialog');
    await dialog.getByRole('button', { name: 'Link a representative' }).click();
    await dialog.waitFor({ state: 'detached' });
    const representatives = page.getByRole('region', { name: 'Representatives' });
    await representatives.getByText(invitee.name).waitFor();
    await representatives.getByText('Current', { exact: true }).waitFor();

    await representatives
      .getByRole('button', { name: `End the mandate of ${invitee.name} for ${ORGANISATION}` })
      .click();
    const confirm = page.getByRole('alertdialog');
    await confirm.waitFor();
    await expectNoAxeViolations(page, 'end mandate dialog');
    await confirm.getByRole('button', { name: 'End mandate' }).click();
    await confirm.waitFor({ state: 'detached' });
    await representatives.getByText('Ended', { exact: true }).waitFor();
    watch.expectNone();
  });

  it('shows the public page and the member directory to someone signed out', async () => {
    const context = await openContext();
    const publicPage = await context.newPage();
    const publicWatch = watchPage(publicPage);
    await visit(publicPage, server.url(`/clusters/${SLUG}`), CLUSTER_NAME);
    await publicPage.getByText('member organisation', { exact: true }).waitFor();
    await publicPage.getByRole('link', { name: 'Sign in to take part' }).waitFor();
    expect(await publicPage.getByRole('link', { name: 'Settings' }).count()).toBe(0);

    await publicPage.getByRole('link', { name: 'See the members' }).click();
    await expectPage(publicPage, 'Members', 'directory signed out');
    expect(await publicPage.title()).toBe(`Members — ${CLUSTER_NAME} — Kopa`);
    await publicPage.getByRole('link', { name: ORGANISATION }).waitFor();
    await publicPage.getByText('1 organisation shown.').waitFor();

    await publicPage.getByLabel('Search by name').fill('nothing like this');
    await publicPage.keyboard.press('Enter');
    await publicPage.getByText('No organisation found.').waitFor();
    await publicPage.getByLabel('Search by name').fill('Zaļā');
    await publicPage.getByRole('button', { name: 'Search', exact: true }).click();
    await publicPage.getByText('1 organisation shown.').waitFor();
    await expectNoAxeViolations(publicPage, 'directory filtered');

    await publicPage.getByRole('link', { name: ORGANISATION }).click();
    await expectPage(publicPage, ORGANISATION, 'organisation signed out');
    // Representatives are for the cluster's members, not the public.
    expect(await publicPage.getByRole('region', { name: 'Representatives' }).count()).toBe(0);

    // A small screen (320 px) needs no sideways scrolling.
    await publicPage.setViewportSize({ width: 320, height: 800 });
    for (const path of [
      `/clusters/${SLUG}`,
      `/clusters/${SLUG}/members`,
      `/clusters/${SLUG}/transparency`,
      '/',
    ]) {
      await publicPage.goto(server.url(path));
      await settle(publicPage);
      const overflow = await publicPage.evaluate(
        () => document.documentElement.scrollWidth - window.innerWidth,
      );
      expect(overflow, `sideways scrolling at 320px on ${path}`).toBeLessThanOrEqual(0);
    }
    await expectNoAxeViolations(publicPage, 'home at 320px');
    publicWatch.expectNone();
    await context.close();
  });

  it('tells the public log in plain words, with the signed checkpoint and how to verify it', async () => {
    const context = await openContext();
    const publicPage = await context.newPage();
    const publicWatch = watchPage(publicPage);
    await visit(publicPage, server.url(`/clusters/${SLUG}/transparency`), 'Transparency');
    expect(await publicPage.title()).toBe(`Transparency — ${CLUSTER_NAME} — Kopa`);
    const log = publicPage.getByRole('region', { name: 'Public log' });
    await log.getByText(`The cluster “${CLUSTER_NAME}” was created.`).waitFor();
    await log.getByText(new RegExp(`${ORGANISATION}: Admitted as a member`)).waitFor();
    // Applications are private: the public hears of an organisation once it is admitted.
    expect(await log.getByText(`${ORGANISATION} (Association) applied for membership.`).count()).toBe(0);
    await log.getByText(/The cluster’s profile was changed: region/).waitFor();

    const checkpoint = publicPage.getByRole('region', { name: 'Signed checkpoint' });
    await checkpoint.getByText('BEGIN PUBLIC KEY').waitFor();
    await checkpoint.getByText('Ed25519').waitFor();
    const chainLink = publicPage.getByRole('link', { name: 'Download the chain' });
    expect(await chainLink.getAttribute('href')).toBe(`/api/v1/clusters/${SLUG}/audit/chain`);
    await publicPage.getByText(`npx kopa audit verify --cluster ${SLUG}`).waitFor();
    // The recipe on the page works for someone with none of Kopa's code.
    expect(await verifyLikeAnOutsider(server.baseUrl, SLUG)).toEqual([]);

    // The explanation exists in every language.
    for (const [language, heading] of [
      ['Latviešu', 'Pārbaudiet žurnālu paši'],
      ['Français', 'Vérifiez le journal vous-même'],
      ['Italiano', 'Verifica tu stesso il registro'],
    ] as const) {
      await selectOption(publicPage, /Language|Valoda|Langue|Lingua/, language);
      await publicPage.getByRole('heading', { name: heading }).waitFor();
      await expectNoAxeViolations(publicPage, `transparency in ${language}`);
    }
    publicWatch.expectNone();
    await context.close();
  });

  it('answers unknown addresses with a not-found page', async () => {
    const context = await openContext();
    const publicPage = await context.newPage();
    await visit(publicPage, server.url('/clusters/no-such-cluster'), 'Page not found');
    expect(await publicPage.title()).toBe('Page not found — Kopa');
    await visit(publicPage, server.url('/no/such/page'), 'Page not found');
    await context.close();
  });
});
