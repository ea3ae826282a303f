/**
 * A thousand payments at once between ten members with small limits, through the real HTTP stack
 * (sessions, CSRF, validation, idempotency keys) on the real PostgreSQL: many collide on the same
 * accounts, many must be refused. Whatever the interleaving, the ledger stays sound — no overdraft,
 * no lost update, balances that add up to zero, one transfer per accepted payment and none per
 * refusal, no deadlock reaching a member, and an audit chain that verifies.
 */
import { randomUUID } from 'node:crypto';
import fc from 'fast-check';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { verifyAll } from '../../src/server/transparency/verify.ts';
import type { ApiResponse } from '../support/api-client.ts';
import {
  type CurrencyCluster,
  createCurrencyCluster,
  DEFAULT_SETTINGS,
} from '../support/currency-fixture.ts';
import { createTestContext, type TestContext } from '../support/test-app.ts';
import { ledgerViolations, NO_VIOLATIONS } from './support/ledger-invariants.ts';

const MEMBER_COUNT = 10;
const PAYMENT_COUNT = 1_000;
/** Of the payments, how many repeat an earlier one's key and body, racing it. */
const REPEAT_COUNT = 100;
/** Requests under way at once: all of them (900 payments and 100 repeats racing their originals). */
const IN_FLIGHT = PAYMENT_COUNT;
const CREDIT_LIMIT_MINOR = 1_000;
const MAX_BALANCE_MINOR = 2_500;

let ctx: TestContext;
let cluster: CurrencyCluster;
beforeAll(async () => {
  ctx = await createTestContext({ rateLimitScale: 1000 });
  cluster = await createCurrencyCluster(ctx, {
    members: MEMBER_COUNT,
    settings: {
      feeBasisPoints: 200,
      // The fixture's settings type reads `null` from its defaults; any maximum balance is valid.
      accountTypes: DEFAULT_SETTINGS.accountTypes.map((type) => ({
        ...type,
        creditLimitMinor: CREDIT_LIMIT_MINOR,
        maxBalanceMinor: MAX_BALANCE_MINOR as unknown as null,
      })),
    },
  });
}, 120_000);
afterAll(async () => {
  await ctx.close();
});

interface PlannedPayment {
  readonly key: string;
  readonly from: number;
  readonly to: number;
  readonly amountMinor: number;
  readonly description: string;
}

/** The same plan every run: random pairs (a seeded sample), amounts up to a third of a limit. */
function plan(): PlannedPayment[] {
  const pairs = fc.sample(
    fc
      .record({
        from: fc.integer({ min: 0, max: MEMBER_COUNT - 1 }),
        to: fc.integer({ min: 0, max: MEMBER_COUNT - 1 }),
        amountMinor: fc.integer({ min: 50, max: 350 }),
      })
      .filter((pair) => pair.from !== pair.to),
    { seed: 3, numRuns: PAYMENT_COUNT - REPEAT_COUNT },
  );
  const originals = pairs.map((pair, index) => ({
    ...pair,
    key: randomUUID(),
    description: `Concurrent payment ${index}`,
  }));
  const repeats = fc.sample(fc.integer({ min: 0, max: originals.length - 1 }), {
    seed: 4,
    numRuns: REPEAT_COUNT,
  });
  // Each repeat right behind its original, so the two are in flight together.
  return originals.flatMap((original, index) => [
    original,
    ...repeats.filter((repeated) => repeated === index).map(() => original),
  ]);
}

/**
 * Sends every payment with `inFlight` of them under way at any moment. The application's pool has
 * ten connections, so the database sees ten concurrent transactions whether a hundred requests
 * wait or a thousand; a deeper queue only makes the last ones wait longer for a connection.
 */
async function sendAll<T>(items: readonly T[], inFlight: number, send: (item: T) => Promise<ApiResponse>) {
  const answers: ApiResponse[] = new Array(items.length);
  let next = 0;
  const sender = async () => {
    for (let index = next++; index < items.length; index = next++) {
      answers[index] = await send(items[index] as T);
    }
  };
  await Promise.all(Array.from({ length: inFlight }, sender));
  return answers;
}

describe('a thousand concurrent, conflicting payments', () => {
  it('are each accepted once or refused, and leave a sound ledger and audit chain', async () => {
    const payments = plan();
    const member = (index: number) => cluster.members[index] as (typeof cluster.members)[number];
    const answers = await sendAll(payments, IN_FLIGHT, (p) =>
      member(p.from).representative.client.request(
        'POST',
        `${cluster.base}/accounts/${member(p.from).accountId}/payments`,
        { toAccountId: member(p.to).accountId, amountMinor: p.amountMinor, description: p.description },
        { 'idempotency-key': p.key },
      ),
    );

    // Only acceptances and refusals about the accounts' state: no 500, no leaked deadlock.
    const statuses = new Set(answers.map((answer) => answer.status));
    expect([...statuses].sort()).toEqual([201, 409]);
    const refusals = answers.filter((a) => a.status === 409).map((a) => a.body.error.code as string);
    for (const code of new Set(refusals))
      expect(['currency.limit_exceeded', 'currency.max_balance_exceeded']).toContain(code);

    const { rows: transfers } = await sql<{ id: string; description: string }>`
      SELECT id, description FROM currency_transfer
      WHERE cluster_id = ${cluster.id} AND kind = 'payment'`.execute(ctx.db);
    const transferByDescription = new Map(transfers.map((t) => [t.description, t.id]));
    expect(transferByDescription.size).toBe(transfers.length);

    // Per key: every 201 names the same transfer, which exists; a key answered only with refusals
    // wrote nothing.
    const answersByKey = new Map<string, { planned: PlannedPayment; accepted: Set<string> }>();
    payments.forEach((planned, index) => {
      const entry = answersByKey.get(planned.key) ?? { planned, accepted: new Set<string>() };
      const answer = answers[index];
      if (answer?.status === 201) entry.accepted.add(answer.body.transfer.id);
      answersByKey.set(planned.key, entry);
    });
    let acceptedKeys = 0;
    for (const { planned, accepted } of answersByKey.values()) {
      expect(accepted.size).toBeLessThanOrEqual(1);
      expect(transferByDescription.get(planned.description)).toBe([...accepted][0]);
      if (accepted.size === 1) acceptedKeys++;
    }
    expect(transfers).toHaveLength(acceptedKeys);
    // The run really did contend: both outcomes in numbers, and repeated keys answered as replays.
    expect(acceptedKeys).toBeGreaterThan(100);
    expect(refusals.filter((code) => code === 'currency.limit_exceeded').length).toBeGreaterThan(100);
    expect(answers.some((a) => a.headers['idempotent-replayed'] === 'true')).toBe(true);

    expect(await ledgerViolations(ctx.db, cluster.id)).toEqual(NO_VIOLATIONS);
    const { rows: fees } = await sql<{ count: number }>`
      SELECT count(*)::int AS count FROM currency_transfer
      WHERE cluster_id = ${cluster.id} AND kind = 'fee'`.execute(ctx.db);
    expect(fees[0]?.count).toBe(acceptedKeys);

    // Each accepted payment is on the audit chain once, and the chain verifies.
    const { rows: audited } = await sql<{ count: number }>`
      SELECT count(*)::int AS count FROM audit_event
      WHERE cluster_id = ${cluster.id} AND action = 'currency.payment'`.execute(ctx.db);
    expect(audited[0]?.count).toBe(acceptedKeys);
    const [verification] = await verifyAll(ctx.db, cluster.slug);
    expect(verification).toMatchObject({ slug: cluster.slug, isValid: true });
  }, 120_000);
});
