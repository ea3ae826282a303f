/** HTTP for meetings: planning, registration with a waiting list, calendars, minutes. */
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from '@sinclair/typebox';
import { PageQuery } from '../platform/http/pagination.ts';
import { rateLimit } from '../platform/http/rate-limits.ts';
import { literals, Uuid } from '../platform/http/schemas.ts';
import { MEETING_FORMATS, type MeetingService } from './meeting-service.ts';
import { IsoInstant, ProcessParams, Slug, Text, WebUrl } from './route-schemas.ts';

export interface MeetingRoutesOptions {
  readonly meetings: MeetingService;
  readonly rateLimitScale: number;
}

const MeetingParams = Type.Object({ slug: Slug, processId: Uuid, meetingId: Uuid });
const CALENDAR_TYPE = 'text/calendar; charset=utf-8';

const meetingFields = {
  title: Text(200),
  format: literals(MEETING_FORMATS),
  address: Type.String({ maxLength: 300 }),
  onlineUrl: WebUrl,
  agenda: Type.String({ maxLength: 10000 }),
  startsAt: IsoInstant,
  endsAt: IsoInstant,
  capacity: Type.Union([Type.Integer({ minimum: 1, maximum: 100000 }), Type.Null()]),
};

export const meetingRoutes: FastifyPluginAsyncTypebox<MeetingRoutesOptions> = async (app, options) => {
  const { meetings } = options;
  const write = rateLimit('write', options.rateLimitScale);
  const tags = ['participation'];
  const base = '/clusters/:slug/processes/:processId/meetings';
  const one = `${base}/:meetingId`;

  app.get(
    base,
    {
      config: { publicCache: true },
      schema: {
        tags,
        summary: 'Meetings of a process, in order of their start',
        params: ProcessParams,
        querystring: PageQuery,
      },
    },
    async (request) =>
      meetings.list(request.viewer, request.params.slug, request.params.processId, {
        ...request.query,
        limit: request.query.limit ?? 20,
      }),
  );

  app.get(
    '/clusters/:slug/processes/:processId/meetings.ics',
    {
      config: { publicCache: true },
      schema: { tags, summary: 'The process’s meetings as an iCalendar feed', params: ProcessParams },
    },
    async (request, reply) =>
      reply
        .type(CALENDAR_TYPE)
        .send(await meetings.processCalendar(request.viewer, request.params.slug, request.params.processId)),
  );

  app.post(
    base,
    {
      config: write,
      schema: {
        tags,
        summary: 'Plan a meeting (coordinators)',
        params: ProcessParams,
        body: Type.Object({
          title: meetingFields.title,
          format: meetingFields.format,
          address: Type.Optional(meetingFields.address),
          onlineUrl: Type.Optional(meetingFields.onlineUrl),
          agenda: Type.Optional(meetingFields.agenda),
          startsAt: meetingFields.startsAt,
          endsAt: meetingFields.endsAt,
          capacity: Type.Optional(meetingFields.capacity),
        }),
      },
    },
    async (request, reply) =>
      reply.status(201).send(
        await meetings.create(request.viewer, request.params.slug, request.params.processId, {
          address: '',
          onlineUrl: '',
          agenda: '',
          capacity: null,
          ...request.body,
        }),
      ),
  );

  app.get(
    one,
    {
      config: { publicCache: true },
      schema: { tags, summary: 'A meeting with its registration state', params: MeetingParams },
    },
    async (request) =>
      meetings.get(request.viewer, request.params.slug, request.params.processId, request.params.meetingId),
  );

  app.get(
    `${one}/calendar.ics`,
    {
      config: { publicCache: true },
      schema: { tags, summary: 'A meeting as an iCalendar file', params: MeetingParams },
    },
    async (request, reply) =>
      reply
        .type(CALENDAR_TYPE)
        .header('content-disposition', 'attachment; filename="meeting.ics"')
        .send(
          await meetings.meetingCalendar(
            request.viewer,
            request.params.slug,
            request.params.processId,
            request.params.meetingId,
          ),
        ),
  );

  app.patch(
    one,
    {
      config: write,
      schema: {
        tags,
        summary: 'Change a meeting’s plan (coordinators)',
        params: MeetingParams,
        body: Type.Partial(Type.Object(meetingFields), { minProperties: 1 }),
      },
    },
    async (request) =>
      meetings.edit(
        request.viewer,
        request.params.slug,
        request.params.processId,
        request.params.meetingId,
        request.body,
      ),
  );

  app.put(
    `${one}/registration`,
    {
      config: write,
      schema: { tags, summary: 'Register for a meeting (or join its waiting list)', params: MeetingParams },
    },
    async (request) =>
      meetings.register(
        request.viewer,
        request.params.slug,
        request.params.processId,
        request.params.meetingId,
      ),
  );

  app.delete(
    `${one}/registration`,
    {
      config: write,
      schema: {
        tags,
        summary: 'Cancel a registration; the first on the waiting list moves up',
        params: MeetingParams,
      },
    },
    async (request) =>
      meetings.cancel(
        request.viewer,
        request.params.slug,
        request.params.processId,
        request.params.meetingId,
      ),
  );

  app.get(
    `${one}/registrations`,
    {
      schema: {
        tags,
        summary: 'Who registered and who waits (coordinators)',
        params: MeetingParams,
        querystring: PageQuery,
      },
    },
    async (request) =>
      meetings.registrations(
        request.viewer,
        request.params.slug,
        request.params.processId,
        request.params.meetingId,
        {
          ...request.query,
          limit: request.query.limit ?? 50,
        },
      ),
  );

  app.post(
    `${one}/minutes`,
    {
      config: write,
      schema: {
        tags,
        summary:
          'Record a meeting’s minutes, attendee count and the proposals that came out of it (coordinators)',
        params: MeetingParams,
        body: Type.Object({
          minutes: Type.String({ maxLength: 20000 }),
          attendeeCount: Type.Integer({ minimum: 0, maximum: 1_000_000 }),
          proposalIds: Type.Optional(Type.Array(Uuid, { maxItems: 100 })),
        }),
      },
    },
    async (request) =>
      meetings.close(
        request.viewer,
        request.params.slug,
        request.params.processId,
        request.params.meetingId,
        {
          proposalIds: [],
          ...request.body,
        },
      ),
  );
};
