/**
 * Who may take part in a process. "Verified" means a person the cluster itself has vouched for: one
 * holding a role beyond the participant role residents give themselves by joining a public cluster
 * (coordinators, representatives of member organisations, mediators — the roles whose policy
 * includes `participation.take_part_verified`). Observers only watch.
 */
import { type ClusterRole, isAllowed } from '../clusters/roles.ts';

export const PARTICIPATION_LEVELS = ['inform', 'consult', 'involve', 'collaborate', 'empower'] as const;
export type ParticipationLevel = (typeof PARTICIPATION_LEVELS)[number];

export const WHO_MAY_TAKE_PART = ['signed_in', 'verified'] as const;
export type WhoMayTakePart = (typeof WHO_MAY_TAKE_PART)[number];

export function mayTakePart(
  rule: WhoMayTakePart,
  person: { readonly roles: readonly ClusterRole[]; readonly isPlatformAdmin: boolean },
): boolean {
  if (person.isPlatformAdmin) return true;
  if (rule === 'signed_in') return !(person.roles.length === 1 && person.roles[0] === 'observer');
  return isAllowed(person.roles, 'participation.take_part_verified');
}
