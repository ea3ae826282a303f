/**
 * The coordinator's answer to a proposal: under evaluation, accepted or rejected, always with its
 * reasoning, and on closing with how public input changed the decision. An accepted proposal
 * becomes an accountability result. Answers are public events; the authors and followers are told.
 */
import {
  type Answer,
  isFinal,
  type ProposalState,
  requiresInputEffect,
} from '../../domain/participation/proposal-state.ts';
import type { AuditLog } from '../platform/audit/audit-log.ts';
import type { Actor } from '../platform/auth/viewer.ts';
import type { Db } from '../platform/database.ts';
import { badRequest, conflict, notFound } from '../platform/errors.ts';
import { followerRepo } from './follower-repo.ts';
import type { ParticipationNotices } from './notices.ts';
import type { ParticipationAccess } from './participation-access.ts';
import { authorRepo, proposalRepo } from './proposal-repo.ts';
import type { ProposalService } from './proposal-service.ts';
import { notOpen } from './proposal-service.ts';
import type { ResultService } from './result-service.ts';

const excerpt = (text: string) => (text.length <= 500 ? text : `${text.slice(0, 499)}…`);

export class AnswerService {
  constructor(
    private readonly db: Db,
    private readonly participation: ParticipationAccess,
    private readonly audit: AuditLog,
    private readonly notices: ParticipationNotices,
    private readonly proposals: ProposalService,
    private readonly results: ResultService,
  ) {}

  async answer(
    actor: Actor,
    slug: string,
    processId: string,
    proposalId: string,
    input: { answer: Answer; reasoning: string; inputEffect: string },
  ) {
    const context = await this.participation.manage(actor, slug, processId);
    const reasoning = input.reasoning.trim();
    const inputEffect = input.inputEffect.trim();
    if (reasoning === '') throw badRequest('participation.reasoning_required', 'reasoning');
    if (requiresInputEffect(input.answer) && inputEffect === '') {
      throw badRequest('participation.input_effect_required', 'inputEffect');
    }
    const { clusterId } = context;
    await this.db.transaction().execute(async (tx) => {
      const proposal = await proposalRepo.findForUpdate(tx, clusterId, processId, proposalId);
      if (!proposal) throw notFound('participation.proposal_not_found');
      const state = proposal.state as ProposalState;
      if (isFinal(state)) throw conflict('participation.answer_final', 'answer', { state });
      if (state === 'withdrawn') throw notOpen(state);
      await proposalRepo.update(tx, clusterId, proposalId, {
        state: input.answer,
        answer_reasoning: reasoning,
        answer_input_effect: inputEffect,
        answered_at: context.now,
        answered_by: context.actor.personId,
        updated_at: context.now,
      });
      const result =
        input.answer === 'accepted'
          ? await this.results.createResultFor(tx, clusterId, {
              processId,
              title: proposal.title,
              sourceKind: 'proposal',
              sourceId: proposalId,
            })
          : null;
      await this.audit.record(tx, clusterId, {
        action: 'participation.proposal_answered',
        isPublic: true,
        payload: {
          processId,
          proposalId,
          title: proposal.title,
          answer: input.answer,
          reasoning,
          inputEffect,
          resultId: result?.id ?? null,
          by: context.actor.personId,
        },
      });
      const authors = (await authorRepo.ofProposal(tx, clusterId, proposalId, proposal.author_id))
        .filter((a) => a.id === proposal.author_id || a.accepted_at !== null)
        .map((a) => a.id);
      const followers = await followerRepo.of(tx, clusterId, { kind: 'proposal', id: proposalId });
      await this.notices.tell(
        tx,
        [...authors, ...followers],
        {
          clusterId,
          kind: 'proposal_answered',
          processId,
          proposalId,
          subject: proposal.title,
          detail: input.answer,
          link: this.proposals.proposalLink(slug, processId, proposalId),
          mailParams: () => ({
            title: proposal.title,
            process: context.process.title,
            answer: input.answer,
            reasoning: excerpt(reasoning),
          }),
        },
        context.actor.personId,
      );
    });
    this.notices.deliver();
    return this.proposals.get(actor, slug, processId, proposalId);
  }
}
