/**
 * Euro amounts of invoices, shown the way the reader's locale writes euros ("€1,234.50",
 * "1 234,50 €") from the exact decimal string of the cents, and typed like the cluster currency's
 * amounts (see AmountField).
 */
import './clearing.css';
import { useIntl } from 'react-intl';
import { type CurrencyUnit, formatBasisPoints, minorToDecimal } from '../currency/amount.ts';

export const EURO: CurrencyUnit = { code: 'EUR', symbol: '€', decimals: 2 };

const formats = new Map<string, Intl.NumberFormat>();

export function formatEuros(cents: number, locale: string): string {
  let format = formats.get(locale);
  if (!format) {
    format = new Intl.NumberFormat(locale, { style: 'currency', currency: 'EUR' });
    formats.set(locale, format);
  }
  return format.format(minorToDecimal(cents, EURO.decimals) as Intl.StringNumericLiteral);
}

export function Euros({ cents }: { cents: number }) {
  const { locale } = useIntl();
  return <span className={cents < 0 ? 'euros euros--negative' : 'euros'}>{formatEuros(cents, locale)}</span>;
}

/** Formats cents and shares for messages ("1 234,50 €", "85,71 %"). */
export function useEuroFormat() {
  const { locale } = useIntl();
  return {
    euros: (cents: number) => formatEuros(cents, locale),
    share: (basisPoints: number) => formatBasisPoints(basisPoints, locale),
  };
}
