/**
 * A cluster with a currency and member organisations, each with a representative who acts for its
 * wallet — built through the API as a coordinator would.
 */
import { randomUUID } from 'node:crypto';
import type { ApiResponse } from './api-client.ts';
import type { TestContext, TestPerson } from './test-app.ts';

export interface CurrencySettings {
  name: string;
  code: string;
  symbol: string;
  decimals: number;
  euroValue: string;
  feeBasisPoints: number;
  rebalanceAfterMonths: number;
  limitGrowth: { basisPoints: number; capMinor: number } | null;
  clearingNeedsConfirmation: boolean;
  accountTypes: { accountType: string; creditLimitMinor: number; maxBalanceMinor: number | null }[];
}

export interface TestMember {
  organisationId: string;
  accountId: string;
  name: string;
  representative: TestPerson;
}

export interface CurrencyCluster {
  slug: string;
  id: string;
  coordinator: TestPerson;
  members: TestMember[];
  feeAccountId: string;
  /** `/api/v1/clusters/SLUG/currency` */
  base: string;
}

export const DEFAULT_SETTINGS: CurrencySettings = {
  name: 'Kopa credit',
  code: 'KPC',
  symbol: '₭',
  decimals: 2,
  euroValue: '1',
  feeBasisPoints: 0,
  rebalanceAfterMonths: 12,
  limitGrowth: null,
  clearingNeedsConfirmation: true,
  accountTypes: [
    { accountType: 'industry', creditLimitMinor: 100_000, maxBalanceMinor: null },
    { accountType: 'civil_society', creditLimitMinor: 50_000, maxBalanceMinor: null },
    { accountType: 'government', creditLimitMinor: 100_000, maxBalanceMinor: null },
    { accountType: 'academia', creditLimitMinor: 50_000, maxBalanceMinor: null },
  ],
};

const ORGANISATION_NAMES = [
  'Ecos-Med',
  'Rēzeknes Tehnoloģiju akadēmija',
  'Ploucs Coopérative',
  'Atelier des Landes',
  'Lūznavas muiža',
  'Cooperativa del Peloro',
];

export async function createCurrencyCluster(
  ctx: TestContext,
  options: { members?: number; settings?: Partial<typeof DEFAULT_SETTINGS>; sector?: string } = {},
): Promise<CurrencyCluster> {
  const cluster = await ctx.cluster();
  const coordinator = cluster.coordinator;
  const members: TestMember[] = [];
  const count = options.members ?? 3;
  for (let i = 0; i < count; i++) {
    const name = `${ORGANISATION_NAMES[i % ORGANISATION_NAMES.length]} ${i + 1}`;
    const registered = await expectOk(
      coordinator.client.post(`/api/v1/clusters/${cluster.slug}/organisations`, {
        name,
        legalForm: 'social_cooperative',
        sector: options.sector ?? 'industry',
        country: 'IT',
      }),
    );
    const orgUrl = `/api/v1/clusters/${cluster.slug}/organisations/${registered.id}`;
    await expectOk(
      coordinator.client.post(`${orgUrl}/membership`, { toStatus: 'active', effectiveOn: '2024-01-01' }),
    );
    const representative = await ctx.person(`Representative ${i + 1}`);
    await expectOk(representative.client.post(`/api/v1/clusters/${cluster.slug}/join`));
    await expectOk(
      coordinator.client.post(`${orgUrl}/representatives`, {
        personId: representative.id,
        mandate: 'Board decision',
        startsOn: '2024-01-01',
      }),
    );
    members.push({ organisationId: registered.id, accountId: '', name, representative });
  }
  const base = `/api/v1/clusters/${cluster.slug}/currency`;
  await expectOk(coordinator.client.put(base, { ...DEFAULT_SETTINGS, ...options.settings }));
  for (const member of members) {
    const overview = await expectOk(member.representative.client.get(base));
    member.accountId = overview.myAccounts.find(
      (a: { organisationId: string }) => a.organisationId === member.organisationId,
    ).accountId;
  }
  const coordinatorView = await expectOk(coordinator.client.get(base));
  const feeAccountId = coordinatorView.myAccounts.find((a: { kind: string }) => a.kind === 'fee').accountId;
  return { ...cluster, members, feeAccountId, base };
}

async function expectOk(pending: Promise<ApiResponse>) {
  const response = await pending;
  if (response.status >= 300) throw new Error(`${response.status}: ${JSON.stringify(response.body)}`);
  return response.body;
}

/** A payment through the API with a fresh (or given) idempotency key. */
export function payment(
  cluster: CurrencyCluster,
  from: TestMember,
  to: { accountId: string },
  amountMinor: number,
  options: { key?: string; description?: string } = {},
) {
  return from.representative.client.request(
    'POST',
    `${cluster.base}/accounts/${from.accountId}/payments`,
    { toAccountId: to.accountId, amountMinor, description: options.description ?? 'Test payment' },
    { 'idempotency-key': options.key ?? randomUUID() },
  );
}
