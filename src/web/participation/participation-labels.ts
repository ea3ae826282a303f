/** Words for participation's fixed vocabularies: phases, levels, states, alignments, statuses. */
import { useIntl } from 'react-intl';
import type { MessageId } from '../platform/i18n/message-ids.ts';

export function useParticipationLabels() {
  const intl = useIntl();
  const say = (prefix: string, value: string) =>
    intl.formatMessage({ id: `${prefix}.${value}` as MessageId });
  return {
    phase: (kind: string) => say('participation.phase', kind),
    level: (level: string) => say('participation.level', level),
    state: (state: string) => say('participation.state', state),
    alignment: (alignment: string) => say('participation.alignment', alignment),
    resultStatus: (status: string) => say('participation.resultStatus', status),
    format: (format: string) => say('participation.format', format),
    reason: (reason: string) => say('participation.reason', reason),
  };
}
