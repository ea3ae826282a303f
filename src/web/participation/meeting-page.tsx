/** A meeting: when and where, its agenda, registration with a waiting list, its calendar file and minutes. */
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Button, Link } from 'react-aria-components';
import { FormattedDate, FormattedMessage, useIntl } from 'react-intl';
import { ErrorAlert } from '../platform/forms/form-alert.tsx';
import { announce } from '../platform/layout/announcer.tsx';
import { Loading } from '../platform/layout/loading.tsx';
import { paths } from '../platform/routing/paths.ts';
import { MinutesForm } from './minutes-form.tsx';
import { calendarUrl, participationApi, participationKeys, useMeeting } from './participation-api.ts';
import { useParticipationLabels } from './participation-labels.ts';
import { ProcessSubpage } from './process-subpage.tsx';
import './participation.css';

export function MeetingPage({
  slug,
  processId,
  meetingId,
}: {
  slug: string;
  processId: string;
  meetingId: string;
}) {
  const intl = useIntl();
  const labels = useParticipationLabels();
  const queryClient = useQueryClient();
  const meeting = useMeeting(slug, processId, meetingId);
  const register = useMutation({
    mutationFn: (isRegistering: boolean) =>
      participationApi.register(slug, processId, meetingId, isRegistering),
    onSuccess: async (page) => {
      await queryClient.invalidateQueries({ queryKey: participationKeys.all(slug) });
      announce(
        intl.formatMessage(
          { id: 'participation.registration' },
          { state: page.viewer.registration ?? 'none', position: page.viewer.waitingPosition ?? 0 },
        ),
      );
    },
  });
  const data = meeting.data;
  return (
    <ProcessSubpage slug={slug} processId={processId} heading={data?.title ?? null}>
      <ErrorAlert error={meeting.error ?? register.error} />
      {meeting.isPending && <Loading />}
      {data && (
        <>
          <dl className="participation-facts">
            <dt>
              <FormattedMessage id="participation.when" />
            </dt>
            <dd>
              <FormattedDate value={data.startsAt} dateStyle="full" timeStyle="short" /> –{' '}
              <FormattedDate value={data.endsAt} timeStyle="short" />
            </dd>
            <dt>
              <FormattedMessage id="participation.formatLabel" />
            </dt>
            <dd>{labels.format(data.format)}</dd>
            {data.address && (
              <>
                <dt>
                  <FormattedMessage id="participation.address" />
                </dt>
                <dd>{data.address}</dd>
              </>
            )}
            {data.onlineUrl && (
              <>
                <dt>
                  <FormattedMessage id="participation.onlineUrl" />
                </dt>
                <dd>
                  <a href={data.onlineUrl} rel="noopener noreferrer">
                    {data.onlineUrl}
                  </a>
                </dd>
              </>
            )}
            <dt>
              <FormattedMessage id="participation.places" />
            </dt>
            <dd>
              <FormattedMessage
                id="participation.placesValue"
                values={{
                  registered: data.registeredCount,
                  capacity: data.capacity ?? 0,
                  limited: data.capacity === null ? 'no' : 'yes',
                  waiting: data.waitingCount,
                }}
              />
            </dd>
          </dl>
          {data.agenda && (
            <section aria-labelledby="agenda-heading">
              <h2 id="agenda-heading">
                <FormattedMessage id="participation.agenda" />
              </h2>
              <p className="participation-pre-line">{data.agenda}</p>
            </section>
          )}
          <p role="status">
            <FormattedMessage
              id="participation.registration"
              values={{
                state: data.viewer.registration ?? 'none',
                position: data.viewer.waitingPosition ?? 0,
              }}
            />
          </p>
          <div className="button-row">
            {data.can.register && (
              <Button
                className="button"
                isDisabled={register.isPending}
                onPress={() => register.mutate(true)}
              >
                <FormattedMessage id="participation.register" />
              </Button>
            )}
            {data.can.cancel && (
              <Button
                className="button button--secondary"
                isDisabled={register.isPending}
                onPress={() => register.mutate(false)}
              >
                <FormattedMessage id="participation.cancelRegistration" />
              </Button>
            )}
            <a className="button button--secondary" href={calendarUrl(slug, processId, meetingId)}>
              <FormattedMessage id="participation.addToCalendar" />
            </a>
          </div>
          {data.can.manage && new Date(data.endsAt) <= new Date() && (
            <MinutesForm slug={slug} processId={processId} meeting={data} />
          )}
          {data.attendeeCount !== null && (
            <section aria-labelledby="minutes-heading">
              <h2 id="minutes-heading">
                <FormattedMessage id="participation.minutes" />
              </h2>
              <p>
                <FormattedMessage id="participation.attendees" values={{ count: data.attendeeCount }} />
              </p>
              <p className="participation-pre-line">{data.minutes}</p>
              {data.proposals.length > 0 && (
                <ul>
                  {data.proposals.map((p) => (
                    <li key={p.id}>
                      <Link href={paths.proposal(slug, processId, p.id)}>{p.title}</Link>
                    </li>
                  ))}
                </ul>
              )}
            </section>
          )}
        </>
      )}
    </ProcessSubpage>
  );
}
