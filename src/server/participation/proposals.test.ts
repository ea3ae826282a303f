import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  daysFromNow,
  expectOk,
  openProcess,
  propose,
  resident,
  rowCount,
  type TestProcess,
} from '../../../test/support/participation-fixture.ts';
import { createTestContext, type TestContext } from '../../../test/support/test-app.ts';

let ctx: TestContext;
beforeAll(async () => {
  ctx = await createTestContext({ rateLimitScale: 100 });
});
afterAll(async () => {
  await ctx.close();
});

const titles = (body: { items: { title: string }[] }) => body.items.map((item) => item.title);

/** Every page of a list, following the cursors. */
async function allPages(url: string, limit: number) {
  const items: { id: string; title: string }[] = [];
  let cursor: string | null = null;
  do {
    const separator = url.includes('?') ? '&' : '?';
    const page = expectOk(
      await ctx.client().get(`${url}${separator}limit=${limit}${cursor ? `&cursor=${cursor}` : ''}`),
    );
    items.push(...page.items);
    cursor = page.nextCursor;
  } while (cursor);
  return items;
}

describe('proposing', () => {
  it('publishes a proposal that anyone can read, its Markdown rendered to safe HTML', async () => {
    const process = await openProcess(ctx);
    const author = await resident(ctx, process.slug, 'Ilze');
    const created = expectOk(
      await author.client.post(process.proposalsUrl, {
        title: '  A playground  ',
        body: 'Swings *and* a sandpit.\n\n<script>alert("x")</script>\n\n[plan](javascript:alert(1)) [site](https://example.org)',
        category: 'children',
        locationText: 'Behind the old weaving hall',
        latitude: 56.95,
        longitude: 24.1,
        estimatedCostCents: 4_500_000,
      }),
      201,
    );
    expect(created).toMatchObject({
      title: 'A playground',
      state: 'published',
      category: 'children',
      latitude: 56.95,
      estimatedCostCents: 4_500_000,
      authors: [{ id: author.id, displayName: 'Ilze' }],
      viewer: { isAuthor: true, isFollowing: true, supportsLeft: 10 },
      can: { edit: true, withdraw: true, support: true, comment: true, answer: false },
    });
    expect(created.bodyHtml).toContain('<em>and</em>');
    expect(created.bodyHtml).not.toMatch(/<script|href="javascript/i);
    expect(created.bodyHtml).toContain('&lt;script&gt;');
    expect(created.bodyHtml).toContain('<a href="https://example.org" rel="nofollow ugc noopener">site</a>');
    const anonymous = expectOk(await ctx.client().get(`${process.proposalsUrl}/${created.id}`));
    expect(anonymous).toMatchObject({
      title: 'A playground',
      viewer: { isAuthor: false, supportsLeft: null },
    });
  });

  it('refuses to propose outside a phase that allows it (409 participation.phase_closed), writing nothing', async () => {
    const process = await openProcess(ctx, {
      body: { phases: [{ kind: 'information', startsAt: daysFromNow(-1), endsAt: daysFromNow(10) }] },
    });
    const author = await resident(ctx, process.slug);
    const refused = await author.client.post(process.proposalsUrl, { title: 'Too early', body: '' });
    expect([refused.status, refused.body.error.code]).toEqual([409, 'participation.phase_closed']);
    expect(refused.body.error.message).toBe(
      'The current phase of this process does not allow to make proposals.',
    );
    expect(await rowCount(ctx, 'proposal', process.clusterId)).toBe(0);
  });

  it('keeps a process for verified members from self-joined participants, and from anonymous visitors', async () => {
    const process = await openProcess(ctx, { body: { whoMayTakePart: 'verified' } });
    const participant = await resident(ctx, process.slug);
    const refused = await participant.client.post(process.proposalsUrl, { title: 'Mine', body: '' });
    expect([refused.status, refused.body.error.code]).toEqual([403, 'participation.verified_only']);
    const anonymous = await ctx.client().post(process.proposalsUrl, { title: 'Mine', body: '' });
    expect([anonymous.status, anonymous.body.error.code]).toEqual([401, 'auth.required']);
    expect((await propose(process, process.coordinator)).title).toBe('Shade trees along the market street');
  });

  it.each([
    ['a title over 150 characters', { title: 'x'.repeat(151) }, 'validation.too_long', 'title'],
    ['a body over 10,000 characters', { body: 'x'.repeat(10_001) }, 'validation.too_long', 'body'],
    ['a blank title', { title: '   ' }, 'validation.format', 'title'],
    ['a latitude beyond the pole', { latitude: 91, longitude: 0 }, 'validation.out_of_range', 'latitude'],
    ['a latitude without longitude', { latitude: 56 }, 'participation.coordinates_incomplete', 'longitude'],
    ['a negative cost', { estimatedCostCents: -1 }, 'validation.out_of_range', 'estimatedCostCents'],
  ])('refuses %s with a clear error, writing nothing', async (_name, change, code, field) => {
    const process = await openProcess(ctx);
    const author = await resident(ctx, process.slug);
    const response = await author.client.post(process.proposalsUrl, {
      title: 'Fine',
      body: 'Fine',
      ...change,
    });
    expect([response.status, response.body.error.code, response.body.error.field]).toEqual([
      400,
      code,
      field,
    ]);
    expect(await rowCount(ctx, 'proposal', process.clusterId)).toBe(0);
  });

  it('lets the authors edit until the first support, then freezes the text', async () => {
    const process = await openProcess(ctx);
    const author = await resident(ctx, process.slug);
    const other = await resident(ctx, process.slug);
    const proposal = await propose(process, author);
    const byOther = await other.client.patch(proposal.url, { title: 'Hijacked' });
    expect([byOther.status, byOther.body.error.code]).toEqual([403, 'participation.not_author']);
    const edited = expectOk(
      await author.client.patch(proposal.url, { title: 'Shade trees', body: 'Plant *lime* trees.' }),
    );
    expect(edited).toMatchObject({ title: 'Shade trees', bodyHtml: '<p>Plant <em>lime</em> trees.</p>\n' });
    expectOk(await other.client.put(`${proposal.url}/support`));
    const late = await author.client.patch(proposal.url, { title: 'Changed after support' });
    expect([late.status, late.body.error.code]).toEqual([409, 'participation.edit_window_closed']);
    expect(expectOk(await ctx.client().get(proposal.url))).toMatchObject({
      title: 'Shade trees',
      can: { edit: false },
    });
  });

  it('lets the authors withdraw a proposal; it stays readable but takes no supports', async () => {
    const process = await openProcess(ctx);
    const author = await resident(ctx, process.slug);
    const supporter = await resident(ctx, process.slug);
    const proposal = await propose(process, author);
    expect(expectOk(await author.client.post(`${proposal.url}/withdraw`))).toMatchObject({
      state: 'withdrawn',
    });
    const support = await supporter.client.put(`${proposal.url}/support`);
    expect([support.status, support.body.error.code]).toEqual([409, 'participation.proposal_not_open']);
    expect(support.body.error.message).toContain('withdrawn');
    const again = await author.client.post(`${proposal.url}/withdraw`);
    expect(again.status).toBe(409);
    expect(titles(expectOk(await ctx.client().get(process.proposalsUrl)))).toEqual([]);
    expect(titles(expectOk(await ctx.client().get(`${process.proposalsUrl}?state=withdrawn`)))).toEqual([
      proposal.title,
    ]);
  });

  it('lets authors invite co-authors among the cluster’s people; an accepted co-author may edit', async () => {
    const process = await openProcess(ctx);
    const author = await resident(ctx, process.slug, 'Author');
    const friend = await resident(ctx, process.slug, 'Friend');
    const stranger = await ctx.person('Stranger');
    const proposal = await propose(process, author);
    const notMember = await author.client.post(`${proposal.url}/coauthors`, { personId: stranger.id });
    expect([notMember.status, notMember.body.error.code]).toEqual([404, 'participation.coauthor_not_person']);
    const invited = expectOk(await author.client.post(`${proposal.url}/coauthors`, { personId: friend.id }));
    expect(invited.invitedCoauthors).toEqual([{ id: friend.id, displayName: 'Friend' }]);
    const twice = await author.client.post(`${proposal.url}/coauthors`, { personId: friend.id });
    expect([twice.status, twice.body.error.code]).toEqual([409, 'participation.already_coauthor']);
    const beforeAccepting = await friend.client.patch(proposal.url, { title: 'Too soon' });
    expect(beforeAccepting.status).toBe(403);
    const notifications = expectOk(
      await friend.client.get(`/api/v1/clusters/${process.slug}/participation/notifications`),
    );
    expect(notifications.items[0]).toMatchObject({
      kind: 'coauthor_invited',
      proposalId: proposal.id,
      detail: 'Author',
    });
    const accepted = expectOk(await friend.client.post(`${proposal.url}/coauthors/me`));
    expect(accepted.authors.map((a: { displayName: string }) => a.displayName)).toEqual(['Author', 'Friend']);
    expect(expectOk(await friend.client.patch(proposal.url, { title: 'Co-written' })).title).toBe(
      'Co-written',
    );
  });
});

describe('supporting', () => {
  async function processWithLimit(limit: number) {
    return openProcess(ctx, { body: { supportsPerPerson: limit } });
  }

  it('counts supports on the proposal and refuses more than the per-person limit, own proposals included', async () => {
    const process = await processWithLimit(2);
    const author = await resident(ctx, process.slug);
    const own = await propose(process, author, { title: 'My own idea' });
    const others = [
      await propose(process, process.coordinator, { title: 'A' }),
      await propose(process, process.coordinator, { title: 'B' }),
    ];
    expect(expectOk(await author.client.put(`${own.url}/support`))).toEqual({
      hasSupported: true,
      supportCount: 1,
      supportsLeft: 1,
    });
    // Supporting again changes nothing and uses nothing.
    expect(expectOk(await author.client.put(`${own.url}/support`))).toEqual({
      hasSupported: true,
      supportCount: 1,
      supportsLeft: 1,
    });
    expectOk(await author.client.put(`${others[0]?.url}/support`));
    const over = await author.client.put(`${others[1]?.url}/support`);
    expect([over.status, over.body.error.code]).toEqual([409, 'participation.support_limit_reached']);
    expect(over.body.error.message).toContain('2 supports');
    expect(expectOk(await ctx.client().get(others[1]?.url as string)).supportCount).toBe(0);
    expect(expectOk(await author.client.delete(`${own.url}/support`))).toEqual({
      hasSupported: false,
      supportCount: 0,
      supportsLeft: 1,
    });
    expect(expectOk(await author.client.put(`${others[1]?.url}/support`))).toMatchObject({
      supportCount: 1,
      supportsLeft: 0,
    });
  });

  it('never lets concurrent supports pass the limit', async () => {
    const process = await processWithLimit(3);
    const supporter = await resident(ctx, process.slug);
    const proposals = [];
    for (let i = 0; i < 8; i++)
      proposals.push(await propose(process, process.coordinator, { title: `Idea ${i}` }));
    const responses = await Promise.all(proposals.map((p) => supporter.client.put(`${p.url}/support`)));
    expect(responses.filter((r) => r.status === 200)).toHaveLength(3);
    expect(responses.filter((r) => r.status === 409)).toHaveLength(5);
    const list = expectOk(await ctx.client().get(`${process.proposalsUrl}?limit=100`));
    expect(list.items.reduce((sum: number, p: { supportCount: number }) => sum + p.supportCount, 0)).toBe(3);
  });

  it('refuses supports outside a phase that allows them', async () => {
    const process = await openProcess(ctx);
    const supporter = await resident(ctx, process.slug);
    const proposal = await propose(process, process.coordinator);
    expectOk(
      await process.coordinator.client.put(`${process.url}/phases`, {
        phases: [{ kind: 'voting', startsAt: daysFromNow(-1), endsAt: daysFromNow(3) }],
      }),
    );
    const refused = await supporter.client.put(`${proposal.url}/support`);
    expect([refused.status, refused.body.error.code]).toEqual([409, 'participation.phase_closed']);
    expect(await rowCount(ctx, 'proposal_support', process.clusterId)).toBe(0);
  });
});

describe('listing proposals', () => {
  let process: TestProcess;
  type Resident = Awaited<ReturnType<typeof resident>>;
  let people: [Resident, Resident, Resident];
  beforeAll(async () => {
    process = await openProcess(ctx, { body: { supportsPerPerson: 100 } });
    people = [
      await resident(ctx, process.slug),
      await resident(ctx, process.slug),
      await resident(ctx, process.slug),
    ];
    const specs = [
      { title: 'Bike racks', category: 'mobility', supporters: 2 },
      { title: 'Bench by the river', category: 'green', supporters: 3 },
      { title: 'Community oven', category: 'food', supporters: 0 },
      { title: 'Tool library', category: 'green', supporters: 1 },
      { title: 'Night bus', category: 'mobility', supporters: 2 },
    ];
    for (const spec of specs) {
      const proposal = await propose(process, process.coordinator, {
        title: spec.title,
        category: spec.category,
      });
      for (const person of people.slice(0, spec.supporters))
        expectOk(await person.client.put(`${proposal.url}/support`));
    }
  });

  it('sorts by support (ties newest first), page by page', async () => {
    const items = await allPages(`${process.proposalsUrl}?sort=support`, 2);
    expect(items.map((p) => p.title)).toEqual([
      'Bench by the river',
      'Night bus',
      'Bike racks',
      'Tool library',
      'Community oven',
    ]);
  });

  it('sorts newest first by default', async () => {
    const items = await allPages(process.proposalsUrl, 3);
    expect(items.map((p) => p.title)).toEqual([
      'Night bus',
      'Tool library',
      'Community oven',
      'Bench by the river',
      'Bike racks',
    ]);
  });

  it('marks the proposals a signed-in reader supports, and none for an anonymous reader', async () => {
    const supported = (body: { items: { title: string; hasSupported: boolean }[] }) =>
      body.items.filter((p) => p.hasSupported).map((p) => p.title);
    const url = `${process.proposalsUrl}?sort=support`;
    expect(supported(expectOk(await people[2].client.get(url)))).toEqual(['Bench by the river']);
    expect(supported(expectOk(await people[0].client.get(url)))).toEqual([
      'Bench by the river',
      'Night bus',
      'Bike racks',
      'Tool library',
    ]);
    expect(supported(expectOk(await ctx.client().get(url)))).toEqual([]);
  });

  it('shuffles by a seed: the same seed gives the same order across pages, another seed another order', async () => {
    const one = await allPages(`${process.proposalsUrl}?sort=random&seed=123`, 2);
    const again = await allPages(`${process.proposalsUrl}?sort=random&seed=123`, 3);
    expect(again.map((p) => p.id)).toEqual(one.map((p) => p.id));
    expect(new Set(one.map((p) => p.id)).size).toBe(5);
    // A seed picks where the shuffled circle starts; among 40 seeds, some start between other proposals.
    const orders = new Set<string>();
    for (let seed = 1; seed <= 40; seed++) {
      orders.add(
        (await allPages(`${process.proposalsUrl}?sort=random&seed=${seed}`, 100)).map((p) => p.title).join(),
      );
    }
    expect(orders.size).toBeGreaterThan(1);
  });

  it('filters by category and state', async () => {
    const green = expectOk(await ctx.client().get(`${process.proposalsUrl}?category=green&sort=support`));
    expect(titles(green)).toEqual(['Bench by the river', 'Tool library']);
    const evaluating = expectOk(await ctx.client().get(`${process.proposalsUrl}?state=evaluating`));
    expect(titles(evaluating)).toEqual([]);
    expect(expectOk(await ctx.client().get(`${process.proposalsUrl}/categories`)).items).toEqual([
      'food',
      'green',
      'mobility',
    ]);
  });

  it.each([
    ['not a cursor at all', 'sort=support', 'bm9wZQ'],
    ['a support count that is text', 'sort=support', ['many', '00000000-0000-7000-8000-000000000000']],
    ['an id that is not an id', 'sort=newest', ['x; drop table proposal']],
    [
      'a shuffle key that is not a number',
      'sort=random&seed=1',
      ['abc', '00000000-0000-7000-8000-000000000000'],
    ],
  ])('refuses a cursor the list did not give: %s', async (_name, sort, cursor) => {
    const encoded =
      typeof cursor === 'string' ? cursor : Buffer.from(JSON.stringify(cursor)).toString('base64url');
    const response = await ctx.client().get(`${process.proposalsUrl}?${sort}&cursor=${encoded}`);
    expect([response.status, response.body.error.code, response.body.error.field]).toEqual([
      400,
      'validation.format',
      'cursor',
    ]);
  });

  it('shows similar proposals for a draft title before publishing', async () => {
    const similar = expectOk(
      await ctx
        .client()
        .get(`${process.proposalsUrl}/similar?title=${encodeURIComponent('Bike rack near school')}`),
    );
    expect(similar.items[0]).toMatchObject({ title: 'Bike racks', supportCount: 2 });
    const none = expectOk(await ctx.client().get(`${process.proposalsUrl}/similar?title=zzzz`));
    expect(none.items).toEqual([]);
  });
});
