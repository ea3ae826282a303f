/** Queries of the marketplace: listings, their photos and answers, and orders. Scoped by cluster. */

import { sql } from 'kysely';
import type {
  ListingCategory,
  ListingKind,
  ListingStatus,
  OrderStatus,
} from '../../domain/marketplace/categories.ts';
import { mandateInForceOn } from '../organisations/repo.ts';
import type {
  Database,
  MarketplaceListingTable,
  MarketplaceOrderTable,
  Queryable as Q,
  Tx,
} from '../platform/database.ts';
import { containsText } from '../platform/text-match.ts';

export interface ListingFilter {
  readonly kind?: ListingKind;
  readonly category?: ListingCategory;
  readonly text?: string;
  readonly minPriceMinor?: number;
  readonly maxPriceMinor?: number;
  readonly status: ListingStatus;
  readonly accountId?: string;
  /** When set, only listings of these accounts (a reader's own, for paused and closed ones). */
  readonly onlyAccountIds?: readonly string[];
}

/** Newest first: the keyset of a listing or an order page. */
export type Keyset = readonly [createdAt: string, id: string];

const withOwner = (db: Q) =>
  db
    .selectFrom('marketplace_listing as l')
    .innerJoin('currency_account as a', (join) =>
      join.onRef('a.cluster_id', '=', 'l.cluster_id').onRef('a.id', '=', 'l.account_id'),
    )
    .leftJoin('organisation as o', (join) =>
      join.onRef('o.cluster_id', '=', 'a.cluster_id').onRef('o.id', '=', 'a.organisation_id'),
    )
    .selectAll('l')
    .select([sql<string>`coalesce(o.name, '')`.as('organisation_name'), 'a.organisation_id']);

export type ListingRow = MarketplaceListingTable & {
  organisation_name: string;
  organisation_id: string | null;
};

export const listingRepo = {
  insert: (tx: Tx, row: Database['marketplace_listing']) =>
    tx.insertInto('marketplace_listing').values(row).execute(),

  find: (db: Q, clusterId: string, id: string): Promise<ListingRow | undefined> =>
    withOwner(db).where('l.cluster_id', '=', clusterId).where('l.id', '=', id).executeTakeFirst(),

  /** Locks the listing: `update` for edits, `share` for orders, so an order never lands on a listing
   *  that a concurrent edit is closing. */
  lock: (tx: Tx, clusterId: string, id: string, mode: 'update' | 'share') => {
    const query = tx
      .selectFrom('marketplace_listing')
      .selectAll()
      .where('cluster_id', '=', clusterId)
      .where('id', '=', id);
    return (mode === 'update' ? query.forUpdate() : query.forShare()).executeTakeFirst();
  },

  update: (tx: Tx, clusterId: string, id: string, patch: Partial<MarketplaceListingTable>) =>
    tx
      .updateTable('marketplace_listing')
      .set(patch)
      .where('cluster_id', '=', clusterId)
      .where('id', '=', id)
      .execute(),

  search: (db: Q, clusterId: string, filter: ListingFilter, after: Keyset | null, limit: number) => {
    let query = withOwner(db)
      .select((eb) => [
        eb
          .selectFrom('marketplace_photo as p')
          .select('p.id')
          .whereRef('p.cluster_id', '=', 'l.cluster_id')
          .whereRef('p.listing_id', '=', 'l.id')
          .orderBy('p.position')
          .limit(1)
          .as('cover_photo_id'),
        eb
          .selectFrom('marketplace_photo as p')
          .select('p.alt_text')
          .whereRef('p.cluster_id', '=', 'l.cluster_id')
          .whereRef('p.listing_id', '=', 'l.id')
          .orderBy('p.position')
          .limit(1)
          .as('cover_alt_text'),
      ])
      .where('l.cluster_id', '=', clusterId)
      .where('l.status', '=', filter.status);
    if (filter.kind) query = query.where('l.kind', '=', filter.kind);
    if (filter.category) query = query.where('l.category', '=', filter.category);
    if (filter.accountId) query = query.where('l.account_id', '=', filter.accountId);
    if (filter.onlyAccountIds) {
      if (filter.onlyAccountIds.length === 0) return Promise.resolve([]);
      query = query.where('l.account_id', 'in', filter.onlyAccountIds);
    }
    if (filter.minPriceMinor !== undefined) query = query.where('l.price_minor', '>=', filter.minPriceMinor);
    if (filter.maxPriceMinor !== undefined) query = query.where('l.price_minor', '<=', filter.maxPriceMinor);
    if (filter.text) {
      const text = filter.text;
      query = query.where((eb) =>
        eb.or([containsText('l.title', text), containsText('l.description', text)]),
      );
    }
    if (after) {
      query = query.where(sql<boolean>`(l.created_at, l.id) < (${after[0]}::timestamptz, ${after[1]}::uuid)`);
    }
    return query
      .orderBy('l.created_at', 'desc')
      .orderBy('l.id', 'desc')
      .limit(limit + 1)
      .execute();
  },
};

