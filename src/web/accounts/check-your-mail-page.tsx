/**
 * After sign-up: the account waits for the e-mail address to be confirmed. The link can be sent
 * again; signing in afterwards leads back to where the newcomer started (an invitation, say).
 */
import { useState } from 'react';
import { Link } from 'react-aria-components';
import { FormattedMessage, useIntl } from 'react-intl';
import { Page } from '../platform/layout/page.tsx';
import { paths } from '../platform/routing/paths.ts';
import { rememberedReturnPath } from '../platform/routing/return-path.ts';
import { ResendVerificationForm } from './resend-verification-form.tsx';

/** `email`: the address just signed up with, when this page was reached from the sign-up form. */
export function CheckYourMailPage({ email }: { email?: string }) {
  const intl = useIntl();
  const [returnPath] = useState(rememberedReturnPath);
  return (
    <Page
      title={[intl.formatMessage({ id: 'checkMail.title' })]}
      heading={<FormattedMessage id="checkMail.title" />}
      lead={<FormattedMessage id="checkMail.lead" />}
      width="medium"
    >
      <div className="card stack">
        <p>
          <FormattedMessage id="checkMail.text" />
        </p>
        <p className="muted">
          <FormattedMessage id="checkMail.notArrived" />
        </p>
        <ResendVerificationForm defaultEmail={email} />
      </div>
      <p className="follow-up">
        <Link href={paths.signIn(returnPath ?? undefined)}>
          <FormattedMessage id="nav.signIn" />
        </Link>
      </p>
    </Page>
  );
}
