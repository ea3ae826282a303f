/**
 * Proposals of a participatory process: residents propose (safe Markdown, category, place,
 * estimated cost), edit until others react, withdraw, invite co-authors, support within the
 * process's per-person limit, and follow; anyone who may read the cluster lists them (filtered,
 * sorted by support, newest or a seeded random order) and reads them. Similar proposals are shown
 * before publishing.
 */
import { renderSafeMarkdown } from '../../domain/participation/markdown.ts';
import {
  isEditable,
  isOpen,
  mayWithdraw,
  type ProposalState,
} from '../../domain/participation/proposal-state.ts';
import {
  mayTakePart as rolesMayTakePart,
  type WhoMayTakePart,
} from '../../domain/participation/take-part.ts';
import { roleRepo } from '../clusters/repo.ts';
import { Access } from '../platform/access.ts';
import type { Actor } from '../platform/auth/viewer.ts';
import type { Db, ProposalTable, Tx } from '../platform/database.ts';
import { AppError, badRequest, conflict, notFound } from '../platform/errors.ts';
import { toPage } from '../platform/http/pagination.ts';
import { newId } from '../platform/ids.ts';
import { readCursor } from './cursor.ts';
import { followerRepo } from './follower-repo.ts';
import type { ParticipationNotices } from './notices.ts';
import { type ParticipantContext, ParticipationAccess, type ProcessContext } from './participation-access.ts';
import {
  authorRepo,
  type ProposalOrder,
  type ProposalSort,
  proposalRepo,
  supportRepo,
} from './proposal-repo.ts';
import { resultRepo } from './result-repo.ts';
import { budgetProjectsOf } from './trail-service.ts';

export const MAX_COAUTHORS = 10;
const SIMILAR_SHOWN = 5;

export interface ProposalInput {
  title: string;
  body: string;
  category: string;
  locationText: string;
  latitude: number | null;
  longitude: number | null;
  estimatedCostCents: number | null;
}

export interface ProposalListQuery {
  limit: number;
  cursor?: string;
  sort: ProposalSort;
  seed?: number;
  category?: string;
  state?: ProposalState;
}

function checkCoordinates(input: Partial<ProposalInput>): void {
  if ((input.latitude === null) !== (input.longitude === null)) {
    throw badRequest(
      'participation.coordinates_incomplete',
      input.latitude === null ? 'latitude' : 'longitude',
    );
  }
}

function proposalFields(input: ProposalInput) {
  const body = input.body.trim();
  return {
    title: input.title.trim(),
    body_markdown: body,
    body_html: renderSafeMarkdown(body),
    category: input.category.trim(),
    location_text: input.locationText.trim(),
    latitude: input.latitude,
    longitude: input.longitude,
    estimated_cost_cents: input.estimatedCostCents,
  };
}

export const notOpen = (state: string) => conflict('participation.proposal_not_open', undefined, { state });

export class ProposalService {
  constructor(
    private readonly db: Db,
    private readonly participation: ParticipationAccess,
    private readonly notices: ParticipationNotices,
  ) {}

  async list(actor: Actor, slug: string, processId: string, query: ProposalListQuery) {
    const access = await this.participation.access.read(actor, slug);
    const order = this.order(query);
    const rows = await proposalRepo.list(
      this.db,
      access.cluster.id,
      processId,
      {
        category: query.category,
        state: query.state,
        includeHidden: Access.can(access, 'participation.manage'),
      },
      order,
      query.limit,
      access.actor?.personId ?? null,
    );
    if (rows.length === 0) await this.participation.requireProcess(access.cluster.id, processId);
    const page = toPage(rows, query.limit, (row) => {
      if (order.sort === 'support') return [row.support_count, row.id];
      if (order.sort === 'random') return [row.shuffle_position ?? 0, row.id];
      return [row.id];
    });
    return {
      nextCursor: page.nextCursor,
      items: page.items.map((row) => ({
        id: row.id,
        title: row.title,
        category: row.category,
        state: row.state,
        supportCount: row.support_count,
        commentCount: row.comment_count,
        estimatedCostCents: row.estimated_cost_cents,
        locationText: row.location_text,
        publishedAt: row.published_at.toISOString(),
        authorName: row.author_name,
        isHidden: row.hidden_at !== null,
        hasSupported: row.has_supported,
      })),
    };
  }

