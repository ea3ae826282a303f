/**
 * What came of every idea of a process: each answered proposal with its answer, the budget
 * projects it became and how the vote treated them, and what is being done — each linked.
 */
import { Link } from 'react-aria-components';
import { FormattedDate, FormattedMessage } from 'react-intl';
import { ErrorAlert } from '../platform/forms/form-alert.tsx';
import { LoadMoreButton } from '../platform/layout/load-more-button.tsx';
import { paths } from '../platform/routing/paths.ts';
import { BudgetProjectLine } from './budget-project-line.tsx';
import { type TrailItem, type TrailResult, useTrail } from './participation-api.ts';
import { useParticipationLabels } from './participation-labels.ts';

export function IdeaTrail({ slug, processId }: { slug: string; processId: string }) {
  const trail = useTrail(slug, processId);
  const items = trail.data?.pages.flatMap((page) => page.items) ?? [];
  return (
    <>
      <ErrorAlert error={trail.error} />
      {trail.isSuccess && items.length === 0 ? (
        <p className="participation-empty">
          <FormattedMessage id="participation.trail.empty" />
        </p>
      ) : (
        <ul className="proposal-list">
          {items.map((item) => (
            <TrailEntry key={item.proposal.id} slug={slug} processId={processId} item={item} />
          ))}
        </ul>
      )}
      <LoadMoreButton query={trail} />
    </>
  );
}

function TrailEntry({ slug, processId, item }: { slug: string; processId: string; item: TrailItem }) {
  const labels = useParticipationLabels();
  // The proposal's own result is the one its funded project carries out too; another budget's
  // project of the same idea may have one of its own.
  const results = new Map<string, TrailResult>();
  for (const result of [item.result, ...item.budgetProjects.map((project) => project.result)])
    if (result) results.set(result.id, result);
  return (
    <li className="card proposal-card">
      <h3 className="proposal-card__title">
        <Link href={paths.proposal(slug, processId, item.proposal.id)}>{item.proposal.title}</Link>
      </h3>
      <p>
        <strong>{labels.state(item.answer.state)}</strong>{' '}
        <span className="muted">
          <FormattedDate value={item.answer.answeredAt} dateStyle="medium" />
        </span>
        {item.answer.reasoningExcerpt && <>: {item.answer.reasoningExcerpt}</>}
      </p>
      {item.budgetProjects.map((project) => (
        <p key={project.projectId}>
          <BudgetProjectLine slug={slug} project={project} />
        </p>
      ))}
      {[...results.values()].map((result) => (
        <p key={result.id}>
          <Link href={paths.result(slug, processId, result.id)}>
            <FormattedMessage
              id="participation.trail.result"
              values={{ status: labels.resultStatus(result.status), percent: result.progressPercent }}
            />
          </Link>
        </p>
      ))}
    </li>
  );
}
