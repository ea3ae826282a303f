/**
 * An organisation of the cluster: its details, its membership history, its representatives, and —
 * for coordinators — the moves its membership may make, editing, and mandates.
 */
import { Link } from 'react-aria-components';
import { FormattedMessage, FormattedNumber } from 'react-intl';
import { useCluster } from '../clusters/cluster-api.ts';
import { useCatalogue } from '../platform/catalogue/use-catalogue.ts';
import { useLabels } from '../platform/catalogue/use-labels.ts';
import { ErrorAlert } from '../platform/forms/form-alert.tsx';
import { CalendarDate } from '../platform/i18n/iso-date.tsx';
import { isNotFound } from '../platform/layout/is-not-found.ts';
import { Loading } from '../platform/layout/loading.tsx';
import { NotFoundPage } from '../platform/layout/not-found-page.tsx';
import { Page } from '../platform/layout/page.tsx';
import { paths } from '../platform/routing/paths.ts';
import { EditOrganisationDialog } from './edit-organisation-dialog.tsx';
import { EndMandateDialog } from './end-mandate-dialog.tsx';
import { LinkRepresentativeDialog } from './link-representative-dialog.tsx';
import { MembershipTimeline } from './membership-timeline.tsx';
import { type Organisation, useOrganisation } from './organisation-api.ts';
import { StatusBadge } from './status-badge.tsx';
import { TransitionDialog } from './transition-dialog.tsx';

export function OrganisationPage({ slug, organisationId }: { slug: string; organisationId: string }) {
  const cluster = useCluster(slug);
  const organisation = useOrganisation(slug, organisationId);
  const catalogue = useCatalogue();
  const labels = useLabels();
  if (isNotFound(organisation.error)) return <NotFoundPage />;
  const org = organisation.data;
  const profile = cluster.data;
  const transitions = org ? (catalogue.data?.membershipTransitions[org.membershipStatus] ?? []) : [];

  return (
    <Page
      title={org && profile ? [org.name, profile.name] : null}
      heading={org ? org.name : <FormattedMessage id="common.loading" />}
      eyebrow={org ? labels.legalForm(org.legalForm) : undefined}
      lead={org && <StatusBadge status={org.membershipStatus} />}
      actions={
        org &&
        (org.can.transition || org.can.edit) && (
          <>
            {org.can.transition &&
              transitions.map((toStatus) => (
                <TransitionDialog
                  key={toStatus}
                  slug={slug}
                  organisation={org}
                  toStatus={toStatus}
                  isReasonRequired={
                    catalogue.data?.membershipStatusesNeedingReason.includes(toStatus) === true
                  }
                />
              ))}
            {org.can.edit && catalogue.data && (
              <EditOrganisationDialog slug={slug} organisation={org} catalogue={catalogue.data} />
            )}
          </>
        )
      }
    >
      {organisation.isPending && <Loading />}
      <ErrorAlert error={organisation.error} />
      {org && (
        <div className="two-columns">
          <div className="stack-lg">
            <Details organisation={org} lang={profile?.defaultLocale} />
            {profile?.viewer.can['cluster.read_members_only'] && (
              <Representatives slug={slug} organisation={org} />
            )}
          </div>
          <section aria-labelledby="history-heading" className="card">
            <h2 id="history-heading">
              <FormattedMessage id="organisation.history" />
            </h2>
            <MembershipTimeline steps={org.membershipHistory} />
          </section>
        </div>
      )}
      <p className="follow-up">
        <Link href={paths.members(slug)}>
          <FormattedMessage id="organisation.backToDirectory" />
        </Link>
      </p>
    </Page>
  );
}

/** `lang`: organisations write in the cluster's main language, which screen readers should use. */
function Details({ organisation, lang }: { organisation: Organisation; lang?: string }) {
  const labels = useLabels();
  return (
    <section aria-labelledby="details-heading">
      <h2 id="details-heading">
        <FormattedMessage id="organisation.details" />
      </h2>
      {organisation.description && (
        <p className="keep-lines prose" lang={lang}>
          {organisation.description}
        </p>
      )}
      <dl className="facts">
        <div>
          <dt>
            <FormattedMessage id="organisationForm.legalForm" />
          </dt>
          <dd>{labels.legalForm(organisation.legalForm)}</dd>
        </div>
        <div>
          <dt>
            <FormattedMessage id="organisationForm.sector" />
          </dt>
          <dd>{labels.sector(organisation.sector)}</dd>
        </div>
        <div>
          <dt>
            <FormattedMessage id="organisationForm.country" />
          </dt>
          <dd>{labels.country(organisation.country)}</dd>
        </div>
        {organisation.memberSince && (
          <div>
            <dt>
              <FormattedMessage id="organisation.memberSinceLabel" />
            </dt>
            <dd>
              <CalendarDate value={organisation.memberSince} />
            </dd>
          </div>
        )}
        <div>
          <dt>
            <FormattedMessage id="organisationForm.voteWeight" />
          </dt>
          <dd>
            <FormattedNumber value={organisation.voteWeight} />
          </dd>
        </div>
        {organisation.website && (
          <div>
            <dt>
              <FormattedMessage id="organisationForm.website" />
            </dt>
            <dd>
              <a href={organisation.website} rel="noopener noreferrer nofollow">
                {organisation.website.replace(/^https?:\/\//, '')}
              </a>
            </dd>
          </div>
        )}
      </dl>
    </section>
  );
}

function Representatives({ slug, organisation }: { slug: string; organisation: Organisation }) {
  const canManage = organisation.can.linkRepresentative;
  const mayLink = canManage && ['applicant', 'active'].includes(organisation.membershipStatus);
  return (
    <section aria-labelledby="representatives-heading" className="stack">
      <div className="row row--between">
        <h2 id="representatives-heading">
          <FormattedMessage id="representative.title" />
        </h2>
        {mayLink && <LinkRepresentativeDialog slug={slug} organisation={organisation} />}
      </div>
      {organisation.representatives.length === 0 ? (
        <p className="empty-state">
          <FormattedMessage id="representative.none" />
        </p>
      ) : (
        <ul className="item-list">
          {organisation.representatives.map((mandate) => (
            <li key={mandate.id}>
              <div className="item-list__main">
                <p className="item-list__title">
                  {mandate.displayName}{' '}
                  <span className={mandate.isActive ? 'badge badge--active' : 'badge badge--left'}>
                    <FormattedMessage
                      id={mandate.isActive ? 'representative.active' : 'representative.inactive'}
                    />
                  </span>
                </p>
                <p className="item-list__meta keep-lines">{mandate.mandate}</p>
                <p className="item-list__meta">
                  {mandate.endsOn ? (
                    <FormattedMessage
                      id="representative.period"
                      values={{
                        from: <CalendarDate value={mandate.startsOn} />,
                        to: <CalendarDate value={mandate.endsOn} />,
                      }}
                    />
                  ) : (
                    <FormattedMessage
                      id="representative.since"
                      values={{ from: <CalendarDate value={mandate.startsOn} /> }}
                    />
                  )}
                </p>
              </div>
              {canManage && mandate.isActive && (
                <EndMandateDialog slug={slug} organisation={organisation} mandate={mandate} />
              )}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
