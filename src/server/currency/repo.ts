/** Queries of the cluster currency: its settings, accounts and immutable transfers. */

import { type Selectable, sql } from 'kysely';
import { mandateInForceOn } from '../organisations/repo.ts';
import type { HeldHead } from '../platform/audit/audit-log.ts';
import type {
  CurrencyAccountTable,
  CurrencyTable,
  CurrencyTransferTable,
  Database,
  Queryable as Q,
  Tx,
} from '../platform/database.ts';
import { StatementTemplate } from '../platform/statement-templates.ts';
import { containsInFolded, containsText, escapeLike } from '../platform/text-match.ts';

export type TransferRow = Omit<CurrencyTransferTable, 'seq'> & { seq: number };

export const currencyRepo = {
  find: (db: Q, clusterId: string) =>
    db.selectFrom('currency').selectAll().where('cluster_id', '=', clusterId).executeTakeFirst(),

  /**
   * What a group commit of payments starts with, in one statement (one round trip fewer while the
   * head is held): the lock on the cluster's audit head (ADR 0001, 0005) and the head as it is, the
   * currency's settings read under that lock, and which of the batch's idempotency keys are used.
   */
  lockForBatch: async (
    tx: Tx,
    clusterId: string,
    owners: readonly { readonly personId: string; readonly key: string }[],
  ): Promise<{ currency: CurrencyTable; held: HeldHead; usedKeys: Set<string> } | undefined> => {
    const found = await tx
      .selectFrom('currency')
      .innerJoin('audit_head', 'audit_head.cluster_id', 'currency.cluster_id')
      .selectAll('currency')
      .select(['audit_head.seq as head_seq', 'audit_head.hash as head_hash'])
      .select((eb) =>
        eb
          .selectFrom('currency_idempotency as i')
          .select(
            sql<string[]>`coalesce(array_agg(i.person_id || ' ' || i.idempotency_key), '{}')`.as('keys'),
          )
          .whereRef('i.cluster_id', '=', 'currency.cluster_id')
          .where((inner) =>
            inner.or(
              owners.map((owner) =>
                inner.and([
                  inner('i.person_id', '=', owner.personId),
                  inner('i.idempotency_key', '=', owner.key),
                ]),
              ),
            ),
          )
          .as('used_keys'),
      )
      .where('currency.cluster_id', '=', clusterId)
      .forUpdate('audit_head')
      .executeTakeFirst();
    if (!found) return undefined;
    const { head_seq: seq, head_hash: hash, used_keys: usedKeys, ...currency } = found;
    return { currency, held: { clusterId, last: { seq, hash } }, usedKeys: new Set(usedKeys ?? []) };
  },

  insert: (db: Q, row: Database['currency']) => db.insertInto('currency').values(row).execute(),

  findForUpdate: (tx: Tx, clusterId: string) =>
    tx.selectFrom('currency').selectAll().where('cluster_id', '=', clusterId).forUpdate().executeTakeFirst(),

  update: (db: Q, clusterId: string, patch: Partial<Database['currency']>) =>
    db.updateTable('currency').set(patch).where('cluster_id', '=', clusterId).execute(),

  accountTypes: (db: Q, clusterId: string) =>
    db.selectFrom('currency_account_type').selectAll().where('cluster_id', '=', clusterId).execute(),

  upsertAccountType: (db: Q, row: Database['currency_account_type']) =>
    db
      .insertInto('currency_account_type')
      .values(row)
      .onConflict((oc) =>
        oc.columns(['cluster_id', 'account_type']).doUpdateSet({
          credit_limit_minor: row.credit_limit_minor,
          max_balance_minor: row.max_balance_minor,
        }),
      )
      .execute(),
};

export interface AccountListFilter {
  readonly status?: CurrencyAccountTable['status'];
  readonly needsRebalancingBefore?: Date;
  readonly search?: string;
}

