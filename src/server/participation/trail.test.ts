/**
 * The trail from an idea to what was built: a resident proposes, the coordinator accepts, the idea
 * becomes a project of the process's budget, residents vote, the results fund it, and the result
 * that follows it up is the accepted proposal's own — all readable on the process page.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  answerProposal,
  draftBudgetOf,
  expectOk,
  openProcess,
  propose,
  resident,
  rowCount,
  type TestProcess,
} from '../../../test/support/participation-fixture.ts';
import { createTestContext, type TestContext } from '../../../test/support/test-app.ts';
import { Access } from '../platform/access.ts';
import { systemClock } from '../platform/clock.ts';
import { Mailer } from '../platform/mail.ts';
import { assembleParticipation } from './assemble.ts';

let ctx: TestContext;
beforeAll(async () => {
  ctx = await createTestContext();
});
afterAll(async () => {
  await ctx.close();
});

/**
 * A process whose accepted proposal (trees) became a project of its budget beside a project entered
 * directly (lamps) and one nobody votes for (fountain); a rejected proposal and an unanswered one.
 */
async function votedBudget() {
  const process = await openProcess(ctx);
  const coordinator = process.coordinator.client;
  const author = await resident(ctx, process.slug, 'Marta');
  const trees = await propose(process, author, { title: 'Shade trees', estimatedCostCents: 20_000_00 });
  const parking = await propose(process, author, { title: 'A car park on the square' });
  const waiting = await propose(process, author, { title: 'A covered market hall' });
  await answerProposal(process, trees.url, 'accepted');
  await answerProposal(process, parking.url, 'rejected');
  const { id: budgetId, url } = await draftBudgetOf(process, { amountMinor: 30_000_00, rule: 'greedy' });
  const add = async (body: Record<string, unknown>) =>
    expectOk(await coordinator.post(`${url}/projects`, body), 201).id as string;
  const projects = {
    trees: await add({ title: 'Twelve lime trees', costMinor: 20_000_00, sourceProposalId: trees.id }),
    lamps: await add({ title: 'Solar lamps', costMinor: 8_000_00 }),
    fountain: await add({ title: 'A fountain', costMinor: 25_000_00 }),
  };
  expectOk(await coordinator.post(`${url}/open`));
  for (const name of ['Anna', 'Bruno', 'Cleo']) {
    const voter = await resident(ctx, process.slug, name);
    expectOk(
      await voter.client.put(`${url}/ballot`, {
        choices: [{ projectId: projects.trees }, { projectId: projects.lamps }],
      }),
    );
  }
  return { process, trees, parking, waiting, url, budgetId, projects };
}

const publish = async (process: TestProcess, url: string) => {
  expectOk(await process.coordinator.client.post(`${url}/close`));
  expectOk(await process.coordinator.client.post(`${url}/results`), 201);
};