export const photoRepo = {
  /** The photos' descriptions in display order, without their bytes. */
  list: (db: Q, clusterId: string, listingId: string) =>
    db
      .selectFrom('marketplace_photo')
      .select(['id', 'alt_text', 'position', 'content_type'])
      .where('cluster_id', '=', clusterId)
      .where('listing_id', '=', listingId)
      .orderBy('position')
      .execute(),

  /** A photo's image: the card's copy when asked for and made, else the photo itself. */
  find: (db: Q, clusterId: string, listingId: string, photoId: string, size: 'full' | 'card') =>
    db
      .selectFrom('marketplace_photo')
      .select([
        'id',
        'content_type',
        size === 'card' ? sql<Buffer>`coalesce(card_bytes, bytes)`.as('bytes') : 'bytes',
        'alt_text',
      ])
      .where('cluster_id', '=', clusterId)
      .where('listing_id', '=', listingId)
      .where('id', '=', photoId)
      .executeTakeFirst(),

  insert: (tx: Tx, row: Database['marketplace_photo']) =>
    tx.insertInto('marketplace_photo').values(row).execute(),

  delete: async (tx: Tx, clusterId: string, listingId: string, photoId: string) =>
    (
      await tx
        .deleteFrom('marketplace_photo')
        .where('cluster_id', '=', clusterId)
        .where('listing_id', '=', listingId)
        .where('id', '=', photoId)
        .executeTakeFirst()
    ).numDeletedRows > 0n,
};

export const answerRepo = {
  insert: (tx: Tx, row: Database['marketplace_answer']) =>
    tx.insertInto('marketplace_answer').values(row).execute(),

  /**
   * The organisation's name of a member who answered the listing, so that it may be replied to;
   * undefined when the account never answered it.
   */
  conversationWith: async (db: Q, clusterId: string, listingId: string, threadAccountId: string) =>
    (
      await db
        .selectFrom('marketplace_answer as m')
        .innerJoin('currency_account as a', (join) =>
          join.onRef('a.cluster_id', '=', 'm.cluster_id').onRef('a.id', '=', 'm.thread_account_id'),
        )
        .leftJoin('organisation as o', (join) =>
          join.onRef('o.cluster_id', '=', 'a.cluster_id').onRef('o.id', '=', 'a.organisation_id'),
        )
        .select(sql<string>`coalesce(o.name, '')`.as('name'))
        .where('m.cluster_id', '=', clusterId)
        .where('m.listing_id', '=', listingId)
        .where('m.thread_account_id', '=', threadAccountId)
        .limit(1)
        .executeTakeFirst()
    )?.name,

  /** A listing's messages, newest first; only those of the conversations of `threadAccountIds` when given. */
  list: (
    db: Q,
    clusterId: string,
    listingId: string,
    threadAccountIds: readonly string[] | null,
    after: Keyset | null,
    limit: number,
  ) => {
    if (threadAccountIds?.length === 0) return Promise.resolve([]);
    let query = db
      .selectFrom('marketplace_answer as m')
      .innerJoin('currency_account as a', (join) =>
        join.onRef('a.cluster_id', '=', 'm.cluster_id').onRef('a.id', '=', 'm.account_id'),
      )
      .leftJoin('organisation as o', (join) =>
        join.onRef('o.cluster_id', '=', 'a.cluster_id').onRef('o.id', '=', 'a.organisation_id'),
      )
      .leftJoin('person as p', 'p.id', 'm.created_by')
      .innerJoin('currency_account as ta', (join) =>
        join.onRef('ta.cluster_id', '=', 'm.cluster_id').onRef('ta.id', '=', 'm.thread_account_id'),
      )
      .leftJoin('organisation as tor', (join) =>
        join.onRef('tor.cluster_id', '=', 'ta.cluster_id').onRef('tor.id', '=', 'ta.organisation_id'),
      )
      .select([
        'm.id',
        'm.account_id',
        'm.thread_account_id',
        'm.message',
        'm.created_at',
        sql<string>`coalesce(o.name, '')`.as('organisation_name'),
        sql<string>`coalesce(tor.name, '')`.as('conversation_name'),
        sql<string>`coalesce(p.display_name, '')`.as('author_name'),
      ])
      .where('m.cluster_id', '=', clusterId)
      .where('m.listing_id', '=', listingId);
    if (threadAccountIds) query = query.where('m.thread_account_id', 'in', threadAccountIds);
    if (after) {
      query = query.where(sql<boolean>`(m.created_at, m.id) < (${after[0]}::timestamptz, ${after[1]}::uuid)`);
    }
    return query
      .orderBy('m.created_at', 'desc')
      .orderBy('m.id', 'desc')
      .limit(limit + 1)
      .execute();
  },
};

