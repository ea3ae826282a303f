/**
 * A participatory process: what it is about (with its easy-read summary), its phases with the
 * current one marked, its proposals (filtered by category and state, sorted by support, newest or
 * a random order that stays the same while paging), its meetings, what came of each answered idea
 * (its budget projects and result), its budgets and the results being carried out.
 */
import { useState } from 'react';
import { Link } from 'react-aria-components';
import { FormattedDate, FormattedMessage, useIntl } from 'react-intl';
import { ProcessBudgets } from '../budgeting/process-budgets.tsx';
import { useCluster } from '../clusters/cluster-api.ts';
import { ErrorAlert } from '../platform/forms/form-alert.tsx';
import { SelectField } from '../platform/forms/select-field.tsx';
import { LoadMoreButton } from '../platform/layout/load-more-button.tsx';
import { Loading } from '../platform/layout/loading.tsx';
import { Page } from '../platform/layout/page.tsx';
import { paths } from '../platform/routing/paths.ts';
import { IdeaTrail } from './idea-trail.tsx';
import {
  calendarUrl,
  type Process,
  type ProposalFilter,
  type ProposalSort,
  type ProposalState,
  useCategories,
  useMeetings,
  useProcess,
  useProposals,
  useResults,
  useSurveys,
} from './participation-api.ts';
import { useParticipationLabels } from './participation-labels.ts';
import { ServerRenderedHtml } from './server-rendered-html.tsx';
import './participation.css';

const ALL = 'all';
const STATES: readonly ProposalState[] = ['published', 'evaluating', 'accepted', 'rejected', 'withdrawn'];

export function ProcessPage({ slug, processId }: { slug: string; processId: string }) {
  const cluster = useCluster(slug);
  const process = useProcess(slug, processId);
  const data = process.data;
  return (
    <Page
      title={data && cluster.data ? [data.title, cluster.data.name] : null}
      eyebrow={
        <Link href={paths.participation(slug)}>
          <FormattedMessage id="participation.title" />
        </Link>
      }
      heading={data?.title ?? <FormattedMessage id="common.loading" />}
      lead={data?.easyReadSummary || undefined}
      actions={
        (data?.can.propose || data?.can.manage) && (
          <div className="button-row">
            {data.can.propose && (
              <Link className="button" href={paths.newProposal(slug, processId)}>
                <FormattedMessage id="participation.propose" />
              </Link>
            )}
            {data.can.manage && (
              <Link className="button button--secondary" href={paths.editProcess(slug, processId)}>
                <FormattedMessage id="participation.editProcess.title" />
              </Link>
            )}
          </div>
        )
      }
    >
      <ErrorAlert error={process.error} />
      {process.isPending && <Loading />}
      {data && <ProcessDetails slug={slug} process={data} />}
    </Page>
  );
}

function ProcessDetails({ slug, process }: { slug: string; process: Process }) {
  const labels = useParticipationLabels();
  return (
    <>
      <div className="process-about">
        <dl className="participation-facts">
          <dt>
            <FormattedMessage id="participation.levelLabel" />
          </dt>
          <dd>{labels.level(process.participationLevel)}</dd>
          <dt>
            <FormattedMessage id="participation.whoLabel" />
          </dt>
          <dd>
            <FormattedMessage
              id={
                process.whoMayTakePart === 'verified'
                  ? 'participation.who.verified'
                  : 'participation.who.signedIn'
              }
            />
          </dd>
          {process.projectLink && (
            <>
              <dt>
                <FormattedMessage id="participation.projectLabel" />
              </dt>
              <dd>
                {/^https?:\/\//.test(process.projectLink) ? (
                  <a href={process.projectLink} rel="noopener noreferrer">
                    {process.projectLink}
                  </a>
                ) : (
                  process.projectLink
                )}
              </dd>
            </>
          )}
        </dl>
        <ServerRenderedHtml html={process.descriptionHtml} />
      </div>
      <section aria-labelledby="phases-heading">
        <h2 id="phases-heading">
          <FormattedMessage id="participation.phases" />
        </h2>
        <ol className="phase-list">
          {process.phases.map((phase) => (
            <li
              key={phase.id}
              className={phase.isCurrent ? 'phase phase--current' : 'phase'}
              aria-current={phase.isCurrent ? 'step' : undefined}
            >
              <strong>{labels.phase(phase.kind)}</strong>{' '}
              <span className="muted">
                <FormattedDate value={phase.startsAt} dateStyle="medium" /> –{' '}
                <FormattedDate value={phase.endsAt} dateStyle="medium" />
              </span>
              {phase.isCurrent && (
                <span className="badge">
                  <FormattedMessage id="participation.phaseNow" />
                </span>
              )}
            </li>
          ))}
        </ol>
      </section>
      <ProposalList slug={slug} processId={process.id} />
      <MeetingList slug={slug} processId={process.id} mayPlan={process.can.manage} />
      <SurveyList slug={slug} processId={process.id} mayAsk={process.can.manage} />
      <ResultList slug={slug} processId={process.id} counts={process.proposalCounts} />
    </>
  );
}

