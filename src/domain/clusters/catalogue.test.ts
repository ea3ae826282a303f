import { describe, expect, it } from 'vitest';
import { isLocale, isValidSlug } from './catalogue.ts';

describe('cluster slugs', () => {
  it.each(['roccavaldina', 'ploucs', 'luznava-2024', 'a', 'x'.repeat(48)])('accept %s', (slug) => {
    expect(isValidSlug(slug)).toBe(true);
  });
  it.each(['', 'Ploucs', 'lūznava', '-a', 'a-', 'a--b', 'a b', 'x'.repeat(49), 'admin', 'api', 'new'])(
    'refuse %j',
    (slug) => {
      expect(isValidSlug(slug)).toBe(false);
    },
  );
});

describe('locales', () => {
  it('are the four interface languages', () => {
    expect(['lv', 'en', 'fr', 'it'].every(isLocale)).toBe(true);
    expect(isLocale('de')).toBe(false);
    expect(isLocale(undefined)).toBe(false);
  });
});
