/**
 * A coordinator's correction in a dialog: a few fields and, nearly always, the reason the member
 * will read. The write carries one idempotency key per intention (kept when the same form is sent
 * again after an error); on success every currency view is refreshed and the result announced.
 */
import { type QueryKey, useMutation, useQueryClient } from '@tanstack/react-query';
import { type ReactNode, useRef } from 'react';
import { Button, Form } from 'react-aria-components';
import { FormattedMessage } from 'react-intl';
import { placeApiError } from '../platform/forms/api-form-errors.ts';
import { ErrorAlert } from '../platform/forms/form-alert.tsx';
import { type FormValues, readForm } from '../platform/forms/read-form.ts';
import { SubmitButton } from '../platform/forms/submit-button.tsx';
import { TextField } from '../platform/forms/text-field.tsx';
import { useFocusFirstInvalid } from '../platform/forms/use-focus-invalid.ts';
import { announce } from '../platform/layout/announcer.tsx';
import { ModalDialog } from '../platform/layout/modal-dialog.tsx';
import { focusMainHeading } from '../platform/layout/navigation-focus.ts';
import { currencyKeys } from './currency-api.ts';
import { useIdempotencyKey } from './use-idempotency-key.ts';

const REASON_MAX_LENGTH = 500;

interface Props<Body> {
  readonly slug: string;
  readonly trigger: { readonly label: ReactNode; readonly ariaLabel?: string; readonly className?: string };
  readonly title: string;
  readonly explanation?: ReactNode;
  readonly fields?: ReactNode;
  /** Names of the fields, so a server error about one is shown beside it. */
  readonly fieldNames?: readonly string[];
  readonly reasonHelp?: ReactNode;
  readonly hasReason?: boolean;
  readonly submitLabel: ReactNode;
  readonly isDestructive?: boolean;
  /** The request body from the form, with `reason` when the dialog asks for one. */
  readonly toBody: (form: FormValues, reason: string) => Body;
  readonly send: (body: Body, idempotencyKey: string) => Promise<unknown>;
  readonly doneMessage: string;
  /** What to refresh after the write (every currency view by default). */
  readonly refreshes?: QueryKey;
}

export function ActionDialog<Body>(props: Props<Body>) {
  const { trigger, title, isDestructive } = props;
  return (
    <ModalDialog
      title={title}
      role={isDestructive ? 'alertdialog' : 'dialog'}
      trigger={
        <Button
          className={trigger.className ?? 'button button--secondary button--small'}
          aria-label={trigger.ariaLabel}
        >
          {trigger.label}
        </Button>
      }
    >
      {(close) => <ActionForm {...props} onDone={close} />}
    </ModalDialog>
  );
}

function ActionForm<Body>({
  slug,
  explanation,
  fields,
  fieldNames = [],
  reasonHelp,
  hasReason = true,
  submitLabel,
  isDestructive,
  toBody,
  send,
  doneMessage,
  refreshes,
  onDone,
}: Props<Body> & { onDone: () => void }) {
  const queryClient = useQueryClient();
  const formRef = useRef<HTMLFormElement>(null);
  const { keyFor } = useIdempotencyKey();
  const action = useMutation({
    mutationFn: (body: Body) => send(body, keyFor(body)),
    onSuccess: async () => {
      await queryClient.invalidateQueries({ queryKey: refreshes ?? currencyKeys.all(slug) });
      onDone();
      announce(doneMessage);
      // The button that opened the dialog may be gone with the change (unfreeze replaces freeze).
      requestAnimationFrame(() => {
        if (document.activeElement === document.body || document.activeElement === null) focusMainHeading();
      });
    },
  });
  const { fieldErrors, formError } = placeApiError(action.error, [...fieldNames, 'reason']);
  useFocusFirstInvalid(formRef, action.error);

  return (
    <Form
      ref={formRef}
      className="form"
      validationErrors={fieldErrors}
      onSubmit={(event) => {
        const form = readForm(event);
        action.mutate(toBody(form, form.text('reason').trim()));
      }}
    >
      {explanation && <p>{explanation}</p>}
      <ErrorAlert error={formError} />
      {fields}
      {hasReason && (
        <TextField
          name="reason"
          isMultiline
          rows={3}
          isRequired
          maxLength={REASON_MAX_LENGTH}
          label={<FormattedMessage id="currency.action.reason" />}
          description={reasonHelp ?? <FormattedMessage id="currency.action.reason.help" />}
        />
      )}
      <div className="form-actions">
        <SubmitButton isPending={action.isPending} variant={isDestructive ? 'danger' : 'primary'}>
          {submitLabel}
        </SubmitButton>
        <Button className="button button--secondary" slot="close">
          <FormattedMessage id="common.cancel" />
        </Button>
      </div>
    </Form>
  );
}
