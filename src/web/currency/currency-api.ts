/** The cluster currency part of the API, as typed calls and React Query hooks. */
import { keepPreviousData, useInfiniteQuery, useQuery } from '@tanstack/react-query';
import type { Page } from '../clusters/cluster-api.ts';
import { api, apiUrl, type Query } from '../platform/api/api-client.ts';
import type { CurrencyUnit } from './amount.ts';

export interface AccountTypeSettings {
  readonly accountType: string;
  readonly creditLimitMinor: number;
  readonly maxBalanceMinor: number | null;
}

export interface CurrencySettings extends CurrencyUnit {
  readonly name: string;
  /** The informational value of one unit in euros, as a decimal string ("1", "0.5"). */
  readonly euroValue: string;
  readonly feeBasisPoints: number;
  readonly rebalanceAfterMonths: number;
  readonly limitGrowth: { readonly basisPoints: number; readonly capMinor: number } | null;
  readonly clearingNeedsConfirmation: boolean;
  readonly accountTypes: readonly AccountTypeSettings[];
}

export interface MyAccount {
  readonly accountId: string;
  readonly organisationId: string | null;
  readonly name: string;
  /** `fee` is the cluster's own account, which coordinators act for. */
  readonly kind: 'member' | 'fee';
}

export interface CurrencyOverview {
  readonly currency: CurrencySettings | null;
  readonly myAccounts: readonly MyAccount[];
  readonly can: { readonly manage: boolean; readonly setUp: boolean };
}

export type AccountStatus = 'active' | 'frozen' | 'closing' | 'closed';

export interface Account {
  readonly id: string;
  readonly kind: string;
  readonly organisationId: string | null;
  readonly organisationName: string;
  readonly accountType: string;
  readonly balanceMinor: number;
  readonly pendingDebitMinor: number;
  readonly pendingCreditMinor: number;
  readonly creditLimitMinor: number;
  readonly hasOwnLimit: boolean;
  readonly maxBalanceMinor: number | null;
  readonly availableMinor: number;
  readonly status: AccountStatus;
  readonly negativeSince: string | null;
  readonly needsRebalancing: boolean;
  readonly lastTransferAt: string | null;
}

export interface LimitChange {
  readonly id: string;
  readonly field: 'credit_limit' | 'max_balance' | 'status';
  readonly oldValue: string | null;
  readonly newValue: string | null;
  readonly reason: string;
  readonly changedAt: string;
  readonly changedBy: string | null;
}

export interface Wallet extends Account {
  readonly feeBasisPoints: number;
  readonly mayAct: boolean;
  readonly limitChanges: readonly LimitChange[];
}

export interface Transfer {
  readonly id: string;
  readonly seq: number;
  readonly kind: string;
  readonly payerAccountId: string;
  readonly payeeAccountId: string;
  readonly amountMinor: number;
  readonly description: string;
  readonly relatedTransferId: string | null;
  readonly origin: string | null;
  readonly originId: string | null;
  readonly createdAt: string;
  readonly direction: 'in' | 'out' | null;
  readonly balanceAfterMinor: number | null;
}

export interface HistoryEntry extends Transfer {
  readonly counterpartyName: string;
  readonly counterpartyKind: string;
}

export interface HistoryFilter {
  readonly direction?: 'in' | 'out';
  readonly q?: string;
  /** Calendar days, YYYY-MM-DD, both included. */
  readonly from?: string;
  readonly until?: string;
}

export interface MonthActivity {
  readonly month: string;
  readonly incomeMinor: number;
  readonly spendingMinor: number;
  readonly transfers: number;
}

export interface Quote {
  readonly amountMinor: number;
  readonly feeMinor: number;
  readonly payeeName: string;
  readonly balanceAfterMinor: number;
  readonly availableAfterMinor: number;
  /** The ledger rule the payment would break (a stable code), or null when it may go ahead. */
  readonly refusal: string | null;
}

export interface Payment {
  readonly transfer: Transfer;
  readonly feeMinor: number;
  readonly balanceAfterMinor: number;
}

export interface Payee {
  readonly accountId: string;
  readonly name: string;
  readonly status: string;
}

export interface AccountListFilter {
  readonly status?: AccountStatus;
  readonly needsRebalancing?: boolean;
  readonly q?: string;
}

export interface BalanceBand {
  readonly fromUnits: number | null;
  readonly toUnits: number | null;
  readonly accounts: number;
}

export type CurrencyFigures =
  | { readonly currency: null }
  | {
      readonly currency: CurrencyUnit & { readonly name: string };
      readonly accounts: number;
      readonly activeTraders: number;
      readonly activeTraderDays: number;
      readonly volumeByMonth: readonly {
        readonly month: string;
        readonly volumeMinor: number;
        readonly transactions: number;
      }[];
      readonly velocity: number | null;
      readonly balanceBands: readonly BalanceBand[];
    };

export interface AccountChange {
  readonly creditLimitMinor?: number;
  readonly maxBalanceMinor?: number | null;
  readonly status?: 'active' | 'frozen';
  readonly reason: string;
}

