import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  daysFromNow,
  expectOk,
  openProcess,
  propose,
  resident,
  rowCount,
} from '../../../test/support/participation-fixture.ts';
import { createTestContext, type TestContext } from '../../../test/support/test-app.ts';

let ctx: TestContext;
beforeAll(async () => {
  ctx = await createTestContext({ rateLimitScale: 100 });
});
afterAll(async () => {
  await ctx.close();
});

const notificationsUrl = (slug: string) => `/api/v1/clusters/${slug}/participation/notifications`;
const publicEvents = async (slug: string, action: string) =>
  (await ctx.client().get(`/api/v1/clusters/${slug}/audit/events?limit=100`)).body.items.filter(
    (e: { action: string }) => e.action === action,
  );
const mailsTo = (email: string) =>
  ctx.db
    .selectFrom('mail_outbox')
    .select(['subject', 'body_text'])
    .where('to_address', '=', email)
    .orderBy('created_at')
    .execute();

describe('comments', () => {
  it('keeps threads in reading order across pages, replies under their parent', async () => {
    const process = await openProcess(ctx);
    const proposal = await propose(process, process.coordinator);
    const someone = await resident(ctx, process.slug, 'Someone');
    const post = async (body: string, parentId?: string, alignment = 'neutral') =>
      expectOk(await someone.client.post(`${proposal.url}/comments`, { body, parentId, alignment }), 201)
        .id as string;
    const first = await post('First', undefined, 'for');
    const second = await post('Second', undefined, 'against');
    const reply = await post('Reply to first', first);
    await post('Reply to the reply', reply);
    await post('Another reply to first', first);
    const read = async (cursor?: string) =>
      expectOk(
        await ctx.client().get(`${proposal.url}/comments?limit=2${cursor ? `&cursor=${cursor}` : ''}`),
      );
    const pages = [await read()];
    while (pages[pages.length - 1]?.nextCursor) pages.push(await read(pages[pages.length - 1].nextCursor));
    const all = pages.flatMap((page) => page.items);
    expect(all.map((c: { body: string; depth: number }) => `${c.depth}:${c.body}`)).toEqual([
      '0:First',
      '1:Reply to first',
      '2:Reply to the reply',
      '1:Another reply to first',
      '0:Second',
    ]);
    expect(all[0]).toMatchObject({ alignment: 'for', authorName: 'Someone', hidden: null });
    expect(all.find((c: { id: string }) => c.id === second).alignment).toBe('against');
    expect(expectOk(await ctx.client().get(proposal.url)).commentCount).toBe(5);
  });

  it('bounds the depth of a thread', async () => {
    const process = await openProcess(ctx);
    const proposal = await propose(process, process.coordinator);
    let parentId: string | undefined;
    for (let depth = 0; depth <= 3; depth++) {
      parentId = expectOk(
        await process.coordinator.client.post(`${proposal.url}/comments`, {
          body: `Level ${depth}`,
          parentId,
        }),
        201,
      ).id;
    }
    const tooDeep = await process.coordinator.client.post(`${proposal.url}/comments`, {
      body: 'Level 4',
      parentId,
    });
    expect([tooDeep.status, tooDeep.body.error.code]).toEqual([400, 'participation.reply_too_deep']);
    expect(await rowCount(ctx, 'proposal_comment', process.clusterId)).toBe(4);
  });

  it('refuses comments outside a phase that allows them, and over-long ones', async () => {
    const process = await openProcess(ctx);
    const proposal = await propose(process, process.coordinator);
    const tooLong = await process.coordinator.client.post(`${proposal.url}/comments`, {
      body: 'x'.repeat(4001),
    });
    expect([tooLong.status, tooLong.body.error.code]).toEqual([400, 'validation.too_long']);
    expectOk(
      await process.coordinator.client.put(`${process.url}/phases`, {
        phases: [{ kind: 'implementation', startsAt: daysFromNow(-1), endsAt: daysFromNow(30) }],
      }),
    );
    const closed = await process.coordinator.client.post(`${proposal.url}/comments`, { body: 'Late' });
    expect([closed.status, closed.body.error.code]).toEqual([409, 'participation.phase_closed']);
    expect(closed.body.error.message).toBe('The current phase of this process does not allow to comment.');
    expect(await rowCount(ctx, 'proposal_comment', process.clusterId)).toBe(0);
  });

  it('tells the people who follow a proposal when its thread moves, not the one who wrote', async () => {
    const process = await openProcess(ctx);
    const author = await resident(ctx, process.slug, 'Author');
    const follower = await resident(ctx, process.slug, 'Follower');
    const commenter = await resident(ctx, process.slug, 'Commenter');
    const proposal = await propose(process, author);
    expect(expectOk(await follower.client.put(`${proposal.url}/follow`))).toEqual({ isFollowing: true });
    expectOk(
      await commenter.client.post(`${proposal.url}/comments`, { body: 'Great idea, and cheap.' }),
      201,
    );
    for (const person of [author, follower]) {
      const list = expectOk(await person.client.get(notificationsUrl(process.slug)));
      expect(list).toMatchObject({
        unreadCount: 1,
        items: [
          {
            kind: 'comment_posted',
            proposalId: proposal.id,
            subject: proposal.title,
            detail: 'Commenter',
            isRead: false,
          },
        ],
      });
      const mail = (await mailsTo(person.email)).at(-1);
      expect(mail?.subject).toBe(`New comment on “${proposal.title}”`);
      expect(mail?.body_text).toContain('Great idea, and cheap.');
    }
    expect(expectOk(await commenter.client.get(notificationsUrl(process.slug))).items).toEqual([]);
    expect(expectOk(await follower.client.delete(`${proposal.url}/follow`))).toEqual({ isFollowing: false });
    expectOk(await commenter.client.post(`${proposal.url}/comments`, { body: 'Second thought.' }), 201);
    expect(expectOk(await follower.client.get(notificationsUrl(process.slug))).unreadCount).toBe(1);
    expect(expectOk(await author.client.get(notificationsUrl(process.slug))).unreadCount).toBe(2);
  });

  it('lets people mark their notifications read, one or all', async () => {
    const process = await openProcess(ctx);
    const author = await resident(ctx, process.slug);
    const proposal = await propose(process, author);
    for (const body of ['One', 'Two', 'Three']) {
      expectOk(await process.coordinator.client.post(`${proposal.url}/comments`, { body }), 201);
    }
    const list = expectOk(await author.client.get(notificationsUrl(process.slug)));
    expect(list.unreadCount).toBe(3);
    expect(
      expectOk(await author.client.post(`${notificationsUrl(process.slug)}/${list.items[0].id}/read`)),
    ).toEqual({ unreadCount: 2 });
    const unread = expectOk(await author.client.get(`${notificationsUrl(process.slug)}?unreadOnly=true`));
    expect(unread.items).toHaveLength(2);
    expect(expectOk(await author.client.post(`${notificationsUrl(process.slug)}/read`))).toEqual({
      unreadCount: 0,
    });
    const someoneElse = await resident(ctx, process.slug);
    const theirs = await someoneElse.client.post(
      `${notificationsUrl(process.slug)}/${list.items[1].id}/read`,
    );
    expect([theirs.status, theirs.body.error.code]).toEqual([404, 'participation.notification_not_found']);
  });
});