  async categories(actor: Actor, slug: string, processId: string) {
    const context = await this.participation.read(actor, slug, processId);
    return (await proposalRepo.categories(this.db, context.clusterId, processId)).map((row) => row.category);
  }

  async similar(actor: Actor, slug: string, processId: string, draft: { title: string }) {
    const context = await this.participation.read(actor, slug, processId);
    const title = draft.title.trim();
    if (title === '') return { items: [] };
    const rows = await proposalRepo.similar(this.db, context.clusterId, processId, title, SIMILAR_SHOWN);
    return {
      items: rows.map((row) => ({
        id: row.id,
        title: row.title,
        state: row.state,
        supportCount: row.support_count,
        similarity: Math.round(Number(row.score) * 100) / 100,
      })),
    };
  }

  async get(actor: Actor, slug: string, processId: string, proposalId: string) {
    const context = await this.participation.read(actor, slug, processId);
    const row = await proposalRepo.find(this.db, context.clusterId, processId, proposalId);
    if (!row) throw notFound('participation.proposal_not_found');
    return this.view(context, row);
  }

  async propose(actor: Actor, slug: string, processId: string, input: ProposalInput) {
    const context = await this.participation.takePart(actor, slug, processId, 'propose');
    checkCoordinates(input);
    const id = newId();
    await this.db.transaction().execute(async (tx) => {
      await proposalRepo.insert(tx, {
        cluster_id: context.clusterId,
        id,
        process_id: processId,
        ...proposalFields(input),
        state: 'published',
        author_id: context.actor.personId,
        support_count: 0,
        comment_count: 0,
        answer_reasoning: '',
        answer_input_effect: '',
        answered_at: null,
        answered_by: null,
        hidden_at: null,
        hidden_reason: null,
        hidden_note: '',
        published_at: context.now,
        updated_at: context.now,
        withdrawn_at: null,
      });
      // Authors follow their proposals, so they hear of comments and of the answer.
      await followerRepo.follow(
        tx,
        context.clusterId,
        { kind: 'proposal', id: id },
        context.actor.personId,
        context.now,
      );
    });
    return this.get(actor, slug, processId, id);
  }

  async edit(
    actor: Actor,
    slug: string,
    processId: string,
    proposalId: string,
    patch: Partial<ProposalInput>,
  ) {
    const context = await this.participation.takePart(actor, slug, processId, 'propose');
    await this.db.transaction().execute(async (tx) => {
      const row = await this.lockAsAuthor(tx, context, proposalId);
      const editable = isEditable({
        state: row.state as ProposalState,
        supportCount: row.support_count,
        commentCount: row.comment_count,
      });
      if (!editable) {
        if (row.state !== 'published') throw notOpen(row.state);
        throw conflict('participation.edit_window_closed');
      }
      const merged: ProposalInput = {
        title: patch.title ?? row.title,
        body: patch.body ?? row.body_markdown,
        category: patch.category ?? row.category,
        locationText: patch.locationText ?? row.location_text,
        latitude: patch.latitude !== undefined ? patch.latitude : row.latitude,
        longitude: patch.longitude !== undefined ? patch.longitude : row.longitude,
        estimatedCostCents:
          patch.estimatedCostCents !== undefined ? patch.estimatedCostCents : row.estimated_cost_cents,
      };
      checkCoordinates(merged);
      await proposalRepo.update(tx, context.clusterId, proposalId, {
        ...proposalFields(merged),
        updated_at: context.now,
      });
    });
    return this.get(actor, slug, processId, proposalId);
  }

