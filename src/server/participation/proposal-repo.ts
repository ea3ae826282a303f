/** SQL for proposals, their authors and supports. Scoped by cluster. */
import { type Kysely, sql } from 'kysely';
import type { Database, ProposalTable } from '../platform/database.ts';

type Q = Kysely<Database>;

export const PROPOSAL_SORTS = ['newest', 'support', 'random'] as const;
export type ProposalSort = (typeof PROPOSAL_SORTS)[number];

export interface ProposalFilter {
  readonly category?: string;
  /** Without a state, every proposal but the withdrawn ones. */
  readonly state?: string;
  readonly includeHidden: boolean;
}

export type ProposalOrder =
  | { readonly sort: 'newest'; readonly after: [string] | null }
  | { readonly sort: 'support'; readonly after: [number, string] | null }
  | { readonly sort: 'random'; readonly seed: number; readonly after: [number, string] | null };

/**
 * The seeded random order goes round a circle: each proposal's `shuffle_key` is its place on it,
 * drawn by the database when the proposal is inserted (migration 0015; it is not in the table's
 * type, as nothing but this order reads or writes it), and the seed picks where the list starts.
 */
const SHUFFLE_KEYS = 2 ** 31;

/** Where a seed starts on the circle: the high bits of a multiplicative hash, so near seeds start far apart. */
const shuffleStart = (seed: number) => Math.imul(seed, 0x9e3779b1) >>> 1;

/** A key's place in the order that starts at `start`: its distance round the circle. */
const shufflePosition = (key: number, start: number) => (key - start + SHUFFLE_KEYS) % SHUFFLE_KEYS;

export interface ListedProposal {
  readonly id: string;
  readonly title: string;
  readonly category: string;
  readonly state: string;
  readonly support_count: number;
  readonly comment_count: number;
  readonly estimated_cost_cents: number | null;
  readonly location_text: string;
  readonly published_at: Date;
  readonly hidden_at: Date | null;
  readonly author_name: string;
  readonly has_supported: boolean;
  /** In the seeded random order: the row's place in it, for the cursor. */
  readonly shuffle_position?: number;
}

/** The filter's conditions on `proposal as p`. */
function matching(filter: ProposalFilter) {
  const conditions = [
    filter.state !== undefined ? sql`p.state = ${filter.state}` : sql`p.state <> 'withdrawn'`,
    ...(filter.category !== undefined ? [sql`p.category = ${filter.category}`] : []),
    ...(filter.includeHidden ? [] : [sql`p.hidden_at is null`]),
  ];
  return sql<boolean>`${sql.join(conditions, sql` and `)}`;
}

