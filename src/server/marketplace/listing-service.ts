/**
 * Offers and wants: a representative publishes them for the organisation's account, edits, pauses
 * and closes them and adds photos; everyone who may read the cluster searches them; members answer
 * them. Every write carries an idempotency key, like every other write of the currency.
 */
import { createHash } from 'node:crypto';
import {
  LISTING_CATEGORIES,
  LISTING_LIMITS,
  type ListingCategory,
  type ListingKind,
  type ListingStatus,
  mayChangeStatus,
} from '../../domain/marketplace/categories.ts';
import { PHOTO_MAX_BYTES, sniffPhotoType } from '../../domain/marketplace/photo-type.ts';
import { accountRepo, currencyRepo } from '../currency/repo.ts';
import type { CurrencyService } from '../currency/service.ts';
import { Access, type ClusterAccess } from '../platform/access.ts';
import type { AuditLog } from '../platform/audit/audit-log.ts';
import type { Actor } from '../platform/auth/viewer.ts';
import type { Clock } from '../platform/clock.ts';
import { isoDay } from '../platform/clock.ts';
import type { Db, MarketplaceListingTable, Queryable, Tx } from '../platform/database.ts';
import { badRequest, conflict, notFound } from '../platform/errors.ts';
import { decodeCursor, toPage } from '../platform/http/pagination.ts';
import { newId } from '../platform/ids.ts';
import type { MemberAccounts } from './member-accounts.ts';
import type { MarketplaceNotices } from './notices.ts';
import { keptPhoto } from './photo-processing.ts';
import { answerRepo, type Keyset, type ListingRow, listingRepo, photoRepo } from './repo.ts';
import { answerView, listingCardView, listingView } from './views.ts';

export interface ListingFields {
  title: string;
  description: string;
  category: ListingCategory;
  priceMinor: number | null;
  priceEuroCents: number | null;
  currencySharePercent: number;
  location: string;
}

export interface NewListing extends ListingFields {
  accountId: string;
  kind: ListingKind;
}

export type ListingChange = Partial<ListingFields> & { status?: ListingStatus };

export interface ListingQuery {
  kind?: ListingKind;
  category?: ListingCategory;
  q?: string;
  minPriceMinor?: number;
  maxPriceMinor?: number;
  status?: ListingStatus;
  accountId?: string;
  limit: number;
  cursor?: string;
}

export interface NewPhoto {
  contentBase64: string;
  altText: string;
}

const BASE64 = /^[A-Za-z0-9+/]*={0,2}$/;

/** The row values of the fields a listing's author writes, tidied. */
function columnsOf(fields: Partial<ListingFields>): Partial<MarketplaceListingTable> {
  const columns: Partial<MarketplaceListingTable> = {};
  if (fields.title !== undefined) columns.title = fields.title.trim();
  if (fields.description !== undefined) columns.description = fields.description.trim();
  if (fields.category !== undefined) columns.category = fields.category;
  if (fields.priceMinor !== undefined) columns.price_minor = fields.priceMinor;
  if (fields.priceEuroCents !== undefined) columns.price_euro_cents = fields.priceEuroCents;
  if (fields.currencySharePercent !== undefined) columns.currency_share_percent = fields.currencySharePercent;
  if (fields.location !== undefined) columns.location = fields.location.trim();
  return columns;
}

/**
 * Decodes an uploaded photo and makes sure it is a JPEG, PNG or WebP image within the size limit;
 * then the image itself is decoded and kept as photo-processing.ts says.
 */
async function readPhoto(contentBase64: string) {
  if (contentBase64.length === 0 || contentBase64.length % 4 !== 0 || !BASE64.test(contentBase64))
    throw badRequest('marketplace.photo_malformed', 'contentBase64');
  const bytes = Buffer.from(contentBase64, 'base64');
  if (bytes.length > PHOTO_MAX_BYTES)
    throw badRequest('marketplace.photo_too_large', 'contentBase64', {
      maxMiB: PHOTO_MAX_BYTES / 1024 / 1024,
    });
  const contentType = sniffPhotoType(bytes);
  if (!contentType) throw badRequest('marketplace.photo_type_unsupported', 'contentBase64');
  const kept = await keptPhoto(bytes, contentType);
  if (!kept) throw badRequest('marketplace.photo_unreadable', 'contentBase64');
  // The digest is the upload's, so that a retry of the same upload is known as one.
  return { ...kept, digest: createHash('sha256').update(bytes).digest('hex') };
}

