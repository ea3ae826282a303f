/** The public events of clearing rounds, told in plain words on the transparency page. */
import { FormattedMessage } from 'react-intl';
import type { AuditEvent } from '../transparency/audit-api.ts';
import { useEuroFormat } from './euros.tsx';

export const CLEARING_EVENTS = [
  'clearing.round_proposed',
  'clearing.round_applied',
  'clearing.round_cancelled',
];

const count = (value: unknown) => (typeof value === 'number' && Number.isSafeInteger(value) ? value : 0);

export function ClearingEvent({ event }: { event: AuditEvent }) {
  const { euros, share } = useEuroFormat();
  const payload = event.payload;
  if (event.action === 'clearing.round_cancelled') {
    return (
      <FormattedMessage
        id="clearing.event.cancelled"
        values={{ reason: payload.reason === 'refused' ? 'refused' : 'coordinator' }}
      />
    );
  }
  const total = count(payload.totalCents);
  const cleared = count(payload.clearedCents);
  return (
    <FormattedMessage
      id={event.action === 'clearing.round_applied' ? 'clearing.event.applied' : 'clearing.event.proposed'}
      values={{
        cleared: euros(cleared),
        total: euros(total),
        share: share(total === 0 ? 0 : Math.floor((cleared * 10_000) / total)),
        members: count(payload.memberCount),
      }}
    />
  );
}
