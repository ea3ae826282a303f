/** The server's fixed vocabularies (codes only); their labels come from the web app's messages. */
import { useQuery } from '@tanstack/react-query';
import { api } from '../api/api-client.ts';

export interface Catalogue {
  readonly legalForms: readonly string[];
  readonly sectors: readonly string[];
  readonly clusterTypes: readonly string[];
  readonly visibilities: readonly string[];
  readonly locales: readonly string[];
  readonly countries: readonly string[];
  readonly roles: readonly string[];
  readonly membershipStatuses: readonly string[];
  readonly membershipTransitions: Readonly<Record<string, readonly string[]>>;
  /** Moving a membership to one of these statuses must say why. */
  readonly membershipStatusesNeedingReason: readonly string[];
}

export function useCatalogue() {
  return useQuery({
    queryKey: ['catalogue'],
    queryFn: () => api.get<Catalogue>('/catalogue'),
    staleTime: Number.POSITIVE_INFINITY,
  });
}
