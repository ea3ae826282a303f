import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  type CurrencyCluster,
  createCurrencyCluster,
  payment,
  type TestMember,
} from '../../../../test/support/currency-fixture.ts';
import {
  balanceOf,
  keyed,
  members,
  newestMail,
  requestServices,
  setUpRecurring,
} from '../../../../test/support/payment-request-fixture.ts';
import { createTestContext, type TestContext } from '../../../../test/support/test-app.ts';
import { scheduleRecurringPayments } from './recurring-scheduler.ts';

let ctx: TestContext;
beforeAll(async () => {
  ctx = await createTestContext({ rateLimitScale: 100 });
});
afterAll(async () => {
  await ctx.close();
});

/** Schedules start in the future (a first date cannot be past); the runs then move time forward. */
const year = new Date().getUTCFullYear() + 1;
const at = (day: string) => new Date(`${day}T06:00:00Z`);

const scheduleOf = async (cluster: CurrencyCluster, member: TestMember, id: string) => {
  const list = await member.representative.client.get(
    `${cluster.base}/accounts/${member.accountId}/recurring-payments`,
  );
  return list.body.items.find((item: { id: string }) => item.id === id);
};

const paidDays = async (id: string) =>
  (
    await ctx.db
      .selectFrom('currency_recurring_occurrence as o')
      .innerJoin('currency_transfer as t', (join) =>
        join.onRef('t.cluster_id', '=', 'o.cluster_id').onRef('t.id', '=', 'o.transfer_id'),
      )
      .select(['o.due_on', 't.amount_minor', 't.origin', 't.origin_id'])
      .where('o.recurring_payment_id', '=', id)
      .orderBy('o.due_on')
      .execute()
  ).map((row) => {
    expect([row.origin, row.origin_id]).toEqual(['recurring', id]);
    return row.due_on;
  });

