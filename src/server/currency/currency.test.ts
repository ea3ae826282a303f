import { randomUUID } from 'node:crypto';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  type CurrencyCluster,
  createCurrencyCluster,
  DEFAULT_SETTINGS,
  payment,
} from '../../../test/support/currency-fixture.ts';
import { createTestContext, type TestContext } from '../../../test/support/test-app.ts';
import { verifyAll } from '../transparency/verify.ts';

let ctx: TestContext;
beforeAll(async () => {
  ctx = await createTestContext({ rateLimitScale: 100 });
});
afterAll(async () => {
  await ctx.close();
});

async function sumOfBalances(clusterId: string) {
  const row = await sql<{ total: string; pending_debit: string; pending_credit: string }>`
    SELECT coalesce(sum(balance_minor), 0)::text AS total,
      coalesce(sum(pending_debit_minor), 0)::text AS pending_debit,
      coalesce(sum(pending_credit_minor), 0)::text AS pending_credit
    FROM currency_account WHERE cluster_id = ${clusterId}`.execute(ctx.db);
  return row.rows[0];
}

async function wallet(cluster: CurrencyCluster, index: number) {
  const member = cluster.members[index];
  if (!member) throw new Error('no such member');
  return (await member.representative.client.get(`${cluster.base}/accounts/${member.accountId}`)).body;
}

const member = (cluster: CurrencyCluster, index: number) => {
  const found = cluster.members[index];
  if (!found) throw new Error('no such member');
  return found;
};

describe('setting up the currency', () => {
  it('opens an account for every active member and the cluster’s fee account, with the type’s limit', async () => {
    const cluster = await createCurrencyCluster(ctx, { members: 2 });
    const overview = (await cluster.coordinator.client.get(cluster.base)).body;
    expect(overview.currency).toMatchObject({
      name: 'Kopa credit',
      code: 'KPC',
      decimals: 2,
      euroValue: '1.000000',
    });
    const accounts = (await cluster.coordinator.client.get(`${cluster.base}/accounts`)).body;
    expect(accounts.items).toHaveLength(3);
    expect(accounts.items.filter((a: { kind: string }) => a.kind === 'member')).toEqual([
      expect.objectContaining({
        balanceMinor: 0,
        creditLimitMinor: 100_000,
        availableMinor: 100_000,
        status: 'active',
      }),
      expect.objectContaining({ balanceMinor: 0, creditLimitMinor: 100_000, status: 'active' }),
    ]);
  });

  it('opens an account when an organisation is admitted later', async () => {
    const cluster = await createCurrencyCluster(ctx, { members: 1 });
    const registered = await cluster.coordinator.client.post(
      `/api/v1/clusters/${cluster.slug}/organisations`,
      {
        name: 'Late Joiner',
        legalForm: 'association',
        sector: 'civil_society',
        country: 'FR',
      },
    );
    await cluster.coordinator.client.post(
      `/api/v1/clusters/${cluster.slug}/organisations/${registered.body.id}/membership`,
      { toStatus: 'active' },
    );
    const accounts = (await cluster.coordinator.client.get(`${cluster.base}/accounts?q=Late`)).body;
    expect(accounts.items).toEqual([
      expect.objectContaining({
        organisationName: 'Late Joiner',
        creditLimitMinor: 50_000,
        accountType: 'civil_society',
      }),
    ]);
  });

  it('is for coordinators only, and its code cannot change once accounts exist', async () => {
    const cluster = await createCurrencyCluster(ctx, { members: 1 });
    const byMember = await member(cluster, 0).representative.client.put(cluster.base, DEFAULT_SETTINGS);
    expect(byMember.status).toBe(403);
    const recode = await cluster.coordinator.client.put(cluster.base, { ...DEFAULT_SETTINGS, code: 'EUR' });
    expect(recode.status).toBe(409);
    expect(recode.body.error.code).toBe('currency.already_set_up');
  });
});

