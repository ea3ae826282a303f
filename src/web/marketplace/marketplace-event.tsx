/** The marketplace's public events, told in plain words on the transparency page. */
import { FormattedMessage } from 'react-intl';
import type { AuditEvent } from '../transparency/audit-api.ts';

export const MARKETPLACE_EVENTS = [
  'marketplace.listing_published',
  'marketplace.listing_closed',
  'marketplace.listing_withdrawn',
];

export function MarketplaceEvent({ event }: { event: AuditEvent }) {
  if (event.action === 'marketplace.listing_closed')
    return <FormattedMessage id="marketplace.event.closed" />;
  if (event.action === 'marketplace.listing_withdrawn')
    return <FormattedMessage id="marketplace.event.withdrawn" />;
  const { kind, title } = event.payload;
  return (
    <FormattedMessage
      id="marketplace.event.published"
      values={{ kind: kind === 'offer' ? 'offer' : 'want', title: typeof title === 'string' ? title : '' }}
    />
  );
}
