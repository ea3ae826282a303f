/**
 * Orders from offers. Ordering holds the price × quantity as a pending transfer from the buyer's
 * account (reserved from what it may spend); the seller's confirmation of delivery posts it, a
 * cancellation by either side voids it. Each order changes state once: the order row is locked,
 * and a second confirmation or cancellation is refused with nothing written.
 */
import type { Locale } from '../../domain/clusters/catalogue.ts';
import { isValidAmount } from '../../domain/currency/ledger.ts';
import type { OrderStatus } from '../../domain/marketplace/categories.ts';
import type { CurrencyService } from '../currency/service.ts';
import { Access, type ClusterAccess } from '../platform/access.ts';
import type { AuditLog } from '../platform/audit/audit-log.ts';
import type { Actor } from '../platform/auth/viewer.ts';
import type { Clock } from '../platform/clock.ts';
import { isoDay } from '../platform/clock.ts';
import type { CurrencyTable, Db, MarketplaceOrderTable, Tx } from '../platform/database.ts';
import { AppError, badRequest, conflict, forbidden, notFound } from '../platform/errors.ts';
import { decodeCursor, toPage } from '../platform/http/pagination.ts';
import { newId } from '../platform/ids.ts';
import type { MemberAccounts } from './member-accounts.ts';
import { formatAmount, type MarketplaceNotices, type NoticeKind } from './notices.ts';
import { type Keyset, listingRepo, type OrderRow, type OrderSide, orderRepo } from './repo.ts';
import { orderView } from './views.ts';

type Side = NonNullable<MarketplaceOrderTable['cancelled_by_side']>;

export interface OrderQuery {
  accountId: string;
  side: OrderSide;
  status?: OrderStatus;
  limit: number;
  cursor?: string;
}

export class OrderService {
  constructor(
    private readonly db: Db,
    private readonly access: Access,
    private readonly audit: AuditLog,
    private readonly clock: Clock,
    private readonly currency: CurrencyService,
    private readonly accounts: MemberAccounts,
    private readonly notices: MarketplaceNotices,
  ) {}

  private async find(access: ClusterAccess, orderId: string): Promise<OrderRow> {
    const order = await orderRepo.find(this.db, access.cluster.id, orderId);
    if (!order) throw notFound('marketplace.order_not_found');
    return order;
  }

  /** On which side of the order the reader stands; a coordinator watches over all of them. */
  private async sideOf(access: ClusterAccess, order: OrderRow): Promise<Side | null> {
    const acting = await this.accounts.idsActingFor(this.db, access);
    if (acting.includes(order.seller_account_id)) return 'seller';
    if (acting.includes(order.buyer_account_id)) return 'buyer';
    return Access.can(access, 'currency.manage') ? 'coordinator' : null;
  }

  /** Locks a pending order for its one change of state. */
  private async lockPending(tx: Tx, clusterId: string, orderId: string) {
    const locked = await orderRepo.lock(tx, clusterId, orderId);
    if (!locked) throw notFound('marketplace.order_not_found');
    if (locked.status !== 'pending')
      throw conflict('marketplace.order_not_pending', 'orderId', { status: locked.status });
    return locked;
  }

  private async tell(
    tx: Tx,
    access: ClusterAccess,
    currency: CurrencyTable,
    order: OrderRow,
    to: OrderSide,
    kind: NoticeKind,
    byName: string,
  ) {
    await this.notices.tell(
      tx,
      {
        clusterId: access.cluster.id,
        accountId: to === 'buyer' ? order.buyer_account_id : order.seller_account_id,
        today: isoDay(this.clock()),
      },
      kind,
      (locale: Locale) => ({
        by: byName,
        title: order.listing_title,
        quantity: order.quantity,
        amount: formatAmount(order.amount_minor, currency, locale),
        cluster: access.cluster.name,
        link: this.notices.link(access.cluster.slug, '/orders'),
      }),
    );
  }

  async place(
    actor: Actor,
    slug: string,
    listingId: string,
    input: { buyerAccountId: string; quantity: number; note: string },
    idempotencyKey: string | undefined,
  ) {
    const access = await this.access.require(actor, slug, 'marketplace.use');
    const clusterId = access.cluster.id;
    const currency = await this.currency.requireCurrency(this.db, clusterId);
    const listing = await listingRepo.find(this.db, clusterId, listingId);
    if (!listing) throw notFound('marketplace.listing_not_found');
    await this.accounts.requireActing(this.db, access, input.buyerAccountId, 'buyerAccountId');
    if (listing.kind !== 'offer') throw badRequest('marketplace.not_an_offer', 'listingId');
    if (listing.account_id === input.buyerAccountId)
      throw badRequest('marketplace.own_listing', 'buyerAccountId');
    const result = await this.currency.writes.run(
      {
        clusterId,
        personId: access.actor.personId,
        key: idempotencyKey,
        operation: `marketplace.order:${listingId}`,
        body: input,
      },
      async (tx) => {
        // Shared with other orders, exclusive against an edit that pauses or closes the listing.
        const locked = await listingRepo.lock(tx, clusterId, listingId, 'share');
        if (locked?.status !== 'active')
          throw conflict('marketplace.listing_not_active', 'listingId', { status: locked?.status ?? '' });
        if (locked.price_minor === null) throw conflict('marketplace.no_currency_price', 'listingId');
        const amountMinor = locked.price_minor * input.quantity;
        if (!isValidAmount(amountMinor)) throw badRequest('currency.amount_invalid', 'quantity');
        const orderId = newId();
        const now = this.clock();
        const written = await this.currency.ledger.write(
          tx,
          currency,
          {
            kind: 'hold',
            payerAccountId: input.buyerAccountId,
            payeeAccountId: locked.account_id,
            amountMinor,
            description: locked.title,
            origin: 'order',
            originId: orderId,
            createdBy: access.actor.personId,
          },
          now,
        );
        await orderRepo.insert(tx, {
          cluster_id: clusterId,
          id: orderId,
          listing_id: listingId,
          buyer_account_id: input.buyerAccountId,
          seller_account_id: locked.account_id,
          quantity: input.quantity,
          amount_minor: amountMinor,
          note: input.note.trim(),
          hold_transfer_id: written.transfer.id,
          resolution_transfer_id: null,
          status: 'pending',
          cancelled_by_side: null,
          created_by: access.actor.personId,
          created_at: now,
          resolved_at: null,
        });
        await this.audit.record(tx, clusterId, {
          action: 'marketplace.order_placed',
          isPublic: false,
          payload: {
            orderId,
            listingId,
            buyerAccountId: input.buyerAccountId,
            sellerAccountId: locked.account_id,
            quantity: input.quantity,
            amountMinor,
            holdTransferId: written.transfer.id,
            by: access.actor.personId,
          },
        });
        const order = (await orderRepo.find(tx, clusterId, orderId)) as OrderRow;
        await this.tell(tx, access, currency, order, 'seller', 'order', order.buyer_name);
        return orderView(order);
      },
    );
    this.notices.deliver();
    return result;
  }

