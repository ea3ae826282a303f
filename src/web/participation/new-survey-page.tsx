/**
 * A coordinator asks a survey in a process: its title and description, whether it is anonymous,
 * when it is open, and its questions — single or multiple choice (one option a line), a scale
 * between two numbers, or short or long text — each optional or required.
 */
import { type CalendarDate, getLocalTimeZone, today } from '@internationalized/date';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useRouter } from '@tanstack/react-router';
import { useRef, useState } from 'react';
import { Button, Checkbox, Form } from 'react-aria-components';
import { FormattedMessage, useIntl } from 'react-intl';
import { isApiError } from '../platform/api/api-error.ts';
import { CheckMark } from '../platform/forms/checkbox-group-field.tsx';
import { DateField } from '../platform/forms/date-field.tsx';
import { ErrorAlert } from '../platform/forms/form-alert.tsx';
import { NumberField } from '../platform/forms/number-field.tsx';
import { readForm } from '../platform/forms/read-form.ts';
import { SelectField } from '../platform/forms/select-field.tsx';
import { SubmitButton } from '../platform/forms/submit-button.tsx';
import { TextField } from '../platform/forms/text-field.tsx';
import { announce } from '../platform/layout/announcer.tsx';
import { paths } from '../platform/routing/paths.ts';
import {
  participationApi,
  participationKeys,
  type QuestionKind,
  type SurveyInput,
} from './participation-api.ts';
import { ProcessSubpage } from './process-subpage.tsx';
import './participation.css';

const KINDS: readonly QuestionKind[] = [
  'single_choice',
  'multiple_choice',
  'scale',
  'short_text',
  'long_text',
];
const MAX_QUESTIONS = 50;

interface QuestionRow {
  readonly key: number;
  readonly kind: QuestionKind;
  readonly scaleMin: number;
  readonly scaleMax: number;
  readonly isRequired: boolean;
}

const startOf = (day: CalendarDate) => day.toDate(getLocalTimeZone()).toISOString();
const isChoice = (kind: QuestionKind) => kind === 'single_choice' || kind === 'multiple_choice';

export function NewSurveyPage({ slug, processId }: { slug: string; processId: string }) {
  const intl = useIntl();
  const heading = intl.formatMessage({ id: 'participation.survey.new' });
  return (
    <ProcessSubpage slug={slug} processId={processId} heading={heading}>
      <SurveyForm slug={slug} processId={processId} />
    </ProcessSubpage>
  );
}

