import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestContext, type TestContext } from '../../../test/support/test-app.ts';

let ctx: TestContext;
beforeAll(async () => {
  ctx = await createTestContext();
});
afterAll(async () => {
  await ctx.close();
});

const ecosMed = {
  name: 'Ecos-Med Società Cooperativa Sociale',
  legalForm: 'social_cooperative',
  sector: 'civil_society',
  country: 'IT',
};

async function registered(overrides: Record<string, unknown> = {}) {
  const cluster = await ctx.cluster();
  const response = await cluster.coordinator.client.post(`/api/v1/clusters/${cluster.slug}/organisations`, {
    ...ecosMed,
    ...overrides,
  });
  expect(response.status).toBe(201);
  return {
    ...cluster,
    organisation: response.body,
    url: `/api/v1/clusters/${cluster.slug}/organisations/${response.body.id}`,
  };
}

describe('registering an organisation', () => {
  it('enters it as an applicant with weight 1 and a first history entry', async () => {
    const { organisation } = await registered();
    expect(organisation).toMatchObject({
      membershipStatus: 'applicant',
      voteWeight: 1,
      legalForm: 'social_cooperative',
      memberSince: null,
    });
    expect(organisation.membershipHistory).toEqual([
      expect.objectContaining({ fromStatus: null, toStatus: 'applicant' }),
    ]);
  });

  it('may record an application made before Kopa was used', async () => {
    const { organisation, coordinator, url, slug } = await registered({ appliedOn: '2017-05-01' });
    expect(organisation.membershipHistory[0]).toMatchObject({
      toStatus: 'applicant',
      effectiveOn: '2017-05-01',
    });
    const admitted = await coordinator.client.post(`${url}/membership`, {
      toStatus: 'active',
      effectiveOn: '2017-06-01',
    });
    expect(admitted.body.membershipHistory.map((h: { effectiveOn: string }) => h.effectiveOn)).toEqual([
      '2017-05-01',
      '2017-06-01',
    ]);
    const events = await ctx.client().get(`/api/v1/clusters/${slug}/audit/events`);
    expect(events.body.items[0].payload).toMatchObject({
      organisation: 'Ecos-Med Società Cooperativa Sociale',
      to: 'active',
    });
  });

  it('refuses an application date in the future', async () => {
    const { coordinator, slug } = await ctx.cluster();
    const response = await coordinator.client.post(`/api/v1/clusters/${slug}/organisations`, {
      ...ecosMed,
      appliedOn: '2999-01-01',
    });
    expect(response.body.error).toMatchObject({ code: 'organisation.applied_in_future', field: 'appliedOn' });
  });

  it('refuses an unknown legal form and writes nothing', async () => {
    const { coordinator, slug, id } = await ctx.cluster();
    const response = await coordinator.client.post(`/api/v1/clusters/${slug}/organisations`, {
      ...ecosMed,
      legalForm: 'limited_liability_dragon',
    });
    expect(response.status).toBe(400);
    expect(response.body.error).toMatchObject({
      code: 'organisation.legal_form_unknown',
      field: 'legalForm',
    });
    expect(
      await ctx.db.selectFrom('organisation').select('id').where('cluster_id', '=', id).execute(),
    ).toEqual([]);
  });

  it('refuses an unknown sector, an over-long name and a website that is not a link', async () => {
    const { coordinator, slug } = await ctx.cluster();
    const url = `/api/v1/clusters/${slug}/organisations`;
    expect((await coordinator.client.post(url, { ...ecosMed, sector: 'church' })).body.error.field).toBe(
      'sector',
    );
    expect(
      (await coordinator.client.post(url, { ...ecosMed, name: 'n'.repeat(161) })).body.error,
    ).toMatchObject({ code: 'validation.too_long', field: 'name' });
    expect(
      (await coordinator.client.post(url, { ...ecosMed, website: 'javascript:alert(1)' })).body.error.field,
    ).toBe('website');
  });

  it('is for those with the right only', async () => {
    const { slug } = await ctx.cluster();
    const resident = await ctx.person('Resident');
    await resident.client.post(`/api/v1/clusters/${slug}/join`);
    expect((await resident.client.post(`/api/v1/clusters/${slug}/organisations`, ecosMed)).status).toBe(403);
    expect((await ctx.client().post(`/api/v1/clusters/${slug}/organisations`, ecosMed)).status).toBe(401);
  });
});

