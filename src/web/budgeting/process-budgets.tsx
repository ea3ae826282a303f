/**
 * The participatory budgets of a process, on the process's page: the way from its ideas to the
 * vote. Coordinators set a new one up for the process here.
 */
import { Link } from 'react-aria-components';
import { FormattedMessage } from 'react-intl';
import { useCluster } from '../clusters/cluster-api.ts';
import { ErrorAlert } from '../platform/forms/form-alert.tsx';
import { LoadMoreButton } from '../platform/layout/load-more-button.tsx';
import { paths } from '../platform/routing/paths.ts';
import { StatusBadge } from './budget-status.tsx';
import { type Budget, useBudgets } from './budgeting-api.ts';
import { CreateBudgetDialog } from './create-budget-dialog.tsx';
import { useMoney } from './money.ts';

export function ProcessBudgets({ slug, processId }: { slug: string; processId: string }) {
  const cluster = useCluster(slug);
  const budgets = useBudgets(slug, processId);
  const items = budgets.data?.pages.flatMap((page) => page.items) ?? [];
  const mayManage = cluster.data?.viewer.can['budgeting.manage'] === true;
  if (items.length === 0 && !mayManage) return null;
  return (
    <section aria-labelledby="process-budgets-heading">
      <h2 id="process-budgets-heading">
        <FormattedMessage id="budget.process.title" />
      </h2>
      <ErrorAlert error={budgets.error} />
      {budgets.isSuccess && items.length === 0 ? (
        <p className="participation-empty">
          <FormattedMessage id="budget.process.empty" />
        </p>
      ) : (
        <ul className="participation-plain-list">
          {items.map((budget) => (
            <BudgetLine key={budget.id} slug={slug} budget={budget} />
          ))}
        </ul>
      )}
      <LoadMoreButton query={budgets} />
      {mayManage && (
        <p>
          <CreateBudgetDialog slug={slug} processId={processId} />
        </p>
      )}
    </section>
  );
}

function BudgetLine({ slug, budget }: { slug: string; budget: Budget }) {
  const money = useMoney(budget.currency);
  return (
    <li>
      <Link href={paths.budget(slug, budget.id)}>{budget.name}</Link>{' '}
      <span className="muted">{money(budget.amountMinor)}</span> <StatusBadge status={budget.status} />
    </li>
  );
}
