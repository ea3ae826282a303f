/**
 * What a membership change is called, from where it started and where it went: applicant → active
 * is an admission, suspended → active a reinstatement, and so on.
 */
import type { MessageId } from '../platform/i18n/message-ids.ts';

export function membershipActionId(from: string | null, to: string): MessageId {
  if (from === null) return 'membership.action.apply';
  if (to === 'active')
    return from === 'suspended' ? 'membership.action.reinstate' : 'membership.action.admit';
  if (to === 'suspended') return 'membership.action.suspend';
  if (to === 'left') return from === 'applicant' ? 'membership.action.decline' : 'membership.action.end';
  return 'membership.action.other';
}

/** The same change, told as something that happened (for the history). */
export function membershipEventId(from: string | null, to: string): MessageId {
  if (from === null) return 'membership.event.applied';
  if (to === 'active')
    return from === 'suspended' ? 'membership.event.reinstated' : 'membership.event.admitted';
  if (to === 'suspended') return 'membership.event.suspended';
  if (to === 'left') return from === 'applicant' ? 'membership.event.declined' : 'membership.event.ended';
  return 'membership.event.other';
}
