/** Amounts of the cluster currency on screen, in the reader's language. */
import { useIntl } from 'react-intl';
import { type CurrencyUnit, formatAmount } from './amount.ts';

/** A formatter bound to the reader's locale and the currency. */
export function useFormatAmount(unit: CurrencyUnit) {
  const { locale } = useIntl();
  return (minor: number, options: { signed?: boolean } = {}) => formatAmount(minor, unit, locale, options);
}

export function Money({ minor, unit, signed }: { minor: number; unit: CurrencyUnit; signed?: boolean }) {
  const format = useFormatAmount(unit);
  return <span className={minor < 0 ? 'money money--negative' : 'money'}>{format(minor, { signed })}</span>;
}
