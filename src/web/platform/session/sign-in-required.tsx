/** What a page that needs an account shows to someone who is not signed in. */
import { useLocation } from '@tanstack/react-router';
import { Link } from 'react-aria-components';
import { FormattedMessage, useIntl } from 'react-intl';
import { Page } from '../layout/page.tsx';
import { paths } from '../routing/paths.ts';

export function SignInRequired() {
  const intl = useIntl();
  const location = useLocation();
  return (
    <Page
      title={[intl.formatMessage({ id: 'signInRequired.title' })]}
      heading={<FormattedMessage id="signInRequired.title" />}
      lead={<FormattedMessage id="signInRequired.text" />}
      width="medium"
    >
      <div className="button-row">
        <Link className="button" href={paths.signIn(location.href)}>
          <FormattedMessage id="nav.signIn" />
        </Link>
        <Link className="button button--secondary" href={paths.signUp(location.href)}>
          <FormattedMessage id="nav.signUp" />
        </Link>
      </div>
    </Page>
  );
}
