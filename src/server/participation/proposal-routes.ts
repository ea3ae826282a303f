/** HTTP for proposals: listing, proposing, editing, co-authors, supports, answers, comments, moderation. */
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from '@sinclair/typebox';
import { COMMENT_ALIGNMENTS } from '../../domain/participation/comment-thread.ts';
import { ANSWERS, MODERATION_REASONS, PROPOSAL_STATES } from '../../domain/participation/proposal-state.ts';
import { PageQuery, pageOf } from '../platform/http/pagination.ts';
import { rateLimit } from '../platform/http/rate-limits.ts';
import { literals, Uuid } from '../platform/http/schemas.ts';
import type { AnswerService } from './answer-service.ts';
import type { CommentService } from './comment-service.ts';
import { PROPOSAL_SORTS } from './proposal-repo.ts';
import type { ProposalService } from './proposal-service.ts';
import { ProcessParams, ProposalParams, Slug, SlugParams, Text } from './route-schemas.ts';

export interface ProposalRoutesOptions {
  readonly proposals: ProposalService;
  readonly comments: CommentService;
  readonly answers: AnswerService;
  readonly rateLimitScale: number;
}

const Nullable = <T extends ReturnType<typeof Type.Number>>(schema: T) => Type.Union([schema, Type.Null()]);

const proposalFields = {
  title: Text(150),
  body: Type.String({ maxLength: 10000 }),
  category: Type.String({ maxLength: 60 }),
  locationText: Type.String({ maxLength: 200 }),
  latitude: Nullable(Type.Number({ minimum: -90, maximum: 90 })),
  longitude: Nullable(Type.Number({ minimum: -180, maximum: 180 })),
  estimatedCostCents: Type.Union([Type.Integer({ minimum: 0, maximum: 100_000_000_000_000 }), Type.Null()]),
};

const ProposalSummary = Type.Object({
  id: Type.String(),
  title: Type.String(),
  category: Type.String(),
  state: Type.String(),
  supportCount: Type.Integer(),
  commentCount: Type.Integer(),
  estimatedCostCents: Type.Union([Type.Integer(), Type.Null()]),
  locationText: Type.String(),
  publishedAt: Type.String(),
  authorName: Type.String(),
  isHidden: Type.Boolean(),
  hasSupported: Type.Boolean(),
});

const Moderation = Type.Object({
  reason: literals(MODERATION_REASONS),
  note: Type.Optional(Type.String({ maxLength: 1000 })),
});

