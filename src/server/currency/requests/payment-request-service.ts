/**
 * Payment requests: an invoice in the cluster currency. A representative asks another member's
 * account for an amount; the payer's representatives accept it (a payment through the ledger,
 * within the limits) or decline it, and the requester may withdraw it while it is open. A request
 * from a payee the payer trusts, within the trusted amount, is paid at once — or, if the ledger
 * refuses, stays open with the reason. Each side's representatives are told by mail.
 */
import type { Locale } from '../../../domain/clusters/catalogue.ts';
import { isValidAmount } from '../../../domain/currency/ledger.ts';
import { dayOf } from '../../../domain/currency/recurrence.ts';
import type { Access } from '../../platform/access.ts';
import type { AuditLog } from '../../platform/audit/audit-log.ts';
import type { Actor } from '../../platform/auth/viewer.ts';
import type { Clock } from '../../platform/clock.ts';
import type {
  CurrencyPaymentRequestTable,
  CurrencyTable,
  Db,
  Queryable,
  Tx,
} from '../../platform/database.ts';
import { badRequest, conflict, notFound } from '../../platform/errors.ts';
import { newId } from '../../platform/ids.ts';
import { accountRepo } from '../repo.ts';
import type { CurrencyService } from '../service.ts';
import { type AccountMailer, accountPaths, formatAmount, formatDay } from './account-mail.ts';
import { requireDayFrom } from './calendar-input.ts';
import { attemptInSavepoint } from './ledger-attempt.ts';
import { decodeTimeCursor, newestFirstPage } from './newest-first.ts';
import { refusalMessage } from './refusal-message.ts';
import { type Direction, type PaymentRequestRow, paymentRequestRepo, trustedPayeeRepo } from './repo.ts';

export type RequestStatus = CurrencyPaymentRequestTable['status'];

export interface PaymentRequestInput {
  readonly payerAccountId: string;
  readonly amountMinor: number;
  readonly description: string;
  readonly dueOn?: string | null;
}

/** A request as seen from one of its two accounts. */
export function requestView(row: PaymentRequestRow, accountId: string) {
  return {
    id: row.id,
    direction: (row.payer_account_id === accountId ? 'incoming' : 'outgoing') as Direction,
    payerAccountId: row.payer_account_id,
    payerName: row.payer_name,
    payeeAccountId: row.payee_account_id,
    payeeName: row.payee_name,
    amountMinor: row.amount_minor,
    description: row.description,
    dueOn: row.due_on,
    status: row.status,
    transferId: row.transfer_id,
    declineReason: row.decline_reason,
    /** Why a trusted payee's request was not paid at once (a ledger refusal code). */
    autoPaymentRefusal: row.auto_payment_refusal,
    createdAt: row.created_at.toISOString(),
    resolvedAt: row.resolved_at?.toISOString() ?? null,
  };
}
export type RequestView = ReturnType<typeof requestView>;

export class PaymentRequestService {
  constructor(
    private readonly db: Db,
    private readonly access: Access,
    private readonly audit: AuditLog,
    private readonly currency: CurrencyService,
    private readonly mail: AccountMailer,
    private readonly clock: Clock,
  ) {}

  async list(
    actor: Actor,
    slug: string,
    accountId: string,
    query: { limit: number; cursor?: string; direction?: Direction; status?: RequestStatus },
  ) {
    const access = await this.access.require(actor, slug, 'currency.use');
    await this.currency.accountOf(this.db, access, accountId, 'read');
    const rows = await paymentRequestRepo.list(
      this.db,
      access.cluster.id,
      accountId,
      { direction: query.direction, status: query.status },
      decodeTimeCursor(query.cursor),
      query.limit,
    );
    return newestFirstPage(rows, query.limit, (row) => requestView(row, accountId));
  }