export class ListingService {
  constructor(
    private readonly db: Db,
    private readonly access: Access,
    private readonly audit: AuditLog,
    private readonly clock: Clock,
    private readonly currency: CurrencyService,
    private readonly accounts: MemberAccounts,
    private readonly notices: MarketplaceNotices,
  ) {}

  private async find(db: Queryable, access: ClusterAccess, listingId: string): Promise<ListingRow> {
    const listing = await listingRepo.find(db, access.cluster.id, listingId);
    if (!listing) throw notFound('marketplace.listing_not_found');
    return listing;
  }

  private async view(db: Queryable, access: ClusterAccess, listingId: string, mayEdit: boolean) {
    const listing = await this.find(db, access, listingId);
    return listingView(listing, await photoRepo.list(db, access.cluster.id, listingId), mayEdit);
  }

  /** Locks a listing for a change by its author; a closed listing no longer changes. */
  private async lockOpen(tx: Tx, clusterId: string, listingId: string) {
    const locked = await listingRepo.lock(tx, clusterId, listingId, 'update');
    if (!locked) throw notFound('marketplace.listing_not_found');
    if (locked.status === 'closed') throw conflict('marketplace.listing_closed', 'status');
    return locked;
  }

  /** Permission for a change to a listing: the marketplace's use, and acting for the listing's account. */
  private async requireAuthor(actor: Actor, slug: string, listingId: string) {
    const access = await this.access.require(actor, slug, 'marketplace.use');
    const listing = await this.find(this.db, access, listingId);
    await this.accounts.requireActing(this.db, access, listing.account_id);
    return access;
  }

  /** An idempotent write by the reader, under the cluster's idempotency keys. */
  private write<T>(
    access: ClusterAccess & { actor: { personId: string } },
    idempotencyKey: string | undefined,
    operation: string,
    body: unknown,
    work: (tx: Tx) => Promise<T>,
  ) {
    return this.currency.writes.run(
      { clusterId: access.cluster.id, personId: access.actor.personId, key: idempotencyKey, operation, body },
      work,
    );
  }

  /** The marketplace page: the currency's units, the categories and the accounts the reader trades for. */
  async overview(actor: Actor, slug: string) {
    const access = await this.access.read(actor, slug);
    const currency = await currencyRepo.find(this.db, access.cluster.id);
    const mayUse = Access.can(access, 'marketplace.use');
    const accounts = currency && mayUse ? await this.accounts.actingFor(this.db, access) : [];
    return {
      currency: currency
        ? {
            name: currency.name,
            code: currency.code,
            symbol: currency.symbol,
            decimals: currency.decimals,
            feeBasisPoints: currency.fee_basis_points,
          }
        : null,
      categories: LISTING_CATEGORIES,
      myAccounts: accounts.map((a) => ({
        accountId: a.account_id,
        organisationId: a.organisation_id,
        name: a.organisation_name,
      })),
      can: { trade: mayUse && accounts.length > 0, moderate: Access.can(access, 'marketplace.moderate') },
    };
  }

