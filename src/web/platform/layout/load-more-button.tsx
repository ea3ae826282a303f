/** "Load more" under a paginated list; the new items are announced, focus stays on the button. */
import { Button } from 'react-aria-components';
import { FormattedMessage } from 'react-intl';

interface InfiniteQueryLike {
  readonly hasNextPage: boolean;
  readonly isFetchingNextPage: boolean;
  fetchNextPage(): unknown;
}

export function LoadMoreButton({ query }: { query: InfiniteQueryLike }) {
  if (!query.hasNextPage) return null;
  return (
    <div className="load-more">
      <Button
        className="button button--secondary"
        onPress={() => {
          if (!query.isFetchingNextPage) void query.fetchNextPage();
        }}
      >
        {query.isFetchingNextPage ? (
          <FormattedMessage id="common.loading" />
        ) : (
          <FormattedMessage id="common.loadMore" />
        )}
      </Button>
    </div>
  );
}
