/**
 * Deliberation on a proposal: threaded comments (for, against, neutral) paged in reading order,
 * reports of abuse by anyone signed in, and moderation by coordinators, who hide a proposal or a
 * comment with a reason. Hidden content is replaced for everyone else by the reason; the fact and
 * the reason are public on the audit chain, the moderator's note is not.
 */
import { type CommentAlignment, placeComment } from '../../domain/participation/comment-thread.ts';
import {
  isOpen,
  type ModerationReason,
  type ProposalState,
} from '../../domain/participation/proposal-state.ts';
import { Access } from '../platform/access.ts';
import type { AuditLog } from '../platform/audit/audit-log.ts';
import type { Actor } from '../platform/auth/viewer.ts';
import type { Db } from '../platform/database.ts';
import { badRequest, conflict, notFound, unauthenticated } from '../platform/errors.ts';
import { toPage } from '../platform/http/pagination.ts';
import { newId } from '../platform/ids.ts';
import { commentRepo, reportRepo } from './comment-repo.ts';
import { readCursor } from './cursor.ts';
import { followerRepo } from './follower-repo.ts';
import type { ParticipationNotices } from './notices.ts';
import type { ParticipationAccess } from './participation-access.ts';
import { proposalRepo } from './proposal-repo.ts';
import { notOpen } from './proposal-service.ts';

export interface Moderation {
  reason: ModerationReason;
  note: string;
}

const excerpt = (text: string) => (text.length <= 300 ? text : `${text.slice(0, 299)}…`);

export class CommentService {
  constructor(
    private readonly db: Db,
    private readonly participation: ParticipationAccess,
    private readonly audit: AuditLog,
    private readonly notices: ParticipationNotices,
  ) {}

  async list(
    actor: Actor,
    slug: string,
    processId: string,
    proposalId: string,
    query: { limit: number; cursor?: string },
  ) {
    const context = await this.participation.read(actor, slug, processId);
    const proposal = await proposalRepo.find(this.db, context.clusterId, processId, proposalId);
    if (!proposal) throw notFound('participation.proposal_not_found');
    const after = readCursor(query.cursor, ['text']);
    const rows = await commentRepo.page(
      this.db,
      context.clusterId,
      proposalId,
      after?.[0] ?? null,
      query.limit,
    );
    const page = toPage(rows, query.limit, (row) => [row.path]);
    const mayModerate = Access.can(context.access, 'participation.manage');
    return {
      nextCursor: page.nextCursor,
      items: page.items.map((row) => {
        const isHidden = row.hidden_at !== null;
        const showContent = !isHidden || mayModerate;
        return {
          id: row.id,
          parentId: row.parent_id,
          depth: row.depth,
          authorId: showContent ? row.author_id : null,
          authorName: showContent ? row.author_name : '',
          body: showContent ? row.body : '',
          alignment: row.alignment,
          createdAt: row.created_at.toISOString(),
          hidden: isHidden ? { reason: row.hidden_reason, note: mayModerate ? row.hidden_note : null } : null,
        };
      }),
    };
  }

  async post(
    actor: Actor,
    slug: string,
    processId: string,
    proposalId: string,
    input: { body: string; alignment: CommentAlignment; parentId?: string },
  ) {
    const context = await this.participation.takePart(actor, slug, processId, 'comment');
    const { clusterId } = context;
    const id = newId();
    const body = input.body.trim();
    if (body === '') throw badRequest('validation.required', 'body');
    await this.db.transaction().execute(async (tx) => {
      const proposal = await proposalRepo.findForUpdate(tx, clusterId, processId, proposalId);
      if (!proposal) throw notFound('participation.proposal_not_found');
      if (proposal.hidden_at !== null || !isOpen(proposal.state as ProposalState)) {
        throw notOpen(proposal.hidden_at !== null ? 'hidden' : proposal.state);
      }
      const parent =
        input.parentId === undefined
          ? null
          : await commentRepo.find(tx, clusterId, proposalId, input.parentId);
      if (input.parentId !== undefined && !parent) throw notFound('participation.comment_not_found');
      const place = placeComment(id, parent ?? null);
      if (!place) throw badRequest('participation.reply_too_deep', 'parentId');
      await commentRepo.insert(tx, {
        cluster_id: clusterId,
        id,
        proposal_id: proposalId,
        parent_id: parent?.id ?? null,
        path: place.path,
        depth: place.depth,
        author_id: context.actor.personId,
        body,
        alignment: input.alignment,
        created_at: context.now,
        hidden_at: null,
        hidden_reason: null,
        hidden_note: '',
      });
      await proposalRepo.addToCounts(tx, clusterId, proposalId, { comments: 1 });
      const followers = await followerRepo.of(tx, clusterId, { kind: 'proposal', id: proposalId });
      await this.notices.tell(
        tx,
        followers,
        {
          clusterId,
          kind: 'comment_posted',
          processId,
          proposalId,
          subject: proposal.title,
          detail: context.actor.displayName,
          link: this.notices.link(slug, `/processes/${processId}/proposals/${proposalId}`),
          mailParams: () => ({
            title: proposal.title,
            author: context.actor.displayName,
            comment: excerpt(body),
          }),
        },
        context.actor.personId,
      );
    });
    this.notices.deliver();
    return { id };
  }