describe('reports and moderation', () => {
  it('takes one report per person and thing, lists reports to coordinators, and hides a comment with a public reason', async () => {
    const process = await openProcess(ctx);
    const proposal = await propose(process, process.coordinator);
    const troll = await resident(ctx, process.slug, 'Troll');
    const reader = await resident(ctx, process.slug, 'Reader');
    const commentId = expectOk(
      await troll.client.post(`${proposal.url}/comments`, { body: 'Buy cheap watches at spam.example' }),
      201,
    ).id;
    const report = { reason: 'spam', details: 'An advert', commentId };
    expectOk(await reader.client.post(`${proposal.url}/reports`, report), 201);
    const twice = await reader.client.post(`${proposal.url}/reports`, report);
    expect([twice.status, twice.body.error.code]).toEqual([409, 'participation.already_reported']);
    const notCoordinator = await reader.client.get(`/api/v1/clusters/${process.slug}/participation/reports`);
    expect(notCoordinator.status).toBe(403);
    const reports = expectOk(
      await process.coordinator.client.get(`/api/v1/clusters/${process.slug}/participation/reports`),
    );
    expect(reports.items).toEqual([
      expect.objectContaining({
        proposalId: proposal.id,
        commentId,
        reason: 'spam',
        details: 'An advert',
        isHidden: false,
      }),
    ]);

    expectOk(
      await process.coordinator.client.post(`${proposal.url}/comments/${commentId}/hide`, {
        reason: 'spam',
        note: 'Third advert from this account',
      }),
    );
    const [forReaders] = expectOk(await reader.client.get(`${proposal.url}/comments`)).items;
    expect(forReaders).toMatchObject({
      body: '',
      authorName: '',
      authorId: null,
      hidden: { reason: 'spam', note: null },
    });
    const [forModerators] = expectOk(await process.coordinator.client.get(`${proposal.url}/comments`)).items;
    expect(forModerators).toMatchObject({
      body: 'Buy cheap watches at spam.example',
      hidden: { reason: 'spam', note: 'Third advert from this account' },
    });
    const again = await process.coordinator.client.post(`${proposal.url}/comments/${commentId}/hide`, {
      reason: 'spam',
    });
    expect([again.status, again.body.error.code]).toEqual([409, 'participation.already_hidden']);
    const [event] = await publicEvents(process.slug, 'participation.content_hidden');
    expect(event.payload).toMatchObject({ proposalId: proposal.id, commentId, reason: 'spam' });
    expect(JSON.stringify(event.payload)).not.toContain('Third advert');
  });

  it('hides a proposal from lists and replaces its content for everyone but coordinators', async () => {
    const process = await openProcess(ctx);
    const author = await resident(ctx, process.slug);
    const proposal = await propose(process, author, { title: 'Call Jane Doe at +371 2000 0000' });
    expectOk(await process.coordinator.client.post(`${proposal.url}/hide`, { reason: 'personal_data' }));
    expect(expectOk(await ctx.client().get(process.proposalsUrl)).items).toEqual([]);
    const coordinatorList = expectOk(await process.coordinator.client.get(process.proposalsUrl));
    expect(coordinatorList.items).toEqual([expect.objectContaining({ id: proposal.id, isHidden: true })]);
    const page = expectOk(await author.client.get(proposal.url));
    expect(page).toMatchObject({
      title: '',
      body: '',
      bodyHtml: '',
      hidden: { reason: 'personal_data', note: null },
    });
    expect(page.can).toMatchObject({ support: false, comment: false });
    const support = await author.client.put(`${proposal.url}/support`);
    expect([support.status, support.body.error.code]).toEqual([409, 'participation.proposal_not_open']);
  });
});

