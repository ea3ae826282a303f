/** Queries of the clearing of euro invoices: invoices, rounds, their cancellations, positions and confirmations. */

import { type Expression, type Insertable, sql } from 'kysely';
import { mandateInForceOn } from '../organisations/repo.ts';
import type { Database, Queryable as Q, Tx } from '../platform/database.ts';

/** Rows per INSERT when a round or an import writes thousands of them. */
const INSERT_CHUNK = 1000;

/** Splits a long list into INSERT-sized pieces. */
function* chunksOf<T>(rows: readonly T[]): Generator<T[]> {
  for (let start = 0; start < rows.length; start += INSERT_CHUNK)
    yield rows.slice(start, start + INSERT_CHUNK);
}

export interface InvoiceListFilter {
  /** Only invoices where one of these is debtor or creditor (a representative's own organisations). */
  readonly visibleTo?: readonly string[];
  readonly organisationId?: string;
  readonly isOpenOnly?: boolean;
}

export const clusterRuleRepo = {
  /** The cluster's rule, kept with its currency settings; without a currency, members confirm. */
  needsConfirmation: async (db: Q, clusterId: string) =>
    (
      await db
        .selectFrom('currency')
        .select('clearing_needs_confirmation')
        .where('cluster_id', '=', clusterId)
        .executeTakeFirst()
    )?.clearing_needs_confirmation ?? true,
};

export const organisationRepo = {
  /** The organisations a person may act for today: active mandates only. */
  actingFor: (db: Q, clusterId: string, personId: string, today: string) =>
    db
      .selectFrom('representative_mandate as m')
      .innerJoin('organisation as o', (join) =>
        join.onRef('o.cluster_id', '=', 'm.cluster_id').onRef('o.id', '=', 'm.organisation_id'),
      )
      .select(['o.id', 'o.name', 'o.membership_status'])
      .where('m.cluster_id', '=', clusterId)
      .where('m.person_id', '=', personId)
      .where(mandateInForceOn(today))
      .distinct()
      .orderBy('o.name')
      .orderBy('o.id')
      .limit(100)
      .execute(),

  /** The people who act today for these organisations and can be written to. */
  representatives: (db: Q, clusterId: string, organisationIds: readonly string[], today: string) =>
    organisationIds.length === 0
      ? Promise.resolve([])
      : db
          .selectFrom('representative_mandate as m')
          .innerJoin('organisation as o', (join) =>
            join.onRef('o.cluster_id', '=', 'm.cluster_id').onRef('o.id', '=', 'm.organisation_id'),
          )
          .innerJoin('person as p', 'p.id', 'm.person_id')
          .select([
            'o.id as organisationId',
            'o.name as organisationName',
            'p.id',
            'p.email',
            'p.locale',
            'p.display_name',
          ])
          .where('m.cluster_id', '=', clusterId)
          .where('m.organisation_id', 'in', [...organisationIds])
          .where(mandateInForceOn(today))
          .where('p.erased_at', 'is', null)
          .where('p.email', 'is not', null)
          .distinct()
          .execute(),

  byIds: (db: Q, clusterId: string, ids: readonly string[]) =>
    ids.length === 0
      ? Promise.resolve([])
      : db
          .selectFrom('organisation')
          .select(['id', 'name', 'membership_status'])
          .where('cluster_id', '=', clusterId)
          .where('id', 'in', [...new Set(ids)])
          .execute(),

  /** Organisations an import names, by id or by name (any case). */
  namedIn: (db: Q, clusterId: string, ids: readonly string[], lowerNames: readonly string[]) =>
    db
      .selectFrom('organisation')
      .select(['id', 'name', 'membership_status'])
      .where('cluster_id', '=', clusterId)
      .where((eb) =>
        eb.or([
          eb('id', '=', eb.fn.any(sql<string[]>`${[...ids]}::uuid[]`)),
          eb(eb.fn('lower', ['name']), '=', eb.fn.any(sql<string[]>`${[...lowerNames]}::text[]`)),
        ]),
      )
      .execute(),
};