/** An account, its organisation's name, and whether the person may act for it today (every wallet request reads it). */
const accountWithMandate = new StatementTemplate(
  (
    db: Q,
    shape: { isSignedIn: boolean },
    values: { clusterId: string; id: string; personId: string | null; today: string },
  ) =>
    db
      .selectFrom('currency_account as a')
      .leftJoin('organisation as o', (join) =>
        join.onRef('o.cluster_id', '=', 'a.cluster_id').onRef('o.id', '=', 'a.organisation_id'),
      )
      .selectAll('a')
      .select('o.name as organisation_name')
      .select(({ exists, selectFrom, lit }) =>
        shape.isSignedIn
          ? exists(
              selectFrom('representative_mandate as m')
                .select('m.id')
                .whereRef('m.cluster_id', '=', 'a.cluster_id')
                .whereRef('m.organisation_id', '=', 'a.organisation_id')
                .where('m.person_id', '=', values.personId)
                .where(mandateInForceOn(values.today)),
            ).as('has_mandate')
          : lit(false).as('has_mandate'),
      )
      .where('a.cluster_id', '=', values.clusterId)
      .where('a.id', '=', values.id),
);

export const accountRepo = {
  insert: (db: Q, row: Database['currency_account']) =>
    db.insertInto('currency_account').values(row).execute(),

  /** An organisation has one account; admitting it again keeps the one it had. */
  insertIfMissing: (db: Q, row: Database['currency_account']) =>
    db
      .insertInto('currency_account')
      .values(row)
      .onConflict((oc) => oc.columns(['cluster_id', 'organisation_id']).doNothing())
      .execute(),

  activeMembersWithoutAccount: (db: Q, clusterId: string) =>
    db
      .selectFrom('organisation as o')
      .select(['o.id', 'o.sector'])
      .where('o.cluster_id', '=', clusterId)
      .where('o.membership_status', '=', 'active')
      .where(({ not, exists, selectFrom }) =>
        not(
          exists(
            selectFrom('currency_account as a')
              .select('a.id')
              .whereRef('a.cluster_id', '=', 'o.cluster_id')
              .whereRef('a.organisation_id', '=', 'o.id'),
          ),
        ),
      )
      .execute(),

  /** Accounts without a limit of their own follow their type's defaults. */
  applyTypeDefaults: (db: Q, type: Database['currency_account_type']) =>
    db
      .updateTable('currency_account')
      .set({ credit_limit_minor: type.credit_limit_minor, max_balance_minor: type.max_balance_minor })
      .where('cluster_id', '=', type.cluster_id)
      .where('account_type', '=', type.account_type)
      .where('has_own_limit', '=', false)
      .where('kind', '=', 'member')
      .execute(),

  find: (db: Q, clusterId: string, id: string) =>
    db
      .selectFrom('currency_account as a')
      .leftJoin('organisation as o', (join) =>
        join.onRef('o.cluster_id', '=', 'a.cluster_id').onRef('o.id', '=', 'a.organisation_id'),
      )
      .selectAll('a')
      .select('o.name as organisation_name')
      .where('a.cluster_id', '=', clusterId)
      .where('a.id', '=', id)
      .executeTakeFirst(),

  /** The account, and whether the person holds an active mandate of its organisation today. */
  findWithMandate: (db: Q, clusterId: string, id: string, personId: string | null, today: string) =>
    accountWithMandate.executeTakeFirst(
      db,
      { isSignedIn: personId !== null },
      { clusterId, id, personId, today },
    ),

  /** The kind and the organisation's name of each of these accounts, by account id. */
  namesOf: async (db: Q, clusterId: string, ids: readonly string[]) => {
    if (ids.length === 0) return new Map<string, { kind: string; name: string }>();
    const rows = await db
      .selectFrom('currency_account as a')
      .leftJoin('organisation as o', (join) =>
        join.onRef('o.cluster_id', '=', 'a.cluster_id').onRef('o.id', '=', 'a.organisation_id'),
      )
      .select(['a.id', 'a.kind', sql<string>`coalesce(o.name, '')`.as('name')])
      .where('a.cluster_id', '=', clusterId)
      .where(sql<boolean>`a.id = any(${ids}::uuid[])`)
      .execute();
    return new Map(rows.map((row) => [row.id, { kind: row.kind, name: row.name }]));
  },

  ofOrganisation: (db: Q, clusterId: string, organisationId: string) =>
    db
      .selectFrom('currency_account')
      .selectAll()
      .where('cluster_id', '=', clusterId)
      .where('organisation_id', '=', organisationId)
      .executeTakeFirst(),

  feeAccount: (db: Q, clusterId: string) =>
    db
      .selectFrom('currency_account')
      .selectAll()
      .where('cluster_id', '=', clusterId)
      .where('kind', '=', 'fee')
      .executeTakeFirst(),

  /**
   * Locks the accounts in id order, so two transfers over the same accounts never deadlock; with
   * the fee account (whichever its id) when fees are charged, in the same statement.
   */
  /**
   * Locks the accounts in id order (with the cluster's own account if asked). Given a day, each
   * row also says who may act for its account that day (people with a valid mandate for its
   * organisation), so that a payment's permission is checked in the batch that writes it.
   */
  lockInIdOrder: (
    tx: Tx,
    clusterId: string,
    ids: readonly string[],
    { withFeeAccount = false, actingOn }: { withFeeAccount?: boolean; actingOn?: string } = {},
  ) =>
    tx
      .selectFrom('currency_account as a')
      .selectAll('a')
      .$if(actingOn !== undefined, (query) =>
        query.select(({ selectFrom }) =>
          selectFrom('representative_mandate as m')
            .select(sql<string[]>`coalesce(array_agg(m.person_id), '{}')`.as('ids'))
            .whereRef('m.cluster_id', '=', 'a.cluster_id')
            .whereRef('m.organisation_id', '=', 'a.organisation_id')
            .where(mandateInForceOn(actingOn as string))
            .as('acting_person_ids'),
        ),
      )
      .where('a.cluster_id', '=', clusterId)
      .where((eb) =>
        withFeeAccount
          ? eb.or([eb('a.id', 'in', [...new Set(ids)].sort()), eb('a.kind', '=', 'fee')])
          : eb('a.id', 'in', [...new Set(ids)].sort()),
      )
      .orderBy('a.id')
      .forUpdate()
      .execute(),

  update: (db: Q, clusterId: string, id: string, patch: Partial<CurrencyAccountTable>) =>
    db
      .updateTable('currency_account')
      .set(patch)
      .where('cluster_id', '=', clusterId)
      .where('id', '=', id)
      .returningAll()
      .executeTakeFirstOrThrow(),

  list: (
    db: Q,
    clusterId: string,
    filter: AccountListFilter,
    after: readonly [string, string] | null,
    limit: number,
  ) => {
    let query = db
      .selectFrom('currency_account as a')
      .leftJoin('organisation as o', (join) =>
        join.onRef('o.cluster_id', '=', 'a.cluster_id').onRef('o.id', '=', 'a.organisation_id'),
      )
      .selectAll('a')
      .select(sql<string>`coalesce(o.name, '')`.as('organisation_name'))
      .where('a.cluster_id', '=', clusterId);
    if (filter.status) query = query.where('a.status', '=', filter.status);
    if (filter.needsRebalancingBefore)
      query = query.where('a.negative_since', '<', filter.needsRebalancingBefore);
    if (filter.search) query = query.where(containsInFolded('o.name_folded', filter.search));
    if (after) {
      query = query.where(
        (eb) => eb.refTuple(sql`coalesce(o.name, '')`, 'a.id'),
        '>',
        (eb) => eb.tuple(after[0], after[1]),
      );
    }
    return query
      .orderBy(sql`coalesce(o.name, '')`)
      .orderBy('a.id')
      .limit(limit + 1)
      .execute();
  },

  /** The organisations a person may act for today: active mandates only. */
  actingFor: (db: Q, clusterId: string, personId: string, today: string) =>
    db
      .selectFrom('representative_mandate as m')
      .innerJoin('currency_account as a', (join) =>
        join.onRef('a.cluster_id', '=', 'm.cluster_id').onRef('a.organisation_id', '=', 'm.organisation_id'),
      )
      .innerJoin('organisation as o', (join) =>
        join.onRef('o.cluster_id', '=', 'm.cluster_id').onRef('o.id', '=', 'm.organisation_id'),
      )
      .select(['a.id as account_id', 'o.id as organisation_id', 'o.name as organisation_name'])
      .where('m.cluster_id', '=', clusterId)
      .where('m.person_id', '=', personId)
      .where(mandateInForceOn(today))
      .distinct()
      .orderBy('o.name')
      .limit(100)
      .execute(),

  /**
   * Accounts one may pay, by name: the members', and the cluster's own account under the
   * cluster's name (dues and fees are paid to it).
   */
  payees: (db: Q, cluster: { id: string; name: string }, search: string | undefined, limit: number) => {
    const name = sql<string>`coalesce(o.name, ${cluster.name}::text)`;
    let query = db
      .selectFrom('currency_account as a')
      .leftJoin('organisation as o', (join) =>
        join.onRef('o.cluster_id', '=', 'a.cluster_id').onRef('o.id', '=', 'a.organisation_id'),
      )
      .select(['a.id', 'a.kind', 'a.status', name.as('name')])
      .where('a.cluster_id', '=', cluster.id)
      .where('a.status', 'in', ['active', 'closing']);
    if (search) query = query.where(containsText(name, search));
    return query.orderBy(name).orderBy('a.id').limit(limit).execute();
  },
};

