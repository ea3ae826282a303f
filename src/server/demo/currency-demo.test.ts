/**
 * The demo's currencies, seeded on a real database through the services: each demo cluster has its
 * currency, months of payments between members, a sound ledger, and every demo representative
 * finds a wallet to use.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ledgerViolations, NO_VIOLATIONS } from '../../../test/currency/support/ledger-invariants.ts';
import { createTestKopa, type TestKopa } from '../../../test/support/test-kopa.ts';
import { buildServices } from '../app.ts';
import type { KopaConfig } from '../platform/config.ts';
import { Mailer } from '../platform/mail.ts';
import type { Runtime } from '../runtime.ts';
import { DEMO_CURRENCIES } from './currency-demo.ts';
import { type DemoSignIn, seedDemo } from './seed.ts';

describe('the demo currencies', () => {
  let kopa: TestKopa;
  let runtime: Runtime;
  let signIns: DemoSignIn[];

  beforeAll(async () => {
    kopa = await createTestKopa({ publicUrl: 'http://kopa.test', serveWeb: false });
    const clock = () => new Date();
    runtime = {
      config: { publicUrl: 'http://kopa.test', isDemo: true } as KopaConfig,
      db: kopa.db,
      audit: kopa.audit,
      mailer: new Mailer(kopa.db, clock, { printToLog: false, log: () => {} }),
      clock,
      close: async () => {},
    };
    signIns = await seedDemo(runtime);
  }, 120_000);

  afterAll(async () => {
    await kopa?.close();
  });

  const services = () => buildServices({ ...runtime, publicUrl: 'http://kopa.test', rateLimitScale: 1 });
  const viewerOf = async (email: string) => {
    const person = await kopa.db
      .selectFrom('person')
      .selectAll()
      .where('email', '=', email)
      .executeTakeFirstOrThrow();
    return {
      personId: person.id,
      sessionId: 'test',
      displayName: person.display_name,
      email,
      locale: person.locale as 'en',
      isPlatformAdmin: false,
    };
  };

  it('gives each demo cluster its currency and months of trade between members, with a sound ledger', async () => {
    for (const [slug, demo] of Object.entries(DEMO_CURRENCIES)) {
      const figures = await services().currencyFigures.figures(null, slug);
      if (!figures.currency) throw new Error(`${slug} has no currency`);
      expect(figures.currency.code).toBe(demo.settings.code);
      const monthsWithTrade = figures.volumeByMonth.filter((month) => month.transactions > 0);
      expect(monthsWithTrade.length, slug).toBeGreaterThanOrEqual(6);
      expect(figures.activeTraders, slug).toBeGreaterThanOrEqual(4);
      expect(figures.velocity, slug).not.toBeNull();

      const cluster = await kopa.db
        .selectFrom('cluster')
        .select('id')
        .where('slug', '=', slug)
        .executeTakeFirstOrThrow();
      expect(await ledgerViolations(kopa.db, cluster.id), slug).toEqual(NO_VIOLATIONS);
      const payments = await kopa.db
        .selectFrom('currency_transfer')
        .select((eb) => eb.fn.countAll<string>().as('count'))
        .where('cluster_id', '=', cluster.id)
        .where('kind', '=', 'payment')
        .executeTakeFirstOrThrow();
      expect(Number(payments.count), slug).toBeGreaterThanOrEqual(40);
    }
  });

  it('lets every demo representative open a wallet with a history, and shows a limit change with its reason', async () => {
    const representatives = signIns.filter((signIn) => signIn.roles.includes('representative'));
    expect(representatives.length).toBeGreaterThanOrEqual(9);
    for (const signIn of representatives) {
      const actor = await viewerOf(signIn.email);
      const overview = await services().currency.overview(actor, signIn.cluster);
      expect(overview.myAccounts.length, signIn.email).toBeGreaterThanOrEqual(1);
      const wallet = overview.myAccounts[0];
      if (!wallet) continue;
      const history = await services().currency.history(actor, signIn.cluster, wallet.accountId, {
        limit: 5,
      });
      expect(history.items.length, signIn.email).toBeGreaterThan(0);
    }

    const coordinator = await viewerOf('coordination@ploucs.example');
    const accounts = await services().currency.accounts(coordinator, 'ploucs', { limit: 50 });
    const changed = accounts.items.find((account) => account.organisationName === 'Ressourcerie des Landes');
    if (!changed) throw new Error('the Ressourcerie has no account');
    const wallet = await services().currency.wallet(coordinator, 'ploucs', changed.id);
    expect(wallet.creditLimitMinor).toBe(DEMO_CURRENCIES.ploucs?.limitChange.creditLimitMinor);
    expect(wallet.limitChanges.map((change) => change.reason)).toContain(
      DEMO_CURRENCIES.ploucs?.limitChange.reason,
    );
  });
});
