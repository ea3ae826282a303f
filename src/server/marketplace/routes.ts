/** HTTP for the marketplace: listings with photos and answers, and orders held in the currency. */
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from '@sinclair/typebox';
import { MAX_AMOUNT_MINOR } from '../../domain/currency/ledger.ts';
import {
  LISTING_CATEGORIES,
  LISTING_KINDS,
  LISTING_LIMITS,
  LISTING_STATUSES,
  ORDER_STATUSES,
} from '../../domain/marketplace/categories.ts';
import { PHOTO_MAX_BYTES } from '../../domain/marketplace/photo-type.ts';
import { IdempotencyHeaders, sendIdempotent } from '../currency/routes.ts';
import { PageQuery, pageOf } from '../platform/http/pagination.ts';
import { rateLimit } from '../platform/http/rate-limits.ts';
import { literals, Uuid } from '../platform/http/schemas.ts';
import type {
  ListingChange as ListingChangeInput,
  ListingService,
  NewListing as NewListingInput,
} from './listing-service.ts';
import type { OrderService } from './order-service.ts';

export interface MarketplaceRoutesOptions {
  readonly listings: ListingService;
  readonly orders: OrderService;
  readonly rateLimitScale: number;
}

const Slug = Type.String({ minLength: 1, maxLength: 48 });
const ListingParams = Type.Object({ slug: Slug, listingId: Uuid });
const OrderParams = Type.Object({ slug: Slug, orderId: Uuid });
const PhotoParams = Type.Object({ slug: Slug, listingId: Uuid, photoId: Uuid });
/**
 * A positive amount or null, as one nullable type: as a union, the validator's type coercion would
 * quietly turn a 0 into null instead of refusing it. (The type provider cannot read this schema's
 * static type, so the handlers name the body's type.)
 */
const NullablePrice = (options: { default?: null } = {}) =>
  Type.Unsafe<number | null>({
    type: 'integer',
    nullable: true,
    minimum: 1,
    maximum: MAX_AMOUNT_MINOR,
    ...options,
  });
/** Base64 of the largest photo, with room for the decoder to say "too large" itself. */
const PHOTO_BASE64_MAX_LENGTH = Math.ceil((PHOTO_MAX_BYTES + 1024) / 3) * 4;

const editable = {
  title: Type.String({ minLength: 1, maxLength: LISTING_LIMITS.titleLength, pattern: '\\S' }),
  description: Type.String({ maxLength: LISTING_LIMITS.descriptionLength }),
  category: literals(LISTING_CATEGORIES),
  priceMinor: NullablePrice(),
  priceEuroCents: NullablePrice(),
  currencySharePercent: Type.Integer({ minimum: 0, maximum: 100 }),
  location: Type.String({ maxLength: LISTING_LIMITS.locationLength }),
};

const NewListing = Type.Object({
  accountId: Uuid,
  kind: literals(LISTING_KINDS),
  title: editable.title,
  description: Type.String({ maxLength: LISTING_LIMITS.descriptionLength, default: '' }),
  category: editable.category,
  priceMinor: NullablePrice({ default: null }),
  priceEuroCents: NullablePrice({ default: null }),
  currencySharePercent: Type.Integer({ minimum: 0, maximum: 100, default: 100 }),
  location: Type.String({ maxLength: LISTING_LIMITS.locationLength, default: '' }),
});

const ListingChange = Type.Partial(Type.Object({ ...editable, status: literals(LISTING_STATUSES) }), {
  minProperties: 1,
});

const listingFields = {
  id: Type.String(),
  kind: Type.String(),
  title: Type.String(),
  category: Type.String(),
  priceMinor: Type.Union([Type.Integer(), Type.Null()]),
  priceEuroCents: Type.Union([Type.Integer(), Type.Null()]),
  currencySharePercent: Type.Integer(),
  location: Type.String(),
  status: Type.String(),
  accountId: Type.String(),
  organisationId: Type.Union([Type.String(), Type.Null()]),
  organisationName: Type.String(),
  createdAt: Type.String(),
  updatedAt: Type.String(),
};

