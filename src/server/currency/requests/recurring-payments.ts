/**
 * Recurring payments: a representative sets up a standing order (payee, amount, every week,
 * month, quarter or year from a first date, until an optional end date) and can cancel it. The
 * scheduler's `runDue(now)` pays every occurrence that has come due.
 *
 * Each occurrence is handled in its own transaction that locks the schedule, pays (or records
 * why the ledger refused), stores the occurrence under its (schedule, due date) key and advances
 * the schedule — all or nothing. A crash leaves the occurrence due; a second run waits for the
 * lock, or skips the schedule, and then finds it advanced; the key refuses a second row in any
 * case. A refused occurrence is not retried by the scheduler: it is marked, the payer's
 * representatives are told, and the schedule moves on, so one empty account never blocks the rest
 * or fills a mailbox. They pay it themselves once the account has room (`payRefused`).
 */
import { isValidAmount } from '../../../domain/currency/ledger.ts';
import { dayOf, type Interval, nextOccurrence } from '../../../domain/currency/recurrence.ts';
import type { Access } from '../../platform/access.ts';
import type { AuditLog } from '../../platform/audit/audit-log.ts';
import type { Actor } from '../../platform/auth/viewer.ts';
import type { Clock } from '../../platform/clock.ts';
import type { CurrencyRecurringPaymentTable, Db, Queryable } from '../../platform/database.ts';
import { badRequest, conflict, notFound } from '../../platform/errors.ts';
import { newId } from '../../platform/ids.ts';
import { isRetryable, MAX_ATTEMPTS } from '../idempotency.ts';
import { accountRepo } from '../repo.ts';
import type { CurrencyService } from '../service.ts';
import { type AccountMailer, accountPaths, formatAmount, formatDay } from './account-mail.ts';
import { requireDay, requireDayFrom } from './calendar-input.ts';
import { attemptInSavepoint } from './ledger-attempt.ts';
import { decodeTimeCursor, newestFirstPage } from './newest-first.ts';
import { refusalMessage } from './refusal-message.ts';
import { type Direction, type RecurringPaymentRow, recurringPaymentRepo } from './repo.ts';

export type RecurringStatus = CurrencyRecurringPaymentTable['status'];

export interface RecurringPaymentInput {
  readonly toAccountId: string;
  readonly amountMinor: number;
  readonly description: string;
  readonly every: Interval;
  readonly firstDueOn: string;
  readonly endsOn?: string | null;
}

export interface RunResult {
  readonly paid: number;
  readonly failed: number;
  readonly finished: number;
}

/** Schedules read per query, and queries per run: at most 10,000 schedules a minute. */
const DUE_BATCH = 100;
const MAX_BATCHES = 100;
/** Occurrences one schedule may catch up in a run (a weekly payment missed for eight years). */
const MAX_CATCH_UP = 420;

export function recurringView(row: RecurringPaymentRow, accountId: string) {
  return {
    id: row.id,
    direction: (row.payer_account_id === accountId ? 'outgoing' : 'incoming') as Direction,
    payerAccountId: row.payer_account_id,
    payerName: row.payer_name,
    payeeAccountId: row.payee_account_id,
    payeeName: row.payee_name,
    amountMinor: row.amount_minor,
    description: row.description,
    every: row.every,
    firstDueOn: row.first_due_on,
    nextDueOn: row.status === 'active' ? row.next_due_on : null,
    endsOn: row.ends_on,
    status: row.status,
    /** The ledger's refusal of the latest occurrence, if it was refused. */
    lastFailure: row.last_failure,
    lastOccurrence:
      row.last_due_on && row.last_outcome
        ? {
            dueOn: row.last_due_on,
            outcome: row.last_outcome,
            paidLateAt: row.last_paid_late_at?.toISOString() ?? null,
          }
        : null,
    createdAt: row.created_at.toISOString(),
    cancelledAt: row.cancelled_at?.toISOString() ?? null,
  };
}

