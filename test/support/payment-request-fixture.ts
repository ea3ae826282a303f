/**
 * Payment requests, trusted payees and recurring payments through the API, each write with a
 * fresh idempotency key (or a given one) — and the area's services on the test database, for the
 * scheduler that has no route.
 */
import { randomUUID } from 'node:crypto';
import { assemblePaymentRequests } from '../../src/server/currency/requests/assemble.ts';
import type { Clock } from '../../src/server/platform/clock.ts';
import { Mailer } from '../../src/server/platform/mail.ts';
import type { CurrencyCluster, TestMember } from './currency-fixture.ts';
import type { TestContext, TestPerson } from './test-app.ts';

export const keyed = (
  person: TestPerson,
  method: string,
  url: string,
  body?: unknown,
  key: string = randomUUID(),
) => person.client.request(method, url, body, { 'idempotency-key': key });

/** The first three members of a currency cluster, as a tuple. */
export const members = (cluster: CurrencyCluster) => cluster.members as [TestMember, TestMember, TestMember];

export async function balanceOf(cluster: CurrencyCluster, member: TestMember): Promise<number> {
  const wallet = await member.representative.client.get(`${cluster.base}/accounts/${member.accountId}`);
  return wallet.body.balanceMinor;
}

/** `payee` asks `payer` for the amount. */
export function requestPayment(
  cluster: CurrencyCluster,
  payee: TestMember,
  payer: { accountId: string },
  amountMinor: number,
  options: { description?: string; dueOn?: string | null; key?: string } = {},
) {
  return keyed(
    payee.representative,
    'POST',
    `${cluster.base}/accounts/${payee.accountId}/requests`,
    {
      payerAccountId: payer.accountId,
      amountMinor,
      description: options.description ?? 'Catering for the assembly',
      ...(options.dueOn !== undefined ? { dueOn: options.dueOn } : {}),
    },
    options.key,
  );
}

export const actOnRequest = (
  cluster: CurrencyCluster,
  person: TestPerson,
  requestId: string,
  action: 'accept' | 'decline' | 'withdraw',
  options: { reason?: string; key?: string } = {},
) =>
  keyed(
    person,
    'POST',
    `${cluster.base}/requests/${requestId}/${action}`,
    action === 'decline' ? { reason: options.reason ?? '' } : undefined,
    options.key,
  );

export const trust = (
  cluster: CurrencyCluster,
  payer: TestMember,
  payee: { accountId: string },
  maxAmountMinor: number,
) =>
  keyed(
    payer.representative,
    'PUT',
    `${cluster.base}/accounts/${payer.accountId}/trusted-payees/${payee.accountId}`,
    { maxAmountMinor },
  );

export function setUpRecurring(
  cluster: CurrencyCluster,
  payer: TestMember,
  payee: { accountId: string },
  input: {
    amountMinor: number;
    every: string;
    firstDueOn: string;
    endsOn?: string | null;
    description?: string;
  },
) {
  return keyed(
    payer.representative,
    'POST',
    `${cluster.base}/accounts/${payer.accountId}/recurring-payments`,
    {
      toAccountId: payee.accountId,
      description: input.description ?? 'Membership fee',
      ...input,
    },
  );
}

/** The area's services on the test database, with their own clock. */
export function requestServices(ctx: TestContext, clock: Clock = () => new Date()) {
  return assemblePaymentRequests({
    db: ctx.db,
    audit: ctx.audit,
    mailer: new Mailer(ctx.db, clock, { printToLog: false, log: () => {} }),
    clock,
    publicUrl: 'http://kopa.test',
  });
}

/** Subjects of the mails sent to the address, oldest first. */
export async function mailSubjects(ctx: TestContext, email: string): Promise<string[]> {
  const rows = await ctx.db
    .selectFrom('mail_outbox')
    .select('subject')
    .where('to_address', '=', email.toLowerCase())
    .orderBy('created_at')
    .execute();
  return rows.map((row) => row.subject);
}

/** The newest mail to the address. */
export async function newestMail(ctx: TestContext, email: string) {
  return ctx.db
    .selectFrom('mail_outbox')
    .select(['subject', 'body_text'])
    .where('to_address', '=', email.toLowerCase())
    .orderBy('created_at', 'desc')
    .limit(1)
    .executeTakeFirstOrThrow();
}
