/** SQL for surveys, their questions, who answered and the answers. Scoped by cluster. */
import type { Kysely } from 'kysely';
import type { Database, SurveyQuestionTable, SurveyTable } from '../platform/database.ts';

type Q = Kysely<Database>;

export const surveyRepo = {
  insert: async (db: Q, survey: SurveyTable, questions: readonly SurveyQuestionTable[]) => {
    await db.insertInto('survey').values(survey).execute();
    if (questions.length > 0)
      await db
        .insertInto('survey_question')
        .values([...questions])
        .execute();
  },

  find: (db: Q, clusterId: string, processId: string, id: string) =>
    db
      .selectFrom('survey')
      .selectAll()
      .where('cluster_id', '=', clusterId)
      .where('process_id', '=', processId)
      .where('id', '=', id)
      .executeTakeFirst(),

  /** Newest first. */
  page: (db: Q, clusterId: string, processId: string, beforeId: string | null, limit: number) =>
    db
      .selectFrom('survey')
      .selectAll()
      .where('cluster_id', '=', clusterId)
      .where('process_id', '=', processId)
      .$if(beforeId !== null, (qb) => qb.where('id', '<', beforeId as string))
      .orderBy('id', 'desc')
      .limit(limit + 1)
      .execute(),

  questions: (db: Q, clusterId: string, surveyId: string) =>
    db
      .selectFrom('survey_question')
      .selectAll()
      .where('cluster_id', '=', clusterId)
      .where('survey_id', '=', surveyId)
      .orderBy('position')
      .execute(),

  countResponse: (db: Q, clusterId: string, surveyId: string) =>
    db
      .updateTable('survey')
      .set((eb) => ({ response_count: eb('response_count', '+', 1) }))
      .where('cluster_id', '=', clusterId)
      .where('id', '=', surveyId)
      .execute(),
};

export const responseRepo = {
  /** False when the person has answered already: the participant row is the one-response rule. */
  markAnswered: async (db: Q, clusterId: string, surveyId: string, personId: string) =>
    Number(
      (
        await db
          .insertInto('survey_participant')
          .values({ cluster_id: clusterId, survey_id: surveyId, person_id: personId })
          .onConflict((oc) => oc.doNothing())
          .executeTakeFirst()
      ).numInsertedOrUpdatedRows ?? 0,
    ) > 0,

  hasAnswered: async (db: Q, clusterId: string, surveyId: string, personId: string) =>
    (await db
      .selectFrom('survey_participant')
      .select('person_id')
      .where('cluster_id', '=', clusterId)
      .where('survey_id', '=', surveyId)
      .where('person_id', '=', personId)
      .executeTakeFirst()) !== undefined,

  insert: async (
    db: Q,
    response: Database['survey_response'],
    answers: readonly Database['survey_answer'][],
  ) => {
    await db.insertInto('survey_response').values(response).execute();
    if (answers.length > 0)
      await db
        .insertInto('survey_answer')
        .values([...answers])
        .execute();
  },

  /** Every answer to one question, for its tally. */
  answersTo: (db: Q, clusterId: string, questionIds: readonly string[]) =>
    questionIds.length === 0
      ? Promise.resolve([])
      : db
          .selectFrom('survey_answer')
          .select(['question_id', 'choices', 'scale_value', 'text_value'])
          .where('cluster_id', '=', clusterId)
          .where('question_id', 'in', questionIds)
          .execute(),

  /** A batch of responses with their answers, in id order, for the CSV export. */
  batch: (db: Q, clusterId: string, surveyId: string, afterId: string | null, limit: number) =>
    db
      .selectFrom('survey_response as r')
      .leftJoin('person', 'person.id', 'r.person_id')
      .select(['r.id', 'r.submitted_on', 'person.display_name'])
      .where('r.cluster_id', '=', clusterId)
      .where('r.survey_id', '=', surveyId)
      .$if(afterId !== null, (qb) => qb.where('r.id', '>', afterId as string))
      .orderBy('r.id')
      .limit(limit)
      .execute(),

  answersOf: (db: Q, clusterId: string, responseIds: readonly string[]) =>
    responseIds.length === 0
      ? Promise.resolve([])
      : db
          .selectFrom('survey_answer')
          .selectAll()
          .where('cluster_id', '=', clusterId)
          .where('response_id', 'in', responseIds)
          .execute(),
};
