/** A coordinator takes a listing off the marketplace, saying why; its authors are told by mail. */
import { FormattedMessage, useIntl } from 'react-intl';
import { ActionDialog } from '../currency/action-dialog.tsx';
import { type Listing, marketplaceApi, marketplaceKeys } from './marketplace-api.ts';

export function WithdrawListingDialog({ slug, listing }: { slug: string; listing: Listing }) {
  const intl = useIntl();
  const what = { title: listing.title };
  return (
    <ActionDialog
      slug={slug}
      trigger={{
        label: <FormattedMessage id="marketplace.withdraw" />,
        className: 'button button--secondary button--small',
      }}
      title={intl.formatMessage({ id: 'marketplace.withdraw.title' }, what)}
      explanation={<FormattedMessage id="marketplace.withdraw.explain" />}
      reasonHelp={<FormattedMessage id="marketplace.withdraw.reason.help" />}
      submitLabel={<FormattedMessage id="marketplace.withdraw.submit" />}
      isDestructive
      toBody={(_form, reason) => ({ reason })}
      send={(body, key) => marketplaceApi.withdraw(slug, listing.id, body.reason, key)}
      doneMessage={intl.formatMessage({ id: 'marketplace.withdraw.done' }, what)}
      refreshes={marketplaceKeys.all(slug)}
    />
  );
}
