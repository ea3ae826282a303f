/** A cluster's public face: what it is, where, how many members, and where to go next. */
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Button, Link } from 'react-aria-components';
import { FormattedDate, FormattedMessage, FormattedNumber, useIntl } from 'react-intl';
import { useLabels } from '../platform/catalogue/use-labels.ts';
import { ErrorAlert } from '../platform/forms/form-alert.tsx';
import { announce } from '../platform/layout/announcer.tsx';
import { Loading } from '../platform/layout/loading.tsx';
import { Page } from '../platform/layout/page.tsx';
import { paths } from '../platform/routing/paths.ts';
import { SESSION_QUERY_KEY, useSession } from '../platform/session/use-session.ts';
import { clusterApi, clusterKeys, useCluster } from './cluster-api.ts';

export function ClusterPage({ slug }: { slug: string }) {
  const intl = useIntl();
  const labels = useLabels();
  const queryClient = useQueryClient();
  const session = useSession();
  const cluster = useCluster(slug);
  const join = useMutation({
    mutationFn: () => clusterApi.join(slug),
    onSuccess: async (profile) => {
      queryClient.setQueryData(clusterKeys.one(slug), profile);
      await queryClient.invalidateQueries({ queryKey: SESSION_QUERY_KEY });
      announce(intl.formatMessage({ id: 'cluster.joined' }));
    },
  });
  const profile = cluster.data;
  const person = session.data?.person ?? null;
  const can = profile?.viewer.can ?? {};

  return (
    <Page
      title={profile ? [profile.name] : null}
      heading={
        profile ? (
          <span lang={profile.defaultLocale}>{profile.name}</span>
        ) : (
          <FormattedMessage id="common.loading" />
        )
      }
      eyebrow={profile ? labels.clusterType(profile.clusterType) : undefined}
      actions={
        profile && (
          <>
            <Link className="button" href={paths.members(slug)}>
              <FormattedMessage id="cluster.seeMembers" />
            </Link>
            {can['organisation.register'] && (
              <Link className="button button--secondary" href={paths.newOrganisation(slug)}>
                <FormattedMessage id="cluster.registerOrganisation" />
              </Link>
            )}
            {person && profile.viewer.roles.length === 0 && profile.visibility === 'public' && (
              <Button
                className="button button--secondary"
                onPress={() => {
                  if (!join.isPending) join.mutate();
                }}
              >
                <FormattedMessage id="cluster.join" />
              </Button>
            )}
            {!person && (
              <Link className="button button--secondary" href={paths.signIn(paths.cluster(slug))}>
                <FormattedMessage id="cluster.signInToTakePart" />
              </Link>
            )}
          </>
        )
      }
    >
      {cluster.isPending && <Loading />}
      <ErrorAlert error={cluster.error ?? join.error} />
      {profile && (
        <div className="two-columns">
          <div className="stack-lg">
            {profile.description ? (
              <section aria-labelledby="about-heading" className="prose">
                <h2 id="about-heading">
                  <FormattedMessage id="cluster.about" />
                </h2>
                <p className="keep-lines" lang={profile.defaultLocale}>
                  {profile.description}
                </p>
              </section>
            ) : null}
            <section aria-labelledby="facts-heading">
              <h2 id="facts-heading">
                <FormattedMessage id="cluster.facts" />
              </h2>
              <dl className="facts">
                <div>
                  <dt>
                    <FormattedMessage id="cluster.place" />
                  </dt>
                  <dd>{[profile.region, labels.country(profile.country)].filter(Boolean).join(', ')}</dd>
                </div>
                <div>
                  <dt>
                    <FormattedMessage id="clusterForm.languages" />
                  </dt>
                  <dd>{profile.languages.map((code) => labels.language(code)).join(', ')}</dd>
                </div>
                <div>
                  <dt>
                    <FormattedMessage id="clusterForm.visibility" />
                  </dt>
                  <dd>{labels.visibility(profile.visibility)}</dd>
                </div>
                <div>
                  <dt>
                    <FormattedMessage id="cluster.since" />
                  </dt>
                  <dd>
                    <FormattedDate value={profile.createdAt} dateStyle="long" />
                  </dd>
                </div>
                {profile.viewer.roles.length > 0 && (
                  <div>
                    <dt>
                      <FormattedMessage id="cluster.yourRoles" />
                    </dt>
                    <dd>{profile.viewer.roles.map((role) => labels.role(role)).join(', ')}</dd>
                  </div>
                )}
              </dl>
            </section>
          </div>
          <aside className="stack" aria-label={intl.formatMessage({ id: 'cluster.atAGlance' })}>
            <div className="card stat">
              <span className="stat__value">
                <FormattedNumber value={profile.memberCount} />
              </span>
              <span className="stat__label">
                <FormattedMessage id="cluster.memberCountLabel" values={{ count: profile.memberCount }} />
              </span>
            </div>
            {profile.applicantCount !== null && (
              <div className="card stat">
                <span className="stat__value">
                  <FormattedNumber value={profile.applicantCount} />
                </span>
                <span className="stat__label">
                  <FormattedMessage
                    id="cluster.applicantCountLabel"
                    values={{ count: profile.applicantCount }}
                  />
                </span>
              </div>
            )}
            <div className="card card--muted">
              <h2 className="card__title">
                <FormattedMessage id="cluster.transparencyTitle" />
              </h2>
              <p>
                <FormattedMessage id="cluster.transparencyText" />
              </p>
              <Link href={paths.transparency(slug)}>
                <FormattedMessage id="cluster.transparencyLink" />
              </Link>
            </div>
          </aside>
        </div>
      )}
    </Page>
  );
}
