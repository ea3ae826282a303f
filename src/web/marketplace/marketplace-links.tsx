/** The marketplace's own places, for those who trade: publishing, one's listings, one's orders. */
import { Link } from 'react-aria-components';
import { FormattedMessage } from 'react-intl';
import { paths } from '../platform/routing/paths.ts';

export function MarketplaceLinks({ slug, current }: { slug: string; current?: 'mine' | 'orders' | 'new' }) {
  return (
    <>
      {current !== 'new' && (
        <Link className="button" href={paths.newListing(slug)}>
          <FormattedMessage id="marketplace.publish" />
        </Link>
      )}
      {current !== 'mine' && (
        <Link className="button button--secondary" href={paths.myListings(slug)}>
          <FormattedMessage id="marketplace.mine.title" />
        </Link>
      )}
      {current !== 'orders' && (
        <Link className="button button--secondary" href={paths.marketplaceOrders(slug)}>
          <FormattedMessage id="marketplace.orders.title" />
        </Link>
      )}
    </>
  );
}
