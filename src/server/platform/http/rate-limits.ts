/** The rate limits per kind of request, per client address and minute. */
export const RATE_LIMITS = {
  signIn: 10,
  signUp: 5,
  passwordReset: 5,
  write: 120,
} as const;

export function rateLimit(kind: keyof typeof RATE_LIMITS, scale: number) {
  return { rateLimit: { max: RATE_LIMITS[kind] * scale, timeWindow: 60_000 } };
}
