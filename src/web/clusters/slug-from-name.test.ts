import { describe, expect, it } from 'vitest';
import { slugFromName } from './slug-from-name.ts';

describe('slugFromName', () => {
  it('drops diacritics and joins words with single hyphens', () => {
    expect(slugFromName('Lūznavas muižas  klasteris')).toBe('luznavas-muizas-klasteris');
    expect(slugFromName('PLOUCS — Pôle territorial')).toBe('ploucs-pole-territorial');
  });

  it('keeps within 48 characters and never ends with a hyphen', () => {
    const slug = slugFromName(`${'a'.repeat(47)} b`);
    expect(slug.length).toBeLessThanOrEqual(48);
    expect(slug.endsWith('-')).toBe(false);
  });
});
