/**
 * The marketplace of the cluster: members' offers and wants, newest first, found by words, kind,
 * category and price; "load more" pages on. Anyone who may read the cluster may search it.
 */
import { useState } from 'react';
import { Form, Input, Label, Link, SearchField } from 'react-aria-components';
import { FormattedMessage, useIntl } from 'react-intl';
import { useCluster } from '../clusters/cluster-api.ts';
import { parseAmount } from '../currency/amount.ts';
import { AmountField } from '../currency/amount-field.tsx';
import { ErrorAlert } from '../platform/forms/form-alert.tsx';
import { readForm } from '../platform/forms/read-form.ts';
import { SelectField } from '../platform/forms/select-field.tsx';
import { SubmitButton } from '../platform/forms/submit-button.tsx';
import { Loading } from '../platform/layout/loading.tsx';
import { Page } from '../platform/layout/page.tsx';
import { paths } from '../platform/routing/paths.ts';
import { ListingCard } from './listing-card.tsx';
import { useMarketplaceLabels } from './listing-labels.ts';
import { type ListingFilter, type ListingKind, useListings, useMarketplace } from './marketplace-api.ts';
import { MarketplaceLinks } from './marketplace-links.tsx';
import { PagedResults } from './paged-results.tsx';
import './marketplace.css';

const ALL = 'all';

export function MarketplacePage({ slug }: { slug: string }) {
  const intl = useIntl();
  const labels = useMarketplaceLabels();
  const cluster = useCluster(slug);
  const overview = useMarketplace(slug);
  const [filter, setFilter] = useState<ListingFilter>({});
  const [kind, setKind] = useState<string>(ALL);
  const [category, setCategory] = useState<string>(ALL);
  const currency = overview.data?.currency ?? null;
  const listings = useListings(slug, filter, currency !== null);
  const items = listings.data?.pages.flatMap((page) => page.items) ?? [];
  const profile = cluster.data;
  const title = intl.formatMessage({ id: 'marketplace.title' });
  const allOption = { id: ALL, label: intl.formatMessage({ id: 'marketplace.filter.all' }) };

  const search = (event: React.FormEvent<HTMLFormElement>) => {
    if (!currency) return;
    const form = readForm(event);
    const price = (name: string) => {
      const parsed = parseAmount(form.text(name), currency.decimals, intl.locale, { allowZero: true });
      return parsed.ok ? parsed.minor : undefined;
    };
    setFilter({
      q: form.text('q').trim() || undefined,
      kind: kind === ALL ? undefined : (kind as ListingKind),
      category: category === ALL ? undefined : category,
      minPriceMinor: price('minPrice'),
      maxPriceMinor: price('maxPrice'),
    });
  };

  return (
    <Page
      title={profile ? [title, profile.name] : null}
      heading={<FormattedMessage id="marketplace.title" />}
      lead={
        currency ? <FormattedMessage id="marketplace.lead" values={{ currency: currency.name }} /> : undefined
      }
      actions={overview.data?.can.trade && <MarketplaceLinks slug={slug} />}
    >
      <ErrorAlert error={overview.error} />
      {overview.isPending && <Loading />}
      {overview.data && !currency && (
        <p className="empty-state">
          <FormattedMessage
            id="marketplace.noCurrency"
            values={{ link: (text) => <Link href={paths.currency(slug)}>{text}</Link> }}
          />
        </p>
      )}
      {currency && overview.data && (
        <>
          <Form
            className="filters marketplace-filters"
            role="search"
            aria-label={intl.formatMessage({ id: 'marketplace.filters' })}
            onSubmit={search}
          >
            <SearchField className="field" name="q" defaultValue={filter.q ?? ''} maxLength={100}>
              <Label className="field__label">
                <FormattedMessage id="marketplace.filter.text" />
              </Label>
              <Input />
            </SearchField>
            <SelectField
              label={<FormattedMessage id="marketplace.filter.kind" />}
              options={[
                allOption,
                { id: 'offer', label: intl.formatMessage({ id: 'marketplace.kind.offers' }) },
                { id: 'want', label: intl.formatMessage({ id: 'marketplace.kind.wants' }) },
              ]}
              value={kind}
              onChange={(key) => setKind(String(key))}
            />
            <SelectField
              label={<FormattedMessage id="marketplace.filter.category" />}
              options={[allOption, ...labels.categoryOptions(overview.data.categories)]}
              value={category}
              onChange={(key) => setCategory(String(key))}
            />
            <AmountField
              name="minPrice"
              unit={currency}
              allowZero
              description={
                <FormattedMessage id="marketplace.filter.priceHelp" values={{ code: currency.code }} />
              }
              label={<FormattedMessage id="marketplace.filter.minPrice" />}
            />
            <AmountField
              name="maxPrice"
              unit={currency}
              allowZero
              description={
                <FormattedMessage id="marketplace.filter.priceHelp" values={{ code: currency.code }} />
              }
              label={<FormattedMessage id="marketplace.filter.maxPrice" />}
            />
            <SubmitButton variant="secondary">
              <FormattedMessage id="marketplace.filter.apply" />
            </SubmitButton>
          </Form>

          <PagedResults
            query={listings}
            count={items.length}
            shownId="marketplace.shown"
            shownMoreId="marketplace.shownMore"
            emptyId="marketplace.empty"
          >
            <ul className="listing-grid">
              {items.map((listing) => (
                <li key={listing.id}>
                  <ListingCard slug={slug} listing={listing} unit={currency} lang={profile?.defaultLocale} />
                </li>
              ))}
            </ul>
          </PagedResults>
        </>
      )}
    </Page>
  );
}
