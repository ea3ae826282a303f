/** Coordinators' queue of abuse reports, newest first, each leading to what was reported (where it can be hidden). */
import { useInfiniteQuery } from '@tanstack/react-query';
import { Link } from 'react-aria-components';
import { FormattedDate, FormattedMessage, useIntl } from 'react-intl';
import { useCluster } from '../clusters/cluster-api.ts';
import { api } from '../platform/api/api-client.ts';
import { ErrorAlert } from '../platform/forms/form-alert.tsx';
import { LoadMoreButton } from '../platform/layout/load-more-button.tsx';
import { Loading } from '../platform/layout/loading.tsx';
import { Page } from '../platform/layout/page.tsx';
import { paths } from '../platform/routing/paths.ts';
import { useParticipationLabels } from './participation-labels.ts';
import './participation.css';

interface Report {
  readonly id: string;
  readonly processId: string;
  readonly proposalId: string;
  readonly proposalTitle: string;
  readonly commentId: string | null;
  readonly commentBody: string | null;
  readonly reason: string;
  readonly details: string;
  readonly isHidden: boolean;
  readonly reportedAt: string;
}

export function ReportsPage({ slug }: { slug: string }) {
  const intl = useIntl();
  const labels = useParticipationLabels();
  const cluster = useCluster(slug);
  const reports = useInfiniteQuery({
    queryKey: ['participation', slug, 'reports'],
    queryFn: ({ pageParam }) =>
      api.get<{ items: Report[]; nextCursor: string | null }>(
        `/clusters/${encodeURIComponent(slug)}/participation/reports`,
        { cursor: pageParam, limit: 20 },
      ),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
  });
  const items = reports.data?.pages.flatMap((page) => page.items) ?? [];
  const title = intl.formatMessage({ id: 'participation.reports.title' });
  return (
    <Page
      title={cluster.data ? [title, cluster.data.name] : null}
      heading={title}
      lead={<FormattedMessage id="participation.reports.lead" />}
    >
      <ErrorAlert error={reports.error} />
      {reports.isPending && <Loading />}
      {reports.isSuccess && items.length === 0 && (
        <p className="participation-empty">
          <FormattedMessage id="participation.reports.none" />
        </p>
      )}
      <ul className="participation-plain-list">
        {items.map((report) => (
          <li key={report.id} className="card">
            <p>
              <Link href={paths.proposal(slug, report.processId, report.proposalId)}>
                {report.proposalTitle}
              </Link>{' '}
              <span className="muted">
                <FormattedDate value={report.reportedAt} dateStyle="medium" timeStyle="short" />
              </span>
            </p>
            {report.commentBody !== null && (
              <blockquote className="participation-pre-line">{report.commentBody}</blockquote>
            )}
            <p>
              <FormattedMessage
                id="participation.reports.reason"
                values={{ reason: labels.reason(report.reason), hidden: report.isHidden ? 'yes' : 'no' }}
              />
            </p>
            {report.details && <p className="participation-pre-line">{report.details}</p>}
          </li>
        ))}
      </ul>
      <LoadMoreButton query={reports} />
    </Page>
  );
}
