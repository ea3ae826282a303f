/**
 * The demo clusters' currencies: each cluster's coordinator sets one up, a bookkeeper who keeps
 * the accounts of the smaller members is given their mandates, and the members trade over the past
 * months — all through the real currency service (payments with idempotency keys), so wallets,
 * charts, histories and the public figures have something to show. Demo only; deterministic.
 */
import type { Services } from '../app.ts';
import { CurrencyService, type CurrencySettingsInput } from '../currency/service.ts';
import type { Viewer } from '../platform/auth/viewer.ts';
import { AppError } from '../platform/errors.ts';
import type { Runtime } from '../runtime.ts';

interface DemoBookkeeper {
  readonly email: string;
  readonly displayName: string;
  readonly locale: 'lv' | 'en' | 'fr' | 'it';
}

interface DemoCurrency {
  readonly settings: CurrencySettingsInput;
  /** Keeps the accounts of the members without a representative of their own. */
  readonly bookkeeper: DemoBookkeeper;
  /** What members pay each other for, in the cluster's language. */
  readonly purposes: readonly string[];
  /** A coordinator's change of one account's credit limit, so the wallet's log has an entry. */
  readonly limitChange: {
    readonly organisation: string;
    readonly creditLimitMinor: number;
    readonly reason: string;
  };
}

const limits = (government: number, industry: number, academia: number, civilSociety: number) => [
  { accountType: 'government' as const, creditLimitMinor: government, maxBalanceMinor: null },
  { accountType: 'industry' as const, creditLimitMinor: industry, maxBalanceMinor: null },
  { accountType: 'academia' as const, creditLimitMinor: academia, maxBalanceMinor: null },
  { accountType: 'civil_society' as const, creditLimitMinor: civilSociety, maxBalanceMinor: null },
];

export const DEMO_CURRENCIES: Readonly<Record<string, DemoCurrency>> = {
  roccavaldina: {
    settings: {
      name: 'Credito Peloro',
      code: 'PEL',
      symbol: 'PEL',
      decimals: 2,
      euroValue: '1',
      feeBasisPoints: 100,
      rebalanceAfterMonths: 12,
      limitGrowth: null,
      clearingNeedsConfirmation: true,
      accountTypes: limits(300_000, 200_000, 150_000, 100_000),
    },
    bookkeeper: {
      email: 'contabilita@roccavaldina.example',
      displayName: 'Antonio Messina',
      locale: 'it',
    },
    purposes: [
      'Fornitura di piantine per il bosco',
      'Laboratorio di ceramica per la scuola',
      'Stampa di materiali informativi',
      'Consulenza sui materiali bioplastici',
      'Catering per l’assemblea dei soci',
      'Noleggio della sala per il seminario',
      'Manutenzione del verde',
      'Imballaggi compostabili',
      'Trasporto di materiali',
      'Corso sull’economia circolare',
    ],
    limitChange: {
      organisation: 'Ecos-Med Società Cooperativa Sociale',
      creditLimitMinor: 250_000,
      reason: 'Commessa per gli imballaggi dell’impianto di bioplastiche: limite aumentato per sei mesi.',
    },
  },
  ploucs: {
    settings: {
      name: 'Ploucs',
      code: 'PLC',
      symbol: 'PLC',
      decimals: 2,
      euroValue: '1',
      feeBasisPoints: 0,
      rebalanceAfterMonths: 6,
      limitGrowth: { basisPoints: 1000, capMinor: 300_000 },
      clearingNeedsConfirmation: true,
      accountTypes: limits(250_000, 150_000, 100_000, 80_000),
    },
    bookkeeper: { email: 'comptabilite@ploucs.example', displayName: 'Nathalie Dubos', locale: 'fr' },
    purposes: [
      'Animation d’un atelier Landes’Art',
      'Paniers de légumes bio',
      'Réparation de mobilier',
      'Formation à l’économie sociale et solidaire',
      'Bois de chauffage',
      'Location de salle',
      'Impression d’affiches',
      'Accompagnement de projet',
      'Repas de l’assemblée',
      'Prêt d’un véhicule utilitaire',
    ],
    limitChange: {
      organisation: 'Ressourcerie des Landes',
      creditLimitMinor: 120_000,
      reason: 'Achat de stock pour la boutique de Noël, validé par le comité.',
    },
  },
  luznava: {
    settings: {
      name: 'Lūznavas kredīts',
      code: 'LZK',
      symbol: 'LZK',
      decimals: 2,
      euroValue: '1',
      feeBasisPoints: 50,
      rebalanceAfterMonths: 12,
      limitGrowth: null,
      clearingNeedsConfirmation: false,
      accountTypes: limits(300_000, 150_000, 120_000, 80_000),
    },
    bookkeeper: { email: 'gramatvede@luznava.example', displayName: 'Inese Vanaga', locale: 'lv' },
    purposes: [
      'Keramikas darbnīcas vadīšana',
      'Telpu noma semināram',
      'Koka izstrādājumi muižai',
      'Ēdināšana kopsapulcei',
      'Pētījums par sociālo uzņēmējdarbību',
      'Afišu druka',
      'Materiāli no resursu tirgus',
      'Transporta pakalpojumi',
      'Mācības par ES projektiem',
      'Parka kopšana',
    ],
    limitChange: {
      organisation: 'Biedrība “Resursu tirgus”',
      creditLimitMinor: 120_000,
      reason: 'Pārstrādes darbnīcas iekārtu iegāde; valde apstiprināja uz gadu.',
    },
  },
};