describe('paying another member', () => {
  it('moves the amount, keeps the sum of balances at zero and shows a running balance', async () => {
    const cluster = await createCurrencyCluster(ctx, { members: 2 });
    const [a, b] = [member(cluster, 0), member(cluster, 1)];
    const paid = await payment(cluster, a, b, 12_50, { description: 'Olive oil' });
    expect(paid.status).toBe(201);
    expect(paid.body).toMatchObject({ balanceAfterMinor: -12_50, feeMinor: 0 });
    await payment(cluster, b, a, 2_50, { description: 'Bread' });
    expect(await wallet(cluster, 0)).toMatchObject({ balanceMinor: -10_00, availableMinor: 99_000 });
    expect(await wallet(cluster, 1)).toMatchObject({ balanceMinor: 10_00 });
    expect(await sumOfBalances(cluster.id)).toEqual({ total: '0', pending_debit: '0', pending_credit: '0' });

    const history = (await a.representative.client.get(`${cluster.base}/accounts/${a.accountId}/transfers`))
      .body;
    expect(
      history.items.map((t: { direction: string; amountMinor: number; balanceAfterMinor: number }) => [
        t.direction,
        t.amountMinor,
        t.balanceAfterMinor,
      ]),
    ).toEqual([
      ['in', 2_50, -10_00],
      ['out', 12_50, -12_50],
    ]);
    expect(history.items[1]).toMatchObject({ counterpartyName: b.name, description: 'Olive oil' });
  });

  it('quotes the balance after payment without writing anything', async () => {
    const cluster = await createCurrencyCluster(ctx, { members: 2, settings: { feeBasisPoints: 100 } });
    const [a, b] = [member(cluster, 0), member(cluster, 1)];
    const quote = await a.representative.client.get(
      `${cluster.base}/accounts/${a.accountId}/payments/quote?toAccountId=${b.accountId}&amountMinor=10000`,
    );
    expect(quote.body).toMatchObject({
      amountMinor: 10_000,
      feeMinor: 100,
      balanceAfterMinor: -10_100,
      refusal: null,
    });
    const tooMuch = await a.representative.client.get(
      `${cluster.base}/accounts/${a.accountId}/payments/quote?toAccountId=${b.accountId}&amountMinor=200000`,
    );
    expect(tooMuch.body.refusal).toBe('currency.limit_exceeded');
    expect(await wallet(cluster, 0)).toMatchObject({ balanceMinor: 0 });
  });

  it('charges the fee to the payer and credits it to the cluster’s account', async () => {
    const cluster = await createCurrencyCluster(ctx, { members: 2, settings: { feeBasisPoints: 150 } });
    const [a, b] = [member(cluster, 0), member(cluster, 1)];
    const paid = await payment(cluster, a, b, 10_000);
    expect(paid.body).toMatchObject({ feeMinor: 150, balanceAfterMinor: -10_150 });
    const fee = (await cluster.coordinator.client.get(`${cluster.base}/accounts/${cluster.feeAccountId}`))
      .body;
    expect(fee.balanceMinor).toBe(150);
    expect((await sumOfBalances(cluster.id))?.total).toBe('0');
  });

  it('finds payees by name among the members and the cluster’s own account, which takes dues without a fee', async () => {
    const cluster = await createCurrencyCluster(ctx, { members: 3, settings: { feeBasisPoints: 100 } });
    const payer = member(cluster, 0);
    const search = async (q: string) =>
      (await payer.representative.client.get(`${cluster.base}/payees?q=${encodeURIComponent(q)}`)).body.items;
    const clusterName = (await cluster.coordinator.client.get(`/api/v1/clusters/${cluster.slug}`)).body.name;

    const all = await search('');
    expect(all).toHaveLength(4);
    const own = all.find((payee: { kind: string }) => payee.kind === 'fee');
    expect(own).toMatchObject({ name: clusterName, status: 'active' });
    expect(await search(member(cluster, 1).name)).toEqual([
      expect.objectContaining({ accountId: member(cluster, 1).accountId, kind: 'member' }),
    ]);
    expect(await search(clusterName.slice(0, 6))).toEqual([expect.objectContaining({ kind: 'fee' })]);

    const dues = await payment(cluster, payer, { accountId: own.accountId }, 12_00);
    expect(dues.status).toBe(201);
    expect(dues.body.feeMinor).toBe(0);
  });

  it('refuses a payment past the credit limit, and writes nothing', async () => {
    const cluster = await createCurrencyCluster(ctx, { members: 2 });
    const [a, b] = [member(cluster, 0), member(cluster, 1)];
    const refused = await payment(cluster, a, b, 100_001);
    expect(refused.status).toBe(409);
    expect(refused.body.error).toMatchObject({ code: 'currency.limit_exceeded', field: 'amountMinor' });
    expect(await wallet(cluster, 0)).toMatchObject({ balanceMinor: 0 });
    expect((await payment(cluster, a, b, 100_000)).status).toBe(201);
  });

  it.each([
    ['zero', 0, 400],
    ['negative', -5, 400],
    ['fractional', 1.5, 400],
    ['huge', 10 ** 15, 400],
    ['fractional text', '12.5', 400],
  ])('refuses a %s amount with a translated error', async (_name, amount, status) => {
    const cluster = await createCurrencyCluster(ctx, { members: 2 });
    const [a, b] = [member(cluster, 0), member(cluster, 1)];
    a.representative.client.acceptLanguage = 'lv';
    const refused = await payment(cluster, a, b, amount as number);
    expect(refused.status).toBe(status);
    expect(refused.body.error.field).toBe('amountMinor');
    expect(refused.body.error.message).not.toMatch(/^[a-z_.]+$/);
    expect(await wallet(cluster, 0)).toMatchObject({ balanceMinor: 0 });
  });

  it('refuses paying yourself, an unknown account and a foreign cluster’s account', async () => {
    const cluster = await createCurrencyCluster(ctx, { members: 2 });
    const other = await createCurrencyCluster(ctx, { members: 1 });
    const a = member(cluster, 0);
    const self = await payment(cluster, a, a, 100);
    expect(self.body.error.code).toBe('currency.same_account');
    const unknown = await payment(cluster, a, { accountId: randomUUID() }, 100);
    expect([unknown.status, unknown.body.error.code]).toEqual([404, 'currency.account_not_found']);
    const foreign = await payment(cluster, a, member(other, 0), 100);
    expect([foreign.status, foreign.body.error.code]).toEqual([404, 'currency.account_not_found']);
    expect((await sumOfBalances(other.id))?.total).toBe('0');
  });

  it('lets only the organisation’s representatives pay from its wallet', async () => {
    const cluster = await createCurrencyCluster(ctx, { members: 2 });
    const [a, b] = [member(cluster, 0), member(cluster, 1)];
    const asOther = await b.representative.client.request(
      'POST',
      `${cluster.base}/accounts/${a.accountId}/payments`,
      { toAccountId: b.accountId, amountMinor: 100, description: '' },
      { 'idempotency-key': randomUUID() },
    );
    expect(asOther.status).toBe(403);
    const asCoordinator = await cluster.coordinator.client.request(
      'POST',
      `${cluster.base}/accounts/${a.accountId}/payments`,
      { toAccountId: b.accountId, amountMinor: 100, description: '' },
      { 'idempotency-key': randomUUID() },
    );
    expect(asCoordinator.status).toBe(403);
    const anonymous = await ctx.client().get(`${cluster.base}/accounts/${a.accountId}`);
    expect(anonymous.status).toBe(401);
  });

  it('stops a representative from paying once their mandate is revoked or has ended', async () => {
    const cluster = await createCurrencyCluster(ctx, { members: 3 });
    const [a, b, c] = [member(cluster, 0), member(cluster, 1), member(cluster, 2)];
    expect((await payment(cluster, a, b, 100)).status).toBe(201);
    await ctx.db
      .updateTable('representative_mandate')
      .set({ revoked_at: new Date() })
      .where('person_id', '=', a.representative.id)
      .execute();
    expect((await payment(cluster, a, b, 100)).status).toBe(403);
    await ctx.db
      .updateTable('representative_mandate')
      .set({ starts_on: '2020-01-01', ends_on: '2020-12-31' })
      .where('person_id', '=', c.representative.id)
      .execute();
    expect((await payment(cluster, c, b, 100)).status).toBe(403);
    expect(await wallet(cluster, 1)).toMatchObject({ balanceMinor: 100 });
  });

  it('lets only those who manage the currency pay from the cluster’s own account', async () => {
    const cluster = await createCurrencyCluster(ctx, { members: 1 });
    const a = member(cluster, 0);
    const fromFeeAccount = (as: typeof cluster.coordinator) =>
      as.client.request(
        'POST',
        `${cluster.base}/accounts/${cluster.feeAccountId}/payments`,
        { toAccountId: a.accountId, amountMinor: 50, description: 'Refund' },
        { 'idempotency-key': randomUUID() },
      );
    expect((await payment(cluster, a, { accountId: cluster.feeAccountId }, 100)).status).toBe(201);
    expect((await fromFeeAccount(a.representative)).status).toBe(403);
    expect((await fromFeeAccount(cluster.coordinator)).status).toBe(201);
    expect(await wallet(cluster, 0)).toMatchObject({ balanceMinor: -50 });
  });
});

