/**
 * People for browser tests: accounts made through the real API (sign-up, the mailed link), and
 * signing in through the sign-in page like anyone would.
 */
import type { Page } from 'playwright-core';
import { expectPage } from './app-page.ts';
import type { WebServer } from './web-server.ts';

export const TEST_PASSWORD = 'river stones and willow';

export interface TestPerson {
  readonly email: string;
  readonly name: string;
}

let counter = 0;

export function uniqueEmail(prefix: string): string {
  counter += 1;
  return `${prefix}.${Date.now().toString(36)}${counter}@example.org`;
}

/** Signs up through the API and follows the confirmation link, as a person would. */
export async function createPerson(server: WebServer, name: string, email = uniqueEmail('person')) {
  let cookies = '';
  const call = async (method: string, path: string, body?: unknown) => {
    const csrf = /kopa_csrf=([^;]+)/.exec(cookies)?.[1] ?? '';
    const response = await fetch(server.url(`/api/v1${path}`), {
      method,
      headers: {
        cookie: cookies,
        'x-kopa-csrf': csrf,
        ...(body === undefined ? {} : { 'content-type': 'application/json' }),
      },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    for (const cookie of response.headers.getSetCookie()) {
      const pair = cookie.split(';')[0] ?? '';
      cookies = [
        ...cookies.split('; ').filter((c) => c && !c.startsWith(`${pair.split('=')[0]}=`)),
        pair,
      ].join('; ');
    }
    if (!response.ok) throw new Error(`${method} ${path}: ${response.status} ${await response.text()}`);
  };
  await call('GET', '/session');
  await call('POST', '/account/sign-up', { email, password: TEST_PASSWORD, displayName: name, locale: 'en' });
  const link = await server.mailedLink(email, '/verify-email?token=');
  const token = new URL(link, server.baseUrl).searchParams.get('token');
  await call('POST', '/account/verify-email', { token });
  return { email, name };
}

/** Signs in through the sign-in page and waits until the header greets the person. */
export async function signIn(
  page: Page,
  server: WebServer,
  person: TestPerson,
  next?: string,
): Promise<void> {
  await page.goto(server.url(next ? `/sign-in?next=${encodeURIComponent(next)}` : '/sign-in'));
  await expectPage(page, 'Sign in');
  await page.getByLabel('E-mail address').fill(person.email);
  await page.getByLabel('Password').fill(TEST_PASSWORD);
  await page.getByRole('main').getByRole('button', { name: 'Sign in' }).click();
  await page.getByRole('link', { name: `Account (${person.name})` }).waitFor();
}