/** The payment one occurrence makes: the schedule's payee, amount and description. */
const occurrencePayment = (schedule: CurrencyRecurringPaymentTable, createdBy: string | null) => ({
  kind: 'payment' as const,
  payerAccountId: schedule.payer_account_id,
  payeeAccountId: schedule.payee_account_id,
  amountMinor: schedule.amount_minor,
  description: schedule.description,
  origin: 'recurring' as const,
  originId: schedule.id,
  createdBy,
});

export class RecurringPayments {
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
    query: { limit: number; cursor?: string; direction?: Direction; status?: RecurringStatus },
  ) {
    const access = await this.access.require(actor, slug, 'currency.use');
    await this.currency.accountOf(this.db, access, accountId, 'read');
    const rows = await recurringPaymentRepo.list(
      this.db,
      access.cluster.id,
      accountId,
      { direction: query.direction, status: query.status },
      decodeTimeCursor(query.cursor),
      query.limit,
    );
    return newestFirstPage(rows, query.limit, (row) => recurringView(row, accountId));
  }

  async create(
    actor: Actor,
    slug: string,
    accountId: string,
    input: RecurringPaymentInput,
    idempotencyKey: string | undefined,
  ) {
    const access = await this.access.require(actor, slug, 'currency.use');
    const clusterId = access.cluster.id;
    const description = input.description.trim();
    if (!isValidAmount(input.amountMinor)) throw badRequest('currency.amount_invalid', 'amountMinor');
    if (description === '') throw badRequest('validation.required', 'description');
    if (input.toAccountId === accountId) throw badRequest('currency.same_account', 'toAccountId');
    requireDayFrom(
      input.firstDueOn,
      dayOf(this.clock()),
      'firstDueOn',
      'recurring_payment.first_due_in_past',
    );
    const endsOn = input.endsOn ?? null;
    if (endsOn !== null) requireDay(endsOn, 'endsOn');
    if (endsOn !== null && endsOn < input.firstDueOn)
      throw badRequest('recurring_payment.ends_before_start', 'endsOn');
    await this.currency.requireCurrency(this.db, clusterId);
    await this.currency.accountOf(this.db, access, accountId, 'act');
    return this.currency.writes.run(
      {
        clusterId,
        personId: access.actor.personId,
        key: idempotencyKey,
        operation: `recurring-payment:${accountId}`,
        body: input,
      },
      async (tx) => {
        const payee = await accountRepo.find(tx, clusterId, input.toAccountId);
        if (!payee) throw notFound('currency.account_not_found');
        if (payee.status === 'closed') throw conflict('currency.account_closed', 'toAccountId');
        const id = newId();
        await recurringPaymentRepo.insert(tx, {
          cluster_id: clusterId,
          id,
          payer_account_id: accountId,
          payee_account_id: payee.id,
          amount_minor: input.amountMinor,
          description,
          every: input.every,
          first_due_on: input.firstDueOn,
          next_due_on: input.firstDueOn,
          ends_on: endsOn,
          status: 'active',
          last_failure: null,
          created_by: access.actor.personId,
          created_at: this.clock(),
          cancelled_at: null,
        });
        await this.audit.record(tx, clusterId, {
          action: 'currency.recurring_created',
          isPublic: false,
          payload: {
            recurringPaymentId: id,
            payerAccountId: accountId,
            payeeAccountId: payee.id,
            amountMinor: input.amountMinor,
            every: input.every,
            firstDueOn: input.firstDueOn,
            endsOn,
            by: access.actor.personId,
          },
        });
        return recurringView(await this.load(tx, clusterId, id), accountId);
      },
    );
  }

  /** The payer's representatives stop the schedule; nothing more is paid by it. */
  async cancel(actor: Actor, slug: string, recurringId: string, idempotencyKey: string | undefined) {
    const { access, schedule } = await this.payersSchedule(actor, slug, recurringId);
    const clusterId = access.cluster.id;
    return this.currency.writes.run(
      {
        clusterId,
        personId: access.actor.personId,
        key: idempotencyKey,
        operation: `recurring-payment-cancel:${recurringId}`,
        body: null,
      },
      async (tx) => {
        const locked = await recurringPaymentRepo.lock(tx, clusterId, recurringId);
        if (!locked) throw notFound('recurring_payment.not_found');
        if (locked.status !== 'active') throw conflict('recurring_payment.not_active');
        await recurringPaymentRepo.update(tx, clusterId, recurringId, {
          status: 'cancelled',
          cancelled_at: this.clock(),
        });
        await this.audit.record(tx, clusterId, {
          action: 'currency.recurring_cancelled',
          isPublic: false,
          payload: { recurringPaymentId: recurringId, by: access.actor.personId },
        });
        return recurringView(await this.load(tx, clusterId, recurringId), schedule.payer_account_id);
      },
    );
  }

  /**
   * The payer's representatives pay an occurrence the ledger refused on its day, now that the
   * account has room: the same payee, amount and description, under the same limits. The
   * occurrence then counts as paid and keeps why it was refused and when it was paid. Whatever the
   * schedule's state: a missed fee is owed even once the order has ended.
   */
  async payRefused(
    actor: Actor,
    slug: string,
    recurringId: string,
    dueOn: string,
    idempotencyKey: string | undefined,
  ) {
    const { access, schedule } = await this.payersSchedule(actor, slug, recurringId);
    const clusterId = access.cluster.id;
    requireDay(dueOn, 'dueOn');
    return this.currency.writes.run(
      {
        clusterId,
        personId: access.actor.personId,
        key: idempotencyKey,
        operation: `recurring-payment-pay-refused:${recurringId}:${dueOn}`,
        body: null,
      },
      async (tx) => {
        const occurrence = await recurringPaymentRepo.lockOccurrence(tx, clusterId, recurringId, dueOn);
        if (!occurrence) throw notFound('recurring_payment.occurrence_not_found');
        if (occurrence.outcome === 'paid') throw conflict('recurring_payment.occurrence_paid');
        const now = this.clock();
        const currency = await this.currency.requireCurrency(tx, clusterId);
        const { transfer } = await this.currency.ledger.write(
          tx,
          currency,
          occurrencePayment(schedule, access.actor.personId),
          now,
        );
        await recurringPaymentRepo.markPaidLate(tx, clusterId, recurringId, dueOn, transfer.id, now);
        await recurringPaymentRepo.update(tx, clusterId, recurringId, {
          last_failure: await recurringPaymentRepo.latestRefusal(tx, clusterId, recurringId),
        });
        return recurringView(await this.load(tx, clusterId, recurringId), schedule.payer_account_id);
      },
    );
  }

  /**
   * Pays every occurrence due by `now`'s day (UTC) in every cluster. A schedule that fails
   * unexpectedly does not stop the others; such failures are thrown together at the end.
   */
  async runDue(now: Date): Promise<RunResult> {
    const today = dayOf(now);
    const totals = { paid: 0, failed: 0, finished: 0 };
    const errors: unknown[] = [];
    let after: readonly [string, string] | null = null;
    for (let batch = 0; batch < MAX_BATCHES; batch++) {
      const due = await recurringPaymentRepo.due(this.db, today, after, DUE_BATCH);
      for (const schedule of due) {
        try {
          for (let i = 0; i < MAX_CATCH_UP; i++) {
            const handled = await this.withRetry(() =>
              this.handleNextOccurrence(schedule.cluster_id, schedule.id, today, now),
            );
            if (!handled) break;
            totals.paid += handled.paid;
            totals.failed += handled.failed;
            totals.finished += handled.finished;
          }
        } catch (error) {
          errors.push(error);
        }
      }
      this.mail.deliver();
      const last = due.at(-1);
      if (!last || due.length < DUE_BATCH) break;
      after = [last.cluster_id, last.id];
    }
    if (errors.length > 0) throw new AggregateError(errors, `${errors.length} recurring payments failed`);
    return totals;
  }

  private async withRetry<T>(work: () => Promise<T>): Promise<T> {
    for (let attempt = 1; ; attempt++) {
      try {
        return await work();
      } catch (error) {
        if (!isRetryable(error) || attempt >= MAX_ATTEMPTS) throw error;
      }
    }
  }

  /** Pays or refuses the schedule's next occurrence if it is due; null when none is. */
  private handleNextOccurrence(
    clusterId: string,
    id: string,
    today: string,
    now: Date,
  ): Promise<RunResult | null> {
    return this.db.transaction().execute(async (tx) => {
      const schedule = await recurringPaymentRepo.lock(tx, clusterId, id, { skipLocked: true });
      if (schedule?.status !== 'active' || schedule.next_due_on > today) return null;
      const dueOn = schedule.next_due_on;
      if (schedule.ends_on !== null && dueOn > schedule.ends_on) {
        await recurringPaymentRepo.update(tx, clusterId, id, { status: 'finished' });
        return { paid: 0, failed: 0, finished: 1 };
      }
      const currency = await this.currency.requireCurrency(tx, clusterId);
      const attempt = await attemptInSavepoint(tx, () =>
        this.currency.ledger.write(
          tx,
          currency,
          // The representative who set the order up consented to each of its payments.
          occurrencePayment(schedule, schedule.created_by),
          now,
        ),
      );
      await recurringPaymentRepo.insertOccurrence(tx, {
        cluster_id: clusterId,
        recurring_payment_id: id,
        due_on: dueOn,
        outcome: attempt.ok ? 'paid' : 'failed',
        transfer_id: attempt.ok ? attempt.value.transfer.id : null,
        failure: attempt.ok ? null : attempt.refusal,
        handled_at: now,
      });
      const next = nextOccurrence(schedule.first_due_on, schedule.every, dueOn);
      const isFinished = schedule.ends_on !== null && next > schedule.ends_on;
      await recurringPaymentRepo.update(tx, clusterId, id, {
        next_due_on: next,
        status: isFinished ? 'finished' : 'active',
        last_failure: attempt.ok ? null : attempt.refusal,
      });
      if (!attempt.ok) {
        const refusal = attempt.refusal;
        const named = await this.load(tx, clusterId, id);
        const cluster = await tx
          .selectFrom('cluster')
          .select(['slug', 'name'])
          .where('id', '=', clusterId)
          .executeTakeFirstOrThrow();
        await this.mail.send(tx, clusterId, schedule.payer_account_id, {
          subject: 'mail.recurring_payment.failed.subject',
          body: 'mail.recurring_payment.failed.body',
          params: (locale) => ({
            payer: named.payer_name,
            payee: named.payee_name,
            description: named.description,
            amount: formatAmount(named.amount_minor, currency, locale),
            due: formatDay(dueOn, locale),
            next: isFinished ? 'none' : formatDay(next, locale),
            reason: refusalMessage(refusal, locale),
          }),
          path: accountPaths.recurring(cluster.slug, schedule.payer_account_id),
        });
      }
      return { paid: attempt.ok ? 1 : 0, failed: attempt.ok ? 0 : 1, finished: isFinished ? 1 : 0 };
    });
  }

  /** The schedule, once the actor is known to act for the account that pays it. */
  private async payersSchedule(actor: Actor, slug: string, recurringId: string) {
    const access = await this.access.require(actor, slug, 'currency.use');
    const schedule = await recurringPaymentRepo.find(this.db, access.cluster.id, recurringId);
    if (!schedule) throw notFound('recurring_payment.not_found');
    await this.currency.accountOf(this.db, access, schedule.payer_account_id, 'act');
    return { access, schedule };
  }

  private async load(db: Queryable, clusterId: string, id: string): Promise<RecurringPaymentRow> {
    const row = await recurringPaymentRepo.findNamed(db, clusterId, id);
    if (!row) throw notFound('recurring_payment.not_found');
    return row;
  }
}
