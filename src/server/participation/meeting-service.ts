/**
 * Meetings of a process, in person, online or hybrid: a coordinator plans them with an agenda and
 * an optional capacity; people register, and beyond the capacity join a waiting list from which the
 * first in line moves up (and is told) when someone cancels. Each meeting has an iCalendar file and
 * each process a feed. After a meeting, the coordinator records its minutes, the attendee count and
 * the proposals that came out of it.
 */
import { timeZoneOf } from '../../domain/clusters/catalogue.ts';
import { type CalendarEvent, calendar } from '../../domain/participation/icalendar.ts';
import { Access } from '../platform/access.ts';
import type { AuditLog } from '../platform/audit/audit-log.ts';
import type { Actor } from '../platform/auth/viewer.ts';
import type { Db, MeetingTable, Tx } from '../platform/database.ts';
import { badRequest, conflict, notFound } from '../platform/errors.ts';
import { toPage } from '../platform/http/pagination.ts';
import { newId } from '../platform/ids.ts';
import { readCursor } from './cursor.ts';
import { MAX_MEETINGS_IN_FEED, meetingProposalRepo, meetingRepo, registrationRepo } from './meeting-repo.ts';
import type { ParticipationNotices } from './notices.ts';
import type { ParticipationAccess, ProcessContext } from './participation-access.ts';
import { parseInstant } from './process-service.ts';

export const MEETING_FORMATS = ['in_person', 'online', 'hybrid'] as const;
export type MeetingFormat = (typeof MEETING_FORMATS)[number];

export interface MeetingInput {
  title: string;
  format: MeetingFormat;
  address: string;
  onlineUrl: string;
  agenda: string;
  startsAt: string;
  endsAt: string;
  capacity: number | null;
}

function meetingView(row: MeetingTable) {
  return {
    id: row.id,
    processId: row.process_id,
    title: row.title,
    format: row.format,
    address: row.address,
    onlineUrl: row.online_url,
    agenda: row.agenda,
    startsAt: row.starts_at.toISOString(),
    endsAt: row.ends_at.toISOString(),
    capacity: row.capacity,
    registeredCount: row.registered_count,
    placesLeft: row.capacity === null ? null : Math.max(0, row.capacity - row.registered_count),
    minutes: row.minutes,
    attendeeCount: row.attendee_count,
    closedAt: row.closed_at?.toISOString() ?? null,
  };
}

export class MeetingService {
  constructor(
    private readonly db: Db,
    private readonly participation: ParticipationAccess,
    private readonly audit: AuditLog,
    private readonly notices: ParticipationNotices,
    /** The host part of meeting UIDs in calendars (`<meeting id>@<host>`). */
    private readonly calendarHost: string,
  ) {}

  async list(actor: Actor, slug: string, processId: string, query: { limit: number; cursor?: string }) {
    const context = await this.participation.read(actor, slug, processId);
    const after = readCursor(query.cursor, ['instant', 'uuid']);
    const rows = await meetingRepo.page(this.db, context.clusterId, processId, after, query.limit);
    const page = toPage(rows, query.limit, (row) => [row.starts_at.toISOString(), row.id]);
    return { nextCursor: page.nextCursor, items: page.items.map(meetingView) };
  }

  async get(actor: Actor, slug: string, processId: string, meetingId: string) {
    const context = await this.participation.read(actor, slug, processId);
    const row = await this.find(context, meetingId);
    const viewer = context.access.actor;
    const [registration, proposals, waitingCount] = await Promise.all([
      viewer ? registrationRepo.find(this.db, context.clusterId, meetingId, viewer.personId) : undefined,
      meetingProposalRepo.ofMeeting(this.db, context.clusterId, meetingId),
      registrationRepo.waitingCount(this.db, context.clusterId, meetingId),
    ]);
    const waitingPosition =
      registration?.status === 'waiting'
        ? await registrationRepo.waitingPosition(
            this.db,
            context.clusterId,
            meetingId,
            registration.requested_at,
            registration.person_id,
          )
        : null;
    const isUpcoming = context.now < row.starts_at;
    return {
      ...meetingView(row),
      waitingCount,
      proposals,
      viewer: { registration: registration?.status ?? null, waitingPosition },
      can: {
        register: viewer !== null && isUpcoming && registration === undefined,
        cancel: registration !== undefined && isUpcoming,
        manage: Access.can(context.access, 'participation.manage'),
      },
    };
  }

  async create(actor: Actor, slug: string, processId: string, input: MeetingInput) {
    const context = await this.participation.manage(actor, slug, processId);
    const fields = this.checked(input);
    const id = newId();
    await this.db.transaction().execute(async (tx) => {
      await meetingRepo.insert(tx, {
        cluster_id: context.clusterId,
        id,
        process_id: processId,
        ...fields,
        registered_count: 0,
        minutes: '',
        attendee_count: null,
        closed_at: null,
        created_at: context.now,
        updated_at: context.now,
      });
      await this.audit.record(tx, context.clusterId, {
        action: 'participation.meeting_planned',
        isPublic: true,
        payload: {
          meetingId: id,
          processId,
          title: fields.title,
          format: fields.format,
          startsAt: fields.starts_at.toISOString(),
          endsAt: fields.ends_at.toISOString(),
          by: context.actor.personId,
        },
      });
    });
    return this.get(actor, slug, processId, id);
  }