describe('answers', () => {
  it('answers “under evaluation” with reasoning alone, then closes with how public input changed the decision', async () => {
    const process = await openProcess(ctx);
    const author = await resident(ctx, process.slug, 'Author');
    const coauthor = await resident(ctx, process.slug, 'Coauthor');
    const proposal = await propose(process, author);
    expectOk(await author.client.post(`${proposal.url}/coauthors`, { personId: coauthor.id }));
    expectOk(await coauthor.client.post(`${proposal.url}/coauthors/me`));
    const answer = (body: Record<string, string>) =>
      process.coordinator.client.post(`${proposal.url}/answer`, body);

    const noReason = await answer({ answer: 'evaluating', reasoning: ' ' });
    expect([noReason.status, noReason.body.error.code]).toEqual([400, 'participation.reasoning_required']);
    expect(
      expectOk(await answer({ answer: 'evaluating', reasoning: 'The city engineer checks the street.' })),
    ).toMatchObject({
      state: 'evaluating',
      answer: { state: 'evaluating', reasoning: 'The city engineer checks the street.', inputEffect: '' },
    });
    const noEffect = await answer({ answer: 'accepted', reasoning: 'Feasible.' });
    expect([noEffect.status, noEffect.body.error.code, noEffect.body.error.field]).toEqual([
      400,
      'participation.input_effect_required',
      'inputEffect',
    ]);
    expect(expectOk(await ctx.client().get(proposal.url)).state).toBe('evaluating');

    const accepted = expectOk(
      await answer({
        answer: 'accepted',
        reasoning: 'Feasible within this year’s budget.',
        inputEffect: 'Residents asked for lime trees instead of planes; we changed the species.',
      }),
    );
    expect(accepted).toMatchObject({
      state: 'accepted',
      can: { answer: false, support: false, comment: false },
    });
    expect(accepted.resultId).toEqual(expect.any(String));
    const final = await answer({ answer: 'rejected', reasoning: 'Changed our minds.', inputEffect: 'None.' });
    expect([final.status, final.body.error.code]).toEqual([409, 'participation.answer_final']);

    const [event] = (await publicEvents(process.slug, 'participation.proposal_answered')).filter(
      (e: { payload: { answer: string } }) => e.payload.answer === 'accepted',
    );
    expect(event.payload).toMatchObject({
      proposalId: proposal.id,
      inputEffect: 'Residents asked for lime trees instead of planes; we changed the species.',
      resultId: accepted.resultId,
    });
    for (const person of [author, coauthor]) {
      const list = expectOk(await person.client.get(notificationsUrl(process.slug)));
      expect(
        list.items
          .filter((n: { kind: string }) => n.kind === 'proposal_answered')
          .map((n: { detail: string }) => n.detail),
      ).toEqual(['accepted', 'evaluating']);
    }
    const mails = await mailsTo(author.email);
    expect(mails.at(-1)?.subject).toBe(`Your proposal “${proposal.title}” has an answer`);
    expect(mails.at(-1)?.body_text).toContain('is now: accepted');
  });

  it('writes the mail in each reader’s own language', async () => {
    const process = await openProcess(ctx);
    const author = await ctx.person('Līga', { locale: 'lv' });
    expectOk(await author.client.post(`/api/v1/clusters/${process.slug}/join`));
    const proposal = await propose(process, author, { title: 'Soliņi' });
    expectOk(
      await process.coordinator.client.post(`${proposal.url}/answer`, {
        answer: 'rejected',
        reasoning: 'Nav budžeta.',
        inputEffect: 'Iedzīvotāju balsis parādīja, ka svarīgāki ir koki.',
      }),
    );
    const mail = (await mailsTo(author.email)).at(-1);
    expect(mail?.subject).toBe('Jūsu priekšlikumam “Soliņi” ir atbilde');
    expect(mail?.body_text).toContain('tagad ir: noraidīts');
    expect(await rowCount(ctx, 'accountability_result', process.clusterId)).toBe(0);
  });

  it('refuses to answer as anyone but a coordinator, and a withdrawn proposal', async () => {
    const process = await openProcess(ctx);
    const author = await resident(ctx, process.slug);
    const proposal = await propose(process, author);
    const byAuthor = await author.client.post(`${proposal.url}/answer`, {
      answer: 'accepted',
      reasoning: 'Me',
      inputEffect: 'Me',
    });
    expect([byAuthor.status, byAuthor.body.error.code]).toEqual([403, 'auth.forbidden']);
    expectOk(await author.client.post(`${proposal.url}/withdraw`));
    const withdrawn = await process.coordinator.client.post(`${proposal.url}/answer`, {
      answer: 'evaluating',
      reasoning: 'Hm',
    });
    expect([withdrawn.status, withdrawn.body.error.code]).toEqual([409, 'participation.proposal_not_open']);
  });
});

