/**
 * Moves a membership to another status: only the moves the catalogue allows from the current
 * status are offered; each asks for the date it takes effect and — for the statuses the catalogue
 * names (suspending, ending) — why.
 */
import { getLocalTimeZone, today } from '@internationalized/date';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useRef } from 'react';
import { Button, Form } from 'react-aria-components';
import { FormattedMessage, useIntl } from 'react-intl';
import { clusterKeys } from '../clusters/cluster-api.ts';
import { placeApiError } from '../platform/forms/api-form-errors.ts';
import { DateField } from '../platform/forms/date-field.tsx';
import { ErrorAlert } from '../platform/forms/form-alert.tsx';
import { readForm } from '../platform/forms/read-form.ts';
import { SubmitButton } from '../platform/forms/submit-button.tsx';
import { TextField } from '../platform/forms/text-field.tsx';
import { useFocusFirstInvalid } from '../platform/forms/use-focus-invalid.ts';
import type { MessageId } from '../platform/i18n/message-ids.ts';
import { announce } from '../platform/layout/announcer.tsx';
import { ModalDialog } from '../platform/layout/modal-dialog.tsx';
import { focusMainHeading } from '../platform/layout/navigation-focus.ts';
import { membershipActionId } from './membership-step-label.ts';
import { type Organisation, organisationApi, organisationKeys } from './organisation-api.ts';

const EXPLANATIONS: Readonly<Record<string, MessageId>> = {
  active: 'transition.explain.active',
  suspended: 'transition.explain.suspended',
  left: 'transition.explain.left',
};

interface Props {
  readonly slug: string;
  readonly organisation: Organisation;
  readonly toStatus: string;
  /** From the catalogue's `membershipStatusesNeedingReason`, the server's own rule. */
  readonly isReasonRequired: boolean;
}

export function TransitionDialog({ slug, organisation, toStatus, isReasonRequired }: Props) {
  const intl = useIntl();
  const action = intl.formatMessage({ id: membershipActionId(organisation.membershipStatus, toStatus) });
  const isDestructive = toStatus === 'left' || toStatus === 'suspended';
  return (
    <ModalDialog
      title={intl.formatMessage({ id: 'transition.title' }, { action, name: organisation.name })}
      trigger={<Button className={isDestructive ? 'button button--secondary' : 'button'}>{action}</Button>}
    >
      {(close) => (
        <TransitionForm
          slug={slug}
          organisation={organisation}
          toStatus={toStatus}
          isReasonRequired={isReasonRequired}
          action={action}
          onDone={close}
        />
      )}
    </ModalDialog>
  );
}

function TransitionForm({
  slug,
  organisation,
  toStatus,
  isReasonRequired,
  action,
  onDone,
}: Props & { action: string; onDone: () => void }) {
  const intl = useIntl();
  const queryClient = useQueryClient();
  const formRef = useRef<HTMLFormElement>(null);
  const transition = useMutation({
    mutationFn: (input: { effectiveOn: string; reason: string }) =>
      organisationApi.transition(slug, organisation.id, { toStatus, ...input }),
    onSuccess: async (updated) => {
      queryClient.setQueryData(organisationKeys.one(slug, organisation.id), updated);
      await queryClient.invalidateQueries({ queryKey: organisationKeys.anyDirectory(slug) });
      await queryClient.invalidateQueries({ queryKey: clusterKeys.one(slug) });
      onDone();
      // The button that opened this dialog is gone (the status moved on): keep the keyboard on the page.
      requestAnimationFrame(focusMainHeading);
      announce(intl.formatMessage({ id: 'transition.done' }, { name: updated.name }));
    },
  });
  const { fieldErrors, formError } = placeApiError(transition.error, ['effectiveOn', 'reason']);
  useFocusFirstInvalid(formRef, transition.error);

  return (
    <Form
      ref={formRef}
      className="form"
      validationErrors={fieldErrors}
      onSubmit={(event) => {
        const form = readForm(event);
        transition.mutate({ effectiveOn: form.text('effectiveOn'), reason: form.text('reason').trim() });
      }}
    >
      <p>
        <FormattedMessage id={EXPLANATIONS[toStatus] ?? 'transition.explain.left'} />
      </p>
      <ErrorAlert error={formError} />
      <DateField
        name="effectiveOn"
        isRequired
        defaultValue={today(getLocalTimeZone())}
        label={<FormattedMessage id="transition.effectiveOn" />}
      />
      <TextField
        name="reason"
        isMultiline
        rows={3}
        maxLength={1000}
        isRequired={isReasonRequired}
        isOptional={!isReasonRequired}
        label={<FormattedMessage id="transition.reason" />}
        description={<FormattedMessage id="transition.reason.help" />}
      />
      <div className="form-actions">
        <SubmitButton isPending={transition.isPending} variant={toStatus === 'active' ? 'primary' : 'danger'}>
          {action}
        </SubmitButton>
        <Button className="button button--secondary" slot="close">
          <FormattedMessage id="common.cancel" />
        </Button>
      </div>
    </Form>
  );
}