const Photo = Type.Object({
  id: Type.String(),
  altText: Type.String(),
  position: Type.Integer(),
  contentType: Type.String(),
});

const ListingCard = Type.Object({
  ...listingFields,
  summary: Type.String(),
  coverPhoto: Type.Union([Type.Object({ id: Type.String(), altText: Type.String() }), Type.Null()]),
});

const Listing = Type.Object({
  ...listingFields,
  description: Type.String(),
  photos: Type.Array(Photo),
  mayEdit: Type.Boolean(),
});

const Answer = Type.Object({
  id: Type.String(),
  fromAccountId: Type.String(),
  /** The conversation: the account of the member who answered. */
  conversationAccountId: Type.String(),
  conversationOrganisationName: Type.String(),
  /** Written by the listing's organisation, to the member who answered. */
  isReply: Type.Boolean(),
  fromOrganisationName: Type.String(),
  authorName: Type.String(),
  message: Type.String(),
  createdAt: Type.String(),
});

const Order = Type.Object({
  id: Type.String(),
  listingId: Type.String(),
  listingTitle: Type.String(),
  buyerAccountId: Type.String(),
  buyerName: Type.String(),
  sellerAccountId: Type.String(),
  sellerName: Type.String(),
  quantity: Type.Integer(),
  amountMinor: Type.Integer(),
  note: Type.String(),
  status: Type.String(),
  cancelledBySide: Type.Union([Type.String(), Type.Null()]),
  holdTransferId: Type.String(),
  resolutionTransferId: Type.Union([Type.String(), Type.Null()]),
  createdAt: Type.String(),
  resolvedAt: Type.Union([Type.String(), Type.Null()]),
});

