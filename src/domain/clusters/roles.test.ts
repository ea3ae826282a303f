import { describe, expect, it } from 'vitest';
import { CLUSTER_ACTIONS, CLUSTER_ROLES, isAllowed, POLICY } from './roles.ts';

describe('the policy table', () => {
  it('lets a coordinator do everything in their cluster', () => {
    for (const action of CLUSTER_ACTIONS) expect(isAllowed(['coordinator'], action)).toBe(true);
  });

  it('keeps role granting, invitations and profile edits with coordinators only', () => {
    for (const role of CLUSTER_ROLES.filter((r) => r !== 'coordinator')) {
      expect(isAllowed([role], 'role.grant')).toBe(false);
      expect(isAllowed([role], 'invitation.create')).toBe(false);
      expect(isAllowed([role], 'cluster.edit_profile')).toBe(false);
    }
  });

  it('does not show the people list to participants and observers, who may join by themselves', () => {
    expect(isAllowed(['participant'], 'person.list')).toBe(false);
    expect(isAllowed(['observer'], 'person.list')).toBe(false);
    expect(isAllowed(['mediator'], 'person.list')).toBe(true);
  });

  it('grants nothing to nobody', () => {
    for (const action of CLUSTER_ACTIONS) expect(isAllowed([], action)).toBe(false);
  });

  it('only names known actions', () => {
    for (const role of CLUSTER_ROLES)
      for (const action of POLICY[role]) expect(CLUSTER_ACTIONS).toContain(action);
  });
});
