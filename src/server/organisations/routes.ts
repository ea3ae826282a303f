/** HTTP for a cluster's organisations, membership and representatives. */
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from '@sinclair/typebox';
import { COUNTRIES, SECTORS } from '../../domain/clusters/catalogue.ts';
import { MEMBERSHIP_STATUSES } from '../../domain/clusters/membership.ts';
import { PageQuery, pageOf } from '../platform/http/pagination.ts';
import { rateLimit } from '../platform/http/rate-limits.ts';
import { IsoDate, literals, Uuid } from '../platform/http/schemas.ts';
import type { OrganisationService } from './service.ts';

export interface OrganisationRoutesOptions {
  readonly organisations: OrganisationService;
  readonly rateLimitScale: number;
}

const Slug = Type.String({ minLength: 1, maxLength: 48 });
const OrgParams = Type.Object({ slug: Slug, organisationId: Uuid });

const organisationFields = {
  name: Type.String({ minLength: 1, maxLength: 160, pattern: '\\S' }),
  // Checked against the catalogue by the service, to answer with organisation.legal_form_unknown.
  legalForm: Type.String({ minLength: 1, maxLength: 60 }),
  sector: literals(SECTORS),
  country: literals(COUNTRIES),
  website: Type.String({ maxLength: 300, pattern: '^(https?://\\S+)?$' }),
  description: Type.String({ maxLength: 5000 }),
  voteWeight: Type.Integer({ minimum: 0, maximum: 1000 }),
};

const DirectoryEntry = Type.Object({
  id: Type.String(),
  name: Type.String(),
  legalForm: Type.String(),
  sector: Type.String(),
  country: Type.String(),
  membershipStatus: Type.String(),
  memberSince: Type.Union([Type.String(), Type.Null()]),
  voteWeight: Type.Integer(),
});

const OrganisationPage = Type.Object({
  id: Type.String(),
  name: Type.String(),
  legalForm: Type.String(),
  sector: Type.String(),
  country: Type.String(),
  website: Type.String(),
  description: Type.String(),
  voteWeight: Type.Integer(),
  membershipStatus: Type.String(),
  memberSince: Type.Union([Type.String(), Type.Null()]),
  createdAt: Type.String(),
  membershipHistory: Type.Array(
    Type.Object({
      id: Type.String(),
      fromStatus: Type.Union([Type.String(), Type.Null()]),
      toStatus: Type.String(),
      effectiveOn: Type.String(),
      reason: Type.Union([Type.String(), Type.Null()], {
        description: 'Only for those who may read private details',
      }),
      recordedAt: Type.String(),
    }),
  ),
  representatives: Type.Array(
    Type.Object({
      id: Type.String(),
      personId: Type.String(),
      displayName: Type.String(),
      mandate: Type.String(),
      startsOn: Type.String(),
      endsOn: Type.Union([Type.String(), Type.Null()]),
      isActive: Type.Boolean(),
    }),
    { description: 'Only for members of the cluster' },
  ),
  can: Type.Object({ edit: Type.Boolean(), transition: Type.Boolean(), linkRepresentative: Type.Boolean() }),
});

const OrganisationCreate = Type.Object({
  name: organisationFields.name,
  legalForm: organisationFields.legalForm,
  sector: organisationFields.sector,
  country: organisationFields.country,
  website: Type.Optional(organisationFields.website),
  description: Type.Optional(organisationFields.description),
  voteWeight: Type.Optional(organisationFields.voteWeight),
  appliedOn: Type.Optional(IsoDate),
});

export const organisationRoutes: FastifyPluginAsyncTypebox<OrganisationRoutesOptions> = async (
  app,
  options,
) => {
  const { organisations } = options;
  const write = rateLimit('write', options.rateLimitScale);
  const tags = ['organisations'];

  app.get(
    '/clusters/:slug/organisations',
    {
      config: { publicCache: true },
      schema: {
        tags,
        summary: 'The member directory (the public sees active members; coordinators see every status)',
        params: Type.Object({ slug: Slug }),
        querystring: Type.Composite([
          PageQuery,
          Type.Object({
            status: Type.Optional(literals(MEMBERSHIP_STATUSES)),
            sector: Type.Optional(literals(SECTORS)),
            q: Type.Optional(Type.String({ maxLength: 100 })),
          }),
        ]),
        response: { 200: pageOf(DirectoryEntry) },
      },
    },
    async (request) =>
      organisations.directory(request.viewer, request.params.slug, {
        ...request.query,
        limit: request.query.limit ?? 20,
      }),
  );

  app.post(
    '/clusters/:slug/organisations',
    {
      config: write,
      schema: {
        tags,
        summary: 'Register an organisation (as an applicant)',
        params: Type.Object({ slug: Slug }),
        body: OrganisationCreate,
        response: { 201: OrganisationPage },
      },
    },
    async (request, reply) =>
      reply.status(201).send(
        await organisations.register(request.viewer, request.params.slug, {
          website: '',
          description: '',
          voteWeight: 1,
          ...request.body,
        }),
      ),
  );

  app.get(
    '/clusters/:slug/organisations/:organisationId',
    {
      config: { publicCache: true },
      schema: {
        tags,
        summary: 'An organisation’s page',
        params: OrgParams,
        response: { 200: OrganisationPage },
      },
    },
    async (request) => organisations.get(request.viewer, request.params.slug, request.params.organisationId),
  );

  app.patch(
    '/clusters/:slug/organisations/:organisationId',
    {
      config: write,
      schema: {
        tags,
        summary: 'Edit an organisation',
        params: OrgParams,
        body: Type.Partial(Type.Object(organisationFields), { minProperties: 1 }),
      },
    },
    async (request) =>
      organisations.update(request.viewer, request.params.slug, request.params.organisationId, request.body),
  );

  app.post(
    '/clusters/:slug/organisations/:organisationId/membership',
    {
      config: write,
      schema: {
        tags,
        summary: 'Move a membership to another status (admit, suspend, reinstate, end)',
        params: OrgParams,
        body: Type.Object({
          toStatus: literals(MEMBERSHIP_STATUSES),
          effectiveOn: Type.Optional(IsoDate),
          reason: Type.Optional(Type.String({ maxLength: 1000 })),
        }),
      },
    },
    async (request) =>
      organisations.transition(
        request.viewer,
        request.params.slug,
        request.params.organisationId,
        request.body,
      ),
  );

  app.post(
    '/clusters/:slug/organisations/:organisationId/representatives',
    {
      config: write,
      schema: {
        tags,
        summary: 'Link a person as the organisation’s representative under a mandate',
        params: OrgParams,
        body: Type.Object({
          personId: Uuid,
          mandate: Type.String({ minLength: 1, maxLength: 1000, pattern: '\\S' }),
          startsOn: IsoDate,
          endsOn: Type.Optional(IsoDate),
        }),
      },
    },
    async (request, reply) =>
      reply
        .status(201)
        .send(
          await organisations.linkRepresentative(
            request.viewer,
            request.params.slug,
            request.params.organisationId,
            request.body,
          ),
        ),
  );

  app.delete(
    '/clusters/:slug/organisations/:organisationId/representatives/:mandateId',
    {
      config: write,
      schema: {
        tags,
        summary: 'End a representative’s mandate',
        params: Type.Object({ slug: Slug, organisationId: Uuid, mandateId: Uuid }),
      },
    },
    async (request) =>
      organisations.revokeRepresentative(
        request.viewer,
        request.params.slug,
        request.params.organisationId,
        request.params.mandateId,
      ),
  );
};
