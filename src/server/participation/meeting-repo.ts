/** SQL for meetings, their registrations and the proposals that came out of them. Scoped by cluster. */
import { type Kysely, sql } from 'kysely';
import type { Database, MeetingTable } from '../platform/database.ts';

type Q = Kysely<Database>;

/** A feed or a list never carries more meetings than this. */
export const MAX_MEETINGS_IN_FEED = 500;

export const meetingRepo = {
  insert: (db: Q, row: MeetingTable) => db.insertInto('meeting').values(row).execute(),

  find: (db: Q, clusterId: string, processId: string, id: string) =>
    db
      .selectFrom('meeting')
      .selectAll()
      .where('cluster_id', '=', clusterId)
      .where('process_id', '=', processId)
      .where('id', '=', id)
      .executeTakeFirst(),

  /** Locks the meeting: registrations and cancellations of one meeting go one at a time. */
  findForUpdate: (db: Q, clusterId: string, processId: string, id: string) =>
    db
      .selectFrom('meeting')
      .selectAll()
      .where('cluster_id', '=', clusterId)
      .where('process_id', '=', processId)
      .where('id', '=', id)
      .forUpdate()
      .executeTakeFirst(),

  update: (db: Q, clusterId: string, id: string, patch: Partial<MeetingTable>) =>
    db.updateTable('meeting').set(patch).where('cluster_id', '=', clusterId).where('id', '=', id).execute(),

  /** In order of their start. */
  page: (db: Q, clusterId: string, processId: string, after: [string, string] | null, limit: number) =>
    db
      .selectFrom('meeting')
      .selectAll()
      .where('cluster_id', '=', clusterId)
      .where('process_id', '=', processId)
      .$if(after !== null, (qb) =>
        qb.where((eb) =>
          eb.or([
            eb('starts_at', '>', new Date((after as [string, string])[0])),
            eb.and([
              eb('starts_at', '=', new Date((after as [string, string])[0])),
              eb('id', '>', (after as [string, string])[1]),
            ]),
          ]),
        ),
      )
      .orderBy('starts_at')
      .orderBy('id')
      .limit(limit + 1)
      .execute(),
};

export const registrationRepo = {
  find: (db: Q, clusterId: string, meetingId: string, personId: string) =>
    db
      .selectFrom('meeting_registration')
      .selectAll()
      .where('cluster_id', '=', clusterId)
      .where('meeting_id', '=', meetingId)
      .where('person_id', '=', personId)
      .executeTakeFirst(),

  insert: (db: Q, row: Database['meeting_registration']) =>
    db.insertInto('meeting_registration').values(row).execute(),

  remove: (db: Q, clusterId: string, meetingId: string, personId: string) =>
    db
      .deleteFrom('meeting_registration')
      .where('cluster_id', '=', clusterId)
      .where('meeting_id', '=', meetingId)
      .where('person_id', '=', personId)
      .returning('status')
      .executeTakeFirst(),

  /** The first people waiting, who asked first. */
  nextWaiting: (db: Q, clusterId: string, meetingId: string, count: number) =>
    db
      .selectFrom('meeting_registration')
      .select('person_id')
      .where('cluster_id', '=', clusterId)
      .where('meeting_id', '=', meetingId)
      .where('status', '=', 'waiting')
      .orderBy('requested_at')
      .orderBy('person_id')
      .limit(count)
      .execute(),

  promote: (db: Q, clusterId: string, meetingId: string, personIds: readonly string[]) =>
    db
      .updateTable('meeting_registration')
      .set({ status: 'registered' })
      .where('cluster_id', '=', clusterId)
      .where('meeting_id', '=', meetingId)
      .where('person_id', 'in', personIds)
      .execute(),

  /** Where the person stands on the waiting list (1 is next). */
  waitingPosition: async (db: Q, clusterId: string, meetingId: string, requestedAt: Date, personId: string) =>
    Number(
      (
        await db
          .selectFrom('meeting_registration')
          .select((eb) => eb.fn.countAll().as('n'))
          .where('cluster_id', '=', clusterId)
          .where('meeting_id', '=', meetingId)
          .where('status', '=', 'waiting')
          .where((eb) =>
            eb.or([
              eb('requested_at', '<', requestedAt),
              eb.and([eb('requested_at', '=', requestedAt), eb('person_id', '<=', personId)]),
            ]),
          )
          .executeTakeFirstOrThrow()
      ).n,
    ),

  waitingCount: async (db: Q, clusterId: string, meetingId: string) =>
    Number(
      (
        await db
          .selectFrom('meeting_registration')
          .select((eb) => eb.fn.countAll().as('n'))
          .where('cluster_id', '=', clusterId)
          .where('meeting_id', '=', meetingId)
          .where('status', '=', 'waiting')
          .executeTakeFirstOrThrow()
      ).n,
    ),

  /** Registered first, then the waiting list, each in the order people asked. */
  page: (
    db: Q,
    clusterId: string,
    meetingId: string,
    after: [string, string, string] | null,
    limit: number,
  ) =>
    db
      .selectFrom('meeting_registration as r')
      .innerJoin('person', 'person.id', 'r.person_id')
      .select(['r.person_id', 'person.display_name', 'r.status', 'r.requested_at'])
      .where('r.cluster_id', '=', clusterId)
      .where('r.meeting_id', '=', meetingId)
      .$if(after !== null, (qb) =>
        qb.where(
          sql<boolean>`(r.status, r.requested_at, r.person_id) > (${after?.[0]}, ${after?.[1]}::timestamptz, ${after?.[2]}::uuid)`,
        ),
      )
      .orderBy('r.status')
      .orderBy('r.requested_at')
      .orderBy('r.person_id')
      .limit(limit + 1)
      .execute(),
};

export const meetingProposalRepo = {
  replace: async (db: Q, clusterId: string, meetingId: string, proposalIds: readonly string[]) => {
    await db
      .deleteFrom('meeting_proposal')
      .where('cluster_id', '=', clusterId)
      .where('meeting_id', '=', meetingId)
      .execute();
    if (proposalIds.length > 0) {
      await db
        .insertInto('meeting_proposal')
        .values(
          proposalIds.map((proposalId) => ({
            cluster_id: clusterId,
            meeting_id: meetingId,
            proposal_id: proposalId,
          })),
        )
        .execute();
    }
  },

  ofMeeting: (db: Q, clusterId: string, meetingId: string) =>
    db
      .selectFrom('meeting_proposal as mp')
      .innerJoin('proposal as p', (join) =>
        join.onRef('p.cluster_id', '=', 'mp.cluster_id').onRef('p.id', '=', 'mp.proposal_id'),
      )
      .select(['p.id', 'p.title', 'p.state'])
      .where('mp.cluster_id', '=', clusterId)
      .where('mp.meeting_id', '=', meetingId)
      .orderBy('p.id')
      .execute(),

  /** How many of the ids are proposals of the process. */
  countInProcess: async (db: Q, clusterId: string, processId: string, proposalIds: readonly string[]) =>
    proposalIds.length === 0
      ? 0
      : Number(
          (
            await db
              .selectFrom('proposal')
              .select((eb) => eb.fn.countAll().as('n'))
              .where('cluster_id', '=', clusterId)
              .where('process_id', '=', processId)
              .where('id', 'in', proposalIds)
              .executeTakeFirstOrThrow()
          ).n,
        ),
};