  /** Authors withdraw a proposal that has no final answer; it stays readable, marked withdrawn. */
  async withdraw(actor: Actor, slug: string, processId: string, proposalId: string) {
    const context = await this.participation.takePart(actor, slug, processId);
    await this.db.transaction().execute(async (tx) => {
      const row = await this.lockAsAuthor(tx, context, proposalId);
      if (!mayWithdraw(row.state as ProposalState)) throw notOpen(row.state);
      await proposalRepo.update(tx, context.clusterId, proposalId, {
        state: 'withdrawn',
        withdrawn_at: context.now,
        updated_at: context.now,
      });
    });
    return this.get(actor, slug, processId, proposalId);
  }

  async inviteCoauthor(actor: Actor, slug: string, processId: string, proposalId: string, personId: string) {
    const context = await this.participation.takePart(actor, slug, processId);
    await this.db.transaction().execute(async (tx) => {
      const row = await this.lockAsAuthor(tx, context, proposalId);
      if (!isOpen(row.state as ProposalState)) throw notOpen(row.state);
      // Only someone who could accept: a person of the cluster who may take part in this process.
      const roles = await roleRepo.rolesOf(tx, context.clusterId, personId);
      const rule = context.process.who_may_take_part as WhoMayTakePart;
      if (roles.length === 0 || !rolesMayTakePart(rule, { roles, isPlatformAdmin: false })) {
        throw notFound('participation.coauthor_not_person');
      }
      if ((await authorRepo.count(tx, context.clusterId, proposalId)) >= MAX_COAUTHORS) {
        throw badRequest('validation.too_many', 'personId', { max: MAX_COAUTHORS });
      }
      const invited =
        personId !== row.author_id &&
        Number(
          (
            await authorRepo.invite(tx, {
              cluster_id: context.clusterId,
              proposal_id: proposalId,
              person_id: personId,
              invited_by: context.actor.personId,
              invited_at: context.now,
              accepted_at: null,
            })
          ).numInsertedOrUpdatedRows ?? 0,
        ) > 0;
      if (!invited) throw conflict('participation.already_coauthor', 'personId');
      await this.notices.tell(tx, [personId], {
        clusterId: context.clusterId,
        kind: 'coauthor_invited',
        processId,
        proposalId,
        subject: row.title,
        detail: context.actor.displayName,
        link: this.proposalLink(slug, processId, proposalId),
        mailParams: () => ({ title: row.title, author: context.actor.displayName }),
      });
    });
    this.notices.deliver();
    return this.get(actor, slug, processId, proposalId);
  }

  /** The invited person accepts and becomes a co-author (and follows the proposal). */
  async acceptCoauthorship(actor: Actor, slug: string, processId: string, proposalId: string) {
    const context = await this.participation.takePart(actor, slug, processId);
    await this.db.transaction().execute(async (tx) => {
      const row = await proposalRepo.findForUpdate(tx, context.clusterId, processId, proposalId);
      if (!row) throw notFound('participation.proposal_not_found');
      const accepted = await authorRepo.accept(
        tx,
        context.clusterId,
        proposalId,
        context.actor.personId,
        context.now,
      );
      if (Number(accepted.numUpdatedRows) === 0)
        throw notFound('participation.coauthor_invitation_not_found');
      await followerRepo.follow(
        tx,
        context.clusterId,
        { kind: 'proposal', id: proposalId },
        context.actor.personId,
        context.now,
      );
    });
    return this.get(actor, slug, processId, proposalId);
  }

  /** An invited person declines, or a co-author steps down. */
  async leaveCoauthorship(actor: Actor, slug: string, processId: string, proposalId: string) {
    const context = await this.participation.takePart(actor, slug, processId);
    const removed = await authorRepo.remove(this.db, context.clusterId, proposalId, context.actor.personId);
    if (Number(removed.numDeletedRows) === 0) throw notFound('participation.coauthor_invitation_not_found');
    return this.get(actor, slug, processId, proposalId);
  }

