/** The listings of the organisations the reader represents, by status, with a way to each one's page. */
import { useState } from 'react';
import { Link } from 'react-aria-components';
import { FormattedMessage } from 'react-intl';
import type { CurrencyUnit } from '../currency/amount.ts';
import { SelectField } from '../platform/forms/select-field.tsx';
import { paths } from '../platform/routing/paths.ts';
import { AccountChoice, useAccountChoice } from './account-choice.tsx';
import { useMarketplaceLabels } from './listing-labels.ts';
import { ListingPrice } from './listing-price.tsx';
import { type ListingStatus, type TradingAccount, useListings } from './marketplace-api.ts';
import { PagedResults } from './paged-results.tsx';
import { ListingStatusBadge } from './status-badges.tsx';
import { TraderPage } from './trader-gate.tsx';
import './marketplace.css';

const STATUSES: readonly ListingStatus[] = ['active', 'paused', 'closed'];

export function MyListingsPage({ slug }: { slug: string }) {
  return (
    <TraderPage slug={slug} titleId="marketplace.mine.title" leadId="marketplace.mine.lead" current="mine">
      {(overview) => <MyListings slug={slug} accounts={overview.myAccounts} unit={overview.currency} />}
    </TraderPage>
  );
}

function MyListings({
  slug,
  accounts,
  unit,
}: {
  slug: string;
  accounts: readonly TradingAccount[];
  unit: CurrencyUnit;
}) {
  const labels = useMarketplaceLabels();
  const { chosen, choose } = useAccountChoice(accounts);
  const [status, setStatus] = useState<ListingStatus>('active');
  const listings = useListings(slug, { accountId: chosen?.accountId, status }, chosen !== null);
  const items = listings.data?.pages.flatMap((page) => page.items) ?? [];
  return (
    <>
      <div className="filters list-filters">
        <AccountChoice accounts={accounts} chosen={chosen} onChoose={choose} />
        <SelectField
          label={<FormattedMessage id="marketplace.mine.status" />}
          options={STATUSES.map((code) => ({ id: code, label: labels.listingStatus(code) }))}
          value={status}
          onChange={(key) => setStatus(String(key) as ListingStatus)}
        />
      </div>
      <PagedResults
        query={listings}
        count={items.length}
        shownId="marketplace.shown"
        shownMoreId="marketplace.shownMore"
        emptyId="marketplace.mine.empty"
      >
        <ul className="item-list">
          {items.map((listing) => (
            <li key={listing.id}>
              <div className="item-list__main">
                <p className="item-list__title">
                  <Link href={paths.editListing(slug, listing.id)}>{listing.title}</Link>
                </p>
                <p className="item-list__meta">
                  {labels.kind(listing.kind)} · {labels.category(listing.category)} ·{' '}
                  <ListingPrice listing={listing} unit={unit} />
                </p>
              </div>
              <ListingStatusBadge status={listing.status} />
            </li>
          ))}
        </ul>
      </PagedResults>
    </>
  );
}
