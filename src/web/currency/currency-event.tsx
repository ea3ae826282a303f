/** The currency's public events, told in plain words on the transparency page. */
import { FormattedMessage, useIntl } from 'react-intl';
import type { AuditEvent } from '../transparency/audit-api.ts';

export const CURRENCY_EVENTS = ['currency.created', 'currency.settings_changed'];

const text = (value: unknown) => (typeof value === 'string' ? value : '');
const whole = (value: unknown) => (typeof value === 'number' && Number.isSafeInteger(value) ? value : 0);

export function CurrencyEvent({ event }: { event: AuditEvent }) {
  const intl = useIntl();
  const { name, code, feeBasisPoints, rebalanceAfterMonths } = event.payload;
  if (event.action === 'currency.created') {
    return <FormattedMessage id="currency.event.created" values={{ name: text(name), code: text(code) }} />;
  }
  return (
    <FormattedMessage
      id="currency.event.settingsChanged"
      values={{
        name: text(name),
        fee: intl.formatNumber(whole(feeBasisPoints) / 10_000, {
          style: 'percent',
          maximumFractionDigits: 2,
        }),
        months: whole(rebalanceAfterMonths),
      }}
    />
  );
}
