/** The language of Kopa's pages and of the mails it sends, kept on the account. */
import { FormattedMessage, useIntl } from 'react-intl';
import { SelectField } from '../platform/forms/select-field.tsx';
import { useLocale } from '../platform/i18n/locale-provider.tsx';
import { ENDONYMS, isLocale, LOCALES } from '../platform/i18n/locales.ts';
import { announce } from '../platform/layout/announcer.tsx';

const OPTIONS = LOCALES.map((locale) => ({ id: locale, label: ENDONYMS[locale], lang: locale }));

export function LanguageSection() {
  const intl = useIntl();
  const { locale, setLocale } = useLocale();
  return (
    <section className="card" aria-labelledby="language-heading">
      <h2 id="language-heading">
        <FormattedMessage id="account.language" />
      </h2>
      <SelectField
        label={intl.formatMessage({ id: 'account.languageLabel' })}
        options={OPTIONS}
        value={locale}
        onChange={(key) => {
          if (isLocale(key) && key !== locale) void setLocale(key).then(() => announce(ENDONYMS[key]));
        }}
      />
    </section>
  );
}
