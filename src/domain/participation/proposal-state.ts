/**
 * A proposal's life: published, then answered by the coordinator (under evaluation, then accepted or
 * rejected), or withdrawn by its authors before a final answer. Accepted and rejected are final:
 * the answer is the public record of what was decided and why.
 */

export const PROPOSAL_STATES = ['published', 'withdrawn', 'evaluating', 'accepted', 'rejected'] as const;
export type ProposalState = (typeof PROPOSAL_STATES)[number];

export const ANSWERS = ['evaluating', 'accepted', 'rejected'] as const;
export type Answer = (typeof ANSWERS)[number];

export const MODERATION_REASONS = ['spam', 'offensive', 'off_topic', 'personal_data', 'other'] as const;
export type ModerationReason = (typeof MODERATION_REASONS)[number];

export const isFinal = (state: ProposalState): boolean => state === 'accepted' || state === 'rejected';

/** Supports and new comments go to proposals still under consideration. */
export const isOpen = (state: ProposalState): boolean => state === 'published' || state === 'evaluating';

export const mayAnswer = (state: ProposalState): boolean => isOpen(state);

export const mayWithdraw = (state: ProposalState): boolean => isOpen(state);

/** Closing a proposal must say how public input changed the decision; evaluation need not yet. */
export const requiresInputEffect = (answer: Answer): boolean => answer !== 'evaluating';

/**
 * Authors may edit their proposal until somebody else has reacted to the text: the first support
 * or comment freezes it, so nobody supports or argues against words that later change.
 */
export function isEditable(proposal: {
  readonly state: ProposalState;
  readonly supportCount: number;
  readonly commentCount: number;
}): boolean {
  return proposal.state === 'published' && proposal.supportCount === 0 && proposal.commentCount === 0;
}
