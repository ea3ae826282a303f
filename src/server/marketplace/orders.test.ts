import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ledgerViolations, NO_VIOLATIONS } from '../../../test/currency/support/ledger-invariants.ts';
import {
  type CurrencyCluster,
  createCurrencyCluster,
  type TestMember,
} from '../../../test/support/currency-fixture.ts';
import {
  keyed,
  mailsTo,
  marketplaceBase,
  memberAt,
  order,
  publish,
  rowCount,
} from '../../../test/support/marketplace-fixture.ts';
import { createTestContext, type TestContext } from '../../../test/support/test-app.ts';

let ctx: TestContext;
beforeAll(async () => {
  ctx = await createTestContext({ rateLimitScale: 100 });
});
afterAll(async () => {
  await ctx.close();
});

const member = memberAt;

async function wallet(cluster: CurrencyCluster, who: TestMember) {
  const body = (await who.representative.client.get(`${cluster.base}/accounts/${who.accountId}`)).body;
  return {
    balance: body.balanceMinor,
    available: body.availableMinor,
    pendingDebit: body.pendingDebitMinor,
    pendingCredit: body.pendingCreditMinor,
  };
}

/** The ledger's invariants: sum of balances zero, pending debits = pending credits, limits kept. */
async function expectSoundLedger(cluster: CurrencyCluster) {
  expect(await ledgerViolations(ctx.db, cluster.id)).toEqual(NO_VIOLATIONS);
}

const transferCount = (clusterId: string) => rowCount(ctx.db, 'currency_transfer', clusterId);

const orderCount = (clusterId: string) => rowCount(ctx.db, 'marketplace_order', clusterId);

const mails = (email: string) => mailsTo(ctx.db, email);

const ordersUrl = (cluster: CurrencyCluster) => `${marketplaceBase(cluster.slug)}/orders`;
const confirm = (cluster: CurrencyCluster, who: TestMember, orderId: string, key?: string) =>
  keyed(who.representative.client, 'POST', `${ordersUrl(cluster)}/${orderId}/delivery`, undefined, key);
const cancel = (cluster: CurrencyCluster, who: TestMember, orderId: string) =>
  keyed(who.representative.client, 'POST', `${ordersUrl(cluster)}/${orderId}/cancellation`);

/** A cluster with a seller (0), a buyer (1) and a bystander (2), and the seller's offer at 12.00. */
async function market() {
  const cluster = await createCurrencyCluster(ctx, { members: 3 });
  const [seller, buyer, bystander] = [member(cluster, 0), member(cluster, 1), member(cluster, 2)];
  const offer = await publish(cluster, seller, { priceMinor: 12_00 });
  return { cluster, seller, buyer, bystander, offer };
}

