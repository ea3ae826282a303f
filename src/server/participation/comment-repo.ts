/** SQL for comment threads and abuse reports. Scoped by cluster. */
import { type Kysely, sql } from 'kysely';
import type { ContentReportTable, Database, ProposalCommentTable } from '../platform/database.ts';

type Q = Kysely<Database>;

export const commentRepo = {
  insert: (db: Q, row: ProposalCommentTable) => db.insertInto('proposal_comment').values(row).execute(),

  find: (db: Q, clusterId: string, proposalId: string, id: string) =>
    db
      .selectFrom('proposal_comment')
      .selectAll()
      .where('cluster_id', '=', clusterId)
      .where('proposal_id', '=', proposalId)
      .where('id', '=', id)
      .executeTakeFirst(),

  /** A page of the proposal's threads in reading order (each reply under its parent). */
  page: (db: Q, clusterId: string, proposalId: string, afterPath: string | null, limit: number) =>
    db
      .selectFrom('proposal_comment as c')
      .innerJoin('person', 'person.id', 'c.author_id')
      .select([
        'c.id',
        'c.parent_id',
        'c.path',
        'c.depth',
        'c.author_id',
        'person.display_name as author_name',
        'c.body',
        'c.alignment',
        'c.created_at',
        'c.hidden_at',
        'c.hidden_reason',
        'c.hidden_note',
      ])
      .where('c.cluster_id', '=', clusterId)
      .where('c.proposal_id', '=', proposalId)
      .$if(afterPath !== null, (qb) => qb.where('c.path', '>', afterPath as string))
      .orderBy('c.path')
      .limit(limit + 1)
      .execute(),

  hide: (db: Q, clusterId: string, id: string, hidden: { at: Date; reason: string; note: string }) =>
    db
      .updateTable('proposal_comment')
      .set({ hidden_at: hidden.at, hidden_reason: hidden.reason, hidden_note: hidden.note })
      .where('cluster_id', '=', clusterId)
      .where('id', '=', id)
      .where('hidden_at', 'is', null)
      .executeTakeFirst(),
};

export const reportRepo = {
  /** False when the person already reported the same thing. */
  insert: async (db: Q, row: ContentReportTable) =>
    Number(
      (
        await db
          .insertInto('content_report')
          .values(row)
          .onConflict((oc) => oc.doNothing())
          .executeTakeFirst()
      ).numInsertedOrUpdatedRows ?? 0,
    ) > 0,

  /** Newest first, with what was reported and whether it is hidden by now. */
  page: (db: Q, clusterId: string, beforeId: string | null, limit: number) =>
    db
      .selectFrom('content_report as r')
      .innerJoin('proposal as p', (join) =>
        join.onRef('p.cluster_id', '=', 'r.cluster_id').onRef('p.id', '=', 'r.proposal_id'),
      )
      .leftJoin('proposal_comment as c', (join) =>
        join.onRef('c.cluster_id', '=', 'r.cluster_id').onRef('c.id', '=', 'r.comment_id'),
      )
      .select([
        'r.id',
        'r.proposal_id',
        'p.process_id',
        'p.title as proposal_title',
        'r.comment_id',
        'c.body as comment_body',
        'r.reason',
        'r.details',
        'r.created_at',
        sql<boolean>`coalesce(c.hidden_at, p.hidden_at) is not null`.as('is_hidden'),
      ])
      .where('r.cluster_id', '=', clusterId)
      .$if(beforeId !== null, (qb) => qb.where('r.id', '<', beforeId as string))
      .orderBy('r.id', 'desc')
      .limit(limit + 1)
      .execute(),
};
