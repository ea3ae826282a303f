import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestContext, type TestContext } from '../../../test/support/test-app.ts';

let ctx: TestContext;
beforeAll(async () => {
  ctx = await createTestContext();
});
afterAll(async () => {
  await ctx.close();
});

const profile = (slug: string, overrides: Record<string, unknown> = {}) => ({
  slug,
  name: 'Lūznava',
  country: 'LV',
  region: 'Rēzeknes novads',
  languages: ['lv', 'en'],
  defaultLocale: 'lv',
  clusterType: 'spatial',
  description: 'Iekļaujoša kultūras vieta.',
  visibility: 'public',
  ...overrides,
});

describe('creating a cluster', () => {
  it('makes its creator the coordinator and records the creation in the public audit log', async () => {
    const person = await ctx.person('Ilze');
    const created = await person.client.post('/api/v1/clusters', profile('luznava-test'));
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({
      slug: 'luznava-test',
      name: 'Lūznava',
      viewer: { roles: ['coordinator'] },
    });
    expect(created.body.viewer.can['cluster.edit_profile']).toBe(true);
    const events = await ctx.client().get('/api/v1/clusters/luznava-test/audit/events');
    expect(events.body.items.map((e: { action: string }) => e.action)).toEqual(['cluster.created']);
  });

  it('needs a signed-in person', async () => {
    const response = await ctx.client().post('/api/v1/clusters', profile('anonymous-try'));
    expect(response.status).toBe(401);
    expect(response.body.error.code).toBe('auth.required');
  });

  it.each(['Bad Slug', '-leading', 'trailing-', 'double--hyphen', 'admin', 'ā-letter', 'x'.repeat(49)])(
    'refuses the slug %j with a translated message on the slug field',
    async (slug) => {
      const person = await ctx.person();
      const response = await person.client.post('/api/v1/clusters', profile(slug));
      expect(response.status).toBe(400);
      expect(response.body.error.field).toBe('slug');
      expect(await ctx.db.selectFrom('cluster').select('id').where('slug', '=', slug).execute()).toEqual([]);
    },
  );

  it('refuses a slug that is taken', async () => {
    const person = await ctx.person();
    await person.client.post('/api/v1/clusters', profile('taken-slug'));
    const again = await person.client.post('/api/v1/clusters', profile('taken-slug'));
    expect(again.status).toBe(409);
    expect(again.body.error).toMatchObject({ code: 'cluster.slug_taken', field: 'slug' });
  });

  it('refuses an over-long name, an unknown country and a main language the cluster does not offer', async () => {
    const person = await ctx.person();
    const name = await person.client.post(
      '/api/v1/clusters',
      profile('long-name', { name: 'n'.repeat(121) }),
    );
    expect(name.body.error).toMatchObject({ code: 'validation.too_long', field: 'name' });
    const country = await person.client.post('/api/v1/clusters', profile('bad-country', { country: 'XX' }));
    expect(country.body.error).toMatchObject({ code: 'validation.not_allowed_value', field: 'country' });
    const locale = await person.client.post(
      '/api/v1/clusters',
      profile('bad-locale', { languages: ['fr'], defaultLocale: 'lv' }),
    );
    expect(locale.body.error).toMatchObject({
      code: 'cluster.default_locale_not_offered',
      field: 'defaultLocale',
    });
  });
});

