import { type MessageFormatElement, parse } from '@formatjs/icu-messageformat-parser';
import { describe, expect, it } from 'vitest';
import { ERROR_MESSAGES, MAIL_MESSAGES } from './server-messages.ts';
import { errorMessage, negotiateLocale } from './translate.ts';

/** The argument names a message uses, found by the ICU parser (so it also proves the message parses). */
function placeholders(text: string): string[] {
  const names = new Set<string>();
  const walk = (elements: MessageFormatElement[]) => {
    for (const element of elements) {
      if ('value' in element && typeof element.value === 'string' && element.type !== 0)
        names.add(element.value);
      if ('options' in element) for (const option of Object.values(element.options)) walk(option.value);
    }
  };
  walk(parse(text));
  return [...names].sort();
}

describe('server messages', () => {
  it('exist in all four languages with the same placeholders, and parse', () => {
    for (const [code, byLocale] of Object.entries({ ...ERROR_MESSAGES, ...MAIL_MESSAGES })) {
      const english = placeholders(byLocale.en);
      for (const locale of ['lv', 'fr', 'it'] as const) {
        expect(byLocale[locale], `${code} in ${locale}`).toBeTruthy();
        expect(placeholders(byLocale[locale]), `${code} in ${locale}`).toEqual(english);
      }
    }
    expect(errorMessage('validation.too_long', 'lv', { max: 120 })).toBe(
      'Izmantojiet ne vairāk kā 120 rakstzīmes.',
    );
    expect(errorMessage('account.weak_password', 'fr', { reason: 'too_short', min: 10, max: 200 })).toBe(
      'Utilisez au moins 10 caractères.',
    );
  });
});

describe('language negotiation', () => {
  it.each([
    ['lv-LV,lv;q=0.9,en;q=0.8', 'lv'],
    ['de-DE,fr;q=0.5,it;q=0.7', 'it'],
    ['en-GB', 'en'],
    ['de, es', null],
    ['fr;q=0, it', 'it'],
    [undefined, null],
  ])('picks from %j: %s', (header, expected) => {
    expect(negotiateLocale(header)).toBe(expected);
  });
});
