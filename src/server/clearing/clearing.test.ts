import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  type CurrencyCluster,
  createCurrencyCluster,
  type TestMember,
} from '../../../test/support/currency-fixture.ts';
import { mailsTo } from '../../../test/support/marketplace-fixture.ts';
import { createTestContext, type TestContext, type TestPerson } from '../../../test/support/test-app.ts';
import { verifyAll } from '../transparency/verify.ts';

let ctx: TestContext;
beforeAll(async () => {
  ctx = await createTestContext({ rateLimitScale: 100 });
});
afterAll(async () => {
  await ctx.close();
});

const keyed = () => ({ 'idempotency-key': randomUUID() });
const clearingOf = (cluster: { slug: string }) => `/api/v1/clusters/${cluster.slug}/clearing`;
const dayFromToday = (days: number) => new Date(Date.now() + days * 86_400_000).toISOString().slice(0, 10);

function member(cluster: CurrencyCluster, index: number): TestMember {
  const found = cluster.members[index];
  if (!found) throw new Error('no such member');
  return found;
}

function recordInvoice(
  by: TestPerson,
  cluster: { slug: string },
  debtor: { organisationId: string },
  creditor: { organisationId: string },
  amountCents: number,
  extra: Record<string, unknown> = {},
  headers: Record<string, string> = keyed(),
) {
  return by.client.request(
    'POST',
    `${clearingOf(cluster)}/invoices`,
    {
      debtorOrganisationId: debtor.organisationId,
      creditorOrganisationId: creditor.organisationId,
      amountCents,
      reference: 'INV',
      issuedOn: '2025-01-10',
      ...extra,
    },
    headers,
  );
}

async function recorded(...args: Parameters<typeof recordInvoice>) {
  const response = await recordInvoice(...args);
  if (response.status !== 201) throw new Error(`${response.status}: ${JSON.stringify(response.body)}`);
  return response.body as { id: string };
}

const post = (by: TestPerson, url: string, body: unknown = {}) =>
  by.client.request('POST', url, body, keyed());

/** Each organisation's net position (owed to it − owed by it) over what is still outstanding. */
async function netPositions(clusterId: string) {
  const rows = await ctx.db
    .selectFrom('euro_invoice')
    .select(['debtor_organisation_id', 'creditor_organisation_id', 'outstanding_cents'])
    .where('cluster_id', '=', clusterId)
    .where('withdrawn_at', 'is', null)
    .execute();
  const net: Record<string, number> = {};
  for (const row of rows) {
    net[row.debtor_organisation_id] = (net[row.debtor_organisation_id] ?? 0) - row.outstanding_cents;
    net[row.creditor_organisation_id] = (net[row.creditor_organisation_id] ?? 0) + row.outstanding_cents;
  }
  return net;
}

const outstandingOf = async (invoiceId: string) =>
  (
    await ctx.db
      .selectFrom('euro_invoice')
      .select('outstanding_cents')
      .where('id', '=', invoiceId)
      .executeTakeFirstOrThrow()
  ).outstanding_cents;

const clearingEvents = (clusterId: string) =>
  ctx.db
    .selectFrom('audit_event')
    .select(['action', 'is_public', 'payload'])
    .where('cluster_id', '=', clusterId)
    .where('action', 'like', 'clearing.%')
    .orderBy('seq')
    .execute();

/** A triangle A→B→C→A of 100 euros each, and 50 more A owes B that lies on no cycle. */
async function triangle(cluster: CurrencyCluster, by: TestPerson = cluster.coordinator) {
  const [a, b, c] = [member(cluster, 0), member(cluster, 1), member(cluster, 2)];
  return {
    ab: await recorded(by, cluster, a, b, 100_00, { issuedOn: '2025-01-05' }),
    bc: await recorded(by, cluster, b, c, 100_00),
    ca: await recorded(by, cluster, c, a, 100_00),
    abLater: await recorded(by, cluster, a, b, 50_00, { issuedOn: '2025-02-01' }),
  };
}

async function runRound(cluster: CurrencyCluster, body: Record<string, unknown> = {}) {
  const response = await post(cluster.coordinator, `${clearingOf(cluster)}/rounds`, body);
  if (response.status !== 201) throw new Error(`${response.status}: ${JSON.stringify(response.body)}`);
  return response.body;
}

const decide = (who: TestMember, cluster: CurrencyCluster, roundId: string, decision: string) =>
  post(who.representative, `${clearingOf(cluster)}/rounds/${roundId}/decisions`, {
    organisationId: who.organisationId,
    decision,
  });