const MONTHS_OF_TRADE = 7;
const PAYMENTS_PER_MONTH = 9;
const DAY_MS = 86_400_000;

/** A small seeded generator, so every demo database tells the same story. */
function randomFrom(seed: string): () => number {
  let state = 2166136261;
  for (const char of seed) state = Math.imul(state ^ char.charCodeAt(0), 16777619);
  return () => {
    state = (state + 0x6d2b79f5) | 0;
    let t = Math.imul(state ^ (state >>> 15), 1 | state);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export interface DemoCurrencySignIn {
  readonly email: string;
  readonly cluster: string;
  readonly roles: readonly string[];
}

/**
 * Sets up the cluster's currency and its past trade. `createPerson` is the seed's own way of adding a
 * verified person (it returns the id); the coordinator acts as `coordinator`.
 */
export async function seedDemoCurrency(
  runtime: Runtime,
  services: Services,
  coordinator: Viewer,
  slug: string,
  createPerson: (person: DemoBookkeeper) => Promise<string>,
): Promise<DemoCurrencySignIn[]> {
  const demo = DEMO_CURRENCIES[slug];
  if (!demo) return [];
  const now = runtime.clock();
  const startedAt = new Date(now.getTime() - MONTHS_OF_TRADE * 30 * DAY_MS);
  // The past is replayed through a service whose clock stands at each payment's moment.
  let momentOfTrade = startedAt;
  const currency = new CurrencyService(runtime.db, services.access, runtime.audit, () => momentOfTrade);

  await currency.saveSettings(coordinator, slug, demo.settings);

  const bookkeeperId = await createPerson(demo.bookkeeper);
  const bookkeeper: Viewer = {
    personId: bookkeeperId,
    sessionId: 'demo-seed',
    displayName: demo.bookkeeper.displayName,
    email: demo.bookkeeper.email,
    locale: demo.bookkeeper.locale,
    isPlatformAdmin: false,
  };
  await services.clusters.join(bookkeeper, slug);
  const kept = await membersWithoutRepresentative(runtime, slug);
  for (const organisationId of kept) {
    await services.organisations.linkRepresentative(coordinator, slug, organisationId, {
      personId: bookkeeperId,
      mandate: 'Mandate to keep the organisation’s accounts in the cluster currency.',
      startsOn: '2024-01-01',
    });
  }

  // Who pays for which account: every active mandate's holder, as the services will check.
  const payers: { account: string; actor: Viewer }[] = [];
  for (const actor of await mandateHolders(runtime, slug)) {
    const overview = await currency.overview(actor, slug);
    for (const account of overview.myAccounts) payers.push({ account: account.accountId, actor });
  }
  const accounts = payers.map((payer) => payer.account);
  const random = randomFrom(slug);
  const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)] as T;

  const moments = Array.from({ length: MONTHS_OF_TRADE * PAYMENTS_PER_MONTH }, () =>
    Math.floor(startedAt.getTime() + random() * (now.getTime() - startedAt.getTime() - DAY_MS)),
  ).sort((a, b) => a - b);
  for (const [index, moment] of moments.entries()) {
    const payer = pick(payers);
    const payee = pick(accounts.filter((account) => account !== payer.account));
    momentOfTrade = new Date(moment);
    try {
      await currency.pay(
        payer.actor,
        slug,
        payer.account,
        {
          toAccountId: payee,
          // 15.00 to 450.00, in steps of 0.50.
          amountMinor: 1500 + Math.floor(random() * 870) * 50,
          description: pick(demo.purposes),
        },
        `demo-${slug}-payment-${index}`,
      );
    } catch (error) {
      // A payment the ledger refuses (past a credit limit) is one the member would not have made.
      if (!(error instanceof AppError) || error.status >= 500) throw error;
    }
  }

  momentOfTrade = new Date(now.getTime() - 20 * DAY_MS);
  const changed = await organisationAccount(runtime, slug, demo.limitChange.organisation);
  if (changed) {
    await currency.changeAccount(
      coordinator,
      slug,
      changed,
      { creditLimitMinor: demo.limitChange.creditLimitMinor, reason: demo.limitChange.reason },
      `demo-${slug}-limit-change`,
    );
  }
  return [{ email: demo.bookkeeper.email, cluster: slug, roles: ['representative'] }];
}

