/**
 * Create an account; a confirmation link goes to the address given. A `next` path (an invitation,
 * say) is remembered until the newcomer signs in, so they land back where they started.
 */
import { useMutation } from '@tanstack/react-query';
import { useRouter } from '@tanstack/react-router';
import { useRef } from 'react';
import { Form, Link } from 'react-aria-components';
import { FormattedMessage, useIntl } from 'react-intl';
import { api } from '../platform/api/api-client.ts';
import { placeApiError } from '../platform/forms/api-form-errors.ts';
import { ErrorAlert } from '../platform/forms/form-alert.tsx';
import { readForm } from '../platform/forms/read-form.ts';
import { SelectField } from '../platform/forms/select-field.tsx';
import { SubmitButton } from '../platform/forms/submit-button.tsx';
import { TextField } from '../platform/forms/text-field.tsx';
import { useFocusFirstInvalid } from '../platform/forms/use-focus-invalid.ts';
import { useLocale } from '../platform/i18n/locale-provider.tsx';
import { ENDONYMS, LOCALES } from '../platform/i18n/locales.ts';
import { Page } from '../platform/layout/page.tsx';
import { paths, safeNextPath } from '../platform/routing/paths.ts';
import { rememberReturnPath } from '../platform/routing/return-path.ts';
import { PASSWORD_MAX_LENGTH, PASSWORD_MIN_LENGTH } from './password-rules.ts';

interface SignUpInput {
  readonly displayName: string;
  readonly email: string;
  readonly password: string;
  readonly locale: string;
  /** Carried into the confirmation link, so the way back survives a change of device. */
  next?: string;
}

const LANGUAGE_OPTIONS = LOCALES.map((locale) => ({ id: locale, label: ENDONYMS[locale], lang: locale }));

export function SignUpPage({ next }: { next?: string }) {
  const intl = useIntl();
  const router = useRouter();
  const { locale } = useLocale();
  const formRef = useRef<HTMLFormElement>(null);
  const signUp = useMutation({
    mutationFn: (input: SignUpInput) => api.post('/account/sign-up', input),
    onSuccess: (_result, input) => {
      rememberReturnPath(next);
      // The address goes along in the page's history entry, for "send the link again".
      return router.navigate({ href: paths.checkYourMail(), state: { signUpEmail: input.email } });
    },
  });
  const { fieldErrors, formError } = placeApiError(signUp.error, [
    'displayName',
    'email',
    'password',
    'locale',
  ]);
  useFocusFirstInvalid(formRef, signUp.error);

  return (
    <Page
      title={[intl.formatMessage({ id: 'signUp.title' })]}
      heading={<FormattedMessage id="signUp.title" />}
      lead={<FormattedMessage id="signUp.lead" />}
      width="narrow"
    >
      <div className="card">
        <Form
          ref={formRef}
          className="form"
          validationErrors={fieldErrors}
          onSubmit={(event) => {
            const form = readForm(event);
            signUp.mutate({
              displayName: form.text('displayName').trim(),
              email: form.text('email').trim(),
              password: form.text('password'),
              locale: form.text('locale') || locale,
              ...(safeNextPath(next) ? { next: safeNextPath(next) as string } : {}),
            });
          }}
        >
          <ErrorAlert error={formError} />
          <TextField
            name="displayName"
            autoComplete="name"
            isRequired
            maxLength={120}
            label={<FormattedMessage id="field.displayName" />}
            description={<FormattedMessage id="field.displayName.help" />}
          />
          <TextField
            name="email"
            type="email"
            autoComplete="email"
            isRequired
            maxLength={254}
            label={<FormattedMessage id="field.email" />}
          />
          <TextField
            name="password"
            type="password"
            autoComplete="new-password"
            isRequired
            minLength={PASSWORD_MIN_LENGTH}
            maxLength={PASSWORD_MAX_LENGTH}
            label={<FormattedMessage id="field.newPassword" />}
            description={<FormattedMessage id="field.password.help" values={{ min: PASSWORD_MIN_LENGTH }} />}
          />
          <SelectField
            name="locale"
            label={<FormattedMessage id="field.locale" />}
            description={<FormattedMessage id="field.locale.help" />}
            options={LANGUAGE_OPTIONS}
            defaultValue={locale}
          />
          <div className="form-actions">
            <SubmitButton isPending={signUp.isPending}>
              <FormattedMessage id="signUp.submit" />
            </SubmitButton>
          </div>
        </Form>
      </div>
      <p className="muted follow-up">
        <FormattedMessage
          id="signUp.haveAccount"
          values={{
            link: (text) => <Link href={paths.signIn(safeNextPath(next) ?? undefined)}>{text}</Link>,
          }}
        />
      </p>
    </Page>
  );
}
