/** SQL for accountability results and their milestones. Scoped by cluster. */
import type { Kysely } from 'kysely';
import type { AccountabilityResultTable, Database, ResultMilestoneTable } from '../platform/database.ts';

type Q = Kysely<Database>;

export const resultRepo = {
  /** Inserts unless the source already has a result; returns the source's result either way. */
  insertOnce: async (db: Q, row: AccountabilityResultTable) => {
    const inserted = await db
      .insertInto('accountability_result')
      .values(row)
      .onConflict((oc) => oc.columns(['cluster_id', 'source_kind', 'source_id']).doNothing())
      .returningAll()
      .executeTakeFirst();
    if (inserted) return { row: inserted, isNew: true };
    const existing = await resultRepo.findBySource(db, row.cluster_id, row.source_kind, row.source_id);
    if (!existing) throw new Error('result vanished between insert and read');
    return { row: existing, isNew: false };
  },

  findBySource: (db: Q, clusterId: string, sourceKind: string, sourceId: string) =>
    db
      .selectFrom('accountability_result')
      .selectAll()
      .where('cluster_id', '=', clusterId)
      .where('source_kind', '=', sourceKind as AccountabilityResultTable['source_kind'])
      .where('source_id', '=', sourceId)
      .executeTakeFirst(),

  findByBudgetProject: (db: Q, clusterId: string, projectId: string) =>
    db
      .selectFrom('accountability_result')
      .selectAll()
      .where('cluster_id', '=', clusterId)
      .where('budget_project_id', '=', projectId)
      .executeTakeFirst(),

  /** Ties the proposal's result to a funded project unless a project already carries it. */
  linkProject: (db: Q, clusterId: string, proposalId: string, projectId: string, at: Date) =>
    db
      .updateTable('accountability_result')
      .set({ budget_project_id: projectId, updated_at: at })
      .where('cluster_id', '=', clusterId)
      .where('source_kind', '=', 'proposal')
      .where('source_id', '=', proposalId)
      .where('budget_project_id', 'is', null)
      .returningAll()
      .executeTakeFirst(),

  find: (db: Q, clusterId: string, processId: string, id: string) =>
    db
      .selectFrom('accountability_result')
      .selectAll()
      .where('cluster_id', '=', clusterId)
      .where('process_id', '=', processId)
      .where('id', '=', id)
      .executeTakeFirst(),

  findForUpdate: (db: Q, clusterId: string, processId: string, id: string) =>
    db
      .selectFrom('accountability_result')
      .selectAll()
      .where('cluster_id', '=', clusterId)
      .where('process_id', '=', processId)
      .where('id', '=', id)
      .forUpdate()
      .executeTakeFirst(),

  update: (db: Q, clusterId: string, id: string, patch: Partial<AccountabilityResultTable>) =>
    db
      .updateTable('accountability_result')
      .set(patch)
      .where('cluster_id', '=', clusterId)
      .where('id', '=', id)
      .execute(),

  page: (db: Q, clusterId: string, processId: string, afterId: string | null, limit: number) =>
    db
      .selectFrom('accountability_result')
      .selectAll()
      .where('cluster_id', '=', clusterId)
      .where('process_id', '=', processId)
      .$if(afterId !== null, (qb) => qb.where('id', '>', afterId as string))
      .orderBy('id')
      .limit(limit + 1)
      .execute(),
};

export const milestoneRepo = {
  insert: (db: Q, row: ResultMilestoneTable) => db.insertInto('result_milestone').values(row).execute(),

  /** The public timeline, oldest first; bounded (a result rarely has more than a few dozen). */
  timeline: (db: Q, clusterId: string, resultId: string) =>
    db
      .selectFrom('result_milestone')
      .selectAll()
      .where('cluster_id', '=', clusterId)
      .where('result_id', '=', resultId)
      .orderBy('happened_on')
      .orderBy('id')
      .limit(500)
      .execute(),
};