describe('recording invoices between members', () => {
  it('lets a representative record what their organisation owes; the creditor sees it, a third member does not', async () => {
    const cluster = await createCurrencyCluster(ctx, { members: 3 });
    const [a, b, c] = [member(cluster, 0), member(cluster, 1), member(cluster, 2)];
    const invoice = await recordInvoice(a.representative, cluster, a, b, 1234_50, {
      reference: '  2025/017 ',
      issuedOn: '2025-03-01',
      dueOn: '2025-04-01',
    });
    expect(invoice.status).toBe(201);
    expect(invoice.body).toMatchObject({
      debtor: { id: a.organisationId, name: a.name },
      creditor: { id: b.organisationId, name: b.name },
      reference: '2025/017',
      amountCents: 1234_50,
      outstandingCents: 1234_50,
      paidCents: 0,
      status: 'open',
      dueOn: '2025-04-01',
      can: { markPaid: false, withdraw: true },
    });
    const seenByCreditor = (await b.representative.client.get(`${clearingOf(cluster)}/invoices`)).body;
    expect(seenByCreditor.items).toEqual([
      expect.objectContaining({ id: invoice.body.id, can: { markPaid: true, withdraw: true } }),
    ]);
    expect((await c.representative.client.get(`${clearingOf(cluster)}/invoices`)).body.items).toEqual([]);
    expect((await cluster.coordinator.client.get(`${clearingOf(cluster)}/invoices`)).body.items).toHaveLength(
      1,
    );
    const events = await clearingEvents(cluster.id);
    expect(events).toEqual([
      expect.objectContaining({ action: 'clearing.invoice_recorded', is_public: false }),
    ]);
  });

  it('records once for a retried request with the same idempotency key', async () => {
    const cluster = await createCurrencyCluster(ctx, { members: 2 });
    const [a, b] = [member(cluster, 0), member(cluster, 1)];
    const headers = keyed();
    const first = await recordInvoice(a.representative, cluster, a, b, 10_00, {}, headers);
    const again = await recordInvoice(a.representative, cluster, a, b, 10_00, {}, headers);
    expect(again.body.id).toBe(first.body.id);
    expect(again.headers['idempotent-replayed']).toBe('true');
    const changed = await recordInvoice(a.representative, cluster, a, b, 11_00, {}, headers);
    expect(changed.status).toBe(409);
    const missing = await a.representative.client.post(`${clearingOf(cluster)}/invoices`, {
      debtorOrganisationId: a.organisationId,
      creditorOrganisationId: b.organisationId,
      amountCents: 1,
      reference: '',
      issuedOn: '2025-01-01',
    });
    expect(missing.body.error.code).toBe('currency.idempotency_key_required');
    expect((await b.representative.client.get(`${clearingOf(cluster)}/invoices`)).body.items).toHaveLength(1);
  });

  it('refuses zero, fractional and huge amounts, self-invoices, impossible dates and foreign organisations', async () => {
    const cluster = await createCurrencyCluster(ctx, { members: 2 });
    const other = await createCurrencyCluster(ctx, { members: 1 });
    const [a, b] = [member(cluster, 0), member(cluster, 1)];
    const refusal = async (pending: ReturnType<typeof recordInvoice>) => {
      const response = await pending;
      return [response.status, response.body.error?.code, response.body.error?.field];
    };
    const rep = a.representative;
    expect(await refusal(recordInvoice(rep, cluster, a, b, 0))).toEqual([
      400,
      'validation.out_of_range',
      'amountCents',
    ]);
    expect(await refusal(recordInvoice(rep, cluster, a, b, 1.5))).toEqual([
      400,
      'validation.invalid',
      'amountCents',
    ]);
    expect(await refusal(recordInvoice(rep, cluster, a, b, 1_000_000_000_001))).toEqual([
      400,
      'validation.out_of_range',
      'amountCents',
    ]);
    expect(await refusal(recordInvoice(rep, cluster, a, a, 1_00))).toEqual([
      400,
      'clearing.same_organisation',
      'creditorOrganisationId',
    ]);
    expect(await refusal(recordInvoice(rep, cluster, a, b, 1_00, { issuedOn: dayFromToday(1) }))).toEqual([
      400,
      'clearing.issued_in_future',
      'issuedOn',
    ]);
    expect(await refusal(recordInvoice(rep, cluster, a, b, 1_00, { issuedOn: '2025-02-30' }))).toEqual([
      400,
      'clearing.date_invalid',
      'issuedOn',
    ]);
    expect(
      await refusal(recordInvoice(rep, cluster, a, b, 1_00, { issuedOn: '2025-02-10', dueOn: '2025-02-01' })),
    ).toEqual([400, 'clearing.due_before_issued', 'dueOn']);
    expect(await refusal(recordInvoice(rep, cluster, a, member(other, 0), 1_00))).toEqual([
      404,
      'clearing.organisation_not_found',
      undefined,
    ]);
    expect(await refusal(recordInvoice(rep, cluster, a, b, 1_00, { reference: 'r'.repeat(81) }))).toEqual([
      400,
      'validation.too_long',
      'reference',
    ]);
    expect(await clearingEvents(cluster.id)).toEqual([]);
  });

  it('lets a representative record only for an organisation they represent', async () => {
    const cluster = await createCurrencyCluster(ctx, { members: 3 });
    const [a, b, c] = [member(cluster, 0), member(cluster, 1), member(cluster, 2)];
    const byThirdParty = await recordInvoice(c.representative, cluster, a, b, 5_00);
    expect([byThirdParty.status, byThirdParty.body.error.code]).toEqual([403, 'auth.forbidden']);
    const participant = await ctx.person('Resident');
    await participant.client.post(`/api/v1/clusters/${cluster.slug}/join`);
    expect((await recordInvoice(participant, cluster, a, b, 5_00)).status).toBe(403);
    expect((await participant.client.get(`${clearingOf(cluster)}/invoices`)).status).toBe(403);
  });

  it('lets the creditor mark payments received outside Kopa, partly then fully, never more than owed', async () => {
    const cluster = await createCurrencyCluster(ctx, { members: 2 });
    const [a, b] = [member(cluster, 0), member(cluster, 1)];
    const invoice = await recorded(a.representative, cluster, a, b, 100_00);
    const url = `${clearingOf(cluster)}/invoices/${invoice.id}/payments`;
    expect((await post(a.representative, url, { amountCents: 10_00 })).status).toBe(403);
    const partly = await post(b.representative, url, { amountCents: 30_00 });
    expect(partly.status).toBe(200);
    expect(partly.body).toMatchObject({ outstandingCents: 70_00, paidCents: 30_00, status: 'open' });
    const tooMuch = await post(b.representative, url, { amountCents: 70_01 });
    expect([tooMuch.status, tooMuch.body.error.code]).toEqual([409, 'clearing.payment_exceeds_outstanding']);
    const fully = await post(b.representative, url, { amountCents: 70_00 });
    expect(fully.body).toMatchObject({ outstandingCents: 0, paidCents: 100_00, status: 'settled' });
    expect((await post(b.representative, url, { amountCents: 1 })).body.error.code).toBe(
      'clearing.invoice_settled',
    );
    const open = await b.representative.client.get(`${clearingOf(cluster)}/invoices?openOnly=true`);
    expect(open.body.items).toEqual([]);
  });

  it('lets either side withdraw an invoice on which nothing was paid, and keeps it on record', async () => {
    const cluster = await createCurrencyCluster(ctx, { members: 2 });
    const [a, b] = [member(cluster, 0), member(cluster, 1)];
    const mistaken = await recorded(b.representative, cluster, a, b, 20_00);
    const withdrawn = await post(
      a.representative,
      `${clearingOf(cluster)}/invoices/${mistaken.id}/withdrawal`,
    );
    expect(withdrawn.status).toBe(200);
    expect(withdrawn.body).toMatchObject({ status: 'withdrawn', can: { markPaid: false, withdraw: false } });
    const again = await post(b.representative, `${clearingOf(cluster)}/invoices/${mistaken.id}/withdrawal`);
    expect(again.body.error.code).toBe('clearing.invoice_withdrawn');

    const partlyPaid = await recorded(a.representative, cluster, a, b, 20_00);
    await post(b.representative, `${clearingOf(cluster)}/invoices/${partlyPaid.id}/payments`, {
      amountCents: 1_00,
    });
    const refused = await post(
      a.representative,
      `${clearingOf(cluster)}/invoices/${partlyPaid.id}/withdrawal`,
    );
    expect([refused.status, refused.body.error.code]).toEqual([409, 'clearing.invoice_not_withdrawable']);
    const all = (await a.representative.client.get(`${clearingOf(cluster)}/invoices`)).body.items;
    expect(all.map((i: { status: string }) => i.status)).toEqual(['open', 'withdrawn']);
  });

  it('lists invoices newest first, page by page, by organisation and open only', async () => {
    const cluster = await createCurrencyCluster(ctx, { members: 3 });
    const [a, b, c] = [member(cluster, 0), member(cluster, 1), member(cluster, 2)];
    const coordinator = cluster.coordinator;
    const ids = [];
    for (let i = 0; i < 5; i++) ids.push((await recorded(coordinator, cluster, a, b, (i + 1) * 1_00)).id);
    const onC = await recorded(coordinator, cluster, b, c, 9_00);
    await post(coordinator, `${clearingOf(cluster)}/invoices/${ids[0]}/payments`, { amountCents: 1_00 });

    const first = (await coordinator.client.get(`${clearingOf(cluster)}/invoices?limit=4`)).body;
    expect(first.items.map((i: { id: string }) => i.id)).toEqual([onC.id, ids[4], ids[3], ids[2]]);
    const second = (
      await coordinator.client.get(`${clearingOf(cluster)}/invoices?limit=4&cursor=${first.nextCursor}`)
    ).body;
    expect(second).toEqual({
      items: [expect.objectContaining({ id: ids[1] }), expect.objectContaining({ id: ids[0] })],
      nextCursor: null,
    });
    const ofC = (
      await coordinator.client.get(`${clearingOf(cluster)}/invoices?organisationId=${c.organisationId}`)
    ).body;
    expect(ofC.items.map((i: { id: string }) => i.id)).toEqual([onC.id]);
    const open = (await coordinator.client.get(`${clearingOf(cluster)}/invoices?openOnly=true&limit=100`))
      .body;
    expect(open.items).toHaveLength(5);
    const notMine = await c.representative.client.get(
      `${clearingOf(cluster)}/invoices?organisationId=${a.organisationId}`,
    );
    expect(notMine.status).toBe(403);
    expect((await coordinator.client.get(`${clearingOf(cluster)}/invoices?cursor=forged`)).status).toBe(400);
  });
});

