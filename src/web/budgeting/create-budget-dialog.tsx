/**
 * A coordinator sets a budget up as a draft: its name and amount, the rule that will count the votes,
 * the ballot (approval or points) and the voting window. Projects are added on the budget's page.
 */
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useNavigate } from '@tanstack/react-router';
import { useState } from 'react';
import { Button, Checkbox, Form } from 'react-aria-components';
import { FormattedMessage, useIntl } from 'react-intl';
import { placeApiError } from '../platform/forms/api-form-errors.ts';
import { CheckMark } from '../platform/forms/checkbox-group-field.tsx';
import { ErrorAlert } from '../platform/forms/form-alert.tsx';
import { RadioGroupField } from '../platform/forms/radio-group-field.tsx';
import { readForm } from '../platform/forms/read-form.ts';
import { SelectField } from '../platform/forms/select-field.tsx';
import { SubmitButton } from '../platform/forms/submit-button.tsx';
import { TextField } from '../platform/forms/text-field.tsx';
import type { MessageId } from '../platform/i18n/message-ids.ts';
import { ModalDialog } from '../platform/layout/modal-dialog.tsx';
import { paths } from '../platform/routing/paths.ts';
import { type BudgetInput, budgetingApi, budgetKeys, RULE_NAMES, type RuleName } from './budgeting-api.ts';

const FIELDS = [
  'name',
  'amountMinor',
  'currency',
  'rule',
  'scoreThreshold',
  'maxProjects',
  'pointsPerVoter',
  'opensAt',
  'closesAt',
];

/** "1 250,50" or "1,250.50" in the reader's way of writing, to minor units; NaN when it is not an amount. */
export function minorFromText(text: string): number {
  const cleaned = text.replace(/[\s\u00a0\u202f']/g, '');
  const match = /^(\d+(?:[.,]\d{3})*)(?:[.,](\d{1,2}))?$/.exec(cleaned);
  if (!match) return Number.NaN;
  return Number((match[1] as string).replace(/[.,]/g, '')) * 100 + Number((match[2] ?? '0').padEnd(2, '0'));
}

const localInput = (date: Date) =>
  new Date(date.getTime() - date.getTimezoneOffset() * 60_000).toISOString().slice(0, 16);

export function CreateBudgetDialog({ slug }: { slug: string }) {
  const intl = useIntl();
  return (
    <ModalDialog
      title={intl.formatMessage({ id: 'budget.create.title' })}
      trigger={
        <Button className="button">
          <FormattedMessage id="budgets.new" />
        </Button>
      }
    >
      {() => <CreateBudgetForm slug={slug} />}
    </ModalDialog>
  );
}

function CreateBudgetForm({ slug }: { slug: string }) {
  const intl = useIntl();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const [ballotType, setBallotType] = useState<'approval' | 'cumulative'>('approval');
  const [rule, setRule] = useState<RuleName>('mes-add1');
  const create = useMutation({
    mutationFn: (input: BudgetInput) => budgetingApi.create(slug, input),
    onSuccess: async (budget) => {
      await queryClient.invalidateQueries({ queryKey: budgetKeys.all(slug) });
      await navigate({ to: paths.budget(slug, budget.id) });
    },
  });
  const { fieldErrors, formError } = placeApiError(create.error, FIELDS);
  const now = new Date();
  const inAMonth = new Date(now.getTime() + 30 * 86_400_000);
  const label = (id: MessageId) => intl.formatMessage({ id });

  return (
    <Form
      className="form"
      validationErrors={fieldErrors}
      onSubmit={(event) => {
        const form = readForm(event);
        const optionalNumber = (name: string) => (form.text(name) === '' ? null : Number(form.text(name)));
        const points = optionalNumber('pointsPerVoter');
        create.mutate({
          name: form.text('name'),
          description: '',
          amountMinor: minorFromText(form.text('amount')),
          currency: form.text('currency').trim().toUpperCase(),
          rule,
          scoreThreshold: rule === 'greedy-threshold' ? form.text('scoreThreshold') || null : null,
          ballotType,
          minProjects: 0,
          maxProjects: optionalNumber('maxProjects'),
          maxTotalCostMinor: null,
          pointsPerVoter: ballotType === 'cumulative' ? points : null,
          maxPointsPerProject: null,
          opensAt: new Date(form.text('opensAt')).toISOString(),
          closesAt: new Date(form.text('closesAt')).toISOString(),
          isMemberVoting: true,
          isCodeVoting: form.text('isCodeVoting') === 'on',
        });
      }}
    >
      <ErrorAlert error={formError} />
      <TextField name="name" label={label('budget.create.name')} isRequired maxLength={200} />
      <div className="form-grid">
        <TextField
          name="amount"
          label={label('budget.create.amount')}
          isRequired
          inputMode="decimal"
          validate={(value) => (Number.isNaN(minorFromText(value)) ? label('budget.manage.cost') : null)}
        />
        <TextField
          name="currency"
          label={label('budget.create.currency')}
          isRequired
          defaultValue="EUR"
          maxLength={3}
        />
      </div>
      <SelectField
        name="rule"
        label={label('budget.create.rule')}
        options={RULE_NAMES.map((id) => ({ id, label: label(`budget.rule.${id}`) }))}
        selectedKey={rule}
        onSelectionChange={(key) => setRule(key as RuleName)}
      />
      {rule === 'greedy-threshold' && (
        <TextField
          name="scoreThreshold"
          label={label('budget.create.threshold')}
          isRequired
          inputMode="numeric"
        />
      )}
      <RadioGroupField
        label={label('budget.create.ballotType')}
        value={ballotType}
        onChange={(value) => setBallotType(value as 'approval' | 'cumulative')}
        options={[
          { id: 'approval', label: label('budget.create.approval') },
          { id: 'cumulative', label: label('budget.create.cumulative') },
        ]}
      />
      <div className="form-grid">
        <TextField
          name="maxProjects"
          label={label('budget.create.maxProjects')}
          isOptional
          inputMode="numeric"
        />
        {ballotType === 'cumulative' && (
          <TextField
            name="pointsPerVoter"
            label={label('budget.create.points')}
            isRequired
            inputMode="numeric"
          />
        )}
      </div>
      <div className="form-grid">
        <TextField
          name="opensAt"
          type="datetime-local"
          label={label('budget.create.opensAt')}
          isRequired
          defaultValue={localInput(now)}
        />
        <TextField
          name="closesAt"
          type="datetime-local"
          label={label('budget.create.closesAt')}
          isRequired
          defaultValue={localInput(inAMonth)}
        />
      </div>
      <Checkbox name="isCodeVoting" value="on" className="checkbox">
        {({ isSelected }) => (
          <>
            <span className="checkbox__box">{isSelected && <CheckMark />}</span>
            <FormattedMessage id="budget.create.codes" />
          </>
        )}
      </Checkbox>
      <div className="form-actions">
        <SubmitButton isPending={create.isPending}>
          <FormattedMessage id="budget.create.submit" />
        </SubmitButton>
      </div>
    </Form>
  );
}
