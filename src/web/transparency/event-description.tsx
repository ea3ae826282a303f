/**
 * A public audit event told in plain words. A membership change names its organisation as it was
 * called then; older entries without that name borrow it from the events that carry it
 * (registration, edits). The raw action code is shown only for kinds this version of the app does
 * not know yet.
 */
import { FormattedMessage, useIntl } from 'react-intl';
import { BUDGETING_EVENTS, BudgetingEvent } from '../budgeting/budgeting-event.tsx';
import { CLEARING_EVENTS, ClearingEvent } from '../clearing/clearing-event.tsx';
import { CURRENCY_EVENTS, CurrencyEvent } from '../currency/currency-event.tsx';
import { MARKETPLACE_EVENTS, MarketplaceEvent } from '../marketplace/marketplace-event.tsx';
import { membershipEventId } from '../organisations/membership-step-label.ts';
import { PARTICIPATION_EVENTS, ParticipationEvent } from '../participation/participation-event.tsx';
import { useLabels } from '../platform/catalogue/use-labels.ts';
import { CalendarDate } from '../platform/i18n/iso-date.tsx';
import type { MessageId } from '../platform/i18n/message-ids.ts';
import type { AuditEvent } from './audit-api.ts';

const PROFILE_FIELD_LABELS: Readonly<Record<string, MessageId>> = {
  slug: 'clusterForm.slug',
  name: 'clusterForm.name',
  country: 'clusterForm.country',
  region: 'clusterForm.region',
  languages: 'clusterForm.languages',
  defaultLocale: 'clusterForm.defaultLocale',
  clusterType: 'clusterForm.clusterType',
  description: 'clusterForm.description',
  visibility: 'clusterForm.visibility',
};

const text = (value: unknown): string => (typeof value === 'string' ? value : '');

/** Organisation names by id, from the events that carry them (for entries that do not). */
export function organisationNames(events: readonly AuditEvent[]): Map<string, string> {
  const names = new Map<string, string>();
  // Oldest first, so the latest name wins.
  for (const event of [...events].reverse()) {
    const id = text(event.payload.id);
    const name = text(event.payload.name);
    if (event.action.startsWith('organisation.') && id && name) names.set(id, name);
  }
  return names;
}

export function EventDescription({
  event,
  names,
}: {
  event: AuditEvent;
  names: ReadonlyMap<string, string>;
}) {
  const intl = useIntl();
  const labels = useLabels();
  const payload = event.payload;
  switch (event.action) {
    case 'cluster.created':
      return <FormattedMessage id="event.clusterCreated" values={{ name: text(payload.name) }} />;
    case 'cluster.profile_edited': {
      const changed = Object.keys((payload.changed as Record<string, unknown> | undefined) ?? {});
      const fields = changed
        .map((field) =>
          PROFILE_FIELD_LABELS[field] ? intl.formatMessage({ id: PROFILE_FIELD_LABELS[field] }) : field,
        )
        .map((label) => label.toLocaleLowerCase(intl.locale));
      return (
        <FormattedMessage
          id="event.profileEdited"
          values={{ fields: intl.formatList(fields, { type: 'conjunction' }), count: fields.length }}
        />
      );
    }
    case 'organisation.registered':
      return (
        <FormattedMessage
          id="event.organisationRegistered"
          values={{ name: text(payload.name), legalForm: labels.legalForm(text(payload.legalForm)) }}
        />
      );
    case 'organisation.edited':
      return <FormattedMessage id="event.organisationEdited" values={{ name: text(payload.name) }} />;
    case 'membership.changed': {
      const name =
        text(payload.organisation) ||
        names.get(text(payload.organisationId)) ||
        intl.formatMessage({ id: 'event.anOrganisation' });
      const from = text(payload.from) || null;
      const to = text(payload.to);
      const effectiveOn = text(payload.effectiveOn);
      return (
        <FormattedMessage
          id="event.membershipChanged"
          values={{
            name,
            change: intl.formatMessage({ id: membershipEventId(from, to) }),
            date: effectiveOn ? <CalendarDate value={effectiveOn} /> : '',
          }}
        />
      );
    }
    default:
      if (CLEARING_EVENTS.includes(event.action)) return <ClearingEvent event={event} />;
      if (CURRENCY_EVENTS.includes(event.action)) return <CurrencyEvent event={event} />;
      if (MARKETPLACE_EVENTS.includes(event.action)) return <MarketplaceEvent event={event} />;
      if (PARTICIPATION_EVENTS.includes(event.action)) return <ParticipationEvent event={event} />;
      if (BUDGETING_EVENTS.includes(event.action)) return <BudgetingEvent event={event} />;
      return (
        <FormattedMessage
          id="event.other"
          values={{ action: event.action, code: (chunks) => <code>{chunks}</code> }}
        />
      );
  }
}