describe('ordering from an offer', () => {
  it('holds the amount from the buyer’s available balance, then pays it when the seller confirms delivery', async () => {
    const { cluster, seller, buyer, offer } = await market();
    const placed = await order(cluster, buyer, offer.id, 3, { note: 'For the village fair' });
    expect(placed.status).toBe(201);
    expect(placed.body).toMatchObject({
      status: 'pending',
      quantity: 3,
      amountMinor: 36_00,
      note: 'For the village fair',
      buyerName: buyer.name,
      sellerName: seller.name,
      listingTitle: offer.title,
      resolutionTransferId: null,
    });
    expect(await wallet(cluster, buyer)).toEqual({
      balance: 0,
      available: 100_000 - 36_00,
      pendingDebit: 36_00,
      pendingCredit: 0,
    });
    expect(await wallet(cluster, seller)).toMatchObject({ balance: 0, pendingCredit: 36_00 });
    await expectSoundLedger(cluster);
    const [orderMail] = await mails(seller.representative.email);
    expect(orderMail?.subject).toBe(`New order: 3 × “${offer.title}”`);
    expect(orderMail?.body_text).toContain('36.00 KPC');

    const delivered = await confirm(cluster, seller, placed.body.id);
    expect(delivered.status).toBe(200);
    expect(delivered.body).toMatchObject({ status: 'delivered', resolvedAt: expect.any(String) });
    expect(await wallet(cluster, buyer)).toEqual({
      balance: -36_00,
      available: 100_000 - 36_00,
      pendingDebit: 0,
      pendingCredit: 0,
    });
    expect(await wallet(cluster, seller)).toMatchObject({ balance: 36_00, pendingCredit: 0 });
    await expectSoundLedger(cluster);
    const [deliveryMail] = await mails(buyer.representative.email);
    expect(deliveryMail?.subject).toBe(`Delivered: “${offer.title}”`);

    const transfers = await ctx.db
      .selectFrom('currency_transfer')
      .select(['id', 'kind', 'origin', 'origin_id', 'related_transfer_id', 'amount_minor'])
      .where('cluster_id', '=', cluster.id)
      .orderBy('seq')
      .execute();
    expect(transfers).toEqual([
      expect.objectContaining({
        kind: 'hold',
        origin: 'order',
        origin_id: placed.body.id,
        amount_minor: 36_00,
      }),
      expect.objectContaining({
        kind: 'post',
        origin: 'order',
        related_transfer_id: placed.body.holdTransferId,
        amount_minor: 36_00,
      }),
    ]);
    const events = await ctx.db
      .selectFrom('audit_event')
      .select(['action', 'is_public'])
      .where('cluster_id', '=', cluster.id)
      .where('action', 'like', 'marketplace.order%')
      .orderBy('seq')
      .execute();
    expect(events).toEqual([
      { action: 'marketplace.order_placed', is_public: false },
      { action: 'marketplace.order_delivered', is_public: false },
    ]);
  });

  it('releases the reservation when the buyer or the seller cancels, and tells the other side', async () => {
    const { cluster, seller, buyer, offer } = await market();
    const first = await order(cluster, buyer, offer.id, 2);
    const second = await order(cluster, buyer, offer.id, 1);
    expect(await wallet(cluster, buyer)).toMatchObject({ pendingDebit: 36_00, available: 100_000 - 36_00 });

    const byBuyer = await cancel(cluster, buyer, first.body.id);
    expect(byBuyer.body).toMatchObject({ status: 'cancelled', cancelledBySide: 'buyer' });
    expect(await wallet(cluster, buyer)).toMatchObject({ pendingDebit: 12_00, available: 100_000 - 12_00 });
    await expectSoundLedger(cluster);
    expect((await mails(seller.representative.email))[0]?.subject).toBe(`Order cancelled: “${offer.title}”`);

    const bySeller = await cancel(cluster, seller, second.body.id);
    expect(bySeller.body).toMatchObject({ status: 'cancelled', cancelledBySide: 'seller' });
    expect(await wallet(cluster, buyer)).toEqual({
      balance: 0,
      available: 100_000,
      pendingDebit: 0,
      pendingCredit: 0,
    });
    expect(await wallet(cluster, seller)).toMatchObject({ balance: 0, pendingCredit: 0 });
    await expectSoundLedger(cluster);
    expect((await mails(buyer.representative.email))[0]?.body_text).toContain(`${seller.name} cancelled`);
  });

  it('charges the currency’s fee on an order as on a payment: held with the amount, paid on delivery, released on cancellation', async () => {
    const cluster = await createCurrencyCluster(ctx, { members: 2, settings: { feeBasisPoints: 250 } });
    const [seller, buyer] = [member(cluster, 0), member(cluster, 1)];
    const offer = await publish(cluster, seller, { priceMinor: 12_00 });
    const feeAccount = async () =>
      ctx.db
        .selectFrom('currency_account')
        .select(['balance_minor', 'pending_credit_minor'])
        .where('cluster_id', '=', cluster.id)
        .where('kind', '=', 'fee')
        .executeTakeFirstOrThrow();

    // 2.5% of 36.00 is 0.90, reserved with the amount.
    const delivered = await order(cluster, buyer, offer.id, 3);
    expect(await wallet(cluster, buyer)).toMatchObject({ pendingDebit: 36_90, available: 100_000 - 36_90 });
    expect(await feeAccount()).toEqual({ balance_minor: 0, pending_credit_minor: 90 });
    await confirm(cluster, seller, delivered.body.id);
    expect(await wallet(cluster, buyer)).toMatchObject({ balance: -36_90, pendingDebit: 0 });
    expect(await wallet(cluster, seller)).toMatchObject({ balance: 36_00, pendingCredit: 0 });
    expect(await feeAccount()).toEqual({ balance_minor: 90, pending_credit_minor: 0 });
    await expectSoundLedger(cluster);

    const cancelled = await order(cluster, buyer, offer.id, 1);
    expect(await wallet(cluster, buyer)).toMatchObject({ pendingDebit: 12_30 });
    await cancel(cluster, buyer, cancelled.body.id);
    expect(await wallet(cluster, buyer)).toMatchObject({ balance: -36_90, pendingDebit: 0 });
    expect(await feeAccount()).toEqual({ balance_minor: 90, pending_credit_minor: 0 });
    await expectSoundLedger(cluster);

    const kinds = await ctx.db
      .selectFrom('currency_transfer')
      .select(['kind', 'amount_minor', 'related_transfer_id'])
      .where('cluster_id', '=', cluster.id)
      .where('origin_id', '=', delivered.body.id)
      .orderBy('seq')
      .execute();
    expect(kinds.map((t) => [t.kind, t.amount_minor])).toEqual([
      ['hold', 36_00],
      ['hold', 90],
      ['post', 36_00],
      ['post', 90],
    ]);
  });

  it('changes an order’s state once: a second confirmation or a late cancellation is refused, nothing written', async () => {
    const { cluster, seller, buyer, offer } = await market();
    const delivered = (await order(cluster, buyer, offer.id)).body.id;
    await confirm(cluster, seller, delivered);
    const cancelled = (await order(cluster, buyer, offer.id)).body.id;
    await cancel(cluster, buyer, cancelled);
    const before = { transfers: await transferCount(cluster.id), buyer: await wallet(cluster, buyer) };

    const again = await confirm(cluster, seller, delivered);
    expect([again.status, again.body.error.code]).toEqual([409, 'marketplace.order_not_pending']);
    expect(again.body.error.message).toBe('This order is already delivered: it cannot change again.');
    const lateCancel = await cancel(cluster, buyer, delivered);
    expect([lateCancel.status, lateCancel.body.error.code]).toEqual([409, 'marketplace.order_not_pending']);
    const deliverCancelled = await confirm(cluster, seller, cancelled);
    expect([deliverCancelled.status, deliverCancelled.body.error.code]).toEqual([
      409,
      'marketplace.order_not_pending',
    ]);
    const cancelTwice = await cancel(cluster, seller, cancelled);
    expect(cancelTwice.body.error.message).toBe('This order is already cancelled: it cannot change again.');

    expect(await transferCount(cluster.id)).toBe(before.transfers);
    expect(await wallet(cluster, buyer)).toEqual(before.buyer);
    await expectSoundLedger(cluster);
  });

  it('settles a race between a confirmation and a cancellation: exactly one wins', async () => {
    const { cluster, seller, buyer, offer } = await market();
    const placed = (await order(cluster, buyer, offer.id)).body.id;
    const outcomes = await Promise.all([confirm(cluster, seller, placed), cancel(cluster, buyer, placed)]);
    expect(outcomes.map((o) => o.status).sort()).toEqual([200, 409]);
    expect(await transferCount(cluster.id)).toBe(2);
    expect(await wallet(cluster, buyer)).toMatchObject({ pendingDebit: 0 });
    await expectSoundLedger(cluster);
  });

  it('never lets concurrent orders together pass the buyer’s credit limit', async () => {
    const { cluster, seller, buyer } = await market();
    const tools = await publish(cluster, seller, { title: 'Workshop tools', priceMinor: 300_00 });
    const outcomes = await Promise.all(Array.from({ length: 6 }, () => order(cluster, buyer, tools.id)));
    expect(outcomes.filter((o) => o.status === 201)).toHaveLength(3);
    expect(outcomes.filter((o) => o.status === 409).map((o) => o.body.error.code)).toEqual(
      Array(3).fill('currency.limit_exceeded'),
    );
    expect(await wallet(cluster, buyer)).toMatchObject({ pendingDebit: 900_00, available: 100_00 });
    await expectSoundLedger(cluster);
  });

  it('answers a retried confirmation with the original result instead of paying twice', async () => {
    const { cluster, seller, buyer, offer } = await market();
    const placed = (await order(cluster, buyer, offer.id)).body.id;
    const first = await confirm(cluster, seller, placed, 'deliver-once');
    const retry = await confirm(cluster, seller, placed, 'deliver-once');
    expect(retry.status).toBe(200);
    expect(retry.headers['idempotent-replayed']).toBe('true');
    expect(retry.body).toEqual(first.body);
    expect(await wallet(cluster, seller)).toMatchObject({ balance: 12_00 });
    await expectSoundLedger(cluster);
  });

  it('replays a retried order, and refuses the same key for a different order', async () => {
    const { cluster, buyer, offer } = await market();
    const first = await order(cluster, buyer, offer.id, 2, { key: 'order-1' });
    const retry = await order(cluster, buyer, offer.id, 2, { key: 'order-1' });
    expect(retry.body.id).toBe(first.body.id);
    const different = await order(cluster, buyer, offer.id, 5, { key: 'order-1' });
    expect([different.status, different.body.error.code]).toEqual([409, 'currency.idempotency_key_reused']);
    expect(await orderCount(cluster.id)).toBe(1);
    expect(await wallet(cluster, buyer)).toMatchObject({ pendingDebit: 24_00 });
  });

  it('refuses an order past the buyer’s available balance, counting what earlier orders hold, and writes nothing', async () => {
    const { cluster, seller, buyer } = await market();
    const van = await publish(cluster, seller, { title: 'Delivery van', priceMinor: 600_00 });
    const tooMuch = await order(cluster, buyer, van.id, 2);
    expect([tooMuch.status, tooMuch.body.error.code]).toEqual([409, 'currency.limit_exceeded']);
    expect(await orderCount(cluster.id)).toBe(0);
    expect(await transferCount(cluster.id)).toBe(0);

    expect((await order(cluster, buyer, van.id, 1)).status).toBe(201);
    const second = await order(cluster, buyer, van.id, 1);
    expect([second.status, second.body.error.code]).toEqual([409, 'currency.limit_exceeded']);
    expect(await orderCount(cluster.id)).toBe(1);
    expect(await wallet(cluster, buyer)).toMatchObject({ pendingDebit: 600_00, available: 400_00 });
    expect(
      (await mails(seller.representative.email)).filter((m) => m.subject.startsWith('New order')),
    ).toHaveLength(1);
    await expectSoundLedger(cluster);
  });

  it('refuses ordering from one’s own offer, from a want, or an offer without a price in the currency', async () => {
    const { cluster, seller, buyer, offer } = await market();
    const own = await order(cluster, seller, offer.id);
    expect([own.status, own.body.error.code]).toEqual([400, 'marketplace.own_listing']);
    const want = await publish(cluster, seller, { kind: 'want', title: 'A van' });
    const fromWant = await order(cluster, buyer, want.id);
    expect([fromWant.status, fromWant.body.error.code]).toEqual([400, 'marketplace.not_an_offer']);
    const euroOnly = await publish(cluster, seller, { priceMinor: null, priceEuroCents: 50_00 });
    const noPrice = await order(cluster, buyer, euroOnly.id);
    expect([noPrice.status, noPrice.body.error.code]).toEqual([409, 'marketplace.no_currency_price']);
    expect(await orderCount(cluster.id)).toBe(0);
    await expectSoundLedger(cluster);
  });

  it('refuses ordering from a paused or closed offer', async () => {
    const { cluster, seller, buyer, offer } = await market();
    const listingUrl = `${marketplaceBase(cluster.slug)}/listings/${offer.id}`;
    await keyed(seller.representative.client, 'PATCH', listingUrl, { status: 'paused' });
    const paused = await order(cluster, buyer, offer.id);
    expect([paused.status, paused.body.error.code]).toEqual([409, 'marketplace.listing_not_active']);
    await keyed(seller.representative.client, 'PATCH', listingUrl, { status: 'closed' });
    const closed = await order(cluster, buyer, offer.id);
    expect([closed.status, closed.body.error.code]).toEqual([409, 'marketplace.listing_not_active']);
    expect(await orderCount(cluster.id)).toBe(0);
  });

  it.each([
    ['a zero quantity', { quantity: 0 }, 'quantity', 'validation.out_of_range'],
    ['a negative quantity', { quantity: -1 }, 'quantity', 'validation.out_of_range'],
    ['a fractional quantity', { quantity: 1.5 }, 'quantity', 'validation.invalid'],
    ['a quantity above 10,000', { quantity: 10_001 }, 'quantity', 'validation.out_of_range'],
    ['an over-long note', { note: 'x'.repeat(1001) }, 'note', 'validation.too_long'],
    ['a buyer account that is not an id', { buyerAccountId: 'mine' }, 'buyerAccountId', 'validation.format'],
  ])('refuses %s with a translated error', async (_name, change, field, code) => {
    const { cluster, buyer, offer } = await shared();
    const refused = await keyed(
      buyer.representative.client,
      'POST',
      `${marketplaceBase(cluster.slug)}/listings/${offer.id}/orders`,
      { buyerAccountId: buyer.accountId, quantity: 1, note: '', ...change },
    );
    expect([refused.status, refused.body.error.code, refused.body.error.field]).toEqual([400, code, field]);
    expect(await orderCount(cluster.id)).toBe(0);
  });

  it('refuses an order whose total would pass the largest amount', async () => {
    const { cluster, seller, buyer } = await shared();
    const precious = await publish(cluster, seller, { priceMinor: 1_000_000_000_000 });
    const refused = await order(cluster, buyer, precious.id, 2);
    expect([refused.status, refused.body.error.code, refused.body.error.field]).toEqual([
      400,
      'currency.amount_invalid',
      'quantity',
    ]);
    expect(await orderCount(cluster.id)).toBe(0);
  });

  it('keeps a foreign cluster’s offers and accounts apart', async () => {
    const { cluster, buyer, offer } = await shared();
    const other = await createCurrencyCluster(ctx, { members: 1 });
    const stranger = member(other, 0);
    const crossSlug = await order(other, stranger, offer.id);
    expect([crossSlug.status, crossSlug.body.error.code]).toEqual([404, 'marketplace.listing_not_found']);
    const foreignBuyer = await order(cluster, { ...buyer, accountId: stranger.accountId }, offer.id);
    expect([foreignBuyer.status, foreignBuyer.body.error.code]).toEqual([404, 'currency.account_not_found']);
    const notMember = await order(cluster, stranger, offer.id);
    expect([notMember.status, notMember.body.error.code]).toEqual([403, 'auth.forbidden']);
    expect(await orderCount(cluster.id)).toBe(0);
    expect(await orderCount(other.id)).toBe(0);
  });
});