const isInOpenRound = (invoiceId: Expression<string>, clusterId: Expression<string>) =>
  sql<boolean>`exists (
    select 1 from clearing_cancellation c
    join clearing_round r on r.cluster_id = c.cluster_id and r.id = c.round_id and r.status = 'proposed'
    where c.cluster_id = ${clusterId} and c.invoice_id = ${invoiceId})`;

const invoiceWithNames = (db: Q, clusterId: string) =>
  db
    .selectFrom('euro_invoice as i')
    .innerJoin('organisation as d', (join) =>
      join.onRef('d.cluster_id', '=', 'i.cluster_id').onRef('d.id', '=', 'i.debtor_organisation_id'),
    )
    .innerJoin('organisation as c', (join) =>
      join.onRef('c.cluster_id', '=', 'i.cluster_id').onRef('c.id', '=', 'i.creditor_organisation_id'),
    )
    .selectAll('i')
    .select((eb) => [
      'd.name as debtor_name',
      'c.name as creditor_name',
      isInOpenRound(eb.ref('i.id'), eb.ref('i.cluster_id')).as('is_in_open_round'),
    ])
    .where('i.cluster_id', '=', clusterId);

export type InvoiceRow = NonNullable<Awaited<ReturnType<typeof invoiceRepo.find>>>;