  async support(actor: Actor, slug: string, processId: string, proposalId: string) {
    const context = await this.participation.takePart(actor, slug, processId, 'support');
    const { clusterId } = context;
    const personId = context.actor.personId;
    const limit = context.process.supports_per_person;
    await this.db.transaction().execute(async (tx) => {
      const row = await proposalRepo.findForUpdate(tx, clusterId, processId, proposalId);
      if (!row) throw notFound('participation.proposal_not_found');
      if (row.hidden_at !== null || !isOpen(row.state as ProposalState)) {
        throw notOpen(row.hidden_at !== null ? 'hidden' : row.state);
      }
      const isNew = await supportRepo.add(tx, {
        cluster_id: clusterId,
        proposal_id: proposalId,
        person_id: personId,
        process_id: processId,
        created_at: context.now,
      });
      if (!isNew) return;
      const given = await supportRepo.countOneMore(tx, clusterId, processId, personId, limit);
      if (given === null) throw conflict('participation.support_limit_reached', undefined, { limit });
      await proposalRepo.addToCounts(tx, clusterId, proposalId, { supports: 1 });
    });
    return this.supportState(context, proposalId);
  }

  async unsupport(actor: Actor, slug: string, processId: string, proposalId: string) {
    const context = await this.participation.takePart(actor, slug, processId, 'support');
    const { clusterId } = context;
    await this.db.transaction().execute(async (tx) => {
      const row = await proposalRepo.findForUpdate(tx, clusterId, processId, proposalId);
      if (!row) throw notFound('participation.proposal_not_found');
      if (!(await supportRepo.remove(tx, clusterId, proposalId, context.actor.personId))) return;
      await supportRepo.countOneLess(tx, clusterId, processId, context.actor.personId);
      await proposalRepo.addToCounts(tx, clusterId, proposalId, { supports: -1 });
    });
    return this.supportState(context, proposalId);
  }

  proposalLink(slug: string, processId: string, proposalId: string): string {
    return this.notices.link(slug, `/processes/${processId}/proposals/${proposalId}`);
  }

  private async supportState(context: ParticipantContext, proposalId: string) {
    const row = await proposalRepo.find(this.db, context.clusterId, context.process.id, proposalId);
    const personId = context.actor.personId;
    const [supported, given] = await Promise.all([
      supportRepo.supportedAmong(this.db, context.clusterId, personId, [proposalId]),
      supportRepo.given(this.db, context.clusterId, context.process.id, personId),
    ]);
    return {
      hasSupported: supported.has(proposalId),
      supportCount: row?.support_count ?? 0,
      supportsLeft: Math.max(0, context.process.supports_per_person - given),
    };
  }

  /** Locks the proposal and checks that the actor is its proposer or an accepted co-author. */
  private async lockAsAuthor(tx: Tx, context: ParticipantContext, proposalId: string) {
    const row = await proposalRepo.findForUpdate(tx, context.clusterId, context.process.id, proposalId);
    if (!row) throw notFound('participation.proposal_not_found');
    const authors = await authorRepo.ofProposal(tx, context.clusterId, proposalId, row.author_id);
    const isAuthor = authors.some(
      (a) => a.id === context.actor.personId && (a.id === row.author_id || a.accepted_at !== null),
    );
    if (!isAuthor) throw new AppError('participation.not_author', 403);
    return row;
  }

  private order(query: ProposalListQuery): ProposalOrder {
    if (query.sort === 'support')
      return { sort: 'support', after: readCursor(query.cursor, ['int', 'uuid']) };
    if (query.sort === 'random') {
      return { sort: 'random', seed: query.seed ?? 0, after: readCursor(query.cursor, ['int', 'uuid']) };
    }
    return { sort: 'newest', after: readCursor(query.cursor, ['uuid']) };
  }

