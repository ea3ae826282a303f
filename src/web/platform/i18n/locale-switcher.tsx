/** The language switcher in the header: each language named in itself, the choice remembered. */
import { useIntl } from 'react-intl';
import { SelectField } from '../forms/select-field.tsx';
import { announce } from '../layout/announcer.tsx';
import { useLocale } from './locale-provider.tsx';
import { ENDONYMS, isLocale, LOCALES } from './locales.ts';

const OPTIONS = LOCALES.map((locale) => ({ id: locale, label: ENDONYMS[locale], lang: locale }));

export function LocaleSwitcher() {
  const intl = useIntl();
  const { locale, setLocale } = useLocale();
  return (
    <SelectField
      label={intl.formatMessage({ id: 'locale.switcher' })}
      options={OPTIONS}
      value={locale}
      onChange={(key) => {
        if (!isLocale(key) || key === locale) return;
        void setLocale(key).then(() => announce(ENDONYMS[key]));
      }}
      className="locale-switcher"
      labelClassName="locale-switcher__label"
    />
  );
}
