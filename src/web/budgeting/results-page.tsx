/**
 * A budget's results: what was funded and what not, each with the reason in a sentence, the money
 * spent, the share of voters with a funded project, and what greedy would have done instead. A
 * coordinator sees a preview here before the results are published.
 */

import { Link } from 'react-aria-components';
import { FormattedMessage, FormattedNumber, useIntl } from 'react-intl';
import { useCluster } from '../clusters/cluster-api.ts';
import { ErrorAlert } from '../platform/forms/form-alert.tsx';
import { Loading } from '../platform/layout/loading.tsx';
import { Page } from '../platform/layout/page.tsx';
import { paths } from '../platform/routing/paths.ts';
import { type ProjectResult, type Reason, type Results, useBudget, useResults } from './budgeting-api.ts';
import { useMoney } from './money.ts';

export function ResultsPage({ slug, budgetId }: { slug: string; budgetId: string }) {
  const intl = useIntl();
  const cluster = useCluster(slug);
  const budget = useBudget(slug, budgetId);
  const isPublished = budget.data?.status === 'published';
  const results = useResults(
    slug,
    budgetId,
    isPublished || !budget.data?.can.manage ? 'published' : 'preview',
  );
  const name = budget.data?.name ?? '';
  const heading = intl.formatMessage({ id: 'results.title' }, { name });
  return (
    <Page
      title={budget.data && cluster.data ? [heading, cluster.data.name] : null}
      heading={budget.data ? heading : <FormattedMessage id="common.loading" />}
      eyebrow={<Link href={paths.budget(slug, budgetId)}>{name || '…'}</Link>}
    >
      {results.error ? (
        <ErrorAlert error={results.error} />
      ) : !results.data ? (
        <Loading />
      ) : (
        <ResultsView results={results.data} />
      )}
    </Page>
  );
}

function ResultsView({ results }: { results: Results }) {
  const money = useMoney(results.currency);
  const titleOf = new Map(results.projects.map((p) => [p.projectId, p.title]));
  const titles = (ids: readonly string[]) => ids.map((id) => titleOf.get(id)).join(', ');
  const funded = results.selectedProjectIds.map(
    (id) => results.projects.find((p) => p.projectId === id) as ProjectResult,
  );
  const notFunded = results.projects
    .filter((p) => !p.isSelected)
    .sort((a, b) => Number(b.score) - Number(a.score));
  const percent = (share: number) => (
    <FormattedNumber value={share} style="percent" maximumFractionDigits={1} />
  );
  return (
    <div className="stack-lg">
      {results.isPreview && (
        <p className="alert alert--warning">
          <FormattedMessage id="results.preview" />
        </p>
      )}
      <dl className="facts">
        <div>
          <dt>
            <FormattedMessage id="results.spent" />
          </dt>
          <dd>
            <FormattedMessage
              id="results.spentOf"
              values={{ spent: money(results.spentMinor), amount: money(results.amountMinor) }}
            />
          </dd>
        </div>
        <div>
          <dt>
            <FormattedMessage id="results.voters" />
          </dt>
          <dd>
            <FormattedMessage
              id="results.votersOf"
              values={{
                share: percent(results.shareOfVotersWithFundedProject),
                count: results.votersWithFundedProject,
                total: results.voterCount,
              }}
            />
          </dd>
        </div>
        <div>
          <dt>
            <FormattedMessage id="budget.facts.rule" />
          </dt>
          <dd>
            <FormattedMessage id={`budget.rule.${results.rule}`} />
          </dd>
        </div>
      </dl>
      <section className="section" aria-labelledby="funded-heading">
        <h2 id="funded-heading" className="section-title">
          <FormattedMessage id="results.funded" />
        </h2>
        <ProjectResults projects={funded} currency={results.currency} titleOf={titleOf} />
      </section>
      <section className="section" aria-labelledby="not-funded-heading">
        <h2 id="not-funded-heading" className="section-title">
          <FormattedMessage id="results.notFunded" />
        </h2>
        <ProjectResults projects={notFunded} currency={results.currency} titleOf={titleOf} />
      </section>
      <section className="section" aria-labelledby="greedy-heading">
        <h2 id="greedy-heading" className="section-title">
          <FormattedMessage id="results.greedy.title" />
        </h2>
        <p>
          <FormattedMessage
            id="results.greedy.summary"
            values={{
              spent: money(results.greedy.spentMinor),
              share: percent(results.greedy.shareOfVotersWithFundedProject),
            }}
          />
        </p>
        {results.onlyThisRule.length === 0 && results.onlyGreedy.length === 0 ? (
          <p>
            <FormattedMessage id="results.greedy.same" />
          </p>
        ) : (
          <>
            {results.onlyThisRule.length > 0 && (
              <p>
                <FormattedMessage
                  id="results.greedy.onlyThis"
                  values={{ titles: titles(results.onlyThisRule) }}
                />
              </p>
            )}
            {results.onlyGreedy.length > 0 && (
              <p>
                <FormattedMessage
                  id="results.greedy.onlyGreedy"
                  values={{ titles: titles(results.onlyGreedy) }}
                />
              </p>
            )}
          </>
        )}
        {results.comparisonStep && (
          <p>
            <FormattedMessage
              id="results.comparison"
              values={{
                equal: results.comparisonStep.prefersEqualShares,
                greedy: results.comparisonStep.prefersGreedy,
                adopted: results.comparisonStep.adopted,
              }}
            />
          </p>
        )}
      </section>
    </div>
  );
}

