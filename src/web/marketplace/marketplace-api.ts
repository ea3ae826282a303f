/** The marketplace part of the API: listings, their photos and answers, and orders. */
import { keepPreviousData, useInfiniteQuery, useQuery } from '@tanstack/react-query';
import type { Page } from '../clusters/cluster-api.ts';
import { api, apiUrl, request } from '../platform/api/api-client.ts';

export type ListingKind = 'offer' | 'want';
export type ListingStatus = 'active' | 'paused' | 'closed';
export type OrderStatus = 'pending' | 'delivered' | 'cancelled';
export type OrderSide = 'buyer' | 'seller';

export interface TradingAccount {
  readonly accountId: string;
  readonly organisationId: string;
  readonly name: string;
}

export interface MarketplaceOverview {
  readonly currency: {
    readonly name: string;
    readonly code: string;
    readonly symbol: string;
    readonly decimals: number;
    /** The fee an order pays on delivery, held with its total. */
    readonly feeBasisPoints: number;
  } | null;
  readonly categories: readonly string[];
  /** The member accounts the reader trades for. */
  readonly myAccounts: readonly TradingAccount[];
  /** `moderate`: a coordinator, who may withdraw any listing. */
  readonly can: { readonly trade: boolean; readonly moderate: boolean };
}

interface ListingFields {
  readonly id: string;
  readonly kind: ListingKind;
  readonly title: string;
  readonly category: string;
  readonly priceMinor: number | null;
  readonly priceEuroCents: number | null;
  readonly currencySharePercent: number;
  readonly location: string;
  readonly status: ListingStatus;
  readonly accountId: string;
  readonly organisationId: string | null;
  readonly organisationName: string;
  readonly createdAt: string;
  readonly updatedAt: string;
}

export interface ListingCard extends ListingFields {
  readonly summary: string;
  readonly coverPhoto: { readonly id: string; readonly altText: string } | null;
}

export interface Photo {
  readonly id: string;
  readonly altText: string;
  readonly position: number;
  readonly contentType: string;
}

export interface Listing extends ListingFields {
  readonly description: string;
  readonly photos: readonly Photo[];
  readonly mayEdit: boolean;
}

export interface ListingInput {
  readonly title: string;
  readonly description: string;
  readonly category: string;
  readonly priceMinor: number | null;
  readonly priceEuroCents: number | null;
  readonly currencySharePercent: number;
  readonly location: string;
}

export interface ListingFilter {
  readonly kind?: ListingKind;
  readonly category?: string;
  readonly q?: string;
  readonly minPriceMinor?: number;
  readonly maxPriceMinor?: number;
  readonly status?: ListingStatus;
  readonly accountId?: string;
}

export interface Answer {
  readonly id: string;
  readonly fromAccountId: string;
  /** The conversation: the member who answered, whom the listing's organisation replies to. */
  readonly conversationAccountId: string;
  readonly conversationOrganisationName: string;
  readonly isReply: boolean;
  readonly fromOrganisationName: string;
  readonly authorName: string;
  readonly message: string;
  readonly createdAt: string;
}

export interface Order {
  readonly id: string;
  readonly listingId: string;
  readonly listingTitle: string;
  readonly buyerAccountId: string;
  readonly buyerName: string;
  readonly sellerAccountId: string;
  readonly sellerName: string;
  readonly quantity: number;
  readonly amountMinor: number;
  readonly note: string;
  readonly status: OrderStatus;
  readonly cancelledBySide: 'buyer' | 'seller' | 'coordinator' | null;
  readonly createdAt: string;
  readonly resolvedAt: string | null;
}

export interface OrderFilter {
  readonly accountId: string;
  readonly side: OrderSide;
  readonly status?: OrderStatus;
}

const enc = encodeURIComponent;
const base = (slug: string) => `/clusters/${enc(slug)}/marketplace`;
const listingPath = (slug: string, listingId: string) => `${base(slug)}/listings/${enc(listingId)}`;
const PAGE_SIZE = 20;

export const marketplaceKeys = {
  /** Everything of the cluster's marketplace: invalidated after every write. */
  all: (slug: string) => ['marketplace', slug] as const,
  overview: (slug: string) => ['marketplace', slug, 'overview'] as const,
  search: (slug: string, filter: ListingFilter) => ['marketplace', slug, 'search', filter] as const,
  listing: (slug: string, listingId: string) => ['marketplace', slug, 'listing', listingId] as const,
  answers: (slug: string, listingId: string) => ['marketplace', slug, 'answers', listingId] as const,
  orders: (slug: string, filter: OrderFilter) => ['marketplace', slug, 'orders', filter] as const,
};

