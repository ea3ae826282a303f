/** A coordinator records a result's milestone: what happened and when, its evidence, and where the result stands now. */
import { type CalendarDate, getLocalTimeZone, today } from '@internationalized/date';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useRef, useState } from 'react';
import { Form } from 'react-aria-components';
import { FormattedMessage, useIntl } from 'react-intl';
import { placeApiError } from '../platform/forms/api-form-errors.ts';
import { DateField } from '../platform/forms/date-field.tsx';
import { ErrorAlert } from '../platform/forms/form-alert.tsx';
import { NumberField } from '../platform/forms/number-field.tsx';
import { readForm } from '../platform/forms/read-form.ts';
import { SelectField } from '../platform/forms/select-field.tsx';
import { SubmitButton } from '../platform/forms/submit-button.tsx';
import { TextField } from '../platform/forms/text-field.tsx';
import { useFocusFirstInvalid } from '../platform/forms/use-focus-invalid.ts';
import { announce } from '../platform/layout/announcer.tsx';
import {
  type MilestoneInput,
  participationApi,
  participationKeys,
  type ResultPage,
} from './participation-api.ts';
import { useParticipationLabels } from './participation-labels.ts';

const STATUSES: readonly ResultPage['status'][] = ['planned', 'in_progress', 'completed', 'cancelled'];
const FIELDS = [
  'title',
  'description',
  'happenedOn',
  'evidenceText',
  'evidenceUrl',
  'status',
  'progressPercent',
];

export function MilestoneForm({
  slug,
  processId,
  result,
}: {
  slug: string;
  processId: string;
  result: ResultPage;
}) {
  const intl = useIntl();
  const labels = useParticipationLabels();
  const queryClient = useQueryClient();
  const formRef = useRef<HTMLFormElement>(null);
  const [day, setDay] = useState<CalendarDate | null>(today(getLocalTimeZone()));
  const [status, setStatus] = useState<ResultPage['status']>(result.status);
  const [progress, setProgress] = useState(result.progressPercent);
  const add = useMutation({
    mutationFn: (input: MilestoneInput) => participationApi.addMilestone(slug, processId, result.id, input),
    onSuccess: async () => {
      formRef.current?.reset();
      await queryClient.invalidateQueries({ queryKey: participationKeys.all(slug) });
      announce(intl.formatMessage({ id: 'participation.milestone.done' }));
    },
  });
  const { fieldErrors, formError } = placeApiError(add.error, FIELDS);
  useFocusFirstInvalid(formRef, add.error);
  return (
    <Form
      ref={formRef}
      className="form"
      aria-labelledby="milestone-form-heading"
      validationErrors={fieldErrors}
      onSubmit={(event) => {
        const form = readForm(event);
        if (!day) return;
        add.mutate({
          title: form.text('title').trim(),
          description: form.text('description'),
          happenedOn: day.toString(),
          evidenceText: form.text('evidenceText'),
          evidenceUrl: form.text('evidenceUrl').trim(),
          status,
          progressPercent: status === 'completed' ? 100 : progress,
        });
      }}
    >
      <h2 id="milestone-form-heading">
        <FormattedMessage id="participation.milestone.title" />
      </h2>
      <ErrorAlert error={formError} />
      <TextField
        name="title"
        isRequired
        maxLength={200}
        label={<FormattedMessage id="participation.milestone.what" />}
      />
      <DateField
        name="happenedOn"
        isRequired
        value={day}
        onChange={(value) => setDay(value as CalendarDate | null)}
        label={<FormattedMessage id="participation.milestone.when" />}
      />
      <TextField
        name="description"
        isMultiline
        rows={3}
        maxLength={5000}
        isOptional
        label={<FormattedMessage id="participation.newProcess.description" />}
      />
      <TextField
        name="evidenceText"
        maxLength={2000}
        isOptional
        label={<FormattedMessage id="participation.evidence" />}
      />
      <TextField
        name="evidenceUrl"
        type="url"
        maxLength={500}
        isOptional
        label={<FormattedMessage id="participation.milestone.evidenceUrl" />}
        description={<FormattedMessage id="participation.milestone.evidenceUrl.help" />}
      />
      <SelectField
        name="status"
        label={<FormattedMessage id="participation.milestone.status" />}
        options={STATUSES.map((id) => ({ id, label: labels.resultStatus(id) }))}
        value={status}
        onChange={(key) => setStatus(String(key) as ResultPage['status'])}
      />
      {status !== 'completed' && (
        <NumberField
          name="progressPercent"
          minValue={0}
          maxValue={100}
          step={5}
          value={progress}
          onChange={(value) => setProgress(Number.isFinite(value) ? value : 0)}
          label={<FormattedMessage id="participation.milestone.progress" />}
        />
      )}
      <div className="form-actions">
        <SubmitButton isPending={add.isPending}>
          <FormattedMessage id="participation.milestone.submit" />
        </SubmitButton>
      </div>
    </Form>
  );
}
