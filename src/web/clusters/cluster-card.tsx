/** One cluster in a list: name, place, kind and how many member organisations it has. */
import { Link } from 'react-aria-components';
import { FormattedMessage } from 'react-intl';
import { useLabels } from '../platform/catalogue/use-labels.ts';
import { paths } from '../platform/routing/paths.ts';
import type { ClusterSummary } from './cluster-api.ts';

export function ClusterCard({ cluster }: { cluster: ClusterSummary }) {
  const labels = useLabels();
  return (
    <Link href={paths.cluster(cluster.slug)} className="card card-link">
      <h3 className="card__title" lang={cluster.defaultLocale}>
        {cluster.name}
      </h3>
      <p className="muted small">
        {[cluster.region, labels.country(cluster.country)].filter(Boolean).join(', ')}
        {' · '}
        {labels.clusterType(cluster.clusterType)}
      </p>
      {cluster.description && (
        <p className="card__excerpt" lang={cluster.defaultLocale}>
          {cluster.description}
        </p>
      )}
      <p className="small">
        <FormattedMessage id="cluster.memberCount" values={{ count: cluster.memberCount }} />
        {cluster.visibility !== 'public' && (
          <>
            {' · '}
            <span className="badge">{labels.visibility(cluster.visibility)}</span>
          </>
        )}
      </p>
    </Link>
  );
}
