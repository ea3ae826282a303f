import { readFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PABULIB_DIR, sharedPabulibFiles } from '../../../test/support/shared-data.ts';
import { createTestContext, type TestContext } from '../../../test/support/test-app.ts';
import { officialSelection, parsePb } from '../../domain/budgeting/pabulib.ts';

const pbFile = (name: string) => readFileSync(path.join(PABULIB_DIR, name), 'utf8');

let ctx: TestContext;
beforeAll(async () => {
  ctx = await createTestContext();
});
afterAll(async () => {
  await ctx.close();
});

const at = (offsetMs: number) => new Date(Date.now() + offsetMs).toISOString();

/** A cluster and a draft budget with nothing in it yet, as a file is imported into. */
async function draft() {
  const { slug, coordinator } = await ctx.cluster();
  const created = await coordinator.client.post(`/api/v1/clusters/${slug}/budgets`, {
    name: 'Imported budget',
    currency: 'EUR',
    amountMinor: 1,
    rule: 'greedy',
    ballotType: 'approval',
    opensAt: at(-3_600_000),
    closesAt: at(3_600_000),
  });
  expect(created.status).toBe(201);
  const url = `/api/v1/clusters/${slug}/budgets/${created.body.id}`;
  const client = coordinator.client;
  return {
    url,
    slug,
    client,
    upload: (text: string) =>
      client.request('POST', `${url}/pabulib`, text, { 'content-type': 'text/plain' }),
    download: async () => {
      const response = await client.get(`${url}/pabulib`);
      expect(response.status).toBe(200);
      return response.body as string;
    },
  };
}

async function counts(url: string, client: Awaited<ReturnType<typeof draft>>['client']) {
  const { projectCount, ballotCount } = (await client.get(url)).body;
  return { projectCount, ballotCount };
}

describe('importing a Pabulib file', () => {
  it('has the shared instances to import', () => {
    expect(sharedPabulibFiles()).toContain('Poland_Swiecie_2023.pb');
  });

  it('takes Świecie 2023 with its rule, and publishes the city’s official outcome', async () => {
    const { url, client, upload } = await draft();
    const text = pbFile('Poland_Swiecie_2023.pb');
    const imported = await upload(text);
    expect(imported.status).toBe(201);
    expect(imported.body).toEqual({ projectCount: 22, ballotCount: 2553 });
    const budget = (await client.get(url)).body;
    expect(budget).toMatchObject({
      rule: 'mes-add1',
      currency: 'PLN',
      amountMinor: 1_070_000_00,
      isImported: true,
      ballot: { type: 'approval' },
    });

    await client.post(`${url}/close`);
    const results = (await client.post(`${url}/results`)).body;
    const projects = (await client.get(`${url}/projects?limit=100`)).body.items;
    const pabulibIdOf = new Map(projects.map((p: { id: string; pabulibId: string }) => [p.id, p.pabulibId]));
    const selected = results.selectedProjectIds.map((id: string) => pabulibIdOf.get(id));
    expect([...selected].sort()).toEqual([...(officialSelection(parsePb(text)) as string[])].sort());
  });

  it.each([
    'Poland_Swiecie_2023.pb',
    'Switzerland_Zurich_D10.pb',
    'Netherlands_Amsterdam_643.pb',
    'Poland_Warszawa_2017_Miedzeszyn.pb',
    'Worldwide_Mechanical_Turk_Knapsack_3.pb',
  ])('gives %s back as it came: import, export and parse equal the file', async (name) => {
    const { upload, download } = await draft();
    const text = pbFile(name);
    expect((await upload(text)).status).toBe(201);
    expect(parsePb(await download())).toEqual(parsePb(text));
  });

  it('reads a cumulative file’s limits into the ballot', async () => {
    const { url, client, upload } = await draft();
    await upload(pbFile('Switzerland_Zurich_D10.pb'));
    expect((await client.get(url)).body).toMatchObject({
      currency: 'CHF',
      rule: 'greedy',
      ballot: {
        type: 'cumulative',
        minProjects: 1,
        maxProjects: 10,
        pointsPerVoter: 10,
        maxPointsPerProject: 10,
      },
    });
  });

  it('refuses ordinal ballots, naming the line of vote_type', async () => {
    const { url, client, upload } = await draft();
    const response = await upload(pbFile('Switzerland_Zurich_S5R.pb'));
    expect(response.status).toBe(400);
    expect(response.body).toMatchObject({
      error: { code: 'budgeting.pb_vote_type_unsupported', field: 'file' },
      line: 10,
    });
    expect(await counts(url, client)).toEqual({ projectCount: 0, ballotCount: 0 });
  });
});

