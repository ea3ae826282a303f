/** The cluster's participatory budgets, newest first; coordinators start a new one here. */
import { Link } from 'react-aria-components';
import { FormattedDate, FormattedMessage, useIntl } from 'react-intl';
import { useCluster } from '../clusters/cluster-api.ts';
import { LoadMoreButton } from '../platform/layout/load-more-button.tsx';
import { Loading } from '../platform/layout/loading.tsx';
import { Page } from '../platform/layout/page.tsx';
import { paths } from '../platform/routing/paths.ts';
import { StatusBadge } from './budget-status.tsx';
import { type Budget, useBudgets } from './budgeting-api.ts';
import { CreateBudgetDialog } from './create-budget-dialog.tsx';
import { useMoney } from './money.ts';

export function BudgetsPage({ slug }: { slug: string }) {
  const intl = useIntl();
  const cluster = useCluster(slug);
  const budgets = useBudgets(slug);
  const items = budgets.data?.pages.flatMap((page) => page.items) ?? [];
  const mayManage = cluster.data?.viewer.can['budgeting.manage'] === true;
  const title = intl.formatMessage({ id: 'budgets.title' });
  return (
    <Page
      title={cluster.data ? [title, cluster.data.name] : null}
      heading={title}
      lead={<FormattedMessage id="budgets.lead" />}
      actions={mayManage ? <CreateBudgetDialog slug={slug} /> : undefined}
    >
      {budgets.isPending ? (
        <Loading />
      ) : items.length === 0 ? (
        <p className="empty-state">
          <FormattedMessage id="budgets.empty" />
        </p>
      ) : (
        <ul className="item-list">
          {items.map((budget) => (
            <BudgetItem key={budget.id} slug={slug} budget={budget} />
          ))}
        </ul>
      )}
      <LoadMoreButton query={budgets} />
    </Page>
  );
}

function BudgetItem({ slug, budget }: { slug: string; budget: Budget }) {
  const money = useMoney(budget.currency);
  return (
    <li>
      <div className="item-list__main">
        <Link className="item-list__title" href={paths.budget(slug, budget.id)}>
          {budget.name}
        </Link>{' '}
        <StatusBadge status={budget.status} />
      </div>
      <p className="item-list__meta">
        <FormattedMessage
          id="budgets.summary"
          values={{
            amount: money(budget.amountMinor),
            opens: <FormattedDate value={budget.opensAt} dateStyle="medium" />,
            closes: <FormattedDate value={budget.closesAt} dateStyle="medium" />,
          }}
        />
      </p>
    </li>
  );
}
