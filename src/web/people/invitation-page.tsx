/**
 * The link from an invitation mail: which cluster, which role; accept with one's account (the
 * invitation is for one e-mail address, so one signs in or signs up with that address first —
 * both lead back here afterwards).
 */
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useRouter } from '@tanstack/react-router';
import { Button, Link } from 'react-aria-components';
import { FormattedMessage, useIntl } from 'react-intl';
import { useLabels } from '../platform/catalogue/use-labels.ts';
import { ErrorAlert } from '../platform/forms/form-alert.tsx';
import { announce } from '../platform/layout/announcer.tsx';
import { isNotFound } from '../platform/layout/is-not-found.ts';
import { Loading } from '../platform/layout/loading.tsx';
import { Page } from '../platform/layout/page.tsx';
import { paths } from '../platform/routing/paths.ts';
import { refreshPrivateData } from '../platform/session/refresh-private-data.ts';
import { useSession } from '../platform/session/use-session.ts';
import { peopleApi, useInvitationPreview } from './people-api.ts';

export function InvitationPage({ token }: { token: string }) {
  const intl = useIntl();
  const labels = useLabels();
  const router = useRouter();
  const queryClient = useQueryClient();
  const session = useSession();
  const preview = useInvitationPreview(token);
  const accept = useMutation({
    mutationFn: () => peopleApi.accept(token),
    onSuccess: async (result) => {
      await refreshPrivateData(queryClient);
      await router.navigate({ href: paths.cluster(result.clusterSlug) });
      announce(intl.formatMessage({ id: 'invitation.accepted' }, { role: labels.role(result.role) }));
    },
  });
  const invitation = preview.data;
  const person = session.data?.person ?? null;
  const title = intl.formatMessage({ id: 'invitation.title' });

  return (
    <Page
      title={preview.isPending ? null : [title]}
      heading={<FormattedMessage id="invitation.title" />}
      width="medium"
    >
      {preview.isPending && <Loading />}
      {isNotFound(preview.error) ? (
        <div className="alert alert--error" role="alert">
          <p>
            <FormattedMessage id="invitation.invalid" />
          </p>
        </div>
      ) : (
        <ErrorAlert error={preview.error} />
      )}
      {invitation && (
        <div className="card stack">
          <p className="page-header__lead">
            <FormattedMessage
              id="invitation.offer"
              values={{
                cluster: <strong>{invitation.clusterName}</strong>,
                role: <strong>{labels.role(invitation.role)}</strong>,
              }}
            />
          </p>
          <p className="muted">{labels.roleHelp(invitation.role)}</p>
          {invitation.isAccepted ? (
            <div className="alert alert--info" role="status">
              <p>
                <FormattedMessage id="invitation.alreadyAccepted" />{' '}
                <Link href={paths.cluster(invitation.clusterSlug)}>
                  <FormattedMessage id="invitation.goToCluster" />
                </Link>
              </p>
            </div>
          ) : person ? (
            <>
              <p>
                <FormattedMessage
                  id="invitation.asPerson"
                  values={{ name: person.displayName, email: person.email }}
                />
              </p>
              <ErrorAlert error={accept.error} />
              <div className="button-row">
                <Button
                  className="button"
                  onPress={() => {
                    if (!accept.isPending) accept.mutate();
                  }}
                >
                  {accept.isPending ? (
                    <FormattedMessage id="form.sending" />
                  ) : (
                    <FormattedMessage id="invitation.accept" />
                  )}
                </Button>
              </div>
            </>
          ) : (
            <>
              <p>
                <FormattedMessage id="invitation.signInFirst" />
              </p>
              <div className="button-row">
                <Link className="button" href={paths.signIn(paths.invitation(token))}>
                  <FormattedMessage id="nav.signIn" />
                </Link>
                <Link className="button button--secondary" href={paths.signUp(paths.invitation(token))}>
                  <FormattedMessage id="nav.signUp" />
                </Link>
              </div>
            </>
          )}
        </div>
      )}
    </Page>
  );
}
