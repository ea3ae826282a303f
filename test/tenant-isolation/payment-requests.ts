/** Payment requests, trusted payees and recurring payments: nobody outside cluster B sees or moves any of B's. */
import { randomUUID } from 'node:crypto';
import { DEFAULT_SETTINGS } from '../support/currency-fixture.ts';
import { denied, type TenantCaseSet } from '../support/tenant-isolation.ts';

const accountOfKind = async (
  client: { get(url: string): Promise<{ body: { myAccounts: { kind: string; accountId: string }[] } }> },
  base: string,
  kind: string,
) =>
  ((await client.get(base)).body.myAccounts.find((account) => account.kind === kind) as { accountId: string })
    .accountId;

export const paymentRequestCases: TenantCaseSet = {
  async prepare({ intruder, slugA, publicB, privateB }) {
    const b = `/api/v1/clusters/${publicB.slug}/currency`;
    const a = `/api/v1/clusters/${slugA}/currency`;
    const owner = publicB.coordinator.client;
    if ((await owner.get(b)).body.currency === null) await owner.put(b, DEFAULT_SETTINGS);
    if ((await intruder.client.get(a)).body.currency === null) await intruder.client.put(a, DEFAULT_SETTINGS);
    const bMember = await accountOfKind(owner, b, 'member');
    const bFee = await accountOfKind(owner, b, 'fee');
    const aFee = await accountOfKind(intruder.client, a, 'fee');
    const ownerKeyed = (method: string, url: string, body?: unknown) =>
      owner.request(method, url, body, { 'idempotency-key': randomUUID() });
    const bRequest = (
      await ownerKeyed('POST', `${b}/accounts/${bMember}/requests`, {
        payerAccountId: bFee,
        amountMinor: 1_00,
        description: 'Hall rental',
      })
    ).body.id as string;
    await ownerKeyed('PUT', `${b}/accounts/${bMember}/trusted-payees/${bFee}`, { maxAmountMinor: 10_00 });
    const bRecurring = (
      await ownerKeyed('POST', `${b}/accounts/${bMember}/recurring-payments`, {
        toAccountId: bFee,
        amountMinor: 1_00,
        description: 'Membership fee',
        every: 'month',
        firstDueOn: `${new Date().getUTCFullYear() + 1}-01-01`,
      })
    ).body.id as string;

    const c = intruder.client;
    const keyed = (method: string, url: string, body?: unknown) =>
      c.request(method, url, body, { 'idempotency-key': randomUUID() });
    const account = `${b}/accounts/${bMember}`;
    // B's ids under A's slug: they do not exist there.
    const crossAccount = `${a}/accounts/${bMember}`;
    const ownAccount = `${a}/accounts/${aFee}`;
    const recurringBody = {
      toAccountId: bMember,
      amountMinor: 1_00,
      description: 'x',
      every: 'month',
      firstDueOn: `${new Date().getUTCFullYear() + 1}-01-01`,
    };

    return () => [
      {
        method: 'GET',
        path: '/clusters/{slug}/currency/accounts/{accountId}/requests',
        check: async () => {
          denied(403, 'auth.forbidden')(await c.get(`${account}/requests`));
          denied(404, 'currency.account_not_found')(await c.get(`${crossAccount}/requests`));
          denied(
            404,
            'cluster.not_found',
          )(await c.get(`/api/v1/clusters/${privateB.slug}/currency/accounts/${bMember}/requests`));
        },
      },
      {
        method: 'POST',
        path: '/clusters/{slug}/currency/accounts/{accountId}/requests',
        check: async () => {
          const body = { payerAccountId: bFee, amountMinor: 1_00, description: 'x' };
          denied(403, 'auth.forbidden')(await keyed('POST', `${account}/requests`, body));
          // From A's own account, asking B's account: the payer does not exist in A.
          denied(
            404,
            'currency.account_not_found',
          )(await keyed('POST', `${ownAccount}/requests`, { ...body, payerAccountId: bMember }));
        },
      },
      ...(['accept', 'decline', 'withdraw'] as const).map((action) => ({
        method: 'POST',
        path: `/clusters/{slug}/currency/requests/{requestId}/${action}`,
        check: async () => {
          const body = action === 'decline' ? { reason: 'x' } : undefined;
          denied(403, 'auth.forbidden')(await keyed('POST', `${b}/requests/${bRequest}/${action}`, body));
          denied(
            404,
            'payment_request.not_found',
          )(await keyed('POST', `${a}/requests/${bRequest}/${action}`, body));
        },
      })),
      {
        method: 'GET',
        path: '/clusters/{slug}/currency/accounts/{accountId}/trusted-payees',
        check: async () => {
          denied(403, 'auth.forbidden')(await c.get(`${account}/trusted-payees`));
          denied(404, 'currency.account_not_found')(await c.get(`${crossAccount}/trusted-payees`));
        },
      },
      {
        method: 'PUT',
        path: '/clusters/{slug}/currency/accounts/{accountId}/trusted-payees/{payeeAccountId}',
        check: async () => {
          denied(
            403,
            'auth.forbidden',
          )(await keyed('PUT', `${account}/trusted-payees/${bFee}`, { maxAmountMinor: 1 }));
          denied(
            404,
            'currency.account_not_found',
          )(await keyed('PUT', `${ownAccount}/trusted-payees/${bMember}`, { maxAmountMinor: 1 }));
        },
      },
      {
        method: 'DELETE',
        path: '/clusters/{slug}/currency/accounts/{accountId}/trusted-payees/{payeeAccountId}',
        check: async () => {
          denied(403, 'auth.forbidden')(await keyed('DELETE', `${account}/trusted-payees/${bFee}`));
          denied(
            404,
            'trusted_payee.not_found',
          )(await keyed('DELETE', `${ownAccount}/trusted-payees/${bMember}`));
        },
      },
      {
        method: 'GET',
        path: '/clusters/{slug}/currency/accounts/{accountId}/recurring-payments',
        check: async () => {
          denied(403, 'auth.forbidden')(await c.get(`${account}/recurring-payments`));
          denied(404, 'currency.account_not_found')(await c.get(`${crossAccount}/recurring-payments`));
        },
      },
      {
        method: 'POST',
        path: '/clusters/{slug}/currency/accounts/{accountId}/recurring-payments',
        check: async () => {
          denied(
            403,
            'auth.forbidden',
          )(await keyed('POST', `${account}/recurring-payments`, { ...recurringBody, toAccountId: bFee }));
          denied(
            404,
            'currency.account_not_found',
          )(await keyed('POST', `${ownAccount}/recurring-payments`, recurringBody));
        },
      },
      {
        method: 'POST',
        path: '/clusters/{slug}/currency/recurring-payments/{recurringPaymentId}/cancel',
        check: async () => {
          denied(403, 'auth.forbidden')(await keyed('POST', `${b}/recurring-payments/${bRecurring}/cancel`));
          denied(
            404,
            'recurring_payment.not_found',
          )(await keyed('POST', `${a}/recurring-payments/${bRecurring}/cancel`));
        },
      },
      {
        method: 'POST',
        path: '/clusters/{slug}/currency/recurring-payments/{recurringPaymentId}/occurrences/{dueOn}/pay',
        check: async () => {
          const occurrence = `occurrences/${new Date().getUTCFullYear() + 1}-01-01/pay`;
          denied(
            403,
            'auth.forbidden',
          )(await keyed('POST', `${b}/recurring-payments/${bRecurring}/${occurrence}`));
          denied(
            404,
            'recurring_payment.not_found',
          )(await keyed('POST', `${a}/recurring-payments/${bRecurring}/${occurrence}`));
        },
      },
    ];
  },
};
