/** Where one is signed in, with a way to sign out any other browser. */
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Button } from 'react-aria-components';
import { FormattedMessage, useIntl } from 'react-intl';
import { ErrorAlert } from '../platform/forms/form-alert.tsx';
import { DateTime } from '../platform/i18n/iso-date.tsx';
import { announce } from '../platform/layout/announcer.tsx';
import { Loading } from '../platform/layout/loading.tsx';
import { accountApi, accountKeys, type OpenSession, useOpenSessions } from './account-api.ts';
import { deviceName } from './device-name.ts';

export function SessionsSection() {
  const intl = useIntl();
  const queryClient = useQueryClient();
  const sessions = useOpenSessions(true);
  const revoke = useMutation({
    mutationFn: (session: OpenSession) => accountApi.revokeSession(session.id),
    onSuccess: async () => {
      await queryClient.invalidateQueries({ queryKey: accountKeys.sessions });
      announce(intl.formatMessage({ id: 'sessions.revoked' }));
    },
  });
  const items = sessions.data?.items ?? [];

  return (
    <section className="card" aria-labelledby="sessions-heading">
      <h2 id="sessions-heading">
        <FormattedMessage id="sessions.title" />
      </h2>
      <p className="muted">
        <FormattedMessage id="sessions.lead" values={{ count: items.length }} />
      </p>
      {sessions.isPending && <Loading />}
      <ErrorAlert error={sessions.error ?? revoke.error} />
      <ul className="item-list">
        {items.map((session) => {
          const device = deviceName(session.userAgent);
          return (
            <li key={session.id}>
              <div className="item-list__main">
                <p className="item-list__title">
                  {device ? (
                    <FormattedMessage id="sessions.device" values={device} />
                  ) : (
                    <FormattedMessage id="sessions.unknownDevice" />
                  )}{' '}
                  {session.isCurrent && (
                    <span className="badge badge--active">
                      <FormattedMessage id="sessions.current" />
                    </span>
                  )}
                </p>
                <p className="item-list__meta">
                  <FormattedMessage
                    id="sessions.times"
                    values={{
                      signedIn: <DateTime value={session.createdAt} />,
                      lastSeen: <DateTime value={session.lastSeenAt} />,
                    }}
                  />
                </p>
              </div>
              {!session.isCurrent && (
                <Button
                  className="button button--secondary button--small"
                  onPress={() => {
                    if (!revoke.isPending) revoke.mutate(session);
                  }}
                  aria-label={intl.formatMessage(
                    { id: 'sessions.revokeNamed' },
                    {
                      device: device
                        ? intl.formatMessage({ id: 'sessions.device' }, device)
                        : intl.formatMessage({ id: 'sessions.unknownDevice' }),
                    },
                  )}
                >
                  <FormattedMessage id="sessions.revoke" />
                </Button>
              )}
            </li>
          );
        })}
      </ul>
    </section>
  );
}
