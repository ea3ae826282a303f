/**
 * An account's state in words: a badge for lists, and on the wallet an explanation of what a
 * frozen, leaving or closed account may still do, and of an overdue rebalancing.
 */
import { FormattedMessage, useIntl } from 'react-intl';
import { DateTime } from '../platform/i18n/iso-date.tsx';
import type { MessageId } from '../platform/i18n/message-ids.ts';
import type { Account, AccountStatus } from './currency-api.ts';

const STATUS_LABELS: Readonly<Record<AccountStatus, MessageId>> = {
  active: 'currency.status.active',
  frozen: 'currency.status.frozen',
  closing: 'currency.status.closing',
  closed: 'currency.status.closed',
};

/** The existing badge colours: active green, frozen amber, leaving blue, closed grey. */
const BADGE_TONES: Readonly<Record<AccountStatus, string>> = {
  active: 'active',
  frozen: 'suspended',
  closing: 'applicant',
  closed: 'left',
};

export function useStatusLabel() {
  const intl = useIntl();
  return (status: string) =>
    status in STATUS_LABELS
      ? intl.formatMessage({ id: STATUS_LABELS[status as AccountStatus] })
      : intl.formatMessage({ id: 'common.other' });
}

export function AccountStatusBadge({ status }: { status: AccountStatus }) {
  const label = useStatusLabel();
  return <span className={`badge badge--${BADGE_TONES[status] ?? 'left'}`}>{label(status)}</span>;
}

export function RebalancingBadge() {
  return (
    <span className="badge badge--suspended">
      <FormattedMessage id="currency.needsRebalancing" />
    </span>
  );
}

const EXPLANATIONS: Partial<Record<AccountStatus, MessageId>> = {
  frozen: 'currency.wallet.frozen',
  closing: 'currency.wallet.closing',
  closed: 'currency.wallet.closed',
};

export function AccountNotices({
  account,
  rebalanceAfterMonths,
}: {
  account: Account;
  rebalanceAfterMonths: number;
}) {
  const explanation = EXPLANATIONS[account.status];
  return (
    <>
      {explanation && (
        <div className={`alert ${account.status === 'frozen' ? 'alert--warning' : 'alert--info'}`}>
          <p className="alert__title">
            <AccountStatusBadge status={account.status} />
          </p>
          <p>
            <FormattedMessage id={explanation} />
          </p>
        </div>
      )}
      {account.needsRebalancing && account.negativeSince && (
        <div className="alert alert--warning">
          <p className="alert__title">
            <FormattedMessage id="currency.needsRebalancing" />
          </p>
          <p>
            <FormattedMessage
              id="currency.wallet.rebalance"
              values={{ since: <DateTime value={account.negativeSince} />, months: rebalanceAfterMonths }}
            />
          </p>
        </div>
      )}
    </>
  );
}
