/**
 * Surveys in a process: a coordinator asks questions (single or multiple choice, scale, short or
 * long text), optionally anonymously; people who may take part answer once while the survey is
 * open; anyone who may read the process sees the counts per option; coordinators download every
 * response as CSV. An anonymous response carries no person and no time finer than the day, and its
 * id is random rather than time-ordered, so it cannot be matched to who answered.
 */
import { randomUUID } from 'node:crypto';
import {
  type AnswerInput,
  answerCell,
  checkResponse,
  csvField,
  isCompleteQuestion,
  type Question,
  type QuestionKind,
  type StoredAnswer,
  tally,
} from '../../domain/participation/survey.ts';
import { Access } from '../platform/access.ts';
import type { AuditLog } from '../platform/audit/audit-log.ts';
import type { Actor } from '../platform/auth/viewer.ts';
import type { Db, SurveyQuestionTable, SurveyTable } from '../platform/database.ts';
import { badRequest, conflict, notFound } from '../platform/errors.ts';
import { toPage } from '../platform/http/pagination.ts';
import { newId } from '../platform/ids.ts';
import { readCursor } from './cursor.ts';
import type { ParticipationAccess, ProcessContext } from './participation-access.ts';
import { parseInstant } from './process-service.ts';
import { responseRepo, surveyRepo } from './survey-repo.ts';

export interface QuestionInput {
  kind: QuestionKind;
  prompt: string;
  options: string[];
  scaleMin: number | null;
  scaleMax: number | null;
  isRequired: boolean;
}

export interface SurveyInput {
  title: string;
  description: string;
  isAnonymous: boolean;
  opensAt: string;
  closesAt: string;
  questions: QuestionInput[];
}

/** One export holds at most this many responses; read in batches so memory stays bounded per batch. */
export const MAX_EXPORTED_RESPONSES = 50_000;
const EXPORT_BATCH = 1000;

const toQuestion = (row: SurveyQuestionTable): Question => ({
  id: row.id,
  kind: row.kind as QuestionKind,
  prompt: row.prompt,
  options: row.options,
  scaleMin: row.scale_min,
  scaleMax: row.scale_max,
  isRequired: row.is_required,
});

const toStored = (row: {
  question_id: string;
  choices: number[];
  scale_value: number | null;
  text_value: string;
}): StoredAnswer => ({
  questionId: row.question_id,
  choices: row.choices,
  scaleValue: row.scale_value,
  textValue: row.text_value,
});

function surveyView(row: SurveyTable, now: Date) {
  return {
    id: row.id,
    processId: row.process_id,
    title: row.title,
    description: row.description,
    isAnonymous: row.is_anonymous,
    opensAt: row.opens_at.toISOString(),
    closesAt: row.closes_at.toISOString(),
    isOpen: row.opens_at <= now && now < row.closes_at,
    responseCount: row.response_count,
  };
}

export class SurveyService {
  constructor(
    private readonly db: Db,
    private readonly participation: ParticipationAccess,
    private readonly audit: AuditLog,
  ) {}

  async list(actor: Actor, slug: string, processId: string, query: { limit: number; cursor?: string }) {
    const context = await this.participation.read(actor, slug, processId);
    const after = readCursor(query.cursor, ['uuid']);
    const rows = await surveyRepo.page(
      this.db,
      context.clusterId,
      processId,
      after?.[0] ?? null,
      query.limit,
    );
    const page = toPage(rows, query.limit, (row) => [row.id]);
    return { nextCursor: page.nextCursor, items: page.items.map((row) => surveyView(row, context.now)) };
  }

  async get(actor: Actor, slug: string, processId: string, surveyId: string) {
    const context = await this.participation.read(actor, slug, processId);
    const row = await this.find(context, surveyId);
    const viewer = context.access.actor;
    const [questions, hasAnswered] = await Promise.all([
      surveyRepo.questions(this.db, context.clusterId, surveyId),
      viewer ? responseRepo.hasAnswered(this.db, context.clusterId, surveyId, viewer.personId) : false,
    ]);
    return {
      ...surveyView(row, context.now),
      questions: questions.map(toQuestion),
      viewer: { hasAnswered },
      can: { manage: Access.can(context.access, 'participation.manage') },
    };
  }

