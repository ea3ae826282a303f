/** The organisations part of the API: the directory, an organisation's page, membership, mandates. */
import { useInfiniteQuery, useQuery } from '@tanstack/react-query';
import type { Page } from '../clusters/cluster-api.ts';
import { api } from '../platform/api/api-client.ts';

export interface DirectoryEntry {
  readonly id: string;
  readonly name: string;
  readonly legalForm: string;
  readonly sector: string;
  readonly country: string;
  readonly membershipStatus: string;
  readonly memberSince: string | null;
  readonly voteWeight: number;
}

export interface MembershipStep {
  readonly id: string;
  readonly fromStatus: string | null;
  readonly toStatus: string;
  readonly effectiveOn: string;
  readonly reason: string | null;
  readonly recordedAt: string;
}

export interface Mandate {
  readonly id: string;
  readonly personId: string;
  readonly displayName: string;
  readonly mandate: string;
  readonly startsOn: string;
  readonly endsOn: string | null;
  readonly isActive: boolean;
}

export interface Organisation extends DirectoryEntry {
  readonly website: string;
  readonly description: string;
  readonly createdAt: string;
  readonly membershipHistory: readonly MembershipStep[];
  readonly representatives: readonly Mandate[];
  readonly can: {
    readonly edit: boolean;
    readonly transition: boolean;
    readonly linkRepresentative: boolean;
  };
}

export interface OrganisationInput {
  readonly name: string;
  readonly legalForm: string;
  readonly sector: string;
  readonly country: string;
  readonly website: string;
  readonly description: string;
  readonly voteWeight: number;
}

/** Registering also accepts the day the organisation applied, when that was before Kopa (YYYY-MM-DD). */
export interface OrganisationRegistration extends OrganisationInput {
  readonly appliedOn?: string;
}

export interface DirectoryFilter {
  readonly status?: string;
  readonly sector?: string;
  readonly q?: string;
}

const enc = encodeURIComponent;
const base = (slug: string) => `/clusters/${enc(slug)}/organisations`;

export const organisationKeys = {
  directory: (slug: string, filter: DirectoryFilter) => ['directory', slug, filter] as const,
  anyDirectory: (slug: string) => ['directory', slug] as const,
  one: (slug: string, id: string) => ['organisation', slug, id] as const,
};

export function useDirectory(slug: string, filter: DirectoryFilter) {
  return useInfiniteQuery({
    queryKey: organisationKeys.directory(slug, filter),
    queryFn: ({ pageParam }) =>
      api.get<Page<DirectoryEntry>>(base(slug), { ...filter, cursor: pageParam, limit: 20 }),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
  });
}

export function useOrganisation(slug: string, id: string) {
  return useQuery({
    queryKey: organisationKeys.one(slug, id),
    queryFn: () => api.get<Organisation>(`${base(slug)}/${enc(id)}`),
  });
}

export const organisationApi = {
  register: (slug: string, input: OrganisationRegistration) => api.post<Organisation>(base(slug), input),
  update: (slug: string, id: string, patch: Partial<OrganisationInput>) =>
    api.patch<Organisation>(`${base(slug)}/${enc(id)}`, patch),
  transition: (
    slug: string,
    id: string,
    input: { toStatus: string; effectiveOn?: string; reason?: string },
  ) => api.post<Organisation>(`${base(slug)}/${enc(id)}/membership`, input),
  linkRepresentative: (
    slug: string,
    id: string,
    input: { personId: string; mandate: string; startsOn: string; endsOn?: string },
  ) => api.post<Organisation>(`${base(slug)}/${enc(id)}/representatives`, input),
  endMandate: (slug: string, id: string, mandateId: string) =>
    api.delete<Organisation>(`${base(slug)}/${enc(id)}/representatives/${enc(mandateId)}`),
};
