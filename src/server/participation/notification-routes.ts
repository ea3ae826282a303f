/** HTTP for a person's participation notifications in a cluster. */
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from '@sinclair/typebox';
import { PageQuery } from '../platform/http/pagination.ts';
import { rateLimit } from '../platform/http/rate-limits.ts';
import { Uuid } from '../platform/http/schemas.ts';
import type { NotificationService } from './notification-service.ts';
import { Slug, SlugParams } from './route-schemas.ts';

export interface NotificationRoutesOptions {
  readonly notifications: NotificationService;
  readonly rateLimitScale: number;
}

export const notificationRoutes: FastifyPluginAsyncTypebox<NotificationRoutesOptions> = async (
  app,
  options,
) => {
  const { notifications } = options;
  // Reading one's own notifications changes nothing anyone else sees.
  const write = { ...rateLimit('write', options.rateLimitScale), isPublicCacheNeutral: true };
  const tags = ['participation'];
  const base = '/clusters/:slug/participation/notifications';

  app.get(
    base,
    {
      schema: {
        tags,
        summary: 'My participation notifications in the cluster, newest first',
        params: SlugParams,
        querystring: Type.Composite([PageQuery, Type.Object({ unreadOnly: Type.Optional(Type.Boolean()) })]),
      },
    },
    async (request) =>
      notifications.list(request.viewer, request.params.slug, {
        ...request.query,
        limit: request.query.limit ?? 20,
      }),
  );

  app.post(
    `${base}/read`,
    { config: write, schema: { tags, summary: 'Mark all my notifications read', params: SlugParams } },
    async (request) => notifications.markRead(request.viewer, request.params.slug, null),
  );

  app.post(
    `${base}/:notificationId/read`,
    {
      config: write,
      schema: {
        tags,
        summary: 'Mark one notification read',
        params: Type.Object({ slug: Slug, notificationId: Uuid }),
      },
    },
    async (request) =>
      notifications.markRead(request.viewer, request.params.slug, request.params.notificationId),
  );
};
