/**
 * Who is signed in, their clusters and roles, and the language the server chose for this
 * browser. Every page reads it through this one query; signing in or out invalidates it.
 */
import { useQuery } from '@tanstack/react-query';
import { api } from '../api/api-client.ts';

export interface Person {
  readonly id: string;
  readonly email: string;
  readonly displayName: string;
  readonly locale: string;
  readonly isEmailVerified: boolean;
  readonly isPlatformAdmin: boolean;
}

export interface SessionCluster {
  readonly slug: string;
  readonly name: string;
  readonly roles: readonly string[];
}

export interface Session {
  readonly person: Person | null;
  readonly clusters: readonly SessionCluster[];
  readonly locale: string;
}

export const SESSION_QUERY_KEY = ['session'] as const;

export function useSession() {
  return useQuery({
    queryKey: SESSION_QUERY_KEY,
    queryFn: () => api.get<Session>('/session'),
    staleTime: 60_000,
  });
}
