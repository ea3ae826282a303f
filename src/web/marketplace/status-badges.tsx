/** A listing's or an order's state, coloured by kind and always named in words. */
import { useMarketplaceLabels } from './listing-labels.ts';
import type { ListingStatus, OrderStatus } from './marketplace-api.ts';

/** The existing badge colours: running green, waiting amber or blue, over grey. */
const LISTING_TONES: Readonly<Record<ListingStatus, string>> = {
  active: 'active',
  paused: 'suspended',
  closed: 'left',
};

const ORDER_TONES: Readonly<Record<OrderStatus, string>> = {
  pending: 'applicant',
  delivered: 'active',
  cancelled: 'left',
};

export function ListingStatusBadge({ status }: { status: ListingStatus }) {
  const labels = useMarketplaceLabels();
  return (
    <span className={`badge badge--${LISTING_TONES[status] ?? 'left'}`}>{labels.listingStatus(status)}</span>
  );
}

export function OrderStatusBadge({ status }: { status: OrderStatus }) {
  const labels = useMarketplaceLabels();
  return (
    <span className={`badge badge--${ORDER_TONES[status] ?? 'left'}`}>{labels.orderStatus(status)}</span>
  );
}
