/**
 * Queries of payment requests, trusted payees and recurring payments, and of the people who
 * speak for an account (its organisation's representatives, or the coordinators for the
 * cluster's own account) — the recipients of this area's mails.
 */
import { type Insertable, sql } from 'kysely';
import type {
  CurrencyPaymentRequestTable,
  CurrencyRecurringOccurrenceTable,
  CurrencyRecurringPaymentTable,
  CurrencyTrustedPayeeTable,
  Queryable as Q,
  Tx,
} from '../../platform/database.ts';

/** The name shown for an account: its organisation's, or the cluster's for the cluster's own account. */
const accountName = (clusterColumn: string, accountColumn: string) =>
  sql<string>`(SELECT coalesce(o.name, c.name) FROM currency_account a
    JOIN cluster c ON c.id = a.cluster_id
    LEFT JOIN organisation o ON o.cluster_id = a.cluster_id AND o.id = a.organisation_id
    WHERE a.cluster_id = ${sql.ref(clusterColumn)} AND a.id = ${sql.ref(accountColumn)})`;

export interface Named {
  readonly payer_name: string;
  readonly payee_name: string;
}

/** Which side of a request or a recurring payment the account is on. */
export type Direction = 'incoming' | 'outgoing';

/** Newest first; the cursor is the last row's creation time and id. */
type After = readonly [Date, string] | null;

export type PaymentRequestRow = CurrencyPaymentRequestTable & Named;

export const paymentRequestRepo = {
  insert: (tx: Tx, row: CurrencyPaymentRequestTable) =>
    tx.insertInto('currency_payment_request').values(row).execute(),

  find: (db: Q, clusterId: string, id: string) =>
    db
      .selectFrom('currency_payment_request as r')
      .selectAll('r')
      .select([
        accountName('r.cluster_id', 'r.payer_account_id').as('payer_name'),
        accountName('r.cluster_id', 'r.payee_account_id').as('payee_name'),
      ])
      .where('r.cluster_id', '=', clusterId)
      .where('r.id', '=', id)
      .executeTakeFirst(),

  /** Holds the request until commit, so it is accepted, declined or withdrawn once. */
  lock: (tx: Tx, clusterId: string, id: string) =>
    tx
      .selectFrom('currency_payment_request')
      .selectAll()
      .where('cluster_id', '=', clusterId)
      .where('id', '=', id)
      .forUpdate()
      .executeTakeFirst(),

  update: (tx: Tx, clusterId: string, id: string, patch: Partial<CurrencyPaymentRequestTable>) =>
    tx
      .updateTable('currency_payment_request')
      .set(patch)
      .where('cluster_id', '=', clusterId)
      .where('id', '=', id)
      .execute(),

  /** Requests the account pays (incoming) or asked for (outgoing), newest first. */
  list: (
    db: Q,
    clusterId: string,
    accountId: string,
    filter: { direction?: Direction; status?: CurrencyPaymentRequestTable['status'] },
    after: After,
    limit: number,
  ) => {
    let query = db
      .selectFrom('currency_payment_request as r')
      .selectAll('r')
      .select([
        accountName('r.cluster_id', 'r.payer_account_id').as('payer_name'),
        accountName('r.cluster_id', 'r.payee_account_id').as('payee_name'),
      ])
      .where('r.cluster_id', '=', clusterId);
    query =
      filter.direction === 'incoming'
        ? query.where('r.payer_account_id', '=', accountId)
        : filter.direction === 'outgoing'
          ? query.where('r.payee_account_id', '=', accountId)
          : query.where((eb) =>
              eb.or([eb('r.payer_account_id', '=', accountId), eb('r.payee_account_id', '=', accountId)]),
            );
    if (filter.status) query = query.where('r.status', '=', filter.status);
    if (after) {
      query = query.where(
        (eb) => eb.refTuple('r.created_at', 'r.id'),
        '<',
        (eb) => eb.tuple(after[0], after[1]),
      );
    }
    return query
      .orderBy('r.created_at', 'desc')
      .orderBy('r.id', 'desc')
      .limit(limit + 1)
      .execute();
  },
};

export type TrustedPayeeRow = CurrencyTrustedPayeeTable & { payee_name: string };

