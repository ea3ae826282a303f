/** One's account: profile, language, open sessions, a copy of one's data, and deletion. */
import { FormattedMessage, useIntl } from 'react-intl';
import { Loading } from '../platform/layout/loading.tsx';
import { Page } from '../platform/layout/page.tsx';
import { SignInRequired } from '../platform/session/sign-in-required.tsx';
import { useSession } from '../platform/session/use-session.ts';
import { DataExportSection } from './data-export-section.tsx';
import { DeleteAccountSection } from './delete-account-section.tsx';
import { LanguageSection } from './language-section.tsx';
import { ProfileSection } from './profile-section.tsx';
import { SessionsSection } from './sessions-section.tsx';

export function AccountPage() {
  const intl = useIntl();
  const session = useSession();
  const person = session.data?.person;
  if (session.isSuccess && !person) return <SignInRequired />;
  return (
    <Page
      title={person ? [intl.formatMessage({ id: 'account.title' })] : null}
      heading={<FormattedMessage id="account.title" />}
      width="medium"
    >
      {!person ? (
        <Loading />
      ) : (
        <div className="stack-lg">
          <ProfileSection person={person} />
          <LanguageSection />
          <SessionsSection />
          <DataExportSection />
          <DeleteAccountSection />
        </div>
      )}
    </Page>
  );
}
