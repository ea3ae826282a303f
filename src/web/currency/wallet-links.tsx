/**
 * Where else a wallet's representative works with the currency: its payment requests and recurring
 * payments (pages of the same account), and the cluster's marketplace, orders and clearing.
 */
import { Link } from 'react-aria-components';
import { FormattedMessage, useIntl } from 'react-intl';
import { paths } from '../platform/routing/paths.ts';

/** The account's own pages, beside "Pay". */
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

/** The cluster's pages where the currency is also used. */
export function ElsewhereLinks({ slug }: { slug: string }) {
  const intl = useIntl();
  return (
    <nav aria-label={intl.formatMessage({ id: 'currency.wallet.elsewhere' })} className="elsewhere">
      <ul className="elsewhere__list">
        <li>
          <Link href={paths.marketplace(slug)}>
            <FormattedMessage id="currency.wallet.marketplace" />
          </Link>
        </li>
        <li>
          <Link href={paths.marketplaceOrders(slug)}>
            <FormattedMessage id="currency.wallet.orders" />
          </Link>
        </li>
        <li>
          <Link href={paths.clearing(slug)}>
            <FormattedMessage id="currency.wallet.clearing" />
          </Link>
        </li>
      </ul>
    </nav>
  );
}