function ProposalList({ slug, processId }: { slug: string; processId: string }) {
  const intl = useIntl();
  const labels = useParticipationLabels();
  const [seed] = useState(() => Math.floor(Math.random() * 1_000_000));
  const [sort, setSort] = useState<ProposalSort>('newest');
  const [category, setCategory] = useState(ALL);
  const [state, setState] = useState(ALL);
  const filter: ProposalFilter = {
    sort,
    ...(sort === 'random' ? { seed } : {}),
    ...(category !== ALL ? { category } : {}),
    ...(state !== ALL ? { state: state as ProposalState } : {}),
  };
  const proposals = useProposals(slug, processId, filter);
  const categories = useCategories(slug, processId);
  const items = proposals.data?.pages.flatMap((page) => page.items) ?? [];
  const all = { id: ALL, label: intl.formatMessage({ id: 'participation.filter.all' }) };
  return (
    <section aria-labelledby="proposals-heading">
      <h2 id="proposals-heading">
        <FormattedMessage id="participation.proposals" />
      </h2>
      <fieldset className="filters participation-filters">
        <legend className="visually-hidden">
          <FormattedMessage id="participation.filter.label" />
        </legend>
        <SelectField
          label={<FormattedMessage id="participation.sort" />}
          options={(['newest', 'support', 'random'] as const).map((id) => ({
            id,
            label: intl.formatMessage({ id: `participation.sort.${id}` }),
          }))}
          value={sort}
          onChange={(key) => setSort(String(key) as ProposalSort)}
        />
        <SelectField
          label={<FormattedMessage id="participation.filter.category" />}
          options={[all, ...(categories.data?.items ?? []).map((c) => ({ id: c, label: c }))]}
          value={category}
          onChange={(key) => setCategory(String(key))}
        />
        <SelectField
          label={<FormattedMessage id="participation.filter.state" />}
          options={[all, ...STATES.map((s) => ({ id: s, label: labels.state(s) }))]}
          value={state}
          onChange={(key) => setState(String(key))}
        />
      </fieldset>
      <ErrorAlert error={proposals.error} />
      {proposals.isPending ? (
        <Loading />
      ) : (
        <p className="muted" role="status">
          <FormattedMessage
            id="participation.proposalsShown"
            values={{ count: items.length, more: proposals.hasNextPage ? 'yes' : 'no' }}
          />
        </p>
      )}
      <ul className="proposal-list">
        {items.map((proposal) => (
          <li key={proposal.id} className="card proposal-card">
            <h3 className="proposal-card__title">
              <Link href={paths.proposal(slug, processId, proposal.id)}>{proposal.title}</Link>
            </h3>
            <p className="muted">
              <FormattedMessage
                id="participation.proposalMeta"
                values={{
                  author: proposal.authorName,
                  state: labels.state(proposal.state),
                  supports: proposal.supportCount,
                  comments: proposal.commentCount,
                  category: proposal.category || '—',
                }}
              />
              {proposal.hasSupported && (
                <>
                  {' '}
                  <span className="badge">
                    <FormattedMessage id="participation.youSupport" />
                  </span>
                </>
              )}
            </p>
          </li>
        ))}
      </ul>
      <LoadMoreButton query={proposals} />
    </section>
  );
}

