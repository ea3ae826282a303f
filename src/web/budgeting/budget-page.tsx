/**
 * A budget: what it is, its projects with their costs, the reader's ballot (or why they cannot vote
 * now), a helper's paper-ballot entry, and — for coordinators — the steps from draft to results.
 */

import { Link } from 'react-aria-components';
import { FormattedDate, FormattedMessage, useIntl } from 'react-intl';
import { useCluster } from '../clusters/cluster-api.ts';
import { useProcess } from '../participation/participation-api.ts';
import { isNotFound } from '../platform/layout/is-not-found.ts';
import { Loading } from '../platform/layout/loading.tsx';
import { NotFoundPage } from '../platform/layout/not-found-page.tsx';
import { Page } from '../platform/layout/page.tsx';
import { paths } from '../platform/routing/paths.ts';
import { BallotForm } from './ballot-form.tsx';
import { StatusBadge } from './budget-status.tsx';
import {
  type BudgetPage as Budget,
  budgetingApi,
  type Project,
  useBudget,
  useMyBallot,
  useProjects,
} from './budgeting-api.ts';
import { Coordination } from './coordination.tsx';
import { useMoney } from './money.ts';

export function BudgetPage({ slug, budgetId }: { slug: string; budgetId: string }) {
  const intl = useIntl();
  const cluster = useCluster(slug);
  const budget = useBudget(slug, budgetId);
  const projects = useProjects(slug, budgetId);
  const canVote = budget.data?.voting === 'can_vote';
  const myBallot = useMyBallot(slug, budgetId, canVote);
  if (isNotFound(budget.error)) return <NotFoundPage />;
  const data = budget.data;
  return (
    <Page
      title={data && cluster.data ? [data.name, cluster.data.name] : null}
      heading={data?.name ?? <FormattedMessage id="common.loading" />}
      eyebrow={<Link href={paths.budgets(slug)}>{intl.formatMessage({ id: 'budgets.title' })}</Link>}
      lead={data?.description || undefined}
    >
      {!data || !projects.data ? (
        <Loading />
      ) : (
        <div className="stack-lg">
          <Facts budget={data} />
          {data.processId && <ProcessLink slug={slug} processId={data.processId} />}
          {data.status === 'published' && (
            <p>
              <Link className="button" href={paths.budgetResults(slug, budgetId)}>
                <FormattedMessage id="budget.results.link" />
              </Link>
            </p>
          )}
          {data.can.manage && <Coordination slug={slug} budget={data} projects={projects.data} />}
          <section className="section" aria-labelledby="ballot-heading">
            <h2 id="ballot-heading" className="section-title">
              {canVote ? (
                <FormattedMessage id="budget.ballot.title" />
              ) : (
                <FormattedMessage id="budget.projects.title" />
              )}
            </h2>
            {canVote && myBallot.data ? (
              <BallotForm
                slug={slug}
                budget={data}
                projects={projects.data}
                initial={myBallot.data.ballot?.choices ?? []}
                mode="own"
              />
            ) : (
              <>
                <p className="alert alert--info">
                  <FormattedMessage
                    id={`budget.standing.${data.voting}`}
                    values={{
                      opens: <FormattedDate value={data.opensAt} dateStyle="long" timeStyle="short" />,
                    }}
                  />
                </p>
                <ProjectList slug={slug} budget={data} projects={projects.data} />
              </>
            )}
          </section>
          {data.can.assist && data.isVotingOpen && (
            <section className="section" aria-labelledby="code-heading">
              <h2 id="code-heading" className="section-title">
                <FormattedMessage id="budget.code.title" />
              </h2>
              <BallotForm slug={slug} budget={data} projects={projects.data} initial={[]} mode="code" />
            </section>
          )}
          {(data.status === 'published' || data.can.manage) && (
            <p>
              <a href={budgetingApi.exportUrl(slug, budgetId)} download>
                <FormattedMessage id="budget.export" />
              </a>
            </p>
          )}
        </div>
      )}
    </Page>
  );
}

/** The way back from the vote to the process whose ideas its projects may be. */
function ProcessLink({ slug, processId }: { slug: string; processId: string }) {
  const process = useProcess(slug, processId);
  if (!process.data) return null;
  return (
    <p>
      <FormattedMessage
        id="budget.partOfProcess"
        values={{
          title: process.data.title,
          link: (chunks) => <Link href={paths.process(slug, processId)}>{chunks}</Link>,
        }}
      />
    </p>
  );
}

function Facts({ budget }: { budget: Budget }) {
  const money = useMoney(budget.currency);
  return (
    <dl className="facts">
      <div>
        <dt>
          <FormattedMessage id="budget.facts.amount" />
        </dt>
        <dd>
          {money(budget.amountMinor)} <StatusBadge status={budget.status} />
        </dd>
      </div>
      <div>
        <dt>
          <FormattedMessage id="budget.facts.rule" />
        </dt>
        <dd>
          <FormattedMessage id={`budget.rule.${budget.rule}`} />
        </dd>
      </div>
      <div>
        <dt>
          <FormattedMessage id="budget.facts.window" />
        </dt>
        <dd>
          <FormattedDate value={budget.opensAt} dateStyle="medium" timeStyle="short" /> –{' '}
          <FormattedDate value={budget.closesAt} dateStyle="medium" timeStyle="short" />
        </dd>
      </div>
      <div>
        <dt>
          <FormattedMessage id="budget.facts.ballots" />
        </dt>
        <dd>{budget.ballotCount}</dd>
      </div>
    </dl>
  );
}

function ProjectList({
  slug,
  budget,
  projects,
}: {
  slug: string;
  budget: Budget;
  projects: readonly Project[];
}) {
  const money = useMoney(budget.currency);
  if (projects.length === 0)
    return (
      <p className="empty-state">
        <FormattedMessage id="budget.projects.empty" />
      </p>
    );
  return (
    <ul className="item-list">
      {projects.map((project) => (
        <li key={project.id}>
          <div className="item-list__main">
            <span className="item-list__title">{project.title}</span>
          </div>
          <p className="item-list__meta">
            {money(project.costMinor)}
            {project.category && ` · ${project.category}`}
            {project.sourceProposalId && budget.processId && (
              <>
                {' · '}
                <Link href={paths.proposal(slug, budget.processId, project.sourceProposalId)}>
                  <FormattedMessage id="budget.projects.fromProposal" values={{ title: project.title }} />
                </Link>
              </>
            )}
          </p>
        </li>
      ))}
    </ul>
  );
}
