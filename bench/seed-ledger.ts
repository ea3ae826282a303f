/**
 * A cluster ready for payments, fast: member organisations each with a representative holding an
 * active mandate and a signed-in session, inserted set-based in a few statements; then the currency
 * is set up through the CurrencyService, as a coordinator would (an account per member, the fee
 * account, the `currency.created` event on the audit chain). The ledger benchmarks and the crash
 * test pay through the HTTP API with the returned session tokens, like browsers.
 */
import { sql } from 'kysely';
import { CurrencyService, type CurrencySettingsInput } from '../src/server/currency/service.ts';
import { Access } from '../src/server/platform/access.ts';
import type { AuditLog } from '../src/server/platform/audit/audit-log.ts';
import { hashToken, newToken } from '../src/server/platform/auth/tokens.ts';
import type { Viewer } from '../src/server/platform/auth/viewer.ts';
import type { Clock } from '../src/server/platform/clock.ts';
import type { Db } from '../src/server/platform/database.ts';
import { newId } from '../src/server/platform/ids.ts';

export interface LedgerSeedOptions {
  readonly slug: string;
  readonly memberCount: number;
  readonly creditLimitMinor: number;
  readonly maxBalanceMinor: number | null;
  readonly feeBasisPoints: number;
}

export interface SeededAccount {
  readonly accountId: string;
  readonly organisationId: string;
  /** The representative's session token: the value of the `kopa_session` cookie. */
  readonly sessionToken: string;
}

export interface LedgerSeed {
  readonly clusterId: string;
  readonly slug: string;
  readonly accounts: readonly SeededAccount[];
  readonly feeAccountId: string;
  readonly coordinatorSessionToken: string;
}

const SESSION_TTL_MS = 30 * 24 * 3600 * 1000;

export async function seedLedger(
  db: Db,
  audit: AuditLog,
  clock: Clock,
  options: LedgerSeedOptions,
): Promise<LedgerSeed> {
  const now = clock();
  const clusterId = newId();
  const coordinatorId = newId();
  const organisationIds = Array.from({ length: options.memberCount }, () => newId());
  const representativeIds = organisationIds.map(() => newId());
  const personIds = [coordinatorId, ...representativeIds];
  const tokens = personIds.map(() => newToken());
  const expiresAt = new Date(now.getTime() + SESSION_TTL_MS);

  await db.transaction().execute(async (tx) => {
    await sql`
      INSERT INTO cluster (id, slug, name, country, region, languages, default_locale, cluster_type,
                           description, visibility, created_at, updated_at)
      VALUES (${clusterId}, ${options.slug}, ${`Ledger ${options.slug}`}, 'LV', 'Latgale',
              ARRAY['en', 'lv'], 'en', 'spatial', 'A cluster seeded for the ledger.', 'public', ${now}, ${now})
    `.execute(tx);
    await sql`
      INSERT INTO organisation (cluster_id, id, name, legal_form, sector, country, website, description,
                                vote_weight, membership_status, member_since, created_at, updated_at)
      SELECT ${clusterId}, o.id, 'Organisation ' || lpad(o.n::text, 5, '0'), 'social_cooperative',
             'industry', 'LV', '', '', 1, 'active', date '2024-01-01', ${now}, ${now}
      FROM unnest(${organisationIds}::uuid[]) WITH ORDINALITY AS o(id, n)
    `.execute(tx);
    await sql`
      INSERT INTO person (id, email, email_verified_at, password_hash, display_name, locale, created_at)
      SELECT p.id, p.id || '@ledger.kopa.example', ${now}, NULL, 'Person ' || p.n, 'en', ${now}
      FROM unnest(${personIds}::uuid[]) WITH ORDINALITY AS p(id, n)
    `.execute(tx);
    await sql`
      INSERT INTO cluster_role (cluster_id, person_id, role, granted_at, granted_by)
      SELECT ${clusterId}, p.id, CASE WHEN p.n = 1 THEN 'coordinator' ELSE 'representative' END, ${now}, NULL
      FROM unnest(${personIds}::uuid[]) WITH ORDINALITY AS p(id, n)
    `.execute(tx);
    await sql`
      INSERT INTO representative_mandate (cluster_id, id, organisation_id, person_id, mandate, starts_on,
                                          ends_on, recorded_at, recorded_by, revoked_at)
      SELECT ${clusterId}, m.id, m.organisation_id, m.person_id, 'Board decision', date '2024-01-01',
             NULL, ${now}, ${coordinatorId}, NULL
      FROM unnest(${organisationIds.map(() => newId())}::uuid[], ${organisationIds}::uuid[],
                  ${representativeIds}::uuid[]) AS m(id, organisation_id, person_id)
    `.execute(tx);
    await sql`
      INSERT INTO session (id, token_hash, person_id, created_at, last_seen_at, expires_at, user_agent)
      SELECT s.id, s.token_hash, s.person_id, ${now}, ${now}, ${expiresAt}, 'ledger seed'
      FROM unnest(${personIds.map(() => newId())}::uuid[], ${tokens.map(hashToken)}::text[],
                  ${personIds}::uuid[]) AS s(id, token_hash, person_id)
    `.execute(tx);
  });

  const coordinator: Viewer = {
    personId: coordinatorId,
    sessionId: newId(),
    displayName: 'Person 1',
    email: `${coordinatorId}@ledger.kopa.example`,
    locale: 'en',
    isPlatformAdmin: false,
  };
  const settings: CurrencySettingsInput = {
    name: 'Ledger credit',
    code: 'LDG',
    symbol: 'L',
    decimals: 2,
    euroValue: '1',
    feeBasisPoints: options.feeBasisPoints,
    rebalanceAfterMonths: 12,
    limitGrowth: null,
    clearingNeedsConfirmation: true,
    accountTypes: [
      {
        accountType: 'industry',
        creditLimitMinor: options.creditLimitMinor,
        maxBalanceMinor: options.maxBalanceMinor,
      },
    ],
  };
  await new CurrencyService(db, new Access(db), audit, clock).saveSettings(
    coordinator,
    options.slug,
    settings,
  );

  const accounts = await db
    .selectFrom('currency_account')
    .select(['id', 'organisation_id', 'kind'])
    .where('cluster_id', '=', clusterId)
    .execute();
  const accountOf = new Map(accounts.map((a) => [a.organisation_id, a.id]));
  const feeAccountId = accounts.find((a) => a.kind === 'fee')?.id;
  if (!feeAccountId) throw new Error('the currency was set up without a fee account');
  await sql`ANALYZE organisation, person, cluster_role, representative_mandate, session, currency_account`.execute(
    db,
  );
  return {
    clusterId,
    slug: options.slug,
    feeAccountId,
    coordinatorSessionToken: tokens[0] as string,
    accounts: organisationIds.map((organisationId, index) => {
      const accountId = accountOf.get(organisationId);
      if (!accountId) throw new Error(`no account was opened for organisation ${organisationId}`);
      return { accountId, organisationId, sessionToken: tokens[index + 1] as string };
    }),
  };
}
