/** Health and the vocabularies the web app needs to build its forms. */
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from '@sinclair/typebox';
import { sql } from 'kysely';
import {
  CLUSTER_TYPES,
  COUNTRIES,
  LEGAL_FORMS,
  LOCALES,
  SECTORS,
  VISIBILITIES,
} from '../../../domain/clusters/catalogue.ts';
import {
  allowedTransitions,
  MEMBERSHIP_STATUSES,
  requiresReason,
} from '../../../domain/clusters/membership.ts';
import { CLUSTER_ROLES } from '../../../domain/clusters/roles.ts';
import type { Db } from '../database.ts';

export const systemRoutes: FastifyPluginAsyncTypebox<{ db: Db }> = async (app, options) => {
  app.get(
    '/health',
    {
      schema: {
        tags: ['system'],
        summary: 'Liveness and database reachability',
        response: {
          200: Type.Object({ status: Type.Literal('ok'), database: Type.Literal('ok') }),
          503: Type.Object({ status: Type.Literal('degraded'), database: Type.Literal('unreachable') }),
        },
      },
    },
    async (_request, reply) => {
      try {
        await sql`select 1`.execute(options.db);
        return { status: 'ok' as const, database: 'ok' as const };
      } catch {
        return reply.status(503).send({ status: 'degraded' as const, database: 'unreachable' as const });
      }
    },
  );

  app.get(
    '/catalogue',
    { schema: { tags: ['system'], summary: 'Codes for legal forms, sectors, roles, statuses, countries' } },
    async (_request, reply) => {
      reply.header('cache-control', 'public, max-age=3600');
      return {
        legalForms: LEGAL_FORMS,
        sectors: SECTORS,
        clusterTypes: CLUSTER_TYPES,
        visibilities: VISIBILITIES,
        locales: LOCALES,
        countries: COUNTRIES,
        roles: CLUSTER_ROLES,
        membershipStatuses: MEMBERSHIP_STATUSES,
        membershipTransitions: Object.fromEntries(MEMBERSHIP_STATUSES.map((s) => [s, allowedTransitions(s)])),
        membershipStatusesNeedingReason: MEMBERSHIP_STATUSES.filter(requiresReason),
      };
    },
  );
};
