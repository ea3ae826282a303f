import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  daysFromNow,
  expectOk,
  openProcess,
  resident,
  rowCount,
  type TestProcess,
} from '../../../test/support/participation-fixture.ts';
import { createTestContext, type TestContext } from '../../../test/support/test-app.ts';

let ctx: TestContext;
beforeAll(async () => {
  ctx = await createTestContext({ rateLimitScale: 100 });
});
afterAll(async () => {
  await ctx.close();
});

const QUESTIONS = [
  {
    kind: 'single_choice',
    prompt: 'Which building first?',
    options: ['Weaving hall', 'Tannery'],
    isRequired: true,
  },
  { kind: 'multiple_choice', prompt: 'What for?', options: ['Workshops', 'Market', 'Housing'] },
  { kind: 'scale', prompt: 'How urgent?', scaleMin: 1, scaleMax: 5 },
  { kind: 'short_text', prompt: 'One word' },
  { kind: 'long_text', prompt: 'Anything else?' },
];

async function ask(process: TestProcess, overrides: Record<string, unknown> = {}) {
  const body = expectOk(
    await process.coordinator.client.post(`${process.url}/surveys`, {
      title: 'The crafts area',
      opensAt: daysFromNow(-1),
      closesAt: daysFromNow(10),
      questions: QUESTIONS,
      ...overrides,
    }),
    201,
  );
  return {
    id: body.id as string,
    url: `${process.url}/surveys/${body.id}`,
    questionIds: body.questions.map((q: { id: string }) => q.id) as string[],
  };
}

describe('surveys', () => {
  it('takes one response per person and shows counts per option and per scale value', async () => {
    const process = await openProcess(ctx);
    const survey = await ask(process);
    const [q1, q2, q3, q4, q5] = survey.questionIds;
    const ada = await resident(ctx, process.slug, 'Ada');
    const people = [ada, await resident(ctx, process.slug, 'Bo'), await resident(ctx, process.slug, 'Cy')];
    const responses = [
      [
        { questionId: q1, choices: [0] },
        { questionId: q2, choices: [0, 1] },
        { questionId: q3, value: 5 },
        { questionId: q4, text: 'Light' },
      ],
      [
        { questionId: q1, choices: [1] },
        { questionId: q2, choices: [1] },
        { questionId: q3, value: 5 },
        { questionId: q5, text: 'Keep the chimney, "please"' },
      ],
      [{ questionId: q1, choices: [0] }],
    ];
    for (const [i, person] of people.entries()) {
      expectOk(await person.client.post(`${survey.url}/responses`, { answers: responses[i] }), 201);
    }
    const twice = await ada.client.post(`${survey.url}/responses`, { answers: responses[0] });
    expect([twice.status, twice.body.error.code]).toEqual([409, 'participation.survey_already_answered']);
    expect(expectOk(await ada.client.get(survey.url)).viewer).toEqual({ hasAnswered: true });

    const results = expectOk(await ctx.client().get(`${survey.url}/results`));
    expect(results.responseCount).toBe(3);
    expect(
      results.questions.map((q: { answered: number; counts: number[] }) => [q.answered, q.counts]),
    ).toEqual([
      [3, [2, 1]],
      [2, [1, 2, 0]],
      [2, [0, 0, 0, 0, 2]],
      [1, []],
      [1, []],
    ]);
    expect(JSON.stringify(results)).not.toContain('Light');

    const csv = await process.coordinator.client.get(`${survey.url}/responses.csv`);
    expect(csv.status).toBe(200);
    expect(csv.headers['content-type']).toBe('text/csv; charset=utf-8');
    const lines = (csv.body as string).trim().split('\r\n');
    expect(lines[0]).toBe(
      'response,submitted_on,person,Which building first?,What for?,How urgent?,One word,Anything else?',
    );
    expect(lines.slice(1).map((line) => line.split(',').slice(2).join(','))).toEqual(
      expect.arrayContaining([
        'Ada,Weaving hall,Workshops; Market,5,Light,',
        'Bo,Tannery,Market,5,,"Keep the chimney, ""please"""',
        'Cy,Weaving hall,,,,',
      ]),
    );
    const notCoordinator = await ada.client.get(`${survey.url}/responses.csv`);
    expect(notCoordinator.status).toBe(403);
  });

  it('keeps anonymous responses apart from the people who gave them', async () => {
    const process = await openProcess(ctx);
    const survey = await ask(process, { isAnonymous: true });
    const person = await resident(ctx, process.slug, 'Dana');
    expectOk(
      await person.client.post(`${survey.url}/responses`, {
        answers: [{ questionId: survey.questionIds[0], choices: [1] }],
      }),
      201,
    );
    const [response] = await ctx.db
      .selectFrom('survey_response')
      .selectAll()
      .where('survey_id', '=', survey.id)
      .execute();
    expect(response?.person_id).toBeNull();
    // A random (version 4) id, not a time-ordered one.
    expect(response?.id[14]).toBe('4');
    const csv = (await process.coordinator.client.get(`${survey.url}/responses.csv`)).body as string;
    expect(csv.split('\r\n')[0]).toBe(
      'response,submitted_on,Which building first?,What for?,How urgent?,One word,Anything else?',
    );
    expect(csv).not.toContain('Dana');
    const again = await person.client.post(`${survey.url}/responses`, {
      answers: [{ questionId: survey.questionIds[0], choices: [0] }],
    });
    expect(again.status).toBe(409);
  });

  it('refuses a response that does not fit, or comes when the survey is closed, writing nothing', async () => {
    const process = await openProcess(ctx);
    const survey = await ask(process);
    const [q1, , q3] = survey.questionIds;
    const person = await resident(ctx, process.slug);
    for (const [answers, code, field] of [
      [[{ questionId: q1, choices: [0, 1] }], 'participation.survey_answer_invalid', 'answers.0'],
      [
        [
          { questionId: q1, choices: [0] },
          { questionId: q3, value: 9 },
        ],
        'participation.survey_answer_invalid',
        'answers.1',
      ],
      [[{ questionId: q3, value: 3 }], 'validation.required', 'questions.0'],
    ] as const) {
      const response = await person.client.post(`${survey.url}/responses`, { answers });
      expect([response.status, response.body.error.code, response.body.error.field]).toEqual([
        400,
        code,
        field,
      ]);
    }
    const closed = await ask(process, { opensAt: daysFromNow(-5), closesAt: daysFromNow(-1) });
    const late = await person.client.post(`${closed.url}/responses`, {
      answers: [{ questionId: closed.questionIds[0], choices: [0] }],
    });
    expect([late.status, late.body.error.code]).toEqual([409, 'participation.survey_closed']);
    expect(await rowCount(ctx, 'survey_response', process.clusterId)).toBe(0);
    expect(await rowCount(ctx, 'survey_participant', process.clusterId)).toBe(0);
  });

  it('refuses an incomplete question when asking', async () => {
    const process = await openProcess(ctx);
    const response = await process.coordinator.client.post(`${process.url}/surveys`, {
      title: 'Bad',
      opensAt: daysFromNow(0),
      closesAt: daysFromNow(1),
      questions: [QUESTIONS[0], { kind: 'single_choice', prompt: 'One option only', options: ['Yes'] }],
    });
    expect([response.status, response.body.error.code, response.body.error.field]).toEqual([
      400,
      'participation.survey_question_invalid',
      'questions.1',
    ]);
    expect(await rowCount(ctx, 'survey', process.clusterId)).toBe(0);
  });
});
