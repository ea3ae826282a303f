/** The development outbox: mails Kopa would have sent, for platform administrators. */
import { useInfiniteQuery } from '@tanstack/react-query';
import type { Page } from '../clusters/cluster-api.ts';
import { api } from '../platform/api/api-client.ts';

export interface OutboxMail {
  readonly id: string;
  readonly to: string;
  readonly subject: string;
  readonly text: string;
  readonly createdAt: string;
  readonly sentAt: string | null;
  readonly deliveredVia: string | null;
  readonly error: string | null;
}

export function useOutbox(isEnabled: boolean) {
  return useInfiniteQuery({
    queryKey: ['outbox'],
    queryFn: ({ pageParam }) => api.get<Page<OutboxMail>>('/admin/outbox', { cursor: pageParam, limit: 20 }),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
    enabled: isEnabled,
  });
}