export const marketplaceRoutes: FastifyPluginAsyncTypebox<MarketplaceRoutesOptions> = async (
  app,
  options,
) => {
  const { listings, orders } = options;
  const write = rateLimit('write', options.rateLimitScale);
  const tags = ['marketplace'];
  const base = '/clusters/:slug/marketplace';

  app.get(
    base,
    {
      schema: {
        tags,
        summary: 'The marketplace: the currency’s units, the categories, the accounts the viewer trades for',
        params: Type.Object({ slug: Slug }),
      },
    },
    async (request) => listings.overview(request.viewer, request.params.slug),
  );

  app.get(
    `${base}/listings`,
    {
      config: { publicCache: true },
      schema: {
        tags,
        summary: 'Search offers and wants, newest first (active ones are as public as the cluster)',
        params: Type.Object({ slug: Slug }),
        querystring: Type.Composite([
          PageQuery,
          Type.Object({
            kind: Type.Optional(literals(LISTING_KINDS)),
            category: Type.Optional(literals(LISTING_CATEGORIES)),
            q: Type.Optional(Type.String({ maxLength: 100 })),
            minPriceMinor: Type.Optional(Type.Integer({ minimum: 0, maximum: MAX_AMOUNT_MINOR })),
            maxPriceMinor: Type.Optional(Type.Integer({ minimum: 0, maximum: MAX_AMOUNT_MINOR })),
            status: Type.Optional(literals(LISTING_STATUSES)),
            accountId: Type.Optional(Uuid),
          }),
        ]),
        response: { 200: pageOf(ListingCard) },
      },
    },
    async (request) =>
      listings.search(request.viewer, request.params.slug, {
        ...request.query,
        limit: request.query.limit ?? 20,
      }),
  );

  app.post(
    `${base}/listings`,
    {
      config: write,
      schema: {
        tags,
        summary:
          'Publish an offer or a want for an organisation’s account (requires an Idempotency-Key header)',
        params: Type.Object({ slug: Slug }),
        headers: IdempotencyHeaders,
        body: NewListing,
        response: { 201: Listing },
      },
    },
    async (request, reply) =>
      sendIdempotent(
        reply,
        await listings.publish(
          request.viewer,
          request.params.slug,
          request.body as NewListingInput,
          request.headers['idempotency-key'],
        ),
      ),
  );

  app.get(
    `${base}/listings/:listingId`,
    {
      config: { publicCache: true },
      schema: {
        tags,
        summary: 'A listing with its photos',
        params: ListingParams,
        response: { 200: Listing },
      },
    },
    async (request) => listings.listing(request.viewer, request.params.slug, request.params.listingId),
  );

  app.patch(
    `${base}/listings/:listingId`,
    {
      config: write,
      schema: {
        tags,
        summary: 'Edit, pause, resume or close a listing (a closed listing stays closed)',
        params: ListingParams,
        headers: IdempotencyHeaders,
        body: ListingChange,
        response: { 200: Listing },
      },
    },
    async (request, reply) =>
      sendIdempotent(
        reply,
        await listings.edit(
          request.viewer,
          request.params.slug,
          request.params.listingId,
          request.body as ListingChangeInput,
          request.headers['idempotency-key'],
        ),
        200,
      ),
  );

  app.post(
    `${base}/listings/:listingId/withdrawal`,
    {
      config: write,
      schema: {
        tags,
        summary: 'A coordinator withdraws a listing, with a reason its authors are told (it closes)',
        params: ListingParams,
        headers: IdempotencyHeaders,
        body: Type.Object({ reason: Type.String({ maxLength: 500 }) }),
        response: { 200: Listing },
      },
    },
    async (request, reply) =>
      sendIdempotent(
        reply,
        await listings.withdraw(
          request.viewer,
          request.params.slug,
          request.params.listingId,
          request.body.reason,
          request.headers['idempotency-key'],
        ),
        200,
      ),
  );

  app.post(
    `${base}/listings/:listingId/photos`,
    {
      config: write,
      // A photo of up to 2 MiB travels as base64 inside JSON.
      bodyLimit: PHOTO_BASE64_MAX_LENGTH + 4096,
      schema: {
        tags,
        summary:
          'Add a photo (JPEG, PNG or WebP, at most 2 MiB, base64) with its description for screen readers',
        params: ListingParams,
        headers: IdempotencyHeaders,
        body: Type.Object({
          contentBase64: Type.String({ minLength: 1, maxLength: PHOTO_BASE64_MAX_LENGTH }),
          altText: Type.String({ minLength: 1, maxLength: LISTING_LIMITS.altTextLength, pattern: '\\S' }),
        }),
        response: { 201: Photo },
      },
    },
    async (request, reply) =>
      sendIdempotent(
        reply,
        await listings.addPhoto(
          request.viewer,
          request.params.slug,
          request.params.listingId,
          request.body,
          request.headers['idempotency-key'],
        ),
      ),
  );

  app.get(
    `${base}/listings/:listingId/photos/:photoId`,
    {
      schema: {
        tags,
        summary: 'A listing photo’s image, or its copy for listing cards (at most 640 pixels)',
        params: PhotoParams,
        querystring: Type.Object({ size: Type.Optional(literals(['full', 'card'] as const)) }),
      },
    },
    async (request, reply) => {
      const photo = await listings.photo(
        request.viewer,
        request.params.slug,
        request.params.listingId,
        request.params.photoId,
        request.query.size,
      );
      // A photo never changes under its id: a new photo gets a new id.
      return reply
        .header('content-type', photo.content_type)
        .header('cache-control', `${photo.isPublic ? 'public' : 'private'}, max-age=31536000, immutable`)
        .header('content-disposition', 'inline')
        .send(photo.bytes);
    },
  );

  app.delete(
    `${base}/listings/:listingId/photos/:photoId`,
    {
      config: write,
      schema: {
        tags,
        summary: 'Remove a photo from a listing',
        params: PhotoParams,
        headers: IdempotencyHeaders,
        response: { 200: Listing },
      },
    },
    async (request, reply) =>
      sendIdempotent(
        reply,
        await listings.removePhoto(
          request.viewer,
          request.params.slug,
          request.params.listingId,
          request.params.photoId,
          request.headers['idempotency-key'],
        ),
        200,
      ),
  );

  app.get(
    `${base}/listings/:listingId/answers`,
    {
      schema: {
        tags,
        summary:
          'Answers to a listing and the replies to them: every conversation for its author, one’s own for anyone else',
        params: ListingParams,
        querystring: PageQuery,
        response: { 200: pageOf(Answer) },
      },
    },
    async (request) =>
      listings.answers(request.viewer, request.params.slug, request.params.listingId, {
        limit: request.query.limit ?? 20,
        cursor: request.query.cursor,
      }),
  );

  app.post(
    `${base}/listings/:listingId/answers`,
    {
      config: write,
      schema: {
        tags,
        summary:
          'Answer a listing (mailed to the representatives of its organisation), or, for them, reply to a member who answered (toAccountId)',
        params: ListingParams,
        headers: IdempotencyHeaders,
        body: Type.Object({
          fromAccountId: Uuid,
          toAccountId: Type.Optional(Uuid),
          message: Type.String({ minLength: 1, maxLength: LISTING_LIMITS.answerLength, pattern: '\\S' }),
        }),
        response: { 201: Answer },
      },
    },
    async (request, reply) =>
      sendIdempotent(
        reply,
        await listings.answer(
          request.viewer,
          request.params.slug,
          request.params.listingId,
          request.body,
          request.headers['idempotency-key'],
        ),
      ),
  );

  app.post(
    `${base}/listings/:listingId/orders`,
    {
      config: write,
      schema: {
        tags,
        summary: 'Order from an offer: price × quantity is held from the buyer’s account until delivery',
        params: ListingParams,
        headers: IdempotencyHeaders,
        body: Type.Object({
          buyerAccountId: Uuid,
          quantity: Type.Integer({ minimum: 1, maximum: LISTING_LIMITS.maxQuantity }),
          note: Type.String({ maxLength: LISTING_LIMITS.orderNoteLength, default: '' }),
        }),
        response: { 201: Order },
      },
    },
    async (request, reply) =>
      sendIdempotent(
        reply,
        await orders.place(
          request.viewer,
          request.params.slug,
          request.params.listingId,
          request.body,
          request.headers['idempotency-key'],
        ),
      ),
  );

  app.get(
    `${base}/orders`,
    {
      schema: {
        tags,
        summary: 'An account’s orders as buyer or as seller, newest first',
        params: Type.Object({ slug: Slug }),
        querystring: Type.Composite([
          PageQuery,
          Type.Object({
            accountId: Uuid,
            side: literals(['buyer', 'seller'] as const),
            status: Type.Optional(literals(ORDER_STATUSES)),
          }),
        ]),
        response: { 200: pageOf(Order) },
      },
    },
    async (request) =>
      orders.list(request.viewer, request.params.slug, {
        ...request.query,
        limit: request.query.limit ?? 20,
      }),
  );

  app.get(
    `${base}/orders/:orderId`,
    {
      schema: {
        tags,
        summary: 'One order, for its buyer, its seller and the coordinators',
        params: OrderParams,
        response: {
          200: Type.Composite([Order, Type.Object({ viewerSide: Type.String() })]),
        },
      },
    },
    async (request) => orders.order(request.viewer, request.params.slug, request.params.orderId),
  );

  app.post(
    `${base}/orders/:orderId/delivery`,
    {
      config: write,
      schema: {
        tags,
        summary: 'The seller confirms delivery: the held amount is paid',
        params: OrderParams,
        headers: IdempotencyHeaders,
        response: { 200: Order },
      },
    },
    async (request, reply) =>
      sendIdempotent(
        reply,
        await orders.confirmDelivery(
          request.viewer,
          request.params.slug,
          request.params.orderId,
          request.headers['idempotency-key'],
        ),
        200,
      ),
  );

  app.post(
    `${base}/orders/:orderId/cancellation`,
    {
      config: write,
      schema: {
        tags,
        summary: 'Buyer, seller or a coordinator cancels a pending order: the held amount is released',
        params: OrderParams,
        headers: IdempotencyHeaders,
        response: { 200: Order },
      },
    },
    async (request, reply) =>
      sendIdempotent(
        reply,
        await orders.cancel(
          request.viewer,
          request.params.slug,
          request.params.orderId,
          request.headers['idempotency-key'],
        ),
        200,
      ),
  );
};
