/** SQL for participatory processes and their phases. Scoped by cluster. */
import type { Kysely } from 'kysely';
import { jsonArrayFrom } from 'kysely/helpers/postgres';
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

  /** The process with its phases in order, in one round trip: every participation request starts with it. */
  findWithPhases: async (db: Q, clusterId: string, id: string) => {
    const row = await db
      .selectFrom('participatory_process as process')
      .selectAll('process')
      .select((eb) =>
        jsonArrayFrom(
          eb
            .selectFrom('process_phase')
            .selectAll('process_phase')
            .whereRef('process_phase.cluster_id', '=', 'process.cluster_id')
            .whereRef('process_phase.process_id', '=', 'process.id')
            .orderBy('process_phase.starts_at'),
        ).as('phases'),
      )
      .where('process.cluster_id', '=', clusterId)
      .where('process.id', '=', id)
      .executeTakeFirst();
    if (!row) return undefined;
    const { phases, ...process } = row;
    // JSON carries the phases' instants as text.
    const phaseRows: ProcessPhaseTable[] = phases.map((phase) => ({
      ...phase,
      starts_at: new Date(phase.starts_at),
      ends_at: new Date(phase.ends_at),
    }));
    return { process: process as ParticipatoryProcessTable, phases: phaseRows };
  },

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
