/**
 * A clearing write in a dialog: an explanation, perhaps a few fields, and the button that sends
 * it. The write carries one idempotency key per intention (kept when the same form is sent again
 * after an error); on success every clearing view of the cluster is refreshed and the result
 * announced.
 */
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { type ReactNode, useRef } from 'react';
import { Button, Form } from 'react-aria-components';
import { FormattedMessage } from 'react-intl';
import { useIdempotencyKey } from '../currency/use-idempotency-key.ts';
import { placeApiError } from '../platform/forms/api-form-errors.ts';
import { ErrorAlert } from '../platform/forms/form-alert.tsx';
import { type FormValues, readForm } from '../platform/forms/read-form.ts';
import { SubmitButton } from '../platform/forms/submit-button.tsx';
import { useFocusFirstInvalid } from '../platform/forms/use-focus-invalid.ts';
import { announce } from '../platform/layout/announcer.tsx';
import { ModalDialog } from '../platform/layout/modal-dialog.tsx';
import { focusMainHeading } from '../platform/layout/navigation-focus.ts';
import { clearingKeys } from './clearing-api.ts';

interface Props<Body, Result> {
  readonly slug: string;
  readonly trigger: { readonly label: ReactNode; readonly ariaLabel?: string; readonly className?: string };
  readonly title: string;
  readonly explanation?: ReactNode;
  readonly fields?: ReactNode;
  /** Names of the fields, so a server error about one is shown beside it. */
  readonly fieldNames?: readonly string[];
  readonly submitLabel: ReactNode;
  readonly isDestructive?: boolean;
  readonly toBody: (form: FormValues) => Body;
  readonly send: (body: Body, idempotencyKey: string) => Promise<Result>;
  readonly doneMessage: (result: Result) => string;
  readonly onDone?: (result: Result) => void;
}

export function ClearingDialog<Body, Result>(props: Props<Body, Result>) {
  const { trigger, title, isDestructive } = props;
  return (
    <ModalDialog
      title={title}
      role={isDestructive ? 'alertdialog' : 'dialog'}
      trigger={
        <Button className={trigger.className ?? 'button button--secondary'} aria-label={trigger.ariaLabel}>
          {trigger.label}
        </Button>
      }
    >
      {(close) => <DialogForm {...props} close={close} />}
    </ModalDialog>
  );
}

function DialogForm<Body, Result>({
  slug,
  explanation,
  fields,
  fieldNames = [],
  submitLabel,
  isDestructive,
  toBody,
  send,
  doneMessage,
  onDone,
  close,
}: Props<Body, Result> & { close: () => void }) {
  const queryClient = useQueryClient();
  const formRef = useRef<HTMLFormElement>(null);
  const { keyFor } = useIdempotencyKey();
  const action = useMutation({
    mutationFn: (body: Body) => send(body, keyFor(body)),
    onSuccess: async (result) => {
      await queryClient.invalidateQueries({ queryKey: clearingKeys.all(slug) });
      close();
      announce(doneMessage(result));
      onDone?.(result);
      // The button that opened the dialog may be gone with the change (a withdrawn invoice has none).
      requestAnimationFrame(() => {
        if (document.activeElement === document.body || document.activeElement === null) focusMainHeading();
      });
    },
  });
  const { fieldErrors, formError } = placeApiError(action.error, fieldNames);
  useFocusFirstInvalid(formRef, action.error);

  return (
    <Form
      ref={formRef}
      className="form"
      validationErrors={fieldErrors}
      onSubmit={(event) => action.mutate(toBody(readForm(event)))}
    >
      {explanation && <div className="stack">{explanation}</div>}
      <ErrorAlert error={formError} />
      {fields}
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
