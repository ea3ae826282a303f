import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type CurrencyCluster, createCurrencyCluster } from '../../../test/support/currency-fixture.ts';
import {
  keyed,
  mailsTo,
  marketplaceBase,
  memberAt,
  OFFER,
  publish,
  rowCount,
  TINY_PNG_BASE64,
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

const listingCount = (clusterId: string) => rowCount(ctx.db, 'marketplace_listing', clusterId);

const photoCount = (clusterId: string) => rowCount(ctx.db, 'marketplace_photo', clusterId);

const newestMailTo = async (email: string) => (await mailsTo(ctx.db, email))[0];

/** A cluster shared by the tests that only look at refusals, which must leave it untouched. */
function sharedCluster() {
  let cluster: Promise<CurrencyCluster> | undefined;
  return () => {
    cluster ??= createCurrencyCluster(ctx, { members: 1 });
    return cluster;
  };
}

const titles = (body: { items: { title: string }[] }) => body.items.map((item) => item.title);

describe('publishing offers and wants', () => {
  const untouched = sharedCluster();

  it('publishes an offer for the organisation’s account, on the public audit chain', async () => {
    const cluster = await createCurrencyCluster(ctx, { members: 1 });
    const seller = member(cluster, 0);
    const published = await keyed(
      seller.representative.client,
      'POST',
      `${marketplaceBase(cluster.slug)}/listings`,
      {
        ...OFFER,
        accountId: seller.accountId,
        title: '  Olive oil, 1 litre  ',
        priceEuroCents: 15_00,
        currencySharePercent: 40,
      },
    );
    expect(published.status).toBe(201);
    expect(published.body).toMatchObject({
      kind: 'offer',
      title: 'Olive oil, 1 litre',
      category: 'food',
      priceMinor: 12_00,
      priceEuroCents: 15_00,
      currencySharePercent: 40,
      location: 'Messina',
      status: 'active',
      organisationName: seller.name,
      photos: [],
      mayEdit: true,
    });
    const chain = await ctx.client().get(`/api/v1/clusters/${cluster.slug}/audit/events?limit=100`);
    const event = chain.body.items.find(
      (e: { action: string }) => e.action === 'marketplace.listing_published',
    );
    expect(event?.payload).toMatchObject({ listingId: published.body.id, title: 'Olive oil, 1 litre' });
  });

  it('lets anyone read an active listing of a public cluster, and only its author edit it', async () => {
    const cluster = await createCurrencyCluster(ctx, { members: 2 });
    const listing = await publish(cluster, member(cluster, 0));
    const url = `${marketplaceBase(cluster.slug)}/listings/${listing.id}`;
    const anonymous = await ctx.client().get(url);
    expect(anonymous.status).toBe(200);
    expect(anonymous.body).toMatchObject({ title: OFFER.title, mayEdit: false });
    expect(JSON.stringify(anonymous.body)).not.toMatch(/balance/i);
    const byOther = await keyed(member(cluster, 1).representative.client, 'PATCH', url, {
      title: 'Mine now',
    });
    expect([byOther.status, byOther.body.error.code]).toEqual([403, 'auth.forbidden']);
    const edited = await keyed(member(cluster, 0).representative.client, 'PATCH', url, {
      title: 'Olive oil, 5 litres',
      priceMinor: 55_00,
      priceEuroCents: null,
    });
    expect(edited.status).toBe(200);
    expect(edited.body).toMatchObject({
      title: 'Olive oil, 5 litres',
      priceMinor: 55_00,
      priceEuroCents: null,
    });
  });

  it('pauses, resumes and closes a listing; a closed listing stays closed, and its closing is public', async () => {
    const cluster = await createCurrencyCluster(ctx, { members: 1 });
    const seller = member(cluster, 0);
    const listing = await publish(cluster, seller);
    const url = `${marketplaceBase(cluster.slug)}/listings/${listing.id}`;
    const client = seller.representative.client;
    expect((await keyed(client, 'PATCH', url, { status: 'paused' })).body.status).toBe('paused');
    expect((await keyed(client, 'PATCH', url, { status: 'active' })).body.status).toBe('active');
    expect((await keyed(client, 'PATCH', url, { status: 'closed' })).body.status).toBe('closed');
    for (const change of [{ status: 'active' }, { title: 'Revived' }]) {
      const refused = await keyed(client, 'PATCH', url, change);
      expect([refused.status, refused.body.error.code]).toEqual([409, 'marketplace.listing_closed']);
    }
    expect((await ctx.client().get(url)).body).toMatchObject({ status: 'closed', title: OFFER.title });
    const chain = await ctx.client().get(`/api/v1/clusters/${cluster.slug}/audit/events?limit=100`);
    expect(
      chain.body.items.filter((e: { action: string }) => e.action === 'marketplace.listing_closed'),
    ).toEqual([expect.objectContaining({ payload: expect.objectContaining({ listingId: listing.id }) })]);
  });

  it('lets a coordinator withdraw a listing with a reason its authors read; members may not', async () => {
    const cluster = await createCurrencyCluster(ctx, { members: 2 });
    const [seller, other] = [member(cluster, 0), member(cluster, 1)];
    const listing = await publish(cluster, seller);
    const url = `${marketplaceBase(cluster.slug)}/listings/${listing.id}/withdrawal`;
    const reason = 'Selling medicines is against the cluster’s rules.';

    const byMember = await keyed(other.representative.client, 'POST', url, { reason });
    expect([byMember.status, byMember.body.error.code]).toEqual([403, 'auth.forbidden']);
    const blank = await keyed(cluster.coordinator.client, 'POST', url, { reason: '  ' });
    expect([blank.status, blank.body.error.code]).toEqual([400, 'marketplace.reason_required']);
    expect(
      (await ctx.client().get(`${marketplaceBase(cluster.slug)}/listings/${listing.id}`)).body.status,
    ).toBe('active');

    const withdrawn = await keyed(cluster.coordinator.client, 'POST', url, { reason });
    expect([withdrawn.status, withdrawn.body.status]).toEqual([200, 'closed']);
    const again = await keyed(cluster.coordinator.client, 'POST', url, { reason });
    expect([again.status, again.body.error.code]).toEqual([409, 'marketplace.listing_closed']);
    const [told] = (await mailsTo(ctx.db, seller.representative.email)).filter((m) =>
      m.subject.includes('withdrawn'),
    );
    expect(told?.subject).toBe(`Your listing “${OFFER.title}” was withdrawn`);
    expect(told?.body_text).toContain(reason);
    const chain = await ctx.client().get(`/api/v1/clusters/${cluster.slug}/audit/events?limit=100`);
    const events = chain.body.items.filter(
      (e: { action: string }) => e.action === 'marketplace.listing_withdrawn',
    );
    expect(events).toHaveLength(1);
    // The reason is for the authors, not the public chain.
    expect(JSON.stringify(events)).not.toContain('medicines');
  });

  it('replays a retried publication instead of publishing twice', async () => {
    const cluster = await createCurrencyCluster(ctx, { members: 1 });
    const seller = member(cluster, 0);
    const url = `${marketplaceBase(cluster.slug)}/listings`;
    const body = { ...OFFER, accountId: seller.accountId };
    const first = await keyed(seller.representative.client, 'POST', url, body, 'publish-1');
    const retry = await keyed(seller.representative.client, 'POST', url, body, 'publish-1');
    expect(retry.body.id).toBe(first.body.id);
    expect(retry.headers['idempotent-replayed']).toBe('true');
    const changed = await keyed(
      seller.representative.client,
      'POST',
      url,
      { ...body, title: 'Other' },
      'publish-1',
    );
    expect([changed.status, changed.body.error.code]).toEqual([409, 'currency.idempotency_key_reused']);
    expect(await listingCount(cluster.id)).toBe(1);
  });

  it.each([
    ['an over-long title', { title: 'x'.repeat(121) }, 'title', 'validation.too_long'],
    ['a blank title', { title: '   ' }, 'title', 'validation.format'],
    ['an over-long description', { description: 'x'.repeat(5001) }, 'description', 'validation.too_long'],
    ['an over-long location', { location: 'x'.repeat(161) }, 'location', 'validation.too_long'],
    ['a negative price', { priceMinor: -100 }, 'priceMinor', 'validation.out_of_range'],
    ['a zero price', { priceMinor: 0 }, 'priceMinor', 'validation.out_of_range'],
    ['a fractional price', { priceMinor: 1.5 }, 'priceMinor', 'validation.invalid'],
    ['a negative euro price', { priceEuroCents: -1 }, 'priceEuroCents', 'validation.out_of_range'],
    ['a share above 100 %', { currencySharePercent: 101 }, 'currencySharePercent', 'validation.out_of_range'],
    ['an unknown category', { category: 'weapons' }, 'category', 'validation.not_allowed_value'],
    ['an unknown kind', { kind: 'gift' }, 'kind', 'validation.not_allowed_value'],
  ])('refuses %s with a translated error, and writes nothing', async (_name, change, field, code) => {
    const cluster = await untouched();
    const seller = member(cluster, 0);
    seller.representative.client.acceptLanguage = 'fr';
    const refused = await keyed(
      seller.representative.client,
      'POST',
      `${marketplaceBase(cluster.slug)}/listings`,
      {
        ...OFFER,
        accountId: seller.accountId,
        ...change,
      },
    );
    expect(refused.status).toBe(400);
    expect(refused.body.error).toMatchObject({ code, field });
    expect(refused.body.error.message).not.toMatch(/^[a-z_.]+$/);
    expect(await listingCount(cluster.id)).toBe(0);
  });

  it('refuses a write without an idempotency key, and the cluster’s own fee account', async () => {
    const cluster = await createCurrencyCluster(ctx, { members: 1 });
    const url = `${marketplaceBase(cluster.slug)}/listings`;
    const seller = member(cluster, 0);
    const unkeyed = await seller.representative.client.post(url, { ...OFFER, accountId: seller.accountId });
    expect([unkeyed.status, unkeyed.body.error.code]).toEqual([400, 'currency.idempotency_key_required']);
    const fromFee = await keyed(cluster.coordinator.client, 'POST', url, {
      ...OFFER,
      accountId: cluster.feeAccountId,
    });
    expect([fromFee.status, fromFee.body.error.code]).toEqual([400, 'marketplace.member_account_required']);
    expect(await listingCount(cluster.id)).toBe(0);
  });

  it('refuses publishing for another organisation, or from a frozen account', async () => {
    const cluster = await createCurrencyCluster(ctx, { members: 2 });
    const url = `${marketplaceBase(cluster.slug)}/listings`;
    const [a, b] = [member(cluster, 0), member(cluster, 1)];
    const forOther = await keyed(a.representative.client, 'POST', url, { ...OFFER, accountId: b.accountId });
    expect([forOther.status, forOther.body.error.code]).toEqual([403, 'auth.forbidden']);
    await keyed(cluster.coordinator.client, 'PATCH', `${cluster.base}/accounts/${a.accountId}`, {
      status: 'frozen',
      reason: 'Unpaid membership fee',
    });
    const frozen = await keyed(a.representative.client, 'POST', url, { ...OFFER, accountId: a.accountId });
    expect([frozen.status, frozen.body.error.code]).toEqual([409, 'marketplace.account_not_active']);
    expect(await listingCount(cluster.id)).toBe(0);
  });
});

describe('searching the marketplace', () => {
  it('finds active listings newest first, by kind, category, text and price, a page at a time', async () => {
    const cluster = await createCurrencyCluster(ctx, { members: 2 });
    const [a, b] = [member(cluster, 0), member(cluster, 1)];
    await publish(cluster, a, {
      title: 'Olive oil',
      description: 'Spremuta a freddo, qualità extravergine.',
      category: 'food',
      priceMinor: 12_00,
    });
    await publish(cluster, b, { title: 'Roof repairs', category: 'construction', priceMinor: 400_00 });
    await publish(cluster, a, {
      kind: 'want',
      title: 'Delivery van for a day',
      description: 'To bring the harvest to the market; 100% in the currency.',
      category: 'transport',
      priceMinor: null,
    });
    await publish(cluster, b, { title: 'Solar panel check', category: 'energy', priceMinor: 80_00 });
    const url = `${marketplaceBase(cluster.slug)}/listings`;
    const reader = ctx.client();

    expect(titles((await reader.get(url)).body)).toEqual([
      'Solar panel check',
      'Delivery van for a day',
      'Roof repairs',
      'Olive oil',
    ]);
    expect(titles((await reader.get(`${url}?kind=want`)).body)).toEqual(['Delivery van for a day']);
    expect(titles((await reader.get(`${url}?category=construction`)).body)).toEqual(['Roof repairs']);
    expect(titles((await reader.get(`${url}?q=HARVEST`)).body)).toEqual(['Delivery van for a day']);
    expect(titles((await reader.get(`${url}?q=100%25`)).body)).toEqual(['Delivery van for a day']);
    expect(titles((await reader.get(`${url}?q=_`)).body)).toEqual([]);
    // Whatever the case and the accents.
    expect(titles((await reader.get(`${url}?q=QUALITA`)).body)).toEqual(['Olive oil']);
    expect(titles((await reader.get(`${url}?minPriceMinor=5000&maxPriceMinor=40000`)).body)).toEqual([
      'Solar panel check',
      'Roof repairs',
    ]);
    expect(titles((await reader.get(`${url}?accountId=${a.accountId}`)).body)).toEqual([
      'Delivery van for a day',
      'Olive oil',
    ]);

    const first = await reader.get(`${url}?limit=3`);
    expect(first.body.items).toHaveLength(3);
    expect(first.body.items[0]).toMatchObject({ organisationName: b.name, coverPhoto: null });
    const second = await reader.get(`${url}?limit=3&cursor=${first.body.nextCursor}`);
    expect(titles(second.body)).toEqual(['Olive oil']);
    expect(second.body.nextCursor).toBeNull();
  });

  it('hides paused and closed listings, except from those who act for them', async () => {
    const cluster = await createCurrencyCluster(ctx, { members: 2 });
    const [a, b] = [member(cluster, 0), member(cluster, 1)];
    const listing = await publish(cluster, a, { title: 'Seasonal honey' });
    const other = await publish(cluster, b, { title: 'Firewood' });
    await keyed(a.representative.client, 'PATCH', `${marketplaceBase(cluster.slug)}/listings/${listing.id}`, {
      status: 'paused',
    });
    await keyed(b.representative.client, 'PATCH', `${marketplaceBase(cluster.slug)}/listings/${other.id}`, {
      status: 'paused',
    });
    const url = `${marketplaceBase(cluster.slug)}/listings`;
    expect(titles((await ctx.client().get(url)).body)).toEqual([]);
    expect(titles((await ctx.client().get(`${url}?status=paused`)).body)).toEqual([]);
    expect(titles((await a.representative.client.get(`${url}?status=paused`)).body)).toEqual([
      'Seasonal honey',
    ]);
    expect(titles((await cluster.coordinator.client.get(`${url}?status=paused`)).body)).toEqual([
      'Firewood',
      'Seasonal honey',
    ]);
  });

  it('summarises long descriptions on the cards and refuses an upside-down price range', async () => {
    const cluster = await createCurrencyCluster(ctx, { members: 1 });
    await publish(cluster, member(cluster, 0), { description: 'word '.repeat(1000).trim() });
    const url = `${marketplaceBase(cluster.slug)}/listings`;
    const [card] = (await ctx.client().get(url)).body.items;
    expect(card.summary.length).toBeLessThanOrEqual(241);
    expect(card.summary.endsWith('word…')).toBe(true);
    const refused = await ctx.client().get(`${url}?minPriceMinor=500&maxPriceMinor=100`);
    expect([refused.status, refused.body.error.code]).toEqual([400, 'marketplace.price_range_invalid']);
    const forged = await ctx.client().get(`${url}?cursor=bm90LWEta2V5`);
    expect([forged.status, forged.body.error.code]).toEqual([400, 'validation.format']);
  });

  it('keeps a members-only cluster’s marketplace to its people, and a foreign cluster’s listings apart', async () => {
    const hidden = await createCurrencyCluster(ctx, { members: 1 });
    await ctx.db.updateTable('cluster').set({ visibility: 'members' }).where('id', '=', hidden.id).execute();
    const listing = await publish(hidden, member(hidden, 0));
    const url = `${marketplaceBase(hidden.slug)}/listings`;
    const outsider = await ctx.client().get(url);
    expect([outsider.status, outsider.body.error.code]).toEqual([404, 'cluster.not_found']);
    expect(titles((await member(hidden, 0).representative.client.get(url)).body)).toEqual([OFFER.title]);

    const other = await createCurrencyCluster(ctx, { members: 1 });
    const foreign = await other.coordinator.client.get(
      `${marketplaceBase(other.slug)}/listings/${listing.id}`,
    );
    expect([foreign.status, foreign.body.error.code]).toEqual([404, 'marketplace.listing_not_found']);
  });

  it('says when the cluster has no currency, and hence no marketplace, yet', async () => {
    const cluster = await ctx.cluster();
    const overview = await ctx.client().get(marketplaceBase(cluster.slug));
    expect(overview.body).toMatchObject({ currency: null, myAccounts: [], can: { trade: false } });
    expect(overview.body.categories).toContain('food');
    const search = await ctx.client().get(`${marketplaceBase(cluster.slug)}/listings`);
    expect([search.status, search.body.error.code]).toEqual([404, 'currency.not_set_up']);
  });

  it('tells a representative which accounts they trade for', async () => {
    const cluster = await createCurrencyCluster(ctx, { members: 1 });
    const seller = member(cluster, 0);
    const overview = await seller.representative.client.get(marketplaceBase(cluster.slug));
    expect(overview.body).toMatchObject({
      currency: { code: 'KPC', decimals: 2 },
      myAccounts: [{ accountId: seller.accountId, name: seller.name }],
      can: { trade: true },
    });
  });
});

describe('photos of a listing', () => {
  const untouched = sharedCluster();
  const withoutPhotos = async () => {
    const cluster = await untouched();
    const [first] = (await ctx.client().get(`${marketplaceBase(cluster.slug)}/listings`)).body.items;
    return { cluster, listing: first ?? (await publish(cluster, member(cluster, 0))) };
  };
  const photoUrl = (cluster: CurrencyCluster, listingId: string) =>
    `${marketplaceBase(cluster.slug)}/listings/${listingId}/photos`;

  it('adds a photo with its description, serves it as an image, shows it on the card, and removes it', async () => {
    const cluster = await createCurrencyCluster(ctx, { members: 1 });
    const seller = member(cluster, 0);
    const listing = await publish(cluster, seller);
    const added = await keyed(seller.representative.client, 'POST', photoUrl(cluster, listing.id), {
      contentBase64: TINY_PNG_BASE64,
      altText: 'A green bottle of olive oil on a wooden table',
    });
    expect(added.status).toBe(201);
    expect(added.body).toMatchObject({ contentType: 'image/png', position: 0 });

    const image = await ctx.client().get(`${photoUrl(cluster, listing.id)}/${added.body.id}`);
    expect(image.status).toBe(200);
    expect(image.headers['content-type']).toBe('image/png');
    expect(image.headers['cache-control']).toBe('public, max-age=31536000, immutable');
    expect(image.headers['x-content-type-options']).toBe('nosniff');

    const [card] = (await ctx.client().get(`${marketplaceBase(cluster.slug)}/listings`)).body.items;
    expect(card.coverPhoto).toEqual({
      id: added.body.id,
      altText: 'A green bottle of olive oil on a wooden table',
    });

    const removed = await keyed(
      seller.representative.client,
      'DELETE',
      `${photoUrl(cluster, listing.id)}/${added.body.id}`,
    );
    expect([removed.status, removed.body.photos]).toEqual([200, []]);
    const gone = await ctx.client().get(`${photoUrl(cluster, listing.id)}/${added.body.id}`);
    expect([gone.status, gone.body.error.code]).toEqual([404, 'marketplace.photo_not_found']);
  });

  it('keeps a large photo at page size, and serves the cards a small copy', async () => {
    const cluster = await createCurrencyCluster(ctx, { members: 1 });
    const seller = member(cluster, 0);
    const listing = await publish(cluster, seller);
    const upload = await sharp({ create: { width: 2400, height: 1800, channels: 3, background: '#6a8f3c' } })
      .jpeg()
      .toBuffer();
    const added = await keyed(seller.representative.client, 'POST', photoUrl(cluster, listing.id), {
      contentBase64: upload.toString('base64'),
      altText: 'The press in the mill',
    });
    expect(added.body).toMatchObject({ contentType: 'image/jpeg' });
    const sizeOf = async (query: string) => {
      const served = await ctx.client().get(`${photoUrl(cluster, listing.id)}/${added.body.id}${query}`);
      expect(served.headers['content-type']).toBe('image/jpeg');
      const { width, height } = await sharp(served.rawBody).metadata();
      return [width, height];
    };
    expect(await sizeOf('')).toEqual([1600, 1200]);
    expect(await sizeOf('?size=card')).toEqual([640, 480]);
  });

  it('keeps at most six photos per listing', async () => {
    const cluster = await createCurrencyCluster(ctx, { members: 1 });
    const seller = member(cluster, 0);
    const listing = await publish(cluster, seller);
    for (let i = 0; i < 6; i++) {
      const added = await keyed(seller.representative.client, 'POST', photoUrl(cluster, listing.id), {
        contentBase64: TINY_PNG_BASE64,
        altText: `View ${i + 1}`,
      });
      expect(added.body.position).toBe(i);
    }
    const seventh = await keyed(seller.representative.client, 'POST', photoUrl(cluster, listing.id), {
      contentBase64: TINY_PNG_BASE64,
      altText: 'One too many',
    });
    expect([seventh.status, seventh.body.error.code]).toEqual([409, 'marketplace.too_many_photos']);
    expect(await photoCount(cluster.id)).toBe(6);
  });

  const jpegHeader = Buffer.from([0xff, 0xd8, 0xff, 0xe0]);
  it.each([
    [
      'an SVG',
      Buffer.from('<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>').toString(
        'base64',
      ),
      'marketplace.photo_type_unsupported',
    ],
    ['a GIF', Buffer.from('GIF89a\x01\x00\x01\x00').toString('base64'), 'marketplace.photo_type_unsupported'],
    [
      'a PNG name on text bytes',
      Buffer.from('not really a PNG at all').toString('base64'),
      'marketplace.photo_type_unsupported',
    ],
    ['base64 that is not base64', '***not base64***', 'marketplace.photo_malformed'],
    [
      'a JPEG that is damaged past its first bytes',
      Buffer.concat([jpegHeader, Buffer.alloc(600, 0x5a)]).toString('base64'),
      'marketplace.photo_unreadable',
    ],
    [
      'a JPEG one byte over 2 MiB',
      Buffer.concat([jpegHeader, Buffer.alloc(2 * 1024 * 1024 - jpegHeader.length + 1)]).toString('base64'),
      'marketplace.photo_too_large',
    ],
  ])('refuses %s, and writes nothing', async (_name, contentBase64, code) => {
    const { cluster, listing } = await withoutPhotos();
    const seller = member(cluster, 0);
    const refused = await keyed(seller.representative.client, 'POST', photoUrl(cluster, listing.id), {
      contentBase64,
      altText: 'Something',
    });
    expect([refused.status, refused.body.error.code, refused.body.error.field]).toEqual([
      400,
      code,
      'contentBase64',
    ]);
    expect(await photoCount(cluster.id)).toBe(0);
  });

  it('refuses a photo without a description and a request far beyond the size limit', async () => {
    const { cluster, listing } = await withoutPhotos();
    const seller = member(cluster, 0);
    const noAlt = await keyed(seller.representative.client, 'POST', photoUrl(cluster, listing.id), {
      contentBase64: TINY_PNG_BASE64,
      altText: ' ',
    });
    expect([noAlt.status, noAlt.body.error.code, noAlt.body.error.field]).toEqual([
      400,
      'validation.format',
      'altText',
    ]);
    const huge = await keyed(seller.representative.client, 'POST', photoUrl(cluster, listing.id), {
      contentBase64: 'A'.repeat(4 * 1024 * 1024),
      altText: 'Huge',
    });
    expect([huge.status, huge.body.error.code]).toEqual([413, 'validation.body_too_large']);
    expect(await photoCount(cluster.id)).toBe(0);
  });

  it('lets only the listing’s author add photos, and not to a closed listing', async () => {
    const cluster = await createCurrencyCluster(ctx, { members: 2 });
    const seller = member(cluster, 0);
    const listing = await publish(cluster, seller);
    const photo = { contentBase64: TINY_PNG_BASE64, altText: 'A bottle' };
    const byOther = await keyed(
      member(cluster, 1).representative.client,
      'POST',
      photoUrl(cluster, listing.id),
      photo,
    );
    expect([byOther.status, byOther.body.error.code]).toEqual([403, 'auth.forbidden']);
    await keyed(
      seller.representative.client,
      'PATCH',
      `${marketplaceBase(cluster.slug)}/listings/${listing.id}`,
      {
        status: 'closed',
      },
    );
    const toClosed = await keyed(seller.representative.client, 'POST', photoUrl(cluster, listing.id), photo);
    expect([toClosed.status, toClosed.body.error.code]).toEqual([409, 'marketplace.listing_closed']);
    expect(await photoCount(cluster.id)).toBe(0);
  });

  it('serves a members-only cluster’s photos as private', async () => {
    const cluster = await createCurrencyCluster(ctx, { members: 1 });
    await ctx.db.updateTable('cluster').set({ visibility: 'members' }).where('id', '=', cluster.id).execute();
    const seller = member(cluster, 0);
    const listing = await publish(cluster, seller);
    const added = await keyed(seller.representative.client, 'POST', photoUrl(cluster, listing.id), {
      contentBase64: TINY_PNG_BASE64,
      altText: 'A bottle',
    });
    const url = `${photoUrl(cluster, listing.id)}/${added.body.id}`;
    expect((await ctx.client().get(url)).status).toBe(404);
    const image = await seller.representative.client.get(url);
    expect(image.headers['cache-control']).toBe('private, max-age=31536000, immutable');
  });
});

describe('answering a listing', () => {
  it('sends the message to the listing’s organisation, by mail to its representatives', async () => {
    const cluster = await createCurrencyCluster(ctx, { members: 3 });
    const [seller, asker, bystander] = [member(cluster, 0), member(cluster, 1), member(cluster, 2)];
    const listing = await publish(cluster, seller);
    const url = `${marketplaceBase(cluster.slug)}/listings/${listing.id}/answers`;
    const sent = await keyed(asker.representative.client, 'POST', url, {
      fromAccountId: asker.accountId,
      message: 'Could you deliver 20 litres to Taormina next week?',
    });
    expect(sent.status).toBe(201);
    expect(sent.body).toMatchObject({ fromOrganisationName: asker.name, authorName: 'Representative 2' });

    const mail = await newestMailTo(seller.representative.email);
    expect(mail?.subject).toBe(`${asker.name} answered “${OFFER.title}”`);
    expect(mail?.body_text).toContain('Could you deliver 20 litres to Taormina next week?');
    expect(mail?.body_text).toContain(
      `http://kopa.test/clusters/${cluster.slug}/marketplace/listings/${listing.id}`,
    );

    const messages = (body: { items: { message: string }[] }) => body.items.map((a) => a.message);
    expect(messages((await seller.representative.client.get(url)).body)).toEqual([
      'Could you deliver 20 litres to Taormina next week?',
    ]);
    expect(messages((await asker.representative.client.get(url)).body)).toHaveLength(1);
    expect(messages((await bystander.representative.client.get(url)).body)).toEqual([]);
    expect((await ctx.client().get(url)).status).toBe(401);
  });

  it('lets the listing’s organisation reply to a member who answered, in that member’s conversation only', async () => {
    const cluster = await createCurrencyCluster(ctx, { members: 3 });
    const [seller, asker, other] = [member(cluster, 0), member(cluster, 1), member(cluster, 2)];
    const listing = await publish(cluster, seller);
    const base = `${marketplaceBase(cluster.slug)}/listings/${listing.id}`;
    const url = `${base}/answers`;
    await keyed(asker.representative.client, 'POST', url, {
      fromAccountId: asker.accountId,
      message: 'Could you deliver on Tuesday?',
    });
    await keyed(other.representative.client, 'POST', url, {
      fromAccountId: other.accountId,
      message: 'Is there a discount for ten?',
    });
    const reply = await keyed(seller.representative.client, 'POST', url, {
      fromAccountId: seller.accountId,
      toAccountId: asker.accountId,
      message: 'Yes, Tuesday morning suits us.',
    });
    expect(reply.status).toBe(201);
    expect(reply.body).toMatchObject({
      fromAccountId: seller.accountId,
      conversationAccountId: asker.accountId,
      isReply: true,
      fromOrganisationName: seller.name,
      conversationOrganisationName: asker.name,
    });
    const mail = await newestMailTo(asker.representative.email);
    expect(mail?.subject).toBe(`${seller.name} replied about “${OFFER.title}”`);
    expect(mail?.body_text).toContain('Yes, Tuesday morning suits us.');
    // The other member who answered is not told.
    const toOther = await mailsTo(ctx.db, other.representative.email);
    expect(toOther.filter((sent) => sent.subject.includes('replied'))).toEqual([]);

    const conversation = (body: { items: { message: string; isReply: boolean }[] }) =>
      body.items.map((a) => `${a.isReply ? 'reply' : 'answer'}: ${a.message}`);
    expect(conversation((await asker.representative.client.get(url)).body)).toEqual([
      'reply: Yes, Tuesday morning suits us.',
      'answer: Could you deliver on Tuesday?',
    ]);
    expect(conversation((await other.representative.client.get(url)).body)).toEqual([
      'answer: Is there a discount for ten?',
    ]);
    expect(conversation((await seller.representative.client.get(url)).body)).toHaveLength(3);

    // The member answers again in the same conversation; a closed listing still takes replies.
    await keyed(asker.representative.client, 'POST', url, {
      fromAccountId: asker.accountId,
      toAccountId: seller.accountId,
      message: 'Thank you!',
    });
    expect((await newestMailTo(seller.representative.email))?.subject).toBe(
      `${asker.name} answered “${OFFER.title}”`,
    );
    await keyed(seller.representative.client, 'PATCH', base, { status: 'closed' });
    const afterClosing = await keyed(seller.representative.client, 'POST', url, {
      fromAccountId: seller.accountId,
      toAccountId: other.accountId,
      message: 'Sorry, all sold.',
    });
    expect(afterClosing.status).toBe(201);
    expect(conversation((await other.representative.client.get(url)).body)[0]).toBe(
      'reply: Sorry, all sold.',
    );
  });

  it('refuses a reply to a member who never answered, or one a member addresses elsewhere', async () => {
    const cluster = await createCurrencyCluster(ctx, { members: 3 });
    const [seller, asker, other] = [member(cluster, 0), member(cluster, 1), member(cluster, 2)];
    const listing = await publish(cluster, seller);
    const url = `${marketplaceBase(cluster.slug)}/listings/${listing.id}/answers`;
    const unasked = await keyed(seller.representative.client, 'POST', url, {
      fromAccountId: seller.accountId,
      toAccountId: asker.accountId,
      message: 'Would you like some?',
    });
    expect([unasked.status, unasked.body.error.code, unasked.body.error.field]).toEqual([
      400,
      'marketplace.conversation_not_found',
      'toAccountId',
    ]);
    const sideways = await keyed(asker.representative.client, 'POST', url, {
      fromAccountId: asker.accountId,
      toAccountId: other.accountId,
      message: 'Psst',
    });
    expect([sideways.status, sideways.body.error.code]).toEqual([400, 'marketplace.reply_not_author']);
    expect(await rowCount(ctx.db, 'marketplace_answer', cluster.id)).toBe(0);
  });

  it('refuses answering one’s own listing, a paused one, or for another organisation', async () => {
    const cluster = await createCurrencyCluster(ctx, { members: 2 });
    const [seller, asker] = [member(cluster, 0), member(cluster, 1)];
    const listing = await publish(cluster, seller);
    const url = `${marketplaceBase(cluster.slug)}/listings/${listing.id}`;
    const own = await keyed(seller.representative.client, 'POST', `${url}/answers`, {
      fromAccountId: seller.accountId,
      message: 'Hello me',
    });
    expect([own.status, own.body.error.code]).toEqual([400, 'marketplace.own_listing']);
    const asOther = await keyed(asker.representative.client, 'POST', `${url}/answers`, {
      fromAccountId: seller.accountId,
      message: 'Pretending',
    });
    expect([asOther.status, asOther.body.error.code]).toEqual([403, 'auth.forbidden']);
    const tooLong = await keyed(asker.representative.client, 'POST', `${url}/answers`, {
      fromAccountId: asker.accountId,
      message: 'x'.repeat(2001),
    });
    expect([tooLong.status, tooLong.body.error.code]).toEqual([400, 'validation.too_long']);
    await keyed(seller.representative.client, 'PATCH', url, { status: 'paused' });
    const paused = await keyed(asker.representative.client, 'POST', `${url}/answers`, {
      fromAccountId: asker.accountId,
      message: 'Still there?',
    });
    expect([paused.status, paused.body.error.code]).toEqual([409, 'marketplace.listing_not_active']);
    expect(await rowCount(ctx.db, 'marketplace_answer', cluster.id)).toBe(0);
  });
});
