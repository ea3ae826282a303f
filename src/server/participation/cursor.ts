/**
 * Reads a list's keyset cursor and checks each part's kind, so a forged cursor is a 400
 * `validation.format` rather than a value PostgreSQL refuses to cast.
 */
import { badRequest } from '../platform/errors.ts';
import { decodeCursor } from '../platform/http/pagination.ts';
import { isUuid } from '../platform/ids.ts';

type Part = 'uuid' | 'text' | 'int' | 'instant';
type Value<P extends Part> = P extends 'int' ? number : string;
type Values<P extends readonly Part[]> = { -readonly [K in keyof P]: Value<P[K]> };

const isValid: Record<Part, (value: string | number) => boolean> = {
  uuid: (value) => typeof value === 'string' && isUuid(value),
  text: (value) => typeof value === 'string',
  int: (value) => Number.isSafeInteger(value),
  instant: (value) => typeof value === 'string' && !Number.isNaN(new Date(value).getTime()),
};

export function readCursor<const P extends readonly Part[]>(
  cursor: string | undefined,
  parts: P,
): Values<P> | null {
  const values = decodeCursor(cursor, parts.length);
  if (values === null) return null;
  if (!parts.every((part, index) => isValid[part](values[index] as string | number))) {
    throw badRequest('validation.format', 'cursor');
  }
  return values as unknown as Values<P>;
}
