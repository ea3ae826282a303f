/** HTTP for the public audit log of a cluster. */
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from '@sinclair/typebox';
import { MAX_PAGE_SIZE } from '../platform/http/pagination.ts';
import type { TransparencyService } from './service.ts';

const Slug = Type.String({ minLength: 1, maxLength: 48 });
const Limit = Type.Optional(Type.Integer({ minimum: 1, maximum: MAX_PAGE_SIZE * 10 }));

export const transparencyRoutes: FastifyPluginAsyncTypebox<{ transparency: TransparencyService }> = async (
  app,
  options,
) => {
  const { transparency } = options;
  const tags = ['transparency'];

  app.get(
    '/clusters/:slug/audit/chain',
    {
      config: { publicCache: true },
      schema: {
        tags,
        summary: 'The audit chain in order, for verification (private payloads withheld, digests shown)',
        params: Type.Object({ slug: Slug }),
        querystring: Type.Object({ afterSeq: Type.Optional(Type.Integer({ minimum: 0 })), limit: Limit }),
      },
    },
    async (request) =>
      transparency.chain(request.viewer, request.params.slug, {
        afterSeq: request.query.afterSeq,
        limit: request.query.limit ?? 500,
      }),
  );

  app.get(
    '/clusters/:slug/audit/events',
    {
      config: { publicCache: true },
      schema: {
        tags,
        summary: 'Public audit events, newest first',
        params: Type.Object({ slug: Slug }),
        querystring: Type.Object({
          beforeSeq: Type.Optional(Type.Integer({ minimum: 1 })),
          limit: Type.Optional(Type.Integer({ minimum: 1, maximum: MAX_PAGE_SIZE })),
        }),
      },
    },
    async (request) =>
      transparency.recent(request.viewer, request.params.slug, {
        beforeSeq: request.query.beforeSeq,
        limit: request.query.limit ?? 20,
      }),
  );

  app.get(
    '/clusters/:slug/audit/checkpoint',
    {
      config: { publicCache: true },
      schema: {
        tags,
        summary: 'The signed head of the cluster’s chain and the public key',
        params: Type.Object({ slug: Slug }),
      },
    },
    async (request) => transparency.checkpoint(request.viewer, request.params.slug),
  );
};