export const limitChangeRepo = {
  insert: (db: Q, row: Database['currency_limit_change']) =>
    db.insertInto('currency_limit_change').values(row).execute(),

  ofAccount: (db: Q, clusterId: string, accountId: string) =>
    db
      .selectFrom('currency_limit_change as c')
      .leftJoin('person', 'person.id', 'c.changed_by')
      .select([
        'c.id',
        'c.field',
        'c.old_value',
        'c.new_value',
        'c.reason',
        'c.changed_at',
        'person.display_name',
      ])
      .where('c.cluster_id', '=', clusterId)
      .where('c.account_id', '=', accountId)
      .orderBy('c.changed_at', 'desc')
      .limit(50)
      .execute(),
};

export interface HistoryFilter {
  readonly direction?: 'in' | 'out';
  readonly search?: string;
  readonly from?: Date;
  readonly until?: Date;
}

type HistorySide = 'payer_account_id' | 'payee_account_id';
/** A search by counterparty names one account (the index then gives the page in order) or several. */
type HistoryMatch = 'description' | 'one counterparty' | 'counterparties' | null;

interface HistoryShape {
  /** The parts read, each through its own index: the sides asked for, times the matches searched. */
  readonly parts: readonly { readonly side: HistorySide; readonly match: HistoryMatch }[];
  readonly isAfterCursor: boolean;
  readonly hasFrom: boolean;
  readonly hasUntil: boolean;
  readonly limit: number;
}

