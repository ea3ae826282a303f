/** A coordinator edits a process and re-plans its phases; the change is a public event. */
import { Link } from 'react-aria-components';
import { FormattedMessage, useIntl } from 'react-intl';
import { useCluster } from '../clusters/cluster-api.ts';
import { ErrorAlert } from '../platform/forms/form-alert.tsx';
import { Loading } from '../platform/layout/loading.tsx';
import { Page } from '../platform/layout/page.tsx';
import { paths } from '../platform/routing/paths.ts';
import { ProcessForm } from './new-process-page.tsx';
import { useProcess } from './participation-api.ts';
import './participation.css';

export function EditProcessPage({ slug, processId }: { slug: string; processId: string }) {
  const intl = useIntl();
  const cluster = useCluster(slug);
  const process = useProcess(slug, processId);
  const heading = intl.formatMessage({ id: 'participation.editProcess.title' });
  const data = process.data;
  return (
    <Page
      title={data && cluster.data ? [heading, data.title, cluster.data.name] : null}
      eyebrow={data && <Link href={paths.process(slug, processId)}>{data.title}</Link>}
      heading={heading}
      width="medium"
    >
      <ErrorAlert error={process.error} />
      {process.isPending && <Loading />}
      {data && !data.can.manage && (
        <p className="participation-empty">
          <FormattedMessage id="participation.editProcess.notAllowed" />
        </p>
      )}
      {data?.can.manage && <ProcessForm slug={slug} process={data} />}
    </Page>
  );
}
