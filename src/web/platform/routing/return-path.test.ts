import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { forgetReturnPath, rememberedReturnPath, rememberReturnPath } from './return-path.ts';

/** The browser's localStorage, as far as this module uses it. */
function memoryStorage(): Storage {
  const items = new Map<string, string>();
  return {
    get length() {
      return items.size;
    },
    key: (index) => [...items.keys()][index] ?? null,
    getItem: (key) => items.get(key) ?? null,
    setItem: (key, value) => void items.set(key, String(value)),
    removeItem: (key) => void items.delete(key),
    clear: () => items.clear(),
  };
}

const HOUR_MS = 60 * 60 * 1000;

describe('the path to return to after signing in', () => {
  let storage: Storage;

  beforeEach(() => {
    storage = memoryStorage();
    vi.stubGlobal('window', { localStorage: storage });
    vi.useFakeTimers({ now: new Date('2026-11-29T12:00:00Z') });
  });

  afterEach(() => {
    vi.useRealTimers();
    vi.unstubAllGlobals();
  });

  it('keeps a path of this app until it is forgotten', () => {
    rememberReturnPath('/invitations/abc_123');
    expect(rememberedReturnPath()).toBe('/invitations/abc_123');
    forgetReturnPath();
    expect(rememberedReturnPath()).toBeNull();
  });

  it('never keeps an address on another site, and forgets the previous path instead', () => {
    rememberReturnPath('/invitations/abc');
    for (const next of ['https://evil.example/', '//evil.example/x', '/\\evil.example', 'invitations/abc']) {
      rememberReturnPath(next);
      expect(rememberedReturnPath(), next).toBeNull();
    }
  });

  it('lasts as long as the confirmation link (48 hours), not longer', () => {
    rememberReturnPath('/invitations/abc');
    vi.advanceTimersByTime(47 * HOUR_MS);
    expect(rememberedReturnPath()).toBe('/invitations/abc');
    vi.advanceTimersByTime(2 * HOUR_MS);
    expect(rememberedReturnPath()).toBeNull();
    expect(storage.length).toBe(0);
  });

  it('ignores what someone else wrote under its name', () => {
    storage.setItem('kopa.returnPath', JSON.stringify({ path: '//evil.example', savedAtMs: Date.now() }));
    expect(rememberedReturnPath()).toBeNull();
    expect(storage.length).toBe(0);
    storage.setItem('kopa.returnPath', 'not json');
    expect(rememberedReturnPath()).toBeNull();
    expect(storage.length).toBe(0);
  });

  it('does without when the browser refuses storage', () => {
    vi.stubGlobal('window', {
      get localStorage(): Storage {
        throw new Error('SecurityError');
      },
    });
    rememberReturnPath('/invitations/abc');
    expect(rememberedReturnPath()).toBeNull();
  });
});
