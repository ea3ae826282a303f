/** SQL for followers of proposals and results. Scoped by cluster. */
import type { Kysely } from 'kysely';
import type { Database } from '../platform/database.ts';

type Q = Kysely<Database>;

export interface Followed {
  readonly kind: 'proposal' | 'result';
  readonly id: string;
}

/** Followers feed one notification each; past this many, the oldest followers are told first. */
const MAX_TOLD = 5000;

export const followerRepo = {
  follow: (db: Q, clusterId: string, target: Followed, personId: string, at: Date) =>
    db
      .insertInto('participation_follower')
      .values({
        cluster_id: clusterId,
        target_kind: target.kind,
        target_id: target.id,
        person_id: personId,
        created_at: at,
      })
      .onConflict((oc) => oc.doNothing())
      .execute(),

  unfollow: (db: Q, clusterId: string, target: Followed, personId: string) =>
    db
      .deleteFrom('participation_follower')
      .where('cluster_id', '=', clusterId)
      .where('target_kind', '=', target.kind)
      .where('target_id', '=', target.id)
      .where('person_id', '=', personId)
      .execute(),

  isFollowing: async (db: Q, clusterId: string, target: Followed, personId: string) =>
    (await db
      .selectFrom('participation_follower')
      .select('person_id')
      .where('cluster_id', '=', clusterId)
      .where('target_kind', '=', target.kind)
      .where('target_id', '=', target.id)
      .where('person_id', '=', personId)
      .executeTakeFirst()) !== undefined,

  of: async (db: Q, clusterId: string, target: Followed) =>
    (
      await db
        .selectFrom('participation_follower')
        .select('person_id')
        .where('cluster_id', '=', clusterId)
        .where('target_kind', '=', target.kind)
        .where('target_id', '=', target.id)
        .orderBy('created_at')
        .limit(MAX_TOLD)
        .execute()
    ).map((row) => row.person_id),
};
