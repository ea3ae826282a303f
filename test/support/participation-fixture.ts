/**
 * Participatory processes made through the API, as a coordinator would, and residents who join the
 * cluster — for participation's API and tenant-isolation tests.
 */
import type { ApiResponse } from './api-client.ts';
import type { TestContext, TestPerson } from './test-app.ts';

export const DAY_MS = 86_400_000;
export const daysFromNow = (days: number) => new Date(Date.now() + days * DAY_MS).toISOString();

export const processesUrl = (slug: string) => `/api/v1/clusters/${slug}/processes`;
export const proposalsUrl = (slug: string, processId: string) =>
  `${processesUrl(slug)}/${processId}/proposals`;

export interface TestProcess {
  readonly slug: string;
  readonly clusterId: string;
  readonly coordinator: TestPerson;
  readonly id: string;
  readonly url: string;
  readonly proposalsUrl: string;
}

/** A phase plan around now: proposing (and supporting, commenting) open, voting later. */
export const OPEN_FOR_PROPOSALS = [
  { kind: 'information', startsAt: daysFromNow(-20), endsAt: daysFromNow(-10) },
  { kind: 'proposals', startsAt: daysFromNow(-10), endsAt: daysFromNow(20) },
  { kind: 'voting', startsAt: daysFromNow(30), endsAt: daysFromNow(40) },
];

export function expectOk(response: ApiResponse, status = 200) {
  if (response.status !== status) {
    throw new Error(`expected ${status}, got ${response.status}: ${JSON.stringify(response.body)}`);
  }
  return response.body;
}

export async function openProcess(
  ctx: TestContext,
  options: {
    cluster?: { slug: string; id: string; coordinator: TestPerson };
    body?: Record<string, unknown>;
  } = {},
): Promise<TestProcess> {
  const cluster = options.cluster ?? (await ctx.cluster());
  const body = expectOk(
    await cluster.coordinator.client.post(processesUrl(cluster.slug), {
      title: 'Regenerating the old crafts area',
      description: 'What should the **old crafts area** become?',
      easyReadSummary: 'Tell us your ideas for the old crafts area.',
      participationLevel: 'involve',
      phases: OPEN_FOR_PROPOSALS,
      ...options.body,
    }),
    201,
  );
  const url = `${processesUrl(cluster.slug)}/${body.id}`;
  return {
    slug: cluster.slug,
    clusterId: cluster.id,
    coordinator: cluster.coordinator,
    id: body.id,
    url,
    proposalsUrl: `${url}/proposals`,
  };
}

/** A resident who signed up and joined the (public) cluster as a participant. */
export async function resident(ctx: TestContext, slug: string, name = 'Resident'): Promise<TestPerson> {
  const person = await ctx.person(name);
  expectOk(await person.client.post(`/api/v1/clusters/${slug}/join`));
  return person;
}

export async function propose(
  process: TestProcess,
  author: TestPerson,
  overrides: Record<string, unknown> = {},
): Promise<{ id: string; title: string; url: string }> {
  const body = expectOk(
    await author.client.post(process.proposalsUrl, {
      title: 'Shade trees along the market street',
      body: 'Plant **twelve** lime trees.',
      category: 'green',
      ...overrides,
    }),
    201,
  );
  return { id: body.id, title: body.title, url: `${process.proposalsUrl}/${body.id}` };
}

/** Rows of a participation table in the cluster: "nothing written" in numbers. */
export async function rowCount(ctx: TestContext, table: string, clusterId: string): Promise<number> {
  const row = await ctx.db
    .selectFrom(table as 'proposal')
    .select((eb) => eb.fn.countAll().as('n'))
    .where('cluster_id', '=', clusterId)
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

/** The coordinator answers the proposal, with reasoning and how public input changed the decision. */
export async function answerProposal(
  process: TestProcess,
  proposalUrl: string,
  answer: 'accepted' | 'rejected' | 'evaluating',
): Promise<void> {
  expectOk(
    await process.coordinator.client.post(`${proposalUrl}/answer`, {
      answer,
      reasoning: answer === 'rejected' ? 'The land is not ours.' : 'Feasible and wanted.',
      inputEffect: 'The neighbours chose the street.',
    }),
  );
}

/** A draft participatory budget of the process (approval ballot, voting open for the next hour). */
export async function draftBudgetOf(
  process: TestProcess,
  overrides: Record<string, unknown> = {},
): Promise<{ id: string; url: string }> {
  const budgets = `/api/v1/clusters/${process.slug}/budgets`;
  const body = expectOk(
    await process.coordinator.client.post(budgets, {
      name: 'Crafts area budget',
      currency: 'EUR',
      amountMinor: 50_000_00,
      rule: 'mes-add1',
      ballotType: 'approval',
      opensAt: new Date(Date.now() - 3_600_000).toISOString(),
      closesAt: new Date(Date.now() + 3_600_000).toISOString(),
      processId: process.id,
      ...overrides,
    }),
    201,
  );
  return { id: body.id, url: `${budgets}/${body.id}` };
}
