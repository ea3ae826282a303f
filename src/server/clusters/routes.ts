/** HTTP for clusters, their people and roles, and invitations. */
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from '@sinclair/typebox';
import {
  CLUSTER_TYPES,
  COUNTRIES,
  LOCALES,
  SLUG_PATTERN,
  VISIBILITIES,
} from '../../domain/clusters/catalogue.ts';
import { CLUSTER_ROLES } from '../../domain/clusters/roles.ts';
import { PageQuery } from '../platform/http/pagination.ts';
import { rateLimit } from '../platform/http/rate-limits.ts';
import { Email, literals, Token, Uuid } from '../platform/http/schemas.ts';
import type { InvitationService } from './invitation-service.ts';
import type { PeopleService } from './people-service.ts';
import type { ClusterService } from './service.ts';

export interface ClusterRoutesOptions {
  readonly clusters: ClusterService;
  readonly people: PeopleService;
  readonly invitations: InvitationService;
  readonly rateLimitScale: number;
}

export const SlugParam = Type.Object({ slug: Type.String({ minLength: 1, maxLength: 48 }) });

const profileFields = {
  name: Type.String({ minLength: 1, maxLength: 120, pattern: '\\S' }),
  country: literals(COUNTRIES),
  region: Type.String({ maxLength: 120 }),
  languages: Type.Array(literals(LOCALES), { minItems: 1, maxItems: LOCALES.length }),
  defaultLocale: literals(LOCALES),
  clusterType: literals(CLUSTER_TYPES),
  description: Type.String({ maxLength: 5000 }),
  visibility: literals(VISIBILITIES),
};

const ClusterCreate = Type.Object({
  // The slug's rules are checked by the service, so the error can say them in words.
  slug: Type.String({ minLength: 1, maxLength: 48 }),
  ...profileFields,
});
const ClusterPatch = Type.Partial(
  Type.Object({ slug: Type.String({ minLength: 1, maxLength: 48 }), ...profileFields }),
  {
    minProperties: 1,
  },
);

const ClusterSummary = Type.Object({
  slug: Type.String({ pattern: SLUG_PATTERN }),
  name: Type.String(),
  country: Type.String(),
  region: Type.String(),
  languages: Type.Array(Type.String()),
  clusterType: Type.String(),
  visibility: Type.String(),
  description: Type.String(),
  memberCount: Type.Integer(),
  defaultLocale: Type.String(),
});

const ClusterProfile = Type.Object({
  id: Type.String(),
  slug: Type.String(),
  name: Type.String(),
  country: Type.String(),
  region: Type.String(),
  languages: Type.Array(Type.String()),
  defaultLocale: Type.String(),
  clusterType: Type.String(),
  description: Type.String(),
  visibility: Type.String(),
  createdAt: Type.String(),
  updatedAt: Type.String(),
  memberCount: Type.Integer(),
  applicantCount: Type.Union([Type.Integer(), Type.Null()]),
  viewer: Type.Object({
    roles: Type.Array(Type.String()),
    can: Type.Record(Type.String(), Type.Boolean()),
  }),
});

const Role = literals(CLUSTER_ROLES);