interface HistoryValues {
  readonly clusterId: string;
  readonly accountId: string;
  readonly beforeSeq: number | null;
  readonly from: Date | null;
  readonly until: Date | null;
  /** A LIKE pattern. */
  readonly search: string | null;
  readonly counterparty: string | null;
  readonly counterparties: readonly string[];
}

/**
 * One part of a page of an account's history: the transfers it paid, or those it received,
 * perhaps only those a search matches. The cursor is compared through a one-row subquery, so the
 * planner costs every page alike and the prepared statement keeps one generic plan rather than
 * being planned for each cursor.
 */
function historyPart(
  db: Q,
  shape: HistoryShape,
  values: HistoryValues,
  side: HistorySide,
  match: HistoryMatch,
) {
  const otherColumn = side === 'payer_account_id' ? 't.payee_account_id' : 't.payer_account_id';
  // Bounds by sequence from the dates: an account's transfers are dated in sequence order (see
  // LedgerWriter), so the bounds select exactly the period, and a page of a period long ago is
  // read from where it starts by the sequence index, not scanned up to.
  const boundary = (comparison: '<' | '>=', date: Date, direction: 'asc' | 'desc') =>
    db
      .selectFrom('currency_transfer as b')
      .select('b.seq')
      .where('b.cluster_id', '=', values.clusterId)
      .where(`b.${side}`, '=', values.accountId)
      .where('b.created_at', comparison, date)
      .orderBy('b.created_at', direction)
      .orderBy('b.seq', direction)
      .limit(1);
  return (
    db
      .selectFrom('currency_transfer as t')
      .selectAll('t')
      .where('t.cluster_id', '=', values.clusterId)
      .where(`t.${side}`, '=', values.accountId)
      .$if(shape.isAfterCursor, (query) =>
        query.where(sql<boolean>`t.seq < (select ${values.beforeSeq}::bigint)`),
      )
      .$if(shape.hasUntil, (query) => query.where('t.seq', '<=', boundary('<', values.until as Date, 'desc')))
      .$if(shape.hasFrom, (query) => query.where('t.seq', '>=', boundary('>=', values.from as Date, 'asc')))
      // The description as it was folded when written (migrations/0018, 0022): whatever the case and
      // the accents.
      .$if(match === 'description', (query) =>
        query.where(sql<boolean>`t.description_folded like kopa_fold(${values.search})`),
      )
      .$if(match === 'one counterparty', (query) =>
        query.where(otherColumn, '=', values.counterparty as string),
      )
      .$if(match === 'counterparties', (query) =>
        query.where(sql<boolean>`${sql.ref(otherColumn)} = any(${values.counterparties}::uuid[])`),
      )
      .orderBy('t.seq', 'desc')
      .limit(shape.limit)
  );
}

