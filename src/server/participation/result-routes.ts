/** HTTP for accountability results and their timelines. */
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from '@sinclair/typebox';
import { PageQuery } from '../platform/http/pagination.ts';
import { rateLimit } from '../platform/http/rate-limits.ts';
import { IsoDate, literals, Uuid } from '../platform/http/schemas.ts';
import { RESULT_STATUSES, type ResultService } from './result-service.ts';
import { ProcessParams, Slug, Text, WebUrl } from './route-schemas.ts';
import type { TrailService } from './trail-service.ts';

export interface ResultRoutesOptions {
  readonly results: ResultService;
  readonly trail: TrailService;
  readonly rateLimitScale: number;
}

const ResultParams = Type.Object({ slug: Slug, processId: Uuid, resultId: Uuid });

export const resultRoutes: FastifyPluginAsyncTypebox<ResultRoutesOptions> = async (app, options) => {
  const { results, trail } = options;
  const write = rateLimit('write', options.rateLimitScale);
  const tags = ['participation'];
  const base = '/clusters/:slug/processes/:processId/results';
  const one = `${base}/:resultId`;

  app.get(
    base,
    {
      config: { publicCache: true },
      schema: {
        tags,
        summary: 'What came of the process’s ideas: its results with status and progress',
        params: ProcessParams,
        querystring: PageQuery,
      },
    },
    async (request) =>
      results.list(request.viewer, request.params.slug, request.params.processId, {
        ...request.query,
        limit: request.query.limit ?? 20,
      }),
  );

  app.get(
    '/clusters/:slug/processes/:processId/trail',
    {
      config: { publicCache: true },
      schema: {
        tags,
        summary:
          'What came of every idea: the answered proposals, newest answer first, each with its answer, the budget projects it became (funded or not) and its result’s status and progress',
        params: ProcessParams,
        querystring: PageQuery,
      },
    },
    async (request) =>
      trail.list(request.viewer, request.params.slug, request.params.processId, {
        ...request.query,
        limit: request.query.limit ?? 20,
      }),
  );

  app.get(
    one,
    {
      config: { publicCache: true },
      schema: { tags, summary: 'A result with its public timeline', params: ResultParams },
    },
    async (request) =>
      results.get(request.viewer, request.params.slug, request.params.processId, request.params.resultId),
  );

  app.patch(
    one,
    {
      config: write,
      schema: {
        tags,
        summary: 'Edit a result’s title and descriptions (coordinators)',
        params: ResultParams,
        body: Type.Partial(
          Type.Object({
            title: Text(200),
            description: Type.String({ maxLength: 10000 }),
            easyReadSummary: Type.String({ maxLength: 2000 }),
          }),
          { minProperties: 1 },
        ),
      },
    },
    async (request) =>
      results.edit(
        request.viewer,
        request.params.slug,
        request.params.processId,
        request.params.resultId,
        request.body,
      ),
  );

  app.post(
    `${one}/milestones`,
    {
      config: write,
      schema: {
        tags,
        summary: 'Record a milestone with its evidence; it may move the status and progress (coordinators)',
        params: ResultParams,
        body: Type.Object({
          title: Text(200),
          description: Type.Optional(Type.String({ maxLength: 5000 })),
          happenedOn: IsoDate,
          evidenceText: Type.Optional(Type.String({ maxLength: 2000 })),
          evidenceUrl: Type.Optional(WebUrl),
          status: Type.Optional(literals(RESULT_STATUSES)),
          progressPercent: Type.Optional(Type.Integer({ minimum: 0, maximum: 100 })),
        }),
      },
    },
    async (request, reply) =>
      reply
        .status(201)
        .send(
          await results.addMilestone(
            request.viewer,
            request.params.slug,
            request.params.processId,
            request.params.resultId,
            { description: '', evidenceText: '', evidenceUrl: '', ...request.body },
          ),
        ),
  );
};