describe('idempotency keys', () => {
  it('returns the original result for the same key and body, and never pays twice', async () => {
    const cluster = await createCurrencyCluster(ctx, { members: 2 });
    const [a, b] = [member(cluster, 0), member(cluster, 1)];
    const key = randomUUID();
    const first = await payment(cluster, a, b, 7_00, { key });
    const retry = await payment(cluster, a, b, 7_00, { key });
    expect(retry.status).toBe(201);
    expect(retry.headers['idempotent-replayed']).toBe('true');
    expect(retry.body).toEqual(first.body);
    expect(await wallet(cluster, 0)).toMatchObject({ balanceMinor: -7_00 });
  });

  it('answers 409 for the same key with a different body', async () => {
    const cluster = await createCurrencyCluster(ctx, { members: 2 });
    const [a, b] = [member(cluster, 0), member(cluster, 1)];
    const key = randomUUID();
    await payment(cluster, a, b, 7_00, { key });
    const reused = await payment(cluster, a, b, 8_00, { key });
    expect([reused.status, reused.body.error.code]).toEqual([409, 'currency.idempotency_key_reused']);
    expect(await wallet(cluster, 0)).toMatchObject({ balanceMinor: -7_00 });
  });

  it('pays once when the same request races itself', async () => {
    const cluster = await createCurrencyCluster(ctx, { members: 2 });
    const [a, b] = [member(cluster, 0), member(cluster, 1)];
    const key = randomUUID();
    const answers = await Promise.all(Array.from({ length: 8 }, () => payment(cluster, a, b, 3_00, { key })));
    expect(answers.map((r) => r.status)).toEqual(Array(8).fill(201));
    expect(new Set(answers.map((r) => r.body.transfer.id)).size).toBe(1);
    expect(await wallet(cluster, 0)).toMatchObject({ balanceMinor: -3_00 });
  });

  it('is required on every payment', async () => {
    const cluster = await createCurrencyCluster(ctx, { members: 2 });
    const [a, b] = [member(cluster, 0), member(cluster, 1)];
    const missing = await a.representative.client.post(`${cluster.base}/accounts/${a.accountId}/payments`, {
      toAccountId: b.accountId,
      amountMinor: 100,
      description: '',
    });
    expect([missing.status, missing.body.error.code]).toEqual([400, 'currency.idempotency_key_required']);
  });
});

