/** The cluster's participatory processes, newest first, each with its current phase. */
import { Link } from 'react-aria-components';
import { FormattedMessage, useIntl } from 'react-intl';
import { useCluster } from '../clusters/cluster-api.ts';
import { ErrorAlert } from '../platform/forms/form-alert.tsx';
import { LoadMoreButton } from '../platform/layout/load-more-button.tsx';
import { Loading } from '../platform/layout/loading.tsx';
import { Page } from '../platform/layout/page.tsx';
import { paths } from '../platform/routing/paths.ts';
import { useSession } from '../platform/session/use-session.ts';
import { useProcesses } from './participation-api.ts';
import { useParticipationLabels } from './participation-labels.ts';
import './participation.css';

export function ProcessListPage({ slug }: { slug: string }) {
  const intl = useIntl();
  const labels = useParticipationLabels();
  const cluster = useCluster(slug);
  const processes = useProcesses(slug);
  const session = useSession();
  const person = session.data?.person;
  const mayOpen =
    person?.isPlatformAdmin === true ||
    (session.data?.clusters.find((c) => c.slug === slug)?.roles.includes('coordinator') ?? false);
  const items = processes.data?.pages.flatMap((page) => page.items) ?? [];
  const title = intl.formatMessage({ id: 'participation.title' });
  return (
    <Page
      title={cluster.data ? [title, cluster.data.name] : null}
      heading={<FormattedMessage id="participation.title" />}
      lead={<FormattedMessage id="participation.lead" />}
      actions={
        person && (
          <div className="button-row">
            {mayOpen && (
              <Link className="button" href={paths.newProcess(slug)}>
                <FormattedMessage id="participation.newProcess.title" />
              </Link>
            )}
            {mayOpen && (
              <Link className="button button--secondary" href={paths.participationReports(slug)}>
                <FormattedMessage id="participation.reports.title" />
              </Link>
            )}
            <Link className="button button--secondary" href={paths.participationNotifications(slug)}>
              <FormattedMessage id="participation.notifications.title" />
            </Link>
          </div>
        )
      }
    >
      <ErrorAlert error={processes.error} />
      {processes.isPending && <Loading />}
      {processes.isSuccess && items.length === 0 && (
        <p className="participation-empty">
          <FormattedMessage id="participation.noProcesses" />
        </p>
      )}
      <ul className="process-list">
        {items.map((process) => (
          <li key={process.id} className="card process-card">
            <h2 className="process-card__title">
              <Link href={paths.process(slug, process.id)}>{process.title}</Link>
            </h2>
            {process.easyReadSummary && <p>{process.easyReadSummary}</p>}
            <p className="muted">
              <FormattedMessage
                id="participation.processMeta"
                values={{
                  level: labels.level(process.participationLevel),
                  phase: process.currentPhase ? labels.phase(process.currentPhase.kind) : 'none',
                  hasPhase: process.currentPhase ? 'yes' : 'no',
                }}
              />
            </p>
          </li>
        ))}
      </ul>
      <LoadMoreButton query={processes} />
    </Page>
  );
}