export const invoiceRepo = {
  insert: async (tx: Tx, rows: readonly Insertable<Database['euro_invoice']>[]) => {
    for (const chunk of chunksOf(rows)) await tx.insertInto('euro_invoice').values(chunk).execute();
  },

  find: (db: Q, clusterId: string, id: string) =>
    invoiceWithNames(db, clusterId).where('i.id', '=', id).executeTakeFirst(),

  lock: (tx: Tx, clusterId: string, id: string) =>
    tx
      .selectFrom('euro_invoice')
      .selectAll()
      .where('cluster_id', '=', clusterId)
      .where('id', '=', id)
      .forUpdate()
      .executeTakeFirst(),

  /** Locks the invoices in id order, so a round and a payment over the same invoices never deadlock. */
  lockInIdOrder: (tx: Tx, clusterId: string, ids: readonly string[]) =>
    tx
      .selectFrom('euro_invoice')
      .select(['id', 'outstanding_cents', 'withdrawn_at'])
      .where('cluster_id', '=', clusterId)
      .where('id', '=', sql<string>`any(${[...ids].sort()}::uuid[])`)
      .orderBy('id')
      .forUpdate()
      .execute(),

  update: (
    tx: Tx,
    clusterId: string,
    id: string,
    patch: Partial<Pick<Database['euro_invoice'], 'outstanding_cents' | 'withdrawn_at' | 'withdrawn_by'>>,
  ) =>
    tx
      .updateTable('euro_invoice')
      .set(patch)
      .where('cluster_id', '=', clusterId)
      .where('id', '=', id)
      .execute(),

  /** Takes a round's cancellations off the invoices in one statement. */
  applyCancellations: async (
    tx: Tx,
    clusterId: string,
    cancellations: readonly { invoice_id: string; cancelled_cents: number }[],
  ) => {
    for (const chunk of chunksOf(cancellations)) {
      const values = sql.join(chunk.map((c) => sql`(${c.invoice_id}::uuid, ${c.cancelled_cents}::bigint)`));
      await sql`
        UPDATE euro_invoice AS i SET
          outstanding_cents = i.outstanding_cents - v.cancelled,
          cleared_cents = i.cleared_cents + v.cancelled
        FROM (VALUES ${values}) AS v (id, cancelled)
        WHERE i.cluster_id = ${clusterId} AND i.id = v.id`.execute(tx);
    }
  },

  list: (
    db: Q,
    clusterId: string,
    filter: InvoiceListFilter,
    after: readonly [string, string] | null,
    limit: number,
  ) => {
    let query = invoiceWithNames(db, clusterId);
    const involving = (ids: readonly string[]) =>
      query.where((eb) =>
        eb.or([eb('i.debtor_organisation_id', 'in', ids), eb('i.creditor_organisation_id', 'in', ids)]),
      );
    if (filter.visibleTo) query = involving(filter.visibleTo);
    if (filter.organisationId) query = involving([filter.organisationId]);
    if (filter.isOpenOnly)
      query = query.where('i.outstanding_cents', '>', 0).where('i.withdrawn_at', 'is', null);
    if (after) {
      query = query.where(
        (eb) => eb.refTuple('i.created_at', 'i.id'),
        '<',
        (eb) => eb.tuple(new Date(after[0]), after[1]),
      );
    }
    return query
      .orderBy('i.created_at', 'desc')
      .orderBy('i.id', 'desc')
      .limit(limit + 1)
      .execute();
  },

  /** What is still owed, over the visible invoices. */
  openTotals: async (db: Q, clusterId: string, visibleTo: readonly string[] | null) => {
    let query = db
      .selectFrom('euro_invoice')
      .select((eb) => [
        eb.fn.countAll<number>().as('count'),
        sql<string>`coalesce(sum(outstanding_cents), 0)::text`.as('outstanding'),
      ])
      .where('cluster_id', '=', clusterId)
      .where('outstanding_cents', '>', 0)
      .where('withdrawn_at', 'is', null);
    if (visibleTo) {
      query = query.where((eb) =>
        eb.or([
          eb('debtor_organisation_id', 'in', visibleTo),
          eb('creditor_organisation_id', 'in', visibleTo),
        ]),
      );
    }
    const row = await query.executeTakeFirstOrThrow();
    return { invoiceCount: Number(row.count), outstandingCents: Number(row.outstanding) };
  },

  /**
   * The invoices a round works on: still owed, not withdrawn, between organisations that are
   * active members now and not left out, oldest first (the order a pair's share is spread in).
   */
  openSet: (db: Q, clusterId: string, excluded: readonly string[], limit: number) => {
    let query = db
      .selectFrom('euro_invoice as i')
      .innerJoin('organisation as d', (join) =>
        join.onRef('d.cluster_id', '=', 'i.cluster_id').onRef('d.id', '=', 'i.debtor_organisation_id'),
      )
      .innerJoin('organisation as c', (join) =>
        join.onRef('c.cluster_id', '=', 'i.cluster_id').onRef('c.id', '=', 'i.creditor_organisation_id'),
      )
      .select(['i.id', 'i.debtor_organisation_id', 'i.creditor_organisation_id', 'i.outstanding_cents'])
      .where('i.cluster_id', '=', clusterId)
      .where('i.outstanding_cents', '>', 0)
      .where('i.withdrawn_at', 'is', null)
      .where('d.membership_status', '=', 'active')
      .where('c.membership_status', '=', 'active');
    if (excluded.length > 0) {
      query = query
        .where('i.debtor_organisation_id', 'not in', excluded)
        .where('i.creditor_organisation_id', 'not in', excluded);
    }
    return query
      .orderBy('i.issued_on')
      .orderBy('i.created_at')
      .orderBy('i.id')
      .limit(limit + 1)
      .execute();
  },
};

const roundWithCounts = (db: Q, clusterId: string) =>
  db
    .selectFrom('clearing_round as r')
    .selectAll('r')
    .select([
      sql<number>`(select count(*)::int from clearing_position p
        where p.cluster_id = r.cluster_id and p.round_id = r.id and p.cancelled_cents > 0)`.as(
        'member_count',
      ),
      sql<number>`(select count(*)::int from clearing_confirmation f
        where f.cluster_id = r.cluster_id and f.round_id = r.id and f.decision = 'confirmed')`.as(
        'confirmed_count',
      ),
      sql<number>`(select count(*)::int from clearing_confirmation f
        where f.cluster_id = r.cluster_id and f.round_id = r.id and f.decision = 'refused')`.as(
        'refused_count',
      ),
      sql<number>`(select count(*)::int from clearing_confirmation f
        where f.cluster_id = r.cluster_id and f.round_id = r.id and f.decision is null)`.as('waiting_count'),
    ])
    .where('r.cluster_id', '=', clusterId);

export type RoundRow = NonNullable<Awaited<ReturnType<typeof roundRepo.find>>>;

