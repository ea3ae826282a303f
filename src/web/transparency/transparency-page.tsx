/**
 * The cluster's transparency page: its public log in plain words (newest first), the signed
 * checkpoint with the public key, and how anyone can verify the whole chain themselves.
 */
import { FormattedMessage, useIntl } from 'react-intl';
import { useCluster } from '../clusters/cluster-api.ts';
import { CurrencyFiguresSection } from '../currency/currency-figures-section.tsx';
import { ErrorAlert } from '../platform/forms/form-alert.tsx';
import { DateTime } from '../platform/i18n/iso-date.tsx';
import { LoadMoreButton } from '../platform/layout/load-more-button.tsx';
import { Loading } from '../platform/layout/loading.tsx';
import { Page } from '../platform/layout/page.tsx';
import { chainUrl, useAuditEvents, useCheckpoint } from './audit-api.ts';
import { CheckpointCard } from './checkpoint-card.tsx';
import { EventDescription, organisationNames } from './event-description.tsx';
import { HowToVerify } from './how-to-verify.tsx';

export function TransparencyPage({ slug }: { slug: string }) {
  const intl = useIntl();
  const cluster = useCluster(slug);
  const events = useAuditEvents(slug);
  const checkpoint = useCheckpoint(slug);
  const items = events.data?.pages.flatMap((page) => page.items) ?? [];
  const names = organisationNames(items);
  const profile = cluster.data;

  return (
    <Page
      title={profile ? [intl.formatMessage({ id: 'transparency.title' }), profile.name] : null}
      heading={<FormattedMessage id="transparency.title" />}
      lead={<FormattedMessage id="transparency.lead" />}
    >
      <CurrencyFiguresSection slug={slug} />
      <div className="two-columns">
        <section aria-labelledby="events-heading" className="stack">
          <h2 id="events-heading">
            <FormattedMessage id="transparency.events" />
          </h2>
          {events.isPending && <Loading />}
          <ErrorAlert error={events.error} />
          {events.isSuccess && items.length === 0 && (
            <p className="empty-state">
              <FormattedMessage id="transparency.noEvents" />
            </p>
          )}
          <ol className="event-list" reversed>
            {items.map((event) => (
              <li key={event.seq} className="event">
                <div className="event__head">
                  <p className="event__what">
                    <EventDescription event={event} names={names} />
                  </p>
                  <span className="event__when">
                    <FormattedMessage id="transparency.entry" values={{ seq: event.seq }} />
                    {' · '}
                    <DateTime value={event.occurredAt} />
                  </span>
                </div>
                <p className="event__hash">
                  <FormattedMessage id="transparency.fingerprint" values={{ hash: event.hash }} />
                </p>
              </li>
            ))}
          </ol>
          <LoadMoreButton query={events} />
        </section>
        <div className="stack-lg">
          {checkpoint.isPending ? <Loading /> : <ErrorAlert error={checkpoint.error} />}
          {checkpoint.data && <CheckpointCard checkpoint={checkpoint.data.checkpoint} />}
          <HowToVerify chainUrl={chainUrl(slug)} slug={slug} />
        </div>
      </div>
    </Page>
  );
}
