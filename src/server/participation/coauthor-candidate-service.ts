/**
 * Finding whom to invite as a co-author: the authors of an open proposal type a part of a name and
 * see up to ten people of the cluster who could accept (they may take part in the process), never
 * those already authoring or invited. Only names and ids are shown — no e-mail addresses — and only
 * to the proposal's authors, so the cluster's people cannot be listed by anyone else.
 */
import { CLUSTER_ROLES } from '../../domain/clusters/roles.ts';
import { isOpen, type ProposalState } from '../../domain/participation/proposal-state.ts';
import { mayTakePart, type WhoMayTakePart } from '../../domain/participation/take-part.ts';
import type { Actor } from '../platform/auth/viewer.ts';
import type { Db } from '../platform/database.ts';
import { AppError, badRequest, notFound } from '../platform/errors.ts';
import { coauthorCandidateRepo } from './coauthor-candidate-repo.ts';
import type { ParticipationAccess } from './participation-access.ts';
import { authorRepo, proposalRepo } from './proposal-repo.ts';
import { notOpen } from './proposal-service.ts';

export const CANDIDATES_SHOWN = 10;
/** Fewer letters would match most of the cluster: a list of its people rather than a search. */
export const CANDIDATE_SEARCH_MIN_LENGTH = 2;
export const CANDIDATE_SEARCH_MAX_LENGTH = 100;

/** The roles that alone let a person take part in a process with this rule. */
const rolesTakingPart = (rule: WhoMayTakePart) =>
  CLUSTER_ROLES.filter((role) => mayTakePart(rule, { roles: [role], isPlatformAdmin: false }));

export class CoauthorCandidateService {
  constructor(
    private readonly db: Db,
    private readonly participation: ParticipationAccess,
  ) {}

  async search(actor: Actor, slug: string, processId: string, proposalId: string, query: string) {
    const context = await this.participation.takePart(actor, slug, processId);
    const { clusterId } = context;
    const proposal = await proposalRepo.find(this.db, clusterId, processId, proposalId);
    if (!proposal) throw notFound('participation.proposal_not_found');
    const authors = await authorRepo.ofProposal(this.db, clusterId, proposalId, proposal.author_id);
    const isAuthor = authors.some(
      (a) => a.id === context.actor.personId && (a.id === proposal.author_id || a.accepted_at !== null),
    );
    if (!isAuthor) throw new AppError('participation.not_author', 403);
    if (!isOpen(proposal.state as ProposalState)) throw notOpen(proposal.state);
    const text = query.trim();
    if ([...text].length < CANDIDATE_SEARCH_MIN_LENGTH) {
      throw badRequest('participation.person_search_too_short', 'q', { min: CANDIDATE_SEARCH_MIN_LENGTH });
    }
    const rows = await coauthorCandidateRepo.search(this.db, {
      clusterId,
      proposalId,
      proposerId: proposal.author_id,
      text,
      roles: rolesTakingPart(context.process.who_may_take_part as WhoMayTakePart),
      limit: CANDIDATES_SHOWN,
    });
    return { items: rows.map((row) => ({ personId: row.id, displayName: row.display_name })) };
  }
}