describe('the coordinator keeping the accounts', () => {
  it('changes a credit limit with a reason the member sees, and the new limit applies', async () => {
    const cluster = await createCurrencyCluster(ctx, { members: 2 });
    const [a, b] = [member(cluster, 0), member(cluster, 1)];
    const changed = await cluster.coordinator.client.request(
      'PATCH',
      `${cluster.base}/accounts/${a.accountId}`,
      { creditLimitMinor: 1_000, reason: 'Small turnover in the first year' },
      { 'idempotency-key': randomUUID() },
    );
    expect(changed.status).toBe(200);
    const seen = await wallet(cluster, 0);
    expect(seen).toMatchObject({ creditLimitMinor: 1_000, hasOwnLimit: true });
    expect(seen.limitChanges[0]).toMatchObject({
      field: 'credit_limit',
      oldValue: '100000',
      newValue: '1000',
      reason: 'Small turnover in the first year',
    });
    expect((await payment(cluster, a, b, 1_001)).body.error.code).toBe('currency.limit_exceeded');
  });

  it('freezes an account: it can neither pay nor be paid until unfrozen', async () => {
    const cluster = await createCurrencyCluster(ctx, { members: 2 });
    const [a, b] = [member(cluster, 0), member(cluster, 1)];
    const freeze = (status: string) =>
      cluster.coordinator.client.request(
        'PATCH',
        `${cluster.base}/accounts/${b.accountId}`,
        { status, reason: 'Dispute under mediation' },
        { 'idempotency-key': randomUUID() },
      );
    await freeze('frozen');
    expect((await payment(cluster, a, b, 100)).body.error.code).toBe('currency.account_frozen');
    expect((await payment(cluster, b, a, 100)).body.error.code).toBe('currency.account_frozen');
    await freeze('active');
    expect((await payment(cluster, a, b, 100)).status).toBe(201);
  });

  it('reverses a payment with a transfer pointing at it, once', async () => {
    const cluster = await createCurrencyCluster(ctx, { members: 2 });
    const [a, b] = [member(cluster, 0), member(cluster, 1)];
    const paid = await payment(cluster, a, b, 5_00);
    const reverse = () =>
      cluster.coordinator.client.request(
        'POST',
        `${cluster.base}/transfers/${paid.body.transfer.id}/reversal`,
        { reason: 'Paid the wrong member' },
        { 'idempotency-key': randomUUID() },
      );
    const reversed = await reverse();
    expect(reversed.status).toBe(201);
    expect(reversed.body.transfer).toMatchObject({
      kind: 'reversal',
      relatedTransferId: paid.body.transfer.id,
    });
    expect(await wallet(cluster, 0)).toMatchObject({ balanceMinor: 0 });
    expect((await reverse()).body.error.code).toBe('currency.not_reversible');
  });

  it('takes a leaving member through the exit: spend a positive balance, rebalance a negative one, close', async () => {
    const cluster = await createCurrencyCluster(ctx, { members: 3 });
    const [a, b, c] = [member(cluster, 0), member(cluster, 1), member(cluster, 2)];
    await payment(cluster, a, b, 30_00);
    const leave = (who: typeof a) =>
      cluster.coordinator.client.post(
        `/api/v1/clusters/${cluster.slug}/organisations/${who.organisationId}/membership`,
        {
          toStatus: 'left',
          reason: 'Ceased trading',
        },
      );
    await leave(b);
    expect(await wallet(cluster, 1)).toMatchObject({ status: 'closing', availableMinor: 30_00 });
    expect((await payment(cluster, c, b, 1_00)).body.error.code).toBe(
      'currency.leaving_member_cannot_receive',
    );
    expect((await payment(cluster, b, c, 30_01)).body.error.code).toBe('currency.limit_exceeded');
    expect((await payment(cluster, b, c, 30_00)).status).toBe(201);
    expect(await wallet(cluster, 1)).toMatchObject({ status: 'closed', balanceMinor: 0 });

    await leave(a);
    expect(await wallet(cluster, 0)).toMatchObject({
      status: 'closing',
      balanceMinor: -30_00,
      availableMinor: -30_00,
    });
    const close = await cluster.coordinator.client.request(
      'POST',
      `${cluster.base}/accounts/${a.accountId}/close`,
      undefined,
      { 'idempotency-key': randomUUID() },
    );
    expect(close.body.error.code).toBe('currency.account_not_settled');
    await payment(cluster, c, a, 30_00);
    expect(await wallet(cluster, 0)).toMatchObject({ status: 'closed', balanceMinor: 0 });
  });
});