describe('membership', () => {
  it('goes applicant → active → suspended → active → left, with dates and reasons kept', async () => {
    const { coordinator, url } = await registered();
    const admit = await coordinator.client.post(`${url}/membership`, {
      toStatus: 'active',
      effectiveOn: '2024-03-01',
    });
    expect(admit.body).toMatchObject({ membershipStatus: 'active', memberSince: '2024-03-01' });
    const suspend = await coordinator.client.post(`${url}/membership`, {
      toStatus: 'suspended',
      effectiveOn: '2024-06-01',
      reason: 'Fees unpaid',
    });
    expect(suspend.body.membershipStatus).toBe('suspended');
    await coordinator.client.post(`${url}/membership`, { toStatus: 'active', effectiveOn: '2024-07-01' });
    const leave = await coordinator.client.post(`${url}/membership`, {
      toStatus: 'left',
      effectiveOn: '2024-12-31',
      reason: 'Dissolved',
    });
    expect(leave.body).toMatchObject({ membershipStatus: 'left', memberSince: '2024-03-01' });
    expect(leave.body.membershipHistory.map((h: { toStatus: string }) => h.toStatus)).toEqual([
      'applicant',
      'active',
      'suspended',
      'active',
      'left',
    ]);
    expect(leave.body.membershipHistory[2]).toMatchObject({
      effectiveOn: '2024-06-01',
      reason: 'Fees unpaid',
    });
  });

  it('refuses left → active with a translated message, and changes nothing', async () => {
    const { coordinator, url } = await registered();
    await coordinator.client.post(`${url}/membership`, {
      toStatus: 'left',
      reason: 'Withdrew the application',
    });
    await coordinator.client.put('/api/v1/locale', { locale: 'lv' });
    const response = await coordinator.client.post(`${url}/membership`, { toStatus: 'active' });
    expect(response.status).toBe(409);
    expect(response.body.error).toEqual({
      code: 'membership.transition_not_allowed',
      message: 'Dalība nevar mainīties no “izstājies” uz “aktīvs”.',
      field: 'toStatus',
    });
    const after = await coordinator.client.get(url);
    expect(after.body.membershipStatus).toBe('left');
    expect(after.body.membershipHistory).toHaveLength(2);
  });

  it('needs a reason to suspend or end a membership', async () => {
    const { coordinator, url } = await registered();
    await coordinator.client.post(`${url}/membership`, { toStatus: 'active' });
    const response = await coordinator.client.post(`${url}/membership`, {
      toStatus: 'suspended',
      reason: '   ',
    });
    expect(response.body.error).toMatchObject({ code: 'membership.reason_required', field: 'reason' });
  });

  it('keeps an application out of the public log until the organisation is admitted', async () => {
    const { coordinator, slug, url } = await registered({ name: 'Refused Applicant Ltd' });
    const publicLog = async () =>
      JSON.stringify((await ctx.client().get(`/api/v1/clusters/${slug}/audit/events?limit=100`)).body);
    expect(await publicLog()).not.toContain('Refused Applicant Ltd');
    await coordinator.client.post(`${url}/membership`, { toStatus: 'left', reason: 'Not eligible' });
    expect(await publicLog()).not.toContain('Refused Applicant Ltd');

    const admitted = await registered({ name: 'Admitted Coop' });
    await admitted.coordinator.client.post(`${admitted.url}/membership`, { toStatus: 'active' });
    const log = (await ctx.client().get(`/api/v1/clusters/${admitted.slug}/audit/events`)).body.items;
    expect(log[0]).toMatchObject({
      action: 'membership.changed',
      payload: { organisation: 'Admitted Coop', to: 'active' },
    });
  });

  it('shows the public the active members only, and the reasons to nobody outside', async () => {
    const { coordinator, slug, url, organisation } = await registered();
    const directory = `/api/v1/clusters/${slug}/organisations`;
    expect((await ctx.client().get(directory)).body.items).toEqual([]);
    expect((await ctx.client().get(url)).status).toBe(404);
    expect((await coordinator.client.get(`${directory}?status=applicant`)).body.items).toHaveLength(1);

    await coordinator.client.post(`${url}/membership`, { toStatus: 'active' });
    await coordinator.client.post(`${url}/membership`, {
      toStatus: 'suspended',
      reason: 'Confidential matter',
    });
    await coordinator.client.post(`${url}/membership`, { toStatus: 'active' });
    const publicDirectory = await ctx.client().get(directory);
    expect(publicDirectory.body.items).toEqual([
      expect.objectContaining({ id: organisation.id, membershipStatus: 'active' }),
    ]);
    const publicPage = await ctx.client().get(url);
    expect(publicPage.body.membershipHistory.every((h: { reason: unknown }) => h.reason === null)).toBe(true);
    expect(publicPage.body.representatives).toEqual([]);
  });
});

