/**
 * Picks the reader's language and formats server messages in it.
 */
import { IntlMessageFormat } from 'intl-messageformat';
import { isLocale, LOCALES, type Locale } from '../../../domain/clusters/catalogue.ts';
import type { MessageParams } from '../errors.ts';
import { ERROR_MESSAGES, type ErrorCode, MAIL_MESSAGES, type MailMessageKey } from './server-messages.ts';

export const DEFAULT_LOCALE: Locale = 'en';

/** The best of our locales for an Accept-Language header (`lv-LV,lv;q=0.9,en;q=0.8`). */
export function negotiateLocale(acceptLanguage: string | undefined): Locale | null {
  if (!acceptLanguage) return null;
  const ranked = acceptLanguage
    .split(',')
    .slice(0, 20)
    .map((part) => {
      const [tag = '', ...params] = part.trim().split(';');
      const q = params.map((p) => p.trim()).find((p) => p.startsWith('q='));
      return { language: tag.toLowerCase().split('-')[0] ?? '', q: q ? Number(q.slice(2)) || 0 : 1 };
    })
    .filter((entry) => entry.q > 0)
    .sort((a, b) => b.q - a.q);
  for (const { language } of ranked) if (isLocale(language)) return language;
  return null;
}

const cache = new Map<string, IntlMessageFormat>();

function format(pattern: string, locale: Locale, params: MessageParams): string {
  const key = `${locale}\u0000${pattern}`;
  let formatter = cache.get(key);
  if (!formatter) {
    formatter = new IntlMessageFormat(pattern, locale);
    cache.set(key, formatter);
  }
  return String(formatter.format(params as Record<string, string | number>));
}

export function errorMessage(code: ErrorCode, locale: Locale, params: MessageParams = {}): string {
  return format(ERROR_MESSAGES[code][locale], locale, params);
}

export function mailMessage(key: MailMessageKey, locale: Locale, params: MessageParams = {}): string {
  return format(MAIL_MESSAGES[key][locale], locale, params);
}

export { LOCALES };
