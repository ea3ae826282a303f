/**
 * A budget's settings, for setting one up and for changing them until the vote opens: its name,
 * amount and process, the rule that will count the votes (with its threshold), the ballot —
 * approval with its limits on projects and cost, or points spread over projects — the voting
 * window and who may vote. A refusal from the server stands beside the field it is about.
 */
import { useMutation } from '@tanstack/react-query';
import { type ReactNode, useState } from 'react';
import { Checkbox, Form } from 'react-aria-components';
import { FormattedMessage, useIntl } from 'react-intl';
import { useProcesses } from '../participation/participation-api.ts';
import { placeApiError } from '../platform/forms/api-form-errors.ts';
import { CheckMark } from '../platform/forms/checkbox-group-field.tsx';
import { ErrorAlert } from '../platform/forms/form-alert.tsx';
import { RadioGroupField } from '../platform/forms/radio-group-field.tsx';
import { type FormValues, readForm } from '../platform/forms/read-form.ts';
import { SelectField } from '../platform/forms/select-field.tsx';
import { SubmitButton } from '../platform/forms/submit-button.tsx';
import { TextField } from '../platform/forms/text-field.tsx';
import type { MessageId } from '../platform/i18n/message-ids.ts';
import { type BudgetInput, type BudgetPage, RULE_NAMES, type RuleName } from './budgeting-api.ts';
import { minorFromText, minorToText } from './money.ts';

const FIELDS = [
  'name',
  'description',
  'amountMinor',
  'currency',
  'processId',
  'rule',
  'scoreThreshold',
  'minProjects',
  'maxProjects',
  'maxTotalCostMinor',
  'pointsPerVoter',
  'maxPointsPerProject',
  'opensAt',
  'closesAt',
];

const NO_PROCESS = 'none';

type BallotType = BudgetInput['ballotType'];

const localInput = (date: Date) =>
  new Date(date.getTime() - date.getTimezoneOffset() * 60_000).toISOString().slice(0, 16);

const isWhole = (text: string) => /^\d{1,7}$/.test(text.trim());

interface Props {
  /** The budget whose settings change; none when one is set up. */
  readonly budget?: BudgetPage;
  /** The process a new budget belongs to, when it is set up from the process's page. */
  readonly processId?: string;
  readonly slug: string;
  readonly submitLabel: MessageId;
  readonly save: (input: BudgetInput) => Promise<BudgetPage>;
  readonly onSaved: (budget: BudgetPage) => void | Promise<void>;
}

