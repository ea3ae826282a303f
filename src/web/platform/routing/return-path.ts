/**
 * Where to go after signing in, remembered while a newcomer signs up and confirms the address
 * (an invitation link, say). The confirmation mail is often opened in another tab, so the path is
 * kept in localStorage — for no longer than the confirmation link lives, and only ever a path
 * inside this app.
 */
import { safeNextPath } from './paths.ts';

const STORAGE_KEY = 'kopa.returnPath';
const MAX_AGE_MS = 48 * 60 * 60 * 1000;

interface Stored {
  readonly path: string;
  readonly savedAtMs: number;
}

function storage(): Storage | null {
  try {
    return window.localStorage;
  } catch {
    // Storage can be switched off; the journey then simply ends on the home page.
    return null;
  }
}

/** Remembers a same-site path; anything else forgets what was remembered. */
export function rememberReturnPath(next: string | undefined): void {
  const path = safeNextPath(next);
  if (!path) {
    forgetReturnPath();
    return;
  }
  const stored: Stored = { path, savedAtMs: Date.now() };
  storage()?.setItem(STORAGE_KEY, JSON.stringify(stored));
}

/** The remembered path, if it is still fresh and still a same-site path. */
export function rememberedReturnPath(): string | null {
  const raw = storage()?.getItem(STORAGE_KEY);
  if (!raw) return null;
  try {
    const stored = JSON.parse(raw) as Partial<Stored>;
    const path = typeof stored.path === 'string' ? safeNextPath(stored.path) : null;
    const ageMs = Date.now() - Number(stored.savedAtMs);
    if (path && ageMs >= 0 && ageMs <= MAX_AGE_MS) return path;
  } catch {
    // not ours, or damaged: forgotten below
  }
  forgetReturnPath();
  return null;
}

export function forgetReturnPath(): void {
  storage()?.removeItem(STORAGE_KEY);
}
