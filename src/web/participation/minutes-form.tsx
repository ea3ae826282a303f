/** After a meeting, a coordinator records its minutes, how many came, and the proposals that came out of it. */
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useRef, useState } from 'react';
import { Form } from 'react-aria-components';
import { FormattedMessage, useIntl } from 'react-intl';
import { placeApiError } from '../platform/forms/api-form-errors.ts';
import { CheckboxGroupField } from '../platform/forms/checkbox-group-field.tsx';
import { ErrorAlert } from '../platform/forms/form-alert.tsx';
import { NumberField } from '../platform/forms/number-field.tsx';
import { readForm } from '../platform/forms/read-form.ts';
import { SubmitButton } from '../platform/forms/submit-button.tsx';
import { TextField } from '../platform/forms/text-field.tsx';
import { announce } from '../platform/layout/announcer.tsx';
import { type MeetingPage, participationApi, participationKeys, useProposals } from './participation-api.ts';

export function MinutesForm({
  slug,
  processId,
  meeting,
}: {
  slug: string;
  processId: string;
  meeting: MeetingPage;
}) {
  const intl = useIntl();
  const queryClient = useQueryClient();
  const formRef = useRef<HTMLFormElement>(null);
  const [attendees, setAttendees] = useState(meeting.attendeeCount ?? meeting.registeredCount);
  const [linked, setLinked] = useState<string[]>(meeting.proposals.map((p) => p.id));
  // The newest proposals of the process to choose from (one page).
  const proposals = useProposals(slug, processId, { sort: 'newest' });
  const options = proposals.data?.pages[0]?.items ?? [];
  const record = useMutation({
    mutationFn: (body: { minutes: string; attendeeCount: number; proposalIds: readonly string[] }) =>
      participationApi.recordMinutes(slug, processId, meeting.id, body),
    onSuccess: async () => {
      await queryClient.invalidateQueries({ queryKey: participationKeys.all(slug) });
      announce(intl.formatMessage({ id: 'participation.minutes.done' }));
    },
  });
  const { fieldErrors, formError } = placeApiError(record.error, ['minutes', 'attendeeCount', 'proposalIds']);
  return (
    <Form
      ref={formRef}
      className="form"
      aria-labelledby="minutes-form-heading"
      validationErrors={fieldErrors}
      onSubmit={(event) => {
        const form = readForm(event);
        record.mutate({ minutes: form.text('minutes'), attendeeCount: attendees, proposalIds: linked });
      }}
    >
      <h2 id="minutes-form-heading">
        <FormattedMessage id="participation.minutes.title" />
      </h2>
      <ErrorAlert error={formError} />
      <TextField
        name="minutes"
        isMultiline
        rows={6}
        maxLength={20000}
        defaultValue={meeting.minutes}
        label={<FormattedMessage id="participation.minutes" />}
      />
      <NumberField
        name="attendeeCount"
        minValue={0}
        maxValue={1_000_000}
        step={1}
        value={attendees}
        onChange={(value) => setAttendees(Number.isFinite(value) ? value : 0)}
        label={<FormattedMessage id="participation.minutes.attendees" />}
      />
      {options.length > 0 && (
        <CheckboxGroupField
          name="proposalIds"
          label={<FormattedMessage id="participation.minutes.proposals" />}
          value={linked}
          onChange={setLinked}
          options={options.map((p) => ({ id: p.id, label: p.title }))}
        />
      )}
      <div className="form-actions">
        <SubmitButton isPending={record.isPending}>
          <FormattedMessage id="participation.minutes.submit" />
        </SubmitButton>
      </div>
    </Form>
  );
}
