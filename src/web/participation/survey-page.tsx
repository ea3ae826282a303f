/**
 * A survey: its questions as a form (one response per person; anonymous surveys say so), and the
 * results — counts per option and per scale value as bars with their numbers written out, so they
 * read the same to a screen reader. Coordinators download every response as CSV.
 */
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useRef, useState } from 'react';
import { Form } from 'react-aria-components';
import { FormattedDate, FormattedMessage, FormattedNumber, useIntl } from 'react-intl';
import { isApiError } from '../platform/api/api-error.ts';
import { CheckboxGroupField } from '../platform/forms/checkbox-group-field.tsx';
import { ErrorAlert } from '../platform/forms/form-alert.tsx';
import { RadioGroupField } from '../platform/forms/radio-group-field.tsx';
import { readForm } from '../platform/forms/read-form.ts';
import { SubmitButton } from '../platform/forms/submit-button.tsx';
import { TextField } from '../platform/forms/text-field.tsx';
import { announce } from '../platform/layout/announcer.tsx';
import { Loading } from '../platform/layout/loading.tsx';
import { useSession } from '../platform/session/use-session.ts';
import {
  participationApi,
  participationKeys,
  type Question,
  type Survey,
  type SurveyAnswer,
  surveyCsvUrl,
  useSurvey,
  useSurveyResults,
} from './participation-api.ts';
import { ProcessSubpage } from './process-subpage.tsx';
import './participation.css';

interface Props {
  readonly slug: string;
  readonly processId: string;
  readonly surveyId: string;
}

const range = (from: number, to: number) => Array.from({ length: to - from + 1 }, (_, i) => from + i);

export function SurveyPage({ slug, processId, surveyId }: Props) {
  const survey = useSurvey(slug, processId, surveyId);
  const isSignedIn = Boolean(useSession().data?.person);
  const data = survey.data;
  return (
    <ProcessSubpage
      slug={slug}
      processId={processId}
      heading={data?.title ?? null}
      lead={data?.description || undefined}
    >
      <ErrorAlert error={survey.error} />
      {survey.isPending && <Loading />}
      {data && (
        <>
          <p className="muted">
            <FormattedMessage
              id="participation.survey.window"
              values={{
                opens: <FormattedDate value={data.opensAt} dateStyle="medium" />,
                closes: <FormattedDate value={data.closesAt} dateStyle="medium" />,
                anonymous: data.isAnonymous ? 'yes' : 'no',
              }}
            />
          </p>
          {data.viewer.hasAnswered ? (
            <p className="participation-notice">
              <FormattedMessage id="participation.survey.answered" />
            </p>
          ) : data.isOpen && isSignedIn ? (
            <SurveyForm slug={slug} processId={processId} survey={data} />
          ) : (
            <p className="muted">
              <FormattedMessage
                id={data.isOpen ? 'participation.survey.signIn' : 'participation.survey.closed'}
              />
            </p>
          )}
          <SurveyResultsSection slug={slug} processId={processId} survey={data} />
        </>
      )}
    </ProcessSubpage>
  );
}

function SurveyForm({ slug, processId, survey }: { slug: string; processId: string; survey: Survey }) {
  const intl = useIntl();
  const queryClient = useQueryClient();
  const formRef = useRef<HTMLFormElement>(null);
  const [choices, setChoices] = useState<Record<string, string[]>>({});
  const respond = useMutation({
    mutationFn: (answers: SurveyAnswer[]) => participationApi.respond(slug, processId, survey.id, answers),
    onSuccess: async () => {
      await queryClient.invalidateQueries({ queryKey: participationKeys.all(slug) });
      announce(intl.formatMessage({ id: 'participation.survey.thanks' }));
    },
  });
  const choose = (questionId: string, values: string[]) =>
    setChoices((all) => ({ ...all, [questionId]: values }));
  // The server names the refused answer (`answers.2`) or the missing question (`questions.0`).
  const error = respond.error;
  const fieldErrors: Record<string, string> = {};
  if (isApiError(error) && error.field) {
    const match = /^(answers|questions)\.(\d+)$/.exec(error.field);
    const question = match ? survey.questions[Number(match[2])] : undefined;
    if (question) fieldErrors[question.id] = error.message;
  }
  return (
    <Form
      ref={formRef}
      className="form"
      aria-label={intl.formatMessage({ id: 'participation.survey.form' })}
      validationErrors={fieldErrors}
      onSubmit={(event) => {
        const form = readForm(event);
        const answers = survey.questions.flatMap((question): SurveyAnswer[] => {
          const chosen = (choices[question.id] ?? []).map(Number);
          if (question.kind === 'single_choice' || question.kind === 'multiple_choice')
            return chosen.length > 0 ? [{ questionId: question.id, choices: chosen }] : [];
          if (question.kind === 'scale')
            return chosen.length > 0 ? [{ questionId: question.id, value: chosen[0] as number }] : [];
          const text = form.text(question.id).trim();
          return text ? [{ questionId: question.id, text }] : [];
        });
        respond.mutate(answers);
      }}
    >
      <ErrorAlert error={Object.keys(fieldErrors).length > 0 ? null : error} />
      {survey.questions.map((question) => (
        <QuestionField
          key={question.id}
          question={question}
          value={choices[question.id] ?? []}
          onChange={choose}
        />
      ))}
      <div className="form-actions">
        <SubmitButton isPending={respond.isPending}>
          <FormattedMessage id="participation.survey.submit" />
        </SubmitButton>
      </div>
    </Form>
  );
}

