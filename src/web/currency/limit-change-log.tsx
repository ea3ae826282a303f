/**
 * Every change to an account's credit limit, maximum balance or state, with the reason the
 * coordinator gave — the member sees why their conditions changed.
 */
import { FormattedMessage, useIntl } from 'react-intl';
import { useLabels } from '../platform/catalogue/use-labels.ts';
import { DateTime } from '../platform/i18n/iso-date.tsx';
import type { MessageId } from '../platform/i18n/message-ids.ts';
import { useStatusLabel } from './account-status.tsx';
import type { CurrencyUnit } from './amount.ts';
import type { LimitChange } from './currency-api.ts';
import { useFormatAmount } from './money.tsx';

/** Changes that follow a membership decision carry it as `membership: <status>`. */
const MEMBERSHIP_REASON = /^membership: (\w+)$/;

const FIELD_MESSAGES: Readonly<Record<string, MessageId>> = {
  credit_limit: 'currency.changes.creditLimit',
  max_balance: 'currency.changes.maxBalance',
  status: 'currency.changes.status',
};

export function LimitChangeLog({ changes, unit }: { changes: readonly LimitChange[]; unit: CurrencyUnit }) {
  const intl = useIntl();
  const labels = useLabels();
  const statusLabel = useStatusLabel();
  const format = useFormatAmount(unit);
  const none = intl.formatMessage({ id: 'currency.noMaximum' });
  const shownValue = (change: LimitChange, value: string | null) => {
    if (change.field === 'status') return value === null ? none : statusLabel(value);
    return value === null ? none : format(Number(value));
  };
  const reasonOf = (reason: string) => {
    const membership = MEMBERSHIP_REASON.exec(reason);
    if (membership?.[1]) {
      return intl.formatMessage(
        { id: 'currency.changes.membership' },
        { status: labels.status(membership[1]) },
      );
    }
    if (reason === 'closed') return intl.formatMessage({ id: 'currency.changes.closed' });
    return reason;
  };

  return (
    <section aria-labelledby="changes-heading" className="stack">
      <h2 id="changes-heading">
        <FormattedMessage id="currency.changes.title" />
      </h2>
      {changes.length === 0 ? (
        <p className="empty-state">
          <FormattedMessage id="currency.changes.none" />
        </p>
      ) : (
        <ol className="timeline">
          {changes.map((change) => (
            <li key={change.id} className="timeline__item">
              <p className="timeline__what">
                <FormattedMessage
                  id={FIELD_MESSAGES[change.field] ?? 'currency.changes.status'}
                  values={{
                    from: shownValue(change, change.oldValue),
                    to: shownValue(change, change.newValue),
                  }}
                />
              </p>
              <p className="timeline__reason">
                <FormattedMessage id="currency.changes.reason" values={{ reason: reasonOf(change.reason) }} />
              </p>
              <p className="timeline__date">
                <DateTime value={change.changedAt} />
                {change.changedBy && (
                  <>
                    {' · '}
                    <FormattedMessage id="currency.changes.by" values={{ name: change.changedBy }} />
                  </>
                )}
              </p>
            </li>
          ))}
        </ol>
      )}
    </section>
  );
}