describe('importing invoices from CSV', () => {
  it('imports invoices naming members by name (any case) or id, in euros', async () => {
    const cluster = await createCurrencyCluster(ctx, { members: 3 });
    const [a, b, c] = [member(cluster, 0), member(cluster, 1), member(cluster, 2)];
    const csv = [
      'debtor,creditor,amount,reference,issued_on',
      `"${a.name.toUpperCase()}",${b.organisationId},1234.50,F-1,2025-01-02`,
      `${b.organisationId},"${c.name}",12,,2025-01-03`,
    ].join('\r\n');
    const imported = await post(cluster.coordinator, `${clearingOf(cluster)}/invoices/import`, { csv });
    expect(imported.status).toBe(201);
    expect(imported.body).toEqual({ importedCount: 2, totalCents: 1246_50 });
    const listed = (await cluster.coordinator.client.get(`${clearingOf(cluster)}/invoices`)).body.items;
    expect(
      listed.map((i: { debtor: { id: string }; creditor: { id: string }; amountCents: number }) => [
        i.debtor.id,
        i.creditor.id,
        i.amountCents,
      ]),
    ).toEqual(
      expect.arrayContaining([
        [a.organisationId, b.organisationId, 1234_50],
        [b.organisationId, c.organisationId, 12_00],
      ]),
    );
    const events = await clearingEvents(cluster.id);
    expect(events).toEqual([
      expect.objectContaining({
        action: 'clearing.invoices_imported',
        is_public: false,
        payload: expect.objectContaining({ invoiceCount: 2, totalCents: 1246_50 }),
      }),
    ]);
  });

  it('reports every problem with its line number, in the reader’s language, and writes nothing', async () => {
    const cluster = await createCurrencyCluster(ctx, { members: 2 });
    const [a, b] = [member(cluster, 0), member(cluster, 1)];
    const csv = [
      'debtor,creditor,amount,reference,issued_on',
      `${a.name},${b.name},10.00,ok,2025-01-01`,
      `${a.name},Nobody Ltd,10.00,,2025-01-01`,
      `${a.name},${b.name},10.001,,2025-01-01`,
      `${a.name},${a.organisationId},5,,2025-01-01`,
      `${a.name},${b.name},5,,${dayFromToday(2)}`,
      `${a.name},${b.name},5`,
    ].join('\n');
    const client = cluster.coordinator.client;
    client.cookies.set('kopa_locale', 'fr');
    const refused = await post(cluster.coordinator, `${clearingOf(cluster)}/invoices/import`, { csv });
    client.cookies.delete('kopa_locale');
    expect(refused.status).toBe(400);
    expect(refused.body.error).toEqual({
      code: 'clearing.import_invalid',
      message: 'Le fichier a 5 problèmes ; rien n’a été importé.',
    });
    expect(
      refused.body.problems.map((p: { line: number; code: string; column?: string }) => [
        p.line,
        p.code,
        p.column,
      ]),
    ).toEqual([
      [3, 'clearing.csv.organisation_unknown', 'creditor'],
      [4, 'clearing.csv.amount_invalid', 'amount'],
      [5, 'clearing.csv.same_organisation', 'creditor'],
      [6, 'clearing.csv.date_in_future', 'issued_on'],
      [7, 'clearing.csv.column_count', undefined],
    ]);
    expect(refused.body.problems[0].message).toBe(
      '« Nobody Ltd » n’est pas une organisation de ce cluster (donnez son nom exact ou son identifiant).',
    );
    expect((await client.get(`${clearingOf(cluster)}/invoices`)).body.items).toEqual([]);
    expect(await clearingEvents(cluster.id)).toEqual([]);
  });

  it('refuses a wrong header, a member who left, and a file over the size bound', async () => {
    const cluster = await createCurrencyCluster(ctx, { members: 3 });
    const [a, b, c] = [member(cluster, 0), member(cluster, 1), member(cluster, 2)];
    const url = `${clearingOf(cluster)}/invoices/import`;
    const header = await post(cluster.coordinator, url, { csv: 'debtor,creditor,amount\nA,B,100' });
    expect(header.body.problems).toEqual([
      expect.objectContaining({ line: 1, code: 'clearing.csv.header_invalid' }),
    ]);
    await post(
      cluster.coordinator,
      `/api/v1/clusters/${cluster.slug}/organisations/${c.organisationId}/membership`,
      {
        toStatus: 'left',
        reason: 'Closed down',
      },
    );
    const left = await post(cluster.coordinator, url, {
      csv: `debtor,creditor,amount,reference,issued_on\n${a.name},${c.name},1,,2025-01-01\n${a.name},${b.name},1,,2025-01-01`,
    });
    expect(left.body.problems).toEqual([
      expect.objectContaining({ line: 2, code: 'clearing.csv.organisation_not_active', column: 'creditor' }),
    ]);
    const huge = await post(cluster.coordinator, url, {
      csv: `debtor,creditor,amount,reference,issued_on\n${'x'.repeat(1024 * 1024)}`,
    });
    expect([huge.status, huge.body.error.code]).toEqual([400, 'validation.too_long']);
  });

  it('is for coordinators', async () => {
    const cluster = await createCurrencyCluster(ctx, { members: 2 });
    const [a, b] = [member(cluster, 0), member(cluster, 1)];
    const csv = `debtor,creditor,amount,reference,issued_on\n${a.name},${b.name},1,,2025-01-01`;
    const byRepresentative = await post(a.representative, `${clearingOf(cluster)}/invoices/import`, { csv });
    expect([byRepresentative.status, byRepresentative.body.error.code]).toEqual([403, 'auth.forbidden']);
  });
});

