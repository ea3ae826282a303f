/** One listing in the search results: its photo, what and for how much, from whom and where. */
import { Link } from 'react-aria-components';
import type { CurrencyUnit } from '../currency/amount.ts';
import { paths } from '../platform/routing/paths.ts';
import { useMarketplaceLabels } from './listing-labels.ts';
import { ListingPrice } from './listing-price.tsx';
import { type ListingCard as Card, photoUrl } from './marketplace-api.ts';
import { ListingStatusBadge } from './status-badges.tsx';

interface Props {
  readonly slug: string;
  readonly listing: Card;
  readonly unit: CurrencyUnit;
  /** The cluster's main language, in which members write their listings. */
  readonly lang?: string;
}

export function ListingCard({ slug, listing, unit, lang }: Props) {
  const labels = useMarketplaceLabels();
  return (
    <article className="card listing-card">
      {listing.coverPhoto && (
        <img
          className="listing-card__photo"
          src={photoUrl(slug, listing.id, listing.coverPhoto.id, 'card')}
          alt={listing.coverPhoto.altText}
          lang={lang}
          loading="lazy"
        />
      )}
      <p className="listing-card__eyebrow">
        <span className={`badge listing-kind listing-kind--${listing.kind}`}>
          {labels.kind(listing.kind)}
        </span>{' '}
        {labels.category(listing.category)}
        {listing.status !== 'active' && (
          <>
            {' '}
            <ListingStatusBadge status={listing.status} />
          </>
        )}
      </p>
      <h2 className="listing-card__title" lang={lang}>
        <Link href={paths.listing(slug, listing.id)}>{listing.title}</Link>
      </h2>
      <p className="listing-card__price">
        <ListingPrice listing={listing} unit={unit} />
      </p>
      <p className="listing-card__meta">
        {listing.organisationName}
        {listing.location && (
          <>
            {' · '}
            <span lang={lang}>{listing.location}</span>
          </>
        )}
      </p>
      {listing.summary && (
        <p className="listing-card__summary" lang={lang}>
          {listing.summary}
        </p>
      )}
    </article>
  );
}
