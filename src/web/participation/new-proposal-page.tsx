import { FormattedMessage, useIntl } from 'react-intl';
import { ErrorAlert } from '../platform/forms/form-alert.tsx';
import { Loading } from '../platform/layout/loading.tsx';
import { SignInRequired } from '../platform/session/sign-in-required.tsx';
import { useSession } from '../platform/session/use-session.ts';
import { useProcess } from './participation-api.ts';
import { ProcessSubpage } from './process-subpage.tsx';
import { ProposalForm } from './proposal-form.tsx';
import './participation.css';

export function NewProposalPage({ slug, processId }: { slug: string; processId: string }) {
  const intl = useIntl();
  const session = useSession();
  const process = useProcess(slug, processId);
  if (session.isSuccess && !session.data.person) return <SignInRequired />;
  const heading = intl.formatMessage({ id: 'participation.new.title' });
  return (
    <ProcessSubpage
      slug={slug}
      processId={processId}
      heading={heading}
      lead={<FormattedMessage id="participation.new.lead" />}
    >
      <ErrorAlert error={process.error} />
      {process.isPending && <Loading />}
      {process.data && !process.data.can.propose && (
        <p className="participation-empty">
          <FormattedMessage id="participation.new.closed" />
        </p>
      )}
      {process.data?.can.propose && <ProposalForm slug={slug} processId={processId} />}
    </ProcessSubpage>
  );
}