describe('the cluster profile', () => {
  it('is edited by its coordinator, with the change in the audit log', async () => {
    const { coordinator, slug } = await ctx.cluster();
    const edited = await coordinator.client.patch(`/api/v1/clusters/${slug}`, {
      description: 'Now with a wooden school hub.',
      region: 'Latgale',
    });
    expect(edited.status).toBe(200);
    expect(edited.body).toMatchObject({ description: 'Now with a wooden school hub.', region: 'Latgale' });
    const events = await ctx.client().get(`/api/v1/clusters/${slug}/audit/events`);
    expect(events.body.items[0]).toMatchObject({
      action: 'cluster.profile_edited',
      payload: { changed: { description: 'Now with a wooden school hub.' } },
    });
  });

  it('can move to a new slug, which must be valid and free', async () => {
    const { coordinator, slug } = await ctx.cluster();
    await ctx.cluster('occupied-slug');
    expect(
      (await coordinator.client.patch(`/api/v1/clusters/${slug}`, { slug: 'Not Valid' })).body.error.code,
    ).toBe('cluster.slug_invalid');
    expect(
      (await coordinator.client.patch(`/api/v1/clusters/${slug}`, { slug: 'occupied-slug' })).body.error.code,
    ).toBe('cluster.slug_taken');
    const moved = await coordinator.client.patch(`/api/v1/clusters/${slug}`, { slug: `${slug}-moved` });
    expect(moved.body.slug).toBe(`${slug}-moved`);
    expect((await ctx.client().get(`/api/v1/clusters/${slug}`)).status).toBe(404);
    expect((await ctx.client().get(`/api/v1/clusters/${slug}-moved`)).status).toBe(200);
  });

  it('cannot be edited by a participant', async () => {
    const { slug } = await ctx.cluster();
    const resident = await ctx.person('Resident');
    await resident.client.post(`/api/v1/clusters/${slug}/join`);
    const response = await resident.client.patch(`/api/v1/clusters/${slug}`, { name: 'Hijacked' });
    expect(response.status).toBe(403);
    expect(response.body.error.code).toBe('auth.forbidden');
  });

  it('of a members-only cluster is hidden from outsiders, as if it did not exist', async () => {
    const { coordinator, slug } = await ctx.cluster(undefined, { visibility: 'members' });
    expect((await ctx.client().get(`/api/v1/clusters/${slug}`)).status).toBe(404);
    expect((await (await ctx.person()).client.get(`/api/v1/clusters/${slug}`)).status).toBe(404);
    expect((await coordinator.client.get(`/api/v1/clusters/${slug}`)).status).toBe(200);
    const listed = await ctx.client().get('/api/v1/clusters?limit=100');
    expect(listed.body.items.map((c: { slug: string }) => c.slug)).not.toContain(slug);
  });

  it('answers an unknown slug with a translated 404', async () => {
    const response = await ctx.client('fr').get('/api/v1/clusters/nowhere');
    expect(response.status).toBe(404);
    expect(response.body.error).toEqual({
      code: 'cluster.not_found',
      message: 'Il n’existe aucun cluster à cette adresse.',
    });
  });
});

describe('the list of clusters', () => {
  it('is paginated with a cursor and a bounded page size', async () => {
    for (let i = 0; i < 3; i++) await ctx.cluster(`page-${i}`);
    const first = await ctx.client().get('/api/v1/clusters?limit=2');
    expect(first.body.items).toHaveLength(2);
    expect(first.body.nextCursor).toEqual(expect.any(String));
    const second = await ctx.client().get(`/api/v1/clusters?limit=2&cursor=${first.body.nextCursor}`);
    expect(second.body.items[0].slug > first.body.items[1].slug).toBe(true);
    expect((await ctx.client().get('/api/v1/clusters?limit=101')).body.error.code).toBe(
      'validation.out_of_range',
    );
    expect((await ctx.client().get('/api/v1/clusters?cursor=garbage')).body.error.code).toBe(
      'validation.format',
    );
    // A well-formed cursor with values of the wrong kind is bad input too, not a server error.
    const forged = Buffer.from(JSON.stringify(['a', 'not-a-uuid'])).toString('base64url');
    const { slug } = await ctx.cluster();
    const response = await ctx.client().get(`/api/v1/clusters/${slug}/organisations?cursor=${forged}`);
    expect(response.status).toBe(400);
    expect(response.body.error.code).toBe('validation.format');
  });
});

describe('roles', () => {
  it('are granted and revoked by the coordinator, never leaving the cluster without one', async () => {
    const { coordinator, slug } = await ctx.cluster();
    const person = await ctx.person('Mediator to be');
    await person.client.post(`/api/v1/clusters/${slug}/join`);
    expect(
      (
        await coordinator.client.post(`/api/v1/clusters/${slug}/roles`, {
          personId: person.id,
          role: 'mediator',
        })
      ).status,
    ).toBe(204);
    const again = await coordinator.client.post(`/api/v1/clusters/${slug}/roles`, {
      personId: person.id,
      role: 'mediator',
    });
    expect(again.body.error.code).toBe('role.already_granted');
    const people = await coordinator.client.get(`/api/v1/clusters/${slug}/people`);
    expect(people.body.items.find((p: { id: string }) => p.id === person.id).roles).toEqual([
      'mediator',
      'participant',
    ]);

    const last = await coordinator.client.delete(
      `/api/v1/clusters/${slug}/roles/${coordinator.id}/coordinator`,
    );
    expect(last.status).toBe(409);
    expect(last.body.error.code).toBe('role.last_coordinator');
    expect(
      (await coordinator.client.delete(`/api/v1/clusters/${slug}/roles/${person.id}/mediator`)).status,
    ).toBe(204);
  });

  it('lists people searchable by name, for those who act for the cluster', async () => {
    const { coordinator, slug } = await ctx.cluster();
    for (const name of ['Anna Kalniņa', 'Jānis Ozols']) {
      const person = await ctx.person(name);
      await person.client.post(`/api/v1/clusters/${slug}/join`);
    }
    const found = await coordinator.client.get(`/api/v1/clusters/${slug}/people?q=kaln`);
    expect(found.body.items.map((p: { displayName: string }) => p.displayName)).toEqual(['Anna Kalniņa']);
    expect(found.body.items[0].email).toMatch(/@example.org$/);
  });

  it('cannot be granted by someone without the right', async () => {
    const { slug } = await ctx.cluster();
    const mediator = await ctx.person('Mediator');
    await mediator.client.post(`/api/v1/clusters/${slug}/join`);
    const response = await mediator.client.post(`/api/v1/clusters/${slug}/roles`, {
      personId: mediator.id,
      role: 'coordinator',
    });
    expect(response.status).toBe(403);
    expect(response.body.error.code).toBe('auth.forbidden');
    const roles = await ctx.db
      .selectFrom('cluster_role')
      .select('role')
      .where('person_id', '=', mediator.id)
      .execute();
    expect(roles.map((r) => r.role)).toEqual(['participant']);
  });

  it('refuses an unknown role', async () => {
    const { coordinator, slug } = await ctx.cluster();
    const response = await coordinator.client.post(`/api/v1/clusters/${slug}/roles`, {
      personId: coordinator.id,
      role: 'king',
    });
    expect(response.body.error).toMatchObject({ code: 'validation.not_allowed_value', field: 'role' });
  });
});

