/**
 * What a listing costs: a price in the cluster's currency, and/or a price in euros with the share
 * the seller accepts in the currency (as WIR members split payments), or "price on request".
 */
import { FormattedMessage, FormattedNumber } from 'react-intl';
import type { CurrencyUnit } from '../currency/amount.ts';
import { Money } from '../currency/money.tsx';

interface Props {
  readonly listing: {
    readonly priceMinor: number | null;
    readonly priceEuroCents: number | null;
    readonly currencySharePercent: number;
  };
  readonly unit: CurrencyUnit;
}

export function ListingPrice({ listing, unit }: Props) {
  const { priceMinor, priceEuroCents, currencySharePercent } = listing;
  if (priceMinor === null && priceEuroCents === null) {
    return <FormattedMessage id="marketplace.price.onRequest" />;
  }
  return (
    <>
      {priceMinor !== null && <Money minor={priceMinor} unit={unit} />}
      {priceMinor !== null && priceEuroCents !== null && ' · '}
      {priceEuroCents !== null && (
        <FormattedMessage
          id="marketplace.price.euro"
          values={{
            amount: <FormattedNumber value={priceEuroCents / 100} style="currency" currency="EUR" />,
            share: currencySharePercent,
            code: unit.code,
          }}
        />
      )}
    </>
  );
}
