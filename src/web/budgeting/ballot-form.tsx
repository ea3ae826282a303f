/**
 * The ballot: approval checkboxes with the running total against the limits, or points spread over
 * projects. The tally is a polite live region, so a screen-reader user hears what is left after each
 * change. The same form serves a helper entering a paper ballot with its one-time code.
 */
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useId, useState } from 'react';
import { Checkbox, CheckboxGroup, Form, Label, Text } from 'react-aria-components';
import { FormattedMessage, useIntl } from 'react-intl';
import { CheckMark } from '../platform/forms/checkbox-group-field.tsx';
import { ErrorAlert, SuccessAlert } from '../platform/forms/form-alert.tsx';
import { NumberField } from '../platform/forms/number-field.tsx';
import { SubmitButton } from '../platform/forms/submit-button.tsx';
import { TextField } from '../platform/forms/text-field.tsx';
import { announce } from '../platform/layout/announcer.tsx';
import { type BudgetPage, budgetingApi, budgetKeys, type Choice, type Project } from './budgeting-api.ts';
import { useMoney } from './money.ts';

interface Props {
  readonly slug: string;
  readonly budget: BudgetPage;
  readonly projects: readonly Project[];
  /** The voter's current ballot, to change it; none for a paper ballot. */
  readonly initial: readonly Choice[];
  readonly mode: 'own' | 'code';
}

export function BallotForm({ slug, budget, projects, initial, mode }: Props) {
  const intl = useIntl();
  const queryClient = useQueryClient();
  const [selected, setSelected] = useState<string[]>(initial.map((choice) => choice.projectId));
  const [points, setPoints] = useState<Record<string, number>>(
    Object.fromEntries(initial.map((choice) => [choice.projectId, choice.points])),
  );
  const [code, setCode] = useState('');
  const [isSaved, setSaved] = useState(false);
  const isCumulative = budget.ballot.type === 'cumulative';
  const choices: Choice[] = isCumulative
    ? projects
        .filter((p) => (points[p.id] ?? 0) > 0)
        .map((p) => ({ projectId: p.id, points: points[p.id] as number }))
    : projects.filter((p) => selected.includes(p.id)).map((p) => ({ projectId: p.id, points: 1 }));
  const vote = useMutation({
    mutationFn: async () => {
      if (mode === 'code') await budgetingApi.voteWithCode(slug, budget.id, code, choices);
      else await budgetingApi.vote(slug, budget.id, choices);
    },
    onSuccess: async () => {
      setSaved(true);
      announce(intl.formatMessage({ id: mode === 'code' ? 'budget.code.saved' : 'budget.ballot.saved' }));
      if (mode === 'code') {
        setCode('');
        setSelected([]);
        setPoints({});
      }
      await queryClient.invalidateQueries({ queryKey: budgetKeys.one(slug, budget.id) });
    },
  });
  const change = () => setSaved(false);

  return (
    <Form
      className="form ballot"
      onSubmit={(event) => {
        event.preventDefault();
        vote.mutate();
      }}
    >
      <ErrorAlert error={vote.error} />
      {isSaved && !vote.isPending && (
        <SuccessAlert>
          <FormattedMessage id={mode === 'code' ? 'budget.code.saved' : 'budget.ballot.saved'} />
        </SuccessAlert>
      )}
      {mode === 'code' && (
        <TextField
          name="code"
          label={<FormattedMessage id="budget.code.label" />}
          value={code}
          onChange={(value) => {
            setCode(value);
            change();
          }}
          isRequired
          maxLength={40}
          autoComplete="off"
        />
      )}
      {isCumulative ? (
        <PointsBallot
          budget={budget}
          projects={projects}
          points={points}
          onChange={(next) => {
            setPoints(next);
            change();
          }}
        />
      ) : (
        <ApprovalBallot
          budget={budget}
          projects={projects}
          selected={selected}
          onChange={(next) => {
            setSelected(next);
            change();
          }}
        />
      )}
      {mode === 'own' && (
        <p className="muted small">
          <FormattedMessage id="budget.ballot.secret" />
        </p>
      )}
      <div className="form-actions">
        <SubmitButton isPending={vote.isPending}>
          <FormattedMessage
            id={
              mode === 'code'
                ? 'budget.code.submit'
                : initial.length > 0
                  ? 'budget.ballot.change'
                  : 'budget.ballot.submit'
            }
          />
        </SubmitButton>
      </div>
    </Form>
  );
}

