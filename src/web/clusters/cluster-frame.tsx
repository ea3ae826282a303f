/**
 * Around every page of a cluster: its name, where it is, and the cluster's own navigation
 * (the links shown follow what the viewer may do there).
 */
import type { ReactNode } from 'react';
import { Link } from 'react-aria-components';
import { FormattedMessage, useIntl } from 'react-intl';
import { useLabels } from '../platform/catalogue/use-labels.ts';
import { isNotFound } from '../platform/layout/is-not-found.ts';
import { NotFoundPage } from '../platform/layout/not-found-page.tsx';
import { NavLink } from '../platform/routing/nav-link.tsx';
import { paths } from '../platform/routing/paths.ts';
import { useCluster } from './cluster-api.ts';

export function ClusterFrame({ slug, children }: { slug: string; children: ReactNode }) {
  const intl = useIntl();
  const labels = useLabels();
  const cluster = useCluster(slug);
  if (isNotFound(cluster.error)) return <NotFoundPage />;
  const profile = cluster.data;
  const can = profile?.viewer.can ?? {};

  return (
    <>
      <div className="cluster-banner">
        <div className="container">
          {profile ? (
            <>
              <p className="cluster-banner__name" lang={profile.defaultLocale}>
                <Link href={paths.cluster(slug)}>{profile.name}</Link>
              </p>
              <p className="cluster-banner__meta">
                {[profile.region, labels.country(profile.country)].filter(Boolean).join(', ')}
              </p>
            </>
          ) : (
            <p className="cluster-banner__name">&nbsp;</p>
          )}
          <nav className="subnav" aria-label={intl.formatMessage({ id: 'clusterNav.label' })}>
            <ul className="subnav__list">
              <li>
                <NavLink href={paths.cluster(slug)} className="subnav__link">
                  <FormattedMessage id="clusterNav.overview" />
                </NavLink>
              </li>
              <li>
                <NavLink href={paths.members(slug)} className="subnav__link" matchesDeeper>
                  <FormattedMessage id="clusterNav.members" />
                </NavLink>
              </li>
              <li>
                <NavLink href={paths.participation(slug)} className="subnav__link" matchesDeeper>
                  <FormattedMessage id="clusterNav.participation" />
                </NavLink>
              </li>
              <li>
                <NavLink href={paths.marketplace(slug)} className="subnav__link" matchesDeeper>
                  <FormattedMessage id="clusterNav.marketplace" />
                </NavLink>
              </li>
              <li>
                <NavLink href={paths.budgets(slug)} className="subnav__link" matchesDeeper>
                  <FormattedMessage id="clusterNav.budgets" />
                </NavLink>
              </li>
              {can['currency.use'] && (
                <li>
                  <NavLink href={paths.currency(slug)} className="subnav__link" matchesDeeper>
                    <FormattedMessage id="clusterNav.currency" />
                  </NavLink>
                </li>
              )}
              {can['clearing.record_invoice'] && (
                <li>
                  <NavLink href={paths.clearing(slug)} className="subnav__link" matchesDeeper>
                    <FormattedMessage id="clusterNav.clearing" />
                  </NavLink>
                </li>
              )}
              {can['person.list'] && (
                <li>
                  <NavLink href={paths.people(slug)} className="subnav__link">
                    <FormattedMessage id="clusterNav.people" />
                  </NavLink>
                </li>
              )}
              <li>
                <NavLink href={paths.transparency(slug)} className="subnav__link">
                  <FormattedMessage id="clusterNav.transparency" />
                </NavLink>
              </li>
              {can['cluster.edit_profile'] && (
                <li>
                  <NavLink href={paths.clusterSettings(slug)} className="subnav__link">
                    <FormattedMessage id="clusterNav.settings" />
                  </NavLink>
                </li>
              )}
            </ul>
          </nav>
        </div>
      </div>
      {children}
    </>
  );
}
