/** Ask for a password-reset link. The answer is the same whether or not the address has an account. */
import { useMutation } from '@tanstack/react-query';
import { useRef } from 'react';
import { Form, Link } from 'react-aria-components';
import { FormattedMessage, useIntl } from 'react-intl';
import { placeApiError } from '../platform/forms/api-form-errors.ts';
import { ErrorAlert, SuccessAlert } from '../platform/forms/form-alert.tsx';
import { readForm } from '../platform/forms/read-form.ts';
import { SubmitButton } from '../platform/forms/submit-button.tsx';
import { TextField } from '../platform/forms/text-field.tsx';
import { useFocusFirstInvalid } from '../platform/forms/use-focus-invalid.ts';
import { Page } from '../platform/layout/page.tsx';
import { paths } from '../platform/routing/paths.ts';
import { accountApi } from './account-api.ts';

export function ForgotPasswordPage() {
  const intl = useIntl();
  const formRef = useRef<HTMLFormElement>(null);
  const request = useMutation({ mutationFn: (email: string) => accountApi.requestPasswordReset(email) });
  const { fieldErrors, formError } = placeApiError(request.error, ['email']);
  useFocusFirstInvalid(formRef, request.error);

  return (
    <Page
      title={[intl.formatMessage({ id: 'forgot.title' })]}
      heading={<FormattedMessage id="forgot.title" />}
      lead={<FormattedMessage id="forgot.lead" />}
      width="narrow"
    >
      {request.isSuccess ? (
        <div className="stack">
          <SuccessAlert>
            <p>
              <FormattedMessage id="forgot.sent" />
            </p>
          </SuccessAlert>
          <Link href={paths.signIn()}>
            <FormattedMessage id="forgot.backToSignIn" />
          </Link>
        </div>
      ) : (
        <div className="card">
          <Form
            ref={formRef}
            className="form"
            validationErrors={fieldErrors}
            onSubmit={(event) => request.mutate(readForm(event).text('email').trim())}
          >
            <ErrorAlert error={formError} />
            <TextField
              name="email"
              type="email"
              autoComplete="email"
              isRequired
              label={<FormattedMessage id="field.email" />}
            />
            <div className="form-actions">
              <SubmitButton isPending={request.isPending}>
                <FormattedMessage id="forgot.submit" />
              </SubmitButton>
              <Link href={paths.signIn()}>
                <FormattedMessage id="forgot.backToSignIn" />
              </Link>
            </div>
          </Form>
        </div>
      )}
    </Page>
  );
}
