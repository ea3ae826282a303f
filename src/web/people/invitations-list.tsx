/**
 * Invitations sent for this cluster: to whom, for which role, whether they were accepted — and,
 * while one still waits, a way to withdraw it.
 */
import { FormattedMessage } from 'react-intl';
import { useLabels } from '../platform/catalogue/use-labels.ts';
import { ErrorAlert } from '../platform/forms/form-alert.tsx';
import { DateTime } from '../platform/i18n/iso-date.tsx';
import { LoadMoreButton } from '../platform/layout/load-more-button.tsx';
import { Loading } from '../platform/layout/loading.tsx';
import { useInvitations } from './people-api.ts';
import { WithdrawInvitationDialog } from './withdraw-invitation-dialog.tsx';

export function InvitationsList({ slug }: { slug: string }) {
  const labels = useLabels();
  const invitations = useInvitations(slug, true);
  const items = invitations.data?.pages.flatMap((page) => page.items) ?? [];
  const now = Date.now();
  return (
    <section aria-labelledby="invitations-heading" className="stack">
      <h2 id="invitations-heading">
        <FormattedMessage id="invitations.title" />
      </h2>
      {invitations.isPending && <Loading />}
      <ErrorAlert error={invitations.error} />
      {invitations.isSuccess && items.length === 0 ? (
        <p className="empty-state">
          <FormattedMessage id="invitations.none" />
        </p>
      ) : (
        <ul className="item-list">
          {items.map((invitation) => {
            const state = invitation.acceptedAt
              ? 'accepted'
              : new Date(invitation.expiresAt).getTime() < now
                ? 'expired'
                : 'pending';
            return (
              <li key={invitation.id}>
                <div className="item-list__main">
                  <p className="item-list__title">{invitation.email}</p>
                  <p className="item-list__meta">
                    {labels.role(invitation.role)} ·{' '}
                    <FormattedMessage
                      id="invitations.sentAt"
                      values={{ date: <DateTime value={invitation.createdAt} /> }}
                    />
                  </p>
                </div>
                <span
                  className={
                    state === 'accepted'
                      ? 'badge badge--active'
                      : state === 'expired'
                        ? 'badge badge--left'
                        : 'badge badge--applicant'
                  }
                >
                  <FormattedMessage id={`invitations.state.${state}` as const} />
                </span>
                {state === 'pending' && <WithdrawInvitationDialog slug={slug} invitation={invitation} />}
              </li>
            );
          })}
        </ul>
      )}
      <LoadMoreButton query={invitations} />
    </section>
  );
}
