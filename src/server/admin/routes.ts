/** HTTP for instance administration. */
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { PageQuery } from '../platform/http/pagination.ts';
import type { AdminService } from './service.ts';

export const adminRoutes: FastifyPluginAsyncTypebox<{ admin: AdminService }> = async (app, options) => {
  app.get(
    '/admin/outbox',
    {
      schema: {
        tags: ['admin'],
        summary: 'Mail in the dev outbox, newest first (platform administrators)',
        querystring: PageQuery,
      },
    },
    async (request) =>
      options.admin.outbox(request.viewer, {
        limit: request.query.limit ?? 20,
        cursor: request.query.cursor,
      }),
  );
};