async function clusterId(runtime: Runtime, slug: string): Promise<string> {
  const cluster = await runtime.db
    .selectFrom('cluster')
    .select('id')
    .where('slug', '=', slug)
    .executeTakeFirstOrThrow();
  return cluster.id;
}

/** Active members no one holds a mandate for. */
async function membersWithoutRepresentative(runtime: Runtime, slug: string): Promise<string[]> {
  const id = await clusterId(runtime, slug);
  const rows = await runtime.db
    .selectFrom('organisation as o')
    .select('o.id')
    .where('o.cluster_id', '=', id)
    .where('o.membership_status', '=', 'active')
    .where(({ not, exists, selectFrom }) =>
      not(
        exists(
          selectFrom('representative_mandate as m')
            .select('m.id')
            .whereRef('m.cluster_id', '=', 'o.cluster_id')
            .whereRef('m.organisation_id', '=', 'o.id')
            .where('m.revoked_at', 'is', null),
        ),
      ),
    )
    .orderBy('o.name')
    .execute();
  return rows.map((row) => row.id);
}

async function mandateHolders(runtime: Runtime, slug: string): Promise<Viewer[]> {
  const id = await clusterId(runtime, slug);
  const rows = await runtime.db
    .selectFrom('representative_mandate as m')
    .innerJoin('person as p', 'p.id', 'm.person_id')
    .select(['p.id', 'p.email', 'p.display_name', 'p.locale'])
    .distinct()
    .where('m.cluster_id', '=', id)
    .where('m.revoked_at', 'is', null)
    .orderBy('p.id')
    .execute();
  return rows.map((row) => ({
    personId: row.id,
    sessionId: 'demo-seed',
    displayName: row.display_name,
    email: row.email ?? '',
    locale: row.locale as Viewer['locale'],
    isPlatformAdmin: false,
  }));
}

async function organisationAccount(runtime: Runtime, slug: string, name: string): Promise<string | null> {
  const id = await clusterId(runtime, slug);
  const row = await runtime.db
    .selectFrom('currency_account as a')
    .innerJoin('organisation as o', (join) =>
      join.onRef('o.cluster_id', '=', 'a.cluster_id').onRef('o.id', '=', 'a.organisation_id'),
    )
    .select('a.id')
    .where('a.cluster_id', '=', id)
    .where('o.name', '=', name)
    .executeTakeFirst();
  return row?.id ?? null;
}