export const proposalRepo = {
  insert: (db: Q, row: ProposalTable) => db.insertInto('proposal').values(row).execute(),

  find: (db: Q, clusterId: string, processId: string, id: string) =>
    db
      .selectFrom('proposal')
      .selectAll()
      .where('cluster_id', '=', clusterId)
      .where('process_id', '=', processId)
      .where('id', '=', id)
      .executeTakeFirst(),

  /** Locks the proposal: supports, comments, answers and edits of one proposal go one at a time. */
  findForUpdate: (db: Q, clusterId: string, processId: string, id: string) =>
    db
      .selectFrom('proposal')
      .selectAll()
      .where('cluster_id', '=', clusterId)
      .where('process_id', '=', processId)
      .where('id', '=', id)
      .forUpdate()
      .executeTakeFirst(),

  update: (db: Q, clusterId: string, id: string, patch: Partial<ProposalTable>) =>
    db.updateTable('proposal').set(patch).where('cluster_id', '=', clusterId).where('id', '=', id).execute(),

  addToCounts: (db: Q, clusterId: string, id: string, counts: { supports?: number; comments?: number }) =>
    db
      .updateTable('proposal')
      .set((eb) => ({
        support_count: eb('support_count', '+', counts.supports ?? 0),
        comment_count: eb('comment_count', '+', counts.comments ?? 0),
      }))
      .where('cluster_id', '=', clusterId)
      .where('id', '=', id)
      .returning(['support_count', 'comment_count'])
      .executeTakeFirstOrThrow(),

  /**
   * One page of a process's proposals in the asked order, by keyset; fetches one extra row. With a
   * viewer, each row says whether she supports it.
   */
  list: async (
    db: Q,
    clusterId: string,
    processId: string,
    filter: ProposalFilter,
    order: ProposalOrder,
    limit: number,
    viewerId: string | null,
  ): Promise<ListedProposal[]> => {
    const query = db
      .selectFrom('proposal as p')
      .innerJoin('person', 'person.id', 'p.author_id')
      .select((eb) => [
        'p.id',
        'p.title',
        'p.category',
        'p.state',
        'p.support_count',
        'p.comment_count',
        'p.estimated_cost_cents',
        'p.location_text',
        'p.published_at',
        'p.hidden_at',
        'person.display_name as author_name',
        viewerId === null
          ? sql<boolean>`false`.as('has_supported')
          : eb
              .exists(
                eb
                  .selectFrom('proposal_support as s')
                  .select('s.person_id')
                  // The cluster as a value, not from the row: so the planner may also read the
                  // viewer's supports once through her index and hash them.
                  .where('s.cluster_id', '=', clusterId)
                  .whereRef('s.proposal_id', '=', 'p.id')
                  .where('s.person_id', '=', viewerId),
              )
              .$castTo<boolean>()
              .as('has_supported'),
      ])
      .where('p.cluster_id', '=', clusterId)
      .where('p.process_id', '=', processId)
      .where(matching(filter));
    if (order.sort === 'newest') {
      const after = order.after;
      return query
        .$if(after !== null, (qb) => qb.where('p.id', '<', (after as [string])[0]))
        .orderBy('p.id', 'desc')
        .limit(limit + 1)
        .execute();
    }
    if (order.sort === 'support') {
      const after = order.after;
      return query
        .$if(after !== null, (qb) =>
          qb.where(sql<boolean>`(p.support_count, p.id) < (${after?.[0]}::int, ${after?.[1]}::uuid)`),
        )
        .orderBy('p.support_count', 'desc')
        .orderBy('p.id', 'desc')
        .limit(limit + 1)
        .execute();
    }
    // Round the circle from the seed's start: the keys from the start up, then those below it. Each
    // arc is a range of the shuffle index; the second is read only when a page reaches past the first.
    const start = shuffleStart(order.seed);
    const arcs = [
      { from: start, to: SHUFFLE_KEYS },
      { from: 0, to: start },
    ];
    const after =
      order.after === null
        ? null
        : {
            key: (order.after[0] + start) % SHUFFLE_KEYS,
            id: order.after[1],
            arc: order.after[0] < SHUFFLE_KEYS - start ? 0 : 1,
          };
    const rows: ListedProposal[] = [];
    for (let arc = after?.arc ?? 0; arc < arcs.length && rows.length <= limit; arc++) {
      const { from, to } = arcs[arc] as { from: number; to: number };
      if (from === to) continue;
      const inArc = await query
        .select(sql<number>`p.shuffle_key`.as('shuffle_key'))
        .where(sql<boolean>`p.shuffle_key >= ${from}::bigint and p.shuffle_key < ${to}::bigint`)
        .$if(after !== null && after.arc === arc, (qb) =>
          qb.where(sql<boolean>`(p.shuffle_key, p.id) > (${after?.key}::int, ${after?.id}::uuid)`),
        )
        .orderBy(sql`p.shuffle_key`)
        .orderBy('p.id')
        .limit(limit + 1 - rows.length)
        .execute();
      for (const { shuffle_key, ...row } of inArc)
        rows.push({ ...row, shuffle_position: shufflePosition(shuffle_key, start) });
    }
    return rows;
  },

  /** Proposals of the process whose titles look like the draft's (trigram similarity). */
  similar: (db: Q, clusterId: string, processId: string, title: string, limit: number) =>
    db
      .selectFrom('proposal')
      .select(['id', 'title', 'state', 'support_count', sql<number>`similarity(title, ${title})`.as('score')])
      .where('cluster_id', '=', clusterId)
      .where('process_id', '=', processId)
      .where('hidden_at', 'is', null)
      .where('state', '<>', 'withdrawn')
      .where(sql<boolean>`title % ${title}`)
      .orderBy('score', 'desc')
      .orderBy('id', 'desc')
      .limit(limit)
      .execute(),

  /** How many of the process's visible proposals are in each state: what came of the ideas. */
  countsByState: async (db: Q, clusterId: string, processId: string) =>
    Object.fromEntries(
      (
        await db
          .selectFrom('proposal')
          .select(['state', (eb) => eb.fn.countAll<number>().as('n')])
          .where('cluster_id', '=', clusterId)
          .where('process_id', '=', processId)
          .where('hidden_at', 'is', null)
          .groupBy('state')
          .execute()
      ).map((row) => [row.state, Number(row.n)]),
    ) as Record<string, number>,

  categories: (db: Q, clusterId: string, processId: string) =>
    db
      .selectFrom('proposal')
      .select('category')
      .distinct()
      .where('cluster_id', '=', clusterId)
      .where('process_id', '=', processId)
      .where('category', '<>', '')
      .orderBy('category')
      .limit(100)
      .execute(),
};

