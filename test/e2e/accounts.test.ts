/**
 * In the browser: creating an account through the mailed confirmation link (sent again on request
 * when signing in too early), signing in, the language switcher (remembered across reloads), and
 * keyboard-only use. Every page visited is checked with axe (WCAG 2.1 A and AA).
 */
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectNoAxeViolations } from './support/accessibility.ts';
import { expectPage, settle, visit } from './support/app-page.ts';
import { hasChromium, launchBrowser } from './support/browser.ts';
import { expectFocusOnMainHeading } from './support/focus.ts';
import { type PageProblems, watchPage } from './support/page-watch.ts';
import { startWebServer, type WebServer } from './support/web-server.ts';

const PASSWORD = 'a long walk by the river';
const NEW_PASSWORD = 'new moon over the lake';

describe.skipIf(!hasChromium)('accounts in the browser', () => {
  let server: WebServer;
  let browser: Browser;
  let context: BrowserContext;
  let page: Page;
  let watch: PageProblems;
  const email = `ilze.${Date.now()}@example.org`;

  beforeAll(async () => {
    [server, browser] = await Promise.all([startWebServer(), launchBrowser()]);
    context = await browser.newContext({ locale: 'en-GB' });
    context.setDefaultTimeout(8_000);
    page = await context.newPage();
    watch = watchPage(page);
  });

  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it('signs up, confirms the address from the mailed link, and signs in', async () => {
    await visit(page, server.url('/'), 'Regenerate a place, together');
    expect(await page.title()).toBe('Social-economy clusters — Kopa');

    await page
      .getByRole('navigation', { name: 'Main' })
      .getByRole('link', { name: 'Create an account' })
      .click();
    await expectPage(page, 'Create an account');
    expect(await page.title()).toBe('Create an account — Kopa');

    // A too-short password is refused next to the field, in words, before anything is sent.
    await page.getByLabel('Your name').fill('Ilze Kalniņa');
    await page.getByLabel('E-mail address').fill(email);
    await page.getByLabel('Choose a password').fill('short');
    await page.getByRole('button', { name: 'Create account' }).click();
    const password = page.getByLabel('Choose a password');
    await page.getByText('Use at least 10 characters.').waitFor();
    expect(await password.getAttribute('aria-invalid')).toBe('true');
    await expectNoAxeViolations(page, 'sign-up with an error');

    // The server refuses a password made of the address; its message sits beside the field.
    await password.fill(`${email.split('@')[0]} secret`);
    await page.getByRole('button', { name: 'Create account' }).click();
    await page
      .getByText(/password/i, { exact: false })
      .and(page.locator('.field__error'))
      .waitFor();
    expect(await password.getAttribute('aria-invalid')).toBe('true');
    const describedBy = (await password.getAttribute('aria-describedby')) ?? '';
    const description = await page.evaluate(
      (ids) =>
        ids
          .split(' ')
          .map((id) => document.getElementById(id)?.textContent ?? '')
          .join(' '),
      describedBy,
    );
    expect(description).toMatch(/password/i);
    await expectNoAxeViolations(page, 'sign-up with a server error');

    await password.fill(PASSWORD);
    await page.getByRole('button', { name: 'Create account' }).click();
    await expectPage(page, 'Check your e-mail');

    // Signing in before confirming is refused above the form, with a way to have the link sent
    // again to the address just typed; the new link is the one that works.
    await page.getByRole('main').getByRole('link', { name: 'Sign in' }).click();
    await expectPage(page, 'Sign in', 'sign-in before confirming');
    await page.getByLabel('E-mail address').fill(email);
    await page.getByLabel('Password').fill(PASSWORD);
    await page.getByRole('main').getByRole('button', { name: 'Sign in' }).click();
    const notConfirmed = page.getByRole('main').getByRole('alert');
    await notConfirmed.getByRole('button', { name: 'Send the link again' }).click();
    await page
      .getByRole('main')
      .getByRole('status')
      .getByText(`A new confirmation link is on its way to ${email}.`)
      .waitFor();
    expect(await page.getByLabel('E-mail address').getAttribute('aria-invalid')).toBeNull();
    await expectNoAxeViolations(page, 'sign-in before confirming, link sent again');

    const link = await server.mailedLink(email, '/verify-email?token=');
    await visit(page, server.url(link), 'Confirm your e-mail address');
    await page.getByText('your e-mail address is confirmed').waitFor();
    await expectNoAxeViolations(page, 'verified');

    await page.getByRole('main').getByRole('link', { name: 'Sign in' }).click();
    await expectPage(page, 'Sign in');
    await page.getByLabel('E-mail address').fill(email);
    await page.getByLabel('Password').fill('not my password');
    await page.getByRole('main').getByRole('button', { name: 'Sign in' }).click();
    // Wrong credentials are about the pair: announced above the form (role="alert"), never as a
    // raw code, and neither field is marked as the wrong one.
    const alert = page.getByRole('main').getByRole('alert');
    await alert.waitFor();
    expect(await alert.textContent()).not.toMatch(/auth\.|invalid_credentials/);
    expect(await page.getByLabel('E-mail address').getAttribute('aria-invalid')).toBeNull();
    expect(await page.getByLabel('Password').getAttribute('aria-invalid')).toBeNull();
    await expectNoAxeViolations(page, 'sign-in with an error');

    await page.getByLabel('Password').fill(PASSWORD);
    await page.getByRole('main').getByRole('button', { name: 'Sign in' }).click();
    await expectPage(page, 'Regenerate a place, together');
    await page.getByRole('link', { name: 'Account (Ilze Kalniņa)' }).waitFor();
    watch.expectNone();
  });

  it('switches the language to Latvian, French and Italian, and remembers it across a reload', async () => {
    const choose = async (current: string, language: string) => {
      await page.getByRole('button', { name: new RegExp(current) }).click();
      await page.getByRole('option', { name: language }).click();
    };
    await visit(page, server.url('/'), 'Regenerate a place, together');

    await choose('English', 'Latviešu');
    await expectPage(page, 'Atdzīvināsim vietu kopā', 'home in Latvian');
    expect(await page.locator('html').getAttribute('lang')).toBe('lv');
    expect(await page.title()).toBe('Sociālās ekonomikas klasteri — Kopa');
    await page.reload();
    await expectPage(page, 'Atdzīvināsim vietu kopā', 'home in Latvian after a reload');
    await page.getByRole('link', { name: 'Konts (Ilze Kalniņa)' }).waitFor();

    await choose('Latviešu', 'Français');
    await expectPage(page, 'Régénérer un territoire, ensemble', 'home in French');
    expect(await page.locator('html').getAttribute('lang')).toBe('fr');
    await page.reload();
    await expectPage(page, 'Régénérer un territoire, ensemble', 'home in French after a reload');

    await choose('Français', 'Italiano');
    await expectPage(page, 'Rigenerare un luogo, insieme', 'home in Italian');
    await page.reload();
    await expectPage(page, 'Rigenerare un luogo, insieme', 'home in Italian after a reload');
    expect(await page.locator('html').getAttribute('lang')).toBe('it');

    // Server messages follow the chosen language too.
    await page.goto(server.url('/verify-email?token=not-a-real-token'));
    await settle(page);
    await page.getByRole('alert').waitFor();
    expect(await page.getByRole('alert').textContent()).not.toMatch(/account\.|token_invalid/);

    await choose('Italiano', 'English');
    await expectPage(page, 'Confirm your e-mail address', 'back in English');
    watch.expectNone();
  });

  it('can be used with the keyboard alone: skip link, main heading', async () => {
    await visit(page, server.url('/'), 'Regenerate a place, together');
    await page.keyboard.press('Tab');
    const skip = await page.evaluate(() => document.activeElement?.textContent);
    expect(skip).toBe('Skip to main content');
    await page.keyboard.press('Enter');
    const focused = await page.evaluate(() => ({
      tag: document.activeElement?.tagName,
      text: document.activeElement?.textContent,
      isInMain: document.activeElement?.closest('main') !== null,
    }));
    expect(focused).toEqual({ tag: 'H1', text: 'Regenerate a place, together', isInMain: true });

    // After a client-side navigation, focus lands on the new page's heading.
    await page.getByRole('link', { name: /Account/ }).focus();
    await page.keyboard.press('Enter');
    await settle(page);
    await expectFocusOnMainHeading(page);
    watch.expectNone();
  });

  it('resets a forgotten password through the mailed link', async () => {
    const context = await browser.newContext({ locale: 'en-GB' });
    context.setDefaultTimeout(8_000);
    const other = await context.newPage();
    const otherWatch = watchPage(other);
    await visit(other, server.url('/sign-in'), 'Sign in');
    await other.getByRole('link', { name: 'Forgot your password?' }).click();
    await expectPage(other, 'Forgot your password?');
    await other.getByLabel('E-mail address').fill(email);
    await other.getByRole('button', { name: 'Send the link' }).click();
    await other.getByText('If an account uses this address, a link is on its way.').waitFor();
    await expectNoAxeViolations(other, 'reset link sent');

    const link = await server.mailedLink(email, '/reset-password?token=');
    await visit(other, server.url(link), 'Choose a new password');
    await other.getByLabel('Choose a password').fill(NEW_PASSWORD);
    await other.getByRole('button', { name: 'Save the new password' }).click();
    await other.getByText('Your new password is saved.').waitFor();
    await expectNoAxeViolations(other, 'password reset');
    otherWatch.expectNone();
    await context.close();
  });

  it('keeps an account page: profile, sessions, a copy of one’s data, and deletion', async () => {
    // The reset signed every browser out; sign in again with the new password.
    await page.goto(server.url('/sign-in?next=/account'));
    await expectPage(page, 'Sign in');
    await page.getByLabel('E-mail address').fill(email);
    await page.getByLabel('Password').fill(NEW_PASSWORD);
    await page.getByRole('main').getByRole('button', { name: 'Sign in' }).click();
    await expectPage(page, 'Your account');
    expect(await page.title()).toBe('Your account — Kopa');

    await page.getByLabel('Your name').fill('Ilze Kalniņa-Ozola');
    await page.getByRole('button', { name: 'Save changes' }).click();
    await page.getByRole('link', { name: 'Account (Ilze Kalniņa-Ozola)' }).waitFor();

    const sessions = page.getByRole('region', { name: 'Where you are signed in' });
    await sessions.getByText('This browser').waitFor();
    expect(await page.getByRole('link', { name: 'Download my data' }).getAttribute('href')).toBe(
      '/api/v1/account/export',
    );
    const exported = await page.evaluate(async () => (await fetch('/api/v1/account/export')).json());
    expect(exported.person.displayName).toBe('Ilze Kalniņa-Ozola');
    await expectNoAxeViolations(page, 'account');

    // Deleting asks for the password in a dialog that says plainly what happens.
    await page.getByRole('button', { name: 'Delete my account…' }).click();
    const dialog = page.getByRole('alertdialog');
    await dialog.waitFor();
    await dialog.getByText('This cannot be undone.').waitFor();
    await expectNoAxeViolations(page, 'delete account dialog');
    await dialog.getByLabel('Your password, to confirm').fill('not the password');
    await dialog.getByRole('button', { name: 'Delete my account' }).click();
    await page.waitForFunction(
      () =>
        document
          .querySelector('[role="alertdialog"] input[type="password"]')
          ?.getAttribute('aria-invalid') === 'true',
    );
    await expectNoAxeViolations(page, 'delete account dialog with an error');
    await dialog.getByLabel('Your password, to confirm').fill(NEW_PASSWORD);
    await dialog.getByRole('button', { name: 'Delete my account' }).click();
    await expectPage(page, 'Regenerate a place, together', 'home after deletion');
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Sign in' }).waitFor();
    watch.expectNone();
  });
});
