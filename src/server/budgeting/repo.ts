/** SQL for budgets, their projects, voting codes, ballots and results. Scoped by cluster. */
import { type Kysely, sql } from 'kysely';
import type {
  BudgetBallotTable,
  BudgetProjectTable,
  BudgetResultTable,
  BudgetTable,
  BudgetVotingCodeTable,
  Database,
} from '../platform/database.ts';

type Q = Kysely<Database>;

/** Rows per INSERT when a Pabulib file brings tens of thousands of ballots (PostgreSQL allows 65,535 parameters). */
const INSERT_CHUNK_ROWS = 2_000;

/** jsonb values go in as JSON text: the driver would turn a JavaScript array into a PostgreSQL array. */
export const jsonb = (value: unknown) =>
  value === null || value === undefined ? null : JSON.stringify(value);

export const budgetRepo = {
  insert: (db: Q, row: BudgetTable) =>
    db
      .insertInto('budget')
      .values({ ...row, pabulib: jsonb(row.pabulib) })
      .execute(),

  find: (db: Q, clusterId: string, id: string) =>
    db
      .selectFrom('budget')
      .selectAll()
      .where('cluster_id', '=', clusterId)
      .where('id', '=', id)
      .executeTakeFirst(),

  /** Locks the budget against a concurrent change of its state; ballots take the shared lock. */
  lock: (db: Q, clusterId: string, id: string, mode: 'update' | 'share') => {
    const query = db
      .selectFrom('budget')
      .selectAll()
      .where('cluster_id', '=', clusterId)
      .where('id', '=', id);
    return (mode === 'update' ? query.forUpdate() : query.forShare()).executeTakeFirst();
  },

  update: (db: Q, clusterId: string, id: string, patch: Partial<BudgetTable>) =>
    db
      .updateTable('budget')
      .set({ ...patch, ...('pabulib' in patch ? { pabulib: jsonb(patch.pabulib) } : {}) })
      .where('cluster_id', '=', clusterId)
      .where('id', '=', id)
      .returningAll()
      .executeTakeFirstOrThrow(),

  /** Newest first; drafts only for those who manage budgets. */
  list: (
    db: Q,
    clusterId: string,
    filter: { includeDrafts: boolean; processId?: string },
    after: [string, string] | null,
    limit: number,
  ) =>
    db
      .selectFrom('budget')
      .selectAll()
      .where('cluster_id', '=', clusterId)
      .$if(!filter.includeDrafts, (qb) => qb.where('status', '<>', 'draft'))
      .$if(filter.processId !== undefined, (qb) => qb.where('process_id', '=', filter.processId as string))
      .$if(after !== null, (qb) =>
        qb.where(sql<boolean>`(created_at, id) < (${after?.[0]}::timestamptz, ${after?.[1]}::uuid)`),
      )
      .orderBy('created_at', 'desc')
      .orderBy('id', 'desc')
      .limit(limit + 1)
      .execute(),
};

export const projectRepo = {
  insertMany: async (db: Q, rows: readonly BudgetProjectTable[]) => {
    for (let start = 0; start < rows.length; start += INSERT_CHUNK_ROWS) {
      await db
        .insertInto('budget_project')
        .values(
          rows
            .slice(start, start + INSERT_CHUNK_ROWS)
            .map((row) => ({ ...row, pabulib_fields: jsonb(row.pabulib_fields) })),
        )
        .execute();
    }
  },

  find: (db: Q, clusterId: string, budgetId: string, id: string) =>
    db
      .selectFrom('budget_project')
      .selectAll()
      .where('cluster_id', '=', clusterId)
      .where('budget_id', '=', budgetId)
      .where('id', '=', id)
      .executeTakeFirst(),

  /** Every project of the budget in its order (a budget holds at most MAX_PROJECTS). */
  all: (db: Q, clusterId: string, budgetId: string) =>
    db
      .selectFrom('budget_project')
      .selectAll()
      .where('cluster_id', '=', clusterId)
      .where('budget_id', '=', budgetId)
      .orderBy('position')
      .orderBy('id')
      .execute(),

  page: (db: Q, clusterId: string, budgetId: string, after: [number, string] | null, limit: number) =>
    db
      .selectFrom('budget_project')
      .selectAll()
      .where('cluster_id', '=', clusterId)
      .where('budget_id', '=', budgetId)
      .$if(after !== null, (qb) =>
        qb.where(sql<boolean>`(position, id) > (${after?.[0]}, ${after?.[1]}::uuid)`),
      )
      .orderBy('position')
      .orderBy('id')
      .limit(limit + 1)
      .execute(),

  count: async (db: Q, clusterId: string, budgetId: string) =>
    Number(
      (
        await db
          .selectFrom('budget_project')
          .select((eb) => eb.fn.countAll().as('count'))
          .where('cluster_id', '=', clusterId)
          .where('budget_id', '=', budgetId)
          .executeTakeFirstOrThrow()
      ).count,
    ),

  nextPosition: async (db: Q, clusterId: string, budgetId: string) =>
    Number(
      (
        await db
          .selectFrom('budget_project')
          .select(sql<number>`coalesce(max(position), 0) + 1`.as('next'))
          .where('cluster_id', '=', clusterId)
          .where('budget_id', '=', budgetId)
          .executeTakeFirstOrThrow()
      ).next,
    ),

  update: (db: Q, clusterId: string, budgetId: string, id: string, patch: Partial<BudgetProjectTable>) =>
    db
      .updateTable('budget_project')
      .set(patch)
      .where('cluster_id', '=', clusterId)
      .where('budget_id', '=', budgetId)
      .where('id', '=', id)
      .returningAll()
      .executeTakeFirstOrThrow(),

  delete: (db: Q, clusterId: string, budgetId: string, id: string) =>
    db
      .deleteFrom('budget_project')
      .where('cluster_id', '=', clusterId)
      .where('budget_id', '=', budgetId)
      .where('id', '=', id)
      .execute(),
};