const enc = encodeURIComponent;
const base = (slug: string) => `/clusters/${enc(slug)}/currency`;
const accountPath = (slug: string, accountId: string) => `${base(slug)}/accounts/${enc(accountId)}`;

export const currencyKeys = {
  /** Everything of the cluster's currency: invalidated after every write. */
  all: (slug: string) => ['currency', slug] as const,
  overview: (slug: string) => ['currency', slug, 'overview'] as const,
  accounts: (slug: string, filter: AccountListFilter) => ['currency', slug, 'accounts', filter] as const,
  wallet: (slug: string, accountId: string) => ['currency', slug, 'wallet', accountId] as const,
  history: (slug: string, accountId: string, filter: HistoryFilter) =>
    ['currency', slug, 'history', accountId, filter] as const,
  activity: (slug: string, accountId: string) => ['currency', slug, 'activity', accountId] as const,
  payees: (slug: string, q: string) => ['currency', slug, 'payees', q] as const,
  quote: (slug: string, accountId: string, toAccountId: string, amountMinor: number) =>
    ['currency', slug, 'quote', accountId, toAccountId, amountMinor] as const,
  figures: (slug: string) => ['currency', slug, 'figures'] as const,
};

const PAGE_SIZE = 20;

export function useCurrencyOverview(slug: string) {
  return useQuery({
    queryKey: currencyKeys.overview(slug),
    queryFn: () => api.get<CurrencyOverview>(base(slug)),
  });
}

export function useWallet(slug: string, accountId: string) {
  return useQuery({
    queryKey: currencyKeys.wallet(slug, accountId),
    queryFn: () => api.get<Wallet>(accountPath(slug, accountId)),
  });
}

export function useActivity(slug: string, accountId: string) {
  return useQuery({
    queryKey: currencyKeys.activity(slug, accountId),
    queryFn: () => api.get<{ months: readonly MonthActivity[] }>(`${accountPath(slug, accountId)}/activity`),
  });
}

export function useHistory(slug: string, accountId: string, filter: HistoryFilter) {
  return useInfiniteQuery({
    queryKey: currencyKeys.history(slug, accountId, filter),
    queryFn: ({ pageParam }) =>
      api.get<Page<HistoryEntry>>(`${accountPath(slug, accountId)}/transfers`, {
        ...filter,
        cursor: pageParam,
        limit: PAGE_SIZE,
      }),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
    placeholderData: keepPreviousData,
  });
}

/** The address of the history as CSV, with the same filters as the list on screen. */
export function historyCsvUrl(slug: string, accountId: string, filter: HistoryFilter): string {
  return apiUrl(`${accountPath(slug, accountId)}/transfers.csv`, filter as Query);
}

export function useAccounts(slug: string, filter: AccountListFilter, isEnabled: boolean) {
  return useInfiniteQuery({
    queryKey: currencyKeys.accounts(slug, filter),
    enabled: isEnabled,
    queryFn: ({ pageParam }) =>
      api.get<Page<Account>>(`${base(slug)}/accounts`, {
        status: filter.status,
        needsRebalancing: filter.needsRebalancing ? 'true' : undefined,
        q: filter.q,
        cursor: pageParam,
        limit: PAGE_SIZE,
      }),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
  });
}

export function usePayees(slug: string, q: string) {
  return useQuery({
    queryKey: currencyKeys.payees(slug, q),
    queryFn: () => api.get<{ items: readonly Payee[] }>(`${base(slug)}/payees`, { q }),
    placeholderData: keepPreviousData,
  });
}

export function useCurrencyFigures(slug: string) {
  return useQuery({
    queryKey: currencyKeys.figures(slug),
    queryFn: () => api.get<CurrencyFigures>(`${base(slug)}/figures`),
  });
}

export const currencyApi = {
  saveSettings: (slug: string, settings: CurrencySettings) => api.put<CurrencyOverview>(base(slug), settings),
  quote: (slug: string, accountId: string, toAccountId: string, amountMinor: number) =>
    api.get<Quote>(`${accountPath(slug, accountId)}/payments/quote`, { toAccountId, amountMinor }),
  pay: (
    slug: string,
    accountId: string,
    body: { toAccountId: string; amountMinor: number; description: string },
    key: string,
  ) => api.idempotent<Payment>('POST', `${accountPath(slug, accountId)}/payments`, body, key),
  changeAccount: (slug: string, accountId: string, change: AccountChange, key: string) =>
    api.idempotent<Wallet>('PATCH', accountPath(slug, accountId), change, key),
  closeAccount: (slug: string, accountId: string, key: string) =>
    api.idempotent<Wallet>('POST', `${accountPath(slug, accountId)}/close`, undefined, key),
  reverse: (slug: string, transferId: string, reason: string, key: string) =>
    api.idempotent<{ transfer: Transfer }>(
      'POST',
      `${base(slug)}/transfers/${enc(transferId)}/reversal`,
      { reason },
      key,
    ),
  adjust: (
    slug: string,
    body: { fromAccountId: string; toAccountId: string; amountMinor: number; reason: string },
    key: string,
  ) => api.idempotent<{ transfer: Transfer }>('POST', `${base(slug)}/adjustments`, body, key),
};