  /** Changes the plan; a larger capacity moves people up from the waiting list. */
  async edit(actor: Actor, slug: string, processId: string, meetingId: string, patch: Partial<MeetingInput>) {
    const context = await this.participation.manage(actor, slug, processId);
    await this.db.transaction().execute(async (tx) => {
      const row = await meetingRepo.findForUpdate(tx, context.clusterId, processId, meetingId);
      if (!row) throw notFound('participation.meeting_not_found');
      const fields = this.checked({
        title: patch.title ?? row.title,
        format: patch.format ?? (row.format as MeetingFormat),
        address: patch.address ?? row.address,
        onlineUrl: patch.onlineUrl ?? row.online_url,
        agenda: patch.agenda ?? row.agenda,
        startsAt: patch.startsAt ?? row.starts_at.toISOString(),
        endsAt: patch.endsAt ?? row.ends_at.toISOString(),
        capacity: patch.capacity !== undefined ? patch.capacity : row.capacity,
      });
      if (fields.capacity !== null && fields.capacity < row.registered_count) {
        throw conflict('participation.capacity_below_registered', 'capacity', {
          registered: row.registered_count,
        });
      }
      await meetingRepo.update(tx, context.clusterId, meetingId, { ...fields, updated_at: context.now });
      await this.fillFreePlaces(tx, slug, context, { ...row, ...fields });
    });
    this.notices.deliver();
    return this.get(actor, slug, processId, meetingId);
  }

  /** Registers the person, or puts them on the waiting list when the meeting is full. */
  async register(actor: Actor, slug: string, processId: string, meetingId: string) {
    const context = await this.participation.takePart(actor, slug, processId);
    await this.db.transaction().execute(async (tx) => {
      const row = await meetingRepo.findForUpdate(tx, context.clusterId, processId, meetingId);
      if (!row) throw notFound('participation.meeting_not_found');
      if (context.now >= row.starts_at) throw conflict('participation.meeting_started');
      if (await registrationRepo.find(tx, context.clusterId, meetingId, context.actor.personId)) return;
      const hasPlace = row.capacity === null || row.registered_count < row.capacity;
      await registrationRepo.insert(tx, {
        cluster_id: context.clusterId,
        meeting_id: meetingId,
        person_id: context.actor.personId,
        status: hasPlace ? 'registered' : 'waiting',
        requested_at: context.now,
      });
      if (hasPlace)
        await meetingRepo.update(tx, context.clusterId, meetingId, {
          registered_count: row.registered_count + 1,
        });
    });
    return this.get(actor, slug, processId, meetingId);
  }

  /** Cancels the person's registration; a freed place goes to the first on the waiting list. */
  async cancel(actor: Actor, slug: string, processId: string, meetingId: string) {
    const context = await this.participation.takePart(actor, slug, processId);
    await this.db.transaction().execute(async (tx) => {
      const row = await meetingRepo.findForUpdate(tx, context.clusterId, processId, meetingId);
      if (!row) throw notFound('participation.meeting_not_found');
      if (context.now >= row.starts_at) throw conflict('participation.meeting_started');
      const removed = await registrationRepo.remove(tx, context.clusterId, meetingId, context.actor.personId);
      if (removed?.status !== 'registered') return;
      const registeredCount = row.registered_count - 1;
      await meetingRepo.update(tx, context.clusterId, meetingId, { registered_count: registeredCount });
      await this.fillFreePlaces(tx, slug, context, { ...row, registered_count: registeredCount });
    });
    this.notices.deliver();
    return this.get(actor, slug, processId, meetingId);
  }

  async registrations(
    actor: Actor,
    slug: string,
    processId: string,
    meetingId: string,
    query: { limit: number; cursor?: string },
  ) {
    const context = await this.participation.manage(actor, slug, processId);
    await this.find(context, meetingId);
    const after = readCursor(query.cursor, ['text', 'instant', 'uuid']);
    const rows = await registrationRepo.page(this.db, context.clusterId, meetingId, after, query.limit);
    const page = toPage(rows, query.limit, (row) => [
      row.status,
      row.requested_at.toISOString(),
      row.person_id,
    ]);
    return {
      nextCursor: page.nextCursor,
      items: page.items.map((row) => ({
        personId: row.person_id,
        displayName: row.display_name,
        status: row.status,
        requestedAt: row.requested_at.toISOString(),
      })),
    };
  }

