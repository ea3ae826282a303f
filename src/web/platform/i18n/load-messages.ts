/** Each language's messages are a separate chunk, fetched when the language is chosen. */
import type { Messages } from '../../i18n/messages/en.ts';
import type { Locale } from './locales.ts';

const LOADERS: Readonly<Record<Locale, () => Promise<Messages>>> = {
  en: () => import('../../i18n/messages/en.ts').then((module) => module.en),
  lv: () => import('../../i18n/messages/lv.ts').then((module) => module.lv),
  fr: () => import('../../i18n/messages/fr.ts').then((module) => module.fr),
  it: () => import('../../i18n/messages/it.ts').then((module) => module.it),
};

export function loadMessages(locale: Locale): Promise<Messages> {
  return LOADERS[locale]();
}