/** One market for the tests that only look at refusals, which leave it untouched. */
let sharedMarket: ReturnType<typeof market> | undefined;
const shared = () => {
  sharedMarket ??= market();
  return sharedMarket;
};

describe('who may change an order', () => {
  it('lets only the seller confirm delivery', async () => {
    const { cluster, buyer, bystander, offer } = await market();
    const placed = (await order(cluster, buyer, offer.id)).body.id;
    const byBuyer = await confirm(cluster, buyer, placed);
    expect([byBuyer.status, byBuyer.body.error.code]).toEqual([403, 'marketplace.only_seller_delivers']);
    const byBystander = await confirm(cluster, bystander, placed);
    expect([byBystander.status, byBystander.body.error.code]).toEqual([403, 'auth.forbidden']);
    const unknown = await confirm(cluster, buyer, randomUUID());
    expect([unknown.status, unknown.body.error.code]).toEqual([404, 'marketplace.order_not_found']);
    expect(await wallet(cluster, buyer)).toMatchObject({ balance: 0, pendingDebit: 12_00 });
  });

  it('lets a coordinator cancel a pending order, telling both sides', async () => {
    const { cluster, seller, buyer, bystander, offer } = await market();
    const placed = (await order(cluster, buyer, offer.id)).body.id;
    expect((await cancel(cluster, bystander, placed)).status).toBe(403);
    const cancelled = await keyed(
      cluster.coordinator.client,
      'POST',
      `${ordersUrl(cluster)}/${placed}/cancellation`,
    );
    expect(cancelled.body).toMatchObject({ status: 'cancelled', cancelledBySide: 'coordinator' });
    for (const side of [buyer, seller])
      expect((await mails(side.representative.email))[0]?.subject).toBe(`Order cancelled: “${offer.title}”`);
    await expectSoundLedger(cluster);
  });

  it('shows an order to its two sides and the coordinators only', async () => {
    const { cluster, seller, buyer, bystander, offer } = await market();
    const placed = (await order(cluster, buyer, offer.id)).body.id;
    const url = `${ordersUrl(cluster)}/${placed}`;
    expect((await seller.representative.client.get(url)).body.viewerSide).toBe('seller');
    expect((await buyer.representative.client.get(url)).body.viewerSide).toBe('buyer');
    expect((await cluster.coordinator.client.get(url)).body.viewerSide).toBe('coordinator');
    expect((await bystander.representative.client.get(url)).status).toBe(403);
  });
});

