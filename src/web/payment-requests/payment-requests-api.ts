/** Payment requests, trusted payees and recurring payments of the API, as typed calls and React Query hooks. */
import { keepPreviousData, useInfiniteQuery, useQuery } from '@tanstack/react-query';
import type { Page } from '../clusters/cluster-api.ts';
import { currencyKeys } from '../currency/currency-api.ts';
import { api, request } from '../platform/api/api-client.ts';

export type Direction = 'incoming' | 'outgoing';
export type RequestStatus = 'open' | 'paid' | 'declined' | 'withdrawn';
export type Interval = 'week' | 'month' | 'quarter' | 'year';
export type RecurringStatus = 'active' | 'cancelled' | 'finished';

export interface PaymentRequest {
  readonly id: string;
  /** Seen from the account asked about: incoming requests are for it to pay. */
  readonly direction: Direction;
  readonly payerAccountId: string;
  readonly payerName: string;
  readonly payeeAccountId: string;
  readonly payeeName: string;
  readonly amountMinor: number;
  readonly description: string;
  readonly dueOn: string | null;
  readonly status: RequestStatus;
  readonly transferId: string | null;
  readonly declineReason: string;
  readonly autoPaymentRefusal: string | null;
  /** Why a trusted payee's request could not be paid at once, in the reader's language. */
  readonly autoPaymentRefusalMessage: string | null;
  readonly createdAt: string;
  readonly resolvedAt: string | null;
}

export interface Acceptance {
  readonly request: PaymentRequest;
  readonly payment: {
    readonly transferId: string;
    readonly feeMinor: number;
    readonly balanceAfterMinor: number;
  };
}

export interface TrustedPayee {
  readonly payeeAccountId: string;
  readonly payeeName: string;
  readonly maxAmountMinor: number;
  readonly createdAt: string;
}

export interface RecurringPayment {
  readonly id: string;
  readonly direction: Direction;
  readonly payerAccountId: string;
  readonly payerName: string;
  readonly payeeAccountId: string;
  readonly payeeName: string;
  readonly amountMinor: number;
  readonly description: string;
  readonly every: Interval;
  readonly firstDueOn: string;
  readonly nextDueOn: string | null;
  readonly endsOn: string | null;
  readonly status: RecurringStatus;
  readonly lastFailure: string | null;
  readonly lastFailureMessage: string | null;
  readonly lastOccurrence: {
    readonly dueOn: string;
    readonly outcome: 'paid' | 'failed';
    /** A refused occurrence the payer paid afterwards. */
    readonly paidLateAt: string | null;
  } | null;
  readonly createdAt: string;
  readonly cancelledAt: string | null;
}

export interface RequestFilter {
  readonly direction: Direction;
  readonly status?: RequestStatus;
}

export interface NewRequest {
  readonly payerAccountId: string;
  readonly amountMinor: number;
  readonly description: string;
  readonly dueOn: string | null;
}

export interface NewRecurringPayment {
  readonly toAccountId: string;
  readonly amountMinor: number;
  readonly description: string;
  readonly every: Interval;
  readonly firstDueOn: string;
  readonly endsOn: string | null;
}

const enc = encodeURIComponent;
const base = (slug: string) => `/clusters/${enc(slug)}/currency`;
const accountPath = (slug: string, accountId: string) => `${base(slug)}/accounts/${enc(accountId)}`;
const PAGE_SIZE = 20;

// Under the currency's key, so a payment anywhere refreshes these lists too, and these writes the wallet.
export const requestKeys = {
  requests: (slug: string, accountId: string, filter: RequestFilter) =>
    [...currencyKeys.all(slug), 'requests', accountId, filter] as const,
  trustedPayees: (slug: string, accountId: string) =>
    [...currencyKeys.all(slug), 'trusted-payees', accountId] as const,
  recurring: (slug: string, accountId: string) =>
    [...currencyKeys.all(slug), 'recurring', accountId] as const,
};

