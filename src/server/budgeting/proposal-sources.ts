/**
 * Where a budget meets its participatory process: whether the process exists, and the accepted
 * proposals a coordinator may turn into the budget's projects. Reads participation's tables, which
 * the budget's foreign keys tie to (migration 0012). Scoped by cluster.
 */
import { type Kysely, sql } from 'kysely';
import type { Database } from '../platform/database.ts';
import { containsText } from '../platform/text-match.ts';

type Q = Kysely<Database>;

export const proposalSourceRepo = {
  processExists: async (db: Q, clusterId: string, processId: string) =>
    (await db
      .selectFrom('participatory_process')
      .select('id')
      .where('cluster_id', '=', clusterId)
      .where('id', '=', processId)
      .executeTakeFirst()) !== undefined,

  find: (db: Q, clusterId: string, proposalId: string) =>
    db
      .selectFrom('proposal')
      .select(['id', 'process_id', 'state', 'title'])
      .where('cluster_id', '=', clusterId)
      .where('id', '=', proposalId)
      .executeTakeFirst(),

  /** The project of the budget that already came from the proposal, if one did. */
  projectFrom: (db: Q, clusterId: string, budgetId: string, proposalId: string) =>
    db
      .selectFrom('budget_project')
      .select('id')
      .where('cluster_id', '=', clusterId)
      .where('budget_id', '=', budgetId)
      .where('source_proposal_id', '=', proposalId)
      .executeTakeFirst(),

  hasProjectsFromProposals: async (db: Q, clusterId: string, budgetId: string) =>
    (await db
      .selectFrom('budget_project')
      .select('id')
      .where('cluster_id', '=', clusterId)
      .where('budget_id', '=', budgetId)
      .where('source_proposal_id', 'is not', null)
      .limit(1)
      .executeTakeFirst()) !== undefined,

  /**
   * The process's accepted, visible proposals that are not yet projects of the budget, newest first
   * by keyset, optionally those whose title contains the text; fetches one extra row.
   */
  candidates: (
    db: Q,
    clusterId: string,
    processId: string,
    budgetId: string,
    query: { text: string; afterId: string | null; limit: number },
  ) =>
    db
      .selectFrom('proposal as p')
      .select(['p.id', 'p.title', 'p.body_markdown', 'p.category', 'p.estimated_cost_cents', 'p.answered_at'])
      .where('p.cluster_id', '=', clusterId)
      .where('p.process_id', '=', processId)
      .where('p.state', '=', 'accepted')
      .where('p.hidden_at', 'is', null)
      .where(
        sql<boolean>`not exists (select 1 from budget_project bp where bp.cluster_id = p.cluster_id and bp.budget_id = ${budgetId} and bp.source_proposal_id = p.id)`,
      )
      .$if(query.text !== '', (qb) => qb.where(containsText('p.title', query.text)))
      .$if(query.afterId !== null, (qb) => qb.where('p.id', '<', query.afterId as string))
      .orderBy('p.id', 'desc')
      .limit(query.limit + 1)
      .execute(),
};
