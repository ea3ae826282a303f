/**
 * An organisation's wallet: balance, credit limit, what it may still spend and what is reserved,
 * its state explained, income and spending over the last twelve months, the history with the
 * running balance, and every change to its limits with the reason. Coordinators see the same
 * wallet with their corrections beside it.
 */
import './currency.css';
import { Link } from 'react-aria-components';
import { FormattedMessage, useIntl } from 'react-intl';
import { ErrorAlert } from '../platform/forms/form-alert.tsx';
import { Loading } from '../platform/layout/loading.tsx';
import { Page } from '../platform/layout/page.tsx';
import { paths } from '../platform/routing/paths.ts';
import { AccountActions } from './account-actions.tsx';
import { AccountNotices, AccountStatusBadge } from './account-status.tsx';
import { ActivityChart } from './activity-chart.tsx';
import type { CurrencyUnit } from './amount.ts';
import type { Wallet } from './currency-api.ts';
import { HistorySection } from './history-section.tsx';
import { LimitChangeLog } from './limit-change-log.tsx';
import { Money } from './money.tsx';
import { useAccountPage } from './use-account-page.ts';
import { ElsewhereLinks, WalletLinks } from './wallet-links.tsx';

export function WalletPage({ slug, accountId }: { slug: string; accountId: string }) {
  const intl = useIntl();
  const page = useAccountPage(slug, accountId);
  const { currency, name, wallet: account } = page;
  const mayManage = page.overview?.can.manage === true;
  const mayPay = account?.mayAct === true && (account.status === 'active' || account.status === 'closing');

  return (
    <Page
      title={
        page.clusterName && name
          ? [name, intl.formatMessage({ id: 'currency.wallet.title' }), page.clusterName]
          : null
      }
      heading={name ?? <FormattedMessage id="currency.wallet.title" />}
      eyebrow={
        currency && (
          <FormattedMessage
            id="currency.wallet.eyebrow"
            values={{ currency: currency.name, code: currency.code }}
          />
        )
      }
      actions={
        account &&
        currency && (
          <>
            {mayPay && (
              <Link className="button" href={paths.pay(slug, account.id)}>
                <FormattedMessage id="currency.pay.open" />
              </Link>
            )}
            {account.mayAct && <WalletLinks slug={slug} accountId={account.id} />}
            {mayManage && (
              <Link className="button button--secondary" href={paths.currencyAccounts(slug)}>
                <FormattedMessage id="currency.accounts.title" />
              </Link>
            )}
          </>
        )
      }
    >
      {page.isPending && <Loading />}
      <ErrorAlert error={page.error} />
      {account && currency && (
        <div className="stack-lg">
          <AccountNotices account={account} rebalanceAfterMonths={currency.rebalanceAfterMonths} />
          <WalletFigures account={account} unit={currency} />
          {account.mayAct && <ElsewhereLinks slug={slug} />}
          {mayManage && account.kind === 'member' && (
            <section aria-labelledby="manage-heading" className="card card--muted stack">
              <h2 id="manage-heading">
                <FormattedMessage id="currency.wallet.manage" />
              </h2>
              <AccountActions slug={slug} account={account} unit={currency} />
            </section>
          )}
          <ActivityChart slug={slug} accountId={account.id} unit={currency} />
          <HistorySection slug={slug} accountId={account.id} unit={currency} mayReverse={mayManage} />
          <LimitChangeLog changes={account.limitChanges} unit={currency} />
        </div>
      )}
    </Page>
  );
}

function WalletFigures({ account, unit }: { account: Wallet; unit: CurrencyUnit }) {
  return (
    <section aria-labelledby="figures-heading">
      <h2 id="figures-heading" className="visually-hidden">
        <FormattedMessage id="currency.wallet.figures" />
      </h2>
      <dl className="facts wallet-figures">
        <div className="stat">
          <dt className="stat__label">
            <FormattedMessage id="currency.balance" />
          </dt>
          <dd className="stat__value">
            <Money minor={account.balanceMinor} unit={unit} />
          </dd>
        </div>
        <div className="stat">
          <dt className="stat__label">
            <FormattedMessage id="currency.available" />
          </dt>
          <dd className="stat__value">
            <Money minor={account.availableMinor} unit={unit} />
          </dd>
        </div>
        <div className="stat">
          <dt className="stat__label">
            <FormattedMessage id="currency.creditLimit" />
          </dt>
          <dd>
            <Money minor={account.creditLimitMinor} unit={unit} />
          </dd>
        </div>
        <div className="stat">
          <dt className="stat__label">
            <FormattedMessage id="currency.maxBalance" />
          </dt>
          <dd>
            {account.maxBalanceMinor === null ? (
              <FormattedMessage id="currency.noMaximum" />
            ) : (
              <Money minor={account.maxBalanceMinor} unit={unit} />
            )}
          </dd>
        </div>
        <div className="stat">
          <dt className="stat__label">
            <FormattedMessage id="currency.reserved" />
          </dt>
          <dd>
            <Money minor={account.pendingDebitMinor} unit={unit} />
          </dd>
        </div>
        <div className="stat">
          <dt className="stat__label">
            <FormattedMessage id="currency.incoming" />
          </dt>
          <dd>
            <Money minor={account.pendingCreditMinor} unit={unit} />
          </dd>
        </div>
        <div className="stat">
          <dt className="stat__label">
            <FormattedMessage id="currency.status" />
          </dt>
          <dd>
            <AccountStatusBadge status={account.status} />
          </dd>
        </div>
      </dl>
    </section>
  );
}