describe('optional rules', () => {
  it('grows the credit line with what the account received, up to the cap', async () => {
    const cluster = await createCurrencyCluster(ctx, {
      members: 2,
      settings: { limitGrowth: { basisPoints: 5_000, capMinor: 150_000 } },
    });
    const [a, b] = [member(cluster, 0), member(cluster, 1)];
    await payment(cluster, a, b, 90_000);
    // Half of 90,000 received is below the type's 100,000 default: the default stays.
    expect(await wallet(cluster, 1)).toMatchObject({ creditLimitMinor: 100_000 });
    await payment(cluster, a, b, 10_000);
    await cluster.coordinator.client.request(
      'PATCH',
      `${cluster.base}/accounts/${a.accountId}`,
      { creditLimitMinor: 1_000_000, reason: 'Anchor buyer' },
      { 'idempotency-key': randomUUID() },
    );
    await payment(cluster, a, b, 250_000);
    // Received 350,000: half is 175,000, capped at 150,000.
    expect(await wallet(cluster, 1)).toMatchObject({ creditLimitMinor: 150_000 });
    // An account with a limit of its own keeps it.
    await payment(cluster, b, a, 10_000);
    expect(await wallet(cluster, 0)).toMatchObject({ creditLimitMinor: 1_000_000 });
  });

  it('keeps an account under its type’s maximum balance, counting what is on its way', async () => {
    const cluster = await createCurrencyCluster(ctx, {
      members: 2,
      settings: {
        accountTypes: DEFAULT_SETTINGS.accountTypes.map((type) => ({ ...type, maxBalanceMinor: 20_000 })),
      },
    });
    const [a, b] = [member(cluster, 0), member(cluster, 1)];
    expect((await payment(cluster, a, b, 20_000)).status).toBe(201);
    expect((await payment(cluster, a, b, 1)).body.error.code).toBe('currency.max_balance_exceeded');
  });

  it('flags for the coordinator an account whose debt is older than the rebalancing period', async () => {
    const cluster = await createCurrencyCluster(ctx, { members: 2, settings: { rebalanceAfterMonths: 12 } });
    const [a, b] = [member(cluster, 0), member(cluster, 1)];
    await payment(cluster, a, b, 5_00);
    const flagged = () => cluster.coordinator.client.get(`${cluster.base}/accounts?needsRebalancing=true`);
    expect((await flagged()).body.items).toEqual([]);
    await ctx.db
      .updateTable('currency_account')
      .set({ negative_since: new Date(Date.now() - 400 * 86_400_000) })
      .where('id', '=', a.accountId)
      .execute();
    expect((await flagged()).body.items).toEqual([
      expect.objectContaining({ id: a.accountId, needsRebalancing: true }),
    ]);
    // Paid back to zero, the flag goes.
    await payment(cluster, b, a, 5_00);
    expect((await flagged()).body.items).toEqual([]);
  });

  it('freezes the wallet of a suspended member and unfreezes it on reinstatement', async () => {
    const cluster = await createCurrencyCluster(ctx, { members: 2 });
    const a = member(cluster, 0);
    const move = (toStatus: string) =>
      cluster.coordinator.client.post(
        `/api/v1/clusters/${cluster.slug}/organisations/${a.organisationId}/membership`,
        {
          toStatus,
          reason: 'Unpaid membership fee',
        },
      );
    await move('suspended');
    expect(await wallet(cluster, 0)).toMatchObject({ status: 'frozen' });
    await move('active');
    const reinstated = await wallet(cluster, 0);
    expect(reinstated.status).toBe('active');
    expect(reinstated.limitChanges.map((c: { newValue: string }) => c.newValue)).toEqual([
      'active',
      'frozen',
    ]);
  });
});

