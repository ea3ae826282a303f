/** SQL for participatory processes and their phases. Scoped by cluster. */
import type { Kysely } from 'kysely';
import type { Database, ParticipatoryProcessTable, ProcessPhaseTable } from '../platform/database.ts';

type Q = Kysely<Database>;

export const processRepo = {
  insert: (db: Q, row: ParticipatoryProcessTable) =>
    db.insertInto('participatory_process').values(row).execute(),

  find: (db: Q, clusterId: string, id: string) =>
    db
      .selectFrom('participatory_process')
      .selectAll()
      .where('cluster_id', '=', clusterId)
      .where('id', '=', id)
      .executeTakeFirst(),

  update: (db: Q, clusterId: string, id: string, patch: Partial<ParticipatoryProcessTable>) =>
    db
      .updateTable('participatory_process')
      .set(patch)
      .where('cluster_id', '=', clusterId)
      .where('id', '=', id)
      .returningAll()
      .executeTakeFirst(),

  /** Newest first. */
  list: (db: Q, clusterId: string, beforeId: string | null, limit: number) =>
    db
      .selectFrom('participatory_process')
      .select([
        'id',
        'title',
        'easy_read_summary',
        'participation_level',
        'who_may_take_part',
        'project_link',
        'created_at',
      ])
      .where('cluster_id', '=', clusterId)
      .$if(beforeId !== null, (qb) => qb.where('id', '<', beforeId as string))
      .orderBy('id', 'desc')
      .limit(limit + 1)
      .execute(),
};

export const phaseRepo = {
  ofProcesses: (db: Q, clusterId: string, processIds: readonly string[]) =>
    processIds.length === 0
      ? Promise.resolve([] as ProcessPhaseTable[])
      : db
          .selectFrom('process_phase')
          .selectAll()
          .where('cluster_id', '=', clusterId)
          .where('process_id', 'in', processIds)
          .orderBy('starts_at')
          .execute(),

  replace: async (db: Q, clusterId: string, processId: string, phases: readonly ProcessPhaseTable[]) => {
    await db
      .deleteFrom('process_phase')
      .where('cluster_id', '=', clusterId)
      .where('process_id', '=', processId)
      .execute();
    if (phases.length > 0)
      await db
        .insertInto('process_phase')
        .values([...phases])
        .execute();
  },
};
