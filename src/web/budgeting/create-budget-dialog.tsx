/**
 * A coordinator sets a budget up as a draft — from the list of budgets, or from a process's page
 * for that process. Projects are added on the budget's page.
 */
import { useQueryClient } from '@tanstack/react-query';
import { useNavigate } from '@tanstack/react-router';
import { Button } from 'react-aria-components';
import { FormattedMessage, useIntl } from 'react-intl';
import { ModalDialog } from '../platform/layout/modal-dialog.tsx';
import { paths } from '../platform/routing/paths.ts';
import { BudgetSettingsForm } from './budget-settings-form.tsx';
import { budgetingApi, budgetKeys } from './budgeting-api.ts';

export function CreateBudgetDialog({ slug, processId }: { slug: string; processId?: string }) {
  const intl = useIntl();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  return (
    <ModalDialog
      title={intl.formatMessage({ id: 'budget.create.title' })}
      trigger={
        <Button className={processId ? 'button button--secondary' : 'button'}>
          <FormattedMessage id={processId ? 'budgets.newForProcess' : 'budgets.new'} />
        </Button>
      }
    >
      {() => (
        <BudgetSettingsForm
          slug={slug}
          processId={processId}
          submitLabel="budget.create.submit"
          save={(input) => budgetingApi.create(slug, input)}
          onSaved={async (budget) => {
            await queryClient.invalidateQueries({ queryKey: budgetKeys.all(slug) });
            await navigate({ to: paths.budget(slug, budget.id) });
          }}
        />
      )}
    </ModalDialog>
  );
}