  /**
   * Search, newest first. Active listings are as public as the cluster; paused and closed ones are
   * shown only to those who act for them (and to coordinators).
   */
  async search(actor: Actor, slug: string, query: ListingQuery) {
    const access = await this.access.read(actor, slug);
    await this.currency.requireCurrency(this.db, access.cluster.id);
    if (
      query.minPriceMinor !== undefined &&
      query.maxPriceMinor !== undefined &&
      query.minPriceMinor > query.maxPriceMinor
    ) {
      throw badRequest('marketplace.price_range_invalid', 'maxPriceMinor');
    }
    const status = query.status ?? 'active';
    const onlyAccountIds =
      status === 'active' || Access.can(access, 'currency.manage')
        ? undefined
        : await this.accounts.idsActingFor(this.db, access);
    const after = decodeCursor(query.cursor, 2) as Keyset | null;
    const rows = await listingRepo.search(
      this.db,
      access.cluster.id,
      {
        kind: query.kind,
        category: query.category,
        text: query.q?.trim() || undefined,
        minPriceMinor: query.minPriceMinor,
        maxPriceMinor: query.maxPriceMinor,
        status,
        accountId: query.accountId,
        onlyAccountIds,
      },
      after,
      query.limit,
    );
    const page = toPage(rows, query.limit, (row) => [row.created_at.toISOString(), row.id]);
    return { nextCursor: page.nextCursor, items: page.items.map(listingCardView) };
  }

  async listing(actor: Actor, slug: string, listingId: string) {
    const access = await this.access.read(actor, slug);
    const listing = await this.find(this.db, access, listingId);
    const acting = await this.accounts.idsActingFor(this.db, access);
    return this.view(this.db, access, listingId, acting.includes(listing.account_id));
  }

  async publish(actor: Actor, slug: string, input: NewListing, idempotencyKey: string | undefined) {
    const access = await this.access.require(actor, slug, 'marketplace.use');
    const clusterId = access.cluster.id;
    await this.currency.requireCurrency(this.db, clusterId);
    await this.accounts.requireActing(this.db, access, input.accountId);
    return this.write(access, idempotencyKey, 'marketplace.listing', input, async (tx) => {
      const account = await accountRepo.find(tx, clusterId, input.accountId);
      if (account?.status !== 'active') throw conflict('marketplace.account_not_active', 'accountId');
      const id = newId();
      const now = this.clock();
      const row: MarketplaceListingTable = {
        cluster_id: clusterId,
        id,
        account_id: input.accountId,
        kind: input.kind,
        title: '',
        description: '',
        category: input.category,
        price_minor: null,
        price_euro_cents: null,
        currency_share_percent: 100,
        location: '',
        ...columnsOf(input),
        status: 'active',
        created_by: access.actor.personId,
        created_at: now,
        updated_at: now,
      };
      await listingRepo.insert(tx, row);
      // Listings are public offers: their publication is on the public chain.
      await this.audit.record(tx, clusterId, {
        action: 'marketplace.listing_published',
        isPublic: true,
        payload: {
          listingId: id,
          accountId: row.account_id,
          kind: row.kind,
          title: row.title,
          category: row.category,
          priceMinor: row.price_minor,
          priceEuroCents: row.price_euro_cents,
          by: access.actor.personId,
        },
      });
      return this.view(tx, access, id, true);
    });
  }

  async edit(
    actor: Actor,
    slug: string,
    listingId: string,
    change: ListingChange,
    idempotencyKey: string | undefined,
  ) {
    const access = await this.requireAuthor(actor, slug, listingId);
    const clusterId = access.cluster.id;
    return this.write(access, idempotencyKey, `marketplace.listing:${listingId}`, change, async (tx) => {
      const locked = await listingRepo.lock(tx, clusterId, listingId, 'update');
      if (!locked) throw notFound('marketplace.listing_not_found');
      if (change.status && !mayChangeStatus(locked.status, change.status))
        throw conflict('marketplace.listing_closed', 'status');
      if (locked.status === 'closed' && Object.keys(columnsOf(change)).length > 0)
        throw conflict('marketplace.listing_closed', 'status');
      const closes = change.status === 'closed' && locked.status !== 'closed';
      await listingRepo.update(tx, clusterId, listingId, {
        ...columnsOf(change),
        ...(change.status ? { status: change.status } : {}),
        updated_at: this.clock(),
      });
      if (closes) {
        await this.audit.record(tx, clusterId, {
          action: 'marketplace.listing_closed',
          isPublic: true,
          payload: { listingId, accountId: locked.account_id, by: access.actor.personId },
        });
      }
      return this.view(tx, access, listingId, true);
    });
  }

