/** The clusters part of the API, as typed calls and React Query hooks. */
import { useInfiniteQuery, useQuery } from '@tanstack/react-query';
import { api } from '../platform/api/api-client.ts';

export interface ClusterSummary {
  readonly slug: string;
  readonly name: string;
  readonly country: string;
  readonly region: string;
  readonly languages: readonly string[];
  /** The cluster's main language: its name and description are written in it. */
  readonly defaultLocale: string;
  readonly clusterType: string;
  readonly visibility: string;
  readonly description: string;
  readonly memberCount: number;
}

export interface ClusterProfile {
  readonly id: string;
  readonly slug: string;
  readonly name: string;
  readonly country: string;
  readonly region: string;
  readonly languages: readonly string[];
  readonly defaultLocale: string;
  readonly clusterType: string;
  readonly description: string;
  readonly visibility: string;
  readonly createdAt: string;
  readonly updatedAt: string;
  readonly memberCount: number;
  readonly applicantCount: number | null;
  readonly viewer: { readonly roles: readonly string[]; readonly can: Readonly<Record<string, boolean>> };
}

export interface ClusterProfileInput {
  readonly name: string;
  readonly country: string;
  readonly region: string;
  readonly languages: readonly string[];
  readonly defaultLocale: string;
  readonly clusterType: string;
  readonly description: string;
  readonly visibility: string;
}

export interface Page<T> {
  readonly items: readonly T[];
  readonly nextCursor: string | null;
}

const enc = encodeURIComponent;

export const clusterKeys = {
  list: ['clusters'] as const,
  one: (slug: string) => ['cluster', slug] as const,
};

export function useClusterList() {
  return useInfiniteQuery({
    queryKey: clusterKeys.list,
    queryFn: ({ pageParam }) => api.get<Page<ClusterSummary>>('/clusters', { cursor: pageParam, limit: 12 }),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
  });
}

export function useCluster(slug: string) {
  return useQuery({
    queryKey: clusterKeys.one(slug),
    queryFn: () => api.get<ClusterProfile>(`/clusters/${enc(slug)}`),
  });
}

export const clusterApi = {
  create: (input: ClusterProfileInput & { slug: string }) => api.post<ClusterProfile>('/clusters', input),
  update: (slug: string, patch: Partial<ClusterProfileInput>) =>
    api.patch<ClusterProfile>(`/clusters/${enc(slug)}`, patch),
  join: (slug: string) => api.post<ClusterProfile>(`/clusters/${enc(slug)}/join`),
};