  private async view(context: ProcessContext, row: ProposalTable) {
    const viewer = context.access.actor;
    const mayModerate = Access.can(context.access, 'participation.manage');
    const authors = await authorRepo.ofProposal(this.db, context.clusterId, row.id, row.author_id);
    const accepted = authors.filter((a) => a.id === row.author_id || a.accepted_at !== null);
    const isAuthor = viewer !== null && accepted.some((a) => a.id === viewer.personId);
    const isInvited =
      viewer !== null &&
      authors.some((a) => a.id === viewer.personId && a.accepted_at === null && a.id !== row.author_id);
    const [supported, isFollowing, given, result, budgetProjects] = await Promise.all([
      viewer
        ? supportRepo.supportedAmong(this.db, context.clusterId, viewer.personId, [row.id])
        : new Set<string>(),
      viewer
        ? followerRepo.isFollowing(
            this.db,
            context.clusterId,
            { kind: 'proposal', id: row.id },
            viewer.personId,
          )
        : false,
      viewer ? supportRepo.given(this.db, context.clusterId, row.process_id, viewer.personId) : 0,
      resultRepo.findBySource(this.db, context.clusterId, 'proposal', row.id),
      budgetProjectsOf(this.db, context.access, [row.id]),
    ]);
    const state = row.state as ProposalState;
    const isHidden = row.hidden_at !== null;
    const showContent = !isHidden || mayModerate;
    const mayTakePart = ParticipationAccess.mayTakePart(context);
    const opens = (action: 'propose' | 'support' | 'comment') =>
      mayTakePart && ParticipationAccess.isOpen(context, action) && isOpen(state) && !isHidden;
    return {
      id: row.id,
      processId: row.process_id,
      title: showContent ? row.title : '',
      body: showContent ? row.body_markdown : '',
      bodyHtml: showContent ? row.body_html : '',
      category: row.category,
      locationText: showContent ? row.location_text : '',
      latitude: showContent ? row.latitude : null,
      longitude: showContent ? row.longitude : null,
      estimatedCostCents: row.estimated_cost_cents,
      state,
      supportCount: row.support_count,
      commentCount: row.comment_count,
      publishedAt: row.published_at.toISOString(),
      updatedAt: row.updated_at.toISOString(),
      withdrawnAt: row.withdrawn_at?.toISOString() ?? null,
      authors: accepted.map((a) => ({ id: a.id, displayName: a.display_name })),
      invitedCoauthors: isAuthor
        ? authors
            .filter((a) => a.id !== row.author_id && a.accepted_at === null)
            .map((a) => ({ id: a.id, displayName: a.display_name }))
        : [],
      answer:
        row.answered_at === null
          ? null
          : {
              state,
              reasoning: row.answer_reasoning,
              inputEffect: row.answer_input_effect,
              answeredAt: row.answered_at.toISOString(),
            },
      hidden: isHidden
        ? {
            reason: row.hidden_reason,
            hiddenAt: row.hidden_at?.toISOString() ?? null,
            note: mayModerate ? row.hidden_note : null,
          }
        : null,
      resultId: result?.id ?? null,
      budgetProjects: budgetProjects.get(row.id) ?? [],
      viewer: {
        isAuthor,
        isInvitedCoauthor: isInvited,
        hasSupported: supported.has(row.id),
        isFollowing,
        supportsLeft: viewer ? Math.max(0, context.process.supports_per_person - given) : null,
      },
      can: {
        edit:
          isAuthor &&
          ParticipationAccess.isOpen(context, 'propose') &&
          isEditable({ state, supportCount: row.support_count, commentCount: row.comment_count }),
        withdraw: isAuthor && mayWithdraw(state),
        inviteCoauthor: isAuthor && isOpen(state),
        support: opens('support'),
        comment: opens('comment'),
        answer: mayModerate && isOpen(state),
        moderate: mayModerate,
      },
    };
  }
}
