/** The link from the confirmation mail: confirms the address once, then offers to sign in. */
import { useMutation } from '@tanstack/react-query';
import { useEffect, useRef } from 'react';
import { Link } from 'react-aria-components';
import { FormattedMessage, useIntl } from 'react-intl';
import { api } from '../platform/api/api-client.ts';
import { ErrorAlert, SuccessAlert } from '../platform/forms/form-alert.tsx';
import { Loading } from '../platform/layout/loading.tsx';
import { Page } from '../platform/layout/page.tsx';
import { paths } from '../platform/routing/paths.ts';

export function VerifyEmailPage({ token }: { token?: string }) {
  const intl = useIntl();
  const verify = useMutation({
    mutationFn: (value: string) => api.post('/account/verify-email', { token: value }),
  });
  const hasStarted = useRef(false);
  useEffect(() => {
    // A token is single-use: send it once, even when React runs effects twice in development.
    if (!token || hasStarted.current) return;
    hasStarted.current = true;
    verify.mutate(token);
  }, [token, verify]);

  return (
    <Page
      title={[intl.formatMessage({ id: 'verify.title' })]}
      heading={<FormattedMessage id="verify.title" />}
      width="medium"
    >
      <div className="stack">
        {!token && (
          <div className="alert alert--error" role="alert">
            <p>
              <FormattedMessage id="verify.missingToken" />
            </p>
          </div>
        )}
        {verify.isPending && <Loading />}
        {verify.isSuccess && (
          <>
            <SuccessAlert>
              <p>
                <FormattedMessage id="verify.done" />
              </p>
            </SuccessAlert>
            <Link className="button" href={paths.signIn()}>
              <FormattedMessage id="nav.signIn" />
            </Link>
          </>
        )}
        {verify.isError && (
          <>
            <ErrorAlert error={verify.error} />
            <p>
              <FormattedMessage
                id="verify.failedHelp"
                values={{ link: (text) => <Link href={paths.signUp()}>{text}</Link> }}
              />
            </p>
          </>
        )}
      </div>
    </Page>
  );
}
