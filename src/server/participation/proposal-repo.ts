/** SQL for proposals, their authors and supports. Scoped by cluster. */
import { type Kysely, sql } from 'kysely';
import type { Database, ProposalTable } from '../platform/database.ts';
import { StatementTemplate } from '../platform/statement-templates.ts';

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

/** What changes the text of a page's statement; the values only fill it in. */
interface PageShape {
  readonly sort: ProposalSort;
  readonly isAfterCursor: boolean;
  /**
   * In the random order, the arc of the circle read: from the start up, or below the start. Each is
   * bounded on one side only (the keys lie in [0, 2^31)), so the planner estimates a third of the
   * rows, not a guessed sliver, and the prepared statement's generic plan is kept instead of the
   * list being planned on every request.
   */
  readonly arc: 'from start' | 'below start' | null;
  readonly isSignedIn: boolean;
  readonly hasCategory: boolean;
  readonly hasState: boolean;
  readonly includeHidden: boolean;
  readonly limit: number;
}

interface PageValues {
  readonly clusterId: string;
  readonly processId: string;
  readonly viewerId: string | null;
  readonly category: string | null;
  readonly state: string | null;
  /** The cursor: the last row's support count or shuffle key (by support, random), and id. */
  readonly afterRank: number | null;
  readonly afterId: string | null;
  /** In the random order: where the circle starts (the seed's key). */
  readonly start: number | null;
}

/**
 * One page's statement: every list request runs one (two, when a random page crosses the circle's
 * start). The cursor is compared through a one-row subquery: the planner then costs a deep page
 * as it costs any page, whatever the cursor. Given the cursor's values it estimated each page
 * differently, the prepared statement's one generic plan looked dearer than those, and PostgreSQL
 * planned every deep page afresh (0.3 ms of its CPU, more than reading the page).
 */
const page = new StatementTemplate((db: Q, shape: PageShape, values: PageValues) => {
  const conditions = [
    shape.hasState ? sql`p.state = ${values.state}` : sql`p.state <> 'withdrawn'`,
    ...(shape.hasCategory ? [sql`p.category = ${values.category}`] : []),
    ...(shape.includeHidden ? [] : [sql`p.hidden_at is null`]),
  ];
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
      shape.isSignedIn
        ? eb
            .exists(
              eb
                .selectFrom('proposal_support as s')
                .select('s.person_id')
                // The cluster as a value, not from the row: so the planner may also read the
                // viewer's supports once through her index and hash them.
                .where('s.cluster_id', '=', values.clusterId)
                .whereRef('s.proposal_id', '=', 'p.id')
                .where('s.person_id', '=', values.viewerId),
            )
            .$castTo<boolean>()
            .as('has_supported')
        : sql<boolean>`false`.as('has_supported'),
      sql<number | null>`${shape.sort === 'random' ? sql`p.shuffle_key` : sql`null`}`.as('shuffle_key'),
    ])
    .where('p.cluster_id', '=', values.clusterId)
    .where('p.process_id', '=', values.processId)
    .where(sql<boolean>`${sql.join(conditions, sql` and `)}`)
    .limit(shape.limit);
  switch (shape.sort) {
    case 'newest':
      return query
        .$if(shape.isAfterCursor, (qb) => qb.where(sql<boolean>`p.id < (select ${values.afterId}::uuid)`))
        .orderBy('p.id', 'desc');
    case 'support':
      return query
        .$if(shape.isAfterCursor, (qb) =>
          qb.where(
            sql<boolean>`(p.support_count, p.id) < (select ${values.afterRank}::int, ${values.afterId}::uuid)`,
          ),
        )
        .orderBy('p.support_count', 'desc')
        .orderBy('p.id', 'desc');
    case 'random':
      return query
        .where(
          shape.arc === 'from start'
            ? sql<boolean>`p.shuffle_key >= ${values.start}::bigint`
            : sql<boolean>`p.shuffle_key < ${values.start}::bigint`,
        )
        .$if(shape.isAfterCursor, (qb) =>
          qb.where(
            sql<boolean>`(p.shuffle_key, p.id) > (select ${values.afterRank}::int, ${values.afterId}::uuid)`,
          ),
        )
        .orderBy(sql`p.shuffle_key`)
        .orderBy('p.id');
  }
});

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
    const shapeOf = (isAfterCursor: boolean, rows: number, arc: PageShape['arc'] = null): PageShape => ({
      sort: order.sort,
      isAfterCursor,
      arc,
      isSignedIn: viewerId !== null,
      hasCategory: filter.category !== undefined,
      hasState: filter.state !== undefined,
      includeHidden: filter.includeHidden,
      limit: rows,
    });
    const values: PageValues = {
      clusterId,
      processId,
      viewerId,
      category: filter.category ?? null,
      state: filter.state ?? null,
      afterRank: null,
      afterId: null,
      start: null,
    };
    const listed = (
      rows: readonly (Omit<ListedProposal, 'shuffle_position'> & { shuffle_key: number | null })[],
    ) => rows.map(({ shuffle_key: _, ...row }) => row);
    if (order.sort === 'newest') {
      const after = order.after;
      return listed(
        await page.execute(db, shapeOf(after !== null, limit + 1), {
          ...values,
          afterId: after?.[0] ?? null,
        }),
      );
    }
    if (order.sort === 'support') {
      const after = order.after;
      return listed(
        await page.execute(db, shapeOf(after !== null, limit + 1), {
          ...values,
          afterRank: after?.[0] ?? null,
          afterId: after?.[1] ?? null,
        }),
      );
    }
    // Round the circle from the seed's start: the keys from the start up, then those below it. Each
    // arc is a range of the shuffle index; the second is read only when a page reaches past the first.
    const start = shuffleStart(order.seed);
    const arcs = ['from start', 'below start'] as const;
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
      if (arc === 1 && start === 0) continue;
      const isAfterCursor = after !== null && after.arc === arc;
      const inArc = await page.execute(db, shapeOf(isAfterCursor, limit + 1 - rows.length, arcs[arc]), {
        ...values,
        start,
        afterRank: isAfterCursor ? after.key : null,
        afterId: isAfterCursor ? after.id : null,
      });
      for (const { shuffle_key, ...row } of inArc)
        rows.push({ ...row, shuffle_position: shufflePosition(shuffle_key ?? 0, start) });
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
