/** A budget's state as a badge, and its rule in words. */
import { FormattedMessage } from 'react-intl';
import type { BudgetStatus } from './budgeting-api.ts';

export function StatusBadge({ status }: { status: BudgetStatus }) {
  return (
    <span className={`badge ${status === 'open' ? 'badge--active' : ''}`}>
      <FormattedMessage id={`budget.status.${status}`} />
    </span>
  );
}