describe('the audit log and the public figures', () => {
  it('records every transfer and limit change on the chain, which still verifies', async () => {
    const cluster = await createCurrencyCluster(ctx, { members: 2 });
    const [a, b] = [member(cluster, 0), member(cluster, 1)];
    const paid = await payment(cluster, a, b, 4_00);
    await cluster.coordinator.client.request(
      'PATCH',
      `${cluster.base}/accounts/${a.accountId}`,
      { creditLimitMinor: 5_000, reason: 'Review' },
      { 'idempotency-key': randomUUID() },
    );
    const events = await ctx.db
      .selectFrom('audit_event')
      .select(['action', 'is_public', 'payload'])
      .where('cluster_id', '=', cluster.id)
      .where('action', 'like', 'currency.%')
      .orderBy('seq')
      .execute();
    expect(events.map((e) => e.action)).toEqual([
      'currency.created',
      'currency.payment',
      'currency.account_changed',
    ]);
    expect(events[1]?.payload).toMatchObject({ transferId: paid.body.transfer.id, amountMinor: 4_00 });
    expect(events[1]?.is_public).toBe(false);
    const report = await verifyAll(ctx.db, cluster.slug, new Set([ctx.audit.keyId]));
    expect(report).toEqual([expect.objectContaining({ slug: cluster.slug, isValid: true })]);
  });

  it('shows everyone aggregate figures and no individual balance', async () => {
    const cluster = await createCurrencyCluster(ctx, { members: 3 });
    const [a, b, c] = [member(cluster, 0), member(cluster, 1), member(cluster, 2)];
    await payment(cluster, a, b, 200_00);
    await payment(cluster, b, c, 50_00);
    const figures = (await ctx.client().get(`${cluster.base}/figures`)).body;
    // 250 traded over 200 in positive balances (150 + 50).
    expect(figures).toMatchObject({ accounts: 3, activeTraders: 3, velocity: 1.25 });
    expect(figures.volumeByMonth.at(-1)).toMatchObject({ volumeMinor: 250_00, transactions: 2 });
    const bands = Object.fromEntries(
      figures.balanceBands.map((band: { fromUnits: number | null; accounts: number }) => [
        band.fromUnits,
        band.accounts,
      ]),
    );
    // −200 lies in [−1,000, −100), 150 in [100, 1,000), 50 in [0, 100).
    expect(bands).toMatchObject({ '-1000': 1, '100': 1, '0': 1 });
    expect(JSON.stringify(figures)).not.toContain(a.accountId);
  });
});

