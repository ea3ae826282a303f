import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestContext, type TestContext, type TestPerson } from '../../../test/support/test-app.ts';

let ctx: TestContext;
beforeAll(async () => {
  ctx = await createTestContext();
});
afterAll(async () => {
  await ctx.close();
});

const HOUR_MS = 3_600_000;
const at = (offsetMs: number) => new Date(Date.now() + offsetMs).toISOString();

interface Setup {
  slug: string;
  clusterId: string;
  coordinator: TestPerson;
  url: string;
  budget: { id: string } & Record<string, unknown>;
  projects: Record<string, string>;
}

/** A cluster with a draft budget and its projects (costs in euro cents). */
async function draftBudget(
  overrides: Record<string, unknown> = {},
  projects: Record<string, number> = { Playground: 60_000_00, Benches: 40_000_00, Library: 50_000_00 },
): Promise<Setup> {
  const cluster = await ctx.cluster();
  const client = cluster.coordinator.client;
  const created = await client.post(`/api/v1/clusters/${cluster.slug}/budgets`, {
    name: 'Neighbourhood budget 2025',
    currency: 'EUR',
    amountMinor: 100_000_00,
    rule: 'mes-add1',
    ballotType: 'approval',
    opensAt: at(-HOUR_MS),
    closesAt: at(HOUR_MS),
    ...overrides,
  });
  expect(created.status).toBe(201);
  const url = `/api/v1/clusters/${cluster.slug}/budgets/${created.body.id}`;
  const ids: Record<string, string> = {};
  for (const [title, costMinor] of Object.entries(projects)) {
    const project = await client.post(`${url}/projects`, { title, costMinor, category: 'Public space' });
    expect(project.status).toBe(201);
    ids[title] = project.body.id;
  }
  return {
    slug: cluster.slug,
    clusterId: cluster.id,
    coordinator: cluster.coordinator,
    url,
    budget: created.body,
    projects: ids,
  };
}

async function openBudget(overrides: Record<string, unknown> = {}, projects?: Record<string, number>) {
  const setup = await draftBudget(overrides, projects);
  const opened = await setup.coordinator.client.post(`${setup.url}/open`);
  expect(opened.status).toBe(200);
  return setup;
}

/** A resident who joined the cluster (participant, verified e-mail). */
async function resident(slug: string, name = 'Resident') {
  const person = await ctx.person(name);
  expect((await person.client.post(`/api/v1/clusters/${slug}/join`)).status).toBe(200);
  return person;
}

const approve = (...projectIds: string[]) => ({ choices: projectIds.map((projectId) => ({ projectId })) });

async function ballotCount(url: string, client = ctx.client()) {
  return (await client.get(url)).body.ballotCount as number;
}

