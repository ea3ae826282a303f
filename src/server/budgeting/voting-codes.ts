/**
 * One-time voting codes for in-person and paper voting: short enough to type from a printed slip,
 * long enough not to be guessed (12 characters of 31: about 59 bits). Only their SHA-256 is stored.
 */
import { createHash, randomInt } from 'node:crypto';

/** No 0/O, 1/I/L: a code read aloud or from paper is typed right. */
const ALPHABET = 'ABCDEFGHJKMNPQRSTUVWXYZ23456789';
const CODE_LENGTH = 12;
export const MAX_CODES_PER_REQUEST = 1_000;
export const MAX_CODES_PER_BUDGET = 100_000;

/** A new code, grouped for reading: `K7QM-2XH9-PDTA`. */
export function newVotingCode(): string {
  let code = '';
  for (let i = 0; i < CODE_LENGTH; i++) code += ALPHABET[randomInt(ALPHABET.length)];
  return `${code.slice(0, 4)}-${code.slice(4, 8)}-${code.slice(8)}`;
}

/** The code as typed, without spaces, hyphens or case; null when it cannot be a code. */
export function normaliseVotingCode(typed: string): string | null {
  const code = typed.toUpperCase().replace(/[\s-]/g, '');
  if (code.length !== CODE_LENGTH) return null;
  for (const char of code) if (!ALPHABET.includes(char)) return null;
  return code;
}

export const votingCodeHash = (normalised: string): string =>
  createHash('sha256').update(normalised, 'utf8').digest('hex');
