/** Any address the app does not know, and any cluster or organisation one may not see. */
import { Link } from 'react-aria-components';
import { FormattedMessage, useIntl } from 'react-intl';
import { paths } from '../routing/paths.ts';
import { Page } from './page.tsx';

export function NotFoundPage() {
  const intl = useIntl();
  return (
    <Page
      title={[intl.formatMessage({ id: 'notFound.title' })]}
      heading={<FormattedMessage id="notFound.title" />}
      lead={<FormattedMessage id="notFound.text" />}
      width="medium"
    >
      <Link className="button" href={paths.home()}>
        <FormattedMessage id="notFound.home" />
      </Link>
    </Page>
  );
}