  /** The seller confirms delivery: the held amount moves to the seller. */
  confirmDelivery(actor: Actor, slug: string, orderId: string, idempotencyKey: string | undefined) {
    return this.resolve(actor, slug, orderId, 'delivered', idempotencyKey);
  }

  /** Either side (or a coordinator) calls the order off: the reservation is released. */
  cancel(actor: Actor, slug: string, orderId: string, idempotencyKey: string | undefined) {
    return this.resolve(actor, slug, orderId, 'cancelled', idempotencyKey);
  }

  /** An order's one change of state: posting its hold on delivery, voiding it on cancellation. */
  private async resolve(
    actor: Actor,
    slug: string,
    orderId: string,
    outcome: 'delivered' | 'cancelled',
    idempotencyKey: string | undefined,
  ) {
    const access = await this.access.require(actor, slug, 'marketplace.use');
    const clusterId = access.cluster.id;
    const currency = await this.currency.requireCurrency(this.db, clusterId);
    const side = await this.sideOf(access, await this.find(access, orderId));
    if (side === null) throw forbidden();
    if (outcome === 'delivered' && side !== 'seller')
      throw new AppError('marketplace.only_seller_delivers', 403);
    const result = await this.currency.writes.run(
      {
        clusterId,
        personId: access.actor.personId,
        key: idempotencyKey,
        operation: `marketplace.${outcome === 'delivered' ? 'delivery' : 'cancellation'}:${orderId}`,
        body: null,
      },
      async (tx) => {
        const order = await this.lockPending(tx, clusterId, orderId);
        const now = this.clock();
        const written = await this.currency.ledger.write(
          tx,
          currency,
          {
            kind: outcome === 'delivered' ? 'post' : 'void',
            payerAccountId: order.buyer_account_id,
            payeeAccountId: order.seller_account_id,
            amountMinor: order.amount_minor,
            description: '',
            relatedTransferId: order.hold_transfer_id,
            origin: 'order',
            originId: orderId,
            createdBy: access.actor.personId,
          },
          now,
        );
        await orderRepo.update(tx, clusterId, orderId, {
          status: outcome,
          cancelled_by_side: outcome === 'cancelled' ? side : null,
          resolution_transfer_id: written.transfer.id,
          resolved_at: now,
        });
        await this.audit.record(tx, clusterId, {
          action: outcome === 'delivered' ? 'marketplace.order_delivered' : 'marketplace.order_cancelled',
          isPublic: false,
          payload: { orderId, side, transferId: written.transfer.id, by: access.actor.personId },
        });
        const named = (await orderRepo.find(tx, clusterId, orderId)) as OrderRow;
        const byName =
          side === 'buyer' ? named.buyer_name : side === 'seller' ? named.seller_name : access.cluster.name;
        // The other side hears of it; after a coordinator's cancellation, both do.
        const told: OrderSide[] =
          side === 'coordinator' ? ['buyer', 'seller'] : [side === 'buyer' ? 'seller' : 'buyer'];
        for (const to of told) await this.tell(tx, access, currency, named, to, outcome, byName);
        return orderView(named);
      },
    );
    this.notices.deliver();
    return result;
  }

  /** An account's orders as buyer or as seller, newest first. */
  async list(actor: Actor, slug: string, query: OrderQuery) {
    const access = await this.access.require(actor, slug, 'marketplace.use');
    await this.currency.accountOf(this.db, access, query.accountId, 'read');
    const after = decodeCursor(query.cursor, 2) as Keyset | null;
    const rows = await orderRepo.list(
      this.db,
      access.cluster.id,
      query.accountId,
      query.side,
      query.status,
      after,
      query.limit,
    );
    const page = toPage(rows, query.limit, (row) => [row.created_at.toISOString(), row.id]);
    return { nextCursor: page.nextCursor, items: page.items.map(orderView) };
  }

  async order(actor: Actor, slug: string, orderId: string) {
    const access = await this.access.require(actor, slug, 'marketplace.use');
    const order = await this.find(access, orderId);
    const side = await this.sideOf(access, order);
    if (side === null) throw forbidden();
    return { ...orderView(order), viewerSide: side };
  }
}
