/** HTTP for the cluster currency: settings, accounts, wallets, history, payments and corrections. */
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from '@sinclair/typebox';
import type { FastifyReply } from 'fastify';
import { SECTORS } from '../../domain/clusters/catalogue.ts';
import { MAX_AMOUNT_MINOR } from '../../domain/currency/ledger.ts';
import { PageQuery, pageOf } from '../platform/http/pagination.ts';
import { rateLimit } from '../platform/http/rate-limits.ts';
import { IsoDate, literals, Uuid } from '../platform/http/schemas.ts';
import type { CurrencyFigures } from './figures.ts';
import type { IdempotentResult } from './idempotency.ts';
import type { CurrencyService } from './service.ts';
import { historyCsv } from './statement-csv.ts';

export interface CurrencyRoutesOptions {
  readonly currency: CurrencyService;
  readonly figures: CurrencyFigures;
  readonly rateLimitScale: number;
}

const Slug = Type.String({ minLength: 1, maxLength: 48 });
const AccountParams = Type.Object({ slug: Slug, accountId: Uuid });
export const AmountMinor = Type.Integer({ minimum: 1, maximum: MAX_AMOUNT_MINOR });
const LimitMinor = Type.Integer({ minimum: 0, maximum: MAX_AMOUNT_MINOR });
export const IdempotencyHeaders = Type.Object({
  'idempotency-key': Type.Optional(
    Type.String({
      maxLength: 100,
      description: 'Client-chosen key: a retry with the same key and body returns the original result',
    }),
  ),
});

const Transfer = Type.Object({
  id: Type.String(),
  seq: Type.Integer(),
  kind: Type.String(),
  payerAccountId: Type.String(),
  payeeAccountId: Type.String(),
  amountMinor: Type.Integer(),
  description: Type.String(),
  relatedTransferId: Type.Union([Type.String(), Type.Null()]),
  origin: Type.Union([Type.String(), Type.Null()]),
  originId: Type.Union([Type.String(), Type.Null()]),
  createdAt: Type.String(),
  direction: Type.Union([Type.Literal('in'), Type.Literal('out'), Type.Null()]),
  balanceAfterMinor: Type.Union([Type.Integer(), Type.Null()]),
});

const HistoryEntry = Type.Composite([
  Transfer,
  Type.Object({ counterpartyName: Type.String(), counterpartyKind: Type.String() }),
]);

const Payment = Type.Object({
  transfer: Transfer,
  feeMinor: Type.Integer(),
  balanceAfterMinor: Type.Integer(),
});

const AccountTypeSettings = Type.Object({
  accountType: literals(SECTORS),
  creditLimitMinor: LimitMinor,
  maxBalanceMinor: Type.Union([Type.Integer({ minimum: 1, maximum: MAX_AMOUNT_MINOR }), Type.Null()]),
});

const Settings = Type.Object({
  name: Type.String({ minLength: 1, maxLength: 60, pattern: '\\S' }),
  code: Type.String({ pattern: '^[A-Z]{2,6}$' }),
  symbol: Type.String({ minLength: 1, maxLength: 6, pattern: '\\S' }),
  decimals: Type.Integer({ minimum: 0, maximum: 4 }),
  euroValue: Type.String({ pattern: '^(?!0+(\\.0+)?$)\\d{1,6}(\\.\\d{1,6})?$', maxLength: 13 }),
  feeBasisPoints: Type.Integer({ minimum: 0, maximum: 2000 }),
  rebalanceAfterMonths: Type.Integer({ minimum: 1, maximum: 120 }),
  limitGrowth: Type.Union([
    Type.Object({ basisPoints: Type.Integer({ minimum: 1, maximum: 10_000 }), capMinor: LimitMinor }),
    Type.Null(),
  ]),
  clearingNeedsConfirmation: Type.Boolean(),
  accountTypes: Type.Array(AccountTypeSettings, { maxItems: SECTORS.length }),
});

const Account = Type.Object({
  id: Type.String(),
  kind: Type.String(),
  organisationId: Type.Union([Type.String(), Type.Null()]),
  organisationName: Type.String(),
  accountType: Type.String(),
  balanceMinor: Type.Integer(),
  pendingDebitMinor: Type.Integer(),
  pendingCreditMinor: Type.Integer(),
  creditLimitMinor: Type.Integer(),
  hasOwnLimit: Type.Boolean(),
  maxBalanceMinor: Type.Union([Type.Integer(), Type.Null()]),
  availableMinor: Type.Integer(),
  status: Type.String(),
  negativeSince: Type.Union([Type.String(), Type.Null()]),
  needsRebalancing: Type.Boolean(),
  lastTransferAt: Type.Union([Type.String(), Type.Null()]),
});

