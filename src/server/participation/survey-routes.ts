/** HTTP for surveys: asking, answering once, results and the CSV export. */
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from '@sinclair/typebox';
import {
  LONG_TEXT_MAX,
  MAX_OPTIONS,
  MAX_QUESTIONS,
  QUESTION_KINDS,
  SCALE_BOUNDS,
} from '../../domain/participation/survey.ts';
import { PageQuery } from '../platform/http/pagination.ts';
import { rateLimit } from '../platform/http/rate-limits.ts';
import { literals, Uuid } from '../platform/http/schemas.ts';
import { IsoInstant, ProcessParams, Slug, Text } from './route-schemas.ts';
import type { SurveyService } from './survey-service.ts';

export interface SurveyRoutesOptions {
  readonly surveys: SurveyService;
  readonly rateLimitScale: number;
}

const SurveyParams = Type.Object({ slug: Slug, processId: Uuid, surveyId: Uuid });
const ScaleEnd = Type.Integer({ minimum: SCALE_BOUNDS.min, maximum: SCALE_BOUNDS.max });

const QuestionInput = Type.Object({
  kind: literals(QUESTION_KINDS),
  prompt: Text(500),
  options: Type.Optional(Type.Array(Type.String({ maxLength: 200 }), { maxItems: MAX_OPTIONS })),
  scaleMin: Type.Optional(ScaleEnd),
  scaleMax: Type.Optional(ScaleEnd),
  isRequired: Type.Optional(Type.Boolean()),
});

export const surveyRoutes: FastifyPluginAsyncTypebox<SurveyRoutesOptions> = async (app, options) => {
  const { surveys } = options;
  const write = rateLimit('write', options.rateLimitScale);
  const tags = ['participation'];
  const base = '/clusters/:slug/processes/:processId/surveys';
  const one = `${base}/:surveyId`;

  app.get(
    base,
    {
      config: { publicCache: true },
      schema: {
        tags,
        summary: 'Surveys of a process, newest first',
        params: ProcessParams,
        querystring: PageQuery,
      },
    },
    async (request) =>
      surveys.list(request.viewer, request.params.slug, request.params.processId, {
        ...request.query,
        limit: request.query.limit ?? 20,
      }),
  );

  app.post(
    base,
    {
      config: write,
      schema: {
        tags,
        summary: 'Ask a survey (coordinators)',
        params: ProcessParams,
        body: Type.Object({
          title: Text(200),
          description: Type.Optional(Type.String({ maxLength: 5000 })),
          isAnonymous: Type.Optional(Type.Boolean()),
          opensAt: IsoInstant,
          closesAt: IsoInstant,
          questions: Type.Array(QuestionInput, { minItems: 1, maxItems: MAX_QUESTIONS }),
        }),
      },
    },
    async (request, reply) => {
      const body = request.body;
      return reply.status(201).send(
        await surveys.create(request.viewer, request.params.slug, request.params.processId, {
          description: '',
          isAnonymous: false,
          ...body,
          questions: body.questions.map((q) => ({
            options: [],
            scaleMin: null,
            scaleMax: null,
            isRequired: false,
            ...q,
          })),
        }),
      );
    },
  );

  app.get(
    one,
    {
      config: { publicCache: true },
      schema: { tags, summary: 'A survey with its questions', params: SurveyParams },
    },
    async (request) =>
      surveys.get(request.viewer, request.params.slug, request.params.processId, request.params.surveyId),
  );

  app.post(
    `${one}/responses`,
    {
      config: write,
      schema: {
        tags,
        summary: 'Answer a survey, once',
        params: SurveyParams,
        body: Type.Object({
          answers: Type.Array(
            Type.Object({
              questionId: Uuid,
              choices: Type.Optional(
                Type.Array(Type.Integer({ minimum: 0, maximum: MAX_OPTIONS }), { maxItems: MAX_OPTIONS }),
              ),
              value: Type.Optional(Type.Integer({ minimum: -1000, maximum: 1000 })),
              text: Type.Optional(Type.String({ maxLength: LONG_TEXT_MAX })),
            }),
            { maxItems: MAX_QUESTIONS },
          ),
        }),
      },
    },
    async (request, reply) =>
      reply
        .status(201)
        .send(
          await surveys.respond(
            request.viewer,
            request.params.slug,
            request.params.processId,
            request.params.surveyId,
            request.body.answers,
          ),
        ),
  );

  app.get(
    `${one}/results`,
    {
      config: { publicCache: true },
      schema: { tags, summary: 'Counts per option and per scale value', params: SurveyParams },
    },
    async (request) =>
      surveys.results(request.viewer, request.params.slug, request.params.processId, request.params.surveyId),
  );

  app.get(
    `${one}/responses.csv`,
    {
      schema: { tags, summary: 'Every response as CSV (coordinators)', params: SurveyParams },
    },
    async (request, reply) =>
      reply
        .type('text/csv; charset=utf-8')
        .header('content-disposition', 'attachment; filename="survey-responses.csv"')
        .send(
          await surveys.csv(
            request.viewer,
            request.params.slug,
            request.params.processId,
            request.params.surveyId,
          ),
        ),
  );
};
