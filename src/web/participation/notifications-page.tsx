/** A person's participation notifications in the cluster: newest first, unread marked, read when opened. */
import { useInfiniteQuery, useMutation, useQueryClient } from '@tanstack/react-query';
import { Button, Link } from 'react-aria-components';
import { FormattedDate, FormattedMessage, useIntl } from 'react-intl';
import { useCluster } from '../clusters/cluster-api.ts';
import { api } from '../platform/api/api-client.ts';
import { ErrorAlert } from '../platform/forms/form-alert.tsx';
import { announce } from '../platform/layout/announcer.tsx';
import { LoadMoreButton } from '../platform/layout/load-more-button.tsx';
import { Loading } from '../platform/layout/loading.tsx';
import { Page } from '../platform/layout/page.tsx';
import { paths } from '../platform/routing/paths.ts';
import { SignInRequired } from '../platform/session/sign-in-required.tsx';
import { useSession } from '../platform/session/use-session.ts';
import { useParticipationLabels } from './participation-labels.ts';
import './participation.css';

interface Notification {
  readonly id: string;
  readonly kind:
    | 'proposal_answered'
    | 'comment_posted'
    | 'coauthor_invited'
    | 'meeting_place_offered'
    | 'result_updated';
  readonly processId: string;
  readonly proposalId: string | null;
  readonly meetingId: string | null;
  readonly resultId: string | null;
  readonly subject: string;
  readonly detail: string;
  readonly createdAt: string;
  readonly isRead: boolean;
}

interface NotificationPage {
  readonly items: readonly Notification[];
  readonly nextCursor: string | null;
  readonly unreadCount: number;
}

const base = (slug: string) => `/clusters/${encodeURIComponent(slug)}/participation/notifications`;
export const notificationsKey = (slug: string) => ['participation', slug, 'notifications'] as const;

function target(slug: string, notification: Notification): string {
  if (notification.resultId) return paths.result(slug, notification.processId, notification.resultId);
  if (notification.meetingId) return paths.meeting(slug, notification.processId, notification.meetingId);
  if (notification.proposalId) return paths.proposal(slug, notification.processId, notification.proposalId);
  return paths.process(slug, notification.processId);
}

export function NotificationsPage({ slug }: { slug: string }) {
  const session = useSession();
  if (session.isSuccess && !session.data.person) return <SignInRequired />;
  return <Notifications slug={slug} />;
}

function Notifications({ slug }: { slug: string }) {
  const intl = useIntl();
  const labels = useParticipationLabels();
  const queryClient = useQueryClient();
  const cluster = useCluster(slug);
  const list = useInfiniteQuery({
    queryKey: notificationsKey(slug),
    queryFn: ({ pageParam }) => api.get<NotificationPage>(base(slug), { cursor: pageParam, limit: 20 }),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
  });
  const markRead = useMutation({
    mutationFn: (id: string | null) =>
      api.post<{ unreadCount: number }>(
        id ? `${base(slug)}/${encodeURIComponent(id)}/read` : `${base(slug)}/read`,
      ),
    onSuccess: async (_data, id) => {
      await queryClient.invalidateQueries({ queryKey: notificationsKey(slug) });
      if (id === null) announce(intl.formatMessage({ id: 'participation.notifications.allRead' }));
    },
  });
  const items = list.data?.pages.flatMap((page) => page.items) ?? [];
  const unread = list.data?.pages[0]?.unreadCount ?? 0;
  const title = intl.formatMessage({ id: 'participation.notifications.title' });
  return (
    <Page
      title={cluster.data ? [title, cluster.data.name] : null}
      heading={title}
      lead={<FormattedMessage id="participation.notifications.unread" values={{ count: unread }} />}
      actions={
        unread > 0 && (
          <Button
            className="button button--secondary"
            isDisabled={markRead.isPending}
            onPress={() => markRead.mutate(null)}
          >
            <FormattedMessage id="participation.notifications.markAll" />
          </Button>
        )
      }
      width="medium"
    >
      <ErrorAlert error={list.error ?? markRead.error} />
      {list.isPending && <Loading />}
      {list.isSuccess && items.length === 0 && (
        <p className="participation-empty">
          <FormattedMessage id="participation.notifications.none" />
        </p>
      )}
      <ul className="participation-notifications">
        {items.map((notification) => (
          <li
            key={notification.id}
            className={notification.isRead ? 'notification' : 'notification notification--unread'}
          >
            <Link
              href={target(slug, notification)}
              onPress={() => {
                if (!notification.isRead) markRead.mutate(notification.id);
              }}
            >
              <FormattedMessage
                id={`participation.notification.${notification.kind}`}
                values={{
                  subject: notification.subject,
                  detail:
                    notification.kind === 'proposal_answered'
                      ? labels.state(notification.detail)
                      : notification.detail,
                }}
              />
            </Link>{' '}
            <span className="muted">
              <FormattedDate value={notification.createdAt} dateStyle="medium" timeStyle="short" />
              {!notification.isRead && (
                <>
                  {' · '}
                  <FormattedMessage id="participation.notifications.new" />
                </>
              )}
            </span>
          </li>
        ))}
      </ul>
      <LoadMoreButton query={list} />
    </Page>
  );
}
