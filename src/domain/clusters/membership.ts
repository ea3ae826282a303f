/**
 * The membership life of an organisation in a cluster. A member organisation is a legal person;
 * history is kept as transitions, never rewritten.
 */
export const MEMBERSHIP_STATUSES = ['applicant', 'active', 'suspended', 'left'] as const;
export type MembershipStatus = (typeof MEMBERSHIP_STATUSES)[number];

const ALLOWED: Readonly<Record<MembershipStatus, readonly MembershipStatus[]>> = {
  applicant: ['active', 'left'],
  active: ['suspended', 'left'],
  suspended: ['active', 'left'],
  // Leaving is final: an organisation that returns applies again as a new membership.
  left: [],
};

export function canTransition(from: MembershipStatus, to: MembershipStatus): boolean {
  return ALLOWED[from].includes(to);
}

export function allowedTransitions(from: MembershipStatus): readonly MembershipStatus[] {
  return ALLOWED[from];
}

/** Suspending or ending a membership must say why; admission need not. */
export function requiresReason(to: MembershipStatus): boolean {
  return to === 'suspended' || to === 'left';
}

/** Only active members take part in votes; the weight is theirs to carry. */
export function isVotingMember(status: MembershipStatus): boolean {
  return status === 'active';
}
