/** The clearing part of the API: euro invoices between members, clearing rounds and their reports. */
import { useInfiniteQuery, useQuery } from '@tanstack/react-query';
import type { Page } from '../clusters/cluster-api.ts';
import { api } from '../platform/api/api-client.ts';
import { isApiError } from '../platform/api/api-error.ts';

export interface Party {
  readonly id: string;
  readonly name: string;
}

export type InvoiceStatus = 'open' | 'settled' | 'withdrawn';

export interface Invoice {
  readonly id: string;
  readonly debtor: Party;
  readonly creditor: Party;
  readonly reference: string;
  readonly amountCents: number;
  readonly outstandingCents: number;
  readonly clearedCents: number;
  readonly paidCents: number;
  readonly issuedOn: string;
  readonly dueOn: string | null;
  readonly createdAt: string;
  readonly status: InvoiceStatus;
  readonly isInOpenRound: boolean;
  readonly can: { readonly markPaid: boolean; readonly withdraw: boolean };
}

export type Decision = 'confirmed' | 'refused';
export type RoundStatus = 'proposed' | 'applied' | 'cancelled';

export interface Round {
  readonly id: string;
  readonly status: RoundStatus;
  readonly needsConfirmation: boolean;
  readonly invoiceCount: number;
  readonly totalCents: number;
  readonly clearedCents: number;
  readonly clearedBasisPoints: number;
  readonly memberCount: number;
  readonly confirmations: { readonly confirmed: number; readonly refused: number; readonly waiting: number };
  readonly excludedOrganisations: readonly Party[];
  readonly cancelReason: 'coordinator' | 'refused' | null;
  readonly isStale: boolean;
  readonly createdAt: string;
  readonly resolvedAt: string | null;
}

/** One member's figures in a round. */
export interface Position {
  readonly organisationId: string;
  readonly name: string;
  readonly owesBeforeCents: number;
  readonly owedBeforeCents: number;
  readonly cancelledCents: number;
  readonly owesAfterCents: number;
  readonly owedAfterCents: number;
  readonly netPositionCents: number;
  readonly isAsked: boolean;
  readonly decision: Decision | null;
}

export interface RoundReport extends Round {
  /** The viewer's own organisations in the round. */
  readonly mine: readonly Position[];
}

export interface Cancellation {
  readonly invoiceId: string;
  readonly reference: string;
  readonly issuedOn: string;
  readonly debtor: Party;
  readonly creditor: Party;
  readonly amountCents: number;
  readonly outstandingBeforeCents: number;
  readonly cancelledCents: number;
  readonly outstandingAfterCents: number;
}

export interface ClearingOverview {
  readonly needsConfirmation: boolean;
  readonly ownOrganisations: readonly Party[];
  readonly can: { readonly manage: boolean; readonly record: boolean };
  readonly openInvoices: { readonly invoiceCount: number; readonly outstandingCents: number };
  readonly openRound: RoundReport | null;
}

export interface InvoiceFilter {
  readonly organisationId?: string;
  readonly openOnly?: boolean;
}

export interface InvoiceInput {
  readonly debtorOrganisationId: string;
  readonly creditorOrganisationId: string;
  readonly amountCents: number;
  readonly reference: string;
  readonly issuedOn: string;
  readonly dueOn: string | null;
}

export interface ImportProblem {
  readonly line: number;
  readonly code: string;
  readonly column?: string;
  readonly message: string;
}

const enc = encodeURIComponent;
const base = (slug: string) => `/clusters/${enc(slug)}/clearing`;
const roundPath = (slug: string, roundId: string) => `${base(slug)}/rounds/${enc(roundId)}`;

/** Every clearing query of a cluster starts with this key, so one write refreshes them all. */
export const clearingKeys = {
  all: (slug: string) => ['clearing', slug] as const,
  overview: (slug: string) => ['clearing', slug, 'overview'] as const,
  invoices: (slug: string, filter: InvoiceFilter) => ['clearing', slug, 'invoices', filter] as const,
  rounds: (slug: string) => ['clearing', slug, 'rounds'] as const,
  round: (slug: string, roundId: string) => ['clearing', slug, 'round', roundId] as const,
  positions: (slug: string, roundId: string) => ['clearing', slug, 'round', roundId, 'positions'] as const,
  cancellations: (slug: string, roundId: string, organisationId: string) =>
    ['clearing', slug, 'round', roundId, 'cancellations', organisationId] as const,
};

