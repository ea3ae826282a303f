/**
 * The cluster currency's home. Before it exists, a coordinator sets it up here. Afterwards
 * everyone reads what it is and its rules; a representative finds the wallets they act for, and
 * coordinators the accounts overview and the settings.
 */
import './currency.css';
import { Link } from 'react-aria-components';
import { FormattedMessage, useIntl } from 'react-intl';
import { useCluster } from '../clusters/cluster-api.ts';
import { useCatalogue } from '../platform/catalogue/use-catalogue.ts';
import { useLabels } from '../platform/catalogue/use-labels.ts';
import { ErrorAlert } from '../platform/forms/form-alert.tsx';
import { Loading } from '../platform/layout/loading.tsx';
import { Page } from '../platform/layout/page.tsx';
import { paths } from '../platform/routing/paths.ts';
import { useSession } from '../platform/session/use-session.ts';
import { useAccountName } from './account-name.ts';
import { formatBasisPoints } from './amount.ts';
import type { CurrencySettings, MyAccount } from './currency-api.ts';
import { useCurrencyOverview } from './currency-api.ts';
import { CurrencySettingsForm } from './currency-settings-form.tsx';
import { Money } from './money.tsx';

export function CurrencyPage({ slug }: { slug: string }) {
  const intl = useIntl();
  const cluster = useCluster(slug);
  const overview = useCurrencyOverview(slug);
  const catalogue = useCatalogue();
  const currency = overview.data?.currency;
  const can = overview.data?.can;
  const title = intl.formatMessage({ id: 'currency.title' });

  return (
    <Page
      title={cluster.data && overview.data ? [currency?.name ?? title, cluster.data.name] : null}
      heading={currency ? currency.name : <FormattedMessage id="currency.title" />}
      eyebrow={currency && <FormattedMessage id="currency.title" />}
      lead={<FormattedMessage id="currency.lead" />}
      actions={
        currency &&
        can?.manage && (
          <>
            <Link className="button" href={paths.currencyAccounts(slug)}>
              <FormattedMessage id="currency.accounts.title" />
            </Link>
            <Link className="button button--secondary" href={paths.currencySettings(slug)}>
              <FormattedMessage id="currency.settings.title" />
            </Link>
          </>
        )
      }
    >
      {overview.isPending && <Loading />}
      <ErrorAlert error={overview.error ?? catalogue.error} />
      {overview.data && !currency && !can?.setUp && (
        <p className="empty-state">
          <FormattedMessage id="currency.none" />
        </p>
      )}
      {overview.data && !currency && can?.setUp && catalogue.data && (
        <section aria-labelledby="set-up-heading" className="card stack">
          <h2 id="set-up-heading">
            <FormattedMessage id="currency.setUp.title" />
          </h2>
          <p>
            <FormattedMessage id="currency.setUp.lead" />
          </p>
          <CurrencySettingsForm slug={slug} sectors={catalogue.data.sectors} />
        </section>
      )}
      {currency && overview.data && (
        <div className="two-columns">
          <MyAccounts slug={slug} accounts={overview.data.myAccounts} />
          <CurrencyFacts currency={currency} slug={slug} />
        </div>
      )}
    </Page>
  );
}

