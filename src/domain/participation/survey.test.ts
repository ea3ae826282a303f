import { describe, expect, it } from 'vitest';
import { answerCell, checkResponse, csvField, isCompleteQuestion, type Question, tally } from './survey.ts';

const question = (id: string, kind: Question['kind'], extra: Partial<Question> = {}): Question => ({
  id,
  kind,
  prompt: id,
  options: [],
  scaleMin: null,
  scaleMax: null,
  isRequired: false,
  ...extra,
});

const colour = question('colour', 'single_choice', { options: ['Red', 'Green', 'Blue'], isRequired: true });
const uses = question('uses', 'multiple_choice', { options: ['Play', 'Market', 'Rest'] });
const rating = question('rating', 'scale', { scaleMin: 1, scaleMax: 5 });
const remark = question('remark', 'short_text');
const questions = [colour, uses, rating, remark];

describe('survey questions and responses', () => {
  it('needs two distinct options for a choice and a range for a scale', () => {
    expect(isCompleteQuestion({ ...colour, options: ['Only'] })).toBe(false);
    expect(isCompleteQuestion({ ...colour, options: ['Same', 'Same'] })).toBe(false);
    expect(isCompleteQuestion({ ...rating, scaleMin: 5, scaleMax: 5 })).toBe(false);
    expect(isCompleteQuestion({ ...rating, scaleMax: 11 })).toBe(false);
    expect(isCompleteQuestion(colour) && isCompleteQuestion(rating) && isCompleteQuestion(remark)).toBe(true);
  });

  it('accepts a response that fits, dropping blank optional answers', () => {
    const check = checkResponse(questions, [
      { questionId: 'colour', choices: [1] },
      { questionId: 'uses', choices: [2, 0] },
      { questionId: 'rating', value: 4 },
      { questionId: 'remark', text: '   ' },
    ]);
    expect(check).toEqual({
      ok: true,
      answers: [
        { questionId: 'colour', choices: [1], scaleValue: null, textValue: '' },
        { questionId: 'uses', choices: [0, 2], scaleValue: null, textValue: '' },
        { questionId: 'rating', choices: [], scaleValue: 4, textValue: '' },
      ],
    });
  });

  it.each([
    ['two choices for a single choice', [{ questionId: 'colour', choices: [0, 1] }], 0],
    ['an option that does not exist', [{ questionId: 'colour', choices: [3] }], 0],
    [
      'the same option twice',
      [
        { questionId: 'colour', choices: [0] },
        { questionId: 'uses', choices: [1, 1] },
      ],
      1,
    ],
    [
      'a value off the scale',
      [
        { questionId: 'colour', choices: [0] },
        { questionId: 'rating', value: 6 },
      ],
      1,
    ],
    [
      'a question answered twice',
      [
        { questionId: 'colour', choices: [0] },
        { questionId: 'colour', choices: [1] },
      ],
      1,
    ],
    [
      'an unknown question',
      [
        { questionId: 'colour', choices: [0] },
        { questionId: 'other', text: 'x' },
      ],
      1,
    ],
    [
      'a short text that is long',
      [
        { questionId: 'colour', choices: [0] },
        { questionId: 'remark', text: 'x'.repeat(201) },
      ],
      1,
    ],
  ])('refuses %s, naming the answer', (_name, answers, index) => {
    expect(checkResponse(questions, answers)).toMatchObject({ ok: false, index });
  });

  it('refuses a response that leaves a required question out, naming the question', () => {
    expect(checkResponse(questions, [{ questionId: 'rating', value: 3 }])).toEqual({
      ok: false,
      index: null,
      questionId: 'colour',
    });
  });

  it('counts answers per option and per scale value', () => {
    const answers = [
      { questionId: 'rating', choices: [], scaleValue: 1, textValue: '' },
      { questionId: 'rating', choices: [], scaleValue: 5, textValue: '' },
      { questionId: 'rating', choices: [], scaleValue: 5, textValue: '' },
    ];
    expect(tally(rating, answers)).toEqual({ questionId: 'rating', answered: 3, counts: [1, 0, 0, 0, 2] });
    const picks = [
      { questionId: 'uses', choices: [0, 2], scaleValue: null, textValue: '' },
      { questionId: 'uses', choices: [2], scaleValue: null, textValue: '' },
    ];
    expect(tally(uses, picks).counts).toEqual([1, 0, 2]);
    expect(answerCell(uses, picks[0])).toBe('Play; Rest');
  });

  it('writes CSV fields that quote what needs quoting and never start a formula', () => {
    expect(csvField('plain')).toBe('plain');
    expect(csvField('a, "b"\nc')).toBe('"a, ""b""\nc"');
    expect(csvField('=HYPERLINK("x")')).toBe(`"'=HYPERLINK(""x"")"`);
    expect(csvField('-1')).toBe("'-1");
  });
});
