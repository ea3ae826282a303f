import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestContext, type TestContext } from '../../../../test/support/test-app.ts';
import { PublicReadCache } from './public-read-cache.ts';

const TTL_MS = 300;
let ctx: TestContext;
beforeAll(async () => {
  ctx = await createTestContext({ publicCacheTtlMs: TTL_MS });
});
afterAll(async () => {
  await ctx.close();
});

describe('the public read cache', () => {
  it('serves repeated anonymous reads from memory', async () => {
    const { slug } = await ctx.cluster();
    const first = await ctx.client().get(`/api/v1/clusters/${slug}`);
    const second = await ctx.client().get(`/api/v1/clusters/${slug}`);
    expect(first.headers['x-kopa-cache']).toBeUndefined();
    expect(second.headers['x-kopa-cache']).toBe('hit');
    expect(second.body).toEqual(first.body);
    expect(String(second.headers['content-security-policy'])).toContain("default-src 'self'");
  });

  it('shows a write made through Kopa to the very next anonymous reader', async () => {
    const { slug, coordinator } = await ctx.cluster();
    const directory = `/api/v1/clusters/${slug}/organisations`;
    expect((await ctx.client().get(directory)).body.items).toEqual([]);
    expect((await ctx.client().get(`/api/v1/clusters/${slug}`)).body.memberCount).toBe(0);
    const created = await coordinator.client.post(directory, {
      name: 'Ecos-Med',
      legalForm: 'social_cooperative',
      sector: 'civil_society',
      country: 'IT',
    });
    await coordinator.client.post(`${directory}/${created.body.id}/membership`, { toStatus: 'active' });
    expect((await ctx.client().get(directory)).body.items.map((o: { name: string }) => o.name)).toEqual([
      'Ecos-Med',
    ]);
    expect((await ctx.client().get(`/api/v1/clusters/${slug}`)).body.memberCount).toBe(1);
    const listed = await ctx.client().get('/api/v1/clusters?limit=100');
    expect(listed.body.items.find((c: { slug: string }) => c.slug === slug).memberCount).toBe(1);
  });

  it('is never used for a signed-in reader', async () => {
    const { slug, coordinator } = await ctx.cluster();
    await ctx.client().get(`/api/v1/clusters/${slug}`);
    const signedIn = await coordinator.client.get(`/api/v1/clusters/${slug}`);
    expect(signedIn.headers['x-kopa-cache']).toBeUndefined();
    expect(signedIn.body.viewer.roles).toEqual(['coordinator']);
  });

  it('sees a change made by another process once the entry expires', async () => {
    const { slug, id } = await ctx.cluster();
    await ctx.client().get(`/api/v1/clusters/${slug}`);
    await sql`update cluster set name = 'Renamed elsewhere' where id = ${id}`.execute(ctx.db);
    expect((await ctx.client().get(`/api/v1/clusters/${slug}`)).body.name).toBe(`Cluster ${slug}`);
    await new Promise((resolve) => setTimeout(resolve, TTL_MS + 50));
    expect((await ctx.client().get(`/api/v1/clusters/${slug}`)).body.name).toBe('Renamed elsewhere');
  });

  it('does not keep errors', async () => {
    await ctx.client().get('/api/v1/clusters/later-created');
    const { slug } = await ctx.cluster('later-created');
    expect((await ctx.client().get(`/api/v1/clusters/${slug}`)).status).toBe(200);
  });
});

describe('PublicReadCache', () => {
  it('refuses what a read saw if a write invalidated its cluster meanwhile', () => {
    const cache = new PublicReadCache({ ttlMs: 1000, maxEntries: 10 });
    const ticket = cache.generationOf('ploucs');
    cache.invalidate('ploucs');
    cache.set('/a', 'ploucs', ticket, 'stale', 'application/json');
    expect(cache.get('/a')).toBeUndefined();
    cache.set('/a', 'ploucs', cache.generationOf('ploucs'), 'fresh', 'application/json');
    expect(cache.get('/a')?.body).toBe('fresh');
  });

  it('drops a cluster’s entries and the cluster list on its writes, leaving other clusters', () => {
    const cache = new PublicReadCache({ ttlMs: 1000, maxEntries: 10 });
    cache.set('/p', 'ploucs', cache.generationOf('ploucs'), 'p', 'application/json');
    cache.set('/l', 'luznava', cache.generationOf('luznava'), 'l', 'application/json');
    cache.set('/list', '*', cache.generationOf('*'), 'list', 'application/json');
    cache.invalidate('ploucs');
    expect(cache.get('/p')).toBeUndefined();
    expect(cache.get('/list')).toBeUndefined();
    expect(cache.get('/l')?.body).toBe('l');
  });

  it('holds at most maxEntries, dropping the least recently used', () => {
    let now = 0;
    const cache = new PublicReadCache({ ttlMs: 1000, maxEntries: 2, now: () => now });
    cache.set('/1', 'a', cache.generationOf('a'), '1', 'application/json');
    cache.set('/2', 'a', cache.generationOf('a'), '2', 'application/json');
    cache.get('/1');
    cache.set('/3', 'a', cache.generationOf('a'), '3', 'application/json');
    expect(cache.size).toBe(2);
    expect(cache.get('/2')).toBeUndefined();
    now = 1000;
    expect(cache.get('/1')).toBeUndefined();
  });
});
