/**
 * The link from the confirmation mail: confirms the address once, then offers to sign in (towards
 * where the newcomer started, if that was remembered) — or, when the link has expired, a new one.
 */
import { useMutation } from '@tanstack/react-query';
import { useEffect, useRef, useState } from 'react';
import { Link } from 'react-aria-components';
import { FormattedMessage, useIntl } from 'react-intl';
import { api } from '../platform/api/api-client.ts';
import { ErrorAlert, SuccessAlert } from '../platform/forms/form-alert.tsx';
import { Loading } from '../platform/layout/loading.tsx';
import { Page } from '../platform/layout/page.tsx';
import { paths, safeNextPath } from '../platform/routing/paths.ts';
import { rememberedReturnPath } from '../platform/routing/return-path.ts';
import { ResendVerificationForm } from './resend-verification-form.tsx';

export function VerifyEmailPage({ token, next }: { token?: string; next?: string }) {
  const intl = useIntl();
  const verify = useMutation({
    mutationFn: (value: string) => api.post('/account/verify-email', { token: value }),
  });
  // The link's own `next` works on any device; the remembered one only in this browser.
  const [returnPath] = useState(() => safeNextPath(next) ?? rememberedReturnPath());
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
            <Link className="button" href={paths.signIn(returnPath ?? undefined)}>
              <FormattedMessage id="nav.signIn" />
            </Link>
          </>
        )}
        {verify.isError && (
          <>
            <ErrorAlert error={verify.error} />
            <p>
              <FormattedMessage id="verify.failedHelp" />
            </p>
            <div className="card">
              <ResendVerificationForm />
            </div>
          </>
        )}
      </div>
    </Page>
  );
}
