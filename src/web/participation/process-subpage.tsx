/**
 * The frame of a page inside a process (a proposal, a meeting, a survey, a result, a form): the
 * process named above the heading as a way back, and a document title that names the page, the
 * process and the cluster.
 */
import type { ReactNode } from 'react';
import { Link } from 'react-aria-components';
import { FormattedMessage } from 'react-intl';
import { useCluster } from '../clusters/cluster-api.ts';
import { Page } from '../platform/layout/page.tsx';
import { paths } from '../platform/routing/paths.ts';
import { useProcess } from './participation-api.ts';

interface Props {
  readonly slug: string;
  readonly processId: string;
  /** The page's heading; null while what it names is loading. */
  readonly heading: string | null;
  readonly lead?: ReactNode;
  readonly actions?: ReactNode;
  readonly width?: 'medium' | 'wide';
  readonly children: ReactNode;
}

export function ProcessSubpage({
  slug,
  processId,
  heading,
  lead,
  actions,
  width = 'medium',
  children,
}: Props) {
  const cluster = useCluster(slug);
  const process = useProcess(slug, processId);
  const processTitle = process.data?.title;
  return (
    <Page
      title={
        heading !== null && processTitle && cluster.data ? [heading, processTitle, cluster.data.name] : null
      }
      eyebrow={processTitle && <Link href={paths.process(slug, processId)}>{processTitle}</Link>}
      heading={heading ?? <FormattedMessage id="common.loading" />}
      lead={lead}
      actions={actions}
      width={width}
    >
      {children}
    </Page>
  );
}