function ProjectResults({
  projects,
  currency,
  titleOf,
}: {
  projects: readonly ProjectResult[];
  currency: string;
  titleOf: ReadonlyMap<string, string>;
}) {
  const money = useMoney(currency);
  if (projects.length === 0) return <p className="muted">—</p>;
  return (
    <ul className="item-list">
      {projects.map((project) => (
        <li key={project.projectId}>
          <div className="item-list__main">
            <span className="item-list__title">{project.title}</span>
          </div>
          <p className="item-list__meta">
            <FormattedMessage
              id="results.projectFacts"
              values={{ cost: money(project.costMinor), supporters: project.supporterCount }}
            />
          </p>
          <p>
            <ReasonSentence
              reason={project.reason}
              cost={money(project.costMinor)}
              money={money}
              titleOf={titleOf}
            />
          </p>
        </li>
      ))}
    </ul>
  );
}

function ReasonSentence({
  reason,
  cost,
  money,
  titleOf,
}: {
  reason: Reason;
  cost: string;
  money: (minor: string) => string;
  titleOf: ReadonlyMap<string, string>;
}) {
  if (reason.status === 'funded') {
    switch (reason.by) {
      case 'greedy':
        return (
          <FormattedMessage
            id="results.reason.greedy"
            values={{ position: reason.position, remaining: money(reason.remainingBefore.minorUnits) }}
          />
        );
      case 'equal-shares':
        return (
          <FormattedMessage
            id="results.reason.equalShares"
            values={{
              round: reason.round,
              payment: money(reason.paymentPerSupporter.minorUnits),
              allTheyHad: reason.paidAllTheyHad,
            }}
          />
        );
      case 'utilitarian-fill':
        return (
          <FormattedMessage
            id="results.reason.fill"
            values={{ remaining: money(reason.remainingBefore.minorUnits) }}
          />
        );
    }
  }
  switch (reason.reason) {
    case 'no_support':
      return <FormattedMessage id="results.reason.no_support" />;
    case 'below_threshold':
      return (
        <FormattedMessage id="results.reason.below_threshold" values={{ threshold: reason.threshold }} />
      );
    case 'did_not_fit':
      return (
        <FormattedMessage
          id="results.reason.did_not_fit"
          values={{ cost, remaining: money(reason.remainingBudget.minorUnits) }}
        />
      );
    case 'greedy_stopped':
      return (
        <FormattedMessage
          id="results.reason.greedy_stopped"
          values={{ title: titleOf.get(reason.stoppedAtProjectId) ?? '' }}
        />
      );
    case 'supporters_cannot_afford':
      return (
        <FormattedMessage
          id="results.reason.supporters_cannot_afford"
          values={{ cost, money: money(reason.supportersMoney.minorUnits) }}
        />
      );
  }
}
