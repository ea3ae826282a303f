/**
 * Opaque secrets (session, e-mail and invitation tokens): 32 random bytes for the holder, only
 * their SHA-256 in the database, so a leaked table grants nothing.
 */
import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';

export function newToken(): string {
  return randomBytes(32).toString('base64url');
}

export function hashToken(token: string): string {
  return createHash('sha256').update(token, 'utf8').digest('hex');
}

export function safeEqual(a: string, b: string): boolean {
  const left = Buffer.from(a);
  const right = Buffer.from(b);
  return left.length === right.length && timingSafeEqual(left, right);
}

/** Tokens in URLs and cookies are base64url of 32 bytes; anything else is refused before a lookup. */
export const TOKEN_PATTERN = '^[A-Za-z0-9_-]{43}$';