/**
 * A page of an account's history in one statement: each part's newest rows (a short walk down its
 * own index), put together and cut to the page; one extra row says whether there is more.
 */
const historyPage = new StatementTemplate((db: Q, shape: HistoryShape, values: HistoryValues) => {
  const parts = shape.parts.map(({ side, match }) => sql`(${historyPart(db, shape, values, side, match)})`);
  // The page's rows are found first and only they are joined to their counterparties, not every
  // row each side reads.
  type Transfer = Selectable<CurrencyTransferTable>;
  const page =
    parts.length === 1
      ? sql<Transfer>`${parts[0]}`
      : sql<Transfer>`(${sql.join(parts, sql` union `)} order by seq desc limit ${sql.lit(shape.limit)})`;
  return db
    .selectFrom(page.as('h'))
    .leftJoin('currency_account as other', (join) =>
      join
        .onRef('other.cluster_id', '=', 'h.cluster_id')
        .on(
          'other.id',
          '=',
          sql<string>`case when h.payer_account_id = ${values.accountId} then h.payee_account_id else h.payer_account_id end`,
        ),
    )
    .leftJoin('organisation as o', (join) =>
      join.onRef('o.cluster_id', '=', 'other.cluster_id').onRef('o.id', '=', 'other.organisation_id'),
    )
    .selectAll('h')
    .select(sql<string>`coalesce(o.name, '')`.as('counterparty_name'))
    .select('other.kind as counterparty_kind')
    .orderBy('h.seq', 'desc');
});

/**
 * The parts of a search, the transfers alone, each part's newest rows one after the other (the
 * caller merges them). A statement with a pattern is planned afresh each time, and planning
 * one-table parts put end to end costs a fraction of planning them joined to the counterparties;
 * the page's counterparties are read afterwards, once, for the rows kept.
 */
const historySearchParts = new StatementTemplate((db: Q, shape: HistoryShape, values: HistoryValues) => {
  const parts = shape.parts.map(({ side, match }) => sql`(${historyPart(db, shape, values, side, match)})`);
  return db.selectFrom(sql<TransferRow>`(${sql.join(parts, sql` union all `)})`.as('h')).selectAll('h');
});

