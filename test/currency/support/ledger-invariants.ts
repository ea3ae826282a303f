/**
 * The ledger's invariants, checked from the stored rows alone, after the fact: what the concurrency
 * and crash tests assert and what the ledger benchmarks count. Each figure is a number of
 * violations (zero when the ledger is sound), so a report can say how many and of which kind.
 *
 * The per-transfer limit check compares each payer's balance after a transfer with the account's
 * present credit limit and maximum balance: right for runs that do not change limits meanwhile
 * (all the runs that use this), too strict otherwise.
 */
import { sql } from 'kysely';
import type { Queryable } from '../../../src/server/platform/database.ts';

export interface LedgerViolations {
  /** 1 when the balances of the currency do not add up to zero. */
  readonly sumNotZero: number;
  /** 1 when pending debits and pending credits differ. */
  readonly pendingNotBalanced: number;
  /** Accounts below minus their credit limit, or above their maximum balance, now. */
  readonly accountsPastLimits: number;
  /** Accounts whose balance is not what their transfers add up to (a lost or doubled update). */
  readonly accountsNotMatchingTransfers: number;
  /** Transfers whose recorded balance after does not follow from the account's earlier transfers. */
  readonly brokenBalanceChains: number;
  /** Payments and fees that took the payer past its credit limit or the payee past its maximum. */
  readonly transfersPastLimits: number;
}

export const totalOf = (violations: LedgerViolations) =>
  Object.values(violations).reduce((sum, count) => sum + count, 0);

/** Every invariant of one cluster's ledger, counted; bounded by the cluster's transfers, read once. */
export async function ledgerViolations(db: Queryable, clusterId: string): Promise<LedgerViolations> {
  const { rows: accountRows } = await sql<{
    sum_not_zero: number;
    pending_not_balanced: number;
    past_limits: number;
  }>`
    SELECT (coalesce(sum(balance_minor), 0) <> 0)::int AS sum_not_zero,
      (coalesce(sum(pending_debit_minor), 0) <> coalesce(sum(pending_credit_minor), 0))::int
        AS pending_not_balanced,
      count(*) FILTER (
        WHERE balance_minor < -credit_limit_minor
           OR (max_balance_minor IS NOT NULL AND balance_minor > max_balance_minor))::int AS past_limits
    FROM currency_account WHERE cluster_id = ${clusterId}`.execute(db);

  // Each transfer seen from both of its accounts; holds and voids reserve but move nothing. Every
  // row, a payment's fee included, gives the balances right after itself.
  const { rows: transferRows } = await sql<{
    not_matching: number;
    broken_chains: number;
    past_limits: number;
  }>`
    WITH leg AS (
      SELECT t.payer_account_id AS account_id, t.seq, t.kind, true AS is_payer,
        CASE WHEN t.kind IN ('hold', 'void') THEN 0 ELSE -t.amount_minor END AS delta,
        t.payer_balance_after AS balance_after
      FROM currency_transfer t
      WHERE t.cluster_id = ${clusterId}
      UNION ALL
      SELECT t.payee_account_id, t.seq, t.kind, false,
        CASE WHEN t.kind IN ('hold', 'void') THEN 0 ELSE t.amount_minor END,
        t.payee_balance_after
      FROM currency_transfer t WHERE t.cluster_id = ${clusterId}
    ),
    running AS (
      SELECT leg.*, sum(delta) OVER (PARTITION BY account_id ORDER BY seq) AS expected_after
      FROM leg
    ),
    per_account AS (
      SELECT a.id, a.balance_minor, coalesce(sum(leg.delta), 0) AS moved
      FROM currency_account a LEFT JOIN leg ON leg.account_id = a.id
      WHERE a.cluster_id = ${clusterId}
      GROUP BY a.id, a.balance_minor
    )
    SELECT
      (SELECT count(*) FROM per_account WHERE balance_minor <> moved)::int AS not_matching,
      (SELECT count(*) FROM running WHERE balance_after <> expected_after)::int AS broken_chains,
      (SELECT count(*) FROM running r
         JOIN currency_account a ON a.cluster_id = ${clusterId} AND a.id = r.account_id
         WHERE r.kind IN ('payment', 'fee')
           AND ((r.is_payer AND r.balance_after < -a.credit_limit_minor)
             OR (NOT r.is_payer AND a.max_balance_minor IS NOT NULL
                 AND r.balance_after > a.max_balance_minor)))::int AS past_limits`.execute(db);

  const accounts = accountRows[0];
  const transfers = transferRows[0];
  if (!accounts || !transfers) throw new Error('the invariant queries returned no row');
  return {
    sumNotZero: accounts.sum_not_zero,
    pendingNotBalanced: accounts.pending_not_balanced,
    accountsPastLimits: accounts.past_limits,
    accountsNotMatchingTransfers: transfers.not_matching,
    brokenBalanceChains: transfers.broken_chains,
    transfersPastLimits: transfers.past_limits,
  };
}

export const NO_VIOLATIONS: LedgerViolations = {
  sumNotZero: 0,
  pendingNotBalanced: 0,
  accountsPastLimits: 0,
  accountsNotMatchingTransfers: 0,
  brokenBalanceChains: 0,
  transfersPastLimits: 0,
};
