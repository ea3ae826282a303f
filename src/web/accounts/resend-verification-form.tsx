/**
 * "Send the link again": a new confirmation link for an account whose address is not confirmed
 * yet. The answer is the same whether or not such an account exists.
 */
import { useMutation } from '@tanstack/react-query';
import { useRef } from 'react';
import { Form } from 'react-aria-components';
import { FormattedMessage } from 'react-intl';
import { placeApiError } from '../platform/forms/api-form-errors.ts';
import { ErrorAlert, SuccessAlert } from '../platform/forms/form-alert.tsx';
import { readForm } from '../platform/forms/read-form.ts';
import { SubmitButton } from '../platform/forms/submit-button.tsx';
import { TextField } from '../platform/forms/text-field.tsx';
import { useFocusFirstInvalid } from '../platform/forms/use-focus-invalid.ts';
import { accountApi } from './account-api.ts';

export function ResendVerificationForm({ defaultEmail }: { defaultEmail?: string }) {
  const formRef = useRef<HTMLFormElement>(null);
  const resend = useMutation({ mutationFn: (email: string) => accountApi.resendVerification(email) });
  const { fieldErrors, formError } = placeApiError(resend.error, ['email']);
  useFocusFirstInvalid(formRef, resend.error);

  return (
    <Form
      ref={formRef}
      className="form"
      validationErrors={fieldErrors}
      onSubmit={(event) => resend.mutate(readForm(event).text('email').trim())}
    >
      <ErrorAlert error={formError} />
      {resend.isSuccess && (
        <SuccessAlert>
          <p>
            <FormattedMessage id="resend.sent" />
          </p>
        </SuccessAlert>
      )}
      <TextField
        name="email"
        type="email"
        autoComplete="email"
        isRequired
        maxLength={254}
        defaultValue={defaultEmail}
        label={<FormattedMessage id="field.email" />}
      />
      <div className="form-actions">
        <SubmitButton variant="secondary" isPending={resend.isPending}>
          <FormattedMessage id="resend.submit" />
        </SubmitButton>
      </div>
    </Form>
  );
}
