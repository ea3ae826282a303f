/**
 * Sign in with e-mail and password; afterwards go where the reader was heading — the `next` path,
 * or the one remembered while they signed up and confirmed their address (an invitation, say).
 */
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useRouter } from '@tanstack/react-router';
import { Form, Link } from 'react-aria-components';
import { FormattedMessage, useIntl } from 'react-intl';
import { api } from '../platform/api/api-client.ts';
import { isApiError } from '../platform/api/api-error.ts';
import { ErrorAlert } from '../platform/forms/form-alert.tsx';
import { readForm } from '../platform/forms/read-form.ts';
import { SubmitButton } from '../platform/forms/submit-button.tsx';
import { TextField } from '../platform/forms/text-field.tsx';
import { announce } from '../platform/layout/announcer.tsx';
import { Page } from '../platform/layout/page.tsx';
import { paths, safeNextPath } from '../platform/routing/paths.ts';
import { forgetReturnPath, rememberedReturnPath } from '../platform/routing/return-path.ts';
import { refreshPrivateData } from '../platform/session/refresh-private-data.ts';
import { EMAIL_NOT_VERIFIED, EmailNotVerifiedAlert } from './email-not-verified-alert.tsx';

export function SignInPage({ next }: { next?: string }) {
  const intl = useIntl();
  const router = useRouter();
  const queryClient = useQueryClient();
  const signIn = useMutation({
    mutationFn: (input: { email: string; password: string }) => api.post('/session', input),
    onSuccess: async () => {
      const destination = safeNextPath(next) ?? rememberedReturnPath() ?? paths.home();
      forgetReturnPath();
      await refreshPrivateData(queryClient);
      await router.navigate({ href: destination });
      announce(intl.formatMessage({ id: 'session.signedIn' }));
    },
  });
  // Wrong credentials are about the pair, not one field: a field error would also block sending
  // the form again until that very field changed. So every sign-in error is said above the form.
  const formError = signIn.error;

  return (
    <Page
      title={[intl.formatMessage({ id: 'signIn.title' })]}
      heading={<FormattedMessage id="signIn.title" />}
      width="narrow"
    >
      <div className="card">
        <Form
          className="form"
          onSubmit={(event) => {
            const form = readForm(event);
            signIn.mutate({ email: form.text('email').trim(), password: form.text('password') });
          }}
        >
          {isApiError(formError) && formError.code === EMAIL_NOT_VERIFIED ? (
            <EmailNotVerifiedAlert error={formError} email={signIn.variables?.email ?? ''} />
          ) : (
            <ErrorAlert error={formError} />
          )}
          <TextField
            name="email"
            type="email"
            autoComplete="email"
            isRequired
            label={<FormattedMessage id="field.email" />}
          />
          <TextField
            name="password"
            type="password"
            autoComplete="current-password"
            isRequired
            label={<FormattedMessage id="field.password" />}
          />
          <div className="form-actions">
            <SubmitButton isPending={signIn.isPending}>
              <FormattedMessage id="signIn.submit" />
            </SubmitButton>
            <Link href={paths.forgotPassword()}>
              <FormattedMessage id="signIn.forgot" />
            </Link>
          </div>
        </Form>
      </div>
      <p className="muted follow-up">
        <FormattedMessage
          id="signIn.noAccount"
          values={{
            link: (text) => <Link href={paths.signUp(safeNextPath(next) ?? undefined)}>{text}</Link>,
          }}
        />
      </p>
    </Page>
  );
}
