/** Publishing an offer or a want for an organisation the reader represents; photos come next. */
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useRouter } from '@tanstack/react-router';
import { FormattedMessage, useIntl } from 'react-intl';
import { useIdempotencyKey } from '../currency/use-idempotency-key.ts';
import { announce } from '../platform/layout/announcer.tsx';
import { paths } from '../platform/routing/paths.ts';
import { AccountChoice, useAccountChoice } from './account-choice.tsx';
import { ListingForm } from './listing-form.tsx';
import {
  type ListingInput,
  type ListingKind,
  marketplaceApi,
  marketplaceKeys,
  type TradingAccount,
} from './marketplace-api.ts';
import { MarketplaceLinks } from './marketplace-links.tsx';
import { TraderPage } from './trader-gate.tsx';
import './marketplace.css';

export function NewListingPage({ slug }: { slug: string }) {
  return (
    <TraderPage
      slug={slug}
      titleId="marketplace.new.title"
      leadId="marketplace.new.lead"
      current="new"
      width="medium"
    >
      {(overview) => (
        <NewListingForm
          slug={slug}
          accounts={overview.myAccounts}
          categories={overview.categories}
          unit={overview.currency}
        />
      )}
    </TraderPage>
  );
}

function NewListingForm({
  slug,
  accounts,
  categories,
  unit,
}: {
  slug: string;
  accounts: readonly TradingAccount[];
  categories: readonly string[];
  unit: { code: string; symbol: string; decimals: number };
}) {
  const intl = useIntl();
  const router = useRouter();
  const queryClient = useQueryClient();
  const { chosen, choose } = useAccountChoice(accounts);
  const { keyFor } = useIdempotencyKey();
  const publish = useMutation({
    mutationFn: (input: ListingInput & { kind: ListingKind; accountId: string }) =>
      marketplaceApi.publish(slug, input, keyFor(input)),
    onSuccess: async (listing) => {
      queryClient.setQueryData(marketplaceKeys.listing(slug, listing.id), listing);
      await queryClient.invalidateQueries({ queryKey: marketplaceKeys.all(slug) });
      await router.navigate({ href: paths.editListing(slug, listing.id) });
      announce(intl.formatMessage({ id: 'marketplace.new.done' }, { title: listing.title }));
    },
  });
  return (
    <>
      <ListingForm
        unit={unit}
        categories={categories}
        isPending={publish.isPending}
        error={publish.error}
        submitLabel={<FormattedMessage id="marketplace.new.submit" />}
        onSubmit={(input) => {
          if (chosen) publish.mutate({ ...input, accountId: chosen.accountId });
        }}
      >
        <AccountChoice accounts={accounts} chosen={chosen} onChoose={choose} />
      </ListingForm>
      <div className="button-row follow-up">
        <MarketplaceLinks slug={slug} current="new" />
      </div>
    </>
  );
}
