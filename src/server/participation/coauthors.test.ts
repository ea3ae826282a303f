import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectOk, openProcess, propose, resident } from '../../../test/support/participation-fixture.ts';
import { createTestContext, TEST_PASSWORD, type TestContext } from '../../../test/support/test-app.ts';

let ctx: TestContext;
beforeAll(async () => {
  ctx = await createTestContext({ rateLimitScale: 100 });
});
afterAll(async () => {
  await ctx.close();
});

const candidatesOf = (proposalUrl: string, q: string) =>
  `${proposalUrl}/coauthor-candidates?q=${encodeURIComponent(q)}`;
const names = (body: { items: { displayName: string }[] }) => body.items.map((item) => item.displayName);

describe('finding a co-author', () => {
  it('finds people of the cluster by a part of their name, whatever its case and accents, showing only names', async () => {
    const process = await openProcess(ctx);
    const author = await resident(ctx, process.slug, 'Ilze Bērziņa');
    const janis = await resident(ctx, process.slug, 'Jānis Ozols');
    await resident(ctx, process.slug, 'Marija Jansone');
    await resident(ctx, process.slug, 'François Dubois');
    await ctx.person('Jānis Outsider');
    // Observers only watch: they may not take part, so could not accept.
    const observer = await resident(ctx, process.slug, 'Jānis Observer');
    const roles = `/api/v1/clusters/${process.slug}/roles`;
    expectOk(await process.coordinator.client.post(roles, { personId: observer.id, role: 'observer' }), 204);
    expectOk(await process.coordinator.client.delete(`${roles}/${observer.id}/participant`), 204);
    const proposal = await propose(process, author);

    const found = expectOk(await author.client.get(candidatesOf(proposal.url, 'JANI')));
    expect(found.items).toEqual([{ personId: janis.id, displayName: 'Jānis Ozols' }]);
    // A name that starts with the text comes before one that only contains it.
    expect(names(expectOk(await author.client.get(candidatesOf(proposal.url, 'jan'))))).toEqual([
      'Jānis Ozols',
      'Marija Jansone',
    ]);
    expect(names(expectOk(await author.client.get(candidatesOf(proposal.url, 'francois'))))).toEqual([
      'François Dubois',
    ]);
    expect(JSON.stringify(found)).not.toContain('@');
    // LIKE's wildcards are letters like any other.
    expect(expectOk(await author.client.get(candidatesOf(proposal.url, '%_'))).items).toEqual([]);
    // Nor can the observer be invited by id: the invitation follows the search's rule.
    const invited = await author.client.post(`${proposal.url}/coauthors`, { personId: observer.id });
    expect([invited.status, invited.body.error.code]).toEqual([404, 'participation.coauthor_not_person']);
  });

  it('shows at most ten people', async () => {
    const process = await openProcess(ctx);
    const author = await resident(ctx, process.slug, 'Author');
    const neighbour = (i: number) => `Neighbour ${String(i).padStart(2, '0')}`;
    await Promise.all(Array.from({ length: 12 }, (_, i) => resident(ctx, process.slug, neighbour(i))));
    const proposal = await propose(process, author);
    expect(names(expectOk(await author.client.get(candidatesOf(proposal.url, 'neigh'))))).toEqual(
      Array.from({ length: 10 }, (_, i) => neighbour(i)),
    );
  });

  it('leaves out the authors, those already invited, erased people and people who could not accept', async () => {
    const process = await openProcess(ctx, { body: { whoMayTakePart: 'verified' } });
    const { slug, coordinator } = process;
    const grant = async (personId: string, role: string) =>
      expectOk(await coordinator.client.post(`/api/v1/clusters/${slug}/roles`, { personId, role }), 204);
    const author = await resident(ctx, slug, 'Anna Author');
    await grant(author.id, 'mediator');
    const coauthor = await resident(ctx, slug, 'Anna Coauthor');
    await grant(coauthor.id, 'mediator');
    const invited = await resident(ctx, slug, 'Anna Invited');
    await grant(invited.id, 'mediator');
    const erased = await resident(ctx, slug, 'Anna Erased');
    await grant(erased.id, 'mediator');
    // A self-joined participant may not take part in a process for verified members, so could not accept.
    const participant = await resident(ctx, slug, 'Anna Participant');
    const free = await resident(ctx, slug, 'Anna Free');
    await grant(free.id, 'mediator');

    const proposal = await propose(process, author);
    expect(names(expectOk(await author.client.get(candidatesOf(proposal.url, 'anna')))).sort()).toEqual([
      'Anna Coauthor',
      'Anna Erased',
      'Anna Free',
      'Anna Invited',
    ]);
    expectOk(await author.client.post(`${proposal.url}/coauthors`, { personId: coauthor.id }));
    expectOk(await coauthor.client.post(`${proposal.url}/coauthors/me`));
    expectOk(await author.client.post(`${proposal.url}/coauthors`, { personId: invited.id }));
    expect(await erased.client.post('/api/v1/account/erase', { password: TEST_PASSWORD })).toMatchObject({
      status: 204,
    });

    expect(names(expectOk(await author.client.get(candidatesOf(proposal.url, 'anna'))))).toEqual([
      'Anna Free',
    ]);
    const notTakingPart = await participant.client.get(candidatesOf(proposal.url, 'anna'));
    expect([notTakingPart.status, notTakingPart.body.error.code]).toEqual([
      403,
      'participation.verified_only',
    ]);
    // The accepted co-author searches too, and is not offered the proposer.
    expect(names(expectOk(await coauthor.client.get(candidatesOf(proposal.url, 'anna'))))).toEqual([
      'Anna Free',
    ]);
  });

  it('lets an author invite the person found, who can then accept', async () => {
    const process = await openProcess(ctx);
    const author = await resident(ctx, process.slug, 'Kārlis');
    const friend = await resident(ctx, process.slug, 'Līga Kalniņa');
    const proposal = await propose(process, author);
    const [found] = expectOk(await author.client.get(candidatesOf(proposal.url, 'liga'))).items;
    const invited = expectOk(
      await author.client.post(`${proposal.url}/coauthors`, { personId: found.personId }),
    );
    expect(invited.invitedCoauthors).toEqual([{ id: friend.id, displayName: 'Līga Kalniņa' }]);
    expect(invited.can.inviteCoauthor).toBe(true);
    const accepted = expectOk(await friend.client.post(`${proposal.url}/coauthors/me`));
    expect(accepted.authors.map((a: { displayName: string }) => a.displayName)).toEqual([
      'Kārlis',
      'Līga Kalniņa',
    ]);
    // Pending invitations are the authors' business, not the public's.
    expect(expectOk(await ctx.client().get(proposal.url))).toMatchObject({
      invitedCoauthors: [],
      can: { inviteCoauthor: false },
    });
  });
});

