/** The people part of the API: who is in a cluster with which roles, and invitations. */
import { keepPreviousData, useInfiniteQuery, useQuery } from '@tanstack/react-query';
import type { Page } from '../clusters/cluster-api.ts';
import { api } from '../platform/api/api-client.ts';

export interface ClusterPerson {
  readonly id: string;
  readonly displayName: string;
  readonly email: string | null;
  readonly roles: readonly string[];
}

export interface Invitation {
  readonly id: string;
  readonly email: string;
  readonly role: string;
  readonly createdAt: string;
  readonly expiresAt: string;
  readonly acceptedAt: string | null;
}

export interface InvitationPreview {
  readonly clusterSlug: string;
  readonly clusterName: string;
  readonly role: string;
  readonly isAccepted: boolean;
}

const enc = encodeURIComponent;

/** How many people a search by name shows: enough to choose from; beyond that, type more of the name. */
const SEARCH_LIMIT = 20;

export const peopleKeys = {
  people: (slug: string) => ['people', slug] as const,
  search: (slug: string, q: string) => ['people', slug, 'search', q] as const,
  invitations: (slug: string) => ['invitations', slug] as const,
  invitation: (token: string) => ['invitation', token] as const,
};

export function usePeople(slug: string, isEnabled = true) {
  return useInfiniteQuery({
    queryKey: peopleKeys.people(slug),
    queryFn: ({ pageParam }) =>
      api.get<Page<ClusterPerson>>(`/clusters/${enc(slug)}/people`, { cursor: pageParam, limit: 50 }),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
    enabled: isEnabled,
  });
}

/**
 * People of the cluster whose name contains `q` (everyone, by name, when it is empty). While a new
 * search runs, the previous answer stays, so a list being typed into does not flicker empty.
 */
export function usePeopleSearch(slug: string, q: string) {
  return useQuery({
    queryKey: peopleKeys.search(slug, q),
    queryFn: () => api.get<Page<ClusterPerson>>(`/clusters/${enc(slug)}/people`, { q, limit: SEARCH_LIMIT }),
    placeholderData: keepPreviousData,
  });
}

export function useInvitations(slug: string, isEnabled: boolean) {
  return useInfiniteQuery({
    queryKey: peopleKeys.invitations(slug),
    queryFn: ({ pageParam }) =>
      api.get<Page<Invitation>>(`/clusters/${enc(slug)}/invitations`, { cursor: pageParam, limit: 20 }),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
    enabled: isEnabled,
  });
}

export function useInvitationPreview(token: string) {
  return useQuery({
    queryKey: peopleKeys.invitation(token),
    queryFn: () => api.get<InvitationPreview>(`/invitations/${enc(token)}`),
  });
}

export const peopleApi = {
  grant: (slug: string, personId: string, role: string) =>
    api.post(`/clusters/${enc(slug)}/roles`, { personId, role }),
  revoke: (slug: string, personId: string, role: string) =>
    api.delete(`/clusters/${enc(slug)}/roles/${enc(personId)}/${enc(role)}`),
  invite: (slug: string, email: string, role: string) =>
    api.post<Invitation>(`/clusters/${enc(slug)}/invitations`, { email, role }),
  withdraw: (slug: string, invitationId: string) =>
    api.delete(`/clusters/${enc(slug)}/invitations/${enc(invitationId)}`),
  accept: (token: string) =>
    api.post<{ clusterSlug: string; role: string }>(`/invitations/${enc(token)}/accept`),
};