export const roundRepo = {
  insert: (tx: Tx, row: Database['clearing_round']) => tx.insertInto('clearing_round').values(row).execute(),

  insertCancellations: async (tx: Tx, rows: readonly Database['clearing_cancellation'][]) => {
    for (const chunk of chunksOf(rows)) await tx.insertInto('clearing_cancellation').values(chunk).execute();
  },

  insertPositions: async (tx: Tx, rows: readonly Database['clearing_position'][]) => {
    for (const chunk of chunksOf(rows)) await tx.insertInto('clearing_position').values(chunk).execute();
  },

  insertConfirmations: async (tx: Tx, rows: readonly Database['clearing_confirmation'][]) => {
    for (const chunk of chunksOf(rows)) await tx.insertInto('clearing_confirmation').values(chunk).execute();
  },

  find: (db: Q, clusterId: string, id: string) =>
    roundWithCounts(db, clusterId).where('r.id', '=', id).executeTakeFirst(),

  open: (db: Q, clusterId: string) =>
    roundWithCounts(db, clusterId).where('r.status', '=', 'proposed').executeTakeFirst(),

  lock: (tx: Tx, clusterId: string, id: string) =>
    tx
      .selectFrom('clearing_round')
      .selectAll()
      .where('cluster_id', '=', clusterId)
      .where('id', '=', id)
      .forUpdate()
      .executeTakeFirst(),

  resolve: (
    tx: Tx,
    clusterId: string,
    id: string,
    outcome:
      | { status: 'applied'; cancel_reason: null }
      | { status: 'cancelled'; cancel_reason: 'coordinator' | 'refused' },
    at: Date,
  ) =>
    tx
      .updateTable('clearing_round')
      .set({ ...outcome, resolved_at: at })
      .where('cluster_id', '=', clusterId)
      .where('id', '=', id)
      .execute(),

  list: (db: Q, clusterId: string, after: readonly [string, string] | null, limit: number) => {
    let query = roundWithCounts(db, clusterId);
    if (after) {
      query = query.where(
        (eb) => eb.refTuple('r.created_at', 'r.id'),
        '<',
        (eb) => eb.tuple(new Date(after[0]), after[1]),
      );
    }
    return query
      .orderBy('r.created_at', 'desc')
      .orderBy('r.id', 'desc')
      .limit(limit + 1)
      .execute();
  },

  /** Whether an invoice of the round changed since it was computed (paid, withdrawn). */
  isStale: async (db: Q, clusterId: string, roundId: string) =>
    (await db
      .selectFrom('clearing_cancellation as c')
      .innerJoin('euro_invoice as i', (join) =>
        join.onRef('i.cluster_id', '=', 'c.cluster_id').onRef('i.id', '=', 'c.invoice_id'),
      )
      .select('c.invoice_id')
      .where('c.cluster_id', '=', clusterId)
      .where('c.round_id', '=', roundId)
      .where((eb) =>
        eb.or([
          eb('i.outstanding_cents', '<>', eb.ref('c.outstanding_before_cents')),
          eb('i.withdrawn_at', 'is not', null),
        ]),
      )
      .limit(1)
      .executeTakeFirst()) !== undefined,

  cancellations: (tx: Tx, clusterId: string, roundId: string) =>
    tx
      .selectFrom('clearing_cancellation')
      .select(['invoice_id', 'outstanding_before_cents', 'cancelled_cents'])
      .where('cluster_id', '=', clusterId)
      .where('round_id', '=', roundId)
      .execute(),

  /** One page of what the round cancels on the invoices of one organisation (or all), by invoice. */
  cancellationsOf: (
    db: Q,
    clusterId: string,
    roundId: string,
    organisationId: string | undefined,
    after: string | null,
    limit: number,
  ) => {
    let query = db
      .selectFrom('clearing_cancellation as x')
      .innerJoin('euro_invoice as i', (join) =>
        join.onRef('i.cluster_id', '=', 'x.cluster_id').onRef('i.id', '=', 'x.invoice_id'),
      )
      .innerJoin('organisation as d', (join) =>
        join.onRef('d.cluster_id', '=', 'i.cluster_id').onRef('d.id', '=', 'i.debtor_organisation_id'),
      )
      .innerJoin('organisation as c', (join) =>
        join.onRef('c.cluster_id', '=', 'i.cluster_id').onRef('c.id', '=', 'i.creditor_organisation_id'),
      )
      .select([
        'i.id',
        'i.reference',
        'i.issued_on',
        'i.amount_cents',
        'i.outstanding_cents',
        'i.debtor_organisation_id',
        'i.creditor_organisation_id',
        'd.name as debtor_name',
        'c.name as creditor_name',
        'x.outstanding_before_cents',
        'x.cancelled_cents',
      ])
      .where('x.cluster_id', '=', clusterId)
      .where('x.round_id', '=', roundId);
    if (organisationId) {
      query = query.where((eb) =>
        eb.or([
          eb('i.debtor_organisation_id', '=', organisationId),
          eb('i.creditor_organisation_id', '=', organisationId),
        ]),
      );
    }
    if (after) query = query.where('x.invoice_id', '>', after);
    return query
      .orderBy('x.invoice_id')
      .limit(limit + 1)
      .execute();
  },

  /** One page of the report's per-member figures, by organisation name. */
  positions: (
    db: Q,
    clusterId: string,
    roundId: string,
    visibleTo: readonly string[] | null,
    after: readonly [string, string] | null,
    limit: number,
  ) => {
    let query = db
      .selectFrom('clearing_position as p')
      .innerJoin('organisation as o', (join) =>
        join.onRef('o.cluster_id', '=', 'p.cluster_id').onRef('o.id', '=', 'p.organisation_id'),
      )
      .leftJoin('clearing_confirmation as f', (join) =>
        join
          .onRef('f.cluster_id', '=', 'p.cluster_id')
          .onRef('f.round_id', '=', 'p.round_id')
          .onRef('f.organisation_id', '=', 'p.organisation_id'),
      )
      .select([
        'p.organisation_id',
        'o.name',
        'p.owes_before_cents',
        'p.owed_before_cents',
        'p.cancelled_cents',
        'f.decision',
        sql<boolean>`f.organisation_id is not null`.as('is_asked'),
      ])
      .where('p.cluster_id', '=', clusterId)
      .where('p.round_id', '=', roundId);
    if (visibleTo) query = query.where('p.organisation_id', 'in', visibleTo);
    if (after) {
      query = query.where(
        (eb) => eb.refTuple('o.name', 'p.organisation_id'),
        '>',
        (eb) => eb.tuple(after[0], after[1]),
      );
    }
    return query
      .orderBy('o.name')
      .orderBy('p.organisation_id')
      .limit(limit + 1)
      .execute();
  },

  /** The confirmations asked of these organisations in the round. */
  confirmationsOf: (db: Q, clusterId: string, roundId: string, organisationIds: readonly string[]) =>
    organisationIds.length === 0
      ? Promise.resolve([])
      : db
          .selectFrom('clearing_confirmation')
          .selectAll()
          .where('cluster_id', '=', clusterId)
          .where('round_id', '=', roundId)
          .where('organisation_id', 'in', organisationIds)
          .execute(),

  decide: (
    tx: Tx,
    clusterId: string,
    roundId: string,
    organisationId: string,
    decision: 'confirmed' | 'refused',
    by: string,
    at: Date,
  ) =>
    tx
      .updateTable('clearing_confirmation')
      .set({ decision, decided_by: by, decided_at: at })
      .where('cluster_id', '=', clusterId)
      .where('round_id', '=', roundId)
      .where('organisation_id', '=', organisationId)
      .execute(),

  waitingCount: async (tx: Tx, clusterId: string, roundId: string) =>
    Number(
      (
        await tx
          .selectFrom('clearing_confirmation')
          .select((eb) => eb.fn.countAll<number>().as('count'))
          .where('cluster_id', '=', clusterId)
          .where('round_id', '=', roundId)
          .where('decision', 'is', null)
          .executeTakeFirstOrThrow()
      ).count,
    ),
};
