/**
 * The frame of a page under one wallet (its payment requests, its recurring payments): the
 * account's name above the heading, the way back to the wallet, and — once the currency and the
 * wallet are loaded — the page's own content.
 */
import './payment-requests.css';
import type { ReactNode } from 'react';
import { Link } from 'react-aria-components';
import { FormattedMessage, useIntl } from 'react-intl';
import type { CurrencyUnit } from '../currency/amount.ts';
import type { Wallet } from '../currency/currency-api.ts';
import { useAccountPage } from '../currency/use-account-page.ts';
import { ErrorAlert } from '../platform/forms/form-alert.tsx';
import type { MessageId } from '../platform/i18n/message-ids.ts';
import { Loading } from '../platform/layout/loading.tsx';
import { Page } from '../platform/layout/page.tsx';
import { paths } from '../platform/routing/paths.ts';

interface Props {
  readonly slug: string;
  readonly accountId: string;
  readonly titleId: MessageId;
  readonly leadId: MessageId;
  readonly children: (loaded: { unit: CurrencyUnit; wallet: Wallet }) => ReactNode;
}

export function WalletSubpage({ slug, accountId, titleId, leadId, children }: Props) {
  const intl = useIntl();
  const { clusterName, currency, wallet, name, isPending, error } = useAccountPage(slug, accountId);
  const title = intl.formatMessage({ id: titleId });

  return (
    <Page
      title={clusterName && name ? [title, name, clusterName] : null}
      heading={title}
      eyebrow={name}
      lead={<FormattedMessage id={leadId} />}
      actions={
        <Link className="button button--secondary" href={paths.wallet(slug, accountId)}>
          <FormattedMessage id="currency.backToWallet" />
        </Link>
      }
    >
      {isPending && <Loading />}
      <ErrorAlert error={error} />
      {currency && wallet && <div className="stack-lg">{children({ unit: currency, wallet })}</div>}
    </Page>
  );
}
