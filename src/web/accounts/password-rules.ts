/** What the server asks of a password (src/domain/accounts/password-policy.ts), said up front. */
export const PASSWORD_MIN_LENGTH = 10;
export const PASSWORD_MAX_LENGTH = 200;
