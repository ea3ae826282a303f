/**
 * A coordinator plans a meeting of a process: in person, online or both, where, its agenda, when it
 * starts and ends (in the coordinator's time zone) and, optionally, how many people it takes; beyond
 * that, people join a waiting list.
 */
import { type CalendarDateTime, getLocalTimeZone, now, toCalendarDateTime } from '@internationalized/date';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useRouter } from '@tanstack/react-router';
import { useRef, useState } from 'react';
import { Form } from 'react-aria-components';
import { FormattedMessage, useIntl } from 'react-intl';
import { placeApiError } from '../platform/forms/api-form-errors.ts';
import { DateField } from '../platform/forms/date-field.tsx';
import { ErrorAlert } from '../platform/forms/form-alert.tsx';
import { NumberField } from '../platform/forms/number-field.tsx';
import { RadioGroupField } from '../platform/forms/radio-group-field.tsx';
import { readForm } from '../platform/forms/read-form.ts';
import { SubmitButton } from '../platform/forms/submit-button.tsx';
import { TextField } from '../platform/forms/text-field.tsx';
import { useFocusFirstInvalid } from '../platform/forms/use-focus-invalid.ts';
import { announce } from '../platform/layout/announcer.tsx';
import { paths } from '../platform/routing/paths.ts';
import { type Meeting, type MeetingInput, participationApi, participationKeys } from './participation-api.ts';
import { useParticipationLabels } from './participation-labels.ts';
import { ProcessSubpage } from './process-subpage.tsx';
import './participation.css';

const FORMATS: readonly Meeting['format'][] = ['in_person', 'online', 'hybrid'];
const FIELDS = ['title', 'format', 'address', 'onlineUrl', 'agenda', 'startsAt', 'endsAt', 'capacity'];

const instant = (value: CalendarDateTime) => value.toDate(getLocalTimeZone()).toISOString();

export function NewMeetingPage({ slug, processId }: { slug: string; processId: string }) {
  const intl = useIntl();
  const heading = intl.formatMessage({ id: 'participation.meeting.new' });
  return (
    <ProcessSubpage slug={slug} processId={processId} heading={heading}>
      <MeetingForm slug={slug} processId={processId} />
    </ProcessSubpage>
  );
}

function MeetingForm({ slug, processId }: { slug: string; processId: string }) {
  const intl = useIntl();
  const router = useRouter();
  const queryClient = useQueryClient();
  const labels = useParticipationLabels();
  const formRef = useRef<HTMLFormElement>(null);
  const nextWeek = toCalendarDateTime(now(getLocalTimeZone()).add({ days: 7 })).set({
    hour: 18,
    minute: 0,
    second: 0,
    millisecond: 0,
  });
  const [format, setFormat] = useState<Meeting['format']>('in_person');
  const [startsAt, setStartsAt] = useState<CalendarDateTime | null>(nextWeek);
  const [endsAt, setEndsAt] = useState<CalendarDateTime | null>(nextWeek.add({ hours: 2 }));
  const [capacity, setCapacity] = useState<number>(Number.NaN);
  const plan = useMutation({
    mutationFn: (input: MeetingInput) => participationApi.planMeeting(slug, processId, input),
    onSuccess: async (meeting) => {
      await queryClient.invalidateQueries({ queryKey: participationKeys.all(slug) });
      await router.navigate({ href: paths.meeting(slug, processId, meeting.id) });
      announce(intl.formatMessage({ id: 'participation.meeting.planned' }, { title: meeting.title }));
    },
  });
  const { fieldErrors, formError } = placeApiError(plan.error, FIELDS);
  useFocusFirstInvalid(formRef, plan.error);
  return (
    <Form
      ref={formRef}
      className="form"
      validationErrors={fieldErrors}
      onSubmit={(event) => {
        const form = readForm(event);
        if (!startsAt || !endsAt) return;
        plan.mutate({
          title: form.text('title').trim(),
          format,
          address: format === 'online' ? '' : form.text('address').trim(),
          onlineUrl: format === 'in_person' ? '' : form.text('onlineUrl').trim(),
          agenda: form.text('agenda'),
          startsAt: instant(startsAt),
          endsAt: instant(endsAt),
          capacity: Number.isFinite(capacity) ? capacity : null,
        });
      }}
    >
      <ErrorAlert error={formError} />
      <TextField
        name="title"
        isRequired
        maxLength={200}
        label={<FormattedMessage id="participation.newProcess.name" />}
      />
      <RadioGroupField
        name="format"
        label={<FormattedMessage id="participation.formatLabel" />}
        value={format}
        onChange={(value) => setFormat(value as Meeting['format'])}
        options={FORMATS.map((id) => ({ id, label: labels.format(id) }))}
      />
      {format !== 'online' && (
        <TextField
          name="address"
          isRequired
          maxLength={300}
          label={<FormattedMessage id="participation.address" />}
        />
      )}
      {format !== 'in_person' && (
        <TextField
          name="onlineUrl"
          type="url"
          isRequired
          maxLength={500}
          label={<FormattedMessage id="participation.onlineUrl" />}
          description={<FormattedMessage id="participation.milestone.evidenceUrl.help" />}
        />
      )}
      <DateField
        name="startsAt"
        granularity="minute"
        isRequired
        value={startsAt}
        onChange={(value) => setStartsAt(value as CalendarDateTime | null)}
        label={<FormattedMessage id="participation.meeting.starts" />}
      />
      <DateField
        name="endsAt"
        granularity="minute"
        isRequired
        value={endsAt}
        onChange={(value) => setEndsAt(value as CalendarDateTime | null)}
        label={<FormattedMessage id="participation.meeting.ends" />}
      />
      <TextField
        name="agenda"
        isMultiline
        rows={5}
        maxLength={10000}
        isOptional
        label={<FormattedMessage id="participation.agenda" />}
      />
      <NumberField
        name="capacity"
        minValue={1}
        maxValue={100000}
        step={1}
        value={capacity}
        onChange={setCapacity}
        label={<FormattedMessage id="participation.meeting.capacity" />}
        description={<FormattedMessage id="participation.meeting.capacity.help" />}
      />
      <div className="form-actions">
        <SubmitButton isPending={plan.isPending}>
          <FormattedMessage id="participation.meeting.submit" />
        </SubmitButton>
      </div>
    </Form>
  );
}
