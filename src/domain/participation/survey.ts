/**
 * Surveys: the kinds of question, what makes a question complete, whether a response fits its
 * questions, the counts per option that results show, and the CSV a coordinator downloads.
 */

export const QUESTION_KINDS = [
  'single_choice',
  'multiple_choice',
  'scale',
  'short_text',
  'long_text',
] as const;
export type QuestionKind = (typeof QUESTION_KINDS)[number];

export const MAX_QUESTIONS = 50;
export const MAX_OPTIONS = 20;
export const SHORT_TEXT_MAX = 200;
export const LONG_TEXT_MAX = 5000;
export const SCALE_BOUNDS = { min: 0, max: 10 } as const;

export interface Question {
  readonly id: string;
  readonly kind: QuestionKind;
  readonly prompt: string;
  readonly options: readonly string[];
  readonly scaleMin: number | null;
  readonly scaleMax: number | null;
  readonly isRequired: boolean;
}

export interface AnswerInput {
  readonly questionId: string;
  readonly choices?: readonly number[];
  readonly value?: number;
  readonly text?: string;
}

/** An answer as stored: the fields its question's kind uses, the others empty. */
export interface StoredAnswer {
  readonly questionId: string;
  readonly choices: number[];
  readonly scaleValue: number | null;
  readonly textValue: string;
}

const isChoice = (kind: QuestionKind) => kind === 'single_choice' || kind === 'multiple_choice';

/** Whether a question's definition is complete for its kind. */
export function isCompleteQuestion(question: Omit<Question, 'id'>): boolean {
  if (isChoice(question.kind)) {
    const options = question.options.map((o) => o.trim());
    return options.length >= 2 && options.every((o) => o !== '') && new Set(options).size === options.length;
  }
  if (question.kind === 'scale') {
    return (
      question.scaleMin !== null &&
      question.scaleMax !== null &&
      question.scaleMin >= SCALE_BOUNDS.min &&
      question.scaleMax <= SCALE_BOUNDS.max &&
      question.scaleMin < question.scaleMax
    );
  }
  return true;
}

export type ResponseCheck =
  | { readonly ok: true; readonly answers: StoredAnswer[] }
  | { readonly ok: false; readonly index: number | null; readonly questionId: string | null };

/**
 * Checks a response against the survey's questions: every answer names a question once and fits
 * its kind; every required question is answered. Blank optional answers are dropped.
 */
export function checkResponse(
  questions: readonly Question[],
  answers: readonly AnswerInput[],
): ResponseCheck {
  const byId = new Map(questions.map((q) => [q.id, q]));
  const seen = new Set<string>();
  const stored: StoredAnswer[] = [];
  for (const [index, answer] of answers.entries()) {
    const question = byId.get(answer.questionId);
    if (!question || seen.has(answer.questionId)) return { ok: false, index, questionId: answer.questionId };
    seen.add(answer.questionId);
    const fitted = fitAnswer(question, answer);
    if (fitted === 'invalid') return { ok: false, index, questionId: question.id };
    if (fitted !== 'blank') stored.push(fitted);
  }
  const missing = questions.find((q) => q.isRequired && !stored.some((a) => a.questionId === q.id));
  if (missing) return { ok: false, index: null, questionId: missing.id };
  return { ok: true, answers: stored };
}

function fitAnswer(question: Question, answer: AnswerInput): StoredAnswer | 'blank' | 'invalid' {
  const empty = { questionId: question.id, choices: [] as number[], scaleValue: null, textValue: '' };
  if (isChoice(question.kind)) {
    const choices = answer.choices ?? [];
    if (choices.length === 0) return 'blank';
    const inRange = choices.every((c) => Number.isInteger(c) && c >= 0 && c < question.options.length);
    const isUnique = new Set(choices).size === choices.length;
    if (!inRange || !isUnique || (question.kind === 'single_choice' && choices.length !== 1))
      return 'invalid';
    return { ...empty, choices: [...choices].sort((a, b) => a - b) };
  }
  if (question.kind === 'scale') {
    if (answer.value === undefined) return 'blank';
    const { scaleMin, scaleMax } = question;
    if (!Number.isInteger(answer.value) || scaleMin === null || scaleMax === null) return 'invalid';
    if (answer.value < scaleMin || answer.value > scaleMax) return 'invalid';
    return { ...empty, scaleValue: answer.value };
  }
  const text = (answer.text ?? '').trim();
  if (text === '') return 'blank';
  if (text.length > (question.kind === 'short_text' ? SHORT_TEXT_MAX : LONG_TEXT_MAX)) return 'invalid';
  return { ...empty, textValue: text };
}

export interface QuestionTally {
  readonly questionId: string;
  readonly answered: number;
  /** For choices: one count per option; for a scale: one count per value from min to max. */
  readonly counts: number[];
}

/** Counts answers per option (choices) or per value (scales); text questions count answers only. */
export function tally(question: Question, answers: Iterable<StoredAnswer>): QuestionTally {
  const size = isChoice(question.kind)
    ? question.options.length
    : question.kind === 'scale' && question.scaleMin !== null && question.scaleMax !== null
      ? question.scaleMax - question.scaleMin + 1
      : 0;
  const counts = new Array<number>(size).fill(0);
  let answered = 0;
  for (const answer of answers) {
    answered++;
    for (const choice of answer.choices) counts[choice] = (counts[choice] ?? 0) + 1;
    if (answer.scaleValue !== null && question.scaleMin !== null) {
      const at = answer.scaleValue - question.scaleMin;
      counts[at] = (counts[at] ?? 0) + 1;
    }
  }
  return { questionId: question.id, answered, counts };
}

/** A CSV field: quoted when needed, and never read by a spreadsheet as a formula. */
export function csvField(value: string): string {
  const safe = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

/** How an answer reads in a cell: the chosen options' texts, the value, or the text. */
export function answerCell(question: Question, answer: StoredAnswer | undefined): string {
  if (!answer) return '';
  if (isChoice(question.kind)) return answer.choices.map((c) => question.options[c] ?? '').join('; ');
  if (question.kind === 'scale') return answer.scaleValue === null ? '' : String(answer.scaleValue);
  return answer.textValue;
}