describe('a file that cannot be imported', () => {
  const SMALL = [
    'META',
    'key;value',
    'description;Test',
    'num_projects;2',
    'num_votes;2',
    'budget;1000',
    'vote_type;approval',
    'rule;greedy',
    'currency;EUR',
    'PROJECTS',
    'project_id;cost;name',
    'p1;600;Trees',
    'p2;500;Bench',
    'VOTES',
    'voter_id;vote',
    'v1;p1,p2',
    'v2;p2',
  ];
  const withLine = (index: number, line: string) => SMALL.map((l, i) => (i === index ? line : l)).join('\n');

  it('names the line of a vote for a project the file does not list, and writes nothing', async () => {
    const { url, client, upload } = await draft();
    const response = await upload(withLine(16, 'v2;p2,p9'));
    expect(response.status).toBe(400);
    expect(response.body.line).toBe(17);
    expect(response.body.error).toMatchObject({ code: 'pb.unknown_project', field: 'file' });
    expect(response.body.error.message).toBe(
      'Line 17: the vote names the project p9, which PROJECTS does not list.',
    );
    expect(await counts(url, client)).toEqual({ projectCount: 0, ballotCount: 0 });
  });

  it('names the line of a cost that is not a number, in the reader’s language', async () => {
    const { client, upload } = await draft();
    client.cookies.set('kopa_locale', 'it');
    const response = await upload(withLine(12, 'p2;cinquecento;Bench'));
    expect(response.body).toMatchObject({ error: { code: 'pb.cost_not_number' }, line: 13 });
    expect(response.body.error.message).toBe(
      'Riga 13: il costo deve essere un numero, ad es. 68000 (non “cinquecento”).',
    );
  });

  it('refuses fractions of a cent', async () => {
    const { upload } = await draft();
    const response = await upload(withLine(12, 'p2;500.125;Bench'));
    expect(response.body).toMatchObject({ error: { code: 'budgeting.pb_cost_precision' }, line: 13 });
  });

  it('refuses a file over 20 MB before reading it', async () => {
    const { upload } = await draft();
    const response = await upload(`${SMALL.join('\n')}\n${'#'.repeat(20 * 1024 * 1024)}`);
    expect(response.status).toBe(413);
    expect(response.body.error.code).toBe('budgeting.pb_too_large');
    expect(response.body.error.message).toContain('20 MB');
  });

  it('wants the file as text, and an empty draft to put it in', async () => {
    const { url, client, upload } = await draft();
    const json = await client.post(`${url}/pabulib`, { file: SMALL.join('\n') });
    expect(json.status).toBe(415);
    expect((await upload(SMALL.join('\n'))).status).toBe(201);
    const second = await upload(SMALL.join('\n'));
    expect({ status: second.status, code: second.body.error.code }).toEqual({
      status: 409,
      code: 'budgeting.import_not_empty',
    });
  });
});

describe('exporting a budget', () => {
  it('writes a budget entered in Kopa as a file that imports into the same budget', async () => {
    const cluster = await ctx.cluster();
    const client = cluster.coordinator.client;
    const created = await client.post(`/api/v1/clusters/${cluster.slug}/budgets`, {
      name: 'Parks 2025',
      currency: 'EUR',
      amountMinor: 50_000_00,
      rule: 'mes-add1-comparison',
      ballotType: 'cumulative',
      pointsPerVoter: 5,
      maxPointsPerProject: 3,
      opensAt: at(-3_600_000),
      closesAt: at(3_600_000),
    });
    const url = `/api/v1/clusters/${cluster.slug}/budgets/${created.body.id}`;
    const trees = (await client.post(`${url}/projects`, { title: 'Trees; and shade', costMinor: 30_000_50 }))
      .body.id;
    const pond = (
      await client.post(`${url}/projects`, { title: 'Pond', costMinor: 25_000_00, category: 'Water' })
    ).body.id;
    await client.post(`${url}/open`);
    const voter = await ctx.person('Voter');
    await voter.client.post(`/api/v1/clusters/${cluster.slug}/join`);
    await voter.client.put(`${url}/ballot`, {
      choices: [
        { projectId: trees, points: 3 },
        { projectId: pond, points: 2 },
      ],
    });
    await client.post(`${url}/close`);
    expect((await ctx.client().get(`${url}/pabulib`)).body.error.code).toBe('budgeting.export_after_results');
    await client.post(`${url}/results`);

    const exported = await ctx.client().get(`${url}/pabulib`);
    expect(exported.headers['content-disposition']).toContain('Parks_2025.pb');
    const file = parsePb(exported.body);
    expect(Object.fromEntries(file.meta)).toMatchObject({
      description: 'Parks 2025',
      budget: '50000',
      vote_type: 'cumulative',
      rule: 'mes-add1-comparison',
      currency: 'EUR',
      num_projects: '2',
      num_votes: '1',
      max_sum_points: '5',
      max_points: '3',
    });
    expect(file.projects.map((p) => [p.fields.name, p.fields.votes, p.fields.score])).toEqual([
      ['Trees; and shade', '1', '3'],
      ['Pond', '1', '2'],
    ]);
    expect(file.votes).toEqual([
      expect.objectContaining({
        voterId: 'k1',
        projectIds: [trees, pond],
        points: [
          { num: 3n, den: 1n },
          { num: 2n, den: 1n },
        ],
      }),
    ]);

    const { upload, download } = await draft();
    expect((await upload(exported.body)).status).toBe(201);
    expect(parsePb(await download())).toEqual(file);
  });
});
