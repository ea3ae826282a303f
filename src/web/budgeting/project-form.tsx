/**
 * A budget project's fields — title, cost, category, description — for adding one (entered
 * directly or prefilled from an accepted proposal) and for changing one until the vote opens.
 */
import type { ReactNode } from 'react';
import { Form } from 'react-aria-components';
import { useIntl } from 'react-intl';
import { placeApiError } from '../platform/forms/api-form-errors.ts';
import { ErrorAlert } from '../platform/forms/form-alert.tsx';
import { readForm } from '../platform/forms/read-form.ts';
import { SubmitButton } from '../platform/forms/submit-button.tsx';
import { TextField } from '../platform/forms/text-field.tsx';
import type { ProjectInput } from './budgeting-api.ts';
import { minorFromText, minorToText } from './money.ts';

const FIELDS = ['title', 'costMinor', 'category', 'description', 'sourceProposalId'];
const MAX_TITLE = 300;
const MAX_CATEGORY = 100;
const MAX_DESCRIPTION = 10_000;

/** What the fields start with. */
export interface ProjectDraft {
  readonly title: string;
  readonly description: string;
  readonly category: string;
  readonly costMinor: number | null;
}

export const EMPTY_DRAFT: ProjectDraft = { title: '', description: '', category: '', costMinor: null };

interface Props {
  readonly draft: ProjectDraft;
  /** A new key starts the fields again from the draft (a proposal was chosen, a project added). */
  readonly draftKey: string;
  readonly currency: string;
  readonly submit: ReactNode;
  readonly isPending: boolean;
  readonly error: unknown;
  readonly onSubmit: (input: Omit<ProjectInput, 'sourceProposalId'>, form: HTMLFormElement) => void;
  /** What comes before the fields: a heading, the proposal picker. */
  readonly children?: ReactNode;
  readonly labelledBy?: string;
}

export function ProjectForm({
  draft,
  draftKey,
  currency,
  submit,
  isPending,
  error,
  onSubmit,
  children,
  labelledBy,
}: Props) {
  const intl = useIntl();
  const { fieldErrors, formError } = placeApiError(error, FIELDS);
  return (
    <Form
      className="form"
      aria-labelledby={labelledBy}
      validationErrors={fieldErrors}
      onSubmit={(event) => {
        const target = event.currentTarget;
        const form = readForm(event);
        onSubmit(
          {
            title: form.text('title'),
            costMinor: minorFromText(form.text('costMinor')),
            category: form.text('category'),
            description: form.text('description'),
          },
          target,
        );
      }}
    >
      {children}
      <ErrorAlert error={formError} />
      <div className="form-grid" key={`${draftKey}-main`}>
        <TextField
          name="title"
          label={intl.formatMessage({ id: 'budget.manage.projectTitle' })}
          isRequired
          maxLength={MAX_TITLE}
          defaultValue={draft.title.slice(0, MAX_TITLE)}
        />
        <TextField
          name="costMinor"
          label={intl.formatMessage({ id: 'budget.manage.cost' })}
          description={currency}
          isRequired
          inputMode="decimal"
          validate={(value) =>
            Number.isNaN(minorFromText(value))
              ? intl.formatMessage({ id: 'budget.form.amountInvalid' })
              : null
          }
          defaultValue={draft.costMinor === null ? '' : minorToText(draft.costMinor)}
        />
        <TextField
          name="category"
          label={intl.formatMessage({ id: 'budget.manage.category' })}
          isOptional
          maxLength={MAX_CATEGORY}
          defaultValue={draft.category.slice(0, MAX_CATEGORY)}
        />
      </div>
      <TextField
        key={`${draftKey}-description`}
        name="description"
        label={intl.formatMessage({ id: 'budget.manage.description' })}
        isOptional
        isMultiline
        rows={3}
        maxLength={MAX_DESCRIPTION}
        defaultValue={draft.description.slice(0, MAX_DESCRIPTION)}
      />
      <div className="form-actions">
        <SubmitButton isPending={isPending} variant="secondary">
          {submit}
        </SubmitButton>
      </div>
    </Form>
  );
}