const HistoryQuery = Type.Object({
  direction: Type.Optional(literals(['in', 'out'] as const)),
  q: Type.Optional(Type.String({ maxLength: 100 })),
  from: Type.Optional(IsoDate),
  until: Type.Optional(IsoDate),
});

const dayStart = (date: string | undefined) => (date ? new Date(`${date}T00:00:00Z`) : undefined);
const dayAfter = (date: string | undefined) =>
  date ? new Date(new Date(`${date}T00:00:00Z`).getTime() + 86_400_000) : undefined;

/** The original answer of an idempotent write, marked when it is a replay. */
export function sendIdempotent<T>(reply: FastifyReply, result: IdempotentResult<T>, status = 201) {
  if (result.replayed) reply.header('idempotent-replayed', 'true');
  return reply.status(status).send(result.value);
}

export const currencyRoutes: FastifyPluginAsyncTypebox<CurrencyRoutesOptions> = async (app, options) => {
  const { currency, figures } = options;
  const write = rateLimit('write', options.rateLimitScale);
  const tags = ['currency'];

  app.get(
    '/clusters/:slug/currency',
    {
      schema: {
        tags,
        summary: 'The cluster currency’s settings and the accounts the viewer acts for',
        params: Type.Object({ slug: Slug }),
      },
    },
    async (request) => currency.overview(request.viewer, request.params.slug),
  );

  app.put(
    '/clusters/:slug/currency',
    {
      config: write,
      schema: {
        tags,
        summary: 'Create the currency (opening an account per active member) or change its settings',
        params: Type.Object({ slug: Slug }),
        body: Settings,
      },
    },
    async (request) => currency.saveSettings(request.viewer, request.params.slug, request.body),
  );

  app.get(
    '/clusters/:slug/currency/figures',
    {
      config: { publicCache: true },
      schema: {
        tags,
        summary: 'Public aggregate figures: accounts, traders, volume, velocity, balance bands',
        params: Type.Object({ slug: Slug }),
      },
    },
    async (request) => figures.figures(request.viewer, request.params.slug),
  );

  app.get(
    '/clusters/:slug/currency/accounts',
    {
      schema: {
        tags,
        summary: 'All accounts with balances, limits and activity (coordinators)',
        params: Type.Object({ slug: Slug }),
        querystring: Type.Composite([
          PageQuery,
          Type.Object({
            status: Type.Optional(literals(['active', 'frozen', 'closing', 'closed'] as const)),
            needsRebalancing: Type.Optional(Type.Boolean()),
            q: Type.Optional(Type.String({ maxLength: 100 })),
          }),
        ]),
        response: { 200: pageOf(Account) },
      },
    },
    async (request) =>
      currency.accounts(request.viewer, request.params.slug, {
        ...request.query,
        limit: request.query.limit ?? 20,
      }),
  );

  app.get(
    '/clusters/:slug/currency/payees',
    {
      schema: {
        tags,
        summary: 'Accounts that can be paid, by name (members of the cluster)',
        params: Type.Object({ slug: Slug }),
        querystring: Type.Object({ q: Type.Optional(Type.String({ maxLength: 100 })) }),
      },
    },
    async (request) => currency.payees(request.viewer, request.params.slug, request.query.q),
  );

  app.get(
    '/clusters/:slug/currency/accounts/:accountId',
    {
      schema: {
        tags,
        summary: 'A wallet: balance, limit, available to spend, and the log of limit changes',
        params: AccountParams,
      },
    },
    async (request) => currency.wallet(request.viewer, request.params.slug, request.params.accountId),
  );

  app.patch(
    '/clusters/:slug/currency/accounts/:accountId',
    {
      config: write,
      schema: {
        tags,
        summary: 'Change an account’s credit limit or maximum balance, freeze or unfreeze it (with a reason)',
        params: AccountParams,
        headers: IdempotencyHeaders,
        body: Type.Object({
          creditLimitMinor: Type.Optional(LimitMinor),
          maxBalanceMinor: Type.Optional(
            Type.Union([Type.Integer({ minimum: 1, maximum: MAX_AMOUNT_MINOR }), Type.Null()]),
          ),
          status: Type.Optional(literals(['active', 'frozen'] as const)),
          reason: Type.String({ minLength: 1, maxLength: 500 }),
        }),
      },
    },
    async (request) =>
      currency.changeAccount(
        request.viewer,
        request.params.slug,
        request.params.accountId,
        request.body,
        request.headers['idempotency-key'],
      ),
  );

  app.post(
    '/clusters/:slug/currency/accounts/:accountId/close',
    {
      config: write,
      schema: {
        tags,
        summary: 'Close a settled account of a member that left',
        params: AccountParams,
        headers: IdempotencyHeaders,
      },
    },
    async (request) =>
      currency.closeAccount(
        request.viewer,
        request.params.slug,
        request.params.accountId,
        request.headers['idempotency-key'],
      ),
  );

  app.get(
    '/clusters/:slug/currency/accounts/:accountId/transfers',
    {
      schema: {
        tags,
        summary: 'The account’s history, newest first, with the running balance',
        params: AccountParams,
        querystring: Type.Composite([PageQuery, HistoryQuery]),
        response: { 200: pageOf(HistoryEntry) },
      },
    },
    async (request) =>
      currency.history(request.viewer, request.params.slug, request.params.accountId, {
        limit: request.query.limit ?? 20,
        cursor: request.query.cursor,
        direction: request.query.direction,
        search: request.query.q,
        from: dayStart(request.query.from),
        until: dayAfter(request.query.until),
      }),
  );

  app.get(
    '/clusters/:slug/currency/accounts/:accountId/transfers.csv',
    {
      schema: {
        tags,
        summary: 'The account’s history as CSV (RFC 4180)',
        params: AccountParams,
        querystring: HistoryQuery,
      },
    },
    async (request, reply) => {
      const statement = await currency.exportRows(
        request.viewer,
        request.params.slug,
        request.params.accountId,
        {
          direction: request.query.direction,
          search: request.query.q,
          from: dayStart(request.query.from),
          until: dayAfter(request.query.until),
        },
      );
      return reply
        .header('content-type', 'text/csv; charset=utf-8')
        .header(
          'content-disposition',
          `attachment; filename="kopa-${statement.code.toLowerCase()}-history.csv"`,
        )
        .send(historyCsv(statement.rows, statement.decimals));
    },
  );

  app.get(
    '/clusters/:slug/currency/accounts/:accountId/activity',
    {
      schema: {
        tags,
        summary: 'Income and spending per month over the last twelve months',
        params: AccountParams,
      },
    },
    async (request) => currency.activity(request.viewer, request.params.slug, request.params.accountId),
  );

  app.get(
    '/clusters/:slug/currency/accounts/:accountId/payments/quote',
    {
      schema: {
        tags,
        summary: 'What a payment would cost and leave (the confirmation step); writes nothing',
        params: AccountParams,
        querystring: Type.Object({ toAccountId: Uuid, amountMinor: AmountMinor }),
      },
    },
    async (request) =>
      currency.quote(
        request.viewer,
        request.params.slug,
        request.params.accountId,
        request.query.toAccountId,
        request.query.amountMinor,
      ),
  );

  app.post(
    '/clusters/:slug/currency/accounts/:accountId/payments',
    {
      config: write,
      schema: {
        tags,
        summary: 'Pay another member (requires an Idempotency-Key header)',
        params: AccountParams,
        headers: IdempotencyHeaders,
        body: Type.Object({
          toAccountId: Uuid,
          amountMinor: AmountMinor,
          description: Type.String({ maxLength: 500 }),
        }),
        response: { 201: Payment },
      },
    },
    async (request, reply) =>
      sendIdempotent(
        reply,
        await currency.pay(
          request.viewer,
          request.params.slug,
          request.params.accountId,
          request.body,
          request.headers['idempotency-key'],
        ),
      ),
  );

  app.post(
    '/clusters/:slug/currency/transfers/:transferId/reversal',
    {
      config: write,
      schema: {
        tags,
        summary: 'Reverse a payment by a new transfer that points at it (coordinators, with a reason)',
        params: Type.Object({ slug: Slug, transferId: Uuid }),
        headers: IdempotencyHeaders,
        body: Type.Object({ reason: Type.String({ minLength: 1, maxLength: 500 }) }),
      },
    },
    async (request, reply) =>
      sendIdempotent(
        reply,
        await currency.reverse(
          request.viewer,
          request.params.slug,
          request.params.transferId,
          request.body.reason,
          request.headers['idempotency-key'],
        ),
      ),
  );

  app.post(
    '/clusters/:slug/currency/adjustments',
    {
      config: write,
      schema: {
        tags,
        summary:
          'A coordinator’s adjustment between two accounts (may pass the limits; recorded with its reason)',
        params: Type.Object({ slug: Slug }),
        headers: IdempotencyHeaders,
        body: Type.Object({
          fromAccountId: Uuid,
          toAccountId: Uuid,
          amountMinor: AmountMinor,
          reason: Type.String({ minLength: 1, maxLength: 500 }),
        }),
      },
    },
    async (request, reply) =>
      sendIdempotent(
        reply,
        await currency.adjust(
          request.viewer,
          request.params.slug,
          request.body,
          request.headers['idempotency-key'],
        ),
      ),
  );
};