function ApprovalBallot({
  budget,
  projects,
  selected,
  onChange,
}: {
  budget: BudgetPage;
  projects: readonly Project[];
  selected: string[];
  onChange: (next: string[]) => void;
}) {
  const money = useMoney(budget.currency);
  const tallyId = useId();
  const { minProjects, maxProjects, maxTotalCostMinor } = budget.ballot;
  const totalMinor = projects.filter((p) => selected.includes(p.id)).reduce((sum, p) => sum + p.costMinor, 0);
  return (
    <CheckboxGroup
      value={selected}
      onChange={onChange}
      className="field checkbox-group"
      aria-describedby={tallyId}
    >
      <Label className="field__label">
        <FormattedMessage id="budget.ballot.approvalLabel" />
      </Label>
      <Text slot="description" className="field__description">
        <FormattedMessage
          id="budget.ballot.limits"
          values={{
            min: minProjects,
            max: maxProjects === null ? 'none' : String(maxProjects),
            cost: maxTotalCostMinor === null ? 'none' : money(maxTotalCostMinor),
          }}
        />
      </Text>
      <div className="checkbox-group__options ballot__projects">
        {projects.map((project) => (
          <Checkbox key={project.id} value={project.id} className="checkbox ballot__project">
            {({ isSelected }) => (
              <>
                <span className="checkbox__box">{isSelected && <CheckMark />}</span>
                <span>
                  <span className="ballot__title">{project.title}</span>{' '}
                  <span className="ballot__cost">{money(project.costMinor)}</span>
                  {project.category && <span className="muted small"> · {project.category}</span>}
                </span>
              </>
            )}
          </Checkbox>
        ))}
      </div>
      <p id={tallyId} className="ballot__tally" role="status" aria-live="polite">
        <FormattedMessage
          id="budget.ballot.tally"
          values={{
            count: selected.length,
            total: money(totalMinor),
            remaining: maxTotalCostMinor === null ? 'none' : money(maxTotalCostMinor - totalMinor),
          }}
        />
      </p>
    </CheckboxGroup>
  );
}

function PointsBallot({
  budget,
  projects,
  points,
  onChange,
}: {
  budget: BudgetPage;
  projects: readonly Project[];
  points: Record<string, number>;
  onChange: (next: Record<string, number>) => void;
}) {
  const intl = useIntl();
  const money = useMoney(budget.currency);
  const total = budget.ballot.pointsPerVoter ?? 0;
  const max = budget.ballot.maxPointsPerProject ?? total;
  const used = Object.values(points).reduce((sum, value) => sum + value, 0);
  return (
    <fieldset className="field ballot__points">
      <legend className="field__label">
        <FormattedMessage id="budget.ballot.pointsLimits" values={{ total, max }} />
      </legend>
      {projects.map((project) => (
        <NumberField
          key={project.id}
          label={intl.formatMessage({ id: 'budget.ballot.pointsLabel' }, { title: project.title })}
          description={money(project.costMinor)}
          minValue={0}
          maxValue={max}
          value={points[project.id] ?? 0}
          onChange={(value) => onChange({ ...points, [project.id]: Number.isNaN(value) ? 0 : value })}
        />
      ))}
      <p className="ballot__tally" role="status" aria-live="polite">
        <FormattedMessage
          id="budget.ballot.pointsTally"
          values={{ used, total, left: Math.max(0, total - used), over: Math.max(0, used - total) }}
        />
      </p>
    </fieldset>
  );
}