export const ballotRepo = {
  insertMany: async (db: Q, rows: readonly BudgetBallotTable[]) => {
    for (let start = 0; start < rows.length; start += INSERT_CHUNK_ROWS) {
      await db
        .insertInto('budget_ballot')
        .values(
          rows
            .slice(start, start + INSERT_CHUNK_ROWS)
            .map((row) => ({ ...row, pabulib_fields: jsonb(row.pabulib_fields) })),
        )
        .execute();
    }
  },

  /** A voter's one current ballot: the first cast inserts it, every later one replaces its choices. */
  upsertVoters: (db: Q, row: BudgetBallotTable) =>
    db
      .insertInto('budget_ballot')
      .values({ ...row, pabulib_fields: null })
      .onConflict((oc) =>
        oc.columns(['cluster_id', 'budget_id', 'voter_id']).doUpdateSet({
          project_ids: row.project_ids,
          points: row.points,
          updated_at: row.updated_at,
        }),
      )
      .returningAll()
      .executeTakeFirstOrThrow(),

  ofVoter: (db: Q, clusterId: string, budgetId: string, voterId: string) =>
    db
      .selectFrom('budget_ballot')
      .select(['project_ids', 'points', 'cast_at', 'updated_at'])
      .where('cluster_id', '=', clusterId)
      .where('budget_id', '=', budgetId)
      .where('voter_id', '=', voterId)
      .executeTakeFirst(),

  /** Every ballot's choices, for counting; imported ones first in their file order. */
  choices: (db: Q, clusterId: string, budgetId: string) =>
    db
      .selectFrom('budget_ballot')
      .select(['project_ids', 'points'])
      .where('cluster_id', '=', clusterId)
      .where('budget_id', '=', budgetId)
      .orderBy('position')
      .orderBy('id')
      .execute(),

  /**
   * Every ballot for an export: imported ones in their file order, then Kopa's in an order that says
   * nothing about when they were cast.
   */
  forExport: (db: Q, clusterId: string, budgetId: string) =>
    db
      .selectFrom('budget_ballot')
      .select(['pabulib_voter_id', 'pabulib_fields', 'project_ids', 'points'])
      .where('cluster_id', '=', clusterId)
      .where('budget_id', '=', budgetId)
      .orderBy(sql`position nulls last`)
      .orderBy(sql`md5(id::text)`)
      .execute(),

  count: async (db: Q, clusterId: string, budgetId: string) =>
    Number(
      (
        await db
          .selectFrom('budget_ballot')
          .select((eb) => eb.fn.countAll().as('count'))
          .where('cluster_id', '=', clusterId)
          .where('budget_id', '=', budgetId)
          .executeTakeFirstOrThrow()
      ).count,
    ),

  namesProject: async (db: Q, clusterId: string, budgetId: string, projectId: string) =>
    (await db
      .selectFrom('budget_ballot')
      .select('id')
      .where('cluster_id', '=', clusterId)
      .where('budget_id', '=', budgetId)
      .where(sql<boolean>`${projectId}::uuid = any(project_ids)`)
      .limit(1)
      .executeTakeFirst()) !== undefined,
};

export const votingCodeRepo = {
  insertMany: (db: Q, rows: readonly BudgetVotingCodeTable[]) =>
    db
      .insertInto('budget_voting_code')
      .values([...rows])
      .execute(),

  /** Locks the code, so two helpers entering it at once cannot both use it. */
  lockByHash: (db: Q, clusterId: string, budgetId: string, codeHash: string) =>
    db
      .selectFrom('budget_voting_code')
      .selectAll()
      .where('cluster_id', '=', clusterId)
      .where('budget_id', '=', budgetId)
      .where('code_hash', '=', codeHash)
      .forUpdate()
      .executeTakeFirst(),

  markUsed: (db: Q, clusterId: string, id: string, usedBy: string, at: Date) =>
    db
      .updateTable('budget_voting_code')
      .set({ used_at: at, used_by: usedBy })
      .where('cluster_id', '=', clusterId)
      .where('id', '=', id)
      .where('used_at', 'is', null)
      .execute(),

  counts: async (db: Q, clusterId: string, budgetId: string) => {
    const row = await db
      .selectFrom('budget_voting_code')
      .select([
        (eb) => eb.fn.countAll().as('issued'),
        sql<string>`count(*) filter (where used_at is not null)`.as('used'),
      ])
      .where('cluster_id', '=', clusterId)
      .where('budget_id', '=', budgetId)
      .executeTakeFirstOrThrow();
    return { issued: Number(row.issued), used: Number(row.used) };
  },
};

export const resultRepo = {
  insert: (db: Q, row: BudgetResultTable) =>
    db
      .insertInto('budget_result')
      .values({ ...row, explanation: jsonb(row.explanation) })
      .execute(),

  find: (db: Q, clusterId: string, budgetId: string) =>
    db
      .selectFrom('budget_result')
      .selectAll()
      .where('cluster_id', '=', clusterId)
      .where('budget_id', '=', budgetId)
      .executeTakeFirst(),
};

export const voterRepo = {
  /** Whether the person confirmed their e-mail address: what makes a member a verified voter. */
  hasVerifiedEmail: async (db: Q, personId: string) =>
    (await db
      .selectFrom('person')
      .select('id')
      .where('id', '=', personId)
      .where('email_verified_at', 'is not', null)
      .where('erased_at', 'is', null)
      .executeTakeFirst()) !== undefined,
};
