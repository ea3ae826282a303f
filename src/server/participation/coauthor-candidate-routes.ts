/** GET `…/proposals/:proposalId/coauthor-candidates`: the people an author may invite to co-author. */
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from '@sinclair/typebox';
import { rateLimitPerPerson } from '../platform/http/rate-limits.ts';
import { CANDIDATE_SEARCH_MAX_LENGTH, type CoauthorCandidateService } from './coauthor-candidate-service.ts';
import { ProposalParams } from './route-schemas.ts';

export interface CoauthorCandidateRoutesOptions {
  readonly coauthorCandidates: CoauthorCandidateService;
  readonly rateLimitScale: number;
}

const Candidate = Type.Object({ personId: Type.String(), displayName: Type.String() });

export const coauthorCandidateRoutes: FastifyPluginAsyncTypebox<CoauthorCandidateRoutesOptions> = async (
  app,
  options,
) => {
  app.get(
    '/clusters/:slug/processes/:processId/proposals/:proposalId/coauthor-candidates',
    {
      config: rateLimitPerPerson('personSearch', options.rateLimitScale),
      schema: {
        tags: ['participation'],
        summary:
          'People of the cluster to invite as co-authors, found by a part of their name (the proposal’s authors; at most 10)',
        params: ProposalParams,
        querystring: Type.Object({ q: Type.String({ maxLength: CANDIDATE_SEARCH_MAX_LENGTH }) }),
        response: { 200: Type.Object({ items: Type.Array(Candidate) }) },
      },
    },
    async (request) =>
      options.coauthorCandidates.search(
        request.viewer,
        request.params.slug,
        request.params.processId,
        request.params.proposalId,
        request.query.q,
      ),
  );
};
