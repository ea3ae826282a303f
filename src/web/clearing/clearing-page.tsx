/**
 * The clearing of euro invoices in a cluster: what is still owed between members, the round that
 * waits (with the viewer's part in it), and the rounds before. The coordinator runs a round from
 * here; members follow the link to confirm or refuse what it cancels on their invoices.
 */
import { Link } from 'react-aria-components';
import { FormattedMessage, useIntl } from 'react-intl';
import { useCluster } from '../clusters/cluster-api.ts';
import { ErrorAlert } from '../platform/forms/form-alert.tsx';
import { DateTime } from '../platform/i18n/iso-date.tsx';
import { LoadMoreButton } from '../platform/layout/load-more-button.tsx';
import { Loading } from '../platform/layout/loading.tsx';
import { Page } from '../platform/layout/page.tsx';
import { paths } from '../platform/routing/paths.ts';
import { type ClearingOverview, type RoundReport, useClearingOverview, useRounds } from './clearing-api.ts';
import { Euros } from './euros.tsx';
import { ApplyRoundDialog, CancelRoundDialog, RunRoundDialog } from './round-actions.tsx';
import { RoundFacts, RoundResult, StaleWarning } from './round-summary.tsx';
import { RoundStatusBadge } from './status-badges.tsx';

export function ClearingPage({ slug }: { slug: string }) {
  const intl = useIntl();
  const cluster = useCluster(slug);
  const overview = useClearingOverview(slug);
  const data = overview.data;
  const title = intl.formatMessage({ id: 'clearing.title' });

  return (
    <Page
      title={cluster.data ? [title, cluster.data.name] : null}
      heading={<FormattedMessage id="clearing.title" />}
      lead={<FormattedMessage id="clearing.lead" />}
      actions={
        data && (
          <>
            {data.can.manage && !data.openRound && <RunRoundDialog slug={slug} />}
            <Link className="button button--secondary" href={paths.clearingInvoices(slug)}>
              <FormattedMessage id="clearing.invoices.title" />
            </Link>
          </>
        )
      }
    >
      <ErrorAlert error={overview.error} />
      {overview.isPending && <Loading />}
      {data && (
        <div className="stack-lg">
          <div className="two-columns">
            <WaitingRound slug={slug} overview={data} />
            <OpenInvoices slug={slug} overview={data} />
          </div>
          <PastRounds slug={slug} />
        </div>
      )}
    </Page>
  );
}

function OpenInvoices({ slug, overview }: { slug: string; overview: ClearingOverview }) {
  return (
    <section aria-labelledby="open-invoices-heading" className="stack">
      <h2 id="open-invoices-heading">
        <FormattedMessage id={overview.can.manage ? 'clearing.open.title' : 'clearing.open.titleOwn'} />
      </h2>
      <dl className="facts">
        <div>
          <dt>
            <FormattedMessage id="clearing.open.count" />
          </dt>
          <dd>{overview.openInvoices.invoiceCount}</dd>
        </div>
        <div>
          <dt>
            <FormattedMessage id="clearing.open.outstanding" />
          </dt>
          <dd>
            <Euros cents={overview.openInvoices.outstandingCents} />
          </dd>
        </div>
      </dl>
      <p className="muted">
        <FormattedMessage
          id={overview.needsConfirmation ? 'clearing.rule.confirm' : 'clearing.rule.direct'}
        />
      </p>
      <p>
        <Link href={paths.clearingInvoices(slug)}>
          <FormattedMessage id="clearing.open.seeAll" />
        </Link>
      </p>
    </section>
  );
}

function WaitingRound({ slug, overview }: { slug: string; overview: ClearingOverview }) {
  const round = overview.openRound;
  return (
    <section aria-labelledby="waiting-round-heading" className="stack">
      <h2 id="waiting-round-heading">
        <FormattedMessage id="clearing.waiting.title" />
      </h2>
      {round ? (
        <div className="card stack">
          <p className="card__title">
            <RoundResult round={round} />
          </p>
          <StaleWarning round={round} />
          <RoundFacts round={round} />
          <MyAnswers slug={slug} round={round} />
          <div className="button-row">
            <Link className="button button--secondary" href={paths.clearingRound(slug, round.id)}>
              <FormattedMessage id="clearing.waiting.open" />
            </Link>
            {overview.can.manage && !round.needsConfirmation && !round.isStale && (
              <ApplyRoundDialog slug={slug} round={round} />
            )}
            {overview.can.manage && <CancelRoundDialog slug={slug} round={round} />}
          </div>
        </div>
      ) : (
        <p className="card card--muted">
          <FormattedMessage
            id={overview.can.manage ? 'clearing.waiting.noneCoordinator' : 'clearing.waiting.none'}
          />
        </p>
      )}
    </section>
  );
}

/** The viewer's organisations asked to answer, and how they answered. */
function MyAnswers({ slug, round }: { slug: string; round: RoundReport }) {
  const asked = round.mine.filter((position) => position.isAsked);
  if (asked.length === 0) return null;
  return (
    <ul className="item-list">
      {asked.map((position) => (
        <li key={position.organisationId}>
          <div className="item-list__main">
            <p className="item-list__title">{position.name}</p>
            <p className="item-list__meta">
              {position.decision === null ? (
                <Link href={paths.clearingRound(slug, round.id)}>
                  <FormattedMessage id="clearing.waiting.answerFor" values={{ name: position.name }} />
                </Link>
              ) : (
                <FormattedMessage id={`clearing.decision.${position.decision}`} />
              )}
            </p>
          </div>
        </li>
      ))}
    </ul>
  );
}

function PastRounds({ slug }: { slug: string }) {
  const intl = useIntl();
  const rounds = useRounds(slug);
  const items = rounds.data?.pages.flatMap((page) => page.items) ?? [];
  return (
    <section aria-labelledby="past-rounds-heading" className="stack">
      <h2 id="past-rounds-heading">
        <FormattedMessage id="clearing.history.title" />
      </h2>
      <ErrorAlert error={rounds.error} />
      {rounds.isSuccess && items.length === 0 ? (
        <p className="empty-state">
          <FormattedMessage id="clearing.history.empty" />
        </p>
      ) : (
        <ul className="item-list" aria-label={intl.formatMessage({ id: 'clearing.history.title' })}>
          {items.map((round) => (
            <li key={round.id}>
              <div className="item-list__main">
                <p className="item-list__title">
                  <Link href={paths.clearingRound(slug, round.id)}>
                    <FormattedMessage
                      id="clearing.history.round"
                      values={{ date: <DateTime value={round.createdAt} /> }}
                    />
                  </Link>
                </p>
                <p className="item-list__meta">
                  <RoundResult round={round} />
                </p>
              </div>
              <RoundStatusBadge status={round.status} />
            </li>
          ))}
        </ul>
      )}
      <LoadMoreButton query={rounds} />
    </section>
  );
}
