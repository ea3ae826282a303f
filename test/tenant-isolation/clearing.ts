/** The clearing routes: nobody outside cluster B sees its members' euro invoices or touches its rounds. */
import { randomUUID } from 'node:crypto';
import { expect } from 'vitest';
import { denied, type TenantCaseSet } from '../support/tenant-isolation.ts';

export const clearingCases: TenantCaseSet = {
  async prepare({ intruder, slugA, ownOrganisationId, publicB, privateB }) {
    const b = `/api/v1/clusters/${publicB.slug}/clearing`;
    const a = `/api/v1/clusters/${slugA}/clearing`;
    const owner = publicB.coordinator.client;
    const keyedBy =
      (client: typeof owner) =>
      (method: string, url: string, body: unknown = {}) =>
        client.request(method, url, body, { 'idempotency-key': randomUUID() });
    // A second member of B for a while, so B has a debt cycle and a waiting round to aim at.
    const second = await owner.post(`/api/v1/clusters/${publicB.slug}/organisations`, {
      name: 'B supplier',
      legalForm: 'association',
      sector: 'civil_society',
      country: 'FR',
    });
    await owner.post(`/api/v1/clusters/${publicB.slug}/organisations/${second.body.id}/membership`, {
      toStatus: 'active',
    });
    const invoiceBody = (debtor: string, creditor: string) => ({
      debtorOrganisationId: debtor,
      creditorOrganisationId: creditor,
      amountCents: 10_00,
      reference: 'B-secret',
      issuedOn: '2025-01-01',
    });
    const bInvoice = (
      await keyedBy(owner)('POST', `${b}/invoices`, invoiceBody(publicB.activeId, second.body.id))
    ).body.id;
    await keyedBy(owner)('POST', `${b}/invoices`, invoiceBody(second.body.id, publicB.activeId));
    const bRound = (await keyedBy(owner)('POST', `${b}/rounds`)).body.id;
    expect(bRound).toEqual(expect.any(String));
    // The supplier leaves again, so B's public directory stays what the other cases expect.
    await owner.post(`/api/v1/clusters/${publicB.slug}/organisations/${second.body.id}/membership`, {
      toStatus: 'left',
      reason: 'Moved away',
    });

    const c = intruder.client;
    const keyed = keyedBy(c);
    const round = `${b}/rounds/${bRound}`;
    // The same ids under cluster A's slug: B's invoices, rounds and members do not exist there.
    const crossRound = `${a}/rounds/${bRound}`;
    const forbidden = denied(403, 'auth.forbidden');

    return () => [
      {
        method: 'GET',
        path: '/clusters/{slug}/clearing',
        check: async () => {
          forbidden(await c.get(b));
          denied(404, 'cluster.not_found')(await c.get(`/api/v1/clusters/${privateB.slug}/clearing`));
        },
      },
      {
        method: 'GET',
        path: '/clusters/{slug}/clearing/invoices',
        check: async () => {
          forbidden(await c.get(`${b}/invoices`));
          denied(
            404,
            'clearing.organisation_not_found',
          )(await c.get(`${a}/invoices?organisationId=${publicB.activeId}`));
        },
      },
      {
        method: 'POST',
        path: '/clusters/{slug}/clearing/invoices',
        check: async () => {
          forbidden(await keyed('POST', `${b}/invoices`, invoiceBody(publicB.activeId, second.body.id)));
          denied(
            404,
            'clearing.organisation_not_found',
          )(await keyed('POST', `${a}/invoices`, invoiceBody(ownOrganisationId, publicB.activeId)));
        },
      },
      {
        method: 'POST',
        path: '/clusters/{slug}/clearing/invoices/import',
        check: async () => {
          const csv = `debtor,creditor,amount,reference,issued_on\nA’s own,${publicB.activeId},1,,2025-01-01`;
          forbidden(await keyed('POST', `${b}/invoices/import`, { csv }));
          const fromA = await keyed('POST', `${a}/invoices/import`, { csv });
          expect(fromA.body.problems).toEqual([
            expect.objectContaining({
              line: 2,
              code: 'clearing.csv.organisation_unknown',
              column: 'creditor',
            }),
          ]);
        },
      },
      {
        method: 'POST',
        path: '/clusters/{slug}/clearing/invoices/{invoiceId}/payments',
        check: async () => {
          forbidden(await keyed('POST', `${b}/invoices/${bInvoice}/payments`, { amountCents: 1 }));
          denied(
            404,
            'clearing.invoice_not_found',
          )(await keyed('POST', `${a}/invoices/${bInvoice}/payments`, { amountCents: 1 }));
        },
      },
      {
        method: 'POST',
        path: '/clusters/{slug}/clearing/invoices/{invoiceId}/withdrawal',
        check: async () => {
          forbidden(await keyed('POST', `${b}/invoices/${bInvoice}/withdrawal`));
          denied(
            404,
            'clearing.invoice_not_found',
          )(await keyed('POST', `${a}/invoices/${bInvoice}/withdrawal`));
        },
      },
      {
        method: 'GET',
        path: '/clusters/{slug}/clearing/rounds',
        check: async () => forbidden(await c.get(`${b}/rounds`)),
      },
      {
        method: 'POST',
        path: '/clusters/{slug}/clearing/rounds',
        check: async () => {
          forbidden(await keyed('POST', `${b}/rounds`));
          denied(
            404,
            'clearing.organisation_not_found',
          )(await keyed('POST', `${a}/rounds`, { excludeOrganisationIds: [publicB.activeId] }));
        },
      },
      {
        method: 'GET',
        path: '/clusters/{slug}/clearing/rounds/{roundId}',
        check: async () => {
          forbidden(await c.get(round));
          denied(404, 'clearing.round_not_found')(await c.get(crossRound));
        },
      },
      {
        method: 'GET',
        path: '/clusters/{slug}/clearing/rounds/{roundId}/positions',
        check: async () => {
          forbidden(await c.get(`${round}/positions`));
          denied(404, 'clearing.round_not_found')(await c.get(`${crossRound}/positions`));
        },
      },
      {
        method: 'GET',
        path: '/clusters/{slug}/clearing/rounds/{roundId}/cancellations',
        check: async () => {
          forbidden(await c.get(`${round}/cancellations?organisationId=${publicB.activeId}`));
          denied(404, 'clearing.round_not_found')(await c.get(`${crossRound}/cancellations`));
        },
      },
      {
        method: 'POST',
        path: '/clusters/{slug}/clearing/rounds/{roundId}/decisions',
        check: async () => {
          const body = { organisationId: publicB.activeId, decision: 'refused' };
          forbidden(await keyed('POST', `${round}/decisions`, body));
          denied(404, 'clearing.round_not_found')(await keyed('POST', `${crossRound}/decisions`, body));
        },
      },
      {
        method: 'POST',
        path: '/clusters/{slug}/clearing/rounds/{roundId}/apply',
        check: async () => {
          forbidden(await keyed('POST', `${round}/apply`));
          denied(404, 'clearing.round_not_found')(await keyed('POST', `${crossRound}/apply`));
        },
      },
      {
        method: 'POST',
        path: '/clusters/{slug}/clearing/rounds/{roundId}/cancel',
        check: async () => {
          forbidden(await keyed('POST', `${round}/cancel`));
          denied(404, 'clearing.round_not_found')(await keyed('POST', `${crossRound}/cancel`));
          // Still waiting, untouched by every attempt above.
          expect((await owner.get(round)).body).toMatchObject({
            status: 'proposed',
            confirmations: { refused: 0 },
          });
        },
      },
    ];
  },
};