  /**
   * A coordinator takes a listing off the marketplace (against the cluster's rules, misleading,
   * offensive): it closes, with a reason the people acting for its account are told by mail.
   * Orders already placed stay as they are, to be delivered or cancelled.
   */
  async withdraw(
    actor: Actor,
    slug: string,
    listingId: string,
    reason: string,
    idempotencyKey: string | undefined,
  ) {
    const access = await this.access.require(actor, slug, 'marketplace.moderate');
    const clusterId = access.cluster.id;
    const why = reason.trim();
    if (why === '') throw badRequest('marketplace.reason_required', 'reason');
    const result = await this.write(
      access,
      idempotencyKey,
      `marketplace.withdrawal:${listingId}`,
      { why },
      async (tx) => {
        const locked = await listingRepo.lock(tx, clusterId, listingId, 'update');
        if (!locked) throw notFound('marketplace.listing_not_found');
        if (locked.status === 'closed') throw conflict('marketplace.listing_closed', 'status');
        await listingRepo.update(tx, clusterId, listingId, { status: 'closed', updated_at: this.clock() });
        await this.audit.record(tx, clusterId, {
          action: 'marketplace.listing_withdrawn',
          // The public sees that a listing was taken off; the reason goes to its authors only.
          isPublic: true,
          payload: { listingId, accountId: locked.account_id, by: access.actor.personId },
        });
        await this.notices.tell(
          tx,
          { clusterId, accountId: locked.account_id, today: isoDay(this.clock()) },
          'withdrawn',
          () => ({
            title: locked.title,
            cluster: access.cluster.name,
            reason: why,
            link: this.notices.link(slug, `/listings/${listingId}`),
          }),
        );
        return this.view(tx, access, listingId, false);
      },
    );
    this.notices.deliver();
    return result;
  }

  async addPhoto(
    actor: Actor,
    slug: string,
    listingId: string,
    input: NewPhoto,
    idempotencyKey: string | undefined,
  ) {
    const access = await this.requireAuthor(actor, slug, listingId);
    const clusterId = access.cluster.id;
    const photo = await readPhoto(input.contentBase64);
    const altText = input.altText.trim();
    // The fingerprint names the photo by its digest, so a retry is compared without its megabytes.
    return this.write(
      access,
      idempotencyKey,
      `marketplace.photo:${listingId}`,
      { digest: photo.digest, altText },
      async (tx) => {
        await this.lockOpen(tx, clusterId, listingId);
        const taken = new Set((await photoRepo.list(tx, clusterId, listingId)).map((p) => p.position));
        const position = Array.from({ length: LISTING_LIMITS.photosPerListing }, (_, i) => i).find(
          (i) => !taken.has(i),
        );
        if (position === undefined)
          throw conflict('marketplace.too_many_photos', 'contentBase64', {
            max: LISTING_LIMITS.photosPerListing,
          });
        const id = newId();
        await photoRepo.insert(tx, {
          cluster_id: clusterId,
          id,
          listing_id: listingId,
          content_type: photo.contentType,
          bytes: photo.bytes,
          card_bytes: photo.card,
          alt_text: altText,
          position,
          created_at: this.clock(),
        });
        await listingRepo.update(tx, clusterId, listingId, { updated_at: this.clock() });
        return { id, altText, position, contentType: photo.contentType };
      },
    );
  }

  async removePhoto(
    actor: Actor,
    slug: string,
    listingId: string,
    photoId: string,
    idempotencyKey: string | undefined,
  ) {
    const access = await this.requireAuthor(actor, slug, listingId);
    const clusterId = access.cluster.id;
    return this.write(
      access,
      idempotencyKey,
      `marketplace.photo_removal:${listingId}`,
      { photoId },
      async (tx) => {
        await this.lockOpen(tx, clusterId, listingId);
        if (!(await photoRepo.delete(tx, clusterId, listingId, photoId)))
          throw notFound('marketplace.photo_not_found');
        await listingRepo.update(tx, clusterId, listingId, { updated_at: this.clock() });
        return this.view(tx, access, listingId, true);
      },
    );
  }

