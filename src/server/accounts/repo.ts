/** SQL for people, their sessions and their e-mail tokens. */
import type { Insertable, Kysely, Updateable } from 'kysely';
import type { Database, PersonTable } from '../platform/database.ts';

type Q = Kysely<Database>;

export const personRepo = {
  findByEmail: (db: Q, email: string) =>
    db
      .selectFrom('person')
      .selectAll()
      .where('email', '=', email)
      .where('erased_at', 'is', null)
      .executeTakeFirst(),

  findById: (db: Q, id: string) =>
    db
      .selectFrom('person')
      .selectAll()
      .where('id', '=', id)
      .where('erased_at', 'is', null)
      .executeTakeFirst(),

  insert: (db: Q, person: Insertable<PersonTable>) => db.insertInto('person').values(person).execute(),

  update: (db: Q, id: string, patch: Updateable<PersonTable>) =>
    db.updateTable('person').set(patch).where('id', '=', id).execute(),

  /** Erasure: the row stays so ids in the audit chain still point somewhere, its content goes. */
  erase: (db: Q, id: string, at: Date) =>
    db
      .updateTable('person')
      .set({
        email: null,
        password_hash: null,
        display_name: '',
        email_verified_at: null,
        is_platform_admin: false,
        erased_at: at,
      })
      .where('id', '=', id)
      .execute(),
};

export const sessionRepo = {
  insert: (db: Q, row: Database['session']) => db.insertInto('session').values(row).execute(),
  deleteByTokenHash: (db: Q, tokenHash: string) =>
    db.deleteFrom('session').where('token_hash', '=', tokenHash).execute(),
  deleteById: (db: Q, personId: string, id: string) =>
    db.deleteFrom('session').where('person_id', '=', personId).where('id', '=', id).executeTakeFirst(),
  deleteAllOf: (db: Q, personId: string) =>
    db.deleteFrom('session').where('person_id', '=', personId).execute(),
  listOf: (db: Q, personId: string, now: Date) =>
    db
      .selectFrom('session')
      .select(['id', 'created_at', 'last_seen_at', 'expires_at', 'user_agent'])
      .where('person_id', '=', personId)
      .where('expires_at', '>', now)
      .orderBy('last_seen_at', 'desc')
      .limit(100)
      .execute(),
};

export const emailTokenRepo = {
  insert: (db: Q, row: Database['email_token']) => db.insertInto('email_token').values(row).execute(),
  /** Claims an unused, unexpired token once; a second claim finds nothing. */
  claim: (db: Q, tokenHash: string, purpose: Database['email_token']['purpose'], now: Date) =>
    db
      .updateTable('email_token')
      .set({ used_at: now })
      .where('token_hash', '=', tokenHash)
      .where('purpose', '=', purpose)
      .where('used_at', 'is', null)
      .where('expires_at', '>', now)
      .returning('person_id')
      .executeTakeFirst(),
  deleteAllOf: (db: Q, personId: string) =>
    db.deleteFrom('email_token').where('person_id', '=', personId).execute(),
  /** Whose token this is, to check a new password against their address before claiming it. */
  holder: (db: Q, tokenHash: string) =>
    db
      .selectFrom('email_token')
      .innerJoin('person', 'person.id', 'email_token.person_id')
      .select(['person.email'])
      .where('token_hash', '=', tokenHash)
      .executeTakeFirst(),
};

