/**
 * Roles and the one central policy table: which role may do which action in a cluster.
 * Every service method asks this table first; nothing else grants a right.
 */
export const CLUSTER_ROLES = [
  'coordinator',
  'representative',
  'participant',
  'mediator',
  'observer',
] as const;
export type ClusterRole = (typeof CLUSTER_ROLES)[number];

export const CLUSTER_ACTIONS = [
  'cluster.read_members_only',
  'cluster.edit_profile',
  'organisation.register',
  'organisation.edit',
  'organisation.read_private',
  'membership.transition',
  'representative.link',
  'person.list',
  'role.grant',
  'invitation.create',
  'invitation.list',
  'audit.read_private',
  'currency.manage',
  'currency.use',
  'marketplace.use',
  'marketplace.moderate',
  'clearing.record_invoice',
  'clearing.manage',
  'budgeting.manage',
  'budgeting.vote',
  'budgeting.assist',
  'participation.manage',
  'participation.take_part_verified',
] as const;
export type ClusterAction = (typeof CLUSTER_ACTIONS)[number];

// Residents may join a public cluster by themselves, so the people list (names and roles) is kept
// for those who act for the cluster, not for every participant.
export const POLICY: Readonly<Record<ClusterRole, readonly ClusterAction[]>> = {
  coordinator: CLUSTER_ACTIONS,
  // Representatives act with an organisation's wallet only under an active mandate for it; the
  // currency services check the mandate as well as this table.
  representative: [
    'cluster.read_members_only',
    'person.list',
    'organisation.read_private',
    'currency.use',
    'marketplace.use',
    'clearing.record_invoice',
    'budgeting.vote',
    'participation.take_part_verified',
  ],
  mediator: [
    'cluster.read_members_only',
    'person.list',
    'organisation.read_private',
    // Mediators staff polling stations: they enter paper ballots cast with one-time voting codes.
    'budgeting.vote',
    'budgeting.assist',
    'participation.take_part_verified',
  ],
  participant: ['cluster.read_members_only', 'budgeting.vote'],
  observer: ['cluster.read_members_only'],
};

/** Whether any of the person's roles in the cluster allows the action. */
export function isAllowed(roles: readonly ClusterRole[], action: ClusterAction): boolean {
  return roles.some((role) => POLICY[role].includes(action));
}