describe('the trail from an idea to what was built', () => {
  it('makes the accepted proposal’s result the funded project’s, and gives a direct project its own', async () => {
    const { process, trees, url, budgetId, projects } = await votedBudget();
    const proposalResultId = expectOk(await ctx.client().get(trees.url)).resultId as string;
    expect(proposalResultId).toEqual(expect.any(String));

    await publish(process, url);

    const results = expectOk(await ctx.client().get(`${process.url}/results`)).items as {
      id: string;
      title: string;
      sourceKind: string;
      sourceId: string;
      budgetProjectId: string | null;
      status: string;
    }[];
    expect(results).toHaveLength(2);
    expect(results.find((r) => r.id === proposalResultId)).toMatchObject({
      sourceKind: 'proposal',
      sourceId: trees.id,
      budgetProjectId: projects.trees,
      status: 'planned',
    });
    expect(results.find((r) => r.id !== proposalResultId)).toMatchObject({
      title: 'Solar lamps',
      sourceKind: 'budget_project',
      sourceId: projects.lamps,
      budgetProjectId: projects.lamps,
    });

    expect(expectOk(await ctx.client().get(trees.url)).budgetProjects).toEqual([
      {
        budgetId,
        budgetName: 'Crafts area budget',
        projectId: projects.trees,
        title: 'Twelve lime trees',
        costMinor: 20_000_00,
        currency: 'EUR',
        standing: 'funded',
        result: { id: proposalResultId, status: 'planned', progressPercent: 0 },
      },
    ]);

    const events = expectOk(await ctx.client().get(`/api/v1/clusters/${process.slug}/audit/events`));
    const funded = events.items.find((e: { action: string }) => e.action === 'participation.result_funded');
    expect(funded.payload).toMatchObject({
      resultId: proposalResultId,
      title: 'Shade trees',
      budgetId,
      projectId: projects.trees,
      proposalId: trees.id,
    });
  });

  it('shows on the process page what came of every answered idea, linked, drafts only to coordinators', async () => {
    const { process, trees, parking, url, projects } = await votedBudget();
    const trailUrl = `${process.url}/trail`;
    const whileVoting = expectOk(await ctx.client().get(trailUrl));
    expect(whileVoting.items.map((item: { proposal: { title: string } }) => item.proposal.title)).toEqual([
      'A car park on the square',
      'Shade trees',
    ]);
    expect(whileVoting.items[1].budgetProjects).toMatchObject([
      { projectId: projects.trees, standing: 'voting' },
    ]);

    await publish(process, url);
    const trail = expectOk(await ctx.client().get(trailUrl));
    const [rejected, accepted] = trail.items;
    expect(rejected).toEqual({
      proposal: { id: parking.id, title: 'A car park on the square', category: 'green' },
      answer: {
        state: 'rejected',
        reasoningExcerpt: 'The land is not ours.',
        answeredAt: expect.any(String),
      },
      result: null,
      budgetProjects: [],
    });
    expect(accepted).toMatchObject({
      proposal: { id: trees.id, title: 'Shade trees' },
      answer: { state: 'accepted', reasoningExcerpt: 'Feasible and wanted.' },
      result: { status: 'planned', progressPercent: 0 },
      budgetProjects: [{ projectId: projects.trees, standing: 'funded' }],
    });
    expect(accepted.budgetProjects[0].result.id).toBe(accepted.result.id);

    // A milestone on the result moves the trail with it.
    expectOk(
      await process.coordinator.client.post(`${process.url}/results/${accepted.result.id}/milestones`, {
        title: 'Trees ordered',
        description: '',
        happenedOn: '2026-03-02',
        evidenceText: 'Order 2026/114',
        evidenceUrl: '',
        status: 'in_progress',
        progressPercent: 40,
      }),
      201,
    );
    const moved = expectOk(await process.coordinator.client.get(trailUrl));
    expect(moved.items[1].result).toMatchObject({ status: 'in_progress', progressPercent: 40 });
  });

  it('keeps a draft budget’s projects to the coordinators', async () => {
    const process = await openProcess(ctx);
    const idea = await propose(process, process.coordinator, { title: 'A reading room' });
    await answerProposal(process, idea.url, 'accepted');
    const budget = await draftBudgetOf(process, { name: 'Draft budget' });
    expectOk(
      await process.coordinator.client.post(`${budget.url}/projects`, {
        title: 'Reading room',
        costMinor: 5_000_00,
        sourceProposalId: idea.id,
      }),
      201,
    );
    const trailUrl = `${process.url}/trail`;
    expect(expectOk(await ctx.client().get(trailUrl)).items[0].budgetProjects).toEqual([]);
    expect(expectOk(await process.coordinator.client.get(trailUrl)).items[0].budgetProjects).toMatchObject([
      { standing: 'draft', budgetName: 'Draft budget' },
    ]);
  });

  it('pages the trail by the time of the answer and refuses a forged cursor', async () => {
    const { process } = await votedBudget();
    const trailUrl = `${process.url}/trail`;
    const first = expectOk(await ctx.client().get(`${trailUrl}?limit=1`));
    expect(first.items).toHaveLength(1);
    const second = expectOk(await ctx.client().get(`${trailUrl}?limit=1&cursor=${first.nextCursor}`));
    expect(second.items.map((item: { proposal: { title: string } }) => item.proposal.title)).toEqual([
      'Shade trees',
    ]);
    expect(second.nextCursor).toBeNull();
    const forged = Buffer.from(JSON.stringify(['yesterday', 'not-an-id'])).toString('base64url');
    const refused = await ctx.client().get(`${trailUrl}?cursor=${forged}`);
    expect({ status: refused.status, code: refused.body.error.code }).toEqual({
      status: 400,
      code: 'validation.format',
    });
  });

  it('follows a funded project up once, however often it is asked', async () => {
    const { process, trees: idea, url, budgetId, projects } = await votedBudget();
    await publish(process, url);
    const again = await process.coordinator.client.post(`${url}/results`);
    expect(again.body.error.code).toBe('budgeting.already_published');
    const before = await rowCount(ctx, 'accountability_result', process.clusterId);

    const { results } = assembleParticipation({
      db: ctx.db,
      access: new Access(ctx.db),
      audit: ctx.audit,
      mailer: new Mailer(ctx.db, systemClock, { printToLog: false, log: () => {} }),
      clock: systemClock,
      publicUrl: 'http://kopa.test',
    });
    const ask = (projectId: string, title: string) =>
      ctx.db.transaction().execute((tx) =>
        results.resultForFundedProject(tx, process.clusterId, {
          processId: process.id,
          budgetId,
          projectId,
          title,
          sourceProposalId: null,
        }),
      );
    const lamps = await ask(projects.lamps, 'Solar lamps');
    expect(await ask(projects.lamps, 'Solar lamps')).toEqual(lamps);
    const trees = await ask(projects.trees, 'Twelve lime trees');
    expect(trees.id).toBe(expectOk(await ctx.client().get(idea.url)).resultId);
    expect(await rowCount(ctx, 'accountability_result', process.clusterId)).toBe(before);
  });
});
