/** SQL for clusters, the roles people hold in them, and invitations. Every query is scoped by cluster. */
import { type Kysely, sql } from 'kysely';
import type { ClusterRole } from '../../domain/clusters/roles.ts';
import type { ClusterTable, Database } from '../platform/database.ts';
import { containsText } from '../platform/text-match.ts';

type Q = Kysely<Database>;

export const clusterRepo = {
  insert: (db: Q, row: ClusterTable) => db.insertInto('cluster').values(row).execute(),

  lock: (db: Q, id: string) =>
    db.selectFrom('cluster').selectAll().where('id', '=', id).forUpdate().executeTakeFirstOrThrow(),

  update: (db: Q, id: string, patch: Partial<ClusterTable>) =>
    db.updateTable('cluster').set(patch).where('id', '=', id).returningAll().executeTakeFirstOrThrow(),

  any: async (db: Q) =>
    (await db.selectFrom('cluster').select('id').limit(1).executeTakeFirst()) !== undefined,

  slugExists: async (db: Q, slug: string) =>
    (await db.selectFrom('cluster').select('id').where('slug', '=', slug).executeTakeFirst()) !== undefined,

  /** Clusters the actor may see: public ones, and members-only ones they hold a role in. */
  listVisible: (db: Q, personId: string | null, after: string | null, limit: number) =>
    db
      .selectFrom('cluster')
      .select([
        'id',
        'slug',
        'name',
        'country',
        'region',
        'languages',
        'default_locale',
        'cluster_type',
        'visibility',
        'description',
        (eb) =>
          eb
            .selectFrom('organisation')
            .select(eb.fn.countAll<number>().as('n'))
            .whereRef('organisation.cluster_id', '=', 'cluster.id')
            .where('organisation.membership_status', '=', 'active')
            .as('member_count'),
      ])
      .where((eb) =>
        eb.or([
          eb('visibility', '=', 'public'),
          ...(personId
            ? [
                eb.exists(
                  eb
                    .selectFrom('cluster_role')
                    .select('cluster_role.person_id')
                    .whereRef('cluster_role.cluster_id', '=', 'cluster.id')
                    .where('cluster_role.person_id', '=', personId),
                ),
              ]
            : []),
        ]),
      )
      .$if(after !== null, (qb) => qb.where('slug', '>', after as string))
      .orderBy('slug')
      .limit(limit + 1)
      .execute(),

  counts: (db: Q, clusterId: string) =>
    db
      .selectFrom('organisation')
      .select([
        sql<number>`count(*) filter (where membership_status = 'active')::int`.as('active'),
        sql<number>`count(*) filter (where membership_status = 'applicant')::int`.as('applicants'),
      ])
      .where('cluster_id', '=', clusterId)
      .executeTakeFirstOrThrow(),
};

export const roleRepo = {
  grant: (db: Q, row: Database['cluster_role']) =>
    db
      .insertInto('cluster_role')
      .values(row)
      .onConflict((oc) => oc.doNothing())
      .executeTakeFirst(),

  revoke: (db: Q, clusterId: string, personId: string, role: string) =>
    db
      .deleteFrom('cluster_role')
      .where('cluster_id', '=', clusterId)
      .where('person_id', '=', personId)
      .where('role', '=', role)
      .executeTakeFirst(),

  has: async (db: Q, clusterId: string, personId: string, role?: string) =>
    (await db
      .selectFrom('cluster_role')
      .select('role')
      .where('cluster_id', '=', clusterId)
      .where('person_id', '=', personId)
      .$if(role !== undefined, (qb) => qb.where('role', '=', role as string))
      .executeTakeFirst()) !== undefined,

  /** One person's roles in the cluster. */
  rolesOf: async (db: Q, clusterId: string, personId: string) =>
    (
      await db
        .selectFrom('cluster_role')
        .select('role')
        .where('cluster_id', '=', clusterId)
        .where('person_id', '=', personId)
        .execute()
    ).map((row) => row.role as ClusterRole),

  /** Locks the cluster's coordinator rows, so two revocations cannot leave none. */
  coordinatorCount: async (db: Q, clusterId: string) =>
    (
      await db
        .selectFrom('cluster_role')
        .select('person_id')
        .where('cluster_id', '=', clusterId)
        .where('role', '=', 'coordinator')
        .orderBy('person_id')
        .forUpdate()
        .execute()
    ).length,

  /** People of a cluster with their roles, by name. */
  listPeople: (
    db: Q,
    clusterId: string,
    search: string | undefined,
    after: [string, string] | null,
    limit: number,
  ) =>
    db
      .selectFrom('cluster_role')
      .innerJoin('person', 'person.id', 'cluster_role.person_id')
      .select([
        'person.id',
        'person.display_name',
        'person.email',
        sql<string[]>`array_agg(cluster_role.role order by cluster_role.role)`.as('roles'),
      ])
      .where('cluster_role.cluster_id', '=', clusterId)
      .where('person.erased_at', 'is', null)
      .$if(search !== undefined, (qb) => qb.where(containsText('person.display_name', search as string)))
      .groupBy(['person.id', 'person.display_name', 'person.email'])
      .$if(after !== null, (qb) =>
        qb.where(sql<boolean>`(person.display_name, person.id) > (${after?.[0]}, ${after?.[1]}::uuid)`),
      )
      .orderBy('person.display_name')
      .orderBy('person.id')
      .limit(limit + 1)
      .execute(),
};

export const invitationRepo = {
  insert: (db: Q, row: Database['invitation']) => db.insertInto('invitation').values(row).execute(),

  findByTokenHash: (db: Q, tokenHash: string) =>
    db
      .selectFrom('invitation')
      .innerJoin('cluster', 'cluster.id', 'invitation.cluster_id')
      .select([
        'invitation.cluster_id',
        'invitation.id',
        'invitation.email',
        'invitation.role',
        'invitation.expires_at',
        'invitation.accepted_at',
        'cluster.slug',
        'cluster.name as cluster_name',
      ])
      .where('invitation.token_hash', '=', tokenHash)
      .executeTakeFirst(),

  markAccepted: (db: Q, clusterId: string, id: string, personId: string, at: Date) =>
    db
      .updateTable('invitation')
      .set({ accepted_at: at, accepted_by: personId })
      .where('cluster_id', '=', clusterId)
      .where('id', '=', id)
      .where('accepted_at', 'is', null)
      .executeTakeFirst(),

  /** Withdraws an invitation not yet accepted; the address goes with it. */
  cancel: (db: Q, clusterId: string, id: string) =>
    db
      .deleteFrom('invitation')
      .where('cluster_id', '=', clusterId)
      .where('id', '=', id)
      .where('accepted_at', 'is', null)
      .executeTakeFirst(),

  list: (db: Q, clusterId: string, after: [string, string] | null, limit: number) =>
    db
      .selectFrom('invitation')
      .select(['id', 'email', 'role', 'created_at', 'expires_at', 'accepted_at'])
      .where('cluster_id', '=', clusterId)
      .$if(after !== null, (qb) =>
        qb.where(sql<boolean>`(created_at, id) < (${after?.[0]}::timestamptz, ${after?.[1]}::uuid)`),
      )
      .orderBy('created_at', 'desc')
      .orderBy('id', 'desc')
      .limit(limit + 1)
      .execute(),
};
