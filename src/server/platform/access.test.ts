import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestContext, type TestContext } from '../../../test/support/test-app.ts';

let ctx: TestContext;
let sent: string[] | undefined;
beforeAll(async () => {
  ctx = await createTestContext({ onStatement: (text) => sent?.push(text) });
});
afterAll(async () => {
  await ctx.close();
});

/** The statements the application sends while `act` runs. */
async function statementsOf(act: () => Promise<unknown>): Promise<string[]> {
  sent = [];
  try {
    await act();
    return sent;
  } finally {
    sent = undefined;
  }
}

describe('the permission check of a request in a cluster', () => {
  it('reads the session, the cluster and the reader’s roles in one statement', async () => {
    const { coordinator, slug } = await ctx.cluster(undefined, { visibility: 'members' });
    await coordinator.client.get(`/api/v1/clusters/${slug}`); // a session touched now stays quiet

    let status = 0;
    const statements = await statementsOf(async () => {
      status = (await coordinator.client.get(`/api/v1/clusters/${slug}`)).status;
    });
    expect(status).toBe(200);
    const permissionReads = statements.filter((text) => /"(session|cluster|cluster_role)"/.test(text));
    expect(permissionReads, statements.join('\n')).toHaveLength(1);
    expect(permissionReads[0]).toMatch(/from "session"/);
    expect(permissionReads[0]).toMatch(/"cluster_role"/);
  });

  it('sees a change to the person made between two requests', async () => {
    const { slug } = await ctx.cluster(undefined, { visibility: 'members' });
    const admin = await ctx.person('Platform admin');
    const setAdmin = (isAdmin: boolean) =>
      ctx.db.updateTable('person').set({ is_platform_admin: isAdmin }).where('id', '=', admin.id).execute();

    expect((await admin.client.get(`/api/v1/clusters/${slug}`)).status).toBe(404);
    await setAdmin(true);
    expect((await admin.client.get(`/api/v1/clusters/${slug}`)).status).toBe(200);
    await setAdmin(false);
    expect((await admin.client.get(`/api/v1/clusters/${slug}`)).status).toBe(404);
  });

  it('sees a role revoked between two requests', async () => {
    const { coordinator, slug } = await ctx.cluster();
    const person = await ctx.person('Mediator for a while');
    await person.client.post(`/api/v1/clusters/${slug}/join`);
    await coordinator.client.post(`/api/v1/clusters/${slug}/roles`, {
      personId: person.id,
      role: 'coordinator',
    });
    const roleOf = (who: typeof person) => who.client.get(`/api/v1/clusters/${slug}/people?limit=1`);
    expect((await roleOf(person)).status).toBe(200);

    await coordinator.client.delete(`/api/v1/clusters/${slug}/roles/${person.id}/coordinator`);
    expect((await roleOf(person)).status).toBe(403);
  });

  it('of a route naming another cluster than the session’s reads that cluster', async () => {
    const own = await ctx.cluster(undefined, { visibility: 'members' });
    const other = await ctx.cluster(undefined, { visibility: 'members' });
    expect((await own.coordinator.client.get(`/api/v1/clusters/${other.slug}`)).status).toBe(404);
    expect((await own.coordinator.client.get(`/api/v1/clusters/${own.slug}`)).status).toBe(200);
  });
});
