/**
 * A coordinator turns the accepted proposals of a process into projects of the process's budget,
 * and sets the budget and its projects up before the vote opens.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ApiClient } from '../../../test/support/api-client.ts';
import {
  answerProposal,
  draftBudgetOf,
  expectOk,
  openProcess,
  propose,
  resident,
} from '../../../test/support/participation-fixture.ts';
import { createTestContext, type TestContext } from '../../../test/support/test-app.ts';

let ctx: TestContext;
beforeAll(async () => {
  ctx = await createTestContext();
});
afterAll(async () => {
  await ctx.close();
});

/** A process with an accepted proposal (a resident's, with an estimated cost) and its draft budget. */
async function processWithBudget() {
  const process = await openProcess(ctx);
  const author = await resident(ctx, process.slug, 'Marta');
  const trees = await propose(process, author, {
    title: 'Shade trees along the market street',
    body: 'Plant **twelve** lime trees.',
    category: 'green',
    estimatedCostCents: 18_000_00,
  });
  await answerProposal(process, trees.url, 'accepted');
  const budget = await draftBudgetOf(process);
  return { process, author, trees, url: budget.url, budgetId: budget.id };
}

const projectCount = async (url: string, client: ApiClient) =>
  (await client.get(`${url}/projects`)).body.items.length as number;

