/** HTTP for participatory budgets: set-up, projects, voting (in person with codes too), results, Pabulib files. */
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from '@sinclair/typebox';
import {
  MAX_AMOUNT_MINOR,
  MAX_BUDGET_PROJECTS,
  MAX_POINTS,
  MAX_PROJECT_CATEGORY,
  MAX_PROJECT_DESCRIPTION,
  MAX_PROJECT_TITLE,
} from '../../domain/budgeting/pabulib-budget.ts';
import { RULE_NAMES } from '../../domain/budgeting/rules.ts';
import { AppError, badRequest } from '../platform/errors.ts';
import { PageQuery } from '../platform/http/pagination.ts';
import { rateLimit } from '../platform/http/rate-limits.ts';
import { literals, Uuid } from '../platform/http/schemas.ts';
import { errorMessage } from '../platform/i18n/translate.ts';
import type { BallotService } from './ballot-service.ts';
import type { BudgetInput, BudgetService, ProjectInput } from './budget-service.ts';
import { type PabulibService, PbRejected } from './pabulib-service.ts';
import type { ResultService } from './result-service.ts';
import { MAX_CODES_PER_REQUEST } from './voting-codes.ts';

export interface BudgetingRoutesOptions {
  readonly budgets: BudgetService;
  readonly ballots: BallotService;
  readonly budgetResults: ResultService;
  readonly pabulib: PabulibService;
  readonly rateLimitScale: number;
}

/** The Łódź 2022 file, 90,494 ballots, is 3.8 MB; this leaves room for a city several times larger. */
export const MAX_PB_FILE_BYTES = 20 * 1024 * 1024;

const Slug = Type.String({ minLength: 1, maxLength: 48 });
const BudgetParams = Type.Object({ slug: Slug, budgetId: Uuid });
const ProjectParams = Type.Object({ slug: Slug, budgetId: Uuid, projectId: Uuid });
const Nullable = <T extends Parameters<typeof Type.Union>[0][number]>(schema: T) =>
  Type.Union([schema, Type.Null()]);
const Timestamp = Type.String({
  maxLength: 40,
  pattern: '^\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}(:\\d{2}(\\.\\d{1,6})?)?(Z|[+-]\\d{2}:\\d{2})$',
});

const budgetFields = {
  name: Type.String({ minLength: 1, maxLength: 200, pattern: '\\S' }),
  description: Type.String({ maxLength: 10_000 }),
  currency: Type.String({ pattern: '^[A-Z]{3}$', maxLength: 3 }),
  amountMinor: Type.Integer({ minimum: 0, maximum: MAX_AMOUNT_MINOR }),
  rule: literals(RULE_NAMES),
  scoreThreshold: Nullable(Type.String({ pattern: '^\\d{1,12}(\\.\\d{1,6})?$', maxLength: 20 })),
  ballotType: literals(['approval', 'cumulative'] as const),
  minProjects: Type.Integer({ minimum: 0, maximum: MAX_BUDGET_PROJECTS }),
  maxProjects: Nullable(Type.Integer({ minimum: 1, maximum: MAX_BUDGET_PROJECTS })),
  maxTotalCostMinor: Nullable(Type.Integer({ minimum: 1, maximum: MAX_AMOUNT_MINOR })),
  pointsPerVoter: Nullable(Type.Integer({ minimum: 1, maximum: MAX_POINTS })),
  maxPointsPerProject: Nullable(Type.Integer({ minimum: 1, maximum: MAX_POINTS })),
  opensAt: Timestamp,
  closesAt: Timestamp,
  isMemberVoting: Type.Boolean(),
  isCodeVoting: Type.Boolean(),
  processId: Nullable(Uuid),
};

const LIMITS = ['maxProjects', 'maxTotalCostMinor', 'pointsPerVoter', 'maxPointsPerProject'] as const;

/**
 * A limit of 0 is refused before validation: the validator's type coercion would otherwise turn it
 * into null, and a coordinator who wrote 0 would get "no limit".
 */
async function refuseZeroLimits(request: { body: unknown }) {
  const body = request.body as Record<string, unknown> | null;
  const field = LIMITS.find((name) => body?.[name] === 0);
  if (field) throw badRequest('validation.out_of_range', field);
}