  /** Asks the payer for an amount; pays it at once when the payer trusts this payee for it. */
  async create(
    actor: Actor,
    slug: string,
    accountId: string,
    input: PaymentRequestInput,
    idempotencyKey: string | undefined,
  ): Promise<{ value: RequestView; replayed: boolean }> {
    const access = await this.access.require(actor, slug, 'currency.use');
    const clusterId = access.cluster.id;
    const description = input.description.trim();
    if (!isValidAmount(input.amountMinor)) throw badRequest('currency.amount_invalid', 'amountMinor');
    if (description === '') throw badRequest('validation.required', 'description');
    if (input.payerAccountId === accountId) throw badRequest('currency.same_account', 'payerAccountId');
    if (input.dueOn) requireDayFrom(input.dueOn, dayOf(this.clock()), 'dueOn', 'payment_request.due_in_past');
    const currency = await this.currency.requireCurrency(this.db, clusterId);
    await this.currency.accountOf(this.db, access, accountId, 'act');
    const result = await this.currency.writes.run(
      {
        clusterId,
        personId: access.actor.personId,
        key: idempotencyKey,
        operation: `payment-request:${accountId}`,
        body: input,
      },
      async (tx) => {
        const payer = await accountRepo.find(tx, clusterId, input.payerAccountId);
        if (!payer) throw notFound('currency.account_not_found');
        if (payer.status === 'closed') throw conflict('currency.account_closed', 'payerAccountId');
        const now = this.clock();
        const id = newId();
        await paymentRequestRepo.insert(tx, {
          cluster_id: clusterId,
          id,
          payee_account_id: accountId,
          payer_account_id: payer.id,
          amount_minor: input.amountMinor,
          description,
          due_on: input.dueOn ?? null,
          status: 'open',
          transfer_id: null,
          decline_reason: '',
          created_by: access.actor.personId,
          created_at: now,
          resolved_at: null,
          auto_payment_refusal: null,
        });
        const trusted = await trustedPayeeRepo.find(tx, clusterId, payer.id, accountId);
        let isPaid = false;
        if (trusted && input.amountMinor <= trusted.max_amount_minor) {
          const attempt = await attemptInSavepoint(tx, () =>
            this.currency.ledger.write(
              tx,
              currency,
              {
                kind: 'payment',
                payerAccountId: payer.id,
                payeeAccountId: accountId,
                amountMinor: input.amountMinor,
                description,
                origin: 'request',
                originId: id,
                // Nobody of the payer acted: its standing consent did.
                createdBy: null,
              },
              now,
            ),
          );
          isPaid = attempt.ok;
          await paymentRequestRepo.update(
            tx,
            clusterId,
            id,
            attempt.ok
              ? { status: 'paid', transfer_id: attempt.value.transfer.id, resolved_at: now }
              : { auto_payment_refusal: attempt.refusal },
          );
        }
        // After the ledger, which locks the accounts before the audit chain: one lock order for all.
        await this.audit.record(tx, clusterId, {
          action: 'currency.request_created',
          isPublic: false,
          payload: {
            requestId: id,
            payerAccountId: payer.id,
            payeeAccountId: accountId,
            amountMinor: input.amountMinor,
            dueOn: input.dueOn ?? null,
            isPaidAutomatically: isPaid,
            by: access.actor.personId,
          },
        });
        const row = await this.load(tx, clusterId, id);
        await this.tellPayer(tx, slug, access.cluster.name, currency, row, trusted?.max_amount_minor ?? 0);
        return requestView(row, accountId);
      },
    );
    this.mail.deliver();
    return result;
  }

  /** The payer's representatives pay the request, within the ledger's limits. */
  async accept(actor: Actor, slug: string, requestId: string, idempotencyKey: string | undefined) {
    const access = await this.access.require(actor, slug, 'currency.use');
    const clusterId = access.cluster.id;
    const currency = await this.currency.requireCurrency(this.db, clusterId);
    const request = await this.load(this.db, clusterId, requestId);
    await this.currency.accountOf(this.db, access, request.payer_account_id, 'act');
    const result = await this.currency.writes.run(
      {
        clusterId,
        personId: access.actor.personId,
        key: idempotencyKey,
        operation: `payment-request-accept:${requestId}`,
        body: null,
      },
      async (tx) => {
        const open = await this.lockOpen(tx, clusterId, requestId);
        const now = this.clock();
        const written = await this.currency.ledger.write(
          tx,
          currency,
          {
            kind: 'payment',
            payerAccountId: open.payer_account_id,
            payeeAccountId: open.payee_account_id,
            amountMinor: open.amount_minor,
            description: open.description,
            origin: 'request',
            originId: open.id,
            createdBy: access.actor.personId,
          },
          now,
        );
        await paymentRequestRepo.update(tx, clusterId, requestId, {
          status: 'paid',
          transfer_id: written.transfer.id,
          resolved_at: now,
          auto_payment_refusal: null,
        });
        const row = await this.load(tx, clusterId, requestId);
        await this.mail.send(tx, clusterId, row.payee_account_id, {
          subject: 'mail.payment_request.paid.subject',
          body: 'mail.payment_request.paid.body',
          params: (locale) => requestMailParams(row, currency, access.cluster.name, locale),
          path: accountPaths.requests(slug, row.payee_account_id),
        });
        return {
          request: requestView(row, row.payer_account_id),
          payment: {
            transferId: written.transfer.id,
            feeMinor: written.fee?.amount_minor ?? 0,
            balanceAfterMinor: written.payer.balance_minor,
          },
        };
      },
    );
    this.mail.deliver();
    return result;
  }

