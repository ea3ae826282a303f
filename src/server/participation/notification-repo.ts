/** SQL for participation's in-app notifications and the people they go to. */
import type { Kysely } from 'kysely';
import type { Database, ParticipationNotificationTable } from '../platform/database.ts';

type Q = Kysely<Database>;

export const notificationRepo = {
  insertMany: (db: Q, rows: readonly ParticipationNotificationTable[]) =>
    rows.length === 0
      ? Promise.resolve()
      : db
          .insertInto('participation_notification')
          .values([...rows])
          .execute(),

  /** Newest first. */
  ofPerson: (
    db: Q,
    clusterId: string,
    personId: string,
    beforeId: string | null,
    unreadOnly: boolean,
    limit: number,
  ) =>
    db
      .selectFrom('participation_notification')
      .selectAll()
      .where('cluster_id', '=', clusterId)
      .where('person_id', '=', personId)
      .$if(unreadOnly, (qb) => qb.where('read_at', 'is', null))
      .$if(beforeId !== null, (qb) => qb.where('id', '<', beforeId as string))
      .orderBy('id', 'desc')
      .limit(limit + 1)
      .execute(),

  unreadCount: async (db: Q, clusterId: string, personId: string) =>
    Number(
      (
        await db
          .selectFrom('participation_notification')
          .select((eb) => eb.fn.countAll().as('n'))
          .where('cluster_id', '=', clusterId)
          .where('person_id', '=', personId)
          .where('read_at', 'is', null)
          .executeTakeFirstOrThrow()
      ).n,
    ),

  markRead: (db: Q, clusterId: string, personId: string, id: string | null, at: Date) =>
    db
      .updateTable('participation_notification')
      .set({ read_at: at })
      .where('cluster_id', '=', clusterId)
      .where('person_id', '=', personId)
      .where('read_at', 'is', null)
      .$if(id !== null, (qb) => qb.where('id', '=', id as string))
      .executeTakeFirst(),

  exists: async (db: Q, clusterId: string, personId: string, id: string) =>
    (await db
      .selectFrom('participation_notification')
      .select('id')
      .where('cluster_id', '=', clusterId)
      .where('person_id', '=', personId)
      .where('id', '=', id)
      .executeTakeFirst()) !== undefined,

  recipients: (db: Q, personIds: readonly string[]) =>
    personIds.length === 0
      ? Promise.resolve([])
      : db
          .selectFrom('person')
          .select(['id', 'email', 'display_name', 'locale'])
          .where('id', 'in', personIds)
          .where('erased_at', 'is', null)
          .execute(),
};