export const trustedPayeeRepo = {
  find: (db: Q, clusterId: string, payerAccountId: string, payeeAccountId: string) =>
    db
      .selectFrom('currency_trusted_payee as t')
      .selectAll('t')
      .select(accountName('t.cluster_id', 't.payee_account_id').as('payee_name'))
      .where('t.cluster_id', '=', clusterId)
      .where('t.payer_account_id', '=', payerAccountId)
      .where('t.payee_account_id', '=', payeeAccountId)
      .executeTakeFirst(),

  /** The payer's trusted payees by name; the cursor is the last row's name and account id. */
  list: (
    db: Q,
    clusterId: string,
    payerAccountId: string,
    after: readonly [string, string] | null,
    limit: number,
  ) => {
    const name = accountName('t.cluster_id', 't.payee_account_id');
    let query = db
      .selectFrom('currency_trusted_payee as t')
      .selectAll('t')
      .select(name.as('payee_name'))
      .where('t.cluster_id', '=', clusterId)
      .where('t.payer_account_id', '=', payerAccountId);
    if (after) {
      query = query.where(
        (eb) => eb.refTuple(name, 't.payee_account_id'),
        '>',
        (eb) => eb.tuple(after[0], after[1]),
      );
    }
    return query
      .orderBy(name)
      .orderBy('t.payee_account_id')
      .limit(limit + 1)
      .execute();
  },

  upsert: (tx: Tx, row: CurrencyTrustedPayeeTable) =>
    tx
      .insertInto('currency_trusted_payee')
      .values(row)
      .onConflict((oc) =>
        oc
          .columns(['cluster_id', 'payer_account_id', 'payee_account_id'])
          .doUpdateSet({ max_amount_minor: row.max_amount_minor }),
      )
      .execute(),

  remove: async (tx: Tx, clusterId: string, payerAccountId: string, payeeAccountId: string) =>
    (
      await tx
        .deleteFrom('currency_trusted_payee')
        .where('cluster_id', '=', clusterId)
        .where('payer_account_id', '=', payerAccountId)
        .where('payee_account_id', '=', payeeAccountId)
        .executeTakeFirst()
    ).numDeletedRows > 0n,
};

export type RecurringPaymentRow = CurrencyRecurringPaymentTable &
  Named & {
    last_due_on: string | null;
    last_outcome: CurrencyRecurringOccurrenceTable['outcome'] | null;
    last_paid_late_at: Date | null;
  };

const namedRecurring = (db: Q, clusterId: string) =>
  db
    .selectFrom('currency_recurring_payment as p')
    .leftJoinLateral(
      (eb) =>
        eb
          .selectFrom('currency_recurring_occurrence as o')
          .select(['o.due_on', 'o.outcome', 'o.paid_late_at'])
          .whereRef('o.cluster_id', '=', 'p.cluster_id')
          .whereRef('o.recurring_payment_id', '=', 'p.id')
          .orderBy('o.due_on', 'desc')
          .limit(1)
          .as('last'),
      (join) => join.onTrue(),
    )
    .selectAll('p')
    .select([
      accountName('p.cluster_id', 'p.payer_account_id').as('payer_name'),
      accountName('p.cluster_id', 'p.payee_account_id').as('payee_name'),
      'last.due_on as last_due_on',
      'last.outcome as last_outcome',
      'last.paid_late_at as last_paid_late_at',
    ])
    .where('p.cluster_id', '=', clusterId);