describe('a clearing round with confirmations', () => {
  it('clears a triangle completely once every affected member confirms, and keeps every net position', async () => {
    const cluster = await createCurrencyCluster(ctx, { members: 4 });
    const [a, b, c, d] = [member(cluster, 0), member(cluster, 1), member(cluster, 2), member(cluster, 3)];
    const invoices = await triangle(cluster);
    const before = await netPositions(cluster.id);

    const round = await runRound(cluster);
    expect(round).toMatchObject({
      status: 'proposed',
      needsConfirmation: true,
      invoiceCount: 4,
      totalCents: 350_00,
      clearedCents: 300_00,
      clearedBasisPoints: 8571,
      memberCount: 3,
      confirmations: { confirmed: 0, refused: 0, waiting: 3 },
      isStale: false,
    });
    // Proposing changes nothing yet.
    expect(await outstandingOf(invoices.ab.id)).toBe(100_00);

    // Each member sees what would be cancelled on its own invoices; the oldest A→B invoice goes first.
    const seenByA = await a.representative.client.get(
      `${clearingOf(cluster)}/rounds/${round.id}/cancellations?organisationId=${a.organisationId}`,
    );
    expect(
      seenByA.body.items.map(
        (x: { invoiceId: string; cancelledCents: number; outstandingAfterCents: number }) => [
          x.invoiceId,
          x.cancelledCents,
          x.outstandingAfterCents,
        ],
      ),
    ).toEqual(
      [
        [invoices.ab.id, 100_00, 0],
        [invoices.ca.id, 100_00, 0],
      ].sort((x, y) => String(x[0]).localeCompare(String(y[0]))),
    );
    const overviewOfA = (await a.representative.client.get(clearingOf(cluster))).body;
    expect(overviewOfA.openRound.mine).toEqual([
      expect.objectContaining({
        organisationId: a.organisationId,
        owesBeforeCents: 150_00,
        owedBeforeCents: 100_00,
        cancelledCents: 100_00,
        owesAfterCents: 50_00,
        owedAfterCents: 0,
        netPositionCents: -50_00,
        isAsked: true,
        decision: null,
      }),
    ]);

    expect((await decide(a, cluster, round.id, 'confirmed')).body.confirmations).toEqual({
      confirmed: 1,
      refused: 0,
      waiting: 2,
    });
    expect((await decide(a, cluster, round.id, 'confirmed')).body.error.code).toBe(
      'clearing.already_decided',
    );
    // D has no invoice in the round: it is not asked.
    expect((await decide(d, cluster, round.id, 'confirmed')).body.error.code).toBe('clearing.not_asked');
    await decide(b, cluster, round.id, 'confirmed');
    expect(await outstandingOf(invoices.ab.id)).toBe(100_00);
    const last = await decide(c, cluster, round.id, 'confirmed');
    expect(last.status).toBe(200);
    expect(last.body).toMatchObject({ status: 'applied', clearedCents: 300_00 });

    expect(await outstandingOf(invoices.ab.id)).toBe(0);
    expect(await outstandingOf(invoices.bc.id)).toBe(0);
    expect(await outstandingOf(invoices.ca.id)).toBe(0);
    expect(await outstandingOf(invoices.abLater.id)).toBe(50_00);
    const after = await netPositions(cluster.id);
    for (const organisation of [a, b, c]) {
      expect(after[organisation.organisationId]).toBe(before[organisation.organisationId]);
    }
    expect(after[a.organisationId]).toBe(-50_00);
    const cleared = (await a.representative.client.get(`${clearingOf(cluster)}/invoices`)).body.items.find(
      (i: { id: string }) => i.id === invoices.ab.id,
    );
    expect(cleared).toMatchObject({ clearedCents: 100_00, paidCents: 0, status: 'settled' });

    const report = (
      await cluster.coordinator.client.get(`${clearingOf(cluster)}/rounds/${round.id}/positions`)
    ).body;
    expect(
      report.items.map((p: { name: string; cancelledCents: number; netPositionCents: number }) => [
        p.name,
        p.cancelledCents,
        p.netPositionCents,
      ]),
    ).toEqual(
      [
        [a.name, 100_00, -50_00],
        [b.name, 100_00, 50_00],
        [c.name, 100_00, 0],
      ].sort((x, y) => String(x[0]).localeCompare(String(y[0]))),
    );
    const ownOnly = (await b.representative.client.get(`${clearingOf(cluster)}/rounds/${round.id}/positions`))
      .body;
    expect(ownOnly.items.map((p: { organisationId: string }) => p.organisationId)).toEqual([
      b.organisationId,
    ]);

    const events = await clearingEvents(cluster.id);
    const publicEvents = events.filter((e) => e.is_public);
    expect(publicEvents.map((e) => e.action)).toEqual(['clearing.round_proposed', 'clearing.round_applied']);
    expect(publicEvents[1]?.payload).toMatchObject({
      roundId: round.id,
      totalCents: 350_00,
      clearedCents: 300_00,
      clearedBasisPoints: 8571,
      memberCount: 3,
    });
    for (const event of publicEvents) {
      for (const organisation of [a, b, c])
        expect(JSON.stringify(event.payload)).not.toContain(organisation.organisationId);
    }
    expect(events.filter((e) => e.action === 'clearing.round_confirmed' && !e.is_public)).toHaveLength(3);
    const chain = await verifyAll(ctx.db, cluster.slug, new Set([ctx.audit.keyId]));
    expect(chain).toEqual([expect.objectContaining({ isValid: true })]);
  });

  it('asks the people acting for each affected member by mail, with what it would cancel for them', async () => {
    const cluster = await createCurrencyCluster(ctx, { members: 4 });
    const [a, b, d] = [member(cluster, 0), member(cluster, 1), member(cluster, 3)];
    await triangle(cluster);
    const round = await runRound(cluster);
    const [asked] = (await mailsTo(ctx.db, a.representative.email)).filter((mail) =>
      mail.subject.startsWith('Clearing'),
    );
    expect(asked?.subject).toMatch(/^Clearing in .+: €100\.00 of .+’s invoices — please confirm$/);
    expect(asked?.subject).toContain(a.name);
    expect(asked?.body_text).toContain(`/clusters/${cluster.slug}/clearing/rounds/${round.id}`);
    expect((await mailsTo(ctx.db, b.representative.email))[0]?.subject).toContain(b.name);
    // A member the round does not touch is not asked.
    const toD = await mailsTo(ctx.db, d.representative.email);
    expect(toD.filter((mail) => mail.subject.startsWith('Clearing'))).toEqual([]);
  });

  it('is cancelled by one refusal; the next round can leave out the refusing member', async () => {
    const cluster = await createCurrencyCluster(ctx, { members: 4 });
    const [a, b, c, d] = [member(cluster, 0), member(cluster, 1), member(cluster, 2), member(cluster, 3)];
    const invoices = await triangle(cluster);
    // A second cycle A→B→D→A that survives without C.
    await recorded(cluster.coordinator, cluster, b, d, 40_00);
    await recorded(cluster.coordinator, cluster, d, a, 40_00);
    const round = await runRound(cluster);
    expect(round.clearedCents).toBe(420_00);
    await decide(a, cluster, round.id, 'confirmed');
    const refused = await decide(c, cluster, round.id, 'refused');
    expect(refused.body).toMatchObject({ status: 'cancelled', cancelReason: 'refused' });
    expect(await outstandingOf(invoices.ab.id)).toBe(100_00);
    expect((await decide(b, cluster, round.id, 'confirmed')).body.error.code).toBe('clearing.round_not_open');

    const without = await runRound(cluster, { excludeOrganisationIds: [c.organisationId] });
    expect(without).toMatchObject({
      status: 'proposed',
      clearedCents: 120_00,
      memberCount: 3,
      excludedOrganisations: [{ id: c.organisationId, name: c.name }],
    });
    const cancelEvent = (await clearingEvents(cluster.id)).find(
      (e) => e.action === 'clearing.round_cancelled',
    );
    expect(cancelEvent).toMatchObject({
      is_public: true,
      payload: expect.objectContaining({ reason: 'refused' }),
    });
    expect(cancelEvent?.payload).not.toHaveProperty('by');
  });

  it('waits for confirmations when the cluster has no currency (and so no rule saying otherwise)', async () => {
    const cluster = await ctx.cluster();
    const organisations = [];
    for (const name of ['Alfa', 'Beta', 'Gamma']) {
      const registered = await cluster.coordinator.client.post(
        `/api/v1/clusters/${cluster.slug}/organisations`,
        {
          name,
          legalForm: 'association',
          sector: 'civil_society',
          country: 'LV',
        },
      );
      await cluster.coordinator.client.post(
        `/api/v1/clusters/${cluster.slug}/organisations/${registered.body.id}/membership`,
        { toStatus: 'active' },
      );
      organisations.push({ organisationId: registered.body.id as string });
    }
    const [x, y, z] = organisations as [
      { organisationId: string },
      { organisationId: string },
      { organisationId: string },
    ];
    await recorded(cluster.coordinator, cluster, x, y, 5_00);
    await recorded(cluster.coordinator, cluster, y, z, 5_00);
    await recorded(cluster.coordinator, cluster, z, x, 5_00);
    const overview = (await cluster.coordinator.client.get(clearingOf(cluster))).body;
    expect(overview).toMatchObject({
      needsConfirmation: true,
      openInvoices: { invoiceCount: 3, outstandingCents: 15_00 },
    });
    const round = await post(cluster.coordinator, `${clearingOf(cluster)}/rounds`);
    expect(round.body).toMatchObject({ needsConfirmation: true, confirmations: { waiting: 3 } });
    const apply = await post(cluster.coordinator, `${clearingOf(cluster)}/rounds/${round.body.id}/apply`);
    expect([apply.status, apply.body.error.code]).toEqual([409, 'clearing.confirmations_missing']);
  });
});

