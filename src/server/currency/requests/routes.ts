/** HTTP for payment requests, trusted payees and recurring payments of the cluster currency. */
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from '@sinclair/typebox';
import type { Locale } from '../../../domain/clusters/catalogue.ts';
import type { Interval } from '../../../domain/currency/recurrence.ts';
import { PageQuery, pageOf } from '../../platform/http/pagination.ts';
import { rateLimit } from '../../platform/http/rate-limits.ts';
import { IsoDate, Uuid } from '../../platform/http/schemas.ts';
import type { IdempotentResult } from '../idempotency.ts';
import { AmountMinor, IdempotencyHeaders, sendIdempotent } from '../routes.ts';
import type { PaymentRequestService, RequestView } from './payment-request-service.ts';
import type { RecurringPayments, recurringView } from './recurring-payments.ts';
import { refusalMessage } from './refusal-message.ts';
import type { TrustedPayeeService } from './trusted-payee-service.ts';

export interface PaymentRequestRoutesOptions {
  readonly paymentRequests: PaymentRequestService;
  readonly trustedPayees: TrustedPayeeService;
  readonly recurringPayments: RecurringPayments;
  readonly rateLimitScale: number;
}

const Slug = Type.String({ minLength: 1, maxLength: 48 });
const AccountParams = Type.Object({ slug: Slug, accountId: Uuid });
const Description = Type.String({ minLength: 1, maxLength: 500, pattern: '\\S' });
const Nullable = <T extends Parameters<typeof Type.Union>[0][number]>(schema: T) =>
  Type.Union([schema, Type.Null()]);
// Enumerations are spelled out: only a literal tuple gives the route handlers their exact types.
const Direction = Type.Union([Type.Literal('incoming'), Type.Literal('outgoing')]);
const RequestStatus = Type.Union([
  Type.Literal('open'),
  Type.Literal('paid'),
  Type.Literal('declined'),
  Type.Literal('withdrawn'),
]);
const RecurringStatus = Type.Union([
  Type.Literal('active'),
  Type.Literal('cancelled'),
  Type.Literal('finished'),
]);
const Every = Type.Union([
  Type.Literal('week'),
  Type.Literal('month'),
  Type.Literal('quarter'),
  Type.Literal('year'),
]) satisfies { static: Interval };

const PaymentRequest = Type.Object({
  id: Type.String(),
  direction: Direction,
  payerAccountId: Type.String(),
  payerName: Type.String(),
  payeeAccountId: Type.String(),
  payeeName: Type.String(),
  amountMinor: Type.Integer(),
  description: Type.String(),
  dueOn: Nullable(Type.String()),
  status: RequestStatus,
  transferId: Nullable(Type.String()),
  declineReason: Type.String(),
  autoPaymentRefusal: Nullable(Type.String()),
  autoPaymentRefusalMessage: Nullable(Type.String()),
  createdAt: Type.String(),
  resolvedAt: Nullable(Type.String()),
});

const Acceptance = Type.Object({
  request: PaymentRequest,
  payment: Type.Object({
    transferId: Type.String(),
    feeMinor: Type.Integer(),
    balanceAfterMinor: Type.Integer(),
  }),
});

const TrustedPayee = Type.Object({
  payeeAccountId: Type.String(),
  payeeName: Type.String(),
  maxAmountMinor: Type.Integer(),
  createdAt: Type.String(),
});

const RecurringPayment = Type.Object({
  id: Type.String(),
  direction: Direction,
  payerAccountId: Type.String(),
  payerName: Type.String(),
  payeeAccountId: Type.String(),
  payeeName: Type.String(),
  amountMinor: Type.Integer(),
  description: Type.String(),
  every: Every,
  firstDueOn: Type.String(),
  nextDueOn: Nullable(Type.String()),
  endsOn: Nullable(Type.String()),
  status: RecurringStatus,
  lastFailure: Nullable(Type.String()),
  lastFailureMessage: Nullable(Type.String()),
  lastOccurrence: Nullable(
    Type.Object({
      dueOn: Type.String(),
      outcome: Type.Union([Type.Literal('paid'), Type.Literal('failed')]),
      /** A refused occurrence the payer paid afterwards. */
      paidLateAt: Nullable(Type.String()),
    }),
  ),
  createdAt: Type.String(),
  cancelledAt: Nullable(Type.String()),
});

/** Refusal codes travel with their message in the reader's language. */
const withRequestMessage = (view: RequestView, locale: Locale) => ({
  ...view,
  autoPaymentRefusalMessage: view.autoPaymentRefusal ? refusalMessage(view.autoPaymentRefusal, locale) : null,
});
const withRecurringMessage = (view: ReturnType<typeof recurringView>, locale: Locale) => ({
  ...view,
  lastFailureMessage: view.lastFailure ? refusalMessage(view.lastFailure, locale) : null,
});
const mapResult = <T, U>(result: IdempotentResult<T>, present: (value: T) => U): IdempotentResult<U> => ({
  replayed: result.replayed,
  value: present(result.value),
});