function MeetingList({ slug, processId, mayPlan }: { slug: string; processId: string; mayPlan: boolean }) {
  const meetings = useMeetings(slug, processId);
  const labels = useParticipationLabels();
  const items = meetings.data?.pages.flatMap((page) => page.items) ?? [];
  return (
    <section aria-labelledby="meetings-heading">
      <h2 id="meetings-heading">
        <FormattedMessage id="participation.meetings" />
      </h2>
      <ErrorAlert error={meetings.error} />
      {meetings.isSuccess && items.length === 0 ? (
        <p className="participation-empty">
          <FormattedMessage id="participation.noMeetings" />
        </p>
      ) : (
        <ul className="participation-plain-list">
          {items.map((meeting) => (
            <li key={meeting.id}>
              <Link href={paths.meeting(slug, processId, meeting.id)}>{meeting.title}</Link>{' '}
              <span className="muted">
                <FormattedDate value={meeting.startsAt} dateStyle="medium" timeStyle="short" /> ·{' '}
                {labels.format(meeting.format)}
              </span>
            </li>
          ))}
        </ul>
      )}
      <LoadMoreButton query={meetings} />
      {mayPlan && (
        <p>
          <Link className="button button--secondary" href={paths.newMeeting(slug, processId)}>
            <FormattedMessage id="participation.meeting.new" />
          </Link>
        </p>
      )}
      <p>
        <a href={calendarUrl(slug, processId)}>
          <FormattedMessage id="participation.calendarFeed" />
        </a>
      </p>
    </section>
  );
}

function SurveyList({ slug, processId, mayAsk }: { slug: string; processId: string; mayAsk: boolean }) {
  const surveys = useSurveys(slug, processId);
  const items = surveys.data?.pages.flatMap((page) => page.items) ?? [];
  if (items.length === 0 && !mayAsk) return null;
  return (
    <section aria-labelledby="surveys-heading">
      <h2 id="surveys-heading">
        <FormattedMessage id="participation.surveys" />
      </h2>
      <ul className="participation-plain-list">
        {items.map((survey) => (
          <li key={survey.id}>
            <Link href={paths.survey(slug, processId, survey.id)}>{survey.title}</Link>{' '}
            <span className="muted">
              <FormattedMessage
                id="participation.surveyMeta"
                values={{ isOpen: survey.isOpen ? 'yes' : 'no', count: survey.responseCount }}
              />
            </span>
          </li>
        ))}
      </ul>
      <LoadMoreButton query={surveys} />
      {mayAsk && (
        <p>
          <Link className="button button--secondary" href={paths.newSurvey(slug, processId)}>
            <FormattedMessage id="participation.survey.new" />
          </Link>
        </p>
      )}
    </section>
  );
}

function ResultList({
  slug,
  processId,
  counts,
}: {
  slug: string;
  processId: string;
  counts: Process['proposalCounts'];
}) {
  const results = useResults(slug, processId);
  const labels = useParticipationLabels();
  const items = results.data?.pages.flatMap((page) => page.items) ?? [];
  return (
    <>
      <section aria-labelledby="results-heading">
        <h2 id="results-heading">
          <FormattedMessage id="participation.results" />
        </h2>
        <p>
          <FormattedMessage id="participation.outcomeSummary" values={{ ...counts }} />
        </p>
        <IdeaTrail slug={slug} processId={processId} />
      </section>
      <ProcessBudgets slug={slug} processId={processId} />
      <section aria-labelledby="all-results-heading">
        <h2 id="all-results-heading">
          <FormattedMessage id="participation.allResults" />
        </h2>
        <ErrorAlert error={results.error} />
        {results.isSuccess && items.length === 0 ? (
          <p className="participation-empty">
            <FormattedMessage id="participation.noResults" />
          </p>
        ) : (
          <ul className="participation-plain-list">
            {items.map((result) => (
              <li key={result.id}>
                <Link href={paths.result(slug, processId, result.id)}>{result.title}</Link>{' '}
                <span className="muted">
                  {labels.resultStatus(result.status)} ·{' '}
                  <FormattedMessage
                    id="participation.progress"
                    values={{ percent: result.progressPercent }}
                  />
                </span>
              </li>
            ))}
          </ul>
        )}
        <LoadMoreButton query={results} />
      </section>
    </>
  );
}
