/** The public audit log of a cluster: recent public events and the signed checkpoint. */
import { useInfiniteQuery, useQuery } from '@tanstack/react-query';
import { api } from '../platform/api/api-client.ts';

export interface AuditEvent {
  readonly seq: number;
  readonly occurredAt: string;
  readonly action: string;
  readonly payload: Readonly<Record<string, unknown>>;
  readonly hash: string;
}

export interface Checkpoint {
  readonly seq: number;
  readonly hash: string;
  readonly signedAt: string;
  readonly keyId: string;
  readonly signature: string;
  readonly algorithm: string;
  readonly publicKeyPem: string;
}

const enc = encodeURIComponent;

export const chainUrl = (slug: string) => `/api/v1/clusters/${enc(slug)}/audit/chain`;

export function useAuditEvents(slug: string) {
  return useInfiniteQuery({
    queryKey: ['audit-events', slug],
    queryFn: ({ pageParam }) =>
      api.get<{ items: AuditEvent[]; nextBeforeSeq: number | null }>(`/clusters/${enc(slug)}/audit/events`, {
        beforeSeq: pageParam,
        limit: 20,
      }),
    initialPageParam: undefined as number | undefined,
    getNextPageParam: (last) => last.nextBeforeSeq ?? undefined,
  });
}

export function useCheckpoint(slug: string) {
  return useQuery({
    queryKey: ['audit-checkpoint', slug],
    queryFn: () =>
      api.get<{ clusterId: string; checkpoint: Checkpoint | null }>(
        `/clusters/${enc(slug)}/audit/checkpoint`,
      ),
  });
}