describe('setting up a budget', () => {
  it('keeps a draft to the coordinators and shows it to everyone once the vote opens', async () => {
    const { url, slug, coordinator, budget } = await draftBudget();
    expect(budget).toMatchObject({
      status: 'draft',
      currency: 'EUR',
      amountMinor: 100_000_00,
      rule: 'mes-add1',
      ballot: { type: 'approval', minProjects: 0, maxProjects: null, maxTotalCostMinor: null },
      isMemberVoting: true,
      isCodeVoting: false,
      can: { manage: true },
    });
    expect((await ctx.client().get(url)).body.error.code).toBe('budgeting.not_found');
    expect((await ctx.client().get(`/api/v1/clusters/${slug}/budgets`)).body.items).toEqual([]);

    const opened = await coordinator.client.post(`${url}/open`);
    expect(opened.body).toMatchObject({
      status: 'open',
      isVotingOpen: true,
      projectCount: 3,
      ballotCount: 0,
    });
    const list = await ctx.client().get(`/api/v1/clusters/${slug}/budgets`);
    expect(list.body.items.map((item: { id: string }) => item.id)).toEqual([budget.id]);
    const projects = await ctx.client().get(`${url}/projects`);
    expect(
      projects.body.items.map((p: { title: string; costMinor: number }) => [p.title, p.costMinor]),
    ).toEqual([
      ['Playground', 60_000_00],
      ['Benches', 40_000_00],
      ['Library', 50_000_00],
    ]);
    const events = await ctx.client().get(`/api/v1/clusters/${slug}/audit/events`);
    expect(events.body.items.map((event: { action: string }) => event.action)).toEqual(
      expect.arrayContaining(['budgeting.budget_created', 'budgeting.budget_opened']),
    );
  });

  it('fixes settings and projects once the vote is open', async () => {
    const { url, coordinator, projects } = await openBudget();
    const patch = await coordinator.client.patch(url, { amountMinor: 1 });
    expect(patch.status).toBe(409);
    expect(patch.body.error.code).toBe('budgeting.not_draft');
    const edit = await coordinator.client.patch(`${url}/projects/${projects.Playground}`, { costMinor: 1 });
    expect(edit.body.error.code).toBe('budgeting.not_draft');
    expect((await coordinator.client.post(`${url}/projects`, { title: 'Late', costMinor: 1 })).status).toBe(
      409,
    );
  });

  it('refuses settings that do not fit together, naming the field', async () => {
    const { url, coordinator } = await draftBudget();
    const cases: [Record<string, unknown>, string, string][] = [
      [{ rule: 'greedy-threshold' }, 'budgeting.threshold_required', 'scoreThreshold'],
      [{ currency: 'JPY' }, 'budgeting.currency_unsupported', 'currency'],
      [{ pointsPerVoter: 10 }, 'budgeting.approval_no_points', 'pointsPerVoter'],
      [{ minProjects: 3, maxProjects: 2 }, 'budgeting.max_below_min', 'maxProjects'],
      [{ ballotType: 'cumulative' }, 'budgeting.points_required', 'pointsPerVoter'],
      [{ closesAt: at(-2 * HOUR_MS) }, 'budgeting.window_invalid', 'closesAt'],
      [{ isMemberVoting: false }, 'budgeting.no_voting_channel', 'isMemberVoting'],
      [{ amountMinor: -1 }, 'validation.out_of_range', 'amountMinor'],
    ];
    for (const [patch, code, field] of cases) {
      const response = await coordinator.client.patch(url, patch);
      expect({ status: response.status, ...response.body.error }).toMatchObject({ status: 400, code, field });
    }
    const unchanged = await coordinator.client.get(url);
    expect(unchanged.body).toMatchObject({ rule: 'mes-add1', currency: 'EUR', ballot: { type: 'approval' } });

    const cumulative = await coordinator.client.patch(url, { ballotType: 'cumulative', pointsPerVoter: 10 });
    expect(cumulative.body.ballot).toMatchObject({
      type: 'cumulative',
      pointsPerVoter: 10,
      maxPointsPerProject: 10,
    });
  });

  it('lets only coordinators set budgets up', async () => {
    const { slug, url } = await draftBudget();
    const person = await resident(slug);
    const create = await person.client.post(`/api/v1/clusters/${slug}/budgets`, {
      name: 'Mine',
      currency: 'EUR',
      amountMinor: 100,
      rule: 'greedy',
      ballotType: 'approval',
      opensAt: at(0),
      closesAt: at(HOUR_MS),
    });
    expect(create.status).toBe(403);
    expect((await person.client.post(`${url}/open`)).status).toBe(403);
  });

  it('does not open a budget without projects', async () => {
    const { url, coordinator } = await draftBudget({}, {});
    const response = await coordinator.client.post(`${url}/open`);
    expect(response.status).toBe(409);
    expect(response.body.error.code).toBe('budgeting.no_projects');
  });
});

