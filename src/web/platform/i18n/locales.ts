/** The interface languages, in the order the switcher offers them, with each one's own name. */
export const LOCALES = ['lv', 'en', 'fr', 'it'] as const;
export type Locale = (typeof LOCALES)[number];

export const DEFAULT_LOCALE: Locale = 'en';

/** A language is named in itself in the switcher, so a reader finds their own. */
export const ENDONYMS: Readonly<Record<Locale, string>> = {
  lv: 'Latviešu',
  en: 'English',
  fr: 'Français',
  it: 'Italiano',
};

export function isLocale(value: unknown): value is Locale {
  return typeof value === 'string' && (LOCALES as readonly string[]).includes(value);
}
