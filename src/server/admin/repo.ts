/** SQL for instance administration: the mail outbox. */
import { type Kysely, sql } from 'kysely';
import type { Database } from '../platform/database.ts';

export const outboxRepo = {
  /** Newest first, keyset-paginated on (created_at, id). */
  page: (db: Kysely<Database>, after: [string, string] | null, limit: number) =>
    db
      .selectFrom('mail_outbox')
      .select(['id', 'to_address', 'subject', 'body_text', 'created_at', 'sent_at', 'delivered_via', 'error'])
      .$if(after !== null, (qb) =>
        qb.where(sql<boolean>`(created_at, id) < (${after?.[0]}::timestamptz, ${after?.[1]}::uuid)`),
      )
      .orderBy('created_at', 'desc')
      .orderBy('id', 'desc')
      .limit(limit + 1)
      .execute(),
};