  /** Anyone signed in who can read the proposal may report it or one of its comments, once. */
  async report(
    actor: Actor,
    slug: string,
    processId: string,
    proposalId: string,
    input: { reason: ModerationReason; details: string; commentId?: string },
  ) {
    if (!actor) throw unauthenticated();
    const context = await this.participation.read(actor, slug, processId);
    const proposal = await proposalRepo.find(this.db, context.clusterId, processId, proposalId);
    if (!proposal) throw notFound('participation.proposal_not_found');
    if (
      input.commentId !== undefined &&
      !(await commentRepo.find(this.db, context.clusterId, proposalId, input.commentId))
    ) {
      throw notFound('participation.comment_not_found');
    }
    const isNew = await reportRepo.insert(this.db, {
      cluster_id: context.clusterId,
      id: newId(),
      proposal_id: proposalId,
      comment_id: input.commentId ?? null,
      reporter_id: actor.personId,
      reason: input.reason,
      details: input.details.trim(),
      created_at: context.now,
    });
    if (!isNew) throw conflict('participation.already_reported');
    return { reported: true };
  }

  async reports(actor: Actor, slug: string, query: { limit: number; cursor?: string }) {
    const access = await this.participation.access.require(actor, slug, 'participation.manage');
    const after = readCursor(query.cursor, ['uuid']);
    const rows = await reportRepo.page(this.db, access.cluster.id, after?.[0] ?? null, query.limit);
    const page = toPage(rows, query.limit, (row) => [row.id]);
    return {
      nextCursor: page.nextCursor,
      items: page.items.map((row) => ({
        id: row.id,
        processId: row.process_id,
        proposalId: row.proposal_id,
        proposalTitle: row.proposal_title,
        commentId: row.comment_id,
        commentBody: row.comment_body,
        reason: row.reason,
        details: row.details,
        isHidden: row.is_hidden,
        reportedAt: row.created_at.toISOString(),
      })),
    };
  }

  async hideProposal(actor: Actor, slug: string, processId: string, proposalId: string, input: Moderation) {
    const context = await this.participation.manage(actor, slug, processId);
    await this.db.transaction().execute(async (tx) => {
      const proposal = await proposalRepo.findForUpdate(tx, context.clusterId, processId, proposalId);
      if (!proposal) throw notFound('participation.proposal_not_found');
      if (proposal.hidden_at !== null) throw conflict('participation.already_hidden');
      await proposalRepo.update(tx, context.clusterId, proposalId, {
        hidden_at: context.now,
        hidden_reason: input.reason,
        hidden_note: input.note.trim(),
      });
      await this.recordHiding(
        tx,
        context.clusterId,
        { processId, proposalId, commentId: null },
        input,
        context.actor.personId,
      );
    });
    return { hidden: true };
  }

  async hideComment(
    actor: Actor,
    slug: string,
    processId: string,
    proposalId: string,
    commentId: string,
    input: Moderation,
  ) {
    const context = await this.participation.manage(actor, slug, processId);
    await this.db.transaction().execute(async (tx) => {
      const proposal = await proposalRepo.find(tx, context.clusterId, processId, proposalId);
      const comment = proposal
        ? await commentRepo.find(tx, context.clusterId, proposalId, commentId)
        : undefined;
      if (!comment) throw notFound('participation.comment_not_found');
      const hidden = await commentRepo.hide(tx, context.clusterId, commentId, {
        at: context.now,
        reason: input.reason,
        note: input.note.trim(),
      });
      if (Number(hidden.numUpdatedRows) === 0) throw conflict('participation.already_hidden');
      await this.recordHiding(
        tx,
        context.clusterId,
        { processId, proposalId, commentId },
        input,
        context.actor.personId,
      );
    });
    return { hidden: true };
  }

  private async recordHiding(
    tx: Parameters<AuditLog['record']>[0],
    clusterId: string,
    target: { processId: string; proposalId: string; commentId: string | null },
    input: Moderation,
    by: string,
  ) {
    // The public learns that something was hidden and why (the reason's category); the note may
    // quote what was hidden (personal data, say), so it stays on the row for moderators.
    await this.audit.record(tx, clusterId, {
      action: 'participation.content_hidden',
      isPublic: true,
      payload: { ...target, reason: input.reason, by },
    });
  }
}
