/** Participation's public events, told in plain words on the transparency page. */
import { FormattedMessage } from 'react-intl';
import type { AuditEvent } from '../transparency/audit-api.ts';
import { useParticipationLabels } from './participation-labels.ts';

export const PARTICIPATION_EVENTS = [
  'participation.process_opened',
  'participation.process_edited',
  'participation.phases_changed',
  'participation.proposal_answered',
  'participation.content_hidden',
  'participation.result_created',
  'participation.result_funded',
  'participation.result_milestone',
  'participation.meeting_planned',
  'participation.meeting_closed',
  'participation.survey_opened',
];

const text = (value: unknown): string => (typeof value === 'string' ? value : '');

export function ParticipationEvent({ event }: { event: AuditEvent }) {
  const labels = useParticipationLabels();
  const { payload } = event;
  const values = { title: text(payload.title) };
  switch (event.action) {
    case 'participation.process_opened':
      return (
        <FormattedMessage
          id="participation.event.processOpened"
          values={{ ...values, level: labels.level(text(payload.participationLevel)) }}
        />
      );
    case 'participation.process_edited':
      return <FormattedMessage id="participation.event.processEdited" values={values} />;
    case 'participation.phases_changed':
      return <FormattedMessage id="participation.event.phasesChanged" />;
    case 'participation.proposal_answered':
      return (
        <FormattedMessage
          id="participation.event.answered"
          values={{ ...values, state: labels.state(text(payload.answer)) }}
        />
      );
    case 'participation.content_hidden':
      return (
        <FormattedMessage
          id="participation.event.hidden"
          values={{ reason: labels.reason(text(payload.reason)) }}
        />
      );
    case 'participation.result_created':
      return <FormattedMessage id="participation.event.resultCreated" values={values} />;
    case 'participation.result_funded':
      return <FormattedMessage id="participation.event.resultFunded" values={values} />;
    case 'participation.result_milestone':
      return (
        <FormattedMessage
          id="participation.event.milestone"
          values={{ ...values, progress: Number(payload.progressPercent) || 0 }}
        />
      );
    case 'participation.meeting_planned':
      return <FormattedMessage id="participation.event.meetingPlanned" values={values} />;
    case 'participation.meeting_closed':
      return (
        <FormattedMessage
          id="participation.event.meetingClosed"
          values={{ count: Number(payload.attendeeCount) || 0 }}
        />
      );
    default:
      return <FormattedMessage id="participation.event.surveyOpened" values={values} />;
  }
}