  async create(actor: Actor, slug: string, processId: string, input: SurveyInput) {
    const context = await this.participation.manage(actor, slug, processId);
    const opensAt = parseInstant(input.opensAt, 'opensAt');
    const closesAt = parseInstant(input.closesAt, 'closesAt');
    if (closesAt <= opensAt) throw badRequest('participation.survey_dates_invalid', 'closesAt');
    const surveyId = newId();
    const questions = input.questions.map((q, position): SurveyQuestionTable => {
      const question = {
        kind: q.kind,
        prompt: q.prompt.trim(),
        options:
          q.kind === 'single_choice' || q.kind === 'multiple_choice' ? q.options.map((o) => o.trim()) : [],
        scaleMin: q.kind === 'scale' ? q.scaleMin : null,
        scaleMax: q.kind === 'scale' ? q.scaleMax : null,
        isRequired: q.isRequired,
      };
      if (!isCompleteQuestion(question))
        throw badRequest('participation.survey_question_invalid', `questions.${position}`);
      return {
        cluster_id: context.clusterId,
        survey_id: surveyId,
        id: newId(),
        position,
        kind: question.kind,
        prompt: question.prompt,
        options: question.options,
        scale_min: question.scaleMin,
        scale_max: question.scaleMax,
        is_required: question.isRequired,
      };
    });
    await this.db.transaction().execute(async (tx) => {
      await surveyRepo.insert(
        tx,
        {
          cluster_id: context.clusterId,
          id: surveyId,
          process_id: processId,
          title: input.title.trim(),
          description: input.description.trim(),
          is_anonymous: input.isAnonymous,
          opens_at: opensAt,
          closes_at: closesAt,
          response_count: 0,
          created_at: context.now,
        },
        questions,
      );
      await this.audit.record(tx, context.clusterId, {
        action: 'participation.survey_opened',
        isPublic: true,
        payload: {
          surveyId,
          processId,
          title: input.title.trim(),
          isAnonymous: input.isAnonymous,
          opensAt: opensAt.toISOString(),
          closesAt: closesAt.toISOString(),
          by: context.actor.personId,
        },
      });
    });
    return this.get(actor, slug, processId, surveyId);
  }

  async respond(actor: Actor, slug: string, processId: string, surveyId: string, answers: AnswerInput[]) {
    const context = await this.participation.takePart(actor, slug, processId);
    const survey = await this.find(context, surveyId);
    if (!(survey.opens_at <= context.now && context.now < survey.closes_at))
      throw conflict('participation.survey_closed');
    const questions = (await surveyRepo.questions(this.db, context.clusterId, surveyId)).map(toQuestion);
    const check = checkResponse(questions, answers);
    if (!check.ok) {
      const field =
        check.index === null
          ? `questions.${questions.findIndex((q) => q.id === check.questionId)}`
          : `answers.${check.index}`;
      throw badRequest(
        check.index === null ? 'validation.required' : 'participation.survey_answer_invalid',
        field,
      );
    }
    await this.db.transaction().execute(async (tx) => {
      if (!(await responseRepo.markAnswered(tx, context.clusterId, surveyId, context.actor.personId))) {
        throw conflict('participation.survey_already_answered');
      }
      const responseId = survey.is_anonymous ? randomUUID() : newId();
      await responseRepo.insert(
        tx,
        {
          cluster_id: context.clusterId,
          id: responseId,
          survey_id: surveyId,
          person_id: survey.is_anonymous ? null : context.actor.personId,
          submitted_on: context.now.toISOString().slice(0, 10),
        },
        check.answers.map((a) => ({
          cluster_id: context.clusterId,
          response_id: responseId,
          question_id: a.questionId,
          choices: a.choices,
          scale_value: a.scaleValue,
          text_value: a.textValue,
        })),
      );
      await surveyRepo.countResponse(tx, context.clusterId, surveyId);
    });
    return { answered: true };
  }

  /** Counts per option and per scale value; the texts themselves stay in the coordinators' export. */
  async results(actor: Actor, slug: string, processId: string, surveyId: string) {
    const context = await this.participation.read(actor, slug, processId);
    const survey = await this.find(context, surveyId);
    const questions = (await surveyRepo.questions(this.db, context.clusterId, surveyId)).map(toQuestion);
    const answers = await responseRepo.answersTo(
      this.db,
      context.clusterId,
      questions.map((q) => q.id),
    );
    return {
      surveyId,
      responseCount: survey.response_count,
      questions: questions.map((question) => ({
        ...question,
        ...tally(question, answers.filter((a) => a.question_id === question.id).map(toStored)),
      })),
    };
  }

  async csv(actor: Actor, slug: string, processId: string, surveyId: string): Promise<string> {
    const context = await this.participation.manage(actor, slug, processId);
    const survey = await this.find(context, surveyId);
    const questions = (await surveyRepo.questions(this.db, context.clusterId, surveyId)).map(toQuestion);
    const header = [
      'response',
      'submitted_on',
      ...(survey.is_anonymous ? [] : ['person']),
      ...questions.map((q) => q.prompt),
    ];
    const lines = [header.map(csvField).join(',')];
    let afterId: string | null = null;
    for (let read = 0; read < MAX_EXPORTED_RESPONSES; read += EXPORT_BATCH) {
      const batch = await responseRepo.batch(this.db, context.clusterId, surveyId, afterId, EXPORT_BATCH);
      if (batch.length === 0) break;
      const answers = await responseRepo.answersOf(
        this.db,
        context.clusterId,
        batch.map((r) => r.id),
      );
      for (const response of batch) {
        const own = new Map(
          answers.filter((a) => a.response_id === response.id).map((a) => [a.question_id, toStored(a)]),
        );
        const cells = [
          response.id,
          response.submitted_on,
          ...(survey.is_anonymous ? [] : [response.display_name ?? '']),
          ...questions.map((q) => answerCell(q, own.get(q.id))),
        ];
        lines.push(cells.map(csvField).join(','));
      }
      afterId = batch[batch.length - 1]?.id ?? null;
      if (batch.length < EXPORT_BATCH) break;
    }
    return `${lines.join('\r\n')}\r\n`;
  }

  private async find(context: ProcessContext, surveyId: string) {
    const row = await surveyRepo.find(this.db, context.clusterId, context.process.id, surveyId);
    if (!row) throw notFound('participation.survey_not_found');
    return row;
  }
}
