/** A paged list of this area (requests, trusted payees, recurring payments): loading, empty, items, "load more". */
import type { InfiniteData, UseInfiniteQueryResult } from '@tanstack/react-query';
import type { ReactNode } from 'react';
import type { Page } from '../clusters/cluster-api.ts';
import { ErrorAlert } from '../platform/forms/form-alert.tsx';
import { LoadMoreButton } from '../platform/layout/load-more-button.tsx';
import { Loading } from '../platform/layout/loading.tsx';

interface Props<T> {
  readonly query: UseInfiniteQueryResult<InfiniteData<Page<T>>>;
  /** Said when the list has nothing. */
  readonly empty: ReactNode;
  readonly children: (item: T) => ReactNode;
}

export function PagedItems<T>({ query, empty, children }: Props<T>) {
  const items = query.data?.pages.flatMap((page) => page.items) ?? [];
  return (
    <>
      <ErrorAlert error={query.error} />
      {query.isPending && <Loading />}
      {query.isSuccess && items.length === 0 && <p className="empty-state">{empty}</p>}
      {items.length > 0 && <ul className="item-list">{items.map(children)}</ul>}
      <LoadMoreButton query={query} />
    </>
  );
}