  /** A photo's bytes (or its card's copy), as readable as its listing. */
  async photo(
    actor: Actor,
    slug: string,
    listingId: string,
    photoId: string,
    size: 'full' | 'card' = 'full',
  ) {
    const access = await this.access.read(actor, slug);
    const photo = await photoRepo.find(this.db, access.cluster.id, listingId, photoId, size);
    if (!photo) throw notFound('marketplace.photo_not_found');
    return { ...photo, isPublic: access.cluster.visibility === 'public' };
  }

  /**
   * A message in a conversation about a listing, mailed to the other side's representatives: a
   * member answers the listing (which must be active), or the listing's organisation replies to a
   * member who answered (`toAccountId`), whatever the listing's status, since a closed offer still
   * deserves a word to those who asked.
   */
  async answer(
    actor: Actor,
    slug: string,
    listingId: string,
    input: { fromAccountId: string; toAccountId?: string; message: string },
    idempotencyKey: string | undefined,
  ) {
    const access = await this.access.require(actor, slug, 'marketplace.use');
    const clusterId = access.cluster.id;
    const listing = await this.find(this.db, access, listingId);
    const from = await this.accounts.requireActing(this.db, access, input.fromAccountId, 'fromAccountId');
    const isReply = listing.account_id === from.id;
    if (isReply && input.toAccountId === undefined)
      throw badRequest('marketplace.own_listing', 'fromAccountId');
    if (!isReply && input.toAccountId !== undefined && input.toAccountId !== listing.account_id)
      throw badRequest('marketplace.reply_not_author', 'toAccountId');
    const threadAccountId = isReply ? (input.toAccountId as string) : from.id;
    const message = input.message.trim();
    const result = await this.write(
      access,
      idempotencyKey,
      `marketplace.answer:${listingId}`,
      input,
      async (tx) => {
        const locked = await listingRepo.lock(tx, clusterId, listingId, 'share');
        if (!isReply && locked?.status !== 'active')
          throw conflict('marketplace.listing_not_active', 'listingId');
        const conversationName = isReply
          ? await answerRepo.conversationWith(tx, clusterId, listingId, threadAccountId)
          : (from.organisation_name ?? '');
        if (conversationName === undefined)
          throw badRequest('marketplace.conversation_not_found', 'toAccountId');
        const id = newId();
        const now = this.clock();
        await answerRepo.insert(tx, {
          cluster_id: clusterId,
          id,
          listing_id: listingId,
          account_id: from.id,
          thread_account_id: threadAccountId,
          message,
          created_by: access.actor.personId,
          created_at: now,
        });
        await this.notices.tell(
          tx,
          { clusterId, accountId: isReply ? threadAccountId : listing.account_id, today: isoDay(now) },
          isReply ? 'reply' : 'answer',
          () => ({
            from: from.organisation_name ?? '',
            author: access.actor.displayName,
            title: listing.title,
            cluster: access.cluster.name,
            message,
            link: this.notices.link(slug, `/listings/${listingId}`),
          }),
        );
        return answerView({
          id,
          account_id: from.id,
          thread_account_id: threadAccountId,
          message,
          created_at: now,
          organisation_name: from.organisation_name ?? '',
          conversation_name: conversationName,
          author_name: access.actor.displayName,
        });
      },
    );
    this.notices.deliver();
    return result;
  }

  /**
   * The listing's organisation reads every conversation; anyone else only those of the accounts
   * they act for, with the replies they received.
   */
  async answers(actor: Actor, slug: string, listingId: string, page: { limit: number; cursor?: string }) {
    const access = await this.access.require(actor, slug, 'marketplace.use');
    const listing = await this.find(this.db, access, listingId);
    const acting = await this.accounts.idsActingFor(this.db, access);
    const after = decodeCursor(page.cursor, 2) as Keyset | null;
    const rows = await answerRepo.list(
      this.db,
      access.cluster.id,
      listingId,
      acting.includes(listing.account_id) ? null : acting,
      after,
      page.limit,
    );
    const result = toPage(rows, page.limit, (row) => [row.created_at.toISOString(), row.id]);
    return { nextCursor: result.nextCursor, items: result.items.map(answerView) };
  }
}