describe('voting as a member', () => {
  it('casts an approval ballot, changes it until the vote closes, and reads only one’s own', async () => {
    const { url, slug, projects, coordinator } = await openBudget({ maxProjects: 2 });
    const anna = await resident(slug, 'Anna');
    const first = await anna.client.put(`${url}/ballot`, approve(projects.Playground as string));
    expect(first.status).toBe(200);
    const changed = await anna.client.put(
      `${url}/ballot`,
      approve(projects.Benches as string, projects.Library as string),
    );
    expect(changed.body.ballot.choices).toEqual([
      { projectId: projects.Benches, points: 1 },
      { projectId: projects.Library, points: 1 },
    ]);
    expect(await ballotCount(url)).toBe(1);
    expect((await anna.client.get(`${url}/ballot`)).body.ballot.choices).toHaveLength(2);

    const bruno = await resident(slug, 'Bruno');
    expect((await bruno.client.get(`${url}/ballot`)).body).toEqual({ ballot: null });

    await coordinator.client.post(`${url}/close`);
    const late = await anna.client.put(`${url}/ballot`, approve(projects.Playground as string));
    expect(late.status).toBe(409);
    expect(late.body.error.code).toBe('budgeting.voting_closed');
    expect((await anna.client.get(`${url}/ballot`)).body.ballot.choices).toHaveLength(2);
  });

  it('refuses a ballot outside the voting window', async () => {
    const { url, slug, projects } = await openBudget({ opensAt: at(HOUR_MS), closesAt: at(2 * HOUR_MS) });
    const person = await resident(slug);
    const page = await person.client.get(url);
    expect(page.body).toMatchObject({ isVotingOpen: false, voting: 'not_open_yet' });
    const early = await person.client.put(`${url}/ballot`, approve(projects.Playground as string));
    expect({ status: early.status, code: early.body.error.code }).toEqual({
      status: 409,
      code: 'budgeting.voting_closed',
    });
    expect(await ballotCount(url)).toBe(0);
  });

  it('holds an approval ballot to its limits, in the reader’s language, writing nothing', async () => {
    const { url, slug, projects } = await openBudget({
      minProjects: 1,
      maxProjects: 2,
      maxTotalCostMinor: 100_000_00,
    });
    const person = await resident(slug);
    const cases: [unknown, string][] = [
      [approve(), 'budgeting.ballot_too_few_projects'],
      [
        approve(projects.Playground as string, projects.Benches as string, projects.Library as string),
        'budgeting.ballot_too_many_projects',
      ],
      [approve(projects.Playground as string, projects.Library as string), 'budgeting.ballot_over_cost'],
      [
        approve(projects.Playground as string, projects.Playground as string),
        'budgeting.ballot_duplicate_project',
      ],
      [approve('01900000-0000-7000-8000-000000000000'), 'budgeting.ballot_unknown_project'],
      [{ choices: [{ projectId: projects.Playground, points: 3 }] }, 'budgeting.ballot_points_not_allowed'],
    ];
    for (const [body, code] of cases) {
      const response = await person.client.put(`${url}/ballot`, body);
      expect({ status: response.status, code: response.body.error.code }).toEqual({ status: 400, code });
    }
    person.client.cookies.set('kopa_locale', 'fr');
    const overCost = await person.client.put(
      `${url}/ballot`,
      approve(projects.Playground as string, projects.Library as string),
    );
    expect(overCost.body.error.message).toBe(
      'Vos choix coûtent 110\u202f000 EUR ensemble ; un bulletin peut coûter au plus 100\u202f000 EUR.',
    );
    expect(await ballotCount(url)).toBe(0);
  });

  it('holds a cumulative ballot to its points', async () => {
    const { url, slug, projects } = await openBudget({
      ballotType: 'cumulative',
      pointsPerVoter: 10,
      maxPointsPerProject: 6,
    });
    const person = await resident(slug);
    const points = (a: number, b: number) => ({
      choices: [
        { projectId: projects.Playground, points: a },
        { projectId: projects.Benches, points: b },
      ],
    });
    expect((await person.client.put(`${url}/ballot`, points(7, 1))).body.error.code).toBe(
      'budgeting.ballot_project_points_over',
    );
    expect((await person.client.put(`${url}/ballot`, points(6, 5))).body.error.code).toBe(
      'budgeting.ballot_too_many_points',
    );
    const cast = await person.client.put(`${url}/ballot`, points(6, 4));
    expect(cast.body.ballot.choices).toEqual([
      { projectId: projects.Playground, points: 6 },
      { projectId: projects.Benches, points: 4 },
    ]);
  });

  it('lets only signed-in members with a confirmed e-mail vote', async () => {
    const { url, slug, projects } = await openBudget();
    const anonymous = await ctx.client().put(`${url}/ballot`, approve(projects.Playground as string));
    expect(anonymous.status).toBe(401);
    const outsider = await ctx.person('Outsider');
    const noRole = await outsider.client.put(`${url}/ballot`, approve(projects.Playground as string));
    expect(noRole.status).toBe(403);
    expect((await outsider.client.get(url)).body.voting).toBe('no_role');

    const unverified = await resident(slug, 'Unverified');
    await ctx.db
      .updateTable('person')
      .set({ email_verified_at: null })
      .where('id', '=', unverified.id)
      .execute();
    expect((await unverified.client.get(url)).body.voting).toBe('email_unverified');
    const refused = await unverified.client.put(`${url}/ballot`, approve(projects.Playground as string));
    expect({ status: refused.status, code: refused.body.error.code }).toEqual({
      status: 403,
      code: 'budgeting.email_unverified',
    });
    expect(await ballotCount(url)).toBe(0);
  });
});

