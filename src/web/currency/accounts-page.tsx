/**
 * The coordinator's view of every account: balance, limit, what it may spend, state, last
 * activity and the rebalancing flag, filtered and paged; each account can be corrected from its
 * row, and adjustments between accounts start here.
 */
import './currency.css';
import { type FormEvent, useState } from 'react';
import { Button, Checkbox, Form, Input, Label, Link, SearchField } from 'react-aria-components';
import { FormattedDate, FormattedMessage, useIntl } from 'react-intl';
import { useCluster } from '../clusters/cluster-api.ts';
import { CheckMark } from '../platform/forms/checkbox-group-field.tsx';
import { ErrorAlert } from '../platform/forms/form-alert.tsx';
import { SelectField } from '../platform/forms/select-field.tsx';
import { LoadMoreButton } from '../platform/layout/load-more-button.tsx';
import { Loading } from '../platform/layout/loading.tsx';
import { Page } from '../platform/layout/page.tsx';
import { paths } from '../platform/routing/paths.ts';
import { AccountActions } from './account-actions.tsx';
import { useAccountName } from './account-name.ts';
import { AccountStatusBadge, RebalancingBadge, useStatusLabel } from './account-status.tsx';
import { AdjustmentDialog } from './adjustment-dialog.tsx';
import {
  type AccountListFilter,
  type AccountStatus,
  useAccounts,
  useCurrencyOverview,
} from './currency-api.ts';
import { Money } from './money.tsx';
import { TableRegion } from './table-region.tsx';

const ALL = 'all';
const STATUSES: readonly AccountStatus[] = ['active', 'frozen', 'closing', 'closed'];

export function CurrencyAccountsPage({ slug }: { slug: string }) {
  const intl = useIntl();
  const cluster = useCluster(slug);
  const overview = useCurrencyOverview(slug);
  const accountName = useAccountName();
  const statusLabel = useStatusLabel();
  const [filter, setFilter] = useState<AccountListFilter>({});
  const [search, setSearch] = useState('');
  const [status, setStatus] = useState<string>(ALL);
  const [needsRebalancing, setNeedsRebalancing] = useState(false);
  const mayManage = overview.data?.can.manage === true;
  const accounts = useAccounts(slug, filter, mayManage);
  const items = accounts.data?.pages.flatMap((page) => page.items) ?? [];
  const currency = overview.data?.currency;
  const title = intl.formatMessage({ id: 'currency.accounts.title' });
  const fee = overview.data?.myAccounts.find((account) => account.kind === 'fee');

  const apply = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    setFilter({
      q: search.trim() || undefined,
      status: STATUSES.find((s) => s === status),
      needsRebalancing: needsRebalancing || undefined,
    });
  };

  return (
    <Page
      title={cluster.data ? [title, cluster.data.name] : null}
      heading={<FormattedMessage id="currency.accounts.title" />}
      eyebrow={currency?.name}
      lead={<FormattedMessage id="currency.accounts.lead" />}
      actions={
        currency &&
        mayManage && (
          <>
            <AdjustmentDialog
              slug={slug}
              unit={currency}
              feeAccount={fee ? { accountId: fee.accountId, name: accountName(fee), status: 'active' } : null}
            />
            <Link className="button button--secondary" href={paths.currencySettings(slug)}>
              <FormattedMessage id="currency.settings.title" />
            </Link>
          </>
        )
      }
    >
      {overview.isPending && <Loading />}
      <ErrorAlert error={overview.error} />
      {overview.data && !mayManage && (
        <div className="alert alert--info">
          <p>
            <FormattedMessage id="currency.accounts.notAllowed" />
          </p>
        </div>
      )}
      {currency && mayManage && (
        <>
          <Form
            className="filters"
            role="search"
            aria-label={intl.formatMessage({ id: 'currency.accounts.filters' })}
            onSubmit={apply}
          >
            <SearchField className="field" value={search} onChange={setSearch}>
              <Label className="field__label">
                <FormattedMessage id="currency.accounts.search" />
              </Label>
              <Input maxLength={100} />
            </SearchField>
            <SelectField
              label={<FormattedMessage id="currency.status" />}
              options={[
                { id: ALL, label: intl.formatMessage({ id: 'directory.all' }) },
                ...STATUSES.map((s) => ({ id: s, label: statusLabel(s) })),
              ]}
              value={status}
              onChange={(key) => setStatus(String(key))}
            />
            <Checkbox className="checkbox" isSelected={needsRebalancing} onChange={setNeedsRebalancing}>
              {({ isSelected }) => (
                <>
                  <span className="checkbox__box">{isSelected && <CheckMark />}</span>
                  <FormattedMessage id="currency.accounts.onlyRebalancing" />
                </>
              )}
            </Checkbox>
            <Button type="submit" className="button button--secondary">
              <FormattedMessage id="currency.history.apply" />
            </Button>
          </Form>
          <ErrorAlert error={accounts.error} />
          {accounts.isPending ? (
            <Loading />
          ) : (
            <p className="muted" role="status">
              <FormattedMessage
                id={accounts.hasNextPage ? 'currency.accounts.shownMore' : 'currency.accounts.shown'}
                values={{ count: items.length }}
              />
            </p>
          )}
          {items.length > 0 && (
            <TableRegion label={title}>
              <table className="table accounts-table">
                <caption className="visually-hidden">{title}</caption>
                <thead>
                  <tr>
                    <th scope="col">
                      <FormattedMessage id="currency.accounts.account" />
                    </th>
                    <th scope="col" className="table__number">
                      <FormattedMessage id="currency.balance" />
                    </th>
                    <th scope="col" className="table__number">
                      <FormattedMessage id="currency.creditLimit" />
                    </th>
                    <th scope="col" className="table__number">
                      <FormattedMessage id="currency.available" />
                    </th>
                    <th scope="col">
                      <FormattedMessage id="currency.status" />
                    </th>
                    <th scope="col">
                      <FormattedMessage id="currency.accounts.lastActivity" />
                    </th>
                    <th scope="col">
                      <FormattedMessage id="currency.accounts.actions" />
                    </th>
                  </tr>
                </thead>
                <tbody>
                  {items.map((account) => (
                    <tr key={account.id}>
                      <th scope="row">
                        <Link href={paths.wallet(slug, account.id)}>{accountName(account)}</Link>
                        {account.hasOwnLimit && (
                          <span className="muted small block">
                            <FormattedMessage id="currency.accounts.ownLimit" />
                          </span>
                        )}
                      </th>
                      <td className="table__number">
                        <Money minor={account.balanceMinor} unit={currency} />
                      </td>
                      <td className="table__number">
                        <Money minor={account.creditLimitMinor} unit={currency} />
                      </td>
                      <td className="table__number">
                        <Money minor={account.availableMinor} unit={currency} />
                      </td>
                      <td>
                        <div className="badge-list">
                          <AccountStatusBadge status={account.status} />
                          {account.needsRebalancing && <RebalancingBadge />}
                        </div>
                      </td>
                      <td>
                        {account.lastTransferAt ? (
                          <time dateTime={account.lastTransferAt}>
                            <FormattedDate value={account.lastTransferAt} dateStyle="medium" />
                          </time>
                        ) : (
                          <FormattedMessage id="currency.accounts.never" />
                        )}
                      </td>
                      <td>
                        {account.kind === 'member' && (
                          <AccountActions slug={slug} account={account} unit={currency} />
                        )}
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </TableRegion>
          )}
          <LoadMoreButton query={accounts} />
        </>
      )}
    </Page>
  );
}