describe('the wallet’s history', () => {
  it('filters, searches, pages and exports as CSV', async () => {
    const cluster = await createCurrencyCluster(ctx, { members: 3 });
    const [a, b, c] = [member(cluster, 0), member(cluster, 1), member(cluster, 2)];
    for (let i = 1; i <= 5; i++) await payment(cluster, a, b, i * 100, { description: `Invoice ${i}` });
    await payment(cluster, b, a, 50, { description: '=HYPERLINK("x")' });
    const url = `${cluster.base}/accounts/${a.accountId}/transfers`;
    const first = (await a.representative.client.get(`${url}?limit=4`)).body;
    expect(first.items).toHaveLength(4);
    const second = (await a.representative.client.get(`${url}?limit=4&cursor=${first.nextCursor}`)).body;
    expect(second.items).toHaveLength(2);
    expect(second.nextCursor).toBeNull();
    const incoming = (await a.representative.client.get(`${url}?direction=in`)).body;
    expect(incoming.items).toHaveLength(1);
    const searched = (await a.representative.client.get(`${url}?q=invoice%203`)).body;
    expect(searched.items.map((t: { amountMinor: number }) => t.amountMinor)).toEqual([300]);
    // Found by a search, a transfer still names the other side.
    expect(searched.items[0]).toMatchObject({ counterpartyName: b.name, counterpartyKind: 'member' });
    const byCounterparty = (await a.representative.client.get(`${url}?q=${encodeURIComponent(b.name)}`)).body;
    expect(byCounterparty.items).toHaveLength(6);
    const today = new Date().toISOString().slice(0, 10);
    const yesterday = new Date(Date.now() - 86_400_000).toISOString().slice(0, 10);
    const period = async (query: string) => (await a.representative.client.get(`${url}?${query}`)).body.items;
    expect(await period(`from=${today}&until=${today}&limit=4`)).toHaveLength(4);
    expect(await period(`until=${yesterday}`)).toEqual([]);
    expect(await period(`from=${yesterday}`)).toHaveLength(6);

    const csv = await a.representative.client.get(`${url}.csv`);
    expect(csv.headers['content-type']).toContain('text/csv');
    const lines = String(csv.body).trim().split('\r\n');
    expect(lines[0]).toBe('date,kind,counterparty,description,amount,balance_after,transfer_id');
    expect(lines).toHaveLength(7);
    expect(lines[1]).toContain(`"'=HYPERLINK(""x"")",0.50,-14.50`);
    expect(lines[6]).toContain('Invoice 1,-1.00,-1.00');

    const activity = (await a.representative.client.get(`${cluster.base}/accounts/${a.accountId}/activity`))
      .body;
    expect(activity.months).toHaveLength(12);
    expect(activity.months.at(-1)).toMatchObject({ incomeMinor: 50, spendingMinor: 15_00, transfers: 6 });

    // A search whose words name several counterparties finds the transfers with each.
    await payment(cluster, a, c, 7, { description: 'Bread' });
    // "u" is in the names of b (Tehnoloģiju) and c (Ploucs), in no description.
    const byCounterparties = (await a.representative.client.get(`${url}?q=u`)).body;
    expect(byCounterparties.items.map((t: { amountMinor: number }) => t.amountMinor)).toEqual([
      7, 50, 500, 400, 300, 200, 100,
    ]);

    // A description is found whatever the case and the accents.
    await payment(cluster, b, a, 60, { description: 'Maize no Rēzeknes maiznīcas' });
    const typedPlainly = (await a.representative.client.get(`${url}?q=REZEKNES%20MAIZ`)).body;
    expect(typedPlainly.items.map((t: { amountMinor: number }) => t.amountMinor)).toEqual([60]);
  });
});