describe('a clearing round the coordinator applies directly', () => {
  it('applies at once where the cluster’s rule needs no confirmation', async () => {
    const cluster = await createCurrencyCluster(ctx, {
      members: 3,
      settings: { clearingNeedsConfirmation: false },
    });
    const invoices = await triangle(cluster);
    const before = await netPositions(cluster.id);
    const round = await runRound(cluster);
    expect(round).toMatchObject({ needsConfirmation: false, confirmations: { waiting: 0 } });
    expect((await decide(member(cluster, 0), cluster, round.id, 'confirmed')).body.error.code).toBe(
      'clearing.not_asked',
    );
    const applied = await post(cluster.coordinator, `${clearingOf(cluster)}/rounds/${round.id}/apply`);
    expect(applied.body).toMatchObject({ status: 'applied', clearedCents: 300_00 });
    expect(await outstandingOf(invoices.bc.id)).toBe(0);
    expect(await netPositions(cluster.id)).toEqual(before);
    const again = await post(cluster.coordinator, `${clearingOf(cluster)}/rounds/${round.id}/apply`);
    expect(again.body.error.code).toBe('clearing.round_not_open');
  });

  it('refuses a stale round with 409 and writes nothing: an invoice was paid after the proposal', async () => {
    const cluster = await createCurrencyCluster(ctx, {
      members: 3,
      settings: { clearingNeedsConfirmation: false },
    });
    const invoices = await triangle(cluster);
    const round = await runRound(cluster);
    await post(cluster.coordinator, `${clearingOf(cluster)}/invoices/${invoices.bc.id}/payments`, {
      amountCents: 10_00,
    });
    expect(
      (await cluster.coordinator.client.get(`${clearingOf(cluster)}/rounds/${round.id}`)).body.isStale,
    ).toBe(true);
    const eventsBefore = await clearingEvents(cluster.id);

    const stale = await post(cluster.coordinator, `${clearingOf(cluster)}/rounds/${round.id}/apply`);
    expect([stale.status, stale.body.error.code]).toEqual([409, 'clearing.round_stale']);
    expect(await outstandingOf(invoices.ab.id)).toBe(100_00);
    expect(await outstandingOf(invoices.bc.id)).toBe(90_00);
    expect(await clearingEvents(cluster.id)).toEqual(eventsBefore);
    expect(
      (await cluster.coordinator.client.get(`${clearingOf(cluster)}/rounds/${round.id}`)).body.status,
    ).toBe('proposed');

    const cancelled = await post(cluster.coordinator, `${clearingOf(cluster)}/rounds/${round.id}/cancel`);
    expect(cancelled.body).toMatchObject({ status: 'cancelled', cancelReason: 'coordinator' });
    const fresh = await runRound(cluster);
    expect(fresh.clearedCents).toBe(270_00);
  });

  it('refuses the last confirmation of a stale round, leaving the round and the invoices as they were', async () => {
    const cluster = await createCurrencyCluster(ctx, { members: 3 });
    const [a, b, c] = [member(cluster, 0), member(cluster, 1), member(cluster, 2)];
    const invoices = await triangle(cluster);
    const round = await runRound(cluster);
    await decide(a, cluster, round.id, 'confirmed');
    await decide(b, cluster, round.id, 'confirmed');
    await post(a.representative, `${clearingOf(cluster)}/invoices/${invoices.ca.id}/payments`, {
      amountCents: 1,
    });
    const stale = await decide(c, cluster, round.id, 'confirmed');
    expect([stale.status, stale.body.error.code]).toEqual([409, 'clearing.round_stale']);
    const report = (await c.representative.client.get(`${clearingOf(cluster)}/rounds/${round.id}`)).body;
    expect(report).toMatchObject({
      status: 'proposed',
      isStale: true,
      confirmations: { confirmed: 2, waiting: 1 },
    });
    expect(await outstandingOf(invoices.ab.id)).toBe(100_00);
  });
});

