/** One budget project an idea became: in which budget, at what cost, and how the vote treated it. */
import { Link } from 'react-aria-components';
import { FormattedMessage } from 'react-intl';
import { useMoney } from '../budgeting/money.ts';
import { paths } from '../platform/routing/paths.ts';
import type { TrailBudgetProject } from './participation-api.ts';

export function BudgetProjectLine({ slug, project }: { slug: string; project: TrailBudgetProject }) {
  const money = useMoney(project.currency);
  return (
    <FormattedMessage
      id="participation.trail.budgetProject"
      values={{
        budget: project.budgetName,
        title: project.title,
        cost: money(project.costMinor),
        standing: project.standing,
        link: (chunks) => <Link href={paths.budget(slug, project.budgetId)}>{chunks}</Link>,
      }}
    />
  );
}
