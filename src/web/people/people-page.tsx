/**
 * The people of a cluster and their roles (members see the list; coordinators also see e-mail
 * addresses, grant and revoke roles, invite newcomers and follow their invitations).
 */
import { FormattedMessage, useIntl } from 'react-intl';
import { useCluster } from '../clusters/cluster-api.ts';
import { useCatalogue } from '../platform/catalogue/use-catalogue.ts';
import { ErrorAlert } from '../platform/forms/form-alert.tsx';
import { LoadMoreButton } from '../platform/layout/load-more-button.tsx';
import { Loading } from '../platform/layout/loading.tsx';
import { Page } from '../platform/layout/page.tsx';
import { SignInRequired } from '../platform/session/sign-in-required.tsx';
import { useSession } from '../platform/session/use-session.ts';
import { InvitationsList } from './invitations-list.tsx';
import { InviteForm } from './invite-form.tsx';
import { usePeople } from './people-api.ts';
import { PersonRoles } from './person-roles.tsx';

export function PeoplePage({ slug }: { slug: string }) {
  const intl = useIntl();
  const session = useSession();
  const cluster = useCluster(slug);
  const catalogue = useCatalogue();
  const profile = cluster.data;
  const can = profile?.viewer.can ?? {};
  const people = usePeople(slug, can['person.list'] === true);
  const items = people.data?.pages.flatMap((page) => page.items) ?? [];
  const mayManage = can['role.grant'] === true;

  if (session.isSuccess && !session.data.person) return <SignInRequired />;
  return (
    <Page
      title={profile ? [intl.formatMessage({ id: 'people.title' }), profile.name] : null}
      heading={<FormattedMessage id="people.title" />}
      lead={<FormattedMessage id={mayManage ? 'people.leadManage' : 'people.lead'} />}
    >
      {(cluster.isPending || people.isLoading) && <Loading />}
      <ErrorAlert error={cluster.error ?? people.error} />
      {profile && !can['person.list'] && (
        <div className="alert alert--info" role="status">
          <p>
            <FormattedMessage id="people.notAllowed" />
          </p>
        </div>
      )}
      {profile && can['person.list'] && (
        <div className="two-columns">
          <section aria-labelledby="people-heading" className="stack">
            <h2 id="people-heading">
              <FormattedMessage id="people.listTitle" values={{ count: items.length }} />
            </h2>
            <ul className="item-list">
              {items.map((person) => (
                <li key={person.id}>
                  <div className="item-list__main">
                    <p className="item-list__title">{person.displayName}</p>
                    {person.email && <p className="item-list__meta">{person.email}</p>}
                  </div>
                  <PersonRoles
                    slug={slug}
                    person={person}
                    roles={catalogue.data?.roles ?? []}
                    mayManage={mayManage}
                  />
                </li>
              ))}
            </ul>
            <LoadMoreButton query={people} />
          </section>
          {mayManage && catalogue.data && (
            <div className="stack-lg">
              {can['invitation.create'] && <InviteForm slug={slug} catalogue={catalogue.data} />}
              {can['invitation.list'] && <InvitationsList slug={slug} />}
            </div>
          )}
        </div>
      )}
    </Page>
  );
}
