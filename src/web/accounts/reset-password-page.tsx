/** The link from the reset mail: choose a new password (every open session is then signed out). */
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
import { PASSWORD_MAX_LENGTH, PASSWORD_MIN_LENGTH } from './password-rules.ts';

export function ResetPasswordPage({ token }: { token?: string }) {
  const intl = useIntl();
  const formRef = useRef<HTMLFormElement>(null);
  const reset = useMutation({
    mutationFn: (password: string) => accountApi.confirmPasswordReset(token ?? '', password),
  });
  const { fieldErrors, formError } = placeApiError(reset.error, ['password']);
  useFocusFirstInvalid(formRef, reset.error);

  return (
    <Page
      title={[intl.formatMessage({ id: 'reset.title' })]}
      heading={<FormattedMessage id="reset.title" />}
      width="narrow"
    >
      {!token ? (
        <div className="alert alert--error" role="alert">
          <p>
            <FormattedMessage id="reset.missingToken" />
          </p>
        </div>
      ) : reset.isSuccess ? (
        <div className="stack">
          <SuccessAlert>
            <p>
              <FormattedMessage id="reset.done" />
            </p>
          </SuccessAlert>
          <Link className="button" href={paths.signIn()}>
            <FormattedMessage id="nav.signIn" />
          </Link>
        </div>
      ) : (
        <div className="card">
          <Form
            ref={formRef}
            className="form"
            validationErrors={fieldErrors}
            onSubmit={(event) => reset.mutate(readForm(event).text('password'))}
          >
            <ErrorAlert error={formError} />
            {formError !== null && (
              <p>
                <Link href={paths.forgotPassword()}>
                  <FormattedMessage id="reset.askAgain" />
                </Link>
              </p>
            )}
            <TextField
              name="password"
              type="password"
              autoComplete="new-password"
              isRequired
              minLength={PASSWORD_MIN_LENGTH}
              maxLength={PASSWORD_MAX_LENGTH}
              label={<FormattedMessage id="field.newPassword" />}
              description={
                <FormattedMessage id="field.password.help" values={{ min: PASSWORD_MIN_LENGTH }} />
              }
            />
            <div className="form-actions">
              <SubmitButton isPending={reset.isPending}>
                <FormattedMessage id="reset.submit" />
              </SubmitButton>
            </div>
          </Form>
        </div>
      )}
    </Page>
  );
}
