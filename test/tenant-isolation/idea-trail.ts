/**
 * The trail from an idea to what was built: nobody outside a cluster lists its accepted proposals
 * as budget candidates, sees its draft budget's projects on the trail, or ties a budget to its
 * process; its ids name nothing under another cluster's slug. The other cluster is a public one of
 * its own, so the shared clusters' lists stay as the other cases expect.
 */
import { expect } from 'vitest';
import {
  answerProposal,
  draftBudgetOf,
  expectOk,
  openProcess,
  propose,
} from '../support/participation-fixture.ts';
import { denied, type TenantCaseSet } from '../support/tenant-isolation.ts';

export const ideaTrailCases: TenantCaseSet = {
  async prepare({ ctx, intruder, slugA, privateB }) {
    const other = await openProcess(ctx);
    const owner = other.coordinator.client;
    const idea = await propose(other, other.coordinator, { title: 'A reading room' });
    await answerProposal(other, idea.url, 'accepted');
    const budget = await draftBudgetOf(other);
    expectOk(
      await owner.post(`${budget.url}/projects`, {
        title: 'Reading room',
        costMinor: 5_000_00,
        sourceProposalId: idea.id,
      }),
      201,
    );

    const c = intruder.client;
    const trail = `/processes/${other.id}/trail`;
    const candidates = `/budgets/${budget.id}/proposal-candidates`;
    return () => [
      {
        method: 'GET',
        path: '/clusters/{slug}/processes/{processId}/trail',
        check: async () => {
          const seen = expectOk(await c.get(`/api/v1/clusters/${other.slug}${trail}`));
          expect(seen.items.map((item: { proposal: { id: string } }) => item.proposal.id)).toEqual([idea.id]);
          expect(seen.items[0].budgetProjects).toEqual([]);
          denied(404, 'participation.process_not_found')(await c.get(`/api/v1/clusters/${slugA}${trail}`));
          denied(404, 'cluster.not_found')(await c.get(`/api/v1/clusters/${privateB.slug}${trail}`));
        },
      },
      {
        method: 'GET',
        path: '/clusters/{slug}/budgets/{budgetId}/proposal-candidates',
        check: async () => {
          denied(403, 'auth.forbidden')(await c.get(`/api/v1/clusters/${other.slug}${candidates}`));
          denied(404, 'budgeting.not_found')(await c.get(`/api/v1/clusters/${slugA}${candidates}`));
          // Nor can the intruder tie a budget of their own cluster to the other cluster's process.
          const tied = await c.post(`/api/v1/clusters/${slugA}/budgets`, {
            name: 'Intruder’s',
            currency: 'EUR',
            amountMinor: 100,
            rule: 'greedy',
            ballotType: 'approval',
            opensAt: '2026-01-01T00:00:00Z',
            closesAt: '2099-01-01T00:00:00Z',
            processId: other.id,
          });
          denied(404, 'budgeting.process_not_found')(tied);
        },
      },
    ];
  },
};
