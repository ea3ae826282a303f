/** HTTP for participation: processes, proposals and deliberation, meetings, surveys, results, notifications. */
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { ParticipationServices } from './assemble.ts';
import { coauthorCandidateRoutes } from './coauthor-candidate-routes.ts';
import { followRoutes } from './follow-routes.ts';
import { meetingRoutes } from './meeting-routes.ts';
import { notificationRoutes } from './notification-routes.ts';
import { processRoutes } from './process-routes.ts';
import { proposalRoutes } from './proposal-routes.ts';
import { resultRoutes } from './result-routes.ts';
import { surveyRoutes } from './survey-routes.ts';

export type ParticipationRoutesOptions = ParticipationServices & { readonly rateLimitScale: number };

export const participationRoutes: FastifyPluginAsyncTypebox<ParticipationRoutesOptions> = async (
  app,
  options,
) => {
  const { rateLimitScale } = options;
  await app.register(processRoutes, { processes: options.processes, rateLimitScale });
  await app.register(proposalRoutes, { ...options, rateLimitScale });
  await app.register(coauthorCandidateRoutes, {
    coauthorCandidates: options.coauthorCandidates,
    rateLimitScale,
  });
  await app.register(resultRoutes, { results: options.results, trail: options.trail, rateLimitScale });
  await app.register(meetingRoutes, { meetings: options.meetings, rateLimitScale });
  await app.register(surveyRoutes, { surveys: options.surveys, rateLimitScale });
  await app.register(followRoutes, { follows: options.follows, rateLimitScale });
  await app.register(notificationRoutes, {
    notifications: options.participationNotifications,
    rateLimitScale,
  });
};
