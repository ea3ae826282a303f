/** The state of an invoice and of a clearing round, coloured by kind and always named in words. */
import { FormattedMessage } from 'react-intl';
import type { MessageId } from '../platform/i18n/message-ids.ts';
import type { InvoiceStatus, RoundStatus } from './clearing-api.ts';

const INVOICE: Readonly<Record<InvoiceStatus, { className: string; label: MessageId }>> = {
  open: { className: 'badge--applicant', label: 'clearing.invoice.status.open' },
  settled: { className: 'badge--active', label: 'clearing.invoice.status.settled' },
  withdrawn: { className: 'badge--left', label: 'clearing.invoice.status.withdrawn' },
};

const ROUND: Readonly<Record<RoundStatus, { className: string; label: MessageId }>> = {
  proposed: { className: 'badge--suspended', label: 'clearing.round.status.proposed' },
  applied: { className: 'badge--active', label: 'clearing.round.status.applied' },
  cancelled: { className: 'badge--left', label: 'clearing.round.status.cancelled' },
};

export function InvoiceStatusBadge({ status }: { status: InvoiceStatus }) {
  return (
    <span className={`badge ${INVOICE[status].className}`}>
      <FormattedMessage id={INVOICE[status].label} />
    </span>
  );
}

export function RoundStatusBadge({ status }: { status: RoundStatus }) {
  return (
    <span className={`badge ${ROUND[status].className}`}>
      <FormattedMessage id={ROUND[status].label} />
    </span>
  );
}
