/**
 * The currency's public figures for the transparency page: how many accounts and active traders,
 * monthly volume and transactions, velocity, and how balances are distributed — in bands, never
 * one member's balance.
 */
import { sql } from 'kysely';
import type { Access } from '../platform/access.ts';
import type { Actor } from '../platform/auth/viewer.ts';
import type { Clock } from '../platform/clock.ts';
import type { Db } from '../platform/database.ts';
import { currencyRepo } from './repo.ts';

/** Transfers that move value between members: not reservations, releases or fees. */
const TRADE_KINDS = ['payment', 'post'];
const ACTIVE_TRADER_DAYS = 90;
/** Band edges in whole units of the currency; each band is reported only as a count. */
const BAND_EDGES = [-10_000, -1_000, -100, 0, 100, 1_000, 10_000];

export class CurrencyFigures {
  constructor(
    private readonly db: Db,
    private readonly access: Access,
    private readonly clock: Clock,
  ) {}

  async figures(actor: Actor, slug: string) {
    const access = await this.access.read(actor, slug);
    const clusterId = access.cluster.id;
    const currency = await currencyRepo.find(this.db, clusterId);
    if (!currency) return { currency: null };
    const now = this.clock();
    const since = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() - 11, 1));
    const activeSince = new Date(now.getTime() - ACTIVE_TRADER_DAYS * 86_400_000);
    const unit = 10 ** currency.decimals;

    const [accounts, monthly, traders, bands] = await Promise.all([
      sql<{ accounts: number; positive_sum: string }>`
        SELECT count(*) FILTER (WHERE kind = 'member' AND status <> 'closed')::int AS accounts,
          coalesce(sum(balance_minor) FILTER (WHERE balance_minor > 0), 0)::text AS positive_sum
        FROM currency_account WHERE cluster_id = ${clusterId}`.execute(this.db),
      sql<{ month: string; volume: string; transactions: number }>`
        SELECT to_char(date_trunc('month', created_at AT TIME ZONE 'UTC'), 'YYYY-MM') AS month,
          sum(amount_minor)::text AS volume, count(*)::int AS transactions
        FROM currency_transfer
        WHERE cluster_id = ${clusterId} AND created_at >= ${since} AND kind IN (${sql.join(TRADE_KINDS)})
        GROUP BY 1 ORDER BY 1`.execute(this.db),
      sql<{ traders: number }>`
        SELECT count(DISTINCT account_id)::int AS traders FROM (
          SELECT payer_account_id AS account_id FROM currency_transfer
            WHERE cluster_id = ${clusterId} AND created_at >= ${activeSince} AND kind IN (${sql.join(TRADE_KINDS)})
          UNION ALL
          SELECT payee_account_id FROM currency_transfer
            WHERE cluster_id = ${clusterId} AND created_at >= ${activeSince} AND kind IN (${sql.join(TRADE_KINDS)})
        ) AS t`.execute(this.db),
      sql<{ band: number; accounts: number }>`
        SELECT width_bucket(balance_minor::numeric / ${unit},
            ARRAY[${sql.join(BAND_EDGES.map((edge) => sql`${edge}::numeric`))}]) AS band,
          count(*)::int AS accounts
        FROM currency_account
        WHERE cluster_id = ${clusterId} AND kind = 'member' AND status <> 'closed'
        GROUP BY 1`.execute(this.db),
    ]);

    const months = Array.from({ length: 12 }, (_, i) =>
      new Date(Date.UTC(since.getUTCFullYear(), since.getUTCMonth() + i, 1)).toISOString().slice(0, 7),
    );
    const volumeByMonth = months.map((month) => {
      const row = monthly.rows.find((r) => r.month === month);
      return { month, volumeMinor: Number(row?.volume ?? 0), transactions: row?.transactions ?? 0 };
    });
    const yearVolume = volumeByMonth.reduce((sum, m) => sum + m.volumeMinor, 0);
    const positiveSum = Number(accounts.rows[0]?.positive_sum ?? 0);
    return {
      currency: {
        name: currency.name,
        code: currency.code,
        symbol: currency.symbol,
        decimals: currency.decimals,
      },
      accounts: accounts.rows[0]?.accounts ?? 0,
      activeTraders: traders.rows[0]?.traders ?? 0,
      activeTraderDays: ACTIVE_TRADER_DAYS,
      volumeByMonth,
      /** Twelve months' trade over the money in circulation (the sum of positive balances). */
      velocity: positiveSum === 0 ? null : Math.round((yearVolume / positiveSum) * 100) / 100,
      // width_bucket numbers the bands 0…edges.length; band i lies between edges i-1 and i.
      balanceBands: Array.from({ length: BAND_EDGES.length + 1 }, (_, band) => ({
        fromUnits: band === 0 ? null : (BAND_EDGES[band - 1] ?? null),
        toUnits: band === BAND_EDGES.length ? null : (BAND_EDGES[band] ?? null),
        accounts: bands.rows.find((row) => Number(row.band) === band)?.accounts ?? 0,
      })),
    };
  }
}