export const proposalRoutes: FastifyPluginAsyncTypebox<ProposalRoutesOptions> = async (app, options) => {
  const { proposals, comments, answers } = options;
  const write = rateLimit('write', options.rateLimitScale);
  const tags = ['participation'];
  const base = '/clusters/:slug/processes/:processId/proposals';
  const one = `${base}/:proposalId`;

  app.get(
    base,
    {
      config: { publicCache: true },
      schema: {
        tags,
        summary:
          'Proposals of a process: filtered by category and state, sorted by support, newest or a seeded random order',
        params: ProcessParams,
        querystring: Type.Composite([
          PageQuery,
          Type.Object({
            sort: Type.Optional(literals(PROPOSAL_SORTS)),
            seed: Type.Optional(Type.Integer({ minimum: 0, maximum: 2_147_483_647 })),
            category: Type.Optional(Type.String({ maxLength: 60 })),
            state: Type.Optional(literals(PROPOSAL_STATES)),
          }),
        ]),
        response: { 200: pageOf(ProposalSummary) },
      },
    },
    async (request) =>
      proposals.list(request.viewer, request.params.slug, request.params.processId, {
        ...request.query,
        sort: request.query.sort ?? 'newest',
        limit: request.query.limit ?? 20,
      }),
  );

  app.get(
    `${base}/categories`,
    {
      config: { publicCache: true },
      schema: { tags, summary: 'The categories proposals of a process use', params: ProcessParams },
    },
    async (request) => ({
      items: await proposals.categories(request.viewer, request.params.slug, request.params.processId),
    }),
  );

  app.get(
    `${base}/similar`,
    {
      schema: {
        tags,
        summary: 'Proposals similar to a draft’s title, to show before publishing',
        params: ProcessParams,
        querystring: Type.Object({ title: Type.String({ maxLength: 150 }) }),
      },
    },
    async (request) =>
      proposals.similar(request.viewer, request.params.slug, request.params.processId, request.query),
  );

  app.post(
    base,
    {
      config: write,
      schema: {
        tags,
        summary: 'Propose (in a phase that allows proposing)',
        params: ProcessParams,
        body: Type.Object({
          title: proposalFields.title,
          body: proposalFields.body,
          category: Type.Optional(proposalFields.category),
          locationText: Type.Optional(proposalFields.locationText),
          latitude: Type.Optional(proposalFields.latitude),
          longitude: Type.Optional(proposalFields.longitude),
          estimatedCostCents: Type.Optional(proposalFields.estimatedCostCents),
        }),
      },
    },
    async (request, reply) =>
      reply.status(201).send(
        await proposals.propose(request.viewer, request.params.slug, request.params.processId, {
          category: '',
          locationText: '',
          latitude: null,
          longitude: null,
          estimatedCostCents: null,
          ...request.body,
        }),
      ),
  );

  app.get(
    one,
    {
      config: { publicCache: true },
      schema: { tags, summary: 'A proposal with its answer', params: ProposalParams },
    },
    async (request) =>
      proposals.get(request.viewer, request.params.slug, request.params.processId, request.params.proposalId),
  );

  app.patch(
    one,
    {
      config: write,
      schema: {
        tags,
        summary: 'Edit a proposal (its authors, until the first support or comment)',
        params: ProposalParams,
        body: Type.Partial(Type.Object(proposalFields), { minProperties: 1 }),
      },
    },
    async (request) =>
      proposals.edit(
        request.viewer,
        request.params.slug,
        request.params.processId,
        request.params.proposalId,
        request.body,
      ),
  );

  app.post(
    `${one}/withdraw`,
    { config: write, schema: { tags, summary: 'Withdraw a proposal (its authors)', params: ProposalParams } },
    async (request) =>
      proposals.withdraw(
        request.viewer,
        request.params.slug,
        request.params.processId,
        request.params.proposalId,
      ),
  );

  app.post(
    `${one}/coauthors`,
    {
      config: write,
      schema: {
        tags,
        summary: 'Invite a person of the cluster to co-author the proposal (its authors)',
        params: ProposalParams,
        body: Type.Object({ personId: Uuid }),
      },
    },
    async (request) =>
      proposals.inviteCoauthor(
        request.viewer,
        request.params.slug,
        request.params.processId,
        request.params.proposalId,
        request.body.personId,
      ),
  );

  app.post(
    `${one}/coauthors/me`,
    { config: write, schema: { tags, summary: 'Accept an invitation to co-author', params: ProposalParams } },
    async (request) =>
      proposals.acceptCoauthorship(
        request.viewer,
        request.params.slug,
        request.params.processId,
        request.params.proposalId,
      ),
  );

  app.delete(
    `${one}/coauthors/me`,
    {
      config: write,
      schema: {
        tags,
        summary: 'Decline an invitation to co-author, or stop co-authoring',
        params: ProposalParams,
      },
    },
    async (request) =>
      proposals.leaveCoauthorship(
        request.viewer,
        request.params.slug,
        request.params.processId,
        request.params.proposalId,
      ),
  );

  for (const method of ['PUT', 'DELETE'] as const) {
    app.route({
      method,
      url: `${one}/support`,
      config: write,
      schema: {
        tags,
        summary: method === 'PUT' ? 'Support a proposal (within the process’s limit)' : 'Take a support back',
        params: ProposalParams,
      },
      handler: async (request) => {
        const { slug, processId, proposalId } = request.params;
        return method === 'PUT'
          ? proposals.support(request.viewer, slug, processId, proposalId)
          : proposals.unsupport(request.viewer, slug, processId, proposalId);
      },
    });
  }

  app.post(
    `${one}/answer`,
    {
      config: write,
      schema: {
        tags,
        summary: 'Answer a proposal (coordinators): under evaluation, accepted or rejected',
        params: ProposalParams,
        body: Type.Object({
          answer: literals(ANSWERS),
          reasoning: Type.String({ maxLength: 5000 }),
          inputEffect: Type.Optional(Type.String({ maxLength: 5000 })),
        }),
      },
    },
    async (request) =>
      answers.answer(
        request.viewer,
        request.params.slug,
        request.params.processId,
        request.params.proposalId,
        {
          inputEffect: '',
          ...request.body,
        },
      ),
  );

  app.post(
    `${one}/hide`,
    {
      config: write,
      schema: {
        tags,
        summary: 'Hide a proposal, with a reason (coordinators)',
        params: ProposalParams,
        body: Moderation,
      },
    },
    async (request) =>
      comments.hideProposal(
        request.viewer,
        request.params.slug,
        request.params.processId,
        request.params.proposalId,
        {
          note: '',
          ...request.body,
        },
      ),
  );

  app.post(
    `${one}/reports`,
    {
      config: write,
      schema: {
        tags,
        summary: 'Report a proposal or one of its comments as abusive',
        params: ProposalParams,
        body: Type.Object({
          reason: literals(MODERATION_REASONS),
          details: Type.Optional(Type.String({ maxLength: 1000 })),
          commentId: Type.Optional(Uuid),
        }),
      },
    },
    async (request, reply) =>
      reply.status(201).send(
        await comments.report(
          request.viewer,
          request.params.slug,
          request.params.processId,
          request.params.proposalId,
          {
            details: '',
            ...request.body,
          },
        ),
      ),
  );

  app.get(
    `${one}/comments`,
    {
      config: { publicCache: true },
      schema: {
        tags,
        summary: 'Comments on a proposal, threads in reading order, paged',
        params: ProposalParams,
        querystring: PageQuery,
      },
    },
    async (request) =>
      comments.list(
        request.viewer,
        request.params.slug,
        request.params.processId,
        request.params.proposalId,
        {
          ...request.query,
          limit: request.query.limit ?? 50,
        },
      ),
  );

  app.post(
    `${one}/comments`,
    {
      config: write,
      schema: {
        tags,
        summary: 'Comment on a proposal, or reply to a comment (in a phase that allows comments)',
        params: ProposalParams,
        body: Type.Object({
          body: Text(4000),
          alignment: Type.Optional(literals(COMMENT_ALIGNMENTS)),
          parentId: Type.Optional(Uuid),
        }),
      },
    },
    async (request, reply) =>
      reply.status(201).send(
        await comments.post(
          request.viewer,
          request.params.slug,
          request.params.processId,
          request.params.proposalId,
          {
            alignment: 'neutral',
            ...request.body,
          },
        ),
      ),
  );

  app.post(
    `${one}/comments/:commentId/hide`,
    {
      config: write,
      schema: {
        tags,
        summary: 'Hide a comment, with a reason (coordinators)',
        params: Type.Object({ slug: Slug, processId: Uuid, proposalId: Uuid, commentId: Uuid }),
        body: Moderation,
      },
    },
    async (request) =>
      comments.hideComment(
        request.viewer,
        request.params.slug,
        request.params.processId,
        request.params.proposalId,
        request.params.commentId,
        { note: '', ...request.body },
      ),
  );

  app.get(
    '/clusters/:slug/participation/reports',
    {
      schema: {
        tags,
        summary: 'Reports of abuse, newest first (coordinators)',
        params: SlugParams,
        querystring: PageQuery,
      },
    },
    async (request) =>
      comments.reports(request.viewer, request.params.slug, {
        ...request.query,
        limit: request.query.limit ?? 20,
      }),
  );
};
