/** After sign-up: the account waits for the e-mail address to be confirmed. */
import { Link } from 'react-aria-components';
import { FormattedMessage, useIntl } from 'react-intl';
import { Page } from '../platform/layout/page.tsx';
import { paths } from '../platform/routing/paths.ts';

export function CheckYourMailPage() {
  const intl = useIntl();
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
        <Link className="button button--secondary" href={paths.signIn()}>
          <FormattedMessage id="nav.signIn" />
        </Link>
      </div>
    </Page>
  );
}
