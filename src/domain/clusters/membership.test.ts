import { describe, expect, it } from 'vitest';
import {
  allowedTransitions,
  canTransition,
  isVotingMember,
  MEMBERSHIP_STATUSES,
  requiresReason,
} from './membership.ts';

describe('membership transitions', () => {
  it.each([
    ['applicant', 'active'],
    ['applicant', 'left'],
    ['active', 'suspended'],
    ['active', 'left'],
    ['suspended', 'active'],
    ['suspended', 'left'],
  ] as const)('allow %s → %s', (from, to) => {
    expect(canTransition(from, to)).toBe(true);
  });

  it('make leaving final', () => {
    for (const to of MEMBERSHIP_STATUSES) expect(canTransition('left', to)).toBe(false);
    expect(allowedTransitions('left')).toEqual([]);
  });

  it('never go back to applicant, nor stay in place', () => {
    for (const from of MEMBERSHIP_STATUSES) {
      expect(canTransition(from, 'applicant')).toBe(false);
      expect(canTransition(from, from)).toBe(false);
    }
  });

  it('ask a reason to suspend or end, not to admit', () => {
    expect(requiresReason('suspended')).toBe(true);
    expect(requiresReason('left')).toBe(true);
    expect(requiresReason('active')).toBe(false);
  });

  it('let only active members vote', () => {
    expect(MEMBERSHIP_STATUSES.filter(isVotingMember)).toEqual(['active']);
  });
});