const pages = { initialPageParam: undefined as string | undefined };
const nextCursor = (last: { nextCursor: string | null }) => last.nextCursor ?? undefined;

export function useClearingOverview(slug: string) {
  return useQuery({
    queryKey: clearingKeys.overview(slug),
    queryFn: () => api.get<ClearingOverview>(base(slug)),
  });
}

export function useInvoices(slug: string, filter: InvoiceFilter) {
  return useInfiniteQuery({
    ...pages,
    queryKey: clearingKeys.invoices(slug, filter),
    queryFn: ({ pageParam }) =>
      api.get<Page<Invoice>>(`${base(slug)}/invoices`, {
        organisationId: filter.organisationId,
        openOnly: filter.openOnly ? 'true' : undefined,
        cursor: pageParam,
        limit: 20,
      }),
    getNextPageParam: nextCursor,
  });
}

export function useRounds(slug: string) {
  return useInfiniteQuery({
    ...pages,
    queryKey: clearingKeys.rounds(slug),
    queryFn: ({ pageParam }) =>
      api.get<Page<Round>>(`${base(slug)}/rounds`, { cursor: pageParam, limit: 10 }),
    getNextPageParam: nextCursor,
  });
}

export function useRound(slug: string, roundId: string) {
  return useQuery({
    queryKey: clearingKeys.round(slug, roundId),
    queryFn: () => api.get<RoundReport>(roundPath(slug, roundId)),
  });
}

export function usePositions(slug: string, roundId: string, isEnabled = true) {
  return useInfiniteQuery({
    ...pages,
    queryKey: clearingKeys.positions(slug, roundId),
    queryFn: ({ pageParam }) =>
      api.get<Page<Position>>(`${roundPath(slug, roundId)}/positions`, { cursor: pageParam, limit: 20 }),
    getNextPageParam: nextCursor,
    enabled: isEnabled,
  });
}

export function useCancellations(slug: string, roundId: string, organisationId: string) {
  return useInfiniteQuery({
    ...pages,
    queryKey: clearingKeys.cancellations(slug, roundId, organisationId),
    queryFn: ({ pageParam }) =>
      api.get<Page<Cancellation>>(`${roundPath(slug, roundId)}/cancellations`, {
        organisationId,
        cursor: pageParam,
        limit: 20,
      }),
    getNextPageParam: nextCursor,
  });
}

/** Every write takes an idempotency key, made once per intention (see useIdempotencyKey). */
export const clearingApi = {
  record: (slug: string, input: InvoiceInput, key: string) =>
    api.idempotent<Invoice>('POST', `${base(slug)}/invoices`, input, key),
  import: (slug: string, csv: string, key: string) =>
    api.idempotent<{ importedCount: number; totalCents: number }>(
      'POST',
      `${base(slug)}/invoices/import`,
      { csv },
      key,
    ),
  markPaid: (slug: string, invoiceId: string, amountCents: number, key: string) =>
    api.idempotent<Invoice>(
      'POST',
      `${base(slug)}/invoices/${enc(invoiceId)}/payments`,
      { amountCents },
      key,
    ),
  withdraw: (slug: string, invoiceId: string, key: string) =>
    api.idempotent<Invoice>('POST', `${base(slug)}/invoices/${enc(invoiceId)}/withdrawal`, {}, key),
  run: (slug: string, excludeOrganisationIds: readonly string[], key: string) =>
    api.idempotent<RoundReport>('POST', `${base(slug)}/rounds`, { excludeOrganisationIds }, key),
  decide: (slug: string, roundId: string, organisationId: string, decision: Decision, key: string) =>
    api.idempotent<RoundReport>(
      'POST',
      `${roundPath(slug, roundId)}/decisions`,
      { organisationId, decision },
      key,
    ),
  apply: (slug: string, roundId: string, key: string) =>
    api.idempotent<RoundReport>('POST', `${roundPath(slug, roundId)}/apply`, {}, key),
  cancel: (slug: string, roundId: string, key: string) =>
    api.idempotent<RoundReport>('POST', `${roundPath(slug, roundId)}/cancel`, {}, key),
};

/** The lines of an import the server refused, when that is what the error is. */
export function importProblemsOf(error: unknown): readonly ImportProblem[] {
  if (!isApiError(error) || error.code !== 'clearing.import_invalid') return [];
  const body = error.body as { problems?: ImportProblem[] } | undefined;
  return body?.problems ?? [];
}
