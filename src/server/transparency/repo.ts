/** SQL for reading the audit chains, their signed heads and the signing keys. */
import type { Kysely } from 'kysely';
import type { Database } from '../platform/database.ts';

type Q = Kysely<Database>;

export const auditRepo = {
  page: (db: Q, clusterId: string, afterSeq: number, limit: number) =>
    db
      .selectFrom('audit_event')
      .selectAll()
      .where('cluster_id', '=', clusterId)
      .where('seq', '>', afterSeq)
      .orderBy('seq')
      .limit(limit + 1)
      .execute(),

  /** Newest first, public events only, for the transparency page. */
  recentPublic: (db: Q, clusterId: string, beforeSeq: number | null, limit: number) =>
    db
      .selectFrom('audit_event')
      .selectAll()
      .where('cluster_id', '=', clusterId)
      .where('is_public', '=', true)
      .$if(beforeSeq !== null, (qb) => qb.where('seq', '<', beforeSeq as number))
      .orderBy('seq', 'desc')
      .limit(limit + 1)
      .execute(),

  head: (db: Q, clusterId: string) =>
    db.selectFrom('audit_head').selectAll().where('cluster_id', '=', clusterId).executeTakeFirst(),

  key: (db: Q, keyId: string) =>
    db.selectFrom('audit_signing_key').selectAll().where('key_id', '=', keyId).executeTakeFirst(),

  keys: (db: Q) => db.selectFrom('audit_signing_key').selectAll().orderBy('created_at').limit(100).execute(),

  clusters: (db: Q, slug?: string) =>
    db
      .selectFrom('cluster')
      .select(['id', 'slug'])
      .$if(slug !== undefined, (qb) => qb.where('slug', '=', slug as string))
      .orderBy('slug')
      .execute(),
};