function MyAccounts({ slug, accounts }: { slug: string; accounts: readonly MyAccount[] }) {
  const session = useSession();
  const accountName = useAccountName();
  const isSignedIn = session.data?.person != null;
  return (
    <section aria-labelledby="my-accounts-heading" className="stack">
      <h2 id="my-accounts-heading">
        <FormattedMessage id="currency.myAccounts" />
      </h2>
      {accounts.length === 0 ? (
        <div className="card card--muted">
          <p>
            {isSignedIn ? (
              <FormattedMessage id="currency.myAccounts.none" />
            ) : (
              <FormattedMessage
                id="currency.myAccounts.signIn"
                values={{ link: (text) => <Link href={paths.signIn(paths.currency(slug))}>{text}</Link> }}
              />
            )}
          </p>
        </div>
      ) : (
        <ul className="item-list">
          {accounts.map((account) => (
            <li key={account.accountId}>
              <div className="item-list__main">
                <p className="item-list__title">
                  <Link href={paths.wallet(slug, account.accountId)}>{accountName(account)}</Link>
                </p>
                <p className="item-list__meta">
                  <FormattedMessage
                    id={account.kind === 'fee' ? 'currency.myAccounts.fee' : 'currency.myAccounts.member'}
                  />
                </p>
              </div>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

function CurrencyFacts({ currency, slug }: { currency: CurrencySettings; slug: string }) {
  const intl = useIntl();
  const labels = useLabels();
  return (
    <section aria-labelledby="rules-heading" className="stack">
      <h2 id="rules-heading">
        <FormattedMessage id="currency.rules" />
      </h2>
      <dl className="facts">
        <div>
          <dt>
            <FormattedMessage id="currency.settings.code" />
          </dt>
          <dd>
            {currency.symbol === currency.code ? currency.code : `${currency.code} (${currency.symbol})`}
          </dd>
        </div>
        <div>
          <dt>
            <FormattedMessage id="currency.settings.euroValue" />
          </dt>
          <dd>
            <FormattedMessage
              id="currency.euroValueIs"
              values={{
                code: currency.code,
                value: intl.formatNumber(Number(currency.euroValue), {
                  style: 'currency',
                  currency: 'EUR',
                  maximumFractionDigits: 6,
                }),
              }}
            />
          </dd>
        </div>
        <div>
          <dt>
            <FormattedMessage id="currency.settings.fee" />
          </dt>
          <dd>{formatBasisPoints(currency.feeBasisPoints, intl.locale)}</dd>
        </div>
        <div>
          <dt>
            <FormattedMessage id="currency.settings.rebalance" />
          </dt>
          <dd>
            <FormattedMessage
              id="currency.rebalanceRule"
              values={{ months: currency.rebalanceAfterMonths }}
            />
          </dd>
        </div>
        <div>
          <dt>
            <FormattedMessage id="currency.settings.growth" />
          </dt>
          <dd>
            {currency.limitGrowth ? (
              <FormattedMessage
                id="currency.growthRule"
                values={{
                  rate: formatBasisPoints(currency.limitGrowth.basisPoints, intl.locale),
                  cap: <Money minor={currency.limitGrowth.capMinor} unit={currency} />,
                }}
              />
            ) : (
              <FormattedMessage id="common.no" />
            )}
          </dd>
        </div>
        <div>
          <dt>
            <FormattedMessage id="currency.settings.clearingConfirmation" />
          </dt>
          <dd>
            <FormattedMessage id={currency.clearingNeedsConfirmation ? 'common.yes' : 'common.no'} />
          </dd>
        </div>
      </dl>
      <h3>
        <FormattedMessage id="currency.settings.limits" />
      </h3>
      <ul className="item-list">
        {currency.accountTypes.map((type) => (
          <li key={type.accountType}>
            <div className="item-list__main">
              <p className="item-list__title">{labels.sector(type.accountType)}</p>
              <p className="item-list__meta">
                <FormattedMessage
                  id="currency.limitsOfType"
                  values={{
                    limit: <Money minor={type.creditLimitMinor} unit={currency} />,
                    max:
                      type.maxBalanceMinor === null ? (
                        intl.formatMessage({ id: 'currency.noMaximum' })
                      ) : (
                        <Money minor={type.maxBalanceMinor} unit={currency} />
                      ),
                  }}
                />
              </p>
            </div>
          </li>
        ))}
      </ul>
      <p>
        <Link href={paths.transparency(slug)}>
          <FormattedMessage id="currency.seeFigures" />
        </Link>
      </p>
    </section>
  );
}