  /** The payer's representatives decline the request, with a reason if they give one. */
  async decline(
    actor: Actor,
    slug: string,
    requestId: string,
    reason: string,
    idempotencyKey: string | undefined,
  ) {
    const access = await this.access.require(actor, slug, 'currency.use');
    const clusterId = access.cluster.id;
    const currency = await this.currency.requireCurrency(this.db, clusterId);
    const request = await this.load(this.db, clusterId, requestId);
    await this.currency.accountOf(this.db, access, request.payer_account_id, 'act');
    const declineReason = reason.trim();
    const result = await this.currency.writes.run(
      {
        clusterId,
        personId: access.actor.personId,
        key: idempotencyKey,
        operation: `payment-request-decline:${requestId}`,
        body: { reason },
      },
      async (tx) => {
        await this.lockOpen(tx, clusterId, requestId);
        await paymentRequestRepo.update(tx, clusterId, requestId, {
          status: 'declined',
          decline_reason: declineReason,
          resolved_at: this.clock(),
        });
        // The reason is the members' own words: it stays off the permanent audit chain.
        await this.audit.record(tx, clusterId, {
          action: 'currency.request_declined',
          isPublic: false,
          payload: { requestId, by: access.actor.personId },
        });
        const row = await this.load(tx, clusterId, requestId);
        await this.mail.send(tx, clusterId, row.payee_account_id, {
          subject: 'mail.payment_request.declined.subject',
          body: 'mail.payment_request.declined.body',
          params: (locale) => ({
            ...requestMailParams(row, currency, access.cluster.name, locale),
            hasReason: declineReason === '' ? 'no' : 'yes',
            reason: declineReason,
          }),
          path: accountPaths.requests(slug, row.payee_account_id),
        });
        return requestView(row, row.payer_account_id);
      },
    );
    this.mail.deliver();
    return result;
  }

  /** The requester's representatives take back a request that is still open. */
  async withdraw(actor: Actor, slug: string, requestId: string, idempotencyKey: string | undefined) {
    const access = await this.access.require(actor, slug, 'currency.use');
    const clusterId = access.cluster.id;
    const request = await this.load(this.db, clusterId, requestId);
    await this.currency.accountOf(this.db, access, request.payee_account_id, 'act');
    return this.currency.writes.run(
      {
        clusterId,
        personId: access.actor.personId,
        key: idempotencyKey,
        operation: `payment-request-withdraw:${requestId}`,
        body: null,
      },
      async (tx) => {
        await this.lockOpen(tx, clusterId, requestId);
        await paymentRequestRepo.update(tx, clusterId, requestId, {
          status: 'withdrawn',
          resolved_at: this.clock(),
        });
        await this.audit.record(tx, clusterId, {
          action: 'currency.request_withdrawn',
          isPublic: false,
          payload: { requestId, by: access.actor.personId },
        });
        return requestView(await this.load(tx, clusterId, requestId), request.payee_account_id);
      },
    );
  }

  private async load(db: Queryable, clusterId: string, requestId: string): Promise<PaymentRequestRow> {
    const row = await paymentRequestRepo.find(db, clusterId, requestId);
    if (!row) throw notFound('payment_request.not_found');
    return row;
  }

  /** Locks the request; only an open one can be accepted, declined or withdrawn — once. */
  private async lockOpen(tx: Tx, clusterId: string, requestId: string) {
    const locked = await paymentRequestRepo.lock(tx, clusterId, requestId);
    if (!locked) throw notFound('payment_request.not_found');
    if (locked.status !== 'open') throw conflict('payment_request.not_open');
    return locked;
  }

  /** Tells the payer's representatives of a new request — or that it was already paid for them. */
  private async tellPayer(
    tx: Tx,
    slug: string,
    clusterName: string,
    currency: CurrencyTable,
    row: PaymentRequestRow,
    trustedMaxMinor: number,
  ) {
    const path = accountPaths.requests(slug, row.payer_account_id);
    const common = (locale: Locale) => requestMailParams(row, currency, clusterName, locale);
    if (row.status === 'paid') {
      await this.mail.send(tx, row.cluster_id, row.payer_account_id, {
        subject: 'mail.payment_request.auto_paid.subject',
        body: 'mail.payment_request.auto_paid.body',
        params: (locale) => ({ ...common(locale), limit: formatAmount(trustedMaxMinor, currency, locale) }),
        path,
      });
      return;
    }
    const refusal = row.auto_payment_refusal;
    await this.mail.send(tx, row.cluster_id, row.payer_account_id, {
      subject: 'mail.payment_request.received.subject',
      body: 'mail.payment_request.received.body',
      params: (locale) => ({
        ...common(locale),
        due: row.due_on ? formatDay(row.due_on, locale) : 'none',
        refusal: refusal ? refusalMessage(refusal, locale) : 'none',
      }),
      path,
    });
  }
}

const requestMailParams = (
  row: PaymentRequestRow,
  currency: CurrencyTable,
  cluster: string,
  locale: Locale,
) => ({
  payer: row.payer_name,
  payee: row.payee_name,
  description: row.description,
  amount: formatAmount(row.amount_minor, currency, locale),
  cluster,
});
