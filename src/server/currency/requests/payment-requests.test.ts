import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  type CurrencyCluster,
  createCurrencyCluster,
  payment,
  type TestMember,
} from '../../../../test/support/currency-fixture.ts';
import {
  actOnRequest,
  balanceOf,
  keyed,
  mailSubjects,
  members,
  newestMail,
  requestPayment,
  trust,
} from '../../../../test/support/payment-request-fixture.ts';
import { createTestContext, type TestContext } from '../../../../test/support/test-app.ts';
import { verifyAll } from '../../transparency/verify.ts';

let ctx: TestContext;
beforeAll(async () => {
  ctx = await createTestContext({ rateLimitScale: 100 });
});
afterAll(async () => {
  await ctx.close();
});

const requestsOf = async (cluster: CurrencyCluster, member: TestMember, query = '') =>
  (await member.representative.client.get(`${cluster.base}/accounts/${member.accountId}/requests${query}`))
    .body;

const transfersFor = (cluster: CurrencyCluster) =>
  ctx.db.selectFrom('currency_transfer').selectAll().where('cluster_id', '=', cluster.id).execute();

const nextYear = () => `${new Date().getUTCFullYear() + 1}-06-30`;

describe('requesting a payment', () => {
  it('is paid when the payer accepts: balances move, both sides see it, the requester is told', async () => {
    const cluster = await createCurrencyCluster(ctx, { members: 2 });
    const [payer, payee] = members(cluster);
    const asked = await requestPayment(cluster, payee, payer, 45_00, {
      description: 'Catering, March assembly',
      dueOn: nextYear(),
    });
    expect(asked.status).toBe(201);
    expect(asked.body).toMatchObject({
      direction: 'outgoing',
      status: 'open',
      amountMinor: 45_00,
      payerName: payer.name,
      payeeName: payee.name,
      dueOn: nextYear(),
      autoPaymentRefusal: null,
    });
    const incoming = await requestsOf(cluster, payer, '?direction=incoming&status=open');
    expect(incoming.items).toEqual([
      expect.objectContaining({
        id: asked.body.id,
        direction: 'incoming',
        description: 'Catering, March assembly',
      }),
    ]);
    expect(await mailSubjects(ctx, payer.representative.email)).toContain(
      `${payee.name} asks ${payer.name} to pay 45.00 KPC`,
    );

    const accepted = await actOnRequest(cluster, payer.representative, asked.body.id, 'accept');
    expect(accepted.status).toBe(200);
    expect(accepted.body).toMatchObject({
      request: { status: 'paid', direction: 'incoming' },
      payment: { feeMinor: 0, balanceAfterMinor: -45_00 },
    });
    expect([await balanceOf(cluster, payer), await balanceOf(cluster, payee)]).toEqual([-45_00, 45_00]);
    const [transfer] = await transfersFor(cluster);
    expect(transfer).toMatchObject({
      id: accepted.body.request.transferId,
      kind: 'payment',
      origin: 'request',
      origin_id: asked.body.id,
      created_by: payer.representative.id,
    });
    expect((await requestsOf(cluster, payee)).items[0]).toMatchObject({
      status: 'paid',
      direction: 'outgoing',
    });
    const told = await newestMail(ctx, payee.representative.email);
    expect(told.subject).toBe(`${payer.name} paid your request of 45.00 KPC`);
    expect(told.body_text).toContain(`/clusters/${cluster.slug}/currency/${payee.accountId}/requests`);
  });

  it('is declined with a reason the requester reads, and then cannot be paid', async () => {
    const cluster = await createCurrencyCluster(ctx, { members: 2 });
    const [payer, payee] = members(cluster);
    const asked = await requestPayment(cluster, payee, payer, 12_00);
    const declined = await actOnRequest(cluster, payer.representative, asked.body.id, 'decline', {
      reason: 'We never received the goods',
    });
    expect(declined.body).toMatchObject({ status: 'declined', declineReason: 'We never received the goods' });
    expect((await requestsOf(cluster, payee)).items[0]).toMatchObject({
      status: 'declined',
      declineReason: 'We never received the goods',
    });
    expect((await newestMail(ctx, payee.representative.email)).body_text).toContain(
      'Their reason: We never received the goods',
    );
    const late = await actOnRequest(cluster, payer.representative, asked.body.id, 'accept');
    expect([late.status, late.body.error.code]).toEqual([409, 'payment_request.not_open']);
    expect(await balanceOf(cluster, payer)).toBe(0);
  });

  it('can be withdrawn by the requester while it is open, and only by them', async () => {
    const cluster = await createCurrencyCluster(ctx, { members: 2 });
    const [payer, payee] = members(cluster);
    const asked = await requestPayment(cluster, payee, payer, 5_00);
    const byPayer = await actOnRequest(cluster, payer.representative, asked.body.id, 'withdraw');
    expect(byPayer.status).toBe(403);
    const withdrawn = await actOnRequest(cluster, payee.representative, asked.body.id, 'withdraw');
    expect(withdrawn.body).toMatchObject({ status: 'withdrawn', direction: 'outgoing' });
    const again = await actOnRequest(cluster, payee.representative, asked.body.id, 'withdraw');
    expect(again.body.error.code).toBe('payment_request.not_open');
    const accept = await actOnRequest(cluster, payer.representative, asked.body.id, 'accept');
    expect(accept.body.error.code).toBe('payment_request.not_open');
    expect(await transfersFor(cluster)).toEqual([]);
  });

  it('is paid once however often it is accepted: 409 for a second acceptance, the original answer for a retry', async () => {
    const cluster = await createCurrencyCluster(ctx, { members: 2 });
    const [payer, payee] = members(cluster);
    const asked = await requestPayment(cluster, payee, payer, 8_00);
    const key = randomUUID();
    const first = await actOnRequest(cluster, payer.representative, asked.body.id, 'accept', { key });
    const retry = await actOnRequest(cluster, payer.representative, asked.body.id, 'accept', { key });
    expect(retry.headers['idempotent-replayed']).toBe('true');
    expect(retry.body).toEqual(first.body);
    const second = await actOnRequest(cluster, payer.representative, asked.body.id, 'accept');
    expect([second.status, second.body.error.code]).toEqual([409, 'payment_request.not_open']);
    expect(second.body.error.message).toMatch(/no longer open/);
    expect(await transfersFor(cluster)).toHaveLength(1);
    expect(await balanceOf(cluster, payer)).toBe(-8_00);
  });

  it('is paid once when representatives accept it at the same moment', async () => {
    const cluster = await createCurrencyCluster(ctx, { members: 2 });
    const [payer, payee] = members(cluster);
    const asked = await requestPayment(cluster, payee, payer, 3_00);
    const answers = await Promise.all(
      Array.from({ length: 6 }, () => actOnRequest(cluster, payer.representative, asked.body.id, 'accept')),
    );
    expect(answers.map((answer) => answer.status).sort()).toEqual([200, 409, 409, 409, 409, 409]);
    expect(await transfersFor(cluster)).toHaveLength(1);
    expect(await balanceOf(cluster, payee)).toBe(3_00);
  });

  it('cannot be accepted past the payer’s credit limit: 409, nothing written, still open', async () => {
    const cluster = await createCurrencyCluster(ctx, { members: 2 });
    const [payer, payee] = members(cluster);
    const asked = await requestPayment(cluster, payee, payer, 100_001);
    const refused = await actOnRequest(cluster, payer.representative, asked.body.id, 'accept');
    expect([refused.status, refused.body.error.code]).toEqual([409, 'currency.limit_exceeded']);
    expect(await transfersFor(cluster)).toEqual([]);
    expect((await requestsOf(cluster, payer)).items[0]).toMatchObject({ status: 'open' });
    await payment(cluster, payee, payer, 1);
    expect((await actOnRequest(cluster, payer.representative, asked.body.id, 'accept')).status).toBe(200);
  });

  it('can be accepted only by the payer’s representatives', async () => {
    const cluster = await createCurrencyCluster(ctx);
    const [payer, payee, other] = members(cluster);
    const asked = await requestPayment(cluster, payee, payer, 2_00);
    for (const person of [payee.representative, other.representative, cluster.coordinator]) {
      expect((await actOnRequest(cluster, person, asked.body.id, 'accept')).status).toBe(403);
      expect((await actOnRequest(cluster, person, asked.body.id, 'decline')).status).toBe(403);
    }
    const unknown = await actOnRequest(cluster, payer.representative, randomUUID(), 'accept');
    expect([unknown.status, unknown.body.error.code]).toEqual([404, 'payment_request.not_found']);
    const othersList = await other.representative.client.get(
      `${cluster.base}/accounts/${payer.accountId}/requests`,
    );
    expect(othersList.status).toBe(403);
    expect((await ctx.client().get(`${cluster.base}/accounts/${payer.accountId}/requests`)).status).toBe(401);
    expect(await transfersFor(cluster)).toEqual([]);
  });

  it.each([
    [
      'from the requester’s own account',
      (p: TestMember) => p.accountId,
      1_00,
      {},
      400,
      'currency.same_account',
    ],
    ['of nothing', () => null, 0, {}, 400, 'validation.out_of_range'],
    ['due in the past', () => null, 1_00, { dueOn: '2020-01-01' }, 400, 'payment_request.due_in_past'],
    ['due on a day that does not exist', () => null, 1_00, { dueOn: '2031-02-30' }, 400, 'validation.format'],
    ['from an unknown account', () => randomUUID(), 1_00, {}, 404, 'currency.account_not_found'],
  ] as const)('is refused %s', async (_name, payerOf, amount, extra, status, code) => {
    const cluster = await createCurrencyCluster(ctx, { members: 2 });
    const [payer, payee] = members(cluster);
    const payerAccountId = payerOf(payee) ?? payer.accountId;
    const refused = await requestPayment(cluster, payee, { accountId: payerAccountId }, amount, extra);
    expect([refused.status, refused.body.error.code]).toEqual([status, code]);
    expect(await requestsOf(cluster, payer)).toMatchObject({ items: [] });
  });

  it('needs an idempotency key, and a foreign cluster’s account is unknown', async () => {
    const cluster = await createCurrencyCluster(ctx, { members: 2 });
    const other = await createCurrencyCluster(ctx, { members: 1 });
    const [, payee] = members(cluster);
    const missing = await payee.representative.client.post(
      `${cluster.base}/accounts/${payee.accountId}/requests`,
      {
        payerAccountId: members(cluster)[0].accountId,
        amountMinor: 100,
        description: 'x',
      },
    );
    expect(missing.body.error.code).toBe('currency.idempotency_key_required');
    const foreign = await requestPayment(cluster, payee, members(other)[0], 1_00);
    expect([foreign.status, foreign.body.error.code]).toEqual([404, 'currency.account_not_found']);
  });

  it('lists requests by direction and status, a page at a time', async () => {
    const cluster = await createCurrencyCluster(ctx);
    const [a, b, c] = members(cluster);
    const ids: string[] = [];
    for (let i = 1; i <= 3; i++) ids.push((await requestPayment(cluster, b, a, i * 100)).body.id);
    ids.push((await requestPayment(cluster, a, c, 400)).body.id);
    await actOnRequest(cluster, a.representative, ids[0] as string, 'decline');
    const first = await requestsOf(cluster, a, '?limit=2');
    const second = await requestsOf(cluster, a, `?limit=2&cursor=${first.nextCursor}`);
    expect([...first.items, ...second.items].map((r: { id: string }) => r.id)).toEqual([...ids].reverse());
    expect(second.nextCursor).toBeNull();
    expect(
      (await requestsOf(cluster, a, '?direction=outgoing')).items.map((r: { id: string }) => r.id),
    ).toEqual([ids[3]]);
    expect(
      (await requestsOf(cluster, a, '?direction=incoming&status=open')).items.map(
        (r: { amountMinor: number }) => r.amountMinor,
      ),
    ).toEqual([300, 200]);
    const forged = await a.representative.client.get(
      `${cluster.base}/accounts/${a.accountId}/requests?cursor=abc`,
    );
    expect(forged.body.error.code).toBe('validation.format');
  });

  it('records creation, declining and withdrawing on the audit chain, which still verifies', async () => {
    const cluster = await createCurrencyCluster(ctx, { members: 2 });
    const [payer, payee] = members(cluster);
    const declined = await requestPayment(cluster, payee, payer, 1_00);
    await actOnRequest(cluster, payer.representative, declined.body.id, 'decline', { reason: 'No' });
    const withdrawn = await requestPayment(cluster, payee, payer, 2_00);
    await actOnRequest(cluster, payee.representative, withdrawn.body.id, 'withdraw');
    const paid = await requestPayment(cluster, payee, payer, 3_00);
    await actOnRequest(cluster, payer.representative, paid.body.id, 'accept');
    const events = await ctx.db
      .selectFrom('audit_event')
      .select(['action', 'is_public', 'payload'])
      .where('cluster_id', '=', cluster.id)
      .where('action', 'like', 'currency.%')
      .where('action', '!=', 'currency.created')
      .orderBy('seq')
      .execute();
    expect(events.map((event) => event.action)).toEqual([
      'currency.request_created',
      'currency.request_declined',
      'currency.request_created',
      'currency.request_withdrawn',
      'currency.request_created',
      'currency.payment',
    ]);
    expect(events.every((event) => !event.is_public)).toBe(true);
    expect(events.at(-1)?.payload).toMatchObject({ origin: 'request', originId: paid.body.id });
    expect(JSON.stringify(events[1]?.payload)).not.toContain('No');
    const report = await verifyAll(ctx.db, cluster.slug, new Set([ctx.audit.keyId]));
    expect(report).toEqual([expect.objectContaining({ isValid: true })]);
  });
});

