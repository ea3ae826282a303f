import type { FastifyRequest } from 'fastify';

/** The rate limits per kind of request, per client address (or person) and minute. */
export const RATE_LIMITS = {
  signIn: 10,
  signUp: 5,
  passwordReset: 5,
  write: 120,
  /** Searches that show people's names: typing asks once per pause, so this is generous for a person. */
  personSearch: 60,
} as const;

export function rateLimit(kind: keyof typeof RATE_LIMITS, scale: number) {
  return { rateLimit: { max: RATE_LIMITS[kind] * scale, timeWindow: 60_000 } };
}

/**
 * Counted per signed-in person rather than per address: many residents may share one address (a
 * library, a municipality's network), and one person should not list a cluster's names by
 * changing address. Counted once the session is known.
 */
export function rateLimitPerPerson(kind: keyof typeof RATE_LIMITS, scale: number) {
  return {
    rateLimit: {
      max: RATE_LIMITS[kind] * scale,
      timeWindow: 60_000,
      hook: 'preHandler' as const,
      keyGenerator: (request: FastifyRequest) =>
        request.viewer ? `person:${request.viewer.personId}` : `address:${request.ip}`,
    },
  };
}