describe('projects from accepted proposals', () => {
  it('offers the accepted proposals as prefills, and a project made from one links back to it', async () => {
    const { process, trees, url, budgetId } = await processWithBudget();
    const coordinator = process.coordinator.client;
    const candidates = expectOk(await coordinator.get(`${url}/proposal-candidates`));
    expect(candidates.items).toEqual([
      {
        id: trees.id,
        title: 'Shade trees along the market street',
        description: 'Plant **twelve** lime trees.',
        category: 'green',
        estimatedCostMinor: 18_000_00,
      },
    ]);

    const project = expectOk(
      await coordinator.post(`${url}/projects`, {
        title: 'Twelve lime trees on Market Street',
        description: 'Lime trees, planted in autumn.',
        costMinor: 21_500_00,
        category: 'green',
        sourceProposalId: trees.id,
      }),
      201,
    );
    expect(project).toMatchObject({ costMinor: 21_500_00, sourceProposalId: trees.id });
    expect((await coordinator.get(`${url}/proposal-candidates`)).body.items).toEqual([]);

    const seenByCoordinator = expectOk(await coordinator.get(trees.url));
    expect(seenByCoordinator.budgetProjects).toEqual([
      {
        budgetId,
        budgetName: 'Crafts area budget',
        projectId: project.id,
        title: 'Twelve lime trees on Market Street',
        costMinor: 21_500_00,
        currency: 'EUR',
        standing: 'draft',
        result: null,
      },
    ]);
    // A draft is the coordinators' work in progress: residents see the project once the vote opens.
    expect(expectOk(await ctx.client().get(trees.url)).budgetProjects).toEqual([]);
    expectOk(await coordinator.post(`${url}/open`));
    expect(expectOk(await ctx.client().get(trees.url)).budgetProjects).toMatchObject([
      { projectId: project.id, standing: 'voting' },
    ]);
  });

  it('finds candidates by a part of their title', async () => {
    const { process, url } = await processWithBudget();
    const bench = await propose(process, process.coordinator, { title: 'Benches by the pond' });
    await answerProposal(process, bench.url, 'accepted');
    const found = expectOk(await process.coordinator.client.get(`${url}/proposal-candidates?q=pond`));
    expect(found.items.map((item: { title: string }) => item.title)).toEqual(['Benches by the pond']);
    const all = expectOk(await process.coordinator.client.get(`${url}/proposal-candidates?limit=1`));
    expect(all.items).toHaveLength(1);
    const next = expectOk(
      await process.coordinator.client.get(`${url}/proposal-candidates?limit=1&cursor=${all.nextCursor}`),
    );
    expect(next.items).toHaveLength(1);
    expect(next.items[0].id).not.toBe(all.items[0].id);
  });

  it('refuses a proposal that is not accepted, of another process or cluster, or already in, writing nothing', async () => {
    const { process, author, trees, url } = await processWithBudget();
    const coordinator = process.coordinator.client;
    const open = await propose(process, author, { title: 'A covered market hall' });
    const rejected = await propose(process, author, { title: 'A car park on the square' });
    await answerProposal(process, rejected.url, 'rejected');
    const otherProcess = await openProcess(ctx, {
      cluster: { slug: process.slug, id: process.clusterId, coordinator: process.coordinator },
    });
    const elsewhere = await propose(otherProcess, process.coordinator, { title: 'Elsewhere' });
    await answerProposal(otherProcess, elsewhere.url, 'accepted');
    const otherCluster = await openProcess(ctx);
    const foreign = await propose(otherCluster, otherCluster.coordinator, { title: 'Foreign' });
    await answerProposal(otherCluster, foreign.url, 'accepted');
    expectOk(
      await coordinator.post(`${url}/projects`, { title: 'Trees', costMinor: 1, sourceProposalId: trees.id }),
      201,
    );
    const before = await projectCount(url, coordinator);

    const cases: [string, number, string][] = [
      [open.id, 409, 'budgeting.proposal_not_accepted'],
      [rejected.id, 409, 'budgeting.proposal_not_accepted'],
      [elsewhere.id, 404, 'budgeting.proposal_not_found'],
      [foreign.id, 404, 'budgeting.proposal_not_found'],
      ['01900000-0000-7000-8000-000000000000', 404, 'budgeting.proposal_not_found'],
      [trees.id, 409, 'budgeting.proposal_in_budget'],
    ];
    for (const [sourceProposalId, status, code] of cases) {
      const response = await coordinator.post(`${url}/projects`, {
        title: 'X',
        costMinor: 1,
        sourceProposalId,
      });
      expect({ status: response.status, code: response.body.error.code }).toEqual({ status, code });
    }
    coordinator.cookies.set('kopa_locale', 'lv');
    const inLatvian = await coordinator.post(`${url}/projects`, {
      title: 'X',
      costMinor: 1,
      sourceProposalId: rejected.id,
    });
    expect(inLatvian.body.error.message).toBe(
      'Par projektu var kļūt tikai pieņemts priekšlikums, bet šis ir noraidīts.',
    );
    coordinator.cookies.set('kopa_locale', 'en');
    expect(await projectCount(url, coordinator)).toBe(before);

    // Pointing an existing project at a proposal is held to the same rules.
    const direct = expectOk(await coordinator.post(`${url}/projects`, { title: 'Lamps', costMinor: 1 }), 201);
    const repoint = await coordinator.patch(`${url}/projects/${direct.id}`, { sourceProposalId: open.id });
    expect(repoint.body.error.code).toBe('budgeting.proposal_not_accepted');
    const unchanged = (await coordinator.get(`${url}/projects`)).body.items.find(
      (item: { id: string }) => item.id === direct.id,
    );
    expect(unchanged.sourceProposalId).toBeNull();
  });

  it('ties a budget to a process of its own cluster, and keeps projects from proposals with their process', async () => {
    const { process, trees, url } = await processWithBudget();
    const coordinator = process.coordinator.client;
    const foreign = await openProcess(ctx);
    const tied = await coordinator.patch(url, { processId: foreign.id });
    expect({ status: tied.status, code: tied.body.error.code }).toEqual({
      status: 404,
      code: 'budgeting.process_not_found',
    });

    const outside = await draftBudgetOf(process, { processId: null });
    const noProcess = await coordinator.post(`${outside.url}/projects`, {
      title: 'Trees',
      costMinor: 1,
      sourceProposalId: trees.id,
    });
    expect({ status: noProcess.status, code: noProcess.body.error.code }).toEqual({
      status: 409,
      code: 'budgeting.no_process',
    });
    expect((await coordinator.get(`${outside.url}/proposal-candidates`)).body.items).toEqual([]);

    expectOk(
      await coordinator.post(`${url}/projects`, { title: 'Trees', costMinor: 1, sourceProposalId: trees.id }),
      201,
    );
    const sibling = await openProcess(ctx, {
      cluster: { slug: process.slug, id: process.clusterId, coordinator: process.coordinator },
    });
    const moved = await coordinator.patch(url, { processId: sibling.id });
    expect({ status: moved.status, code: moved.body.error.code }).toEqual({
      status: 409,
      code: 'budgeting.projects_from_proposals',
    });
    expect((await coordinator.get(url)).body.processId).toBe(process.id);
  });

  it('shows the candidates to coordinators only', async () => {
    const { process, url } = await processWithBudget();
    const neighbour = await resident(ctx, process.slug, 'Neighbour');
    expect((await neighbour.client.get(`${url}/proposal-candidates`)).status).toBe(403);
    expect((await ctx.client().get(`${url}/proposal-candidates`)).status).toBe(401);
  });
});

