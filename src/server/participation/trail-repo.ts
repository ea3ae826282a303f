/**
 * SQL for the trail from an idea to what was built: answered proposals with their results, and the
 * budget projects that came from them with how the vote treated each. Reads budgeting's tables,
 * which the budget projects' foreign keys tie to proposals (migration 0012). Scoped by cluster.
 */
import { type Kysely, sql } from 'kysely';
import type { Database } from '../platform/database.ts';

type Q = Kysely<Database>;

/** Budget projects of one proposal shown at most; a proposal is rarely put to more than one vote. */
export const MAX_PROJECTS_PER_PROPOSAL = 10;

export const trailRepo = {
  /** The process's answered, visible proposals, newest answer first, by keyset; one extra row. */
  answered: (db: Q, clusterId: string, processId: string, after: [string, string] | null, limit: number) =>
    db
      .selectFrom('proposal as p')
      .leftJoin('accountability_result as r', (join) =>
        join
          .onRef('r.cluster_id', '=', 'p.cluster_id')
          .on('r.source_kind', '=', 'proposal')
          .onRef('r.source_id', '=', 'p.id'),
      )
      .select([
        'p.id',
        'p.title',
        'p.state',
        'p.category',
        'p.answer_reasoning',
        'p.answered_at',
        'r.id as result_id',
        'r.status as result_status',
        'r.progress_percent as result_progress',
      ])
      .where('p.cluster_id', '=', clusterId)
      .where('p.process_id', '=', processId)
      .where('p.answered_at', 'is not', null)
      .where('p.hidden_at', 'is', null)
      .$if(after !== null, (qb) =>
        qb.where(sql<boolean>`(p.answered_at, p.id) < (${after?.[0]}::timestamptz, ${after?.[1]}::uuid)`),
      )
      .orderBy('p.answered_at', 'desc')
      .orderBy('p.id', 'desc')
      .limit(limit + 1)
      .execute(),

  /**
   * The budget projects that came from these proposals, oldest budget first, with whether the
   * published results fund each and the result that carries it out. Drafts only for coordinators.
   */
  projectsOf: async (
    db: Q,
    clusterId: string,
    proposalIds: readonly string[],
    options: { includeDrafts: boolean },
  ) => {
    if (proposalIds.length === 0) return [];
    return db
      .selectFrom('budget_project as bp')
      .innerJoin('budget as b', (join) =>
        join.onRef('b.cluster_id', '=', 'bp.cluster_id').onRef('b.id', '=', 'bp.budget_id'),
      )
      .leftJoin('budget_result as br', (join) =>
        join.onRef('br.cluster_id', '=', 'b.cluster_id').onRef('br.budget_id', '=', 'b.id'),
      )
      .leftJoin('accountability_result as r', (join) =>
        join.onRef('r.cluster_id', '=', 'bp.cluster_id').onRef('r.budget_project_id', '=', 'bp.id'),
      )
      .select([
        'bp.source_proposal_id',
        'bp.id',
        'bp.title',
        'bp.cost_minor',
        'b.id as budget_id',
        'b.name as budget_name',
        'b.currency',
        'b.status as budget_status',
        sql<boolean | null>`bp.id = any(br.selected_project_ids)`.as('is_funded'),
        'r.id as result_id',
        'r.status as result_status',
        'r.progress_percent as result_progress',
      ])
      .where('bp.cluster_id', '=', clusterId)
      .where('bp.source_proposal_id', 'in', proposalIds)
      .$if(!options.includeDrafts, (qb) => qb.where('b.status', '<>', 'draft'))
      .orderBy('b.created_at')
      .orderBy('b.id')
      .limit(proposalIds.length * MAX_PROJECTS_PER_PROPOSAL)
      .execute();
  },
};