describe('invitations', () => {
  it('mail a link; the invited person accepts it with the invited address and gets the role', async () => {
    const { coordinator, slug } = await ctx.cluster();
    const invitee = await ctx.person('Invitee');
    const invited = await coordinator.client.post(`/api/v1/clusters/${slug}/invitations`, {
      email: invitee.email,
      role: 'mediator',
    });
    expect(invited.status).toBe(201);
    const token = await ctx.mailedToken(invitee.email, '/invitations/');
    const preview = await ctx.client().get(`/api/v1/invitations/${token}`);
    expect(preview.body).toMatchObject({ clusterSlug: slug, role: 'mediator', isAccepted: false });

    const stranger = await ctx.person('Stranger');
    const mismatch = await stranger.client.post(`/api/v1/invitations/${token}/accept`);
    expect(mismatch.body.error.code).toBe('invitation.email_mismatch');

    expect((await invitee.client.post(`/api/v1/invitations/${token}/accept`)).status).toBe(200);
    const profile = await invitee.client.get(`/api/v1/clusters/${slug}`);
    expect(profile.body.viewer.roles).toEqual(['mediator']);
    expect((await invitee.client.post(`/api/v1/invitations/${token}/accept`)).body.error.code).toBe(
      'invitation.already_accepted',
    );
    const list = await coordinator.client.get(`/api/v1/clusters/${slug}/invitations`);
    expect(list.body.items[0]).toMatchObject({
      email: invitee.email,
      role: 'mediator',
      acceptedAt: expect.any(String),
    });
  });

  it('can be withdrawn before they are accepted, after which the link leads nowhere', async () => {
    const { coordinator, slug } = await ctx.cluster();
    const invited = await coordinator.client.post(`/api/v1/clusters/${slug}/invitations`, {
      email: 'withdrawn@example.org',
      role: 'observer',
    });
    const token = await ctx.mailedToken('withdrawn@example.org', '/invitations/');
    expect(
      (await coordinator.client.delete(`/api/v1/clusters/${slug}/invitations/${invited.body.id}`)).status,
    ).toBe(204);
    expect((await ctx.client().get(`/api/v1/invitations/${token}`)).status).toBe(404);
    expect((await coordinator.client.get(`/api/v1/clusters/${slug}/invitations`)).body.items).toEqual([]);
    const again = await coordinator.client.delete(`/api/v1/clusters/${slug}/invitations/${invited.body.id}`);
    expect(again.body.error.code).toBe('invitation.not_found');
  });

  it('keep the invited address out of the audit chain', async () => {
    const { coordinator, slug, id } = await ctx.cluster();
    await coordinator.client.post(`/api/v1/clusters/${slug}/invitations`, {
      email: 'private.person@example.org',
      role: 'participant',
    });
    const chain = JSON.stringify(
      await ctx.db.selectFrom('audit_event').selectAll().where('cluster_id', '=', id).execute(),
    );
    expect(chain).toContain('invitation.created');
    expect(chain).not.toContain('private.person@example.org');
  });

  it('answers an unknown token with a translated 404', async () => {
    const response = await ctx.client('lv').get('/api/v1/invitations/not-a-real-token');
    expect(response.status).toBe(404);
    expect(response.body.error.code).toBe('invitation.not_found');
  });
});