describe('setting a budget up before the vote opens', () => {
  it('changes every setting of the ballot and the rule, each refusal naming its field', async () => {
    const { process, url } = await processWithBudget();
    const coordinator = process.coordinator.client;
    const cumulative = expectOk(
      await coordinator.patch(url, {
        amountMinor: 80_000_00,
        ballotType: 'cumulative',
        pointsPerVoter: 10,
        maxPointsPerProject: 4,
        minProjects: 1,
        maxProjects: 5,
        rule: 'greedy-threshold',
        scoreThreshold: '12',
      }),
    );
    expect(cumulative).toMatchObject({
      amountMinor: 80_000_00,
      rule: 'greedy-threshold',
      scoreThreshold: '12',
      ballot: {
        type: 'cumulative',
        minProjects: 1,
        maxProjects: 5,
        maxTotalCostMinor: null,
        pointsPerVoter: 10,
        maxPointsPerProject: 4,
      },
    });

    const refusals: [Record<string, unknown>, string, string, string][] = [
      [
        { maxPointsPerProject: 11 },
        'budgeting.points_over_total',
        'maxPointsPerProject',
        'One project cannot take more points than a voter has (10).',
      ],
      [
        { maxTotalCostMinor: 10_000_00 },
        'budgeting.cumulative_no_cost_limit',
        'maxTotalCostMinor',
        'A cumulative ballot has no cost limit: voters spread points, not money.',
      ],
      [
        { maxProjects: 0 },
        'validation.out_of_range',
        'maxProjects',
        'This number is out of the allowed range.',
      ],
      [
        { maxPointsPerProject: 0 },
        'validation.out_of_range',
        'maxPointsPerProject',
        'This number is out of the allowed range.',
      ],
      [
        { minProjects: 6 },
        'budgeting.max_below_min',
        'maxProjects',
        'The largest number of projects on a ballot cannot be below the smallest (6).',
      ],
      [
        { rule: 'greedy-threshold', scoreThreshold: null },
        'budgeting.threshold_required',
        'scoreThreshold',
        'Greedy with a threshold needs the number of votes a project must reach.',
      ],
    ];
    for (const [patch, code, field, message] of refusals) {
      const response = await coordinator.patch(url, patch);
      expect({ status: response.status, ...response.body.error }).toEqual({
        status: 400,
        code,
        field,
        message,
      });
    }
    expect((await coordinator.get(url)).body).toMatchObject({
      amountMinor: 80_000_00,
      ballot: { maxPointsPerProject: 4 },
    });

    // An empty limit is no limit (a project may then take all of a voter's points).
    const unlimited = expectOk(
      await coordinator.patch(url, { maxProjects: null, maxPointsPerProject: null }),
    );
    expect(unlimited.ballot).toMatchObject({ minProjects: 1, maxProjects: null, maxPointsPerProject: 10 });

    // Back to approval: the points go with the cumulative ballot, and another rule drops the threshold.
    const approval = expectOk(
      await coordinator.patch(url, {
        ballotType: 'approval',
        maxTotalCostMinor: 30_000_00,
        rule: 'mes-add1',
      }),
    );
    expect(approval).toMatchObject({
      rule: 'mes-add1',
      scoreThreshold: null,
      ballot: {
        type: 'approval',
        pointsPerVoter: null,
        maxPointsPerProject: null,
        maxTotalCostMinor: 30_000_00,
      },
    });
  });

  it('edits and removes projects until the vote opens, then neither', async () => {
    const { process, url } = await processWithBudget();
    const coordinator = process.coordinator.client;
    const lamps = expectOk(
      await coordinator.post(`${url}/projects`, { title: 'Lamps', costMinor: 5_000_00 }),
      201,
    );
    const benches = expectOk(
      await coordinator.post(`${url}/projects`, { title: 'Benches', costMinor: 2_000_00 }),
      201,
    );
    const edited = expectOk(
      await coordinator.patch(`${url}/projects/${lamps.id}`, {
        title: 'Solar lamps',
        costMinor: 6_500_00,
        category: 'light',
        description: 'Twenty solar lamps.',
      }),
    );
    expect(edited).toMatchObject({ title: 'Solar lamps', costMinor: 6_500_00, category: 'light' });
    expect((await coordinator.delete(`${url}/projects/${benches.id}`)).status).toBe(204);
    expect(
      (await coordinator.get(`${url}/projects`)).body.items.map((p: { title: string }) => p.title),
    ).toEqual(['Solar lamps']);
    const blank = await coordinator.patch(`${url}/projects/${lamps.id}`, { title: '  ' });
    expect({ status: blank.status, field: blank.body.error.field }).toEqual({ status: 400, field: 'title' });

    expectOk(await coordinator.post(`${url}/open`));
    const late = await coordinator.delete(`${url}/projects/${lamps.id}`);
    expect({ status: late.status, code: late.body.error.code }).toEqual({
      status: 409,
      code: 'budgeting.not_draft',
    });
    expect((await coordinator.get(`${url}/projects`)).body.items).toHaveLength(1);
  });
});