export function BudgetSettingsForm({ budget, processId, slug, submitLabel, save, onSaved }: Props) {
  const intl = useIntl();
  const label = (id: MessageId) => intl.formatMessage({ id });
  const [ballotType, setBallotType] = useState<BallotType>(budget?.ballot.type ?? 'approval');
  const [rule, setRule] = useState<RuleName>(budget?.rule ?? 'mes-add1');
  const [process, setProcess] = useState<string>(budget?.processId ?? processId ?? NO_PROCESS);
  const processes = useProcesses(slug);
  const mutation = useMutation({ mutationFn: save, onSuccess: onSaved });
  const { fieldErrors, formError } = placeApiError(mutation.error, FIELDS);
  const now = new Date();
  const ballot = budget?.ballot;
  const wholeOrEmpty = (value: string) =>
    value.trim() === '' || isWhole(value) ? null : label('budget.form.wholeNumber');
  const amount = (value: string) =>
    Number.isNaN(minorFromText(value)) ? label('budget.form.amountInvalid') : null;
  const processOptions = [
    { id: NO_PROCESS, label: label('budget.form.noProcess') },
    ...(processes.data?.pages.flatMap((page) => page.items) ?? []).map((p) => ({ id: p.id, label: p.title })),
  ];
  if (process !== NO_PROCESS && !processOptions.some((option) => option.id === process))
    processOptions.push({ id: process, label: label('budget.form.thisProcess') });

  const read = (form: FormValues): BudgetInput => {
    const optional = (name: string) => (form.text(name).trim() === '' ? null : Number(form.text(name)));
    const optionalMoney = (name: string) =>
      form.text(name).trim() === '' ? null : minorFromText(form.text(name));
    const isCumulative = ballotType === 'cumulative';
    return {
      name: form.text('name'),
      description: form.text('description'),
      amountMinor: minorFromText(form.text('amountMinor')),
      currency: form.text('currency').trim().toUpperCase(),
      rule,
      scoreThreshold: rule === 'greedy-threshold' ? form.text('scoreThreshold').trim() || null : null,
      ballotType,
      minProjects: optional('minProjects') ?? 0,
      maxProjects: optional('maxProjects'),
      maxTotalCostMinor: isCumulative ? null : optionalMoney('maxTotalCostMinor'),
      pointsPerVoter: isCumulative ? optional('pointsPerVoter') : null,
      maxPointsPerProject: isCumulative ? optional('maxPointsPerProject') : null,
      opensAt: new Date(form.text('opensAt')).toISOString(),
      closesAt: new Date(form.text('closesAt')).toISOString(),
      isMemberVoting: form.text('isMemberVoting') === 'on',
      isCodeVoting: form.text('isCodeVoting') === 'on',
      processId: process === NO_PROCESS ? null : process,
    };
  };

  return (
    <Form
      className="form"
      validationErrors={fieldErrors}
      onSubmit={(event) => mutation.mutate(read(readForm(event)))}
    >
      <ErrorAlert error={formError} />
      <TextField
        name="name"
        label={label('budget.create.name')}
        isRequired
        maxLength={200}
        defaultValue={budget?.name}
      />
      <TextField
        name="description"
        label={label('budget.form.description')}
        isOptional
        isMultiline
        rows={3}
        maxLength={10_000}
        defaultValue={budget?.description}
      />
      <div className="form-grid">
        <TextField
          name="amountMinor"
          label={label('budget.create.amount')}
          isRequired
          inputMode="decimal"
          validate={amount}
          defaultValue={budget ? minorToText(budget.amountMinor) : undefined}
        />
        <TextField
          name="currency"
          label={label('budget.create.currency')}
          isRequired
          defaultValue={budget?.currency ?? 'EUR'}
          maxLength={3}
        />
      </div>
      <SelectField
        name="processId"
        label={label('budget.form.process')}
        description={label('budget.form.processHelp')}
        options={processOptions}
        selectedKey={process}
        onSelectionChange={(key) => setProcess(String(key))}
      />
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
          inputMode="decimal"
          defaultValue={budget?.scoreThreshold ?? undefined}
        />
      )}
      <RadioGroupField
        name="ballotType"
        label={label('budget.create.ballotType')}
        value={ballotType}
        onChange={(value) => setBallotType(value as BallotType)}
        options={[
          { id: 'approval', label: label('budget.create.approval') },
          { id: 'cumulative', label: label('budget.create.cumulative') },
        ]}
      />
      <div className="form-grid">
        <TextField
          name="minProjects"
          label={label('budget.form.minProjects')}
          isOptional
          inputMode="numeric"
          validate={wholeOrEmpty}
          defaultValue={ballot && ballot.minProjects > 0 ? String(ballot.minProjects) : undefined}
        />
        <TextField
          name="maxProjects"
          label={label('budget.create.maxProjects')}
          isOptional
          inputMode="numeric"
          validate={wholeOrEmpty}
          defaultValue={ballot?.maxProjects == null ? undefined : String(ballot.maxProjects)}
        />
      </div>
      {ballotType === 'approval' ? (
        <TextField
          name="maxTotalCostMinor"
          label={label('budget.form.maxTotalCost')}
          description={label('budget.form.maxTotalCostHelp')}
          isOptional
          inputMode="decimal"
          validate={(value) => (value.trim() === '' ? null : amount(value))}
          defaultValue={ballot?.maxTotalCostMinor == null ? undefined : minorToText(ballot.maxTotalCostMinor)}
        />
      ) : (
        <div className="form-grid">
          <TextField
            name="pointsPerVoter"
            label={label('budget.create.points')}
            isRequired
            inputMode="numeric"
            validate={wholeOrEmpty}
            defaultValue={ballot?.pointsPerVoter == null ? undefined : String(ballot.pointsPerVoter)}
          />
          <TextField
            name="maxPointsPerProject"
            label={label('budget.form.maxPointsPerProject')}
            description={label('budget.form.maxPointsPerProjectHelp')}
            isOptional
            inputMode="numeric"
            validate={wholeOrEmpty}
            defaultValue={
              ballot?.maxPointsPerProject == null ? undefined : String(ballot.maxPointsPerProject)
            }
          />
        </div>
      )}
      <div className="form-grid">
        <TextField
          name="opensAt"
          type="datetime-local"
          label={label('budget.create.opensAt')}
          isRequired
          defaultValue={localInput(budget ? new Date(budget.opensAt) : now)}
        />
        <TextField
          name="closesAt"
          type="datetime-local"
          label={label('budget.create.closesAt')}
          isRequired
          defaultValue={localInput(
            budget ? new Date(budget.closesAt) : new Date(now.getTime() + 30 * 86_400_000),
          )}
        />
      </div>
      <Choice
        name="isMemberVoting"
        isSelected={budget?.isMemberVoting ?? true}
        label={<FormattedMessage id="budget.form.memberVoting" />}
      />
      <Choice
        name="isCodeVoting"
        isSelected={budget?.isCodeVoting ?? false}
        label={<FormattedMessage id="budget.create.codes" />}
      />
      <div className="form-actions">
        <SubmitButton isPending={mutation.isPending}>
          <FormattedMessage id={submitLabel} />
        </SubmitButton>
      </div>
    </Form>
  );
}

function Choice({ name, isSelected, label }: { name: string; isSelected: boolean; label: ReactNode }) {
  return (
    <Checkbox name={name} value="on" className="checkbox" defaultSelected={isSelected}>
      {({ isSelected: isTicked }) => (
        <>
          <span className="checkbox__box">{isTicked && <CheckMark />}</span>
          {label}
        </>
      )}
    </Checkbox>
  );
}
