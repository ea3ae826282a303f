/**
 * A person of cluster A must not read or change cluster B's non-public data through any route.
 * The table below names every cluster-scoped route; a new route without a row fails the test.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { denied, type TenantCase } from '../../test/support/tenant-isolation.ts';
import { createTestContext, type TestContext, type TestPerson } from '../../test/support/test-app.ts';
import { TENANT_CASE_SETS } from '../../test/tenant-isolation/index.ts';

let ctx: TestContext;
let intruder: TestPerson;
let publicB: {
  slug: string;
  coordinator: TestPerson;
  applicantId: string;
  activeId: string;
  mandateId: string;
};
let privateB: { slug: string; activeId: string };
let ownOrganisationId: string;
let slugA: string;
let moduleCases: (() => TenantCase[])[] = [];

const organisation = (name: string) => ({
  name,
  legalForm: 'association',
  sector: 'civil_society',
  country: 'FR',
});

beforeAll(async () => {
  ctx = await createTestContext();
  const a = await ctx.cluster('cluster-a');
  intruder = a.coordinator;
  slugA = a.slug;
  ownOrganisationId = (
    await intruder.client.post('/api/v1/clusters/cluster-a/organisations', organisation('A’s own'))
  ).body.id;

  const b = await ctx.cluster('cluster-b');
  const client = b.coordinator.client;
  const applicant = await client.post(
    '/api/v1/clusters/cluster-b/organisations',
    organisation('B applicant'),
  );
  const active = await client.post('/api/v1/clusters/cluster-b/organisations', organisation('B member'));
  await client.post(`/api/v1/clusters/cluster-b/organisations/${active.body.id}/membership`, {
    toStatus: 'active',
  });
  const linked = await client.post(
    `/api/v1/clusters/cluster-b/organisations/${active.body.id}/representatives`,
    {
      personId: b.coordinator.id,
      mandate: 'Statutes art. 7',
      startsOn: '2024-01-01',
    },
  );
  await client.post('/api/v1/clusters/cluster-b/invitations', {
    email: 'secret.invitee@example.org',
    role: 'observer',
  });
  publicB = {
    slug: b.slug,
    coordinator: b.coordinator,
    applicantId: applicant.body.id,
    activeId: active.body.id,
    mandateId: linked.body.representatives[0].id,
  };

  const p = await ctx.cluster('private-b', { visibility: 'members' });
  const privateActive = await p.coordinator.client.post(
    '/api/v1/clusters/private-b/organisations',
    organisation('Hidden member'),
  );
  await p.coordinator.client.post(
    `/api/v1/clusters/private-b/organisations/${privateActive.body.id}/membership`,
    { toStatus: 'active' },
  );
  privateB = { slug: p.slug, activeId: privateActive.body.id };

  await intruder.client.post(`/api/v1/clusters/cluster-a/organisations/${ownOrganisationId}/membership`, {
    toStatus: 'active',
  });
  const world = { ctx, intruder, slugA, ownOrganisationId, publicB, privateB };
  moduleCases = [];
  for (const set of TENANT_CASE_SETS) moduleCases.push(await set.prepare(world));
});
afterAll(async () => {
  await ctx.close();
});

const cases = (): TenantCase[] => [
  ...foundationCases(),
  ...moduleCases.flatMap((moduleCase) => moduleCase()),
];

const foundationCases = (): TenantCase[] => {
  const b = `/api/v1/clusters/${publicB.slug}`;
  const applicant = `${b}/organisations/${publicB.applicantId}`;
  const active = `${b}/organisations/${publicB.activeId}`;
  const c = intruder.client;
  return [
    {
      method: 'GET',
      path: '/clusters/{slug}',
      check: async () => {
        const response = await c.get(b);
        expect(response.status).toBe(200);
        expect(response.body.applicantCount).toBeNull();
        expect(response.body.viewer.roles).toEqual([]);
        denied(404, 'cluster.not_found')(await c.get(`/api/v1/clusters/${privateB.slug}`));
      },
    },
    {
      method: 'PATCH',
      path: '/clusters/{slug}',
      check: async () => denied(403, 'auth.forbidden')(await c.patch(b, { name: 'Taken over' })),
    },
    {
      method: 'POST',
      path: '/clusters/{slug}/join',
      check: async () =>
        denied(404, 'cluster.not_found')(await c.post(`/api/v1/clusters/${privateB.slug}/join`)),
    },
    {
      method: 'GET',
      path: '/clusters/{slug}/people',
      check: async () => denied(403, 'auth.forbidden')(await c.get(`${b}/people`)),
    },
    {
      method: 'POST',
      path: '/clusters/{slug}/roles',
      check: async () =>
        denied(
          403,
          'auth.forbidden',
        )(await c.post(`${b}/roles`, { personId: intruder.id, role: 'coordinator' })),
    },
    {
      method: 'DELETE',
      path: '/clusters/{slug}/roles/{personId}/{role}',
      check: async () =>
        denied(403, 'auth.forbidden')(await c.delete(`${b}/roles/${publicB.coordinator.id}/coordinator`)),
    },
    {
      method: 'POST',
      path: '/clusters/{slug}/invitations',
      check: async () =>
        denied(
          403,
          'auth.forbidden',
        )(await c.post(`${b}/invitations`, { email: intruder.email, role: 'coordinator' })),
    },
    {
      method: 'DELETE',
      path: '/clusters/{slug}/invitations/{invitationId}',
      check: async () => {
        const invitations = await publicB.coordinator.client.get(`${b}/invitations`);
        const id = invitations.body.items[0].id;
        denied(403, 'auth.forbidden')(await c.delete(`${b}/invitations/${id}`));
        denied(404, 'invitation.not_found')(await c.delete(`/api/v1/clusters/${slugA}/invitations/${id}`));
      },
    },
    {
      method: 'GET',
      path: '/clusters/{slug}/invitations',
      check: async () => denied(403, 'auth.forbidden')(await c.get(`${b}/invitations`)),
    },
    {
      method: 'GET',
      path: '/clusters/{slug}/organisations',
      check: async () => {
        const all = await c.get(`${b}/organisations`);
        expect(all.body.items.map((o: { name: string }) => o.name)).toEqual(['B member']);
        expect((await c.get(`${b}/organisations?status=applicant`)).body.items).toEqual([]);
        denied(404, 'cluster.not_found')(await c.get(`/api/v1/clusters/${privateB.slug}/organisations`));
      },
    },
    {
      method: 'POST',
      path: '/clusters/{slug}/organisations',
      check: async () =>
        denied(403, 'auth.forbidden')(await c.post(`${b}/organisations`, organisation('Intruder org'))),
    },
    {
      method: 'GET',
      path: '/clusters/{slug}/organisations/{organisationId}',
      check: async () => {
        denied(404, 'organisation.not_found')(await c.get(applicant));
        const page = await c.get(active);
        expect(page.body.representatives).toEqual([]);
        expect(page.body.membershipHistory.every((h: { reason: unknown }) => h.reason === null)).toBe(true);
        // An organisation id of one cluster means nothing under another's slug.
        denied(
          404,
          'organisation.not_found',
        )(await publicB.coordinator.client.get(`${b}/organisations/${ownOrganisationId}`));
        denied(
          404,
          'organisation.not_found',
        )(await c.get(`/api/v1/clusters/${slugA}/organisations/${publicB.activeId}`));
      },
    },
    {
      method: 'PATCH',
      path: '/clusters/{slug}/organisations/{organisationId}',
      check: async () => {
        denied(403, 'auth.forbidden')(await c.patch(active, { name: 'Renamed' }));
        denied(
          404,
          'organisation.not_found',
        )(await c.patch(`/api/v1/clusters/${slugA}/organisations/${publicB.activeId}`, { name: 'Renamed' }));
      },
    },
    {
      method: 'POST',
      path: '/clusters/{slug}/organisations/{organisationId}/membership',
      check: async () => {
        denied(403, 'auth.forbidden')(await c.post(`${applicant}/membership`, { toStatus: 'active' }));
        denied(
          404,
          'organisation.not_found',
        )(
          await c.post(`/api/v1/clusters/${slugA}/organisations/${publicB.applicantId}/membership`, {
            toStatus: 'active',
          }),
        );
      },
    },
    {
      method: 'POST',
      path: '/clusters/{slug}/organisations/{organisationId}/representatives',
      check: async () =>
        denied(
          403,
          'auth.forbidden',
        )(
          await c.post(`${active}/representatives`, {
            personId: intruder.id,
            mandate: 'x',
            startsOn: '2024-01-01',
          }),
        ),
    },
    {
      method: 'DELETE',
      path: '/clusters/{slug}/organisations/{organisationId}/representatives/{mandateId}',
      check: async () =>
        denied(403, 'auth.forbidden')(await c.delete(`${active}/representatives/${publicB.mandateId}`)),
    },
    {
      method: 'GET',
      path: '/clusters/{slug}/audit/chain',
      check: async () => {
        const chain = await c.get(`${b}/audit/chain`);
        const privateEvents = chain.body.items.filter((e: { isPublic: boolean }) => !e.isPublic);
        expect(privateEvents.length).toBeGreaterThan(0);
        expect(privateEvents.every((e: { payload?: unknown }) => e.payload === undefined)).toBe(true);
        denied(404, 'cluster.not_found')(await c.get(`/api/v1/clusters/${privateB.slug}/audit/chain`));
      },
    },
    {
      method: 'GET',
      path: '/clusters/{slug}/audit/events',
      check: async () => {
        const events = await c.get(`${b}/audit/events?limit=100`);
        expect(events.body.items.map((e: { action: string }) => e.action)).not.toContain(
          'invitation.created',
        );
        denied(404, 'cluster.not_found')(await c.get(`/api/v1/clusters/${privateB.slug}/audit/events`));
      },
    },
    {
      method: 'GET',
      path: '/clusters/{slug}/audit/checkpoint',
      check: async () =>
        denied(404, 'cluster.not_found')(await c.get(`/api/v1/clusters/${privateB.slug}/audit/checkpoint`)),
    },
  ];
};

describe('tenant isolation', () => {
  it('has a case for every cluster-scoped route in the API', async () => {
    const document = (await ctx.client().get('/api/openapi.json')).body as {
      paths: Record<string, Record<string, unknown>>;
    };
    const routes = Object.entries(document.paths)
      .filter(([path]) => path.includes('{slug}'))
      .flatMap(([path, methods]) =>
        Object.keys(methods).map((method) => `${method.toUpperCase()} ${path.replace('/api/v1', '')}`),
      );
    const covered = cases().map((entry) => `${entry.method} ${entry.path}`);
    expect(routes.sort()).toEqual([...covered].sort());
  });

  it.each(['GET', 'PATCH', 'PUT', 'POST', 'DELETE'])(
    'keeps cluster B’s private data from a coordinator of cluster A (%s routes)',
    async (method) => {
      for (const entry of cases().filter((c) => c.method === method)) await entry.check();
    },
  );

  it('left cluster B exactly as it was', async () => {
    const b = await publicB.coordinator.client.get(`/api/v1/clusters/${publicB.slug}`);
    expect(b.body.name).toBe(`Cluster ${publicB.slug}`);
    const people = await publicB.coordinator.client.get(`/api/v1/clusters/${publicB.slug}/people`);
    expect(people.body.items.map((p: { id: string }) => p.id)).toEqual([publicB.coordinator.id]);
    const applicant = await publicB.coordinator.client.get(
      `/api/v1/clusters/${publicB.slug}/organisations/${publicB.applicantId}`,
    );
    expect(applicant.body.membershipStatus).toBe('applicant');
    expect(
      (
        await publicB.coordinator.client.get(
          `/api/v1/clusters/${publicB.slug}/organisations/${publicB.activeId}`,
        )
      ).body.name,
    ).toBe('B member');
  });
});