/** A photo's address: the photo itself, or the small copy made for cards and thumbnails. */
export function photoUrl(
  slug: string,
  listingId: string,
  photoId: string,
  size: 'full' | 'card' = 'full',
): string {
  return apiUrl(`${listingPath(slug, listingId)}/photos/${enc(photoId)}`, size === 'card' ? { size } : {});
}

export function useMarketplace(slug: string) {
  return useQuery({
    queryKey: marketplaceKeys.overview(slug),
    queryFn: () => api.get<MarketplaceOverview>(base(slug)),
  });
}

export function useListings(slug: string, filter: ListingFilter, isEnabled = true) {
  return useInfiniteQuery({
    queryKey: marketplaceKeys.search(slug, filter),
    enabled: isEnabled,
    queryFn: ({ pageParam }) =>
      api.get<Page<ListingCard>>(`${base(slug)}/listings`, {
        ...filter,
        cursor: pageParam,
        limit: PAGE_SIZE,
      }),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
    placeholderData: keepPreviousData,
  });
}

export function useListing(slug: string, listingId: string) {
  return useQuery({
    queryKey: marketplaceKeys.listing(slug, listingId),
    queryFn: () => api.get<Listing>(listingPath(slug, listingId)),
  });
}

export function useAnswers(slug: string, listingId: string, isEnabled: boolean) {
  return useInfiniteQuery({
    queryKey: marketplaceKeys.answers(slug, listingId),
    enabled: isEnabled,
    queryFn: ({ pageParam }) =>
      api.get<Page<Answer>>(`${listingPath(slug, listingId)}/answers`, {
        cursor: pageParam,
        limit: PAGE_SIZE,
      }),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
  });
}

export function useOrders(slug: string, filter: OrderFilter | null) {
  return useInfiniteQuery({
    queryKey: marketplaceKeys.orders(slug, filter ?? { accountId: '', side: 'buyer' }),
    enabled: filter !== null,
    queryFn: ({ pageParam }) =>
      api.get<Page<Order>>(`${base(slug)}/orders`, { ...filter, cursor: pageParam, limit: PAGE_SIZE }),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
    placeholderData: keepPreviousData,
  });
}

export const marketplaceApi = {
  publish: (slug: string, body: ListingInput & { accountId: string; kind: ListingKind }, key: string) =>
    api.idempotent<Listing>('POST', `${base(slug)}/listings`, body, key),
  edit: (
    slug: string,
    listingId: string,
    change: Partial<ListingInput> & { status?: ListingStatus },
    key: string,
  ) => api.idempotent<Listing>('PATCH', listingPath(slug, listingId), change, key),
  addPhoto: (
    slug: string,
    listingId: string,
    body: { contentBase64: string; altText: string },
    key: string,
  ) => api.idempotent<Photo>('POST', `${listingPath(slug, listingId)}/photos`, body, key),
  removePhoto: (slug: string, listingId: string, photoId: string, key: string) =>
    request<Listing>(
      'DELETE',
      `${listingPath(slug, listingId)}/photos/${enc(photoId)}`,
      undefined,
      undefined,
      {
        'idempotency-key': key,
      },
    ),
  withdraw: (slug: string, listingId: string, reason: string, key: string) =>
    api.idempotent<Listing>('POST', `${listingPath(slug, listingId)}/withdrawal`, { reason }, key),
  answer: (
    slug: string,
    listingId: string,
    body: { fromAccountId: string; toAccountId?: string; message: string },
    key: string,
  ) => api.idempotent<Answer>('POST', `${listingPath(slug, listingId)}/answers`, body, key),
  order: (
    slug: string,
    listingId: string,
    body: { buyerAccountId: string; quantity: number; note: string },
    key: string,
  ) => api.idempotent<Order>('POST', `${listingPath(slug, listingId)}/orders`, body, key),
  confirmDelivery: (slug: string, orderId: string, key: string) =>
    api.idempotent<Order>('POST', `${base(slug)}/orders/${enc(orderId)}/delivery`, undefined, key),
  cancel: (slug: string, orderId: string, key: string) =>
    api.idempotent<Order>('POST', `${base(slug)}/orders/${enc(orderId)}/cancellation`, undefined, key),
};
