/**
 * One listing: its photos (each with its description for screen readers), what it is, its price,
 * who offers it and where; for members of the cluster, the answer form and — for an offer priced in
 * the currency — the order dialog; for its authors, the answers received and a way to edit it.
 */
import { useState } from 'react';
import { Link } from 'react-aria-components';
import { FormattedMessage } from 'react-intl';
import { useCluster } from '../clusters/cluster-api.ts';
import { ErrorAlert, SuccessAlert } from '../platform/forms/form-alert.tsx';
import { DateTime } from '../platform/i18n/iso-date.tsx';
import { isNotFound } from '../platform/layout/is-not-found.ts';
import { Loading } from '../platform/layout/loading.tsx';
import { NotFoundPage } from '../platform/layout/not-found-page.tsx';
import { Page } from '../platform/layout/page.tsx';
import { paths } from '../platform/routing/paths.ts';
import { useSession } from '../platform/session/use-session.ts';
import { AnswersSection } from './answers-section.tsx';
import { useMarketplaceLabels } from './listing-labels.ts';
import { ListingPrice } from './listing-price.tsx';
import { type Listing, type Order, photoUrl, useListing, useMarketplace } from './marketplace-api.ts';
import { OrderDialog } from './order-dialog.tsx';
import { ListingStatusBadge } from './status-badges.tsx';
import { WithdrawListingDialog } from './withdraw-listing-dialog.tsx';
import './marketplace.css';

export function ListingPage({ slug, listingId }: { slug: string; listingId: string }) {
  const cluster = useCluster(slug);
  const overview = useMarketplace(slug);
  const listing = useListing(slug, listingId);
  const session = useSession();
  const labels = useMarketplaceLabels();
  const [placed, setPlaced] = useState<Order | null>(null);
  if (isNotFound(listing.error)) return <NotFoundPage />;
  const item = listing.data;
  const profile = cluster.data;
  const currency = overview.data?.currency ?? null;
  const accounts = overview.data?.myAccounts ?? [];
  const lang = profile?.defaultLocale;
  const mayOrder =
    item !== undefined &&
    !item.mayEdit &&
    item.kind === 'offer' &&
    item.status === 'active' &&
    item.priceMinor !== null &&
    accounts.length > 0;

  return (
    <Page
      title={item && profile ? [item.title, profile.name] : null}
      heading={item ? <span lang={lang}>{item.title}</span> : <FormattedMessage id="common.loading" />}
      eyebrow={item && `${labels.kind(item.kind)} · ${labels.category(item.category)}`}
      lead={item && item.status !== 'active' && <ListingStatusBadge status={item.status} />}
      actions={
        item?.mayEdit ? (
          <Link className="button" href={paths.editListing(slug, item.id)}>
            <FormattedMessage id="marketplace.edit" />
          </Link>
        ) : (
          item &&
          item.status !== 'closed' &&
          overview.data?.can.moderate && <WithdrawListingDialog slug={slug} listing={item} />
        )
      }
    >
      {(listing.isPending || overview.isPending) && <Loading />}
      <ErrorAlert error={listing.error ?? overview.error} />
      {placed && (
        <div className="listing-notice">
          <SuccessAlert>
            <p>
              <FormattedMessage
                id="marketplace.order.placed"
                values={{
                  title: placed.listingTitle,
                  link: (text) => <Link href={paths.marketplaceOrders(slug)}>{text}</Link>,
                }}
              />
            </p>
          </SuccessAlert>
        </div>
      )}
      {item && currency && (
        <div className="two-columns">
          <div className="stack-lg">
            {item.photos.length > 0 && <Photos slug={slug} listing={item} lang={lang} />}
            <section aria-labelledby="listing-details-heading">
              <h2 id="listing-details-heading">
                <FormattedMessage id="marketplace.details" />
              </h2>
              {item.description && (
                <p className="keep-lines prose" lang={lang}>
                  {item.description}
                </p>
              )}
              <dl className="facts">
                <div>
                  <dt>
                    <FormattedMessage id="marketplace.price" />
                  </dt>
                  <dd>
                    <ListingPrice listing={item} unit={currency} />
                  </dd>
                </div>
                <div>
                  <dt>
                    <FormattedMessage
                      id={item.kind === 'offer' ? 'marketplace.offeredBy' : 'marketplace.wantedBy'}
                    />
                  </dt>
                  <dd>
                    {item.organisationId ? (
                      <Link href={paths.organisation(slug, item.organisationId)}>
                        {item.organisationName}
                      </Link>
                    ) : (
                      item.organisationName
                    )}
                  </dd>
                </div>
                {item.location && (
                  <div>
                    <dt>
                      <FormattedMessage id="marketplace.location" />
                    </dt>
                    <dd lang={lang}>{item.location}</dd>
                  </div>
                )}
                <div>
                  <dt>
                    <FormattedMessage id="marketplace.published" />
                  </dt>
                  <dd>
                    <DateTime value={item.createdAt} />
                  </dd>
                </div>
              </dl>
            </section>
          </div>
          <div className="stack-lg">
            {mayOrder && item.priceMinor !== null && (
              <section aria-labelledby="order-heading" className="card">
                <h2 id="order-heading">
                  <FormattedMessage id="marketplace.order.heading" />
                </h2>
                <p>
                  <FormattedMessage id="marketplace.order.lead" values={{ code: currency.code }} />
                </p>
                <OrderDialog
                  slug={slug}
                  listing={{ ...item, priceMinor: item.priceMinor }}
                  unit={currency}
                  accounts={accounts}
                  onOrdered={setPlaced}
                />
              </section>
            )}
            {accounts.length > 0 ? (
              <AnswersSection slug={slug} listing={item} accounts={accounts} />
            ) : (
              session.data &&
              !session.data.person && (
                <p className="card card--muted">
                  <FormattedMessage
                    id="marketplace.signInToTrade"
                    values={{
                      link: (text) => <Link href={paths.signIn(paths.listing(slug, item.id))}>{text}</Link>,
                    }}
                  />
                </p>
              )
            )}
          </div>
        </div>
      )}
      <p className="follow-up">
        <Link href={paths.marketplace(slug)}>
          <FormattedMessage id="marketplace.backToSearch" />
        </Link>
      </p>
    </Page>
  );
}

function Photos({ slug, listing, lang }: { slug: string; listing: Listing; lang?: string }) {
  return (
    <ul className="listing-photos">
      {listing.photos.map((photo) => (
        <li key={photo.id}>
          <img src={photoUrl(slug, listing.id, photo.id)} alt={photo.altText} lang={lang} />
        </li>
      ))}
    </ul>
  );
}
