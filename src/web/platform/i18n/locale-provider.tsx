/**
 * The interface language: first the one the server chose (cookie, account or Accept-Language, via
 * GET /session), then whatever the reader picks in the switcher — remembered by PUT /locale, and
 * reflected in <html lang>. Messages of a language load on demand; the previous language stays on
 * screen until the next one has arrived, so switching never blanks the page.
 */
import { useQueryClient } from '@tanstack/react-query';
import { createContext, type ReactNode, useCallback, useContext, useEffect, useMemo, useState } from 'react';
import { I18nProvider } from 'react-aria-components';
import { IntlProvider } from 'react-intl';
import type { Messages } from '../../i18n/messages/en.ts';
import { api } from '../api/api-client.ts';
import { useSession } from '../session/use-session.ts';
import { loadMessages } from './load-messages.ts';
import { DEFAULT_LOCALE, isLocale, type Locale } from './locales.ts';

interface LocaleContextValue {
  readonly locale: Locale;
  readonly setLocale: (locale: Locale) => Promise<void>;
}

const LocaleContext = createContext<LocaleContextValue | null>(null);

function browserLocale(): Locale {
  for (const tag of navigator.languages ?? [navigator.language]) {
    const language = tag.slice(0, 2).toLowerCase();
    if (isLocale(language)) return language;
  }
  return DEFAULT_LOCALE;
}

export function LocaleProvider({ children, boot }: { children: ReactNode; boot: ReactNode }) {
  const session = useSession();
  const queryClient = useQueryClient();
  const [chosen, setChosen] = useState<Locale | null>(null);
  const [active, setActive] = useState<{ locale: Locale; messages: Messages } | null>(null);

  const serverLocale = session.data && isLocale(session.data.locale) ? session.data.locale : null;
  const wanted: Locale | null = chosen ?? serverLocale ?? (session.isError ? browserLocale() : null);

  useEffect(() => {
    if (!wanted || active?.locale === wanted) return;
    let isCurrent = true;
    void loadMessages(wanted).then((messages) => {
      if (isCurrent) setActive({ locale: wanted, messages });
    });
    return () => {
      isCurrent = false;
    };
  }, [wanted, active?.locale]);

  useEffect(() => {
    if (active) document.documentElement.lang = active.locale;
  }, [active]);

  const setLocale = useCallback(
    async (locale: Locale) => {
      const messages = await loadMessages(locale);
      try {
        await api.put('/locale', { locale });
      } catch {
        // The choice still applies to this page; it is only not remembered.
      }
      setActive({ locale, messages });
      setChosen(locale);
      // Server-made text (error messages, the session's locale) follows the new language.
      await queryClient.invalidateQueries();
    },
    [queryClient],
  );

  const value = useMemo(() => (active ? { locale: active.locale, setLocale } : null), [active, setLocale]);

  if (!active || !value) return <>{boot}</>;
  return (
    <LocaleContext.Provider value={value}>
      <IntlProvider locale={active.locale} messages={active.messages} defaultLocale={DEFAULT_LOCALE}>
        <I18nProvider locale={active.locale}>{children}</I18nProvider>
      </IntlProvider>
    </LocaleContext.Provider>
  );
}

export function useLocale(): LocaleContextValue {
  const value = useContext(LocaleContext);
  if (!value) throw new Error('useLocale is used outside LocaleProvider');
  return value;
}