describe('voting with one-time codes', () => {
  it('prints codes once, lets a helper enter each code once, and logs the use privately', async () => {
    const { url, slug, projects, coordinator, clusterId } = await openBudget({ isCodeVoting: true });
    const generated = await coordinator.client.post(`${url}/voting-codes`, { count: 3 });
    expect(generated.status).toBe(201);
    const codes: string[] = generated.body.codes;
    expect(codes).toHaveLength(3);
    expect(codes[0]).toMatch(/^[A-Z2-9]{4}-[A-Z2-9]{4}-[A-Z2-9]{4}$/);
    const stored = await ctx.db
      .selectFrom('budget_voting_code')
      .select('code_hash')
      .where('cluster_id', '=', clusterId)
      .execute();
    expect(stored).toHaveLength(3);
    expect(stored.map((row) => row.code_hash)).not.toContain(codes[0]);

    const helper = await resident(slug, 'Helper');
    await coordinator.client.post(`/api/v1/clusters/${slug}/roles`, {
      personId: helper.id,
      role: 'mediator',
    });
    const code = codes[0] as string;
    const entered = await helper.client.post(`${url}/code-ballots`, {
      code: code.toLowerCase().replaceAll('-', ' '),
      ...approve(projects.Benches as string),
    });
    expect(entered.status).toBe(204);
    const again = await helper.client.post(`${url}/code-ballots`, {
      code,
      ...approve(projects.Library as string),
    });
    expect({ status: again.status, code: again.body.error.code }).toEqual({
      status: 409,
      code: 'budgeting.code_used',
    });
    const wrong = await helper.client.post(`${url}/code-ballots`, {
      code: 'AAAA-BBBB-CCCC',
      ...approve(projects.Library as string),
    });
    expect({ status: wrong.status, code: wrong.body.error.code }).toEqual({
      status: 400,
      code: 'budgeting.code_invalid',
    });

    const participant = await resident(slug, 'Not a helper');
    expect(
      (await participant.client.post(`${url}/code-ballots`, { code: codes[1], ...approve() })).status,
    ).toBe(403);
    expect(await ballotCount(url)).toBe(1);
    expect((await coordinator.client.get(url)).body.codes).toEqual({ issued: 3, used: 1 });

    const publicEvents = await ctx.client().get(`/api/v1/clusters/${slug}/audit/events`);
    expect(publicEvents.body.items.map((event: { action: string }) => event.action)).not.toContain(
      'budgeting.voting_code_used',
    );
    const use = await ctx.db
      .selectFrom('audit_event')
      .select(['is_public', 'payload'])
      .where('cluster_id', '=', clusterId)
      .where('action', '=', 'budgeting.voting_code_used')
      .executeTakeFirstOrThrow();
    expect(use).toMatchObject({ is_public: false, payload: { helper: helper.id } });
    expect(JSON.stringify(use.payload)).not.toContain(projects.Benches);
  });

  it('does not print codes for a budget voted on only by members', async () => {
    const { url, coordinator } = await openBudget();
    const response = await coordinator.client.post(`${url}/voting-codes`, { count: 1 });
    expect(response.body.error.code).toBe('budgeting.codes_not_enabled');
  });
});

