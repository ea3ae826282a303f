/** HTTP for participatory processes and their phases. */
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from '@sinclair/typebox';
import { MAX_PHASES, PHASE_ACTIONS, PHASE_KINDS } from '../../domain/participation/phases.ts';
import { PARTICIPATION_LEVELS, WHO_MAY_TAKE_PART } from '../../domain/participation/take-part.ts';
import { PageQuery } from '../platform/http/pagination.ts';
import { rateLimit } from '../platform/http/rate-limits.ts';
import { literals } from '../platform/http/schemas.ts';
import type { ProcessService } from './process-service.ts';
import { IsoInstant, ProcessParams, SlugParams, Text } from './route-schemas.ts';

export interface ProcessRoutesOptions {
  readonly processes: ProcessService;
  readonly rateLimitScale: number;
}

const PhaseInput = Type.Object({
  kind: literals(PHASE_KINDS),
  startsAt: IsoInstant,
  endsAt: IsoInstant,
  allows: Type.Optional(
    Type.Partial(Type.Object(Object.fromEntries(PHASE_ACTIONS.map((action) => [action, Type.Boolean()])))),
  ),
});
const Phases = Type.Array(PhaseInput, { maxItems: MAX_PHASES });

const processFields = {
  title: Text(200),
  description: Type.String({ maxLength: 10000 }),
  easyReadSummary: Type.String({ maxLength: 2000 }),
  projectLink: Type.String({ maxLength: 500 }),
  participationLevel: literals(PARTICIPATION_LEVELS),
  whoMayTakePart: literals(WHO_MAY_TAKE_PART),
  supportsPerPerson: Type.Integer({ minimum: 1, maximum: 1000 }),
};

export const processRoutes: FastifyPluginAsyncTypebox<ProcessRoutesOptions> = async (app, options) => {
  const { processes } = options;
  const write = rateLimit('write', options.rateLimitScale);
  const tags = ['participation'];

  app.get(
    '/clusters/:slug/processes',
    {
      config: { publicCache: true },
      schema: {
        tags,
        summary: 'Participatory processes of the cluster, newest first, with their current phase',
        params: SlugParams,
        querystring: PageQuery,
      },
    },
    async (request) =>
      processes.list(request.viewer, request.params.slug, {
        ...request.query,
        limit: request.query.limit ?? 20,
      }),
  );

  app.post(
    '/clusters/:slug/processes',
    {
      config: write,
      schema: {
        tags,
        summary: 'Open a participatory process with its phases (coordinators)',
        params: SlugParams,
        body: Type.Object({
          title: processFields.title,
          description: Type.Optional(processFields.description),
          easyReadSummary: Type.Optional(processFields.easyReadSummary),
          projectLink: Type.Optional(processFields.projectLink),
          participationLevel: processFields.participationLevel,
          whoMayTakePart: Type.Optional(processFields.whoMayTakePart),
          supportsPerPerson: Type.Optional(processFields.supportsPerPerson),
          phases: Phases,
        }),
      },
    },
    async (request, reply) =>
      reply.status(201).send(
        await processes.open(request.viewer, request.params.slug, {
          description: '',
          easyReadSummary: '',
          projectLink: '',
          whoMayTakePart: 'signed_in',
          supportsPerPerson: 10,
          ...request.body,
        }),
      ),
  );

  app.get(
    '/clusters/:slug/processes/:processId',
    {
      config: { publicCache: true },
      schema: { tags, summary: 'A participatory process with its phases', params: ProcessParams },
    },
    async (request) => processes.get(request.viewer, request.params.slug, request.params.processId),
  );

  app.patch(
    '/clusters/:slug/processes/:processId',
    {
      config: write,
      schema: {
        tags,
        summary:
          'Edit a participatory process (coordinators); `phases`, when given, replaces the plan of phases in the same change',
        params: ProcessParams,
        body: Type.Partial(Type.Object({ ...processFields, phases: Phases }), { minProperties: 1 }),
      },
    },
    async (request) =>
      processes.edit(request.viewer, request.params.slug, request.params.processId, request.body),
  );

  app.put(
    '/clusters/:slug/processes/:processId/phases',
    {
      config: write,
      schema: {
        tags,
        summary: 'Replace the phases of a process (coordinators)',
        params: ProcessParams,
        body: Type.Object({ phases: Phases }),
      },
    },
    async (request) =>
      processes.setPhases(request.viewer, request.params.slug, request.params.processId, request.body.phases),
  );
};