export const clusterRoutes: FastifyPluginAsyncTypebox<ClusterRoutesOptions> = async (app, options) => {
  const { clusters, people, invitations } = options;
  const write = rateLimit('write', options.rateLimitScale);
  const tags = ['clusters'];

  app.get(
    '/clusters',
    {
      config: { publicCache: true },
      schema: {
        tags,
        summary: 'Clusters one may see, by slug',
        querystring: PageQuery,
        response: {
          200: Type.Object({
            items: Type.Array(ClusterSummary),
            nextCursor: Type.Union([Type.String(), Type.Null()]),
          }),
        },
      },
    },
    async (request) =>
      clusters.list(request.viewer, { limit: request.query.limit ?? 20, cursor: request.query.cursor }),
  );

  app.post(
    '/clusters',
    {
      config: write,
      schema: {
        tags,
        summary: 'Create a cluster and become its coordinator',
        body: ClusterCreate,
        response: { 201: ClusterProfile },
      },
    },
    async (request, reply) => reply.status(201).send(await clusters.create(request.viewer, request.body)),
  );

  app.get(
    '/clusters/:slug',
    {
      config: { publicCache: true },
      schema: { tags, summary: 'A cluster’s profile', params: SlugParam, response: { 200: ClusterProfile } },
    },
    async (request) => clusters.get(request.viewer, request.params.slug),
  );

  app.patch(
    '/clusters/:slug',
    {
      config: write,
      schema: {
        tags,
        summary: 'Edit the cluster’s profile',
        params: SlugParam,
        body: ClusterPatch,
        response: { 200: ClusterProfile },
      },
    },
    async (request) => clusters.update(request.viewer, request.params.slug, request.body),
  );

  app.post(
    '/clusters/:slug/join',
    {
      config: write,
      schema: {
        tags,
        summary: 'Join a public cluster as a participant',
        params: SlugParam,
        response: { 200: ClusterProfile },
      },
    },
    async (request) => clusters.join(request.viewer, request.params.slug),
  );

  app.get(
    '/clusters/:slug/people',
    {
      schema: {
        tags: ['people'],
        summary: 'People of the cluster and their roles (members only), optionally searched by name',
        params: SlugParam,
        querystring: Type.Composite([
          PageQuery,
          Type.Object({ q: Type.Optional(Type.String({ maxLength: 100 })) }),
        ]),
      },
    },
    async (request) =>
      people.list(request.viewer, request.params.slug, {
        limit: request.query.limit ?? 20,
        cursor: request.query.cursor,
        q: request.query.q,
      }),
  );

  app.post(
    '/clusters/:slug/roles',
    {
      config: write,
      schema: {
        tags: ['people'],
        summary: 'Grant a role to a person of the cluster',
        params: SlugParam,
        body: Type.Object({ personId: Uuid, role: Role }),
      },
    },
    async (request, reply) => {
      await people.grant(request.viewer, request.params.slug, request.body.personId, request.body.role);
      return reply.status(204).send();
    },
  );

  app.delete(
    '/clusters/:slug/roles/:personId/:role',
    {
      config: write,
      schema: {
        tags: ['people'],
        summary: 'Revoke a role',
        params: Type.Object({ slug: SlugParam.properties.slug, personId: Uuid, role: Role }),
      },
    },
    async (request, reply) => {
      await people.revoke(request.viewer, request.params.slug, request.params.personId, request.params.role);
      return reply.status(204).send();
    },
  );

  app.post(
    '/clusters/:slug/invitations',
    {
      config: write,
      schema: {
        tags: ['people'],
        summary: 'Invite someone by e-mail to a role',
        params: SlugParam,
        body: Type.Object({ email: Email, role: Role }),
      },
    },
    async (request, reply) =>
      reply.status(201).send(await invitations.invite(request.viewer, request.params.slug, request.body)),
  );

  app.get(
    '/clusters/:slug/invitations',
    {
      schema: {
        tags: ['people'],
        summary: 'Invitations sent (coordinators)',
        params: SlugParam,
        querystring: PageQuery,
      },
    },
    async (request) =>
      invitations.list(request.viewer, request.params.slug, {
        limit: request.query.limit ?? 20,
        cursor: request.query.cursor,
      }),
  );

  app.delete(
    '/clusters/:slug/invitations/:invitationId',
    {
      config: write,
      schema: {
        tags: ['people'],
        summary: 'Withdraw an invitation not yet accepted',
        params: Type.Object({ slug: SlugParam.properties.slug, invitationId: Uuid }),
      },
    },
    async (request, reply) => {
      await invitations.cancel(request.viewer, request.params.slug, request.params.invitationId);
      return reply.status(204).send();
    },
  );

  app.get(
    '/invitations/:token',
    {
      schema: {
        tags: ['people'],
        summary: 'What an invitation link offers',
        params: Type.Object({ token: Token }),
      },
    },
    async (request) => invitations.preview(request.params.token),
  );

  app.post(
    '/invitations/:token/accept',
    {
      config: write,
      schema: { tags: ['people'], summary: 'Accept an invitation', params: Type.Object({ token: Token }) },
    },
    async (request) => invitations.accept(request.viewer, request.params.token),
  );
};