describe('trusted payees', () => {
  it('pays a trusted payee’s request at once when it is within the trusted amount', async () => {
    const cluster = await createCurrencyCluster(ctx, { members: 2 });
    const [payer, payee] = members(cluster);
    expect((await trust(cluster, payer, payee, 50_00)).body).toMatchObject({
      payeeAccountId: payee.accountId,
      payeeName: payee.name,
      maxAmountMinor: 50_00,
    });
    const within = await requestPayment(cluster, payee, payer, 50_00);
    expect(within.body).toMatchObject({ status: 'paid', autoPaymentRefusal: null });
    expect([await balanceOf(cluster, payer), await balanceOf(cluster, payee)]).toEqual([-50_00, 50_00]);
    const [transfer] = await transfersFor(cluster);
    expect(transfer).toMatchObject({ origin: 'request', origin_id: within.body.id, created_by: null });
    expect((await newestMail(ctx, payer.representative.email)).subject).toBe(
      `${payer.name} paid ${payee.name} 50.00 KPC automatically`,
    );

    const above = await requestPayment(cluster, payee, payer, 50_01);
    expect(above.body).toMatchObject({ status: 'open', autoPaymentRefusal: null });
    expect(await balanceOf(cluster, payer)).toBe(-50_00);
  });

  it('leaves the request open with the reason when the ledger refuses the automatic payment', async () => {
    const cluster = await createCurrencyCluster(ctx, { members: 2 });
    const [payer, payee] = members(cluster);
    await trust(cluster, payer, payee, 200_000);
    // The reader's chosen language, as the language switcher sets it.
    payee.representative.client.cookies.set('kopa_locale', 'fr');
    const asked = await requestPayment(cluster, payee, payer, 100_001);
    expect(asked.status).toBe(201);
    expect(asked.body).toMatchObject({ status: 'open', autoPaymentRefusal: 'currency.limit_exceeded' });
    expect(asked.body.autoPaymentRefusalMessage).toMatch(/limite de crédit/);
    expect(await transfersFor(cluster)).toEqual([]);
    expect((await requestsOf(cluster, payer)).items[0]).toMatchObject({
      status: 'open',
      autoPaymentRefusal: 'currency.limit_exceeded',
      autoPaymentRefusalMessage: expect.stringContaining('credit limit'),
    });
    expect((await newestMail(ctx, payer.representative.email)).body_text).toContain(
      'It could not be paid automatically: This payment would take the account past its credit limit',
    );
    const events = await ctx.db
      .selectFrom('audit_event')
      .select('action')
      .where('cluster_id', '=', cluster.id)
      .where('action', '=', 'currency.request_created')
      .execute();
    expect(events).toHaveLength(1);
  });

  it('are listed, changed and removed by the payer’s representatives only', async () => {
    const cluster = await createCurrencyCluster(ctx);
    const [payer, payee, other] = members(cluster);
    await trust(cluster, payer, payee, 10_00);
    await trust(cluster, payer, other, 20_00);
    await trust(cluster, payer, payee, 15_00);
    const url = `${cluster.base}/accounts/${payer.accountId}/trusted-payees`;
    const listed = (await payer.representative.client.get(url)).body;
    expect(
      listed.items.map((t: { payeeName: string; maxAmountMinor: number }) => [t.payeeName, t.maxAmountMinor]),
    ).toEqual(
      [
        [payee.name, 15_00],
        [other.name, 20_00],
      ].sort((x, y) => String(x[0]).localeCompare(String(y[0]), 'en')),
    );
    const paged = (await payer.representative.client.get(`${url}?limit=1`)).body;
    expect(paged.items).toHaveLength(1);
    expect(
      (await payer.representative.client.get(`${url}?limit=1&cursor=${paged.nextCursor}`)).body.items,
    ).toHaveLength(1);

    expect(
      (await keyed(payee.representative, 'PUT', `${url}/${payee.accountId}`, { maxAmountMinor: 1 })).status,
    ).toBe(403);
    expect((await payee.representative.client.get(url)).status).toBe(403);
    const self = await keyed(payer.representative, 'PUT', `${url}/${payer.accountId}`, { maxAmountMinor: 1 });
    expect(self.body.error.code).toBe('currency.same_account');

    const removed = await keyed(payer.representative, 'DELETE', `${url}/${payee.accountId}`);
    expect(removed.body).toEqual({ payeeAccountId: payee.accountId, removed: true });
    const gone = await keyed(payer.representative, 'DELETE', `${url}/${payee.accountId}`);
    expect([gone.status, gone.body.error.code]).toEqual([404, 'trusted_payee.not_found']);
    expect((await requestPayment(cluster, payee, payer, 1_00)).body.status).toBe('open');
  });
});