export const transferRepo = {
  insert: (tx: Tx, row: Omit<CurrencyTransferTable, 'seq'>) =>
    tx.insertInto('currency_transfer').values(row).returning('seq').executeTakeFirstOrThrow(),

  /**
   * Records transfers and the new states of the locked accounts they moved in one statement (one
   * round trip while the chain's head is held); gives each transfer's sequence number.
   */
  record: async (
    tx: Tx,
    clusterId: string,
    rows: readonly TransferRow[],
    accounts: readonly CurrencyAccountTable[],
    at: Date,
  ): Promise<Map<string, number>> => {
    const states = sql.join(
      accounts.map(
        (a) =>
          sql`(${a.id}::uuid, ${a.balance_minor}::bigint, ${a.pending_debit_minor}::bigint, ${a.pending_credit_minor}::bigint, ${a.credit_limit_minor}::bigint, ${a.received_total_minor}::bigint, ${a.negative_since}::timestamptz, ${a.status}::text)`,
      ),
    );
    const transfers = sql.join(
      rows.map(
        (t) =>
          sql`(${t.cluster_id}::uuid, ${t.id}::uuid, ${t.kind}, ${t.payer_account_id}::uuid, ${t.payee_account_id}::uuid, ${t.amount_minor}::bigint, ${t.description}, ${t.related_transfer_id}::uuid, ${t.payer_balance_after}::bigint, ${t.payee_balance_after}::bigint, ${t.origin}, ${t.origin_id}::uuid, ${t.created_by}::uuid, ${t.created_at}::timestamptz)`,
      ),
    );
    const { rows: inserted } = await sql<{ id: string; seq: string }>`
      WITH saved AS (
        UPDATE currency_account AS a SET
          balance_minor = v.balance, pending_debit_minor = v.pending_debit,
          pending_credit_minor = v.pending_credit, credit_limit_minor = v.credit_limit,
          received_total_minor = v.received_total, negative_since = v.negative_since,
          status = v.status, last_transfer_at = ${at}
        FROM (VALUES ${states}) AS v (id, balance, pending_debit, pending_credit, credit_limit, received_total, negative_since, status)
        WHERE a.cluster_id = ${clusterId} AND a.id = v.id
      )
      INSERT INTO currency_transfer (cluster_id, id, kind, payer_account_id, payee_account_id, amount_minor,
        description, related_transfer_id, payer_balance_after, payee_balance_after, origin, origin_id,
        created_by, created_at)
      VALUES ${transfers}
      RETURNING id, seq`.execute(tx);
    return new Map(inserted.map((row) => [row.id, Number(row.seq)]));
  },

  find: (db: Q, clusterId: string, id: string) =>
    db
      .selectFrom('currency_transfer')
      .selectAll()
      .where('cluster_id', '=', clusterId)
      .where('id', '=', id)
      .executeTakeFirst() as Promise<TransferRow | undefined>,

  /** The fee held beside each of these holds, by the hold's id (holds without a fee are absent). */
  feeHoldsOf: async (db: Q, clusterId: string, holdIds: readonly string[]) => {
    const rows = (await db
      .selectFrom('currency_transfer')
      .selectAll()
      .where('cluster_id', '=', clusterId)
      .where('related_transfer_id', 'in', [...holdIds])
      .where('kind', '=', 'hold')
      .execute()) as TransferRow[];
    return new Map(rows.map((row) => [row.related_transfer_id as string, row]));
  },

  isResolved: async (db: Q, clusterId: string, holdId: string) =>
    (await db
      .selectFrom('currency_transfer')
      .select('id')
      .where('cluster_id', '=', clusterId)
      .where('related_transfer_id', '=', holdId)
      .where('kind', 'in', ['post', 'void', 'reversal'])
      .executeTakeFirst()) !== undefined,

  /**
   * One page of an account's history, newest first. Payer and payee sides are read through their
   * own indexes and merged in one statement, so a page costs two short index scans however long
   * the history is.
   */
  history: async (
    db: Q,
    clusterId: string,
    accountId: string,
    filter: HistoryFilter,
    beforeSeq: number | null,
    limit: number,
  ) => {
    // A search matches a description or a counterparty's name. The two are separate parts of one
    // statement, each served by its own index (trigram on descriptions; account pairs), rather
    // than one OR that would read the whole history of a busy account to find a rare match.
    const search = filter.search ? `%${escapeLike(filter.search)}%` : null;
    // Counterparties are found by their names as plain text, by a statement with one plan for all:
    // a cluster's organisations are few, and reading their names costs less than planning afresh
    // for each pattern (as `ilike` is, see prepared-statements.ts). The organisations are matched
    // first and their accounts found by index, not every account read to be joined to them.
    const counterparties = filter.search
      ? (
          await db
            .selectFrom('currency_account as a')
            .select('a.id')
            .where('a.cluster_id', '=', clusterId)
            .where(
              sql<boolean>`a.organisation_id = any(array(${db
                .selectFrom('organisation as o')
                .select('o.id')
                .where('o.cluster_id', '=', clusterId)
                .where(containsInFolded('o.name_folded', filter.search))
                .limit(100)}))`,
            )
            .execute()
        ).map((row) => row.id)
      : [];
    const columns: ('payer_account_id' | 'payee_account_id')[] =
      filter.direction === 'in'
        ? ['payee_account_id']
        : filter.direction === 'out'
          ? ['payer_account_id']
          : ['payer_account_id', 'payee_account_id'];
    const matches: HistoryMatch[] = !search
      ? [null]
      : counterparties.length === 0
        ? ['description']
        : ['description', counterparties.length === 1 ? 'one counterparty' : 'counterparties'];
    const values: HistoryValues = {
      clusterId,
      accountId,
      beforeSeq,
      from: filter.from ?? null,
      until: filter.until ?? null,
      search,
      counterparty: counterparties[0] ?? null,
      counterparties,
    };
    const shape: HistoryShape = {
      parts: columns.flatMap((side) => matches.map((match) => ({ side, match }))),
      isAfterCursor: beforeSeq !== null,
      hasFrom: filter.from !== undefined,
      hasUntil: filter.until !== undefined,
      limit: limit + 1,
    };
    if (!search) return historyPage.execute(db, shape, values);
    const found = (await historySearchParts.execute(db, shape, values)) as TransferRow[];
    // A transfer both a description and a counterparty match is found twice, and kept once.
    const page = [...new Map(found.map((row) => [row.id, row])).values()]
      .sort((a, b) => b.seq - a.seq)
      .slice(0, limit + 1);
    const others = await accountRepo.namesOf(db, clusterId, [
      ...new Set(
        page.map((row) => (row.payer_account_id === accountId ? row.payee_account_id : row.payer_account_id)),
      ),
    ]);
    return page.map((row) => {
      const other = others.get(
        row.payer_account_id === accountId ? row.payee_account_id : row.payer_account_id,
      );
      return { ...row, counterparty_name: other?.name ?? '', counterparty_kind: other?.kind ?? null };
    });
  },

  /** Income and spending per month over the last months, for the wallet's charts. */
  monthlyActivity: (db: Q, clusterId: string, accountId: string, since: Date) =>
    sql<{ month: string; income: number; spending: number; transfers: number }>`
      SELECT to_char(date_trunc('month', created_at AT TIME ZONE 'UTC'), 'YYYY-MM') AS month,
        coalesce(sum(amount_minor) FILTER (WHERE payee_account_id = ${accountId}), 0)::bigint AS income,
        coalesce(sum(amount_minor) FILTER (WHERE payer_account_id = ${accountId}), 0)::bigint AS spending,
        count(*)::int AS transfers
      FROM currency_transfer
      WHERE cluster_id = ${clusterId} AND created_at >= ${since}
        AND kind NOT IN ('hold', 'void')
        AND (payer_account_id = ${accountId} OR payee_account_id = ${accountId})
      GROUP BY 1 ORDER BY 1`
      .execute(db)
      .then((result) => result.rows),
};