const BUDGET_DEFAULTS = {
  description: '',
  scoreThreshold: null,
  minProjects: 0,
  maxProjects: null,
  maxTotalCostMinor: null,
  pointsPerVoter: null,
  maxPointsPerProject: null,
  isMemberVoting: true,
  isCodeVoting: false,
  processId: null,
} as const;

const projectFields = {
  title: Type.String({ minLength: 1, maxLength: MAX_PROJECT_TITLE, pattern: '\\S' }),
  description: Type.String({ maxLength: MAX_PROJECT_DESCRIPTION }),
  costMinor: Type.Integer({ minimum: 0, maximum: MAX_AMOUNT_MINOR }),
  category: Type.String({ maxLength: MAX_PROJECT_CATEGORY }),
  sourceProposalId: Nullable(Uuid),
};

const Choices = Type.Array(
  Type.Object({ projectId: Uuid, points: Type.Optional(Type.Integer({ minimum: 1, maximum: MAX_POINTS })) }),
  { maxItems: MAX_BUDGET_PROJECTS },
);

/** `Content-Disposition` for a name that may hold any letter (Łódź), with an ASCII fallback. */
const attachment = (fileName: string) =>
  `attachment; filename="${fileName.replace(/[^\x20-\x7e]/g, '_').replace(/"/g, '')}"; filename*=UTF-8''${encodeURIComponent(fileName)}`;