describe('recurring payments', () => {
  it('pays every due occurrence exactly once, even when two runs race', async () => {
    const cluster = await createCurrencyCluster(ctx, { members: 2 });
    const [payer, payee] = members(cluster);
    const created = await setUpRecurring(cluster, payer, payee, {
      amountMinor: 10_00,
      every: 'week',
      firstDueOn: `${year}-03-02`,
    });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({
      direction: 'outgoing',
      status: 'active',
      nextDueOn: `${year}-03-02`,
      payeeName: payee.name,
      lastOccurrence: null,
    });
    // runDue covers every cluster; each test looks at its own schedules only.
    const services = requestServices(ctx);
    await services.recurringPayments.runDue(at(`${year}-03-01`));
    expect(await paidDays(created.body.id)).toEqual([]);
    await Promise.all([
      services.recurringPayments.runDue(at(`${year}-03-16`)),
      services.recurringPayments.runDue(at(`${year}-03-16`)),
      requestServices(ctx).recurringPayments.runDue(at(`${year}-03-16`)),
    ]);
    expect(await paidDays(created.body.id)).toEqual([`${year}-03-02`, `${year}-03-09`, `${year}-03-16`]);
    expect([await balanceOf(cluster, payer), await balanceOf(cluster, payee)]).toEqual([-30_00, 30_00]);
    await services.recurringPayments.runDue(at(`${year}-03-16`));
    expect(await balanceOf(cluster, payer)).toBe(-30_00);
    expect(await scheduleOf(cluster, payer, created.body.id)).toMatchObject({
      nextDueOn: `${year}-03-23`,
      lastOccurrence: { dueOn: `${year}-03-16`, outcome: 'paid' },
      lastFailure: null,
    });
    expect(await scheduleOf(cluster, payee, created.body.id)).toMatchObject({ direction: 'incoming' });
  });

  it('keeps the day of a month-end schedule through February', async () => {
    const cluster = await createCurrencyCluster(ctx, { members: 2 });
    const [payer, payee] = members(cluster);
    const created = await setUpRecurring(cluster, payer, payee, {
      amountMinor: 1_00,
      every: 'month',
      firstDueOn: `${year}-01-31`,
    });
    const { recurringPayments } = requestServices(ctx);
    await recurringPayments.runDue(at(`${year}-02-27`));
    await recurringPayments.runDue(at(`${year}-04-30`));
    const february = new Date(Date.UTC(year, 2, 0)).getUTCDate();
    expect(await paidDays(created.body.id)).toEqual([
      `${year}-01-31`,
      `${year}-02-${february}`,
      `${year}-03-31`,
      `${year}-04-30`,
    ]);
    expect((await scheduleOf(cluster, payer, created.body.id)).nextDueOn).toBe(`${year}-05-31`);
  });

  it('records a refused occurrence, tells the payer and goes on with the other schedules', async () => {
    const cluster = await createCurrencyCluster(ctx);
    const [payer, payee, other] = members(cluster);
    const tooBig = await setUpRecurring(cluster, payer, payee, {
      amountMinor: 100_001,
      every: 'month',
      firstDueOn: `${year}-05-10`,
      description: 'Rent of the hall',
    });
    const fine = await setUpRecurring(cluster, other, payee, {
      amountMinor: 5_00,
      every: 'month',
      firstDueOn: `${year}-05-10`,
    });
    await requestServices(ctx).recurringPayments.runDue(at(`${year}-05-10`));
    expect(await paidDays(fine.body.id)).toEqual([`${year}-05-10`]);
    expect(await balanceOf(cluster, payer)).toBe(0);
    expect(await balanceOf(cluster, other)).toBe(-5_00);
    payer.representative.client.cookies.set('kopa_locale', 'it');
    expect(await scheduleOf(cluster, payer, tooBig.body.id)).toMatchObject({
      status: 'active',
      nextDueOn: `${year}-06-10`,
      lastFailure: 'currency.limit_exceeded',
      lastFailureMessage: expect.stringContaining('limite di credito'),
      lastOccurrence: { dueOn: `${year}-05-10`, outcome: 'failed' },
    });
    expect(await scheduleOf(cluster, other, fine.body.id)).toMatchObject({ lastFailure: null });
    const mail = await newestMail(ctx, payer.representative.email);
    expect(mail.subject).toBe(`A recurring payment of ${payer.name} to ${payee.name} could not be made`);
    expect(mail.body_text).toContain('past its credit limit');
    expect(mail.body_text).toContain('Rent of the hall');
    expect(mail.body_text).toContain(`/clusters/${cluster.slug}/currency/${payer.accountId}/recurring`);
  });

  it('lets the payer pay a refused occurrence once the account has room, and only once', async () => {
    const cluster = await createCurrencyCluster(ctx);
    const [payer, payee, other] = members(cluster);
    const created = await setUpRecurring(cluster, payer, payee, {
      amountMinor: 60_000,
      every: 'month',
      firstDueOn: `${year}-03-01`,
      description: 'Membership fee',
    });
    const id = created.body.id;
    const { recurringPayments } = requestServices(ctx);
    await recurringPayments.runDue(at(`${year}-04-01`));
    // March is paid; April would take the account past its credit limit of 100,000.
    expect(await scheduleOf(cluster, payer, id)).toMatchObject({
      lastFailure: 'currency.limit_exceeded',
      lastOccurrence: { dueOn: `${year}-04-01`, outcome: 'failed', paidLateAt: null },
    });
    const payApril = `${cluster.base}/recurring-payments/${id}/occurrences/${year}-04-01/pay`;

    const stillNoRoom = await keyed(payer.representative, 'POST', payApril);
    expect([stillNoRoom.status, stillNoRoom.body.error.code]).toEqual([409, 'currency.limit_exceeded']);
    expect(await paidDays(id)).toEqual([`${year}-03-01`]);

    const income = await payment(cluster, other, payer, 30_000);
    expect(income.status).toBe(201);
    const key = randomUUID();
    const paid = await keyed(payer.representative, 'POST', payApril, undefined, key);
    expect(paid.status).toBe(200);
    expect(paid.body).toMatchObject({
      lastFailure: null,
      lastOccurrence: { dueOn: `${year}-04-01`, outcome: 'paid', paidLateAt: expect.any(String) },
    });
    expect(await paidDays(id)).toEqual([`${year}-03-01`, `${year}-04-01`]);
    expect(await balanceOf(cluster, payer)).toBe(-60_000 + 30_000 - 60_000);
    // Why it was refused on its day is kept beside the late payment.
    const april = await ctx.db
      .selectFrom('currency_recurring_occurrence')
      .select(['failure', 'paid_late_at'])
      .where('recurring_payment_id', '=', id)
      .where('due_on', '=', `${year}-04-01`)
      .executeTakeFirstOrThrow();
    expect(april.failure).toBe('currency.limit_exceeded');
    expect(april.paid_late_at).toBeInstanceOf(Date);

    // A retry with the same key gives the same answer; a new request is refused; nothing doubles.
    expect((await keyed(payer.representative, 'POST', payApril, undefined, key)).body).toEqual(paid.body);
    const again = await keyed(payer.representative, 'POST', payApril);
    expect([again.status, again.body.error.code]).toEqual([409, 'recurring_payment.occurrence_paid']);
    expect(await balanceOf(cluster, payer)).toBe(-90_000);
    // The scheduler goes on with May as usual.
    expect((await scheduleOf(cluster, payer, id)).nextDueOn).toBe(`${year}-05-01`);
  });

  it('refuses to pay an occurrence that was never due, a day that does not exist, or for someone else', async () => {
    const cluster = await createCurrencyCluster(ctx);
    const [payer, payee, other] = members(cluster);
    const created = await setUpRecurring(cluster, payer, payee, {
      amountMinor: 100_001,
      every: 'month',
      firstDueOn: `${year}-03-01`,
    });
    await requestServices(ctx).recurringPayments.runDue(at(`${year}-03-01`));
    const pay = (day: string) =>
      `${cluster.base}/recurring-payments/${created.body.id}/occurrences/${day}/pay`;
    const never = await keyed(payer.representative, 'POST', pay(`${year}-03-02`));
    expect([never.status, never.body.error.code]).toEqual([404, 'recurring_payment.occurrence_not_found']);
    const impossible = await keyed(payer.representative, 'POST', pay(`${year}-02-30`));
    expect([impossible.status, impossible.body.error.code, impossible.body.error.field]).toEqual([
      400,
      'validation.format',
      'dueOn',
    ]);
    const notTheirs = await keyed(other.representative, 'POST', pay(`${year}-03-01`));
    expect([notTheirs.status, notTheirs.body.error.code]).toEqual([403, 'auth.forbidden']);
    expect(await paidDays(created.body.id)).toEqual([]);
  });

  it('stops at the end date, and pays nothing once cancelled', async () => {
    const cluster = await createCurrencyCluster(ctx);
    const [payer, payee, other] = members(cluster);
    const ending = await setUpRecurring(cluster, payer, payee, {
      amountMinor: 2_00,
      every: 'quarter',
      firstDueOn: `${year}-01-15`,
      endsOn: `${year}-07-15`,
    });
    const cancelled = await setUpRecurring(cluster, other, payee, {
      amountMinor: 3_00,
      every: 'week',
      firstDueOn: `${year}-01-15`,
    });
    const cancel = (key = randomUUID()) =>
      keyed(
        other.representative,
        'POST',
        `${cluster.base}/recurring-payments/${cancelled.body.id}/cancel`,
        undefined,
        key,
      );
    const byPayee = await keyed(
      payee.representative,
      'POST',
      `${cluster.base}/recurring-payments/${cancelled.body.id}/cancel`,
    );
    expect(byPayee.status).toBe(403);
    const done = await cancel();
    expect(done.body).toMatchObject({ status: 'cancelled', nextDueOn: null });
    expect((await cancel()).body.error.code).toBe('recurring_payment.not_active');

    await requestServices(ctx).recurringPayments.runDue(at(`${year + 1}-12-31`));
    expect(await paidDays(ending.body.id)).toEqual([`${year}-01-15`, `${year}-04-15`, `${year}-07-15`]);
    expect(await paidDays(cancelled.body.id)).toEqual([]);
    expect(await scheduleOf(cluster, payer, ending.body.id)).toMatchObject({
      status: 'finished',
      nextDueOn: null,
    });
    const listed = await payer.representative.client.get(
      `${cluster.base}/accounts/${payer.accountId}/recurring-payments?status=active`,
    );
    expect(listed.body.items).toEqual([]);
  });

  it('runs from the server’s scheduler on its clock', async () => {
    const cluster = await createCurrencyCluster(ctx, { members: 2 });
    const [payer, payee] = members(cluster);
    const created = await setUpRecurring(cluster, payer, payee, {
      amountMinor: 4_00,
      every: 'year',
      firstDueOn: `${year}-02-01`,
    });
    const errors: unknown[] = [];
    const stop = scheduleRecurringPayments(
      requestServices(ctx).recurringPayments,
      () => at(`${year}-02-01`),
      (error) => errors.push(error),
    );
    await stop();
    expect(errors).toEqual([]);
    expect(await paidDays(created.body.id)).toEqual([`${year}-02-01`]);
  });

  it.each([
    [
      'a first date in the past',
      { firstDueOn: '2020-01-01' },
      'recurring_payment.first_due_in_past',
      'firstDueOn',
    ],
    ['an end before the start', { endsOn: `${year}-01-01` }, 'recurring_payment.ends_before_start', 'endsOn'],
    ['an impossible end date', { endsOn: `${year}-02-30` }, 'validation.format', 'endsOn'],
    ['an unknown interval', { every: 'day' }, 'validation.not_allowed_value', 'every'],
  ])('refuses %s', async (_name, change, code, field) => {
    const cluster = await createCurrencyCluster(ctx, { members: 2 });
    const [payer, payee] = members(cluster);
    const refused = await setUpRecurring(cluster, payer, payee, {
      amountMinor: 1_00,
      every: 'month',
      firstDueOn: `${year}-03-01`,
      ...change,
    });
    expect([refused.status, refused.body.error.code, refused.body.error.field]).toEqual([400, code, field]);
  });

  it('is set up and listed only by the account’s representatives, and records both ends on the audit chain', async () => {
    const cluster = await createCurrencyCluster(ctx);
    const [payer, payee, other] = members(cluster);
    const input = {
      toAccountId: payee.accountId,
      amountMinor: 1_00,
      description: 'x',
      every: 'month',
      firstDueOn: `${year}-01-01`,
    };
    const url = `${cluster.base}/accounts/${payer.accountId}/recurring-payments`;
    expect((await keyed(other.representative, 'POST', url, input)).status).toBe(403);
    expect((await other.representative.client.get(url)).status).toBe(403);
    const created = await keyed(payer.representative, 'POST', url, input);
    await keyed(payer.representative, 'POST', `${cluster.base}/recurring-payments/${created.body.id}/cancel`);
    const unknown = await keyed(
      payer.representative,
      'POST',
      `${cluster.base}/recurring-payments/${randomUUID()}/cancel`,
    );
    expect(unknown.body.error.code).toBe('recurring_payment.not_found');
    const events = await ctx.db
      .selectFrom('audit_event')
      .select(['action', 'is_public'])
      .where('cluster_id', '=', cluster.id)
      .where('action', 'like', 'currency.recurring%')
      .orderBy('seq')
      .execute();
    expect(events).toEqual([
      { action: 'currency.recurring_created', is_public: false },
      { action: 'currency.recurring_cancelled', is_public: false },
    ]);
  });
});
