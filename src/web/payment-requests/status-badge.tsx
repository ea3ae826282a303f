/** The state of a request or a recurring payment, as a badge in the house colours. */
import { FormattedMessage } from 'react-intl';
import type { MessageId } from '../platform/i18n/message-ids.ts';
import type { RecurringStatus, RequestStatus } from './payment-requests-api.ts';

const STYLES: Readonly<Record<RequestStatus | RecurringStatus, { className: string; label: MessageId }>> = {
  open: { className: 'badge badge--applicant', label: 'requests.status.open' },
  paid: { className: 'badge badge--active', label: 'requests.status.paid' },
  declined: { className: 'badge badge--suspended', label: 'requests.status.declined' },
  withdrawn: { className: 'badge badge--left', label: 'requests.status.withdrawn' },
  active: { className: 'badge badge--active', label: 'recurring.status.active' },
  cancelled: { className: 'badge badge--left', label: 'recurring.status.cancelled' },
  finished: { className: 'badge badge--left', label: 'recurring.status.finished' },
};

export function StatusBadge({ status }: { status: RequestStatus | RecurringStatus }) {
  const style = STYLES[status];
  return (
    <span className={style.className}>
      <FormattedMessage id={style.label} />
    </span>
  );
}
