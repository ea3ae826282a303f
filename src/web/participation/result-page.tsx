/** What came of an idea: a result's status, progress and public timeline of milestones with evidence. */
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Button, Link } from 'react-aria-components';
import { FormattedDate, FormattedMessage, useIntl } from 'react-intl';
import { ErrorAlert } from '../platform/forms/form-alert.tsx';
import { Loading } from '../platform/layout/loading.tsx';
import { paths } from '../platform/routing/paths.ts';
import { useSession } from '../platform/session/use-session.ts';
import { MilestoneForm } from './milestone-form.tsx';
import { participationApi, participationKeys, useResult } from './participation-api.ts';
import { useParticipationLabels } from './participation-labels.ts';
import { ProcessSubpage } from './process-subpage.tsx';
import './participation.css';

export function ResultPage({
  slug,
  processId,
  resultId,
}: {
  slug: string;
  processId: string;
  resultId: string;
}) {
  const intl = useIntl();
  const labels = useParticipationLabels();
  const queryClient = useQueryClient();
  const session = useSession();
  const result = useResult(slug, processId, resultId);
  const follow = useMutation({
    mutationFn: (isFollowing: boolean) =>
      participationApi.followResult(slug, processId, resultId, isFollowing),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: participationKeys.result(slug, resultId) }),
  });
  const data = result.data;
  return (
    <ProcessSubpage
      slug={slug}
      processId={processId}
      heading={data?.title ?? null}
      lead={data?.easyReadSummary || undefined}
    >
      <ErrorAlert error={result.error ?? follow.error} />
      {result.isPending && <Loading />}
      {data && (
        <>
          <p>
            <strong>{labels.resultStatus(data.status)}</strong>
          </p>
          <div className="participation-progress">
            <progress
              max={100}
              value={data.progressPercent}
              aria-label={intl.formatMessage({ id: 'participation.progressLabel' })}
            />{' '}
            <FormattedMessage id="participation.progress" values={{ percent: data.progressPercent }} />
          </div>
          {data.sourceKind === 'proposal' && (
            <p>
              <Link href={paths.proposal(slug, processId, data.sourceId)}>
                <FormattedMessage id="participation.fromProposal" />
              </Link>
            </p>
          )}
          {data.description && <p className="participation-pre-line">{data.description}</p>}
          {session.data?.person && (
            <Button
              className="button button--secondary"
              isDisabled={follow.isPending}
              onPress={() => follow.mutate(!data.viewer.isFollowing)}
            >
              <FormattedMessage
                id={data.viewer.isFollowing ? 'participation.unfollow' : 'participation.follow'}
              />
            </Button>
          )}
          <section aria-labelledby="timeline-heading">
            <h2 id="timeline-heading">
              <FormattedMessage id="participation.timeline" />
            </h2>
            {data.timeline.length === 0 ? (
              <p className="muted">
                <FormattedMessage id="participation.noMilestones" />
              </p>
            ) : (
              <ol className="participation-timeline">
                {data.timeline.map((milestone) => (
                  <li key={milestone.id}>
                    <h3>{milestone.title}</h3>
                    <p className="muted">
                      <FormattedDate value={milestone.happenedOn} dateStyle="long" timeZone="UTC" /> ·{' '}
                      {labels.resultStatus(milestone.status)} ·{' '}
                      <FormattedMessage
                        id="participation.progress"
                        values={{ percent: milestone.progressPercent }}
                      />
                    </p>
                    {milestone.description && (
                      <p className="participation-pre-line">{milestone.description}</p>
                    )}
                    {milestone.evidenceText && <p>{milestone.evidenceText}</p>}
                    {milestone.evidenceUrl && (
                      <p>
                        <a href={milestone.evidenceUrl} rel="noopener noreferrer">
                          <FormattedMessage id="participation.evidence" />
                        </a>
                      </p>
                    )}
                  </li>
                ))}
              </ol>
            )}
          </section>
          {data.can.manage && <MilestoneForm slug={slug} processId={processId} result={data} />}
        </>
      )}
    </ProcessSubpage>
  );
}
