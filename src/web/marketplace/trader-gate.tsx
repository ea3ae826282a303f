/**
 * What a page for traders shows before its content: loading, the sign-in prompt, or why the reader
 * cannot trade here (no currency yet, no mandate for a member organisation).
 */
import type { ReactNode } from 'react';
import { Link } from 'react-aria-components';
import { FormattedMessage, useIntl } from 'react-intl';
import { useCluster } from '../clusters/cluster-api.ts';
import type { CurrencyUnit } from '../currency/amount.ts';
import { ErrorAlert } from '../platform/forms/form-alert.tsx';
import type { MessageId } from '../platform/i18n/message-ids.ts';
import { Loading } from '../platform/layout/loading.tsx';
import { Page } from '../platform/layout/page.tsx';
import { paths } from '../platform/routing/paths.ts';
import { SignInRequired } from '../platform/session/sign-in-required.tsx';
import { useSession } from '../platform/session/use-session.ts';
import { type MarketplaceOverview, useMarketplace } from './marketplace-api.ts';
import { MarketplaceLinks } from './marketplace-links.tsx';

interface Props {
  readonly slug: string;
  readonly children: (
    overview: MarketplaceOverview & { currency: CurrencyUnit & { name: string } },
  ) => ReactNode;
}

export function TraderGate({ slug, children }: Props) {
  const session = useSession();
  const overview = useMarketplace(slug);
  if (session.data && !session.data.person) return <SignInRequired />;
  if (overview.isPending || session.isPending) return <Loading />;
  if (overview.error) return <ErrorAlert error={overview.error} />;
  const data = overview.data;
  if (!data.currency) {
    return (
      <p className="empty-state">
        <FormattedMessage
          id="marketplace.noCurrency"
          values={{ link: (text) => <Link href={paths.currency(slug)}>{text}</Link> }}
        />
      </p>
    );
  }
  if (!data.can.trade) {
    return (
      <div className="alert alert--info">
        <p>
          <FormattedMessage id="marketplace.notTrader" />
        </p>
      </div>
    );
  }
  return <>{children({ ...data, currency: data.currency })}</>;
}

interface PageProps extends Props {
  readonly titleId: MessageId;
  readonly leadId: MessageId;
  /** The marketplace link this page is (left out of the page's actions). */
  readonly current: 'mine' | 'orders' | 'new';
  readonly width?: 'medium' | 'wide';
}

/** A marketplace page for traders: its title and lead, the other marketplace links, then the gate. */
export function TraderPage({ slug, titleId, leadId, current, width, children }: PageProps) {
  const intl = useIntl();
  const cluster = useCluster(slug);
  const title = intl.formatMessage({ id: titleId });
  return (
    <Page
      title={cluster.data ? [title, cluster.data.name] : null}
      heading={title}
      lead={<FormattedMessage id={leadId} />}
      actions={current !== 'new' && <MarketplaceLinks slug={slug} current={current} />}
      width={width}
    >
      <TraderGate slug={slug}>{children}</TraderGate>
    </Page>
  );
}
