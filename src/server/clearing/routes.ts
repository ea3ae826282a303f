/** HTTP for the clearing of euro invoices: invoices, imports, rounds, confirmations and reports. */
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from '@sinclair/typebox';
import {
  MAX_INVOICE_CENTS,
  MAX_INVOICE_CSV_CHARS,
  MAX_INVOICE_REFERENCE_LENGTH,
} from '../../domain/currency/euro-invoices-csv.ts';
import { IdempotencyHeaders, sendIdempotent } from '../currency/routes.ts';
import { PageQuery, pageOf } from '../platform/http/pagination.ts';
import { rateLimit } from '../platform/http/rate-limits.ts';
import { IsoDate, Uuid } from '../platform/http/schemas.ts';
import { errorMessage } from '../platform/i18n/translate.ts';
import { InvoiceImportRejected, MAX_REPORTED_PROBLEMS } from './invoice-import.ts';
import type { InvoiceService } from './invoice-service.ts';
import type { ClearingRoundService } from './round-service.ts';

export interface ClearingRoutesOptions {
  readonly invoices: InvoiceService;
  readonly rounds: ClearingRoundService;
  readonly rateLimitScale: number;
}

const Slug = Type.String({ minLength: 1, maxLength: 48 });
const Cents = Type.Integer({ minimum: 1, maximum: MAX_INVOICE_CENTS });
const Decision = Type.Union([Type.Literal('confirmed'), Type.Literal('refused')]);
const Party = Type.Object({ id: Type.String(), name: Type.String() });
const Nullable = <T extends Parameters<typeof Type.Union>[0][number]>(schema: T) =>
  Type.Union([schema, Type.Null()]);

const Invoice = Type.Object({
  id: Type.String(),
  debtor: Party,
  creditor: Party,
  reference: Type.String(),
  amountCents: Type.Integer(),
  outstandingCents: Type.Integer(),
  clearedCents: Type.Integer(),
  paidCents: Type.Integer(),
  issuedOn: Type.String(),
  dueOn: Nullable(Type.String()),
  createdAt: Type.String(),
  status: Type.Union([Type.Literal('open'), Type.Literal('settled'), Type.Literal('withdrawn')]),
  isInOpenRound: Type.Boolean(),
  can: Type.Object({ markPaid: Type.Boolean(), withdraw: Type.Boolean() }),
});

const Position = Type.Object({
  organisationId: Type.String(),
  name: Type.String(),
  owesBeforeCents: Type.Integer(),
  owedBeforeCents: Type.Integer(),
  cancelledCents: Type.Integer(),
  owesAfterCents: Type.Integer(),
  owedAfterCents: Type.Integer(),
  netPositionCents: Type.Integer(),
  isAsked: Type.Boolean(),
  decision: Nullable(Decision),
});

const Round = Type.Object({
  id: Type.String(),
  status: Type.Union([Type.Literal('proposed'), Type.Literal('applied'), Type.Literal('cancelled')]),
  needsConfirmation: Type.Boolean(),
  invoiceCount: Type.Integer(),
  totalCents: Type.Integer(),
  clearedCents: Type.Integer(),
  clearedBasisPoints: Type.Integer({
    description: 'cleared / total in hundredths of a percent, rounded down',
  }),
  memberCount: Type.Integer({ description: 'members with debt cancelled' }),
  confirmations: Type.Object({ confirmed: Type.Integer(), refused: Type.Integer(), waiting: Type.Integer() }),
  excludedOrganisations: Type.Array(Party),
  cancelReason: Nullable(Type.Union([Type.Literal('coordinator'), Type.Literal('refused')])),
  isStale: Type.Boolean({ description: 'an invoice changed since the round was computed; it cannot apply' }),
  createdAt: Type.String(),
  resolvedAt: Nullable(Type.String()),
});

const RoundReport = Type.Composite([
  Round,
  Type.Object({ mine: Type.Array(Position, { description: 'the viewer’s own organisations in the round' }) }),
]);

const Cancellation = Type.Object({
  invoiceId: Type.String(),
  reference: Type.String(),
  issuedOn: Type.String(),
  debtor: Party,
  creditor: Party,
  amountCents: Type.Integer(),
  outstandingBeforeCents: Type.Integer(),
  cancelledCents: Type.Integer(),
  outstandingAfterCents: Type.Integer(),
});

const ImportProblemSchema = Type.Object({
  line: Type.Integer(),
  code: Type.String(),
  column: Type.Optional(Type.String()),
  message: Type.String(),
});

const RoundParams = Type.Object({ slug: Slug, roundId: Uuid });
const InvoiceParams = Type.Object({ slug: Slug, invoiceId: Uuid });

