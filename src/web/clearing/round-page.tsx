/**
 * One clearing round: the report ("X of Y euros of invoices cleared (Z%)"), each member's debt
 * before and after (all of them for a coordinator, the viewer's own for a representative), and,
 * for each of the viewer's organisations asked to answer, what the round would cancel on which of
 * its invoices, with "Confirm" and "Refuse".
 */
import { Link } from 'react-aria-components';
import { FormattedMessage, useIntl } from 'react-intl';
import { useCluster } from '../clusters/cluster-api.ts';
import { TableRegion } from '../currency/table-region.tsx';
import { ErrorAlert } from '../platform/forms/form-alert.tsx';
import { CalendarDate } from '../platform/i18n/iso-date.tsx';
import type { MessageId } from '../platform/i18n/message-ids.ts';
import { isNotFound } from '../platform/layout/is-not-found.ts';
import { LoadMoreButton } from '../platform/layout/load-more-button.tsx';
import { Loading } from '../platform/layout/loading.tsx';
import { NotFoundPage } from '../platform/layout/not-found-page.tsx';
import { Page } from '../platform/layout/page.tsx';
import { paths } from '../platform/routing/paths.ts';
import {
  clearingApi,
  type Position,
  type RoundReport,
  useCancellations,
  useClearingOverview,
  usePositions,
  useRound,
} from './clearing-api.ts';
import { ClearingDialog } from './clearing-dialog.tsx';
import { Euros, useEuroFormat } from './euros.tsx';
import { ApplyRoundDialog, CancelRoundDialog } from './round-actions.tsx';
import { RoundFacts, RoundResult, StaleWarning } from './round-summary.tsx';

export function RoundPage({ slug, roundId }: { slug: string; roundId: string }) {
  const intl = useIntl();
  const cluster = useCluster(slug);
  const overview = useClearingOverview(slug);
  const round = useRound(slug, roundId);
  if (isNotFound(round.error)) return <NotFoundPage />;
  const report = round.data;
  const mayManage = overview.data?.can.manage === true;
  const title = report
    ? intl.formatMessage(
        { id: 'clearing.round.title' },
        { date: intl.formatDate(report.createdAt, { dateStyle: 'medium' }) },
      )
    : null;

  return (
    <Page
      title={title && cluster.data ? [title, cluster.data.name] : null}
      eyebrow={<Link href={paths.clearing(slug)}>{intl.formatMessage({ id: 'clearing.title' })}</Link>}
      heading={title ?? <FormattedMessage id="common.loading" />}
      lead={report && <RoundResult round={report} />}
      actions={
        report?.status === 'proposed' &&
        mayManage && (
          <>
            {!report.needsConfirmation && !report.isStale && <ApplyRoundDialog slug={slug} round={report} />}
            <CancelRoundDialog slug={slug} round={report} />
          </>
        )
      }
    >
      <ErrorAlert error={round.error} />
      {round.isPending && <Loading />}
      {report && (
        <div className="stack-lg">
          <StaleWarning round={report} />
          <RoundFacts round={report} />
          {report.mine
            .filter((position) => position.isAsked)
            .map((position) => (
              <Confirmation key={position.organisationId} slug={slug} round={report} position={position} />
            ))}
          <Positions slug={slug} round={report} />
        </div>
      )}
    </Page>
  );
}