export const authorRepo = {
  /** The proposer and the co-authors who accepted, with their names. */
  ofProposal: (db: Q, clusterId: string, proposalId: string, proposerId: string) =>
    db
      .selectFrom('person')
      .leftJoin('proposal_coauthor as c', (join) =>
        join
          .onRef('c.person_id', '=', 'person.id')
          .on('c.cluster_id', '=', clusterId)
          .on('c.proposal_id', '=', proposalId),
      )
      .select(['person.id', 'person.display_name', 'c.accepted_at', 'c.invited_at'])
      .where((eb) => eb.or([eb('person.id', '=', proposerId), eb('c.person_id', 'is not', null)]))
      .orderBy(sql`c.invited_at asc nulls first`)
      .limit(20)
      .execute(),

  invite: (db: Q, row: Database['proposal_coauthor']) =>
    db
      .insertInto('proposal_coauthor')
      .values(row)
      .onConflict((oc) => oc.columns(['cluster_id', 'proposal_id', 'person_id']).doNothing())
      .executeTakeFirst(),

  accept: (db: Q, clusterId: string, proposalId: string, personId: string, at: Date) =>
    db
      .updateTable('proposal_coauthor')
      .set({ accepted_at: at })
      .where('cluster_id', '=', clusterId)
      .where('proposal_id', '=', proposalId)
      .where('person_id', '=', personId)
      .where('accepted_at', 'is', null)
      .executeTakeFirst(),

  remove: (db: Q, clusterId: string, proposalId: string, personId: string) =>
    db
      .deleteFrom('proposal_coauthor')
      .where('cluster_id', '=', clusterId)
      .where('proposal_id', '=', proposalId)
      .where('person_id', '=', personId)
      .executeTakeFirst(),

  count: async (db: Q, clusterId: string, proposalId: string) =>
    Number(
      (
        await db
          .selectFrom('proposal_coauthor')
          .select((eb) => eb.fn.countAll().as('n'))
          .where('cluster_id', '=', clusterId)
          .where('proposal_id', '=', proposalId)
          .executeTakeFirstOrThrow()
      ).n,
    ),
};

export const supportRepo = {
  /** Inserts the support; false when the person already supports the proposal. */
  add: async (db: Q, row: Database['proposal_support']) =>
    Number(
      (
        await db
          .insertInto('proposal_support')
          .values(row)
          .onConflict((oc) => oc.columns(['cluster_id', 'proposal_id', 'person_id']).doNothing())
          .executeTakeFirst()
      ).numInsertedOrUpdatedRows ?? 0,
    ) > 0,

  remove: async (db: Q, clusterId: string, proposalId: string, personId: string) =>
    Number(
      (
        await db
          .deleteFrom('proposal_support')
          .where('cluster_id', '=', clusterId)
          .where('proposal_id', '=', proposalId)
          .where('person_id', '=', personId)
          .executeTakeFirst()
      ).numDeletedRows,
    ) > 0,

  /**
   * Counts one more support of the person in the process unless that passes the limit; the upsert
   * locks the person's row, so concurrent supports are counted one after the other. Returns the new
   * count, or null when the limit is reached.
   */
  countOneMore: async (db: Q, clusterId: string, processId: string, personId: string, limit: number) => {
    const row = await db
      .insertInto('process_supporter')
      .values({ cluster_id: clusterId, process_id: processId, person_id: personId, support_count: 1 })
      .onConflict((oc) =>
        oc
          .columns(['cluster_id', 'process_id', 'person_id'])
          .doUpdateSet({ support_count: sql`process_supporter.support_count + 1` })
          .where('process_supporter.support_count', '<', limit),
      )
      .returning('support_count')
      .executeTakeFirst();
    return row?.support_count ?? null;
  },

  countOneLess: (db: Q, clusterId: string, processId: string, personId: string) =>
    db
      .updateTable('process_supporter')
      .set({ support_count: sql`support_count - 1` })
      .where('cluster_id', '=', clusterId)
      .where('process_id', '=', processId)
      .where('person_id', '=', personId)
      .returning('support_count')
      .executeTakeFirst(),

  given: async (db: Q, clusterId: string, processId: string, personId: string) =>
    (
      await db
        .selectFrom('process_supporter')
        .select('support_count')
        .where('cluster_id', '=', clusterId)
        .where('process_id', '=', processId)
        .where('person_id', '=', personId)
        .executeTakeFirst()
    )?.support_count ?? 0,

  /** Which of these proposals the person supports. */
  supportedAmong: async (db: Q, clusterId: string, personId: string, proposalIds: readonly string[]) =>
    proposalIds.length === 0
      ? new Set<string>()
      : new Set(
          (
            await db
              .selectFrom('proposal_support')
              .select('proposal_id')
              .where('cluster_id', '=', clusterId)
              .where('person_id', '=', personId)
              .where('proposal_id', 'in', proposalIds)
              .execute()
          ).map((row) => row.proposal_id),
        ),
};
