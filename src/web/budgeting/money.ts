/** Amounts of a budget, kept in minor units, written in the reader's locale and the budget's currency. */
import { useIntl } from 'react-intl';

export function useMoney(currency: string) {
  const intl = useIntl();
  return (minor: number | string) =>
    intl.formatNumber(Number(minor) / 100, { style: 'currency', currency, maximumFractionDigits: 2 });
}