  /** After the meeting: minutes, attendee count and the proposals that came out of it. */
  async close(
    actor: Actor,
    slug: string,
    processId: string,
    meetingId: string,
    input: { minutes: string; attendeeCount: number; proposalIds: string[] },
  ) {
    const context = await this.participation.manage(actor, slug, processId);
    const proposalIds = [...new Set(input.proposalIds)];
    await this.db.transaction().execute(async (tx) => {
      const row = await meetingRepo.findForUpdate(tx, context.clusterId, processId, meetingId);
      if (!row) throw notFound('participation.meeting_not_found');
      if (context.now < row.ends_at) throw conflict('participation.meeting_not_over');
      if (
        (await meetingProposalRepo.countInProcess(tx, context.clusterId, processId, proposalIds)) !==
        proposalIds.length
      ) {
        throw notFound('participation.proposal_not_found');
      }
      await meetingRepo.update(tx, context.clusterId, meetingId, {
        minutes: input.minutes.trim(),
        attendee_count: input.attendeeCount,
        closed_at: row.closed_at ?? context.now,
        updated_at: context.now,
      });
      await meetingProposalRepo.replace(tx, context.clusterId, meetingId, proposalIds);
      await this.audit.record(tx, context.clusterId, {
        action: 'participation.meeting_closed',
        isPublic: true,
        payload: {
          meetingId,
          processId,
          attendeeCount: input.attendeeCount,
          proposalIds,
          by: context.actor.personId,
        },
      });
    });
    return this.get(actor, slug, processId, meetingId);
  }

  async meetingCalendar(actor: Actor, slug: string, processId: string, meetingId: string): Promise<string> {
    const context = await this.participation.read(actor, slug, processId);
    const row = await this.find(context, meetingId);
    return calendar(row.title, [this.event(row)]);
  }

  /** The process's meetings as one feed, in order of their start. */
  async processCalendar(actor: Actor, slug: string, processId: string): Promise<string> {
    const context = await this.participation.read(actor, slug, processId);
    const rows = await meetingRepo.page(this.db, context.clusterId, processId, null, MAX_MEETINGS_IN_FEED);
    return calendar(
      context.process.title,
      rows.slice(0, MAX_MEETINGS_IN_FEED).map((row) => this.event(row)),
    );
  }

  private event(row: MeetingTable): CalendarEvent {
    return {
      uid: `${row.id}@${this.calendarHost}`,
      stampedAt: row.updated_at,
      startsAt: row.starts_at,
      endsAt: row.ends_at,
      summary: row.title,
      description: [row.agenda, row.online_url].filter((part) => part !== '').join('\n\n'),
      location: row.format === 'online' ? row.online_url : row.address,
      url: row.online_url,
    };
  }

  private async find(context: ProcessContext, meetingId: string) {
    const row = await meetingRepo.find(this.db, context.clusterId, context.process.id, meetingId);
    if (!row) throw notFound('participation.meeting_not_found');
    return row;
  }

  private checked(input: MeetingInput) {
    const startsAt = parseInstant(input.startsAt, 'startsAt');
    const endsAt = parseInstant(input.endsAt, 'endsAt');
    if (endsAt <= startsAt) throw badRequest('participation.meeting_dates_invalid', 'endsAt');
    const address = input.address.trim();
    const onlineUrl = input.onlineUrl.trim();
    if (input.format !== 'online' && address === '')
      throw badRequest('participation.meeting_address_required', 'address');
    if (input.format !== 'in_person' && onlineUrl === '')
      throw badRequest('participation.meeting_url_required', 'onlineUrl');
    return {
      title: input.title.trim(),
      format: input.format,
      address,
      online_url: onlineUrl,
      agenda: input.agenda.trim(),
      starts_at: startsAt,
      ends_at: endsAt,
      capacity: input.capacity,
    };
  }

  /** Moves the first people waiting into free places, and tells each of them. */
  private async fillFreePlaces(
    tx: Tx,
    slug: string,
    context: ProcessContext,
    meeting: Pick<MeetingTable, 'id' | 'title' | 'capacity' | 'registered_count' | 'starts_at'>,
  ) {
    const free =
      meeting.capacity === null ? Number.MAX_SAFE_INTEGER : meeting.capacity - meeting.registered_count;
    if (free <= 0) return;
    const next = await registrationRepo.nextWaiting(
      tx,
      context.clusterId,
      meeting.id,
      Math.min(free, 10_000),
    );
    if (next.length === 0) return;
    const personIds = next.map((row) => row.person_id);
    await registrationRepo.promote(tx, context.clusterId, meeting.id, personIds);
    await meetingRepo.update(tx, context.clusterId, meeting.id, {
      registered_count: meeting.registered_count + personIds.length,
    });
    await this.notices.tell(tx, personIds, {
      clusterId: context.clusterId,
      kind: 'meeting_place_offered',
      processId: context.process.id,
      meetingId: meeting.id,
      subject: meeting.title,
      detail: meeting.starts_at.toISOString(),
      link: this.notices.link(slug, `/processes/${context.process.id}/meetings/${meeting.id}`),
      mailParams: (locale) => ({
        title: meeting.title,
        startsAt: new Intl.DateTimeFormat(locale, {
          // In the cluster's own time, with its zone named: a reader abroad is not misled.
          year: 'numeric',
          month: 'long',
          day: 'numeric',
          hour: '2-digit',
          minute: '2-digit',
          timeZone: timeZoneOf(context.access.cluster.country),
          timeZoneName: 'short',
        }).format(meeting.starts_at),
      }),
    });
  }
}