describe('results', () => {
  /**
   * The classic case for equal shares: 100,000 € for eight projects of 25,000 €; three voters
   * approve the four "A" projects, a fourth approves the four "B" ones. Greedy spends everything on
   * the majority's A1–A4. Equal shares gives each voter 25,000 €: the three pay 8,333.33 € each for
   * A1, A2 and A3, and the fourth pays 25,000 € alone for B1 — every voter gets a funded project.
   */
  const PROJECTS = Object.fromEntries(
    ['A1', 'A2', 'A3', 'A4', 'B1', 'B2', 'B3', 'B4'].map((title) => [title, 25_000_00]),
  );

  async function votedBudget(rule: string) {
    const setup = await openBudget({ rule }, PROJECTS);
    const { url, slug, projects: p } = setup;
    const majority = [p.A1, p.A2, p.A3, p.A4] as string[];
    const ballots = [majority, majority, majority, [p.B1, p.B2, p.B3, p.B4] as string[]];
    for (const [i, choice] of ballots.entries()) {
      const voter = await resident(slug, `Voter ${i}`);
      expect((await voter.client.put(`${url}/ballot`, approve(...choice))).status).toBe(200);
    }
    return setup;
  }

  const byTitle = (results: { projects: { title: string; reason: unknown }[] }, title: string) =>
    results.projects.find((project) => project.title === title) as { reason: unknown };

  it('previews for coordinators, then publishes once the vote is closed, for everyone to read', async () => {
    const { url, slug, coordinator, projects: p } = await votedBudget('mes-add1');
    const preview = await coordinator.client.get(`${url}/results/preview`);
    expect(preview.body).toMatchObject({
      isPreview: true,
      rule: 'mes-add1',
      selectedProjectIds: [p.A1, p.A2, p.A3, p.B1],
    });
    expect((await ctx.client().get(`${url}/results/preview`)).status).toBe(401);
    expect((await ctx.client().get(`${url}/results`)).body.error.code).toBe(
      'budgeting.results_not_published',
    );

    const early = await coordinator.client.post(`${url}/results`);
    expect({ status: early.status, code: early.body.error.code }).toEqual({
      status: 409,
      code: 'budgeting.not_closed',
    });

    await coordinator.client.post(`${url}/close`);
    expect((await coordinator.client.post(`${url}/results`)).status).toBe(201);
    const results = (await ctx.client().get(`${url}/results`)).body;
    expect(results).toMatchObject({
      isPreview: false,
      currency: 'EUR',
      amountMinor: 100_000_00,
      spentMinor: 100_000_00,
      leftoverMinor: 0,
      voterCount: 4,
      votersWithFundedProject: 4,
      shareOfVotersWithFundedProject: 1,
      selectedProjectIds: [p.A1, p.A2, p.A3, p.B1],
      onlyThisRule: [p.B1],
      onlyGreedy: [p.A4],
      greedy: {
        selectedProjectIds: [p.A1, p.A2, p.A3, p.A4],
        spentMinor: 100_000_00,
        votersWithFundedProject: 3,
        shareOfVotersWithFundedProject: 0.75,
      },
    });
    expect(byTitle(results, 'A1')).toMatchObject({
      isSelected: true,
      isSelectedByGreedy: true,
      supporterCount: 3,
      fundedPosition: 1,
      reason: {
        status: 'funded',
        by: 'equal-shares',
        round: 1,
        paymentPerSupporter: { minorUnits: '833333.33' },
      },
    });
    expect(byTitle(results, 'B1')).toMatchObject({
      isSelected: true,
      isSelectedByGreedy: false,
      reason: {
        status: 'funded',
        by: 'equal-shares',
        round: 4,
        paymentPerSupporter: { minorUnits: '2500000.00' },
      },
    });
    expect(byTitle(results, 'A4')).toMatchObject({
      isSelected: false,
      reason: { status: 'not_funded', reason: 'supporters_cannot_afford' },
    });

    const again = await coordinator.client.post(`${url}/results`);
    expect(again.body.error.code).toBe('budgeting.already_published');
    expect((await ctx.client().get(url)).body.status).toBe('published');
    const events = await ctx.client().get(`/api/v1/clusters/${slug}/audit/events`);
    const event = events.body.items.find(
      (e: { action: string }) => e.action === 'budgeting.results_published',
    );
    expect(event.payload).toMatchObject({ spentMinor: 100_000_00, voterCount: 4, amountMinor: 100_000_00 });
  });

  it('funds by votes under greedy and says why the others were not funded', async () => {
    const { url, coordinator, projects: p } = await votedBudget('greedy');
    await coordinator.client.post(`${url}/close`);
    const results = (await coordinator.client.post(`${url}/results`)).body;
    expect(results.selectedProjectIds).toEqual([p.A1, p.A2, p.A3, p.A4]);
    expect(results.votersWithFundedProject).toBe(3);
    expect(byTitle(results, 'B1').reason).toMatchObject({
      status: 'not_funded',
      reason: 'did_not_fit',
      remainingBudget: { minorUnits: '0.00' },
    });
    expect(results.onlyThisRule).toEqual([]);
  });
});
