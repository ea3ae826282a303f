/** The form of a proposal: title (with similar proposals shown while it is typed), text, category, place and cost. */
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useRouter } from '@tanstack/react-router';
import { useRef, useState } from 'react';
import { Form, Link } from 'react-aria-components';
import { FormattedMessage, useIntl } from 'react-intl';
import { placeApiError } from '../platform/forms/api-form-errors.ts';
import { ErrorAlert } from '../platform/forms/form-alert.tsx';
import { readForm } from '../platform/forms/read-form.ts';
import { SubmitButton } from '../platform/forms/submit-button.tsx';
import { TextField } from '../platform/forms/text-field.tsx';
import { useDebouncedValue } from '../platform/forms/use-debounced-value.ts';
import { useFocusFirstInvalid } from '../platform/forms/use-focus-invalid.ts';
import { announce } from '../platform/layout/announcer.tsx';
import { paths } from '../platform/routing/paths.ts';
import {
  type Proposal,
  type ProposalInput,
  participationApi,
  participationKeys,
  useSimilar,
} from './participation-api.ts';
import { useParticipationLabels } from './participation-labels.ts';

const FIELDS = ['title', 'body', 'category', 'locationText', 'estimatedCostCents'] as const;

/** Euros as typed ("1 250,50" or "1250.5") in cents, or null when empty or not a number. */
function euroCents(text: string): number | null {
  const compact = text.replace(/[\s\u00a0\u202f]/g, '').replace(',', '.');
  if (compact === '' || !/^\d+(\.\d{1,2})?$/.test(compact)) return null;
  const [whole = '0', fraction = ''] = compact.split('.');
  return Number(whole) * 100 + Number(fraction.padEnd(2, '0'));
}

/** The fields of a proposal, to publish a new one or (with `proposal`) to edit one within its window. */
export function ProposalForm({
  slug,
  processId,
  proposal,
}: {
  slug: string;
  processId: string;
  proposal?: Proposal;
}) {
  const intl = useIntl();
  const router = useRouter();
  const queryClient = useQueryClient();
  const labels = useParticipationLabels();
  const formRef = useRef<HTMLFormElement>(null);
  const [title, setTitle] = useState(proposal?.title ?? '');
  const settledTitle = useDebouncedValue(title, 400);
  // Similar proposals matter before publishing; an edited proposal already stands among them.
  const similar = useSimilar(slug, processId, proposal ? '' : settledTitle);
  const propose = useMutation({
    mutationFn: (input: ProposalInput) =>
      proposal
        ? participationApi.edit(slug, processId, proposal.id, input)
        : participationApi.propose(slug, processId, input),
    onSuccess: async (saved) => {
      await queryClient.invalidateQueries({ queryKey: participationKeys.all(slug) });
      await router.navigate({ href: paths.proposal(slug, processId, saved.id) });
      announce(
        intl.formatMessage(
          { id: proposal ? 'participation.edit.done' : 'participation.new.done' },
          { title: saved.title },
        ),
      );
    },
  });
  const { fieldErrors, formError } = placeApiError(propose.error, FIELDS);
  useFocusFirstInvalid(formRef, propose.error);
  const similarItems = similar.data?.items ?? [];
  return (
    <Form
      ref={formRef}
      className="form"
      validationErrors={fieldErrors}
      onSubmit={(event) => {
        const form = readForm(event);
        propose.mutate({
          title: form.text('title').trim(),
          body: form.text('body'),
          category: form.text('category').trim(),
          locationText: form.text('locationText').trim(),
          estimatedCostCents: euroCents(form.text('estimatedCostCents')),
        });
      }}
    >
      <ErrorAlert error={formError} />
      <TextField
        name="title"
        isRequired
        maxLength={150}
        value={title}
        onChange={setTitle}
        label={<FormattedMessage id="participation.form.title" />}
        description={<FormattedMessage id="participation.form.title.help" />}
      />
      <div className="similar" aria-live="polite">
        {similarItems.length > 0 && (
          <>
            <p className="similar__lead">
              <FormattedMessage id="participation.form.similar" values={{ count: similarItems.length }} />
            </p>
            <ul>
              {similarItems.map((item) => (
                <li key={item.id}>
                  <Link href={paths.proposal(slug, processId, item.id)}>{item.title}</Link>{' '}
                  <span className="muted">
                    ({labels.state(item.state)},{' '}
                    <FormattedMessage id="participation.supports" values={{ count: item.supportCount }} />)
                  </span>
                </li>
              ))}
            </ul>
          </>
        )}
      </div>
      <TextField
        name="body"
        defaultValue={proposal?.body}
        isMultiline
        rows={8}
        maxLength={10000}
        label={<FormattedMessage id="participation.form.body" />}
        description={<FormattedMessage id="participation.form.body.help" />}
      />
      <TextField
        name="category"
        defaultValue={proposal?.category}
        maxLength={60}
        isOptional
        label={<FormattedMessage id="participation.form.category" />}
      />
      <TextField
        name="locationText"
        defaultValue={proposal?.locationText}
        maxLength={200}
        isOptional
        label={<FormattedMessage id="participation.form.location" />}
        description={<FormattedMessage id="participation.form.location.help" />}
      />
      <TextField
        name="estimatedCostCents"
        defaultValue={
          proposal?.estimatedCostCents == null ? undefined : String(proposal.estimatedCostCents / 100)
        }
        isOptional
        inputMode="decimal"
        maxLength={20}
        validate={(value) =>
          value.trim() === '' || euroCents(value) !== null
            ? null
            : intl.formatMessage({ id: 'participation.form.cost.invalid' })
        }
        label={<FormattedMessage id="participation.form.cost" />}
        description={<FormattedMessage id="participation.form.cost.help" />}
      />
      <div className="form-actions">
        <SubmitButton isPending={propose.isPending}>
          <FormattedMessage id={proposal ? 'participation.edit.submit' : 'participation.new.submit'} />
        </SubmitButton>
      </div>
    </Form>
  );
}
