/** Platform administrators read the mails Kopa sent (or would have sent without SMTP), newest first. */
import { FormattedMessage, useIntl } from 'react-intl';
import { ErrorAlert } from '../platform/forms/form-alert.tsx';
import { DateTime } from '../platform/i18n/iso-date.tsx';
import { LoadMoreButton } from '../platform/layout/load-more-button.tsx';
import { Loading } from '../platform/layout/loading.tsx';
import { Page } from '../platform/layout/page.tsx';
import { SignInRequired } from '../platform/session/sign-in-required.tsx';
import { useSession } from '../platform/session/use-session.ts';
import { useOutbox } from './outbox-api.ts';

export function OutboxPage() {
  const intl = useIntl();
  const session = useSession();
  const person = session.data?.person ?? null;
  const isAdmin = person?.isPlatformAdmin === true;
  const outbox = useOutbox(isAdmin);
  const items = outbox.data?.pages.flatMap((page) => page.items) ?? [];

  if (session.isSuccess && !person) return <SignInRequired />;
  return (
    <Page
      title={[intl.formatMessage({ id: 'outbox.title' })]}
      heading={<FormattedMessage id="outbox.title" />}
      lead={<FormattedMessage id="outbox.lead" />}
    >
      {person && !isAdmin && (
        <div className="alert alert--info" role="status">
          <p>
            <FormattedMessage id="outbox.notAllowed" />
          </p>
        </div>
      )}
      {isAdmin && (
        <>
          {outbox.isPending && <Loading />}
          <ErrorAlert error={outbox.error} />
          {outbox.isSuccess && items.length === 0 && (
            <p className="empty-state">
              <FormattedMessage id="outbox.empty" />
            </p>
          )}
          <ul className="event-list">
            {items.map((mail) => (
              <li key={mail.id} className="mail">
                <h2 className="card__title">{mail.subject}</h2>
                <p className="item-list__meta">
                  <FormattedMessage
                    id="outbox.meta"
                    values={{ to: mail.to, date: <DateTime value={mail.createdAt} /> }}
                  />
                  {' · '}
                  {mail.error ? (
                    <FormattedMessage id="outbox.failed" values={{ error: mail.error }} />
                  ) : mail.sentAt ? (
                    <FormattedMessage id={mail.deliveredVia === 'smtp' ? 'outbox.sentSmtp' : 'outbox.kept'} />
                  ) : (
                    <FormattedMessage id="outbox.waiting" />
                  )}
                </p>
                <pre className="mail__body">{mail.text}</pre>
              </li>
            ))}
          </ul>
          <LoadMoreButton query={outbox} />
        </>
      )}
    </Page>
  );
}