function usePages<T>(queryKey: readonly unknown[], path: string, query: Record<string, string | undefined>) {
  return useInfiniteQuery({
    queryKey,
    queryFn: ({ pageParam }) => api.get<Page<T>>(path, { ...query, cursor: pageParam, limit: PAGE_SIZE }),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
    placeholderData: keepPreviousData,
  });
}

export const useRequests = (slug: string, accountId: string, filter: RequestFilter) =>
  usePages<PaymentRequest>(
    requestKeys.requests(slug, accountId, filter),
    `${accountPath(slug, accountId)}/requests`,
    { direction: filter.direction, status: filter.status },
  );

export const useTrustedPayees = (slug: string, accountId: string) =>
  usePages<TrustedPayee>(
    requestKeys.trustedPayees(slug, accountId),
    `${accountPath(slug, accountId)}/trusted-payees`,
    {},
  );

export const useRecurringPayments = (slug: string, accountId: string) =>
  usePages<RecurringPayment>(
    requestKeys.recurring(slug, accountId),
    `${accountPath(slug, accountId)}/recurring-payments`,
    {},
  );

/** What accepting would cost and leave: the currency's payment quote for the request's payee and amount. */
export function useAcceptQuote(slug: string, request: PaymentRequest) {
  return useQuery({
    queryKey: currencyKeys.quote(slug, request.payerAccountId, request.payeeAccountId, request.amountMinor),
    queryFn: () =>
      api.get<{
        feeMinor: number;
        balanceAfterMinor: number;
        availableAfterMinor: number;
        refusal: string | null;
      }>(`${accountPath(slug, request.payerAccountId)}/payments/quote`, {
        toAccountId: request.payeeAccountId,
        amountMinor: request.amountMinor,
      }),
  });
}

export const paymentRequestsApi = {
  create: (slug: string, accountId: string, body: NewRequest, key: string) =>
    api.idempotent<PaymentRequest>('POST', `${accountPath(slug, accountId)}/requests`, body, key),
  accept: (slug: string, requestId: string, key: string) =>
    api.idempotent<Acceptance>('POST', `${base(slug)}/requests/${enc(requestId)}/accept`, undefined, key),
  decline: (slug: string, requestId: string, reason: string, key: string) =>
    api.idempotent<PaymentRequest>(
      'POST',
      `${base(slug)}/requests/${enc(requestId)}/decline`,
      { reason },
      key,
    ),
  withdraw: (slug: string, requestId: string, key: string) =>
    api.idempotent<PaymentRequest>(
      'POST',
      `${base(slug)}/requests/${enc(requestId)}/withdraw`,
      undefined,
      key,
    ),
  trust: (slug: string, accountId: string, payeeAccountId: string, maxAmountMinor: number, key: string) =>
    api.idempotent<TrustedPayee>(
      'PUT',
      `${accountPath(slug, accountId)}/trusted-payees/${enc(payeeAccountId)}`,
      { maxAmountMinor },
      key,
    ),
  distrust: (slug: string, accountId: string, payeeAccountId: string, key: string) =>
    // The shared idempotent helper covers POST, PUT and PATCH; a removal is a DELETE.
    request<{ removed: boolean }>(
      'DELETE',
      `${accountPath(slug, accountId)}/trusted-payees/${enc(payeeAccountId)}`,
      undefined,
      undefined,
      { 'idempotency-key': key },
    ),
  createRecurring: (slug: string, accountId: string, body: NewRecurringPayment, key: string) =>
    api.idempotent<RecurringPayment>('POST', `${accountPath(slug, accountId)}/recurring-payments`, body, key),
  payRefusedOccurrence: (slug: string, recurringId: string, dueOn: string, key: string) =>
    api.idempotent<RecurringPayment>(
      'POST',
      `${base(slug)}/recurring-payments/${enc(recurringId)}/occurrences/${enc(dueOn)}/pay`,
      undefined,
      key,
    ),
  cancelRecurring: (slug: string, recurringId: string, key: string) =>
    api.idempotent<RecurringPayment>(
      'POST',
      `${base(slug)}/recurring-payments/${enc(recurringId)}/cancel`,
      undefined,
      key,
    ),
};
