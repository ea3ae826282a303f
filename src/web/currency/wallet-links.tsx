/** Where else a wallet's representative works with the currency: payment requests and recurring payments. */
import { Link } from 'react-aria-components';
import { FormattedMessage } from 'react-intl';
import { paths } from '../platform/routing/paths.ts';

export function WalletLinks({ slug, accountId }: { slug: string; accountId: string }) {
  return (
    <>
      <Link className="button button--secondary" href={paths.paymentRequests(slug, accountId)}>
        <FormattedMessage id="currency.wallet.requests" />
      </Link>
      <Link className="button button--secondary" href={paths.recurringPayments(slug, accountId)}>
        <FormattedMessage id="currency.wallet.recurring" />
      </Link>
    </>
  );
}
