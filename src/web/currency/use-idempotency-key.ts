/**
 * One idempotency key per intention: asking again for the same body (a retry after an error or a
 * lost answer) gives the same key, so the server answers as it did the first time and never writes
 * twice; a changed body is a new intention with a new key. After a success, `renew` starts afresh,
 * so the same payment made on purpose a second time is a new one.
 */
import { useCallback, useRef } from 'react';

function newKey(): string {
  if (typeof crypto.randomUUID === 'function') return crypto.randomUUID();
  // randomUUID exists only on secure origins; a plain-HTTP intranet still has getRandomValues.
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  return Array.from(bytes, (byte) => byte.toString(16).padStart(2, '0')).join('');
}

export function useIdempotencyKey() {
  const intention = useRef<{ body: string; key: string } | null>(null);
  const keyFor = useCallback((body: unknown): string => {
    const text = JSON.stringify(body ?? null);
    if (intention.current?.body !== text) intention.current = { body: text, key: newKey() };
    return intention.current.key;
  }, []);
  const renew = useCallback(() => {
    intention.current = null;
  }, []);
  return { keyFor, renew };
}
