/**
 * A round's result in one sentence — "X of Y euros of invoices cleared (Z%)" — with its state,
 * how many members it touches, their answers, and a warning when it can no longer be applied.
 */
import { FormattedMessage } from 'react-intl';
import { DateTime } from '../platform/i18n/iso-date.tsx';
import type { Round } from './clearing-api.ts';
import { useEuroFormat } from './euros.tsx';
import { RoundStatusBadge } from './status-badges.tsx';

export function RoundResult({ round }: { round: Round }) {
  const { euros, share } = useEuroFormat();
  return (
    <FormattedMessage
      id={`clearing.round.result.${round.status}`}
      values={{
        cleared: euros(round.clearedCents),
        total: euros(round.totalCents),
        share: share(round.clearedBasisPoints),
      }}
    />
  );
}

export function RoundFacts({ round }: { round: Round }) {
  return (
    <dl className="facts">
      <div>
        <dt>
          <FormattedMessage id="clearing.round.state" />
        </dt>
        <dd>
          <RoundStatusBadge status={round.status} />
          {round.cancelReason && (
            <>
              {' '}
              <FormattedMessage id={`clearing.round.cancelled.${round.cancelReason}`} />
            </>
          )}
        </dd>
      </div>
      <div>
        <dt>
          <FormattedMessage id="clearing.round.computed" />
        </dt>
        <dd>
          <DateTime value={round.createdAt} />
        </dd>
      </div>
      <div>
        <dt>
          <FormattedMessage id="clearing.round.members" />
        </dt>
        <dd>
          <FormattedMessage
            id="clearing.round.membersCount"
            values={{ members: round.memberCount, invoices: round.invoiceCount }}
          />
        </dd>
      </div>
      <div>
        <dt>
          <FormattedMessage id="clearing.round.answers" />
        </dt>
        <dd>
          {round.needsConfirmation ? (
            <FormattedMessage id="clearing.round.answersCount" values={round.confirmations} />
          ) : (
            <FormattedMessage id="clearing.round.noConfirmation" />
          )}
        </dd>
      </div>
      {round.excludedOrganisations.length > 0 && (
        <div>
          <dt>
            <FormattedMessage id="clearing.round.excluded" />
          </dt>
          <dd>{round.excludedOrganisations.map((organisation) => organisation.name).join(', ')}</dd>
        </div>
      )}
    </dl>
  );
}

export function StaleWarning({ round }: { round: Round }) {
  if (!round.isStale) return null;
  return (
    <div className="alert alert--warning" role="status">
      <p>
        <FormattedMessage id="clearing.round.stale" />
      </p>
    </div>
  );
}