export const clearingRoutes: FastifyPluginAsyncTypebox<ClearingRoutesOptions> = async (app, options) => {
  const { invoices, rounds } = options;
  const write = rateLimit('write', options.rateLimitScale);
  const tags = ['clearing'];
  const base = '/clusters/:slug/clearing';

  app.get(
    base,
    {
      schema: {
        tags,
        summary:
          'The clearing page: the cluster’s confirmation rule, the viewer’s organisations, open totals, the waiting round',
        params: Type.Object({ slug: Slug }),
      },
    },
    async (request) => rounds.overview(request.viewer, request.params.slug),
  );

  app.get(
    `${base}/invoices`,
    {
      schema: {
        tags,
        summary:
          'Euro invoices between members, newest first (a representative sees their organisations’ own)',
        params: Type.Object({ slug: Slug }),
        querystring: Type.Composite([
          PageQuery,
          Type.Object({ organisationId: Type.Optional(Uuid), openOnly: Type.Optional(Type.Boolean()) }),
        ]),
        response: { 200: pageOf(Invoice) },
      },
    },
    async (request) =>
      invoices.list(request.viewer, request.params.slug, {
        ...request.query,
        limit: request.query.limit ?? 20,
      }),
  );

  app.post(
    `${base}/invoices`,
    {
      config: write,
      schema: {
        tags,
        summary:
          'Record an invoice one member owes another, in euro cents (requires an Idempotency-Key header)',
        params: Type.Object({ slug: Slug }),
        headers: IdempotencyHeaders,
        body: Type.Object({
          debtorOrganisationId: Uuid,
          creditorOrganisationId: Uuid,
          amountCents: Cents,
          reference: Type.String({ maxLength: MAX_INVOICE_REFERENCE_LENGTH }),
          issuedOn: IsoDate,
          dueOn: Type.Optional(Nullable(IsoDate)),
        }),
        response: { 201: Invoice },
      },
    },
    async (request, reply) =>
      sendIdempotent(
        reply,
        await invoices.record(
          request.viewer,
          request.params.slug,
          request.body,
          request.headers['idempotency-key'],
        ),
      ),
  );

  app.post(
    `${base}/invoices/import`,
    {
      config: write,
      // The CSV travels inside JSON, where escaping can nearly double its size.
      bodyLimit: 3 * MAX_INVOICE_CSV_CHARS,
      schema: {
        tags,
        summary:
          'Import invoices from CSV `debtor,creditor,amount,reference,issued_on` (coordinators; all or nothing, every problem with its line)',
        params: Type.Object({ slug: Slug }),
        headers: IdempotencyHeaders,
        body: Type.Object({ csv: Type.String({ minLength: 1, maxLength: MAX_INVOICE_CSV_CHARS }) }),
        response: {
          201: Type.Object({ importedCount: Type.Integer(), totalCents: Type.Integer() }),
          400: Type.Object({
            error: Type.Object({
              code: Type.String(),
              message: Type.String(),
              field: Type.Optional(Type.String()),
            }),
            problems: Type.Optional(Type.Array(ImportProblemSchema)),
          }),
        },
      },
    },
    async (request, reply) => {
      try {
        return sendIdempotent(
          reply,
          await invoices.import(
            request.viewer,
            request.params.slug,
            request.body.csv,
            request.headers['idempotency-key'],
          ),
        );
      } catch (error) {
        if (!(error instanceof InvoiceImportRejected)) throw error;
        return reply.status(400).send({
          error: { code: error.code, message: errorMessage(error.code, request.locale, error.params) },
          problems: error.problems.slice(0, MAX_REPORTED_PROBLEMS).map((problem) => ({
            line: problem.line,
            code: problem.code,
            column: problem.column,
            message: errorMessage(problem.code, request.locale, problem.params),
          })),
        });
      }
    },
  );

  app.post(
    `${base}/invoices/:invoiceId/payments`,
    {
      config: write,
      schema: {
        tags,
        summary: 'Record a payment received in euros outside Kopa (the creditor or a coordinator)',
        params: InvoiceParams,
        headers: IdempotencyHeaders,
        body: Type.Object({ amountCents: Cents }),
        response: { 200: Invoice },
      },
    },
    async (request, reply) =>
      sendIdempotent(
        reply,
        await invoices.markPaid(
          request.viewer,
          request.params.slug,
          request.params.invoiceId,
          request.body.amountCents,
          request.headers['idempotency-key'],
        ),
        200,
      ),
  );

  app.post(
    `${base}/invoices/:invoiceId/withdrawal`,
    {
      config: write,
      schema: {
        tags,
        summary:
          'Withdraw an invoice recorded by mistake or disputed, while nothing was paid or cleared on it',
        params: InvoiceParams,
        headers: IdempotencyHeaders,
        response: { 200: Invoice },
      },
    },
    async (request, reply) =>
      sendIdempotent(
        reply,
        await invoices.withdraw(
          request.viewer,
          request.params.slug,
          request.params.invoiceId,
          request.headers['idempotency-key'],
        ),
        200,
      ),
  );

  app.get(
    `${base}/rounds`,
    {
      schema: {
        tags,
        summary: 'Clearing rounds, newest first, with their aggregate results',
        params: Type.Object({ slug: Slug }),
        querystring: PageQuery,
        response: { 200: pageOf(Round) },
      },
    },
    async (request) =>
      rounds.list(request.viewer, request.params.slug, {
        ...request.query,
        limit: request.query.limit ?? 20,
      }),
  );

  app.post(
    `${base}/rounds`,
    {
      config: write,
      schema: {
        tags,
        summary:
          'Compute a clearing round over all open invoices, optionally leaving out some members’ invoices (coordinators)',
        params: Type.Object({ slug: Slug }),
        headers: IdempotencyHeaders,
        body: Type.Object({
          excludeOrganisationIds: Type.Optional(Type.Array(Uuid, { maxItems: 100, uniqueItems: true })),
        }),
        response: { 201: RoundReport },
      },
    },
    async (request, reply) =>
      sendIdempotent(
        reply,
        await rounds.run(
          request.viewer,
          request.params.slug,
          { excludeOrganisationIds: request.body.excludeOrganisationIds ?? [] },
          request.headers['idempotency-key'],
        ),
      ),
  );

  app.get(
    `${base}/rounds/:roundId`,
    {
      schema: {
        tags,
        summary: 'A round’s report: X of Y euros cleared, and the viewer’s own organisations’ figures',
        params: RoundParams,
        response: { 200: RoundReport },
      },
    },
    async (request) => rounds.get(request.viewer, request.params.slug, request.params.roundId),
  );

  app.get(
    `${base}/rounds/:roundId/positions`,
    {
      schema: {
        tags,
        summary: 'Per-member figures of a round: debt before and after, cancelled, net position (private)',
        params: RoundParams,
        querystring: PageQuery,
        response: { 200: pageOf(Position) },
      },
    },
    async (request) =>
      rounds.positions(request.viewer, request.params.slug, request.params.roundId, {
        ...request.query,
        limit: request.query.limit ?? 20,
      }),
  );

  app.get(
    `${base}/rounds/:roundId/cancellations`,
    {
      schema: {
        tags,
        summary: 'What the round cancels on which invoice, for one organisation (or all, for coordinators)',
        params: RoundParams,
        querystring: Type.Composite([PageQuery, Type.Object({ organisationId: Type.Optional(Uuid) })]),
        response: { 200: pageOf(Cancellation) },
      },
    },
    async (request) =>
      rounds.cancellations(request.viewer, request.params.slug, request.params.roundId, {
        ...request.query,
        limit: request.query.limit ?? 20,
      }),
  );

  app.post(
    `${base}/rounds/:roundId/decisions`,
    {
      config: write,
      schema: {
        tags,
        summary:
          'An affected member confirms or refuses the round; the last confirmation applies it, a refusal cancels it',
        params: RoundParams,
        headers: IdempotencyHeaders,
        body: Type.Object({ organisationId: Uuid, decision: Decision }),
        response: { 200: RoundReport },
      },
    },
    async (request, reply) =>
      sendIdempotent(
        reply,
        await rounds.decide(
          request.viewer,
          request.params.slug,
          request.params.roundId,
          request.body.organisationId,
          request.body.decision,
          request.headers['idempotency-key'],
        ),
        200,
      ),
  );

  const coordinatorActions = [
    [
      'apply',
      'Apply a round where the cluster’s rule needs no confirmation (coordinators); 409 if it is stale',
    ],
    ['cancel', 'Cancel a round that is waiting (coordinators)'],
  ] as const;
  for (const [action, summary] of coordinatorActions) {
    app.post(
      `${base}/rounds/:roundId/${action}`,
      {
        config: write,
        schema: {
          tags,
          summary,
          params: RoundParams,
          headers: IdempotencyHeaders,
          response: { 200: RoundReport },
        },
      },
      async (request, reply) =>
        sendIdempotent(
          reply,
          await rounds[action](
            request.viewer,
            request.params.slug,
            request.params.roundId,
            request.headers['idempotency-key'],
          ),
          200,
        ),
    );
  }
};