/** Everything held about a person across clusters, for export and erasure. */
export const personDataRepo = {
  roles: (db: Q, personId: string) =>
    db
      .selectFrom('cluster_role')
      .innerJoin('cluster', 'cluster.id', 'cluster_role.cluster_id')
      .select([
        'cluster.id as clusterId',
        'cluster.slug',
        'cluster.name',
        'cluster.default_locale',
        'cluster_role.role',
        'cluster_role.granted_at',
      ])
      .where('cluster_role.person_id', '=', personId)
      .orderBy('cluster.slug')
      .execute(),
  mandates: (db: Q, personId: string) =>
    db
      .selectFrom('representative_mandate as m')
      .innerJoin('organisation as o', (join) =>
        join.onRef('o.cluster_id', '=', 'm.cluster_id').onRef('o.id', '=', 'm.organisation_id'),
      )
      .innerJoin('cluster', 'cluster.id', 'm.cluster_id')
      .select([
        'm.id',
        'cluster.slug',
        'o.name as organisation',
        'm.mandate',
        'm.starts_on',
        'm.ends_on',
        'm.revoked_at',
      ])
      .where('m.person_id', '=', personId)
      .execute(),
  invitationsTo: (db: Q, email: string) =>
    db
      .selectFrom('invitation')
      .innerJoin('cluster', 'cluster.id', 'invitation.cluster_id')
      .select([
        'invitation.id',
        'cluster.slug',
        'invitation.role',
        'invitation.created_at',
        'invitation.accepted_at',
      ])
      .where('invitation.email', '=', email)
      .execute(),
  mails: (db: Q, personId: string, email: string) =>
    db
      .selectFrom('mail_outbox')
      .select(['id', 'subject', 'created_at', 'sent_at'])
      .where((eb) => eb.or([eb('person_id', '=', personId), eb('to_address', '=', email)]))
      .orderBy('created_at', 'desc')
      .limit(1000)
      .execute(),
  soleCoordinatorOf: (db: Q, personId: string) =>
    db
      .selectFrom('cluster_role as mine')
      .innerJoin('cluster', 'cluster.id', 'mine.cluster_id')
      .select(['cluster.name'])
      .where('mine.person_id', '=', personId)
      .where('mine.role', '=', 'coordinator')
      .where((eb) =>
        eb.not(
          eb.exists(
            eb
              .selectFrom('cluster_role as other')
              .select('other.person_id')
              .whereRef('other.cluster_id', '=', 'mine.cluster_id')
              .where('other.role', '=', 'coordinator')
              .whereRef('other.person_id', '<>', 'mine.person_id'),
          ),
        ),
      )
      .executeTakeFirst(),
  /**
   * Locks the coordinator rows of every cluster the person coordinates (in cluster order, as role
   * changes do) and names one where they are the only coordinator, if any.
   */
  soleCoordinatorOfLocked: async (db: Q, personId: string) => {
    const rows = await db
      .selectFrom('cluster_role')
      .select(['cluster_id', 'person_id'])
      .where('role', '=', 'coordinator')
      .where('cluster_id', 'in', (eb) =>
        eb
          .selectFrom('cluster_role as mine')
          .select('mine.cluster_id')
          .where('mine.person_id', '=', personId)
          .where('mine.role', '=', 'coordinator'),
      )
      .orderBy('cluster_id')
      .orderBy('person_id')
      .forUpdate()
      .execute();
    const countByCluster = new Map<string, number>();
    for (const row of rows) countByCluster.set(row.cluster_id, (countByCluster.get(row.cluster_id) ?? 0) + 1);
    const soleClusterId = [...countByCluster].find(([, count]) => count === 1)?.[0];
    if (!soleClusterId) return undefined;
    return db.selectFrom('cluster').select('name').where('id', '=', soleClusterId).executeTakeFirst();
  },

  clustersOf: (db: Q, personId: string) =>
    db
      .selectFrom('cluster_role')
      .select('cluster_id')
      .distinct()
      .where('person_id', '=', personId)
      .orderBy('cluster_id')
      .execute(),
  removeFromClusters: async (db: Q, personId: string, email: string, at: Date) => {
    await db.deleteFrom('cluster_role').where('person_id', '=', personId).execute();
    await db
      .updateTable('representative_mandate')
      .set({ revoked_at: at })
      .where('person_id', '=', personId)
      .where('revoked_at', 'is', null)
      .execute();
    await db.deleteFrom('invitation').where('email', '=', email).where('accepted_at', 'is', null).execute();
    // Accepted invitations stay as a record of who let whom in, without the address.
    await db
      .updateTable('invitation')
      .set({ email: '' })
      .where((eb) => eb.or([eb('accepted_by', '=', personId), eb('email', '=', email)]))
      .execute();
    await db
      .deleteFrom('mail_outbox')
      .where((eb) => eb.or([eb('person_id', '=', personId), eb('to_address', '=', email)]))
      .execute();
  },
};
