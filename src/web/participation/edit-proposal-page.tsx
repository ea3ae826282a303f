/** Its authors edit a proposal until the first support or comment freezes its text. */
import { Link } from 'react-aria-components';
import { FormattedMessage, useIntl } from 'react-intl';
import { useCluster } from '../clusters/cluster-api.ts';
import { ErrorAlert } from '../platform/forms/form-alert.tsx';
import { Loading } from '../platform/layout/loading.tsx';
import { Page } from '../platform/layout/page.tsx';
import { paths } from '../platform/routing/paths.ts';
import { useProposal } from './participation-api.ts';
import { ProposalForm } from './proposal-form.tsx';
import './participation.css';

export function EditProposalPage({
  slug,
  processId,
  proposalId,
}: {
  slug: string;
  processId: string;
  proposalId: string;
}) {
  const intl = useIntl();
  const cluster = useCluster(slug);
  const proposal = useProposal(slug, processId, proposalId);
  const heading = intl.formatMessage({ id: 'participation.edit.title' });
  const data = proposal.data;
  return (
    <Page
      title={data && cluster.data ? [heading, data.title, cluster.data.name] : null}
      eyebrow={data && <Link href={paths.proposal(slug, processId, proposalId)}>{data.title}</Link>}
      heading={heading}
      lead={<FormattedMessage id="participation.edit.lead" />}
      width="medium"
    >
      <ErrorAlert error={proposal.error} />
      {proposal.isPending && <Loading />}
      {data && !data.can.edit && (
        <p className="participation-empty">
          <FormattedMessage id="participation.edit.closed" />
        </p>
      )}
      {data?.can.edit && <ProposalForm slug={slug} processId={processId} proposal={data} />}
    </Page>
  );
}