/** What the round would cancel on one organisation's invoices, and its answer. */
function Confirmation({ slug, round, position }: { slug: string; round: RoundReport; position: Position }) {
  const intl = useIntl();
  const cancellations = useCancellations(slug, round.id, position.organisationId);
  const items = cancellations.data?.pages.flatMap((page) => page.items) ?? [];
  const headingId = `confirm-${position.organisationId}`;
  const isWaiting = round.status === 'proposed' && position.decision === null;
  const tableLabel = intl.formatMessage({ id: 'clearing.confirm.table' }, { name: position.name });
  return (
    <section aria-labelledby={headingId} className="card stack">
      <h2 id={headingId}>
        <FormattedMessage id="clearing.confirm.title" values={{ name: position.name }} />
      </h2>
      <p>
        <FormattedMessage
          id="clearing.confirm.summary"
          values={{
            cancelled: <Euros cents={position.cancelledCents} />,
            owesBefore: <Euros cents={position.owesBeforeCents} />,
            owesAfter: <Euros cents={position.owesAfterCents} />,
            owedBefore: <Euros cents={position.owedBeforeCents} />,
            owedAfter: <Euros cents={position.owedAfterCents} />,
            net: <Euros cents={position.netPositionCents} />,
          }}
        />
      </p>
      <ErrorAlert error={cancellations.error} />
      {items.length > 0 && (
        <TableRegion label={tableLabel}>
          <table className="table">
            <caption className="visually-hidden">{tableLabel}</caption>
            <thead>
              <tr>
                <ColumnHeads
                  ids={[
                    'clearing.confirm.invoice',
                    'clearing.confirm.side',
                    'clearing.confirm.before',
                    'clearing.confirm.cancelled',
                    'clearing.confirm.after',
                  ]}
                />
              </tr>
            </thead>
            <tbody>
              {items.map((item) => (
                <tr key={item.invoiceId}>
                  <th scope="row">{item.reference || <CalendarDate value={item.issuedOn} />}</th>
                  <td>
                    {item.debtor.id === position.organisationId ? (
                      <FormattedMessage id="clearing.confirm.weOwe" values={{ name: item.creditor.name }} />
                    ) : (
                      <FormattedMessage id="clearing.confirm.theyOwe" values={{ name: item.debtor.name }} />
                    )}
                  </td>
                  <td>
                    <Euros cents={item.outstandingBeforeCents} />
                  </td>
                  <td>
                    <Euros cents={item.cancelledCents} />
                  </td>
                  <td>
                    <Euros cents={item.outstandingAfterCents} />
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableRegion>
      )}
      <LoadMoreButton query={cancellations} />
      {isWaiting ? (
        round.isStale ? null : (
          <div className="button-row">
            <DecisionDialog slug={slug} round={round} position={position} decision="confirmed" />
            <DecisionDialog slug={slug} round={round} position={position} decision="refused" />
          </div>
        )
      ) : (
        position.decision && (
          <p className="muted">
            <FormattedMessage id={`clearing.decision.${position.decision}`} />
          </p>
        )
      )}
    </section>
  );
}

function DecisionDialog({
  slug,
  round,
  position,
  decision,
}: {
  slug: string;
  round: RoundReport;
  position: Position;
  decision: 'confirmed' | 'refused';
}) {
  const intl = useIntl();
  const { euros } = useEuroFormat();
  const words = { name: position.name, cancelled: euros(position.cancelledCents) };
  const isRefusal = decision === 'refused';
  return (
    <ClearingDialog
      slug={slug}
      isDestructive={isRefusal}
      trigger={{
        label: <FormattedMessage id={isRefusal ? 'clearing.refuse.open' : 'clearing.confirmRound.open'} />,
        className: isRefusal ? 'button button--secondary' : 'button',
        ariaLabel: intl.formatMessage(
          { id: isRefusal ? 'clearing.refuse.named' : 'clearing.confirmRound.named' },
          words,
        ),
      }}
      title={intl.formatMessage(
        { id: isRefusal ? 'clearing.refuse.title' : 'clearing.confirmRound.title' },
        words,
      )}
      explanation={
        <p>
          <FormattedMessage
            id={isRefusal ? 'clearing.refuse.explain' : 'clearing.confirmRound.explain'}
            values={words}
          />
        </p>
      }
      submitLabel={
        <FormattedMessage id={isRefusal ? 'clearing.refuse.submit' : 'clearing.confirmRound.submit'} />
      }
      toBody={() => ({ decision })}
      send={(body, key) => clearingApi.decide(slug, round.id, position.organisationId, body.decision, key)}
      doneMessage={(updated) =>
        intl.formatMessage(
          {
            id: isRefusal
              ? 'clearing.refuse.done'
              : updated.status === 'applied'
                ? 'clearing.confirmRound.doneApplied'
                : 'clearing.confirmRound.done',
          },
          words,
        )
      }
    />
  );
}

/** Every member's figures: debt before and after, cancelled, and the net position that stays. */
function Positions({ slug, round }: { slug: string; round: RoundReport }) {
  const intl = useIntl();
  const positions = usePositions(slug, round.id);
  const items = positions.data?.pages.flatMap((page) => page.items) ?? [];
  const title = intl.formatMessage({ id: 'clearing.positions.title' });
  return (
    <section aria-labelledby="positions-heading" className="stack">
      <h2 id="positions-heading">{title}</h2>
      <p className="muted">
        <FormattedMessage id="clearing.positions.lead" />
      </p>
      <ErrorAlert error={positions.error} />
      {positions.isPending ? (
        <Loading />
      ) : items.length === 0 ? (
        <p className="empty-state">
          <FormattedMessage id="clearing.positions.empty" />
        </p>
      ) : (
        <TableRegion label={title}>
          <table className="table">
            <caption className="visually-hidden">{title}</caption>
            <thead>
              <tr>
                <ColumnHeads
                  ids={[
                    'clearing.positions.member',
                    'clearing.positions.owes',
                    'clearing.positions.owed',
                    'clearing.positions.cancelled',
                    'clearing.positions.net',
                    ...(round.needsConfirmation ? (['clearing.positions.answer'] as const) : []),
                  ]}
                />
              </tr>
            </thead>
            <tbody>
              {items.map((position) => (
                <tr key={position.organisationId}>
                  <th scope="row">{position.name}</th>
                  <td>
                    <FormattedMessage
                      id="clearing.positions.beforeAfter"
                      values={{
                        before: <Euros cents={position.owesBeforeCents} />,
                        after: <Euros cents={position.owesAfterCents} />,
                      }}
                    />
                  </td>
                  <td>
                    <FormattedMessage
                      id="clearing.positions.beforeAfter"
                      values={{
                        before: <Euros cents={position.owedBeforeCents} />,
                        after: <Euros cents={position.owedAfterCents} />,
                      }}
                    />
                  </td>
                  <td>
                    <Euros cents={position.cancelledCents} />
                  </td>
                  <td>
                    <Euros cents={position.netPositionCents} />
                  </td>
                  {round.needsConfirmation && (
                    <td>
                      {position.isAsked ? (
                        <FormattedMessage id={`clearing.decision.${position.decision ?? 'waiting'}`} />
                      ) : (
                        <FormattedMessage id="clearing.decision.notAsked" />
                      )}
                    </td>
                  )}
                </tr>
              ))}
            </tbody>
          </table>
        </TableRegion>
      )}
      <LoadMoreButton query={positions} />
    </section>
  );
}

function ColumnHeads({ ids }: { ids: readonly MessageId[] }) {
  return ids.map((id) => (
    <th key={id} scope="col">
      <FormattedMessage id={id} />
    </th>
  ));
}
