/**
 * Proposing in a process: title, text in Markdown, category, place and estimated cost. While the
 * title is typed, proposals with similar titles are shown, so a resident can support one that
 * exists instead of writing it again.
 */
import { Link } from 'react-aria-components';
import { FormattedMessage, useIntl } from 'react-intl';
import { useCluster } from '../clusters/cluster-api.ts';
import { ErrorAlert } from '../platform/forms/form-alert.tsx';
import { Loading } from '../platform/layout/loading.tsx';
import { Page } from '../platform/layout/page.tsx';
import { paths } from '../platform/routing/paths.ts';
import { SignInRequired } from '../platform/session/sign-in-required.tsx';
import { useSession } from '../platform/session/use-session.ts';
import { useProcess } from './participation-api.ts';
import { ProposalForm } from './proposal-form.tsx';
import './participation.css';

export function NewProposalPage({ slug, processId }: { slug: string; processId: string }) {
  const intl = useIntl();
  const session = useSession();
  const cluster = useCluster(slug);
  const process = useProcess(slug, processId);
  if (session.isSuccess && !session.data.person) return <SignInRequired />;
  const heading = intl.formatMessage({ id: 'participation.new.title' });
  return (
    <Page
      title={process.data && cluster.data ? [heading, process.data.title, cluster.data.name] : null}
      eyebrow={process.data && <Link href={paths.process(slug, processId)}>{process.data.title}</Link>}
      heading={heading}
      lead={<FormattedMessage id="participation.new.lead" />}
      width="medium"
    >
      <ErrorAlert error={process.error} />
      {process.isPending && <Loading />}
      {process.data && !process.data.can.propose && (
        <p className="participation-empty">
          <FormattedMessage id="participation.new.closed" />
        </p>
      )}
      {process.data?.can.propose && <ProposalForm slug={slug} processId={processId} />}
    </Page>
  );
}
