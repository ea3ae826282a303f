/** Participatory budgeting's public events, told in plain words on the transparency page. */
import { FormattedMessage } from 'react-intl';
import type { AuditEvent } from '../transparency/audit-api.ts';
import { useMoney } from './money.ts';

export const BUDGETING_EVENTS = [
  'budgeting.budget_created',
  'budgeting.budget_opened',
  'budgeting.budget_closed',
  'budgeting.voting_codes_generated',
  'budgeting.pabulib_imported',
  'budgeting.results_published',
];

const text = (value: unknown) => (typeof value === 'string' ? value : '');
const whole = (value: unknown) => {
  const number = Number(value);
  return Number.isSafeInteger(number) ? number : 0;
};

export function BudgetingEvent({ event }: { event: AuditEvent }) {
  const payload = event.payload;
  const money = useMoney(/^[A-Z]{3}$/.test(text(payload.currency)) ? text(payload.currency) : 'EUR');
  const name = text(payload.name);
  switch (event.action) {
    case 'budgeting.budget_created':
      return (
        <FormattedMessage
          id="budget.event.created"
          values={{ name, amount: money(whole(payload.amountMinor)) }}
        />
      );
    case 'budgeting.budget_opened':
      return <FormattedMessage id="budget.event.opened" values={{ name }} />;
    case 'budgeting.budget_closed':
      return <FormattedMessage id="budget.event.closed" values={{ name }} />;
    case 'budgeting.voting_codes_generated':
      return <FormattedMessage id="budget.event.codes" values={{ count: whole(payload.count) }} />;
    case 'budgeting.pabulib_imported':
      return (
        <FormattedMessage
          id="budget.event.imported"
          values={{ projects: whole(payload.projectCount), ballots: whole(payload.ballotCount) }}
        />
      );
    default:
      return (
        <FormattedMessage
          id="budget.event.results"
          values={{
            name,
            spent: money(whole(payload.spentMinor)),
            amount: money(whole(payload.amountMinor)),
            projects: Array.isArray(payload.selectedProjectIds) ? payload.selectedProjectIds.length : 0,
          }}
        />
      );
  }
}
