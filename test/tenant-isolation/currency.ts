/** The currency routes: nobody outside cluster B sees its balances or moves its money. */
import { randomUUID } from 'node:crypto';
import { expect } from 'vitest';
import { DEFAULT_SETTINGS } from '../support/currency-fixture.ts';
import { denied, type TenantCaseSet } from '../support/tenant-isolation.ts';

export const currencyCases: TenantCaseSet = {
  async prepare({ intruder, slugA, publicB, privateB }) {
    const b = `/api/v1/clusters/${publicB.slug}/currency`;
    const a = `/api/v1/clusters/${slugA}/currency`;
    await publicB.coordinator.client.put(b, DEFAULT_SETTINGS);
    await intruder.client.put(a, DEFAULT_SETTINGS);
    const bAccount = (await publicB.coordinator.client.get(b)).body.myAccounts.find(
      (account: { kind: string }) => account.kind === 'member',
    ).accountId;
    const bFee = (await publicB.coordinator.client.get(b)).body.myAccounts.find(
      (account: { kind: string }) => account.kind === 'fee',
    ).accountId;
    const aFee = (await intruder.client.get(a)).body.myAccounts.find(
      (account: { kind: string }) => account.kind === 'fee',
    ).accountId;
    const paid = await publicB.coordinator.client.request(
      'POST',
      `${b}/accounts/${bAccount}/payments`,
      { toAccountId: bFee, amountMinor: 1_00, description: 'Membership fee' },
      { 'idempotency-key': randomUUID() },
    );
    const bTransfer = paid.body.transfer.id;
    const c = intruder.client;
    const keyed = (method: string, url: string, body?: unknown) =>
      c.request(method, url, body, { 'idempotency-key': randomUUID() });
    const account = `${b}/accounts/${bAccount}`;
    // The same ids under cluster A's slug: B's accounts and transfers do not exist there.
    const crossAccount = `${a}/accounts/${bAccount}`;

    return () => [
      {
        method: 'GET',
        path: '/clusters/{slug}/currency',
        check: async () => {
          const overview = await c.get(b);
          expect(overview.status).toBe(200);
          expect(overview.body.myAccounts).toEqual([]);
          expect(overview.body.can.manage).toBe(false);
          denied(404, 'cluster.not_found')(await c.get(`/api/v1/clusters/${privateB.slug}/currency`));
        },
      },
      {
        method: 'PUT',
        path: '/clusters/{slug}/currency',
        check: async () =>
          denied(403, 'auth.forbidden')(await c.put(b, { ...DEFAULT_SETTINGS, name: 'Taken' })),
      },
      {
        method: 'GET',
        path: '/clusters/{slug}/currency/figures',
        check: async () => {
          const figures = await c.get(`${b}/figures`);
          expect(JSON.stringify(figures.body)).not.toContain(bAccount);
          denied(404, 'cluster.not_found')(await c.get(`/api/v1/clusters/${privateB.slug}/currency/figures`));
        },
      },
      {
        method: 'GET',
        path: '/clusters/{slug}/currency/accounts',
        check: async () => denied(403, 'auth.forbidden')(await c.get(`${b}/accounts`)),
      },
      {
        method: 'GET',
        path: '/clusters/{slug}/currency/payees',
        check: async () => denied(403, 'auth.forbidden')(await c.get(`${b}/payees`)),
      },
      {
        method: 'GET',
        path: '/clusters/{slug}/currency/accounts/{accountId}',
        check: async () => {
          denied(403, 'auth.forbidden')(await c.get(account));
          denied(404, 'currency.account_not_found')(await c.get(crossAccount));
        },
      },
      {
        method: 'PATCH',
        path: '/clusters/{slug}/currency/accounts/{accountId}',
        check: async () => {
          denied(403, 'auth.forbidden')(await keyed('PATCH', account, { status: 'frozen', reason: 'x' }));
          denied(
            404,
            'currency.account_not_found',
          )(await keyed('PATCH', crossAccount, { status: 'frozen', reason: 'x' }));
        },
      },
      {
        method: 'POST',
        path: '/clusters/{slug}/currency/accounts/{accountId}/close',
        check: async () => {
          denied(403, 'auth.forbidden')(await keyed('POST', `${account}/close`));
          denied(404, 'currency.account_not_found')(await keyed('POST', `${crossAccount}/close`));
        },
      },
      {
        method: 'GET',
        path: '/clusters/{slug}/currency/accounts/{accountId}/transfers',
        check: async () => {
          denied(403, 'auth.forbidden')(await c.get(`${account}/transfers`));
          denied(404, 'currency.account_not_found')(await c.get(`${crossAccount}/transfers`));
        },
      },
      {
        method: 'GET',
        path: '/clusters/{slug}/currency/accounts/{accountId}/transfers.csv',
        check: async () => denied(403, 'auth.forbidden')(await c.get(`${account}/transfers.csv`)),
      },
      {
        method: 'GET',
        path: '/clusters/{slug}/currency/accounts/{accountId}/activity',
        check: async () => denied(403, 'auth.forbidden')(await c.get(`${account}/activity`)),
      },
      {
        method: 'GET',
        path: '/clusters/{slug}/currency/accounts/{accountId}/payments/quote',
        check: async () =>
          denied(
            403,
            'auth.forbidden',
          )(await c.get(`${account}/payments/quote?toAccountId=${bFee}&amountMinor=100`)),
      },
      {
        method: 'POST',
        path: '/clusters/{slug}/currency/accounts/{accountId}/payments',
        check: async () => {
          const body = { toAccountId: bFee, amountMinor: 100, description: '' };
          denied(403, 'auth.forbidden')(await keyed('POST', `${account}/payments`, body));
          // From A's own account to B's: the payee does not exist in A.
          denied(
            404,
            'currency.account_not_found',
          )(await keyed('POST', `${a}/accounts/${aFee}/payments`, { ...body, toAccountId: bAccount }));
        },
      },
      {
        method: 'POST',
        path: '/clusters/{slug}/currency/transfers/{transferId}/reversal',
        check: async () => {
          denied(
            403,
            'auth.forbidden',
          )(await keyed('POST', `${b}/transfers/${bTransfer}/reversal`, { reason: 'x' }));
          denied(
            404,
            'currency.transfer_not_found',
          )(await keyed('POST', `${a}/transfers/${bTransfer}/reversal`, { reason: 'x' }));
        },
      },
      {
        method: 'POST',
        path: '/clusters/{slug}/currency/adjustments',
        check: async () => {
          const body = { fromAccountId: bAccount, toAccountId: bFee, amountMinor: 100, reason: 'x' };
          denied(403, 'auth.forbidden')(await keyed('POST', `${b}/adjustments`, body));
          denied(404, 'currency.account_not_found')(await keyed('POST', `${a}/adjustments`, body));
        },
      },
    ];
  },
};