describe('who may do what with rounds', () => {
  it('lets only coordinators run, apply and cancel; a member decides only for its own organisation', async () => {
    const cluster = await createCurrencyCluster(ctx, { members: 3 });
    const [a, b] = [member(cluster, 0), member(cluster, 1)];
    await triangle(cluster);
    expect((await post(a.representative, `${clearingOf(cluster)}/rounds`)).status).toBe(403);
    const round = await runRound(cluster);
    const url = `${clearingOf(cluster)}/rounds/${round.id}`;
    expect((await post(a.representative, `${url}/apply`)).status).toBe(403);
    expect((await post(a.representative, `${url}/cancel`)).status).toBe(403);
    const forOther = await post(a.representative, `${url}/decisions`, {
      organisationId: b.organisationId,
      decision: 'refused',
    });
    expect([forOther.status, forOther.body.error.code]).toEqual([403, 'auth.forbidden']);
    // A coordinator without a mandate does not answer for a member.
    const byCoordinator = await post(cluster.coordinator, `${url}/decisions`, {
      organisationId: b.organisationId,
      decision: 'confirmed',
    });
    expect(byCoordinator.status).toBe(403);
    const othersInvoices = await a.representative.client.get(
      `${url}/cancellations?organisationId=${b.organisationId}`,
    );
    expect(othersInvoices.status).toBe(403);
    expect((await a.representative.client.get(`${url}/cancellations`)).status).toBe(403);
    expect((await cluster.coordinator.client.get(`${url}/cancellations?limit=100`)).body.items).toHaveLength(
      3,
    );
  });

  it('keeps one round waiting at a time, says plainly when nothing can be cleared, and holds invoices in a waiting round', async () => {
    const cluster = await createCurrencyCluster(ctx, { members: 3 });
    const [a, b, c] = [member(cluster, 0), member(cluster, 1), member(cluster, 2)];
    const nothing = await post(cluster.coordinator, `${clearingOf(cluster)}/rounds`);
    expect([nothing.status, nothing.body.error.code]).toEqual([409, 'clearing.nothing_open']);
    await recorded(cluster.coordinator, cluster, a, b, 10_00);
    await recorded(cluster.coordinator, cluster, b, c, 10_00);
    const noCycle = await post(cluster.coordinator, `${clearingOf(cluster)}/rounds`);
    expect([noCycle.status, noCycle.body.error.code]).toEqual([409, 'clearing.nothing_to_clear']);
    const closing = await recorded(cluster.coordinator, cluster, c, a, 10_00);
    const [first, second] = await Promise.all([
      post(cluster.coordinator, `${clearingOf(cluster)}/rounds`),
      post(cluster.coordinator, `${clearingOf(cluster)}/rounds`),
    ]);
    expect([first.status, second.status].sort()).toEqual([201, 409]);
    expect([first, second].find((r) => r.status === 409)?.body.error.code).toBe('clearing.round_open');
    const held = await post(c.representative, `${clearingOf(cluster)}/invoices/${closing.id}/withdrawal`);
    expect([held.status, held.body.error.code]).toEqual([409, 'clearing.invoice_in_round']);
  });

  it('lists past rounds newest first, page by page', async () => {
    const cluster = await createCurrencyCluster(ctx, { members: 3 });
    await triangle(cluster);
    const ids = [];
    for (let i = 0; i < 3; i++) {
      const round = await runRound(cluster);
      ids.push(round.id);
      await post(cluster.coordinator, `${clearingOf(cluster)}/rounds/${round.id}/cancel`);
    }
    const page = (await member(cluster, 0).representative.client.get(`${clearingOf(cluster)}/rounds?limit=2`))
      .body;
    expect(page.items.map((r: { id: string }) => r.id)).toEqual([ids[2], ids[1]]);
    const rest = (
      await member(cluster, 0).representative.client.get(
        `${clearingOf(cluster)}/rounds?limit=2&cursor=${page.nextCursor}`,
      )
    ).body;
    expect(rest).toEqual({
      items: [expect.objectContaining({ id: ids[0], status: 'cancelled' })],
      nextCursor: null,
    });
  });
});
