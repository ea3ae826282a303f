/**
 * The marketplace routes: a person of cluster A neither reads another cluster's private answers
 * and orders nor changes its listings or moves value through its orders. The other cluster here is
 * a marketplace of its own (two trading members), so cluster B's member list stays as it is.
 */
import { expect } from 'vitest';
import { createCurrencyCluster, DEFAULT_SETTINGS } from '../support/currency-fixture.ts';
import {
  keyed,
  marketplaceBase,
  memberAt,
  order,
  publish,
  TINY_PNG_BASE64,
} from '../support/marketplace-fixture.ts';
import { denied, type TenantCaseSet } from '../support/tenant-isolation.ts';

export const marketplaceCases: TenantCaseSet = {
  async prepare({ ctx, intruder, slugA, privateB }) {
    await intruder.client.put(`/api/v1/clusters/${slugA}/currency`, DEFAULT_SETTINGS);
    const market = await createCurrencyCluster(ctx, { members: 2 });
    const [seller, buyer] = [memberAt(market, 0), memberAt(market, 1)];
    const listing = await publish(market, seller, { title: 'Olive oil' });
    const photo = await keyed(
      seller.representative.client,
      'POST',
      `${marketplaceBase(market.slug)}/listings/${listing.id}/photos`,
      { contentBase64: TINY_PNG_BASE64, altText: 'A bottle' },
    );
    const photoId = photo.body.id as string;
    await keyed(
      buyer.representative.client,
      'POST',
      `${marketplaceBase(market.slug)}/listings/${listing.id}/answers`,
      { fromAccountId: buyer.accountId, message: 'A private question about the price' },
    );
    const orderId = (await order(market, buyer, listing.id, 2, { note: 'A private note' })).body.id as string;

    const c = intruder.client;
    const m = marketplaceBase(market.slug);
    const a = marketplaceBase(slugA);
    const hidden = marketplaceBase(privateB.slug);
    const send = (method: string, url: string, body?: unknown) => keyed(c, method, url, body);
    const listingUrl = `${m}/listings/${listing.id}`;
    // The other cluster's ids under A's own slug: they do not exist there.
    const crossListing = `${a}/listings/${listing.id}`;
    const crossOrder = `${a}/orders/${orderId}`;

    return () => [
      {
        method: 'GET',
        path: '/clusters/{slug}/marketplace',
        check: async () => {
          const overview = await c.get(m);
          expect(overview.status).toBe(200);
          expect(overview.body.myAccounts).toEqual([]);
          expect(overview.body.can.trade).toBe(false);
          denied(404, 'cluster.not_found')(await c.get(hidden));
        },
      },
      {
        method: 'GET',
        path: '/clusters/{slug}/marketplace/listings',
        check: async () => {
          // Active listings are public offers; nothing else is.
          const search = await c.get(`${m}/listings`);
          expect(search.body.items.map((l: { title: string }) => l.title)).toEqual(['Olive oil']);
          expect(JSON.stringify(search.body)).not.toMatch(/balance|private/i);
          expect((await c.get(`${m}/listings?status=paused`)).body.items).toEqual([]);
          expect((await c.get(`${a}/listings`)).body.items).toEqual([]);
          denied(404, 'cluster.not_found')(await c.get(`${hidden}/listings`));
        },
      },
      {
        method: 'POST',
        path: '/clusters/{slug}/marketplace/listings',
        check: async () => {
          const body = { kind: 'offer', title: 'Fake', category: 'food', accountId: seller.accountId };
          denied(403, 'auth.forbidden')(await send('POST', `${m}/listings`, body));
          denied(404, 'currency.account_not_found')(await send('POST', `${a}/listings`, body));
        },
      },
      {
        method: 'GET',
        path: '/clusters/{slug}/marketplace/listings/{listingId}',
        check: async () => {
          expect((await c.get(listingUrl)).body).toMatchObject({ title: 'Olive oil', mayEdit: false });
          denied(404, 'marketplace.listing_not_found')(await c.get(crossListing));
        },
      },
      {
        method: 'PATCH',
        path: '/clusters/{slug}/marketplace/listings/{listingId}',
        check: async () => {
          denied(403, 'auth.forbidden')(await send('PATCH', listingUrl, { status: 'closed' }));
          denied(
            404,
            'marketplace.listing_not_found',
          )(await send('PATCH', crossListing, { status: 'closed' }));
        },
      },
      {
        method: 'POST',
        path: '/clusters/{slug}/marketplace/listings/{listingId}/withdrawal',
        check: async () => {
          const body = { reason: 'Not yours to withdraw' };
          denied(403, 'auth.forbidden')(await send('POST', `${listingUrl}/withdrawal`, body));
          // In A the intruder coordinates, and B's listing does not exist there.
          denied(
            404,
            'marketplace.listing_not_found',
          )(await send('POST', `${crossListing}/withdrawal`, body));
          expect((await c.get(listingUrl)).body.status).toBe('active');
        },
      },
      {
        method: 'POST',
        path: '/clusters/{slug}/marketplace/listings/{listingId}/photos',
        check: async () => {
          const body = { contentBase64: TINY_PNG_BASE64, altText: 'Mine' };
          denied(403, 'auth.forbidden')(await send('POST', `${listingUrl}/photos`, body));
          denied(404, 'marketplace.listing_not_found')(await send('POST', `${crossListing}/photos`, body));
        },
      },
      {
        method: 'GET',
        path: '/clusters/{slug}/marketplace/listings/{listingId}/photos/{photoId}',
        check: async () => {
          expect((await c.get(`${listingUrl}/photos/${photoId}`)).status).toBe(200);
          denied(404, 'marketplace.photo_not_found')(await c.get(`${crossListing}/photos/${photoId}`));
        },
      },
      {
        method: 'DELETE',
        path: '/clusters/{slug}/marketplace/listings/{listingId}/photos/{photoId}',
        check: async () => {
          denied(403, 'auth.forbidden')(await send('DELETE', `${listingUrl}/photos/${photoId}`));
          denied(
            404,
            'marketplace.listing_not_found',
          )(await send('DELETE', `${crossListing}/photos/${photoId}`));
        },
      },
      {
        method: 'GET',
        path: '/clusters/{slug}/marketplace/listings/{listingId}/answers',
        check: async () => {
          denied(403, 'auth.forbidden')(await c.get(`${listingUrl}/answers`));
          denied(404, 'marketplace.listing_not_found')(await c.get(`${crossListing}/answers`));
        },
      },
      {
        method: 'POST',
        path: '/clusters/{slug}/marketplace/listings/{listingId}/answers',
        check: async () => {
          const body = { fromAccountId: buyer.accountId, message: 'Spam' };
          denied(403, 'auth.forbidden')(await send('POST', `${listingUrl}/answers`, body));
          denied(404, 'marketplace.listing_not_found')(await send('POST', `${crossListing}/answers`, body));
        },
      },
      {
        method: 'POST',
        path: '/clusters/{slug}/marketplace/listings/{listingId}/orders',
        check: async () => {
          const body = { buyerAccountId: buyer.accountId, quantity: 1, note: '' };
          denied(403, 'auth.forbidden')(await send('POST', `${listingUrl}/orders`, body));
          denied(404, 'marketplace.listing_not_found')(await send('POST', `${crossListing}/orders`, body));
        },
      },
      {
        method: 'GET',
        path: '/clusters/{slug}/marketplace/orders',
        check: async () => {
          const query = `accountId=${buyer.accountId}&side=buyer`;
          denied(403, 'auth.forbidden')(await c.get(`${m}/orders?${query}`));
          denied(404, 'currency.account_not_found')(await c.get(`${a}/orders?${query}`));
        },
      },
      {
        method: 'GET',
        path: '/clusters/{slug}/marketplace/orders/{orderId}',
        check: async () => {
          denied(403, 'auth.forbidden')(await c.get(`${m}/orders/${orderId}`));
          denied(404, 'marketplace.order_not_found')(await c.get(crossOrder));
        },
      },
      {
        method: 'POST',
        path: '/clusters/{slug}/marketplace/orders/{orderId}/delivery',
        check: async () => {
          denied(403, 'auth.forbidden')(await send('POST', `${m}/orders/${orderId}/delivery`));
          denied(404, 'marketplace.order_not_found')(await send('POST', `${crossOrder}/delivery`));
        },
      },
      {
        method: 'POST',
        path: '/clusters/{slug}/marketplace/orders/{orderId}/cancellation',
        check: async () => {
          denied(403, 'auth.forbidden')(await send('POST', `${m}/orders/${orderId}/cancellation`));
          denied(404, 'marketplace.order_not_found')(await send('POST', `${crossOrder}/cancellation`));
          // Still pending, still held: nothing the intruder did reached the order.
          const seen = await seller.representative.client.get(`${m}/orders/${orderId}`);
          expect(seen.body).toMatchObject({ status: 'pending', amountMinor: 24_00 });
        },
      },
    ];
  },
};