export const budgetingRoutes: FastifyPluginAsyncTypebox<BudgetingRoutesOptions> = async (app, options) => {
  const { budgets, ballots, budgetResults, pabulib } = options;
  const write = rateLimit('write', options.rateLimitScale);
  const tags = ['budgeting'];
  const base = '/clusters/:slug/budgets';
  const one = `${base}/:budgetId`;

  app.get(
    base,
    {
      config: { publicCache: true },
      schema: {
        tags,
        summary: 'The cluster’s participatory budgets, newest first (drafts only for coordinators)',
        params: Type.Object({ slug: Slug }),
        querystring: Type.Composite([PageQuery, Type.Object({ processId: Type.Optional(Uuid) })]),
      },
    },
    async (request) =>
      budgets.list(request.viewer, request.params.slug, {
        ...request.query,
        limit: request.query.limit ?? 20,
      }),
  );

  app.post(
    base,
    {
      config: write,
      preValidation: refuseZeroLimits,
      schema: {
        tags,
        summary: 'Set up a budget as a draft: amount, rule, ballot, voting window, who may vote',
        params: Type.Object({ slug: Slug }),
        body: Type.Object({
          name: budgetFields.name,
          currency: budgetFields.currency,
          amountMinor: budgetFields.amountMinor,
          rule: budgetFields.rule,
          ballotType: budgetFields.ballotType,
          opensAt: budgetFields.opensAt,
          closesAt: budgetFields.closesAt,
          description: Type.Optional(budgetFields.description),
          scoreThreshold: Type.Optional(budgetFields.scoreThreshold),
          minProjects: Type.Optional(budgetFields.minProjects),
          maxProjects: Type.Optional(budgetFields.maxProjects),
          maxTotalCostMinor: Type.Optional(budgetFields.maxTotalCostMinor),
          pointsPerVoter: Type.Optional(budgetFields.pointsPerVoter),
          maxPointsPerProject: Type.Optional(budgetFields.maxPointsPerProject),
          isMemberVoting: Type.Optional(budgetFields.isMemberVoting),
          isCodeVoting: Type.Optional(budgetFields.isCodeVoting),
          processId: Type.Optional(budgetFields.processId),
        }),
      },
    },
    async (request, reply) =>
      reply.status(201).send(
        await budgets.create(request.viewer, request.params.slug, {
          ...BUDGET_DEFAULTS,
          ...request.body,
        } as BudgetInput),
      ),
  );

  app.get(
    one,
    {
      config: { publicCache: true },
      schema: {
        tags,
        summary: 'A budget: its settings, state, turnout and whether the reader may vote',
        params: BudgetParams,
      },
    },
    async (request) => budgets.get(request.viewer, request.params.slug, request.params.budgetId),
  );

  app.patch(
    one,
    {
      config: write,
      preValidation: refuseZeroLimits,
      schema: {
        tags,
        summary: 'Change a draft budget’s settings',
        params: BudgetParams,
        body: Type.Partial(Type.Object(budgetFields), { minProperties: 1 }),
      },
    },
    async (request) =>
      budgets.update(
        request.viewer,
        request.params.slug,
        request.params.budgetId,
        request.body as Partial<BudgetInput>,
      ),
  );

  app.post(
    `${one}/open`,
    {
      config: write,
      schema: {
        tags,
        summary: 'Open the vote (the settings and projects are then fixed)',
        params: BudgetParams,
      },
    },
    async (request) => budgets.open(request.viewer, request.params.slug, request.params.budgetId),
  );

  app.post(
    `${one}/close`,
    { config: write, schema: { tags, summary: 'Close the vote', params: BudgetParams } },
    async (request) => budgets.close(request.viewer, request.params.slug, request.params.budgetId),
  );

  app.get(
    `${one}/projects`,
    {
      config: { publicCache: true },
      schema: {
        tags,
        summary: 'The budget’s projects in order, with their costs',
        params: BudgetParams,
        querystring: PageQuery,
      },
    },
    async (request) =>
      budgets.projects(request.viewer, request.params.slug, request.params.budgetId, {
        ...request.query,
        limit: request.query.limit ?? 20,
      }),
  );

  app.post(
    `${one}/projects`,
    {
      config: write,
      schema: {
        tags,
        summary:
          'Add a project to a draft budget, entered directly or from an accepted proposal of its process',
        params: BudgetParams,
        body: Type.Object({
          title: projectFields.title,
          costMinor: projectFields.costMinor,
          description: Type.Optional(projectFields.description),
          category: Type.Optional(projectFields.category),
          sourceProposalId: Type.Optional(projectFields.sourceProposalId),
        }),
      },
    },
    async (request, reply) =>
      reply.status(201).send(
        await budgets.addProject(request.viewer, request.params.slug, request.params.budgetId, {
          description: '',
          category: '',
          sourceProposalId: null,
          ...request.body,
        }),
      ),
  );

  app.get(
    `${one}/proposal-candidates`,
    {
      schema: {
        tags,
        summary:
          'The accepted proposals of the budget’s process that are not yet its projects, newest first, optionally by a part of their title (coordinators)',
        params: BudgetParams,
        querystring: Type.Composite([
          PageQuery,
          Type.Object({ q: Type.Optional(Type.String({ maxLength: 100 })) }),
        ]),
      },
    },
    async (request) =>
      budgets.proposalCandidates(request.viewer, request.params.slug, request.params.budgetId, {
        ...request.query,
        limit: request.query.limit ?? 20,
      }),
  );

  app.patch(
    `${one}/projects/:projectId`,
    {
      config: write,
      schema: {
        tags,
        summary: 'Change a project of a draft budget',
        params: ProjectParams,
        body: Type.Partial(Type.Object(projectFields), { minProperties: 1 }),
      },
    },
    async (request) =>
      budgets.updateProject(
        request.viewer,
        request.params.slug,
        request.params.budgetId,
        request.params.projectId,
        request.body as Partial<ProjectInput>,
      ),
  );

  app.delete(
    `${one}/projects/:projectId`,
    {
      config: write,
      schema: { tags, summary: 'Remove a project from a draft budget', params: ProjectParams },
    },
    async (request, reply) => {
      await budgets.removeProject(
        request.viewer,
        request.params.slug,
        request.params.budgetId,
        request.params.projectId,
      );
      return reply.status(204).send();
    },
  );

  app.get(
    `${one}/ballot`,
    {
      schema: {
        tags,
        summary: 'My own ballot in this budget (nobody else’s is ever shown)',
        params: BudgetParams,
      },
    },
    async (request) => ballots.mine(request.viewer, request.params.slug, request.params.budgetId),
  );

  app.put(
    `${one}/ballot`,
    {
      config: write,
      schema: {
        tags,
        summary: 'Cast or change my ballot while the vote is open',
        params: BudgetParams,
        body: Type.Object({ choices: Choices }),
      },
    },
    async (request) =>
      ballots.cast(request.viewer, request.params.slug, request.params.budgetId, request.body),
  );

  app.post(
    `${one}/code-ballots`,
    {
      config: write,
      schema: {
        tags,
        summary: 'Enter a paper ballot with its one-time voting code (helpers)',
        params: BudgetParams,
        body: Type.Object({ code: Type.String({ minLength: 1, maxLength: 40 }), choices: Choices }),
      },
    },
    async (request, reply) => {
      await ballots.castWithCode(request.viewer, request.params.slug, request.params.budgetId, request.body);
      return reply.status(204).send();
    },
  );

  app.post(
    `${one}/voting-codes`,
    {
      config: write,
      schema: {
        tags,
        summary: 'Generate one-time voting codes to print; they are shown this once',
        params: BudgetParams,
        body: Type.Object({ count: Type.Integer({ minimum: 1, maximum: MAX_CODES_PER_REQUEST }) }),
      },
    },
    async (request, reply) =>
      reply
        .status(201)
        .send(
          await budgets.generateCodes(
            request.viewer,
            request.params.slug,
            request.params.budgetId,
            request.body.count,
          ),
        ),
  );

  app.get(
    `${one}/results`,
    {
      config: { publicCache: true },
      schema: {
        tags,
        summary: 'The published results, with every project’s explanation',
        params: BudgetParams,
      },
    },
    async (request) => budgetResults.get(request.viewer, request.params.slug, request.params.budgetId),
  );

  app.get(
    `${one}/results/preview`,
    {
      schema: {
        tags,
        summary: 'The results if the vote ended now (coordinators; not stored)',
        params: BudgetParams,
      },
    },
    async (request) => budgetResults.preview(request.viewer, request.params.slug, request.params.budgetId),
  );

  app.post(
    `${one}/results`,
    {
      config: write,
      schema: {
        tags,
        summary: 'Compute the results of a closed vote by the budget’s rule and publish them',
        params: BudgetParams,
      },
    },
    async (request, reply) =>
      reply
        .status(201)
        .send(await budgetResults.publish(request.viewer, request.params.slug, request.params.budgetId)),
  );

  app.post(
    `${one}/pabulib`,
    {
      config: write,
      bodyLimit: MAX_PB_FILE_BYTES,
      // Refused before the body is read, with an error that says how large a file may be.
      onRequest: async (request) => {
        if (Number(request.headers['content-length'] ?? 0) > MAX_PB_FILE_BYTES)
          throw new AppError('budgeting.pb_too_large', 413, {
            maxMegabytes: MAX_PB_FILE_BYTES / 1024 / 1024,
          });
      },
      schema: {
        tags,
        summary:
          'Import a Pabulib .pb file (sent as text/plain, up to 20 MB) into an empty draft: settings, projects, anonymous ballots; a refused file names its line',
        params: BudgetParams,
      },
    },
    async (request, reply) => {
      if (typeof request.body !== 'string' || request.body.length === 0)
        throw new AppError('budgeting.pb_not_text', 415);
      try {
        return reply
          .status(201)
          .send(
            await pabulib.import(request.viewer, request.params.slug, request.params.budgetId, request.body),
          );
      } catch (error) {
        if (!(error instanceof PbRejected)) throw error;
        return reply.status(400).send({
          error: {
            code: error.code,
            message: errorMessage(error.code, request.locale, error.params),
            field: 'file',
          },
          line: error.line,
        });
      }
    },
  );

  app.get(
    `${one}/pabulib`,
    {
      schema: {
        tags,
        summary:
          'The budget as a Pabulib .pb file (coordinators at any time, everyone once the results are published)',
        params: BudgetParams,
      },
    },
    async (request, reply) => {
      const { fileName, text } = await pabulib.export(
        request.viewer,
        request.params.slug,
        request.params.budgetId,
      );
      return reply
        .type('text/plain; charset=utf-8')
        .header('content-disposition', attachment(fileName))
        .send(text);
    },
  );
};
