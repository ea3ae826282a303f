/**
 * Proposing in a process: title, text in Markdown, category, place and estimated cost. While the
 * title is typed, proposals with similar titles are shown, so a resident can support one that
 * exists instead of writing it again.
 */
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useRouter } from '@tanstack/react-router';
import { useRef, useState } from 'react';
import { Form, Link } from 'react-aria-components';
import { FormattedMessage, useIntl } from 'react-intl';
import { useCluster } from '../clusters/cluster-api.ts';
import { placeApiError } from '../platform/forms/api-form-errors.ts';
import { ErrorAlert } from '../platform/forms/form-alert.tsx';
import { readForm } from '../platform/forms/read-form.ts';
import { SubmitButton } from '../platform/forms/submit-button.tsx';
import { TextField } from '../platform/forms/text-field.tsx';
import { useDebouncedValue } from '../platform/forms/use-debounced-value.ts';
import { useFocusFirstInvalid } from '../platform/forms/use-focus-invalid.ts';
import { announce } from '../platform/layout/announcer.tsx';
import { Loading } from '../platform/layout/loading.tsx';
import { Page } from '../platform/layout/page.tsx';
import { paths } from '../platform/routing/paths.ts';
import { SignInRequired } from '../platform/session/sign-in-required.tsx';
import { useSession } from '../platform/session/use-session.ts';
import { participationApi, participationKeys, useProcess, useSimilar } from './participation-api.ts';
import { useParticipationLabels } from './participation-labels.ts';
import './participation.css';

const FIELDS = ['title', 'body', 'category', 'locationText', 'estimatedCostCents'] as const;

/** Euros as typed ("1 250,50" or "1250.5") in cents, or null when empty or not a number. */
function euroCents(text: string): number | null {
  const compact = text.replace(/[\s\u00a0\u202f]/g, '').replace(',', '.');
  if (compact === '' || !/^\d+(\.\d{1,2})?$/.test(compact)) return null;
  const [whole = '0', fraction = ''] = compact.split('.');
  return Number(whole) * 100 + Number(fraction.padEnd(2, '0'));
}

export function NewProposalPage({ slug, processId }: { slug: string; processId: string }) {
  const intl = useIntl();
  const session = useSession();
  const cluster = useCluster(slug);
  const process = useProcess(slug, processId);
  if (session.isSuccess && !session.data.person) return <SignInRequired />;
  const heading = intl.formatMessage({ id: 'participation.new.title' });
  return (
    <Page
      title={process.data && cluster.data ? [heading, process.data.title, cluster.data.name] : null}
      eyebrow={process.data && <Link href={paths.process(slug, processId)}>{process.data.title}</Link>}
      heading={heading}
      lead={<FormattedMessage id="participation.new.lead" />}
      width="medium"
    >
      <ErrorAlert error={process.error} />
      {process.isPending && <Loading />}
      {process.data && !process.data.can.propose && (
        <p className="participation-empty">
          <FormattedMessage id="participation.new.closed" />
        </p>
      )}
      {process.data?.can.propose && <ProposalForm slug={slug} processId={processId} />}
    </Page>
  );
}

function ProposalForm({ slug, processId }: { slug: string; processId: string }) {
  const intl = useIntl();
  const router = useRouter();
  const queryClient = useQueryClient();
  const labels = useParticipationLabels();
  const formRef = useRef<HTMLFormElement>(null);
  const [title, setTitle] = useState('');
  const settledTitle = useDebouncedValue(title, 400);
  const similar = useSimilar(slug, processId, settledTitle);
  const propose = useMutation({
    mutationFn: (input: Parameters<typeof participationApi.propose>[2]) =>
      participationApi.propose(slug, processId, input),
    onSuccess: async (proposal) => {
      await queryClient.invalidateQueries({ queryKey: participationKeys.all(slug) });
      await router.navigate({ href: paths.proposal(slug, processId, proposal.id) });
      announce(intl.formatMessage({ id: 'participation.new.done' }, { title: proposal.title }));
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
        isMultiline
        rows={8}
        maxLength={10000}
        label={<FormattedMessage id="participation.form.body" />}
        description={<FormattedMessage id="participation.form.body.help" />}
      />
      <TextField
        name="category"
        maxLength={60}
        isOptional
        label={<FormattedMessage id="participation.form.category" />}
      />
      <TextField
        name="locationText"
        maxLength={200}
        isOptional
        label={<FormattedMessage id="participation.form.location" />}
        description={<FormattedMessage id="participation.form.location.help" />}
      />
      <TextField
        name="estimatedCostCents"
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
          <FormattedMessage id="participation.new.submit" />
        </SubmitButton>
      </div>
    </Form>
  );
}
