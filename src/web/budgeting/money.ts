/** Amounts of a budget, kept in minor units, written in the reader's locale and the budget's currency. */
import { useIntl } from 'react-intl';

export function useMoney(currency: string) {
  const intl = useIntl();
  return (minor: number | string) =>
    intl.formatNumber(Number(minor) / 100, { style: 'currency', currency, maximumFractionDigits: 2 });
}

/** "1 250,50" or "1,250.50" in the reader's way of writing, to minor units; NaN when it is not an amount. */
export function minorFromText(text: string): number {
  const cleaned = text.replace(/[\s\u00a0\u202f']/g, '');
  const match = /^(\d+(?:[.,]\d{3})*)(?:[.,](\d{1,2}))?$/.exec(cleaned);
  if (!match) return Number.NaN;
  return Number((match[1] as string).replace(/[.,]/g, '')) * 100 + Number((match[2] ?? '0').padEnd(2, '0'));
}

/** Minor units as an editable amount ("21500.00"), which `minorFromText` reads back exactly. */
export const minorToText = (minor: number) =>
  `${Math.trunc(minor / 100)}.${String(Math.abs(minor) % 100).padStart(2, '0')}`;
