/**
 * What came of every idea of a process: each answered proposal with its answer, the budget
 * projects it became and how the vote treated them, and the result that carries it out with its
 * status and progress — the trail from an idea to what was built, readable without signing in.
 */
import { Access, type ClusterAccess } from '../platform/access.ts';
import type { Actor } from '../platform/auth/viewer.ts';
import type { Db } from '../platform/database.ts';
import { toPage } from '../platform/http/pagination.ts';
import { readCursor } from './cursor.ts';
import type { ParticipationAccess } from './participation-access.ts';
import { trailRepo } from './trail-repo.ts';

/** Where a budget project stands: in a draft, on the ballot, being counted, funded or not. */
export type ProjectStanding = 'draft' | 'voting' | 'counting' | 'funded' | 'not_funded';

/** The list shows the start of each answer's reasoning; the proposal's page has all of it. */
const EXCERPT_LENGTH = 280;
const excerpt = (text: string) =>
  text.length <= EXCERPT_LENGTH ? text : `${text.slice(0, EXCERPT_LENGTH - 1).trimEnd()}…`;

type ProjectRow = Awaited<ReturnType<typeof trailRepo.projectsOf>>[number];

function standingOf(row: ProjectRow): ProjectStanding {
  if (row.budget_status === 'draft') return 'draft';
  if (row.budget_status === 'open') return 'voting';
  if (row.budget_status === 'closed' || row.is_funded === null) return 'counting';
  return row.is_funded ? 'funded' : 'not_funded';
}

const resultOf = (row: {
  result_id: string | null;
  result_status: string | null;
  result_progress: number | null;
}) =>
  row.result_id === null
    ? null
    : { id: row.result_id, status: row.result_status, progressPercent: row.result_progress };

export function budgetProjectView(row: ProjectRow) {
  return {
    budgetId: row.budget_id,
    budgetName: row.budget_name,
    projectId: row.id,
    title: row.title,
    costMinor: Number(row.cost_minor),
    currency: row.currency,
    standing: standingOf(row),
    result: resultOf(row),
  };
}

export class TrailService {
  constructor(
    private readonly db: Db,
    private readonly participation: ParticipationAccess,
  ) {}

  async list(actor: Actor, slug: string, processId: string, query: { limit: number; cursor?: string }) {
    const context = await this.participation.read(actor, slug, processId);
    const after = readCursor(query.cursor, ['instant', 'uuid']);
    const rows = await trailRepo.answered(this.db, context.clusterId, processId, after, query.limit);
    const page = toPage(rows, query.limit, (row) => [(row.answered_at as Date).toISOString(), row.id]);
    const projects = await budgetProjectsOf(
      this.db,
      context.access,
      page.items.map((row) => row.id),
    );
    return {
      nextCursor: page.nextCursor,
      items: page.items.map((row) => ({
        proposal: { id: row.id, title: row.title, category: row.category },
        answer: {
          state: row.state,
          reasoningExcerpt: excerpt(row.answer_reasoning),
          answeredAt: (row.answered_at as Date).toISOString(),
        },
        result: resultOf(row),
        budgetProjects: projects.get(row.id) ?? [],
      })),
    };
  }
}

/** The budget projects that came from each of these proposals, as the reader may see them. */
export async function budgetProjectsOf(db: Db, access: ClusterAccess, proposalIds: readonly string[]) {
  const rows = await trailRepo.projectsOf(db, access.cluster.id, proposalIds, {
    includeDrafts: Access.can(access, 'budgeting.manage'),
  });
  const byProposal = new Map<string, ReturnType<typeof budgetProjectView>[]>();
  for (const row of rows) {
    const proposalId = row.source_proposal_id as string;
    byProposal.set(proposalId, [...(byProposal.get(proposalId) ?? []), budgetProjectView(row)]);
  }
  return byProposal;
}
