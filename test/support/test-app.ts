/**
 * The context of an API test file: its own database, the real application on it, clients that
 * behave like browsers, and small factories (`ctx.person()`, `ctx.cluster()`).
 */
import type { FastifyInstance } from 'fastify';
import type { AuditLog } from '../../src/server/platform/audit/audit-log.ts';
import type { Db } from '../../src/server/platform/database.ts';
import { ApiClient } from './api-client.ts';
import { createTestKopa, newestMailWith } from './test-kopa.ts';

export const TEST_PASSWORD = 'a-long-test-passphrase';

export interface TestPerson {
  id: string;
  email: string;
  displayName: string;
  client: ApiClient;
}

export interface TestContext {
  app: FastifyInstance;
  db: Db;
  databaseUrl: string;
  audit: AuditLog;
  dataDir: string;
  client(acceptLanguage?: string): ApiClient;
  /** Signs up through the API, follows the mailed link, signs in. */
  person(name?: string, options?: { locale?: string }): Promise<TestPerson>;
  /** A cluster created through the API by a new coordinator. */
  cluster(
    slug?: string,
    overrides?: Record<string, unknown>,
  ): Promise<{ slug: string; id: string; coordinator: TestPerson }>;
  /** The link token in the newest mail sent to the address. */
  mailedToken(email: string, pathPart: string): Promise<string>;
  close(): Promise<void>;
}

let counter = 0;
const unique = () => `${Date.now().toString(36)}${(counter++).toString(36)}`;

export async function createTestContext(
  options: {
    rateLimitScale?: number;
    publicCacheTtlMs?: number;
    /** Hears the text of every statement the application sends. */
    onStatement?: (text: string) => void;
  } = {},
): Promise<TestContext> {
  const kopa = await createTestKopa({
    publicUrl: 'http://kopa.test',
    serveWeb: false,
    rateLimitScale: options.rateLimitScale,
    publicCacheTtlMs: options.publicCacheTtlMs,
    onStatement: options.onStatement,
  });
  const { app } = kopa;
  await app.ready();

  const mailedToken = async (email: string, pathPart: string) => {
    const body = await newestMailWith(kopa.db, email, pathPart);
    const match = new RegExp(`${pathPart.replace(/[?]/g, '\\?')}([A-Za-z0-9_-]+)`).exec(body);
    if (!match?.[1]) throw new Error(`no ${pathPart} link in the mail to ${email}`);
    return match[1];
  };

  const context: TestContext = {
    app,
    db: kopa.db,
    databaseUrl: kopa.databaseUrl,
    audit: kopa.audit,
    dataDir: kopa.dataDir,
    client: (acceptLanguage = 'en') => new ApiClient(app, acceptLanguage),
    async person(name = 'Test Person', personOptions = {}) {
      const client = new ApiClient(app);
      const email = `p-${unique()}@example.org`;
      const signUp = await client.post('/api/v1/account/sign-up', {
        email,
        password: TEST_PASSWORD,
        displayName: name,
        locale: personOptions.locale ?? 'en',
      });
      if (signUp.status !== 201) throw new Error(`sign-up failed: ${JSON.stringify(signUp.body)}`);
      const token = await mailedToken(email, '/verify-email?token=');
      const verify = await client.post('/api/v1/account/verify-email', { token });
      if (verify.status !== 204) throw new Error(`verify failed: ${JSON.stringify(verify.body)}`);
      const signIn = await client.post('/api/v1/session', { email, password: TEST_PASSWORD });
      if (signIn.status !== 200) throw new Error(`sign-in failed: ${JSON.stringify(signIn.body)}`);
      return { id: signIn.body.person.id, email, displayName: name, client };
    },
    async cluster(slug = `c-${unique()}`, overrides = {}) {
      const coordinator = await context.person('Coordinator');
      const response = await coordinator.client.post('/api/v1/clusters', {
        slug,
        name: `Cluster ${slug}`,
        country: 'LV',
        region: 'Latgale',
        languages: ['lv', 'en'],
        defaultLocale: 'lv',
        clusterType: 'spatial',
        description: 'A test cluster.',
        visibility: 'public',
        ...overrides,
      });
      if (response.status !== 201)
        throw new Error(`cluster creation failed: ${JSON.stringify(response.body)}`);
      return { slug, id: response.body.id, coordinator };
    },
    mailedToken,
    close: kopa.close,
  };
  return context;
}