export const recurringPaymentRepo = {
  insert: (tx: Tx, row: CurrencyRecurringPaymentTable) =>
    tx.insertInto('currency_recurring_payment').values(row).execute(),

  find: (db: Q, clusterId: string, id: string) =>
    db
      .selectFrom('currency_recurring_payment')
      .selectAll()
      .where('cluster_id', '=', clusterId)
      .where('id', '=', id)
      .executeTakeFirst(),

  /**
   * Holds the schedule until commit. With `skipLocked`, a schedule another run is paying right
   * now is left to that run instead of waited for.
   */
  lock: (tx: Tx, clusterId: string, id: string, options: { skipLocked?: boolean } = {}) => {
    const query = tx
      .selectFrom('currency_recurring_payment')
      .selectAll()
      .where('cluster_id', '=', clusterId)
      .where('id', '=', id)
      .forUpdate();
    return (options.skipLocked ? query.skipLocked() : query).executeTakeFirst();
  },

  update: (tx: Tx, clusterId: string, id: string, patch: Partial<CurrencyRecurringPaymentTable>) =>
    tx
      .updateTable('currency_recurring_payment')
      .set(patch)
      .where('cluster_id', '=', clusterId)
      .where('id', '=', id)
      .execute(),

  /** One schedule with its accounts' names and its latest occurrence. */
  findNamed: (db: Q, clusterId: string, id: string) =>
    namedRecurring(db, clusterId).where('p.id', '=', id).executeTakeFirst(),

  /** Schedules the account pays (outgoing) or is paid by (incoming), newest first. */
  list: (
    db: Q,
    clusterId: string,
    accountId: string,
    filter: { direction?: Direction; status?: CurrencyRecurringPaymentTable['status'] },
    after: After,
    limit: number,
  ) => {
    let query = namedRecurring(db, clusterId);
    query =
      filter.direction === 'outgoing'
        ? query.where('p.payer_account_id', '=', accountId)
        : filter.direction === 'incoming'
          ? query.where('p.payee_account_id', '=', accountId)
          : query.where((eb) =>
              eb.or([eb('p.payer_account_id', '=', accountId), eb('p.payee_account_id', '=', accountId)]),
            );
    if (filter.status) query = query.where('p.status', '=', filter.status);
    if (after) {
      query = query.where(
        (eb) => eb.refTuple('p.created_at', 'p.id'),
        '<',
        (eb) => eb.tuple(after[0], after[1]),
      );
    }
    return query
      .orderBy('p.created_at', 'desc')
      .orderBy('p.id', 'desc')
      .limit(limit + 1)
      .execute();
  },

  /**
   * Active schedules with an occurrence due by `today`, in every cluster — the scheduler's work
   * list, and so the one query here not scoped to a cluster. Keyset-paged by (cluster, id).
   */
  due: (db: Q, today: string, after: readonly [string, string] | null, limit: number) => {
    let query = db
      .selectFrom('currency_recurring_payment')
      .select(['cluster_id', 'id'])
      .where('status', '=', 'active')
      .where('next_due_on', '<=', today);
    if (after) {
      query = query.where(
        (eb) => eb.refTuple('cluster_id', 'id'),
        '>',
        (eb) => eb.tuple(after[0], after[1]),
      );
    }
    return query.orderBy('cluster_id').orderBy('id').limit(limit).execute();
  },

  insertOccurrence: (tx: Tx, row: Insertable<CurrencyRecurringOccurrenceTable>) =>
    tx.insertInto('currency_recurring_occurrence').values(row).execute(),

  lockOccurrence: (tx: Tx, clusterId: string, recurringId: string, dueOn: string) =>
    tx
      .selectFrom('currency_recurring_occurrence')
      .selectAll()
      .where('cluster_id', '=', clusterId)
      .where('recurring_payment_id', '=', recurringId)
      .where('due_on', '=', dueOn)
      .forUpdate()
      .executeTakeFirst(),

  /** Records that a refused occurrence was paid, keeping why it was refused on its day. */
  markPaidLate: (
    tx: Tx,
    clusterId: string,
    recurringId: string,
    dueOn: string,
    transferId: string,
    at: Date,
  ) =>
    tx
      .updateTable('currency_recurring_occurrence')
      .set({ outcome: 'paid', transfer_id: transferId, paid_late_at: at })
      .where('cluster_id', '=', clusterId)
      .where('recurring_payment_id', '=', recurringId)
      .where('due_on', '=', dueOn)
      .execute(),

  /** The refusal of the schedule's latest occurrence, if that occurrence is still unpaid. */
  latestRefusal: async (tx: Tx, clusterId: string, recurringId: string) => {
    const latest = await tx
      .selectFrom('currency_recurring_occurrence')
      .select(['outcome', 'failure'])
      .where('cluster_id', '=', clusterId)
      .where('recurring_payment_id', '=', recurringId)
      .orderBy('due_on', 'desc')
      .limit(1)
      .executeTakeFirst();
    return latest?.outcome === 'failed' ? latest.failure : null;
  },
};

export interface Recipient {
  readonly person_id: string;
  readonly email: string;
  readonly locale: string;
}

/** Who is told about an account's requests and payments: its representatives today, or the coordinators. */
export const recipientRepo = {
  forAccount: (db: Q, clusterId: string, accountId: string, today: string): Promise<Recipient[]> =>
    sql<Recipient>`
      SELECT DISTINCT p.id AS person_id, p.email, p.locale
      FROM currency_account a
      JOIN representative_mandate m ON m.cluster_id = a.cluster_id AND m.organisation_id = a.organisation_id
      JOIN person p ON p.id = m.person_id
      WHERE a.cluster_id = ${clusterId} AND a.id = ${accountId} AND a.kind = 'member'
        AND m.revoked_at IS NULL AND m.starts_on <= ${today} AND (m.ends_on IS NULL OR m.ends_on >= ${today})
        AND p.email IS NOT NULL AND p.erased_at IS NULL
      UNION
      SELECT p.id, p.email, p.locale
      FROM currency_account a
      JOIN cluster_role r ON r.cluster_id = a.cluster_id AND r.role = 'coordinator'
      JOIN person p ON p.id = r.person_id
      WHERE a.cluster_id = ${clusterId} AND a.id = ${accountId} AND a.kind = 'fee'
        AND p.email IS NOT NULL AND p.erased_at IS NULL
      LIMIT 50`
      .execute(db)
      .then((result) => result.rows),
};
