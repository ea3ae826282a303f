/** The account part of the API: confirming the address, one's profile, sessions, export and erasure. */
import { useQuery } from '@tanstack/react-query';
import { api } from '../platform/api/api-client.ts';
import type { Person } from '../platform/session/use-session.ts';

export interface OpenSession {
  readonly id: string;
  readonly createdAt: string;
  readonly lastSeenAt: string;
  readonly expiresAt: string;
  readonly userAgent: string;
  readonly isCurrent: boolean;
}

export const EXPORT_URL = '/api/v1/account/export';

export const accountKeys = { sessions: ['account', 'sessions'] as const };

export function useOpenSessions(isEnabled: boolean) {
  return useQuery({
    queryKey: accountKeys.sessions,
    queryFn: () => api.get<{ items: OpenSession[] }>('/account/sessions'),
    enabled: isEnabled,
  });
}

export const accountApi = {
  /** The server answers the same whether or not the address has an account waiting (202). */
  resendVerification: (email: string) => api.post('/account/verify-email/resend', { email }),
  requestPasswordReset: (email: string) => api.post('/account/password-reset', { email }),
  confirmPasswordReset: (token: string, password: string) =>
    api.post('/account/password-reset/confirm', { token, password }),
  updateProfile: (patch: { displayName?: string; locale?: string }) =>
    api.patch<{ person: Person }>('/account', patch),
  revokeSession: (sessionId: string) => api.delete(`/account/sessions/${encodeURIComponent(sessionId)}`),
  erase: (password: string) => api.post('/account/erase', { password }),
};
