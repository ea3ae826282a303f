/**
 * What the sign-in form says when the address is not confirmed yet: the server's message, and a
 * button that mails a new link to the address just typed (confirmed politely once sent).
 */
import { useMutation } from '@tanstack/react-query';
import { Button } from 'react-aria-components';
import { FormattedMessage } from 'react-intl';
import { ErrorAlert, SuccessAlert, useErrorText } from '../platform/forms/form-alert.tsx';
import { accountApi } from './account-api.ts';

export const EMAIL_NOT_VERIFIED = 'auth.email_not_verified';

export function EmailNotVerifiedAlert({ error, email }: { error: unknown; email: string }) {
  const errorText = useErrorText();
  const resend = useMutation({ mutationFn: () => accountApi.resendVerification(email) });
  return (
    <>
      <div className="alert alert--error stack" role="alert">
        <p>{errorText(error)}</p>
        <div className="button-row">
          <Button
            className="button button--secondary button--small"
            onPress={() => {
              if (!resend.isPending) resend.mutate();
            }}
          >
            {resend.isPending ? (
              <FormattedMessage id="form.sending" />
            ) : (
              <FormattedMessage id="resend.submit" />
            )}
          </Button>
        </div>
      </div>
      <ErrorAlert error={resend.error} />
      {resend.isSuccess && (
        <SuccessAlert>
          <p>
            <FormattedMessage id="resend.sentTo" values={{ email }} />
          </p>
        </SuccessAlert>
      )}
    </>
  );
}
