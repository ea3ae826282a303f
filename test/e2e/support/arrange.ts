/**
 * Arranging what a browser test is not about — clusters, members, mandates, a currency — through
 * the API, as the people concerned would, so the browser is spent on the pages under test.
 */
import { ApiClient } from '../../support/api-client.ts';
import { TEST_PASSWORD, type TestPerson } from './people.ts';
import type { WebServer } from './web-server.ts';

export type ApiSession = (
  method: 'GET' | 'POST' | 'PUT',
  path: string,
  body?: unknown,
  headers?: Record<string, string>,
  // biome-ignore lint/suspicious/noExplicitAny: arrangements read the JSON answers as loosely as the API client does
) => Promise<any>;

/** An API session of the person (paths under /api/v1); any answer above 299 throws. */
export async function apiAs(server: WebServer, person: TestPerson): Promise<ApiSession> {
  const client = new ApiClient(server.app);
  const response = await client.post('/api/v1/session', { email: person.email, password: TEST_PASSWORD });
  if (response.status !== 200) throw new Error(`sign-in failed: ${JSON.stringify(response.body)}`);
  return async (method, path, body, headers) => {
    const result = await client.request(method, `/api/v1${path}`, body, headers);
    if (result.status >= 300)
      throw new Error(`${method} ${path}: ${result.status} ${JSON.stringify(result.body)}`);
    return result.body;
  };
}

/**
 * Registers an organisation, makes it an active member, and records the person's mandate for it
 * (the person joins the cluster first). Returns the organisation's id.
 */
export async function addMember(
  server: WebServer,
  asCoordinator: ApiSession,
  slug: string,
  member: { name: string; sector: string; representative: TestPerson },
): Promise<string> {
  const organisation = await asCoordinator('POST', `/clusters/${slug}/organisations`, {
    name: member.name,
    legalForm: 'social_cooperative',
    sector: member.sector,
    country: 'IT',
  });
  const path = `/clusters/${slug}/organisations/${organisation.id}`;
  await asCoordinator('POST', `${path}/membership`, { toStatus: 'active', effectiveOn: '2024-01-01' });
  const asRepresentative = await apiAs(server, member.representative);
  await asRepresentative('POST', `/clusters/${slug}/join`);
  const session = await asRepresentative('GET', '/session');
  await asCoordinator('POST', `${path}/representatives`, {
    personId: session.person.id,
    mandate: 'Board decision',
    startsOn: '2024-01-01',
  });
  return organisation.id;
}