describe('accountability results', () => {
  it('turns an accepted proposal into a result with a public timeline that followers hear of', async () => {
    const process = await openProcess(ctx);
    const author = await resident(ctx, process.slug);
    const neighbour = await resident(ctx, process.slug, 'Neighbour');
    const proposal = await propose(process, author, { title: 'Lime trees on Market Street' });
    const { resultId } = expectOk(
      await process.coordinator.client.post(`${proposal.url}/answer`, {
        answer: 'accepted',
        reasoning: 'Yes.',
        inputEffect: 'The street was the residents’ choice.',
      }),
    );
    const resultUrl = `${process.url}/results/${resultId}`;
    expect(expectOk(await ctx.client().get(process.url)).proposalCounts).toEqual({
      published: 0,
      withdrawn: 0,
      evaluating: 0,
      accepted: 1,
      rejected: 0,
    });
    expect(expectOk(await ctx.client().get(`${process.url}/results`)).items).toEqual([
      expect.objectContaining({
        id: resultId,
        title: 'Lime trees on Market Street',
        sourceKind: 'proposal',
        sourceId: proposal.id,
        status: 'planned',
        progressPercent: 0,
      }),
    ]);
    expectOk(await neighbour.client.put(`${resultUrl}/follow`));
    expectOk(
      await process.coordinator.client.patch(resultUrl, {
        easyReadSummary: 'We plant 12 trees on Market Street.',
      }),
    );
    const started = expectOk(
      await process.coordinator.client.post(`${resultUrl}/milestones`, {
        title: 'Trees ordered',
        happenedOn: '2026-03-02',
        evidenceText: 'Order 2026/114',
        evidenceUrl: 'https://example.org/order-114.pdf',
        status: 'in_progress',
        progressPercent: 30,
      }),
      201,
    );
    expect(started).toMatchObject({
      status: 'in_progress',
      progressPercent: 30,
      easyReadSummary: 'We plant 12 trees on Market Street.',
    });
    const done = expectOk(
      await process.coordinator.client.post(`${resultUrl}/milestones`, {
        title: 'Trees planted',
        happenedOn: '2026-04-15',
        status: 'completed',
      }),
      201,
    );
    expect(done).toMatchObject({ status: 'completed', progressPercent: 100 });
    expect(
      done.timeline.map((m: { title: string; progressPercent: number }) => [m.title, m.progressPercent]),
    ).toEqual([
      ['Trees ordered', 30],
      ['Trees planted', 100],
    ]);
    const told = expectOk(await neighbour.client.get(notificationsUrl(process.slug)));
    expect(told.items.map((n: { kind: string; detail: string }) => `${n.kind}:${n.detail}`)).toEqual([
      'result_updated:Trees planted',
      'result_updated:Trees ordered',
    ]);
    const events = await publicEvents(process.slug, 'participation.result_milestone');
    expect(events).toHaveLength(2);
    expect((await publicEvents(process.slug, 'participation.result_created'))[0].payload).toMatchObject({
      resultId,
      sourceId: proposal.id,
    });
    const badUrl = await process.coordinator.client.post(`${resultUrl}/milestones`, {
      title: 'Photo',
      happenedOn: '2026-04-16',
      evidenceUrl: 'javascript:alert(1)',
    });
    expect([badUrl.status, badUrl.body.error.code]).toEqual([400, 'validation.format']);
    const noSuchDay = await process.coordinator.client.post(`${resultUrl}/milestones`, {
      title: 'Leap day',
      happenedOn: '2026-02-29',
    });
    expect([noSuchDay.status, noSuchDay.body.error.code, noSuchDay.body.error.field]).toEqual([
      400,
      'validation.format',
      'happenedOn',
    ]);
  });
});