export const paymentRequestRoutes: FastifyPluginAsyncTypebox<PaymentRequestRoutesOptions> = async (
  app,
  options,
) => {
  const { paymentRequests, trustedPayees, recurringPayments } = options;
  const write = rateLimit('write', options.rateLimitScale);
  const tags = ['currency'];
  const RequestParams = Type.Object({ slug: Slug, requestId: Uuid });

  app.get(
    '/clusters/:slug/currency/accounts/:accountId/requests',
    {
      schema: {
        tags,
        summary: 'Payment requests the account pays (incoming) or asked for (outgoing), newest first',
        params: AccountParams,
        querystring: Type.Composite([
          PageQuery,
          Type.Object({
            direction: Type.Optional(Direction),
            status: Type.Optional(RequestStatus),
          }),
        ]),
        response: { 200: pageOf(PaymentRequest) },
      },
    },
    async (request) => {
      const page = await paymentRequests.list(request.viewer, request.params.slug, request.params.accountId, {
        ...request.query,
        limit: request.query.limit ?? 20,
      });
      return { ...page, items: page.items.map((item) => withRequestMessage(item, request.locale)) };
    },
  );

  app.post(
    '/clusters/:slug/currency/accounts/:accountId/requests',
    {
      config: write,
      schema: {
        tags,
        summary:
          'Ask another member’s account for a payment; paid at once when the payer trusts this account for the amount',
        params: AccountParams,
        headers: IdempotencyHeaders,
        body: Type.Object({
          payerAccountId: Uuid,
          amountMinor: AmountMinor,
          description: Description,
          dueOn: Type.Optional(Nullable(IsoDate)),
        }),
        response: { 201: PaymentRequest },
      },
    },
    async (request, reply) =>
      sendIdempotent(
        reply,
        mapResult(
          await paymentRequests.create(
            request.viewer,
            request.params.slug,
            request.params.accountId,
            request.body,
            request.headers['idempotency-key'],
          ),
          (view) => withRequestMessage(view, request.locale),
        ),
      ),
  );

  app.post(
    '/clusters/:slug/currency/requests/:requestId/accept',
    {
      config: write,
      schema: {
        tags,
        summary: 'Pay an open request (the payer’s representatives; the limits apply)',
        params: RequestParams,
        headers: IdempotencyHeaders,
        response: { 200: Acceptance },
      },
    },
    async (request, reply) =>
      sendIdempotent(
        reply,
        mapResult(
          await paymentRequests.accept(
            request.viewer,
            request.params.slug,
            request.params.requestId,
            request.headers['idempotency-key'],
          ),
          (value) => ({ ...value, request: withRequestMessage(value.request, request.locale) }),
        ),
        200,
      ),
  );

  app.post(
    '/clusters/:slug/currency/requests/:requestId/decline',
    {
      config: write,
      schema: {
        tags,
        summary: 'Decline an open request, optionally saying why (the payer’s representatives)',
        params: RequestParams,
        headers: IdempotencyHeaders,
        body: Type.Object({ reason: Type.String({ maxLength: 500, default: '' }) }),
        response: { 200: PaymentRequest },
      },
    },
    async (request, reply) =>
      sendIdempotent(
        reply,
        mapResult(
          await paymentRequests.decline(
            request.viewer,
            request.params.slug,
            request.params.requestId,
            request.body.reason,
            request.headers['idempotency-key'],
          ),
          (view) => withRequestMessage(view, request.locale),
        ),
        200,
      ),
  );

  app.post(
    '/clusters/:slug/currency/requests/:requestId/withdraw',
    {
      config: write,
      schema: {
        tags,
        summary: 'Withdraw an open request (the requester’s representatives)',
        params: RequestParams,
        headers: IdempotencyHeaders,
        response: { 200: PaymentRequest },
      },
    },
    async (request, reply) =>
      sendIdempotent(
        reply,
        mapResult(
          await paymentRequests.withdraw(
            request.viewer,
            request.params.slug,
            request.params.requestId,
            request.headers['idempotency-key'],
          ),
          (view) => withRequestMessage(view, request.locale),
        ),
        200,
      ),
  );

  const TrustedParams = Type.Object({ slug: Slug, accountId: Uuid, payeeAccountId: Uuid });

  app.get(
    '/clusters/:slug/currency/accounts/:accountId/trusted-payees',
    {
      schema: {
        tags,
        summary: 'Accounts whose requests this account pays automatically, each up to an amount',
        params: AccountParams,
        querystring: PageQuery,
        response: { 200: pageOf(TrustedPayee) },
      },
    },
    async (request) =>
      trustedPayees.list(request.viewer, request.params.slug, request.params.accountId, {
        limit: request.query.limit ?? 20,
        cursor: request.query.cursor,
      }),
  );

  app.put(
    '/clusters/:slug/currency/accounts/:accountId/trusted-payees/:payeeAccountId',
    {
      config: write,
      schema: {
        tags,
        summary: 'Pay requests from this payee automatically, up to an amount (or change the amount)',
        params: TrustedParams,
        headers: IdempotencyHeaders,
        body: Type.Object({ maxAmountMinor: AmountMinor }),
        response: { 200: TrustedPayee },
      },
    },
    async (request, reply) =>
      sendIdempotent(
        reply,
        await trustedPayees.trust(
          request.viewer,
          request.params.slug,
          request.params.accountId,
          request.params.payeeAccountId,
          request.body.maxAmountMinor,
          request.headers['idempotency-key'],
        ),
        200,
      ),
  );

  app.delete(
    '/clusters/:slug/currency/accounts/:accountId/trusted-payees/:payeeAccountId',
    {
      config: write,
      schema: {
        tags,
        summary: 'Stop paying this payee’s requests automatically',
        params: TrustedParams,
        headers: IdempotencyHeaders,
        response: { 200: Type.Object({ payeeAccountId: Type.String(), removed: Type.Boolean() }) },
      },
    },
    async (request, reply) =>
      sendIdempotent(
        reply,
        await trustedPayees.distrust(
          request.viewer,
          request.params.slug,
          request.params.accountId,
          request.params.payeeAccountId,
          request.headers['idempotency-key'],
        ),
        200,
      ),
  );

  app.get(
    '/clusters/:slug/currency/accounts/:accountId/recurring-payments',
    {
      schema: {
        tags,
        summary: 'Recurring payments the account makes (outgoing) or receives (incoming), newest first',
        params: AccountParams,
        querystring: Type.Composite([
          PageQuery,
          Type.Object({
            direction: Type.Optional(Direction),
            status: Type.Optional(RecurringStatus),
          }),
        ]),
        response: { 200: pageOf(RecurringPayment) },
      },
    },
    async (request) => {
      const page = await recurringPayments.list(
        request.viewer,
        request.params.slug,
        request.params.accountId,
        { ...request.query, limit: request.query.limit ?? 20 },
      );
      return { ...page, items: page.items.map((item) => withRecurringMessage(item, request.locale)) };
    },
  );

  app.post(
    '/clusters/:slug/currency/accounts/:accountId/recurring-payments',
    {
      config: write,
      schema: {
        tags,
        summary:
          'Set up a payment every week, month, quarter or year from a first date, until an optional end',
        params: AccountParams,
        headers: IdempotencyHeaders,
        body: Type.Object({
          toAccountId: Uuid,
          amountMinor: AmountMinor,
          description: Description,
          every: Every,
          firstDueOn: IsoDate,
          endsOn: Type.Optional(Nullable(IsoDate)),
        }),
        response: { 201: RecurringPayment },
      },
    },
    async (request, reply) =>
      sendIdempotent(
        reply,
        mapResult(
          await recurringPayments.create(
            request.viewer,
            request.params.slug,
            request.params.accountId,
            request.body,
            request.headers['idempotency-key'],
          ),
          (view) => withRecurringMessage(view, request.locale),
        ),
      ),
  );

  app.post(
    '/clusters/:slug/currency/recurring-payments/:recurringPaymentId/occurrences/:dueOn/pay',
    {
      config: write,
      schema: {
        tags,
        summary:
          'Pay an occurrence the ledger refused on its day (the payer’s representatives; the limits apply)',
        params: Type.Object({
          slug: Slug,
          recurringPaymentId: Uuid,
          dueOn: IsoDate,
        }),
        headers: IdempotencyHeaders,
        response: { 200: RecurringPayment },
      },
    },
    async (request, reply) =>
      sendIdempotent(
        reply,
        mapResult(
          await recurringPayments.payRefused(
            request.viewer,
            request.params.slug,
            request.params.recurringPaymentId,
            request.params.dueOn,
            request.headers['idempotency-key'],
          ),
          (view) => withRecurringMessage(view, request.locale),
        ),
        200,
      ),
  );

  app.post(
    '/clusters/:slug/currency/recurring-payments/:recurringPaymentId/cancel',
    {
      config: write,
      schema: {
        tags,
        summary: 'Cancel a recurring payment (the payer’s representatives); nothing more is paid by it',
        params: Type.Object({ slug: Slug, recurringPaymentId: Uuid }),
        headers: IdempotencyHeaders,
        response: { 200: RecurringPayment },
      },
    },
    async (request, reply) =>
      sendIdempotent(
        reply,
        mapResult(
          await recurringPayments.cancel(
            request.viewer,
            request.params.slug,
            request.params.recurringPaymentId,
            request.headers['idempotency-key'],
          ),
          (view) => withRecurringMessage(view, request.locale),
        ),
        200,
      ),
  );
};
