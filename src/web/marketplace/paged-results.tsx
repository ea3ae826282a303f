/**
 * A paginated list's frame: its error, how many items are shown (announced as they change), the
 * empty state, the items, and "load more".
 */
import type { ReactNode } from 'react';
import { FormattedMessage } from 'react-intl';
import { ErrorAlert } from '../platform/forms/form-alert.tsx';
import type { MessageId } from '../platform/i18n/message-ids.ts';
import { LoadMoreButton } from '../platform/layout/load-more-button.tsx';
import { Loading } from '../platform/layout/loading.tsx';

interface Props {
  readonly query: {
    readonly error: unknown;
    readonly isPending: boolean;
    readonly isSuccess: boolean;
    readonly hasNextPage: boolean;
    readonly isFetchingNextPage: boolean;
    fetchNextPage(): unknown;
  };
  readonly count: number;
  /** Messages with a `count`: all shown, and some shown with more to load. */
  readonly shownId: MessageId;
  readonly shownMoreId: MessageId;
  readonly emptyId: MessageId;
  readonly children: ReactNode;
}

export function PagedResults({ query, count, shownId, shownMoreId, emptyId, children }: Props) {
  return (
    <>
      <ErrorAlert error={query.error} />
      {query.isPending ? (
        <Loading />
      ) : (
        <p className="muted" role="status">
          <FormattedMessage id={query.hasNextPage ? shownMoreId : shownId} values={{ count }} />
        </p>
      )}
      {query.isSuccess && count === 0 ? (
        <p className="empty-state">
          <FormattedMessage id={emptyId} />
        </p>
      ) : (
        children
      )}
      <LoadMoreButton query={query} />
    </>
  );
}