describe('refusing a search for co-authors', () => {
  it('refuses anyone but the proposal’s authors, before looking at the text', async () => {
    const process = await openProcess(ctx);
    const author = await resident(ctx, process.slug, 'Author');
    const neighbour = await resident(ctx, process.slug, 'Neighbour');
    const invited = await resident(ctx, process.slug, 'Invited');
    const proposal = await propose(process, author);
    expectOk(await author.client.post(`${proposal.url}/coauthors`, { personId: invited.id }));

    const anonymous = await ctx.client().get(candidatesOf(proposal.url, 'x'));
    expect([anonymous.status, anonymous.body.error.code]).toEqual([401, 'auth.required']);
    for (const person of [neighbour, invited, process.coordinator, await ctx.person('Outsider')]) {
      const refused = await person.client.get(candidatesOf(proposal.url, 'x'));
      expect([refused.status, refused.body.error.code]).toEqual([403, 'participation.not_author']);
    }
    const unknown = await author.client.get(
      candidatesOf(`${process.proposalsUrl}/00000000-0000-7000-8000-000000000000`, 'neigh'),
    );
    expect([unknown.status, unknown.body.error.code]).toEqual([404, 'participation.proposal_not_found']);
  });

  it('refuses once the proposal is withdrawn', async () => {
    const process = await openProcess(ctx);
    const author = await resident(ctx, process.slug, 'Author');
    const proposal = await propose(process, author);
    expectOk(await author.client.post(`${proposal.url}/withdraw`));
    const refused = await author.client.get(candidatesOf(proposal.url, 'neigh'));
    expect([refused.status, refused.body.error.code]).toEqual([409, 'participation.proposal_not_open']);
  });

  it.each([
    ['one letter', 'a', 'participation.person_search_too_short', 'q'],
    ['spaces around one letter', '  a  ', 'participation.person_search_too_short', 'q'],
    ['over 100 characters', 'x'.repeat(101), 'validation.too_long', 'querystring.q'],
  ])('refuses %s with a translated reason', async (_name, q, code, field) => {
    const process = await openProcess(ctx);
    const author = await resident(ctx, process.slug, 'Author');
    const proposal = await propose(process, author);
    const refused = await author.client.get(candidatesOf(proposal.url, q));
    expect([refused.status, refused.body.error.code, refused.body.error.field]).toEqual([400, code, field]);
  });

  it('gives the reason in the reader’s language, and refuses a search without text', async () => {
    const process = await openProcess(ctx);
    const author = await resident(ctx, process.slug, 'Author');
    const proposal = await propose(process, author);
    const messages: Record<string, string> = {};
    for (const language of ['en', 'lv', 'fr', 'it']) {
      author.client.cookies.set('kopa_locale', language);
      messages[language] = (await author.client.get(candidatesOf(proposal.url, 'a'))).body.error.message;
    }
    expect(messages).toEqual({
      en: 'Type at least 2 letters of the person’s name.',
      lv: 'Ierakstiet vismaz 2 personas vārda burtus.',
      fr: 'Saisissez au moins 2 lettres du nom de la personne.',
      it: 'Scrivi almeno 2 lettere del nome della persona.',
    });
    const missing = await author.client.get(`${proposal.url}/coauthor-candidates`);
    expect([missing.status, missing.body.error.code]).toEqual([400, 'validation.required']);
  });

  it('limits each person to sixty searches a minute, whoever else shares the address', async () => {
    const limited = await createTestContext({ rateLimitScale: 1 });
    try {
      const process = await openProcess(limited);
      const [author, neighbour] = await Promise.all([
        resident(limited, process.slug, 'Ilze Bērziņa'),
        resident(limited, process.slug, 'Jānis Ozols'),
      ]);
      const [first, second] = await Promise.all([propose(process, author), propose(process, neighbour)]);
      const statuses = [];
      for (let i = 0; i < 60; i++)
        statuses.push((await author.client.get(candidatesOf(first.url, `jā${i}`))).status);
      expect(statuses.every((status) => status === 200)).toBe(true);
      const refused = await author.client.get(candidatesOf(first.url, 'jā'));
      expect([refused.status, refused.body.error.code]).toEqual([429, 'auth.rate_limited']);
      // The neighbour, at the same address, still searches.
      expectOk(await neighbour.client.get(candidatesOf(second.url, 'ilze')));
    } finally {
      await limited.close();
    }
  });
});
