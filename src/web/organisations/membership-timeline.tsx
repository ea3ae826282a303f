/** The membership's history, oldest first: each change, when it took effect, and why (if one may see it). */
import { FormattedMessage, useIntl } from 'react-intl';
import { CalendarDate } from '../platform/i18n/iso-date.tsx';
import { membershipEventId } from './membership-step-label.ts';
import type { MembershipStep } from './organisation-api.ts';

export function MembershipTimeline({ steps }: { steps: readonly MembershipStep[] }) {
  const intl = useIntl();
  return (
    <ol className="timeline">
      {steps.map((step) => (
        <li key={step.id} className="timeline__item">
          <span className="timeline__date">
            <CalendarDate value={step.effectiveOn} />
          </span>
          <p className="timeline__what">
            {intl.formatMessage({ id: membershipEventId(step.fromStatus, step.toStatus) })}
          </p>
          {step.reason && (
            <p className="timeline__reason">
              <FormattedMessage id="membership.reason" values={{ reason: step.reason }} />
            </p>
          )}
        </li>
      ))}
    </ol>
  );
}
