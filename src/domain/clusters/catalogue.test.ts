import { describe, expect, it } from 'vitest';
import { COUNTRIES, isLocale, isValidSlug, timeZoneOf } from './catalogue.ts';

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

describe('a cluster’s time zone', () => {
  it('is a real zone for every country Kopa knows, Riga’s for Latvia, UTC for an unknown code', () => {
    for (const country of COUNTRIES)
      expect(() => new Intl.DateTimeFormat('en', { timeZone: timeZoneOf(country) })).not.toThrow();
    expect(timeZoneOf('LV')).toBe('Europe/Riga');
    expect(timeZoneOf('XX')).toBe('UTC');
  });
});