describe('listing orders', () => {
  it('lists an account’s orders as buyer and as seller, by status, newest first, a page at a time', async () => {
    const { cluster, seller, buyer, bystander, offer } = await market();
    const ids: string[] = [];
    for (let i = 1; i <= 3; i++) ids.push((await order(cluster, buyer, offer.id, i)).body.id);
    await confirm(cluster, seller, ids[0] as string);
    const asSeller = (query: string) =>
      seller.representative.client.get(
        `${ordersUrl(cluster)}?accountId=${seller.accountId}&side=seller${query}`,
      );
    const quantities = (body: { items: { quantity: number }[] }) => body.items.map((o) => o.quantity);

    expect(quantities((await asSeller('')).body)).toEqual([3, 2, 1]);
    expect(quantities((await asSeller('&status=pending')).body)).toEqual([3, 2]);
    expect(quantities((await asSeller('&status=delivered')).body)).toEqual([1]);
    const page = await asSeller('&limit=2');
    expect(quantities(page.body)).toEqual([3, 2]);
    expect(quantities((await asSeller(`&limit=2&cursor=${page.body.nextCursor}`)).body)).toEqual([1]);

    const asBuyer = await buyer.representative.client.get(
      `${ordersUrl(cluster)}?accountId=${buyer.accountId}&side=buyer`,
    );
    expect(quantities(asBuyer.body)).toEqual([3, 2, 1]);
    const sellerSideOfBuyer = await buyer.representative.client.get(
      `${ordersUrl(cluster)}?accountId=${buyer.accountId}&side=seller`,
    );
    expect(sellerSideOfBuyer.body.items).toEqual([]);
    const snooping = await bystander.representative.client.get(
      `${ordersUrl(cluster)}?accountId=${buyer.accountId}&side=buyer`,
    );
    expect([snooping.status, snooping.body.error.code]).toEqual([403, 'auth.forbidden']);
  });
});
