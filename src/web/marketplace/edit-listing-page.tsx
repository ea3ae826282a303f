/**
 * A listing's own page for its authors: change what it says, add or remove photos, pause it,
 * put it back, or close it for good.
 */
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { Button, Link } from 'react-aria-components';
import { FormattedMessage, useIntl } from 'react-intl';
import { useCluster } from '../clusters/cluster-api.ts';
import { useIdempotencyKey } from '../currency/use-idempotency-key.ts';
import { ErrorAlert, SuccessAlert } from '../platform/forms/form-alert.tsx';
import { announce } from '../platform/layout/announcer.tsx';
import { ConfirmActions } from '../platform/layout/confirm-actions.tsx';
import { isNotFound } from '../platform/layout/is-not-found.ts';
import { Loading } from '../platform/layout/loading.tsx';
import { ModalDialog } from '../platform/layout/modal-dialog.tsx';
import { focusMainHeading } from '../platform/layout/navigation-focus.ts';
import { NotFoundPage } from '../platform/layout/not-found-page.tsx';
import { Page } from '../platform/layout/page.tsx';
import { paths } from '../platform/routing/paths.ts';
import { ListingForm } from './listing-form.tsx';
import {
  type Listing,
  type ListingInput,
  type ListingStatus,
  marketplaceApi,
  marketplaceKeys,
  useListing,
} from './marketplace-api.ts';
import { PhotoManager } from './photo-manager.tsx';
import { ListingStatusBadge } from './status-badges.tsx';
import { TraderGate } from './trader-gate.tsx';
import './marketplace.css';

export function EditListingPage({ slug, listingId }: { slug: string; listingId: string }) {
  const intl = useIntl();
  const cluster = useCluster(slug);
  const listing = useListing(slug, listingId);
  if (isNotFound(listing.error)) return <NotFoundPage />;
  const item = listing.data;
  const title = intl.formatMessage({ id: 'marketplace.editPage.title' });
  return (
    <Page
      title={item && cluster.data ? [title, item.title, cluster.data.name] : null}
      heading={<FormattedMessage id="marketplace.editPage.title" />}
      eyebrow={item?.title}
      lead={item && <ListingStatusBadge status={item.status} />}
      actions={item?.mayEdit && <StatusActions slug={slug} listing={item} />}
      width="medium"
    >
      <TraderGate slug={slug}>
        {(overview) => (
          <>
            {listing.isPending && <Loading />}
            <ErrorAlert error={listing.error} />
            {item && !item.mayEdit && (
              <div className="alert alert--info">
                <p>
                  <FormattedMessage id="marketplace.editPage.notYours" />
                </p>
              </div>
            )}
            {item?.mayEdit && (
              <div className="stack-lg">
                <PhotoManager slug={slug} listing={item} />
                {item.status !== 'closed' && (
                  <EditForm
                    slug={slug}
                    listing={item}
                    categories={overview.categories}
                    unit={overview.currency}
                  />
                )}
              </div>
            )}
          </>
        )}
      </TraderGate>
      <p className="follow-up">
        <Link href={paths.listing(slug, listingId)}>
          <FormattedMessage id="marketplace.editPage.view" />
        </Link>{' '}
        ·{' '}
        <Link href={paths.myListings(slug)}>
          <FormattedMessage id="marketplace.mine.title" />
        </Link>
      </p>
    </Page>
  );
}

function EditForm({
  slug,
  listing,
  categories,
  unit,
}: {
  slug: string;
  listing: Listing;
  categories: readonly string[];
  unit: { code: string; symbol: string; decimals: number };
}) {
  const intl = useIntl();
  const queryClient = useQueryClient();
  const [isSaved, setSaved] = useState(false);
  const { keyFor, renew } = useIdempotencyKey();
  const save = useMutation({
    mutationFn: (change: ListingInput) => marketplaceApi.edit(slug, listing.id, change, keyFor(change)),
    onSuccess: async (updated) => {
      renew();
      queryClient.setQueryData(marketplaceKeys.listing(slug, listing.id), updated);
      await queryClient.invalidateQueries({ queryKey: marketplaceKeys.all(slug) });
      setSaved(true);
      announce(intl.formatMessage({ id: 'marketplace.editPage.saved' }));
    },
  });
  return (
    <section aria-labelledby="edit-heading" className="card">
      <h2 id="edit-heading">
        <FormattedMessage id="marketplace.editPage.details" />
      </h2>
      {isSaved && (
        <SuccessAlert>
          <p>
            <FormattedMessage id="marketplace.editPage.saved" />
          </p>
        </SuccessAlert>
      )}
      <ListingForm
        unit={unit}
        categories={categories}
        listing={listing}
        isPending={save.isPending}
        error={save.error}
        submitLabel={<FormattedMessage id="marketplace.editPage.save" />}
        onSubmit={({ kind: _kind, ...change }) => {
          setSaved(false);
          save.mutate(change);
        }}
      />
    </section>
  );
}

/** Pause, resume and close; closing is final, so it asks first. */
function StatusActions({ slug, listing }: { slug: string; listing: Listing }) {
  const intl = useIntl();
  const queryClient = useQueryClient();
  const { keyFor, renew } = useIdempotencyKey();
  const change = useMutation({
    mutationFn: (status: ListingStatus) =>
      marketplaceApi.edit(slug, listing.id, { status }, keyFor({ status })),
    onSuccess: async (updated) => {
      renew();
      queryClient.setQueryData(marketplaceKeys.listing(slug, listing.id), updated);
      await queryClient.invalidateQueries({ queryKey: marketplaceKeys.all(slug) });
      // The button that was pressed is gone with the old status: keep the keyboard on the page.
      requestAnimationFrame(focusMainHeading);
      announce(intl.formatMessage({ id: 'marketplace.status.changed' }, { status: updated.status }));
    },
  });
  if (listing.status === 'closed') return null;
  const press = (status: ListingStatus) => () => {
    if (!change.isPending) change.mutate(status);
  };
  return (
    <>
      <ErrorAlert error={change.error} />
      {listing.status === 'active' ? (
        <Button className="button button--secondary" onPress={press('paused')}>
          <FormattedMessage id="marketplace.status.pause" />
        </Button>
      ) : (
        <Button className="button" onPress={press('active')}>
          <FormattedMessage id="marketplace.status.resume" />
        </Button>
      )}
      <ModalDialog
        role="alertdialog"
        title={intl.formatMessage({ id: 'marketplace.status.closeTitle' }, { title: listing.title })}
        trigger={
          <Button className="button button--danger">
            <FormattedMessage id="marketplace.status.close" />
          </Button>
        }
      >
        {() => (
          <>
            <p>
              <FormattedMessage id="marketplace.status.closeExplain" />
            </p>
            <ConfirmActions isPending={change.isPending} onConfirm={() => change.mutate('closed')}>
              <FormattedMessage id="marketplace.status.close" />
            </ConfirmActions>
          </>
        )}
      </ModalDialog>
    </>
  );
}
