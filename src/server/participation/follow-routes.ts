/** PUT and DELETE of `…/follow` under a proposal or a result. */
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from '@sinclair/typebox';
import { rateLimit } from '../platform/http/rate-limits.ts';
import { Uuid } from '../platform/http/schemas.ts';
import type { FollowService } from './follow-service.ts';
import { Slug } from './route-schemas.ts';

export interface FollowRoutesOptions {
  readonly follows: FollowService;
  readonly rateLimitScale: number;
}

const FOLLOWED = [
  { kind: 'proposal', segment: 'proposals', param: 'proposalId' },
  { kind: 'result', segment: 'results', param: 'resultId' },
] as const;

export const followRoutes: FastifyPluginAsyncTypebox<FollowRoutesOptions> = async (app, options) => {
  const write = rateLimit('write', options.rateLimitScale);
  for (const { kind, segment, param } of FOLLOWED) {
    for (const method of ['PUT', 'DELETE'] as const) {
      app.route({
        method,
        url: `/clusters/:slug/processes/:processId/${segment}/:${param}/follow`,
        config: write,
        schema: {
          tags: ['participation'],
          summary: method === 'PUT' ? `Follow a ${kind}` : `Stop following a ${kind}`,
          params: Type.Object({ slug: Slug, processId: Uuid, [param]: Uuid }),
        },
        handler: async (request) => {
          const params = request.params as { slug: string; processId: string } & Record<string, string>;
          return options.follows.set(
            request.viewer,
            params.slug,
            params.processId,
            { kind, id: params[param] as string },
            method === 'PUT',
          );
        },
      });
    }
  }
};
