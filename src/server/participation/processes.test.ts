import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  daysFromNow,
  expectOk,
  OPEN_FOR_PROPOSALS,
  openProcess,
  processesUrl,
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

const publicEvents = async (slug: string, action: string) =>
  (await ctx.client().get(`/api/v1/clusters/${slug}/audit/events?limit=100`)).body.items.filter(
    (e: { action: string }) => e.action === action,
  );

describe('opening a participatory process', () => {
  it('lets a coordinator open a process with dated phases; the current phase follows the clock', async () => {
    const process = await openProcess(ctx, { body: { projectLink: 'https://example.org/crafts-area' } });
    const page = expectOk(await ctx.client().get(process.url));
    expect(page).toMatchObject({
      title: 'Regenerating the old crafts area',
      descriptionHtml: '<p>What should the <strong>old crafts area</strong> become?</p>\n',
      easyReadSummary: 'Tell us your ideas for the old crafts area.',
      projectLink: 'https://example.org/crafts-area',
      participationLevel: 'involve',
      whoMayTakePart: 'signed_in',
      supportsPerPerson: 10,
      currentPhase: 'proposals',
      can: { manage: false, takePart: false, propose: false },
    });
    expect(page.phases.map((p: { kind: string; isCurrent: boolean }) => [p.kind, p.isCurrent])).toEqual([
      ['information', false],
      ['proposals', true],
      ['voting', false],
    ]);
    expect(page.phases[1].allows).toEqual({ propose: true, support: true, comment: true, vote: false });
  });

  it('lists the processes of a public cluster to anyone, newest first, page by page', async () => {
    const cluster = await ctx.cluster();
    for (const title of ['First', 'Second', 'Third']) await openProcess(ctx, { cluster, body: { title } });
    const first = expectOk(await ctx.client().get(`${processesUrl(cluster.slug)}?limit=2`));
    expect(first.items.map((p: { title: string }) => p.title)).toEqual(['Third', 'Second']);
    expect(first.items[0].currentPhase.kind).toBe('proposals');
    const second = expectOk(
      await ctx.client().get(`${processesUrl(cluster.slug)}?limit=2&cursor=${first.nextCursor}`),
    );
    expect(second).toMatchObject({ items: [{ title: 'First' }], nextCursor: null });
  });

  it('keeps a members-only cluster’s processes from outsiders', async () => {
    const cluster = await ctx.cluster(undefined, { visibility: 'members' });
    const process = await openProcess(ctx, { cluster });
    const anonymous = await ctx.client().get(process.url);
    expect([anonymous.status, anonymous.body.error.code]).toEqual([404, 'cluster.not_found']);
  });

  it('records opening and re-planning as public events', async () => {
    const process = await openProcess(ctx);
    expect(await publicEvents(process.slug, 'participation.process_opened')).toEqual([
      expect.objectContaining({
        payload: expect.objectContaining({ processId: process.id, participationLevel: 'involve' }),
      }),
    ]);
    const replanned = expectOk(
      await process.coordinator.client.put(`${process.url}/phases`, {
        phases: [{ kind: 'information', startsAt: daysFromNow(-1), endsAt: daysFromNow(5) }],
      }),
    );
    expect(replanned.currentPhase).toBe('information');
    const [event] = await publicEvents(process.slug, 'participation.phases_changed');
    expect(event.payload.before).toHaveLength(3);
    expect(event.payload.after).toEqual([expect.objectContaining({ kind: 'information' })]);
  });

  it('lets the coordinator edit the process, and no one else', async () => {
    const process = await openProcess(ctx);
    const someone = await resident(ctx, process.slug);
    const refused = await someone.client.patch(process.url, { title: 'Mine' });
    expect([refused.status, refused.body.error.code]).toEqual([403, 'auth.forbidden']);
    const edited = expectOk(
      await process.coordinator.client.patch(process.url, {
        whoMayTakePart: 'verified',
        supportsPerPerson: 3,
      }),
    );
    expect(edited).toMatchObject({
      whoMayTakePart: 'verified',
      supportsPerPerson: 3,
      title: 'Regenerating the old crafts area',
    });
  });

  it('saves the process and its phases together, or neither when the plan is refused', async () => {
    const process = await openProcess(ctx);
    const refused = await process.coordinator.client.patch(process.url, {
      title: 'Renamed',
      phases: [
        { kind: 'proposals', startsAt: daysFromNow(0), endsAt: daysFromNow(10) },
        { kind: 'voting', startsAt: daysFromNow(9), endsAt: daysFromNow(12) },
      ],
    });
    expect([refused.status, refused.body.error.code, refused.body.error.field]).toEqual([
      400,
      'participation.phases_overlap',
      'phases.1.startsAt',
    ]);
    const unchanged = expectOk(await ctx.client().get(process.url));
    expect(unchanged.title).toBe('Regenerating the old crafts area');
    expect(unchanged.phases).toHaveLength(3);

    const saved = expectOk(
      await process.coordinator.client.patch(process.url, {
        title: 'Renamed',
        phases: [{ kind: 'voting', startsAt: daysFromNow(-1), endsAt: daysFromNow(7) }],
      }),
    );
    expect(saved).toMatchObject({ title: 'Renamed', currentPhase: 'voting' });
    expect(saved.phases).toHaveLength(1);
    expect(await publicEvents(process.slug, 'participation.phases_changed')).toHaveLength(1);
    expect(await publicEvents(process.slug, 'participation.process_edited')).toHaveLength(1);
  });

  describe('refuses a bad plan with a clear error and writes nothing', () => {
    it.each([
      [
        'a phase that ends before it starts',
        [{ kind: 'proposals', startsAt: daysFromNow(5), endsAt: daysFromNow(1) }],
        'participation.phase_dates_invalid',
        'phases.0.endsAt',
      ],
      [
        'overlapping phases',
        [
          { kind: 'proposals', startsAt: daysFromNow(0), endsAt: daysFromNow(10) },
          { kind: 'voting', startsAt: daysFromNow(9), endsAt: daysFromNow(12) },
        ],
        'participation.phases_overlap',
        'phases.1.startsAt',
      ],
      [
        'a date that is not a date',
        [{ kind: 'proposals', startsAt: '2026-13-45T10:00:00Z', endsAt: daysFromNow(1) }],
        'validation.format',
        'phases.0.startsAt',
      ],
      [
        'an unknown kind of phase',
        [{ kind: 'party', startsAt: daysFromNow(0), endsAt: daysFromNow(1) }],
        'validation.not_allowed_value',
        'phases.0.kind',
      ],
    ])('%s', async (_name, phases, code, field) => {
      const cluster = await ctx.cluster();
      const response = await cluster.coordinator.client.post(processesUrl(cluster.slug), {
        title: 'Bad plan',
        participationLevel: 'consult',
        phases,
      });
      expect([response.status, response.body.error.code, response.body.error.field]).toEqual([
        400,
        code,
        field,
      ]);
      expect(await rowCount(ctx, 'participatory_process', cluster.id)).toBe(0);
    });

    it('an over-long title, in the reader’s language', async () => {
      const cluster = await ctx.cluster();
      cluster.coordinator.client.acceptLanguage = 'fr';
      const response = await cluster.coordinator.client.post(processesUrl(cluster.slug), {
        title: 'x'.repeat(201),
        participationLevel: 'consult',
        phases: OPEN_FOR_PROPOSALS,
      });
      expect(response.status).toBe(400);
      expect(response.body.error).toMatchObject({ code: 'validation.too_long', field: 'title' });
      expect(response.body.error.message).toContain('200');
    });
  });
});
