/** SQL for organisations, their membership history and their representatives. Scoped by cluster. */
import { type Kysely, sql } from 'kysely';
import type { Database, OrganisationTable } from '../platform/database.ts';
import { containsInFolded } from '../platform/text-match.ts';

type Q = Kysely<Database>;

export interface DirectoryFilter {
  readonly statuses: readonly string[];
  readonly sector?: string;
  readonly search?: string;
}

export const organisationRepo = {
  insert: (db: Q, row: OrganisationTable) => db.insertInto('organisation').values(row).execute(),

  find: (db: Q, clusterId: string, id: string) =>
    db
      .selectFrom('organisation')
      .selectAll()
      .where('cluster_id', '=', clusterId)
      .where('id', '=', id)
      .executeTakeFirst(),

  /** Locks the organisation for a membership change, so two changes cannot cross. */
  findForUpdate: (db: Q, clusterId: string, id: string) =>
    db
      .selectFrom('organisation')
      .selectAll()
      .where('cluster_id', '=', clusterId)
      .where('id', '=', id)
      .forUpdate()
      .executeTakeFirst(),

  update: (db: Q, clusterId: string, id: string, patch: Partial<OrganisationTable>) =>
    db
      .updateTable('organisation')
      .set(patch)
      .where('cluster_id', '=', clusterId)
      .where('id', '=', id)
      .returningAll()
      .executeTakeFirstOrThrow(),

  directory: (
    db: Q,
    clusterId: string,
    filter: DirectoryFilter,
    after: [string, string] | null,
    limit: number,
  ) =>
    db
      .selectFrom('organisation')
      .select([
        'id',
        'name',
        'legal_form',
        'sector',
        'country',
        'membership_status',
        'member_since',
        'vote_weight',
      ])
      .where('cluster_id', '=', clusterId)
      .where('membership_status', 'in', filter.statuses)
      .$if(filter.sector !== undefined, (qb) => qb.where('sector', '=', filter.sector as string))
      .$if(filter.search !== undefined, (qb) =>
        qb.where(containsInFolded('name_folded', filter.search as string)),
      )
      .$if(after !== null, (qb) => qb.where(sql<boolean>`(name, id) > (${after?.[0]}, ${after?.[1]}::uuid)`))
      .orderBy('name')
      .orderBy('id')
      .limit(limit + 1)
      .execute(),
};

export const membershipRepo = {
  insertTransition: (db: Q, row: Database['membership_transition']) =>
    db.insertInto('membership_transition').values(row).execute(),

  history: (db: Q, clusterId: string, organisationId: string) =>
    db
      .selectFrom('membership_transition')
      .select(['id', 'from_status', 'to_status', 'effective_on', 'reason', 'recorded_at'])
      .where('cluster_id', '=', clusterId)
      .where('organisation_id', '=', organisationId)
      .orderBy('recorded_at')
      .limit(200)
      .execute(),
};

/**
 * A representative mandate, read as `m`, in force on the day: not revoked, begun and not ended.
 * Who may act for an organisation (pay from its wallet, enter its invoices, answer for it) is
 * decided by this one condition wherever it is asked.
 */
export const mandateInForceOn = (day: string) =>
  sql<boolean>`m.revoked_at is null and m.starts_on <= ${day} and (m.ends_on is null or m.ends_on >= ${day})`;

export const mandateRepo = {
  insert: (db: Q, row: Database['representative_mandate']) =>
    db.insertInto('representative_mandate').values(row).execute(),

  revoke: (db: Q, clusterId: string, organisationId: string, id: string, at: Date) =>
    db
      .updateTable('representative_mandate')
      .set({ revoked_at: at })
      .where('cluster_id', '=', clusterId)
      .where('organisation_id', '=', organisationId)
      .where('id', '=', id)
      .where('revoked_at', 'is', null)
      .returning(['person_id'])
      .executeTakeFirst(),

  hasActive: async (db: Q, clusterId: string, personId: string, today: string) =>
    (await db
      .selectFrom('representative_mandate')
      .select('id')
      .where('cluster_id', '=', clusterId)
      .where('person_id', '=', personId)
      .where('revoked_at', 'is', null)
      .where((eb) => eb.or([eb('ends_on', 'is', null), eb('ends_on', '>=', today)]))
      .executeTakeFirst()) !== undefined,

  ofOrganisation: (db: Q, clusterId: string, organisationId: string) =>
    db
      .selectFrom('representative_mandate as m')
      .innerJoin('person', 'person.id', 'm.person_id')
      .select([
        'm.id',
        'm.person_id',
        'person.display_name',
        'm.mandate',
        'm.starts_on',
        'm.ends_on',
        'm.revoked_at',
      ])
      .where('m.cluster_id', '=', clusterId)
      .where('m.organisation_id', '=', organisationId)
      .orderBy('m.starts_on', 'desc')
      .limit(100)
      .execute(),
};
