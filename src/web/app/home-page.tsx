/** The front door: what Kopa is, the clusters on this instance, and one's own clusters. */
import { Link } from 'react-aria-components';
import { FormattedMessage, useIntl } from 'react-intl';
import { useClusterList } from '../clusters/cluster-api.ts';
import { ClusterCard } from '../clusters/cluster-card.tsx';
import { RoleBadge } from '../people/role-badge.tsx';
import { ErrorAlert } from '../platform/forms/form-alert.tsx';
import { LoadMoreButton } from '../platform/layout/load-more-button.tsx';
import { Loading } from '../platform/layout/loading.tsx';
import { Page } from '../platform/layout/page.tsx';
import { paths } from '../platform/routing/paths.ts';
import { useSession } from '../platform/session/use-session.ts';
import { HomeIllustration } from './home-illustration.tsx';

export function HomePage() {
  const intl = useIntl();
  const session = useSession();
  const person = session.data?.person ?? null;
  const myClusters = session.data?.clusters ?? [];
  const clusters = useClusterList();
  const items = clusters.data?.pages.flatMap((page) => page.items) ?? [];

  return (
    <Page title={[intl.formatMessage({ id: 'home.title' })]} heading={<FormattedMessage id="home.heading" />}>
      <div className="hero">
        <div>
          <p className="hero__lead">
            <FormattedMessage id="home.lead" />
          </p>
          <div className="button-row">
            <Link className="button" href={person ? paths.newCluster() : paths.signIn(paths.newCluster())}>
              <FormattedMessage id="home.createCluster" />
            </Link>
            {!person && (
              <Link className="button button--secondary" href={paths.signUp()}>
                <FormattedMessage id="nav.signUp" />
              </Link>
            )}
          </div>
        </div>
        <HomeIllustration />
      </div>

      <h2 className="visually-hidden">
        <FormattedMessage id="home.pillarsHeading" />
      </h2>
      <ul className="pillars">
        <li>
          <h3>
            <FormattedMessage id="home.pillar.funding.title" />
          </h3>
          <p>
            <FormattedMessage id="home.pillar.funding.text" />
          </p>
        </li>
        <li>
          <h3>
            <FormattedMessage id="home.pillar.engagement.title" />
          </h3>
          <p>
            <FormattedMessage id="home.pillar.engagement.text" />
          </p>
        </li>
        <li>
          <h3>
            <FormattedMessage id="home.pillar.transparency.title" />
          </h3>
          <p>
            <FormattedMessage id="home.pillar.transparency.text" />
          </p>
        </li>
      </ul>

      {myClusters.length > 0 && (
        <section aria-labelledby="my-clusters" className="section">
          <h2 id="my-clusters" className="section-title">
            <FormattedMessage id="home.myClusters" />
          </h2>
          <ul className="item-list">
            {myClusters.map((cluster) => (
              <li key={cluster.slug}>
                <div className="item-list__main">
                  <p className="item-list__title">
                    <Link href={paths.cluster(cluster.slug)}>{cluster.name}</Link>
                  </p>
                </div>
                <RoleBadges roles={cluster.roles} />
              </li>
            ))}
          </ul>
        </section>
      )}

      <section aria-labelledby="all-clusters">
        <h2 id="all-clusters" className="section-title">
          <FormattedMessage id="home.allClusters" />
        </h2>
        {clusters.isPending && <Loading />}
        <ErrorAlert error={clusters.error} />
        {clusters.isSuccess && items.length === 0 && (
          <p className="empty-state">
            <FormattedMessage id="home.noClusters" />
          </p>
        )}
        <ul className="grid">
          {items.map((cluster) => (
            <li key={cluster.slug}>
              <ClusterCard cluster={cluster} />
            </li>
          ))}
        </ul>
        <LoadMoreButton query={clusters} />
      </section>
    </Page>
  );
}

function RoleBadges({ roles }: { roles: readonly string[] }) {
  const intl = useIntl();
  return (
    <ul className="badge-list" aria-label={intl.formatMessage({ id: 'people.roles' })}>
      {roles.map((role) => (
        <li key={role}>
          <RoleBadge role={role} />
        </li>
      ))}
    </ul>
  );
}