describe('the member directory', () => {
  it('filters by sector and name and pages through results', async () => {
    const { coordinator, slug } = await ctx.cluster();
    const names = ['Alfa Coop', 'Beta Foundation', 'Gamma University', 'Delta SME', 'Ēdoles Amatnieki'];
    for (const [index, name] of names.entries()) {
      const created = await coordinator.client.post(`/api/v1/clusters/${slug}/organisations`, {
        name,
        legalForm: index === 2 ? 'university' : 'association',
        sector: index === 2 ? 'academia' : 'civil_society',
        country: 'FR',
      });
      await coordinator.client.post(`/api/v1/clusters/${slug}/organisations/${created.body.id}/membership`, {
        toStatus: 'active',
      });
    }
    const base = `/api/v1/clusters/${slug}/organisations`;
    expect(
      (await ctx.client().get(`${base}?sector=academia`)).body.items.map((o: { name: string }) => o.name),
    ).toEqual(['Gamma University']);
    expect(
      (await ctx.client().get(`${base}?q=foundation`)).body.items.map((o: { name: string }) => o.name),
    ).toEqual(['Beta Foundation']);
    expect((await ctx.client().get(`${base}?q=%25`)).body.items).toEqual([]);
    // Whatever the case and the accents, as people type.
    for (const typed of ['edoles', 'ĒDOLES', 'ēdoles amat'])
      expect(
        (await ctx.client().get(`${base}?q=${encodeURIComponent(typed)}`)).body.items.map(
          (o: { name: string }) => o.name,
        ),
      ).toEqual(['Ēdoles Amatnieki']);
    const first = await ctx.client().get(`${base}?limit=3`);
    expect(first.body.items.map((o: { name: string }) => o.name)).toEqual([
      'Alfa Coop',
      'Beta Foundation',
      'Delta SME',
    ]);
    const second = await ctx.client().get(`${base}?limit=3&cursor=${first.body.nextCursor}`);
    expect(second.body.items.map((o: { name: string }) => o.name)).toEqual([
      'Gamma University',
      'Ēdoles Amatnieki',
    ]);
    expect(second.body.nextCursor).toBeNull();
  });
});

describe('representatives', () => {
  it('are people of the cluster linked under a mandate, and get the representative role', async () => {
    const { coordinator, slug, url } = await registered();
    const person = await ctx.person('Salvatore');
    await person.client.post(`/api/v1/clusters/${slug}/join`);
    const linked = await coordinator.client.post(`${url}/representatives`, {
      personId: person.id,
      mandate: 'Board resolution of 12 March 2024',
      startsOn: '2024-03-12',
      endsOn: '2030-03-12',
    });
    expect(linked.status).toBe(201);
    expect(linked.body.representatives).toEqual([
      expect.objectContaining({
        personId: person.id,
        displayName: 'Salvatore',
        mandate: 'Board resolution of 12 March 2024',
        isActive: true,
      }),
    ]);
    expect((await person.client.get(`/api/v1/clusters/${slug}`)).body.viewer.roles).toContain(
      'representative',
    );

    const ended = await coordinator.client.delete(
      `${url}/representatives/${linked.body.representatives[0].id}`,
    );
    expect(ended.body.representatives[0].isActive).toBe(false);
    // The role came with the mandate and goes with it: no more private details for them.
    const after = await person.client.get(`/api/v1/clusters/${slug}`);
    expect(after.body.viewer.roles).toEqual(['participant']);
    expect((await person.client.get(`/api/v1/clusters/${slug}/people`)).status).toBe(403);
  });

  it('refuses someone who is not in the cluster, and a mandate that ends before it starts', async () => {
    const { coordinator, url } = await registered();
    const outsider = await ctx.person('Outsider');
    const response = await coordinator.client.post(`${url}/representatives`, {
      personId: outsider.id,
      mandate: 'x',
      startsOn: '2024-01-01',
    });
    expect(response.body.error.code).toBe('person.not_found');
    const dates = await coordinator.client.post(`${url}/representatives`, {
      personId: coordinator.id,
      mandate: 'x',
      startsOn: '2024-01-01',
      endsOn: '2023-01-01',
    });
    expect(dates.body.error).toMatchObject({ code: 'mandate.dates_invalid', field: 'endsOn' });
  });
});