function QuestionField({
  question,
  value,
  onChange,
}: {
  question: Question;
  value: readonly string[];
  onChange: (questionId: string, values: string[]) => void;
}) {
  const label = question.prompt;
  if (question.kind === 'multiple_choice') {
    return (
      <CheckboxGroupField
        name={question.id}
        label={label}
        isRequired={question.isRequired}
        value={[...value]}
        onChange={(values) => onChange(question.id, values)}
        options={question.options.map((option, index) => ({ id: String(index), label: option }))}
      />
    );
  }
  if (question.kind === 'single_choice' || question.kind === 'scale') {
    const options =
      question.kind === 'scale'
        ? range(question.scaleMin ?? 0, question.scaleMax ?? 0).map((n) => ({
            id: String(n),
            label: String(n),
          }))
        : question.options.map((option, index) => ({ id: String(index), label: option }));
    return (
      <RadioGroupField
        name={question.id}
        label={label}
        isRequired={question.isRequired}
        orientation={question.kind === 'scale' ? 'horizontal' : 'vertical'}
        value={value[0] ?? null}
        onChange={(selected) => onChange(question.id, [selected])}
        options={options}
      />
    );
  }
  return (
    <TextField
      name={question.id}
      label={label}
      isRequired={question.isRequired}
      isOptional={!question.isRequired}
      isMultiline={question.kind === 'long_text'}
      rows={question.kind === 'long_text' ? 5 : undefined}
      maxLength={question.kind === 'long_text' ? 5000 : 200}
    />
  );
}

function SurveyResultsSection({
  slug,
  processId,
  survey,
}: {
  slug: string;
  processId: string;
  survey: Survey;
}) {
  const results = useSurveyResults(slug, processId, survey.id);
  return (
    <section aria-labelledby="survey-results-heading">
      <h2 id="survey-results-heading">
        <FormattedMessage id="participation.survey.results" values={{ count: survey.responseCount }} />
      </h2>
      <ErrorAlert error={results.error} />
      {results.isPending && <Loading />}
      {results.data?.questions.map((question) => (
        <div key={question.id} className="survey-result">
          <h3>{question.prompt}</h3>
          {question.counts.length === 0 ? (
            <p className="muted">
              <FormattedMessage id="participation.survey.textAnswers" values={{ count: question.answered }} />
            </p>
          ) : (
            <ul className="survey-bars">
              {question.counts.map((count, index) => {
                const label =
                  question.kind === 'scale'
                    ? String((question.scaleMin ?? 0) + index)
                    : (question.options[index] ?? '');
                const share = question.answered === 0 ? 0 : count / question.answered;
                return (
                  // biome-ignore lint/suspicious/noArrayIndexKey: an option's place is its identity
                  <li key={index}>
                    <span className="survey-bars__label">{label}</span>
                    <progress
                      className="survey-bars__bar"
                      max={Math.max(1, question.answered)}
                      value={count}
                      aria-hidden="true"
                    />
                    <span className="survey-bars__count">
                      <FormattedMessage
                        id="participation.survey.count"
                        values={{ count, share: <FormattedNumber value={share} style="percent" /> }}
                      />
                    </span>
                  </li>
                );
              })}
            </ul>
          )}
        </div>
      ))}
      {survey.can.manage && (
        <p>
          <a href={surveyCsvUrl(slug, processId, survey.id)}>
            <FormattedMessage id="participation.survey.csv" />
          </a>
        </p>
      )}
    </section>
  );
}