function SurveyForm({ slug, processId }: { slug: string; processId: string }) {
  const intl = useIntl();
  const router = useRouter();
  const queryClient = useQueryClient();
  const formRef = useRef<HTMLFormElement>(null);
  const first = today(getLocalTimeZone());
  const [opens, setOpens] = useState<CalendarDate | null>(first);
  const [closes, setCloses] = useState<CalendarDate | null>(first.add({ days: 14 }));
  const [isAnonymous, setIsAnonymous] = useState(true);
  const [rows, setRows] = useState<QuestionRow[]>([
    { key: 0, kind: 'single_choice', scaleMin: 1, scaleMax: 5, isRequired: true },
  ]);
  const ask = useMutation({
    mutationFn: (input: SurveyInput) => participationApi.askSurvey(slug, processId, input),
    onSuccess: async (survey) => {
      await queryClient.invalidateQueries({ queryKey: participationKeys.all(slug) });
      await router.navigate({ href: paths.survey(slug, processId, survey.id) });
      announce(intl.formatMessage({ id: 'participation.survey.asked' }, { title: survey.title }));
    },
  });
  // The server names the field (`title`, `closesAt`, `questions.1`); it is placed beside it.
  const error = ask.error;
  const field = isApiError(error) ? error.field : undefined;
  const fieldErrors: Record<string, string> = {};
  if (isApiError(error) && field) {
    const question = /^questions\.(\d+)/.exec(field);
    const row = question ? rows[Number(question[1])] : undefined;
    fieldErrors[row ? `prompt-${row.key}` : field] = error.message;
  }
  const change = (key: number, patch: Partial<QuestionRow>) =>
    setRows((all) => all.map((row) => (row.key === key ? { ...row, ...patch } : row)));
  return (
    <Form
      ref={formRef}
      className="form"
      validationErrors={fieldErrors}
      onSubmit={(event) => {
        const form = readForm(event);
        if (!opens || !closes) return;
        ask.mutate({
          title: form.text('title').trim(),
          description: form.text('description'),
          isAnonymous,
          opensAt: startOf(opens),
          closesAt: startOf(closes.add({ days: 1 })),
          questions: rows.map((row) => ({
            kind: row.kind,
            prompt: form.text(`prompt-${row.key}`).trim(),
            options: isChoice(row.kind)
              ? form
                  .text(`options-${row.key}`)
                  .split('\n')
                  .map((line) => line.trim())
                  .filter(Boolean)
              : [],
            ...(row.kind === 'scale' ? { scaleMin: row.scaleMin, scaleMax: row.scaleMax } : {}),
            isRequired: row.isRequired,
          })),
        });
      }}
    >
      <ErrorAlert error={Object.keys(fieldErrors).length > 0 ? null : error} />
      <TextField
        name="title"
        isRequired
        maxLength={200}
        label={<FormattedMessage id="participation.newProcess.name" />}
      />
      <TextField
        name="description"
        isMultiline
        rows={3}
        maxLength={5000}
        isOptional
        label={<FormattedMessage id="participation.newProcess.description" />}
      />
      <Checkbox className="checkbox" isSelected={isAnonymous} onChange={setIsAnonymous}>
        {({ isSelected }) => (
          <>
            <span className="checkbox__box">{isSelected && <CheckMark />}</span>
            <FormattedMessage id="participation.survey.anonymous" />
          </>
        )}
      </Checkbox>
      <DateField
        name="opensAt"
        isRequired
        value={opens}
        onChange={(value) => setOpens(value as CalendarDate | null)}
        label={<FormattedMessage id="participation.survey.opens" />}
      />
      <DateField
        name="closesAt"
        isRequired
        value={closes}
        onChange={(value) => setCloses(value as CalendarDate | null)}
        label={<FormattedMessage id="participation.survey.closes" />}
      />
      <fieldset className="participation-phases-editor">
        <legend>
          <FormattedMessage id="participation.survey.questions" />
        </legend>
        {rows.map((row, index) => (
          <div key={row.key} className="question-editor">
            <SelectField
              label={<FormattedMessage id="participation.survey.kind" values={{ number: index + 1 }} />}
              options={KINDS.map((id) => ({
                id,
                label: intl.formatMessage({ id: `participation.questionKind.${id}` }),
              }))}
              value={row.kind}
              onChange={(key) => change(row.key, { kind: String(key) as QuestionKind })}
            />
            <TextField
              name={`prompt-${row.key}`}
              isRequired
              maxLength={500}
              label={<FormattedMessage id="participation.survey.prompt" values={{ number: index + 1 }} />}
            />
            {isChoice(row.kind) && (
              <TextField
                name={`options-${row.key}`}
                isRequired
                isMultiline
                rows={4}
                maxLength={4000}
                label={<FormattedMessage id="participation.survey.options" values={{ number: index + 1 }} />}
                description={<FormattedMessage id="participation.survey.options.help" />}
              />
            )}
            {row.kind === 'scale' && (
              <div className="button-row">
                <NumberField
                  minValue={0}
                  maxValue={10}
                  step={1}
                  value={row.scaleMin}
                  onChange={(value) => change(row.key, { scaleMin: Number.isFinite(value) ? value : 0 })}
                  label={
                    <FormattedMessage id="participation.survey.scaleMin" values={{ number: index + 1 }} />
                  }
                />
                <NumberField
                  minValue={0}
                  maxValue={10}
                  step={1}
                  value={row.scaleMax}
                  onChange={(value) => change(row.key, { scaleMax: Number.isFinite(value) ? value : 10 })}
                  label={
                    <FormattedMessage id="participation.survey.scaleMax" values={{ number: index + 1 }} />
                  }
                />
              </div>
            )}
            <Checkbox
              className="checkbox"
              isSelected={row.isRequired}
              onChange={(isRequired) => change(row.key, { isRequired })}
            >
              {({ isSelected }) => (
                <>
                  <span className="checkbox__box">{isSelected && <CheckMark />}</span>
                  <FormattedMessage id="participation.survey.required" values={{ number: index + 1 }} />
                </>
              )}
            </Checkbox>
            {rows.length > 1 && (
              <Button
                className="button button--small button--secondary"
                onPress={() => setRows((all) => all.filter((other) => other.key !== row.key))}
              >
                <FormattedMessage id="participation.survey.remove" values={{ number: index + 1 }} />
              </Button>
            )}
          </div>
        ))}
        {rows.length < MAX_QUESTIONS && (
          <Button
            className="button button--secondary"
            onPress={() =>
              setRows((all) => [
                ...all,
                {
                  key: Math.max(0, ...all.map((row) => row.key)) + 1,
                  kind: 'long_text',
                  scaleMin: 1,
                  scaleMax: 5,
                  isRequired: false,
                },
              ])
            }
          >
            <FormattedMessage id="participation.survey.add" />
          </Button>
        )}
      </fieldset>
      <div className="form-actions">
        <SubmitButton isPending={ask.isPending}>
          <FormattedMessage id="participation.survey.ask" />
        </SubmitButton>
      </div>
    </Form>
  );
}
