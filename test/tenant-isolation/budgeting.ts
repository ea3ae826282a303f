/**
 * The budgeting routes: nobody outside cluster B sees B's draft budgets or anyone's ballot, changes
 * B's budgets, votes in them, or reaches them through another cluster's slug.
 */
import { expect } from 'vitest';
import { denied, type TenantCaseSet } from '../support/tenant-isolation.ts';

export const budgetingCases: TenantCaseSet = {
  async prepare({ intruder, slugA, publicB, privateB }) {
    const owner = publicB.coordinator.client;
    const inB = `/api/v1/clusters/${publicB.slug}/budgets`;
    const budgetBody = (name: string) => ({
      name,
      currency: 'EUR',
      amountMinor: 10_000_00,
      rule: 'mes-add1',
      ballotType: 'approval',
      opensAt: new Date(Date.now() - 3_600_000).toISOString(),
      closesAt: new Date(Date.now() + 3_600_000).toISOString(),
      isCodeVoting: true,
    });
    const draftId = (await owner.post(inB, budgetBody('B draft'))).body.id as string;
    const draftProject = (
      await owner.post(`${inB}/${draftId}/projects`, { title: 'Secret plan', costMinor: 100 })
    ).body.id as string;
    const openId = (await owner.post(inB, budgetBody('B open'))).body.id as string;
    const openProject = (await owner.post(`${inB}/${openId}/projects`, { title: 'Park', costMinor: 100 }))
      .body.id as string;
    expect((await owner.post(`${inB}/${openId}/open`)).status).toBe(200);
    expect(
      (await owner.put(`${inB}/${openId}/ballot`, { choices: [{ projectId: openProject }] })).status,
    ).toBe(200);
    const [code] = (await owner.post(`${inB}/${openId}/voting-codes`, { count: 1 })).body.codes as string[];

    const c = intruder.client;
    const draft = `${inB}/${draftId}`;
    const open = `${inB}/${openId}`;
    // B's ids under A's slug, where the intruder coordinates: they name nothing there.
    const crossDraft = `/api/v1/clusters/${slugA}/budgets/${draftId}`;
    const crossOpen = `/api/v1/clusters/${slugA}/budgets/${openId}`;
    const forbidden = denied(403, 'auth.forbidden');
    const missing = denied(404, 'budgeting.not_found');
    const ballot = { choices: [{ projectId: openProject }] };

    return () => [
      {
        method: 'GET',
        path: '/clusters/{slug}/budgets',
        check: async () => {
          const list = await c.get(inB);
          expect(list.body.items.map((item: { name: string }) => item.name)).toEqual(['B open']);
          denied(404, 'cluster.not_found')(await c.get(`/api/v1/clusters/${privateB.slug}/budgets`));
        },
      },
      {
        method: 'POST',
        path: '/clusters/{slug}/budgets',
        check: async () => forbidden(await c.post(inB, budgetBody('Intruder’s'))),
      },
      {
        method: 'GET',
        path: '/clusters/{slug}/budgets/{budgetId}',
        check: async () => {
          missing(await c.get(draft));
          const page = await c.get(open);
          expect(page.body).toMatchObject({
            codes: null,
            can: { manage: false, assist: false },
            voting: 'no_role',
          });
          missing(await c.get(crossOpen));
        },
      },
      {
        method: 'PATCH',
        path: '/clusters/{slug}/budgets/{budgetId}',
        check: async () => {
          forbidden(await c.patch(draft, { name: 'Taken over' }));
          missing(await c.patch(crossDraft, { name: 'Taken over' }));
        },
      },
      {
        method: 'POST',
        path: '/clusters/{slug}/budgets/{budgetId}/open',
        check: async () => {
          forbidden(await c.post(`${draft}/open`));
          missing(await c.post(`${crossDraft}/open`));
        },
      },
      {
        method: 'POST',
        path: '/clusters/{slug}/budgets/{budgetId}/close',
        check: async () => {
          forbidden(await c.post(`${open}/close`));
          missing(await c.post(`${crossOpen}/close`));
        },
      },
      {
        method: 'GET',
        path: '/clusters/{slug}/budgets/{budgetId}/projects',
        check: async () => {
          missing(await c.get(`${draft}/projects`));
          missing(await c.get(`${crossOpen}/projects`));
        },
      },
      {
        method: 'POST',
        path: '/clusters/{slug}/budgets/{budgetId}/projects',
        check: async () => {
          forbidden(await c.post(`${draft}/projects`, { title: 'Mine', costMinor: 1 }));
          missing(await c.post(`${crossDraft}/projects`, { title: 'Mine', costMinor: 1 }));
        },
      },
      {
        method: 'PATCH',
        path: '/clusters/{slug}/budgets/{budgetId}/projects/{projectId}',
        check: async () => {
          forbidden(await c.patch(`${draft}/projects/${draftProject}`, { costMinor: 1 }));
          missing(await c.patch(`${crossDraft}/projects/${draftProject}`, { costMinor: 1 }));
        },
      },
      {
        method: 'DELETE',
        path: '/clusters/{slug}/budgets/{budgetId}/projects/{projectId}',
        check: async () => {
          forbidden(await c.delete(`${draft}/projects/${draftProject}`));
          missing(await c.delete(`${crossDraft}/projects/${draftProject}`));
        },
      },
      {
        method: 'GET',
        path: '/clusters/{slug}/budgets/{budgetId}/ballot',
        check: async () => {
          // The intruder has no ballot of their own there, and nobody else's is ever shown.
          expect((await c.get(`${open}/ballot`)).body).toEqual({ ballot: null });
          missing(await c.get(`${crossOpen}/ballot`));
        },
      },
      {
        method: 'PUT',
        path: '/clusters/{slug}/budgets/{budgetId}/ballot',
        check: async () => {
          forbidden(await c.put(`${open}/ballot`, ballot));
          missing(await c.put(`${crossOpen}/ballot`, ballot));
        },
      },
      {
        method: 'POST',
        path: '/clusters/{slug}/budgets/{budgetId}/code-ballots',
        check: async () => {
          forbidden(await c.post(`${open}/code-ballots`, { code, ...ballot }));
          missing(await c.post(`${crossOpen}/code-ballots`, { code, ...ballot }));
        },
      },
      {
        method: 'POST',
        path: '/clusters/{slug}/budgets/{budgetId}/voting-codes',
        check: async () => {
          forbidden(await c.post(`${open}/voting-codes`, { count: 5 }));
          missing(await c.post(`${crossOpen}/voting-codes`, { count: 5 }));
        },
      },
      {
        method: 'GET',
        path: '/clusters/{slug}/budgets/{budgetId}/results',
        check: async () => {
          missing(await c.get(`${draft}/results`));
          missing(await c.get(`${crossOpen}/results`));
        },
      },
      {
        method: 'GET',
        path: '/clusters/{slug}/budgets/{budgetId}/results/preview',
        check: async () => {
          forbidden(await c.get(`${open}/results/preview`));
          missing(await c.get(`${crossOpen}/results/preview`));
        },
      },
      {
        method: 'POST',
        path: '/clusters/{slug}/budgets/{budgetId}/results',
        check: async () => {
          forbidden(await c.post(`${open}/results`));
          missing(await c.post(`${crossOpen}/results`));
        },
      },
      {
        method: 'POST',
        path: '/clusters/{slug}/budgets/{budgetId}/pabulib',
        check: async () => {
          const upload = (url: string) =>
            c.request('POST', `${url}/pabulib`, 'META\n', { 'content-type': 'text/plain' });
          forbidden(await upload(draft));
          missing(await upload(crossDraft));
        },
      },
      {
        method: 'GET',
        path: '/clusters/{slug}/budgets/{budgetId}/pabulib',
        check: async () => {
          missing(await c.get(`${draft}/pabulib`));
          denied(409, 'budgeting.export_after_results')(await c.get(`${open}/pabulib`));
          missing(await c.get(`${crossOpen}/pabulib`));
        },
      },
    ];
  },
};
