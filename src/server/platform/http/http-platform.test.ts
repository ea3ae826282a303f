import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestContext, type TestContext } from '../../../../test/support/test-app.ts';

let ctx: TestContext;
beforeAll(async () => {
  ctx = await createTestContext({ rateLimitScale: 1 });
});
afterAll(async () => {
  await ctx.close();
});

describe('the HTTP platform', () => {
  it('reports health with the database', async () => {
    expect((await ctx.client().get('/api/v1/health')).body).toEqual({ status: 'ok', database: 'ok' });
  });

  it('publishes an OpenAPI 3 document of every route', async () => {
    const document = (await ctx.client().get('/api/openapi.json')).body;
    expect(document.openapi).toMatch(/^3\./);
    expect(Object.keys(document.paths)).toEqual(
      expect.arrayContaining([
        '/api/v1/health',
        '/api/v1/clusters',
        '/api/v1/clusters/{slug}',
        '/api/v1/clusters/{slug}/organisations',
      ]),
    );
  });

  it('sends a strict content security policy and no framing', async () => {
    const response = await ctx.client().get('/api/v1/health');
    const csp = String(response.headers['content-security-policy']);
    expect(csp).toContain("default-src 'self'");
    expect(csp).toContain("script-src 'self'");
    expect(csp).toContain("frame-ancestors 'none'");
    expect(response.headers['x-content-type-options']).toBe('nosniff');
    expect(response.headers['x-frame-options']).toBe('DENY');
    expect(response.headers['referrer-policy']).toBe('no-referrer');
    expect(response.headers['cross-origin-opener-policy']).toBe('same-origin');
    // Served over plain http in tests: no HSTS, no upgrade of requests.
    expect(response.headers['strict-transport-security']).toBeUndefined();
    expect(csp).not.toContain('upgrade-insecure-requests');
  });

  it('answers an unknown API address with a translated 404', async () => {
    const response = await ctx.client('it').get('/api/v1/nothing-here');
    expect(response.status).toBe(404);
    expect(response.body.error).toEqual({
      code: 'http.not_found',
      message: 'Non c’è nulla a questo indirizzo.',
    });
  });

  it('lets only platform administrators read the dev outbox', async () => {
    const person = await ctx.person('Ordinary');
    expect((await person.client.get('/api/v1/admin/outbox')).status).toBe(403);
    expect((await ctx.client().get('/api/v1/admin/outbox')).status).toBe(401);
    await ctx.db.updateTable('person').set({ is_platform_admin: true }).where('id', '=', person.id).execute();
    const outbox = await person.client.get('/api/v1/admin/outbox?limit=5');
    expect(outbox.status).toBe(200);
    expect(outbox.body.items[0]).toMatchObject({
      to: person.email,
      subject: 'Confirm your e-mail address for Kopa',
    });
  });

  // Last: it spends this file's sign-in allowance.
  it('limits sign-in attempts per address, with a translated 429', async () => {
    const client = ctx.client('fr');
    const attempts = [];
    for (let i = 0; i < 11; i++)
      attempts.push(
        await client.post('/api/v1/session', { email: 'guess@example.org', password: `guess-${i}` }),
      );
    // The file's earlier sign-in spent one of the ten allowed per minute.
    const firstRefused = attempts.findIndex((r) => r.status === 429);
    expect(firstRefused).toBe(9);
    expect(attempts.slice(0, firstRefused).every((r) => r.status === 401)).toBe(true);
    expect(attempts[firstRefused]?.body.error).toEqual({
      code: 'auth.rate_limited',
      message: 'Trop de tentatives. Patientez un peu et réessayez.',
    });
  });
});