export type OrderSide = 'buyer' | 'seller';

export const orderRepo = {
  insert: (tx: Tx, row: Database['marketplace_order']) =>
    tx.insertInto('marketplace_order').values(row).execute(),

  /** Locks the order, so its one state change cannot happen twice. */
  lock: (tx: Tx, clusterId: string, id: string) =>
    tx
      .selectFrom('marketplace_order')
      .selectAll()
      .where('cluster_id', '=', clusterId)
      .where('id', '=', id)
      .forUpdate()
      .executeTakeFirst(),

  update: (tx: Tx, clusterId: string, id: string, patch: Partial<MarketplaceOrderTable>) =>
    tx
      .updateTable('marketplace_order')
      .set(patch)
      .where('cluster_id', '=', clusterId)
      .where('id', '=', id)
      .execute(),

  /** Orders with the names a reader needs: the listing's title, the buyer's and the seller's. */
  withNames: (db: Q) =>
    db
      .selectFrom('marketplace_order as r')
      .innerJoin('marketplace_listing as l', (join) =>
        join.onRef('l.cluster_id', '=', 'r.cluster_id').onRef('l.id', '=', 'r.listing_id'),
      )
      .innerJoin('currency_account as ba', (join) =>
        join.onRef('ba.cluster_id', '=', 'r.cluster_id').onRef('ba.id', '=', 'r.buyer_account_id'),
      )
      .innerJoin('currency_account as sa', (join) =>
        join.onRef('sa.cluster_id', '=', 'r.cluster_id').onRef('sa.id', '=', 'r.seller_account_id'),
      )
      .leftJoin('organisation as bo', (join) =>
        join.onRef('bo.cluster_id', '=', 'ba.cluster_id').onRef('bo.id', '=', 'ba.organisation_id'),
      )
      .leftJoin('organisation as so', (join) =>
        join.onRef('so.cluster_id', '=', 'sa.cluster_id').onRef('so.id', '=', 'sa.organisation_id'),
      )
      .selectAll('r')
      .select([
        'l.title as listing_title',
        sql<string>`coalesce(bo.name, '')`.as('buyer_name'),
        sql<string>`coalesce(so.name, '')`.as('seller_name'),
      ]),

  find: (db: Q, clusterId: string, id: string) =>
    orderRepo.withNames(db).where('r.cluster_id', '=', clusterId).where('r.id', '=', id).executeTakeFirst(),

  list: (
    db: Q,
    clusterId: string,
    accountId: string,
    side: OrderSide,
    status: OrderStatus | undefined,
    after: Keyset | null,
    limit: number,
  ) => {
    let query = orderRepo
      .withNames(db)
      .where('r.cluster_id', '=', clusterId)
      .where(side === 'buyer' ? 'r.buyer_account_id' : 'r.seller_account_id', '=', accountId);
    if (status) query = query.where('r.status', '=', status);
    if (after) {
      query = query.where(sql<boolean>`(r.created_at, r.id) < (${after[0]}::timestamptz, ${after[1]}::uuid)`);
    }
    return query
      .orderBy('r.created_at', 'desc')
      .orderBy('r.id', 'desc')
      .limit(limit + 1)
      .execute();
  },
};

export type OrderRow = NonNullable<Awaited<ReturnType<typeof orderRepo.find>>>;

/** Who hears about a listing's answers and orders: the people with an active mandate for the account. */
export const recipientRepo = {
  ofAccount: (db: Q, clusterId: string, accountId: string, today: string) =>
    db
      .selectFrom('currency_account as a')
      .innerJoin('representative_mandate as m', (join) =>
        join.onRef('m.cluster_id', '=', 'a.cluster_id').onRef('m.organisation_id', '=', 'a.organisation_id'),
      )
      .innerJoin('person as p', 'p.id', 'm.person_id')
      .select(['p.id', 'p.email', 'p.locale', 'p.display_name'])
      .where('a.cluster_id', '=', clusterId)
      .where('a.id', '=', accountId)
      .where(mandateInForceOn(today))
      .where('p.erased_at', 'is', null)
      .where('p.email', 'is not', null)
      .distinct()
      .limit(50)
      .execute(),
};
