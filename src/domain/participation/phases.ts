/**
 * A participatory process moves through dated phases; each phase opens some actions (propose,
 * support, comment, vote) and closes the rest. Which phase is current is derived from the dates and
 * the clock, never stored, so nobody has to remember to switch it.
 */

export const PHASE_KINDS = ['information', 'proposals', 'deliberation', 'voting', 'implementation'] as const;
export type PhaseKind = (typeof PHASE_KINDS)[number];

export const PHASE_ACTIONS = ['propose', 'support', 'comment', 'vote'] as const;
export type PhaseAction = (typeof PHASE_ACTIONS)[number];

export const MAX_PHASES = 10;

export interface Phase {
  readonly kind: PhaseKind;
  readonly startsAt: Date;
  readonly endsAt: Date;
  readonly allows: Readonly<Record<PhaseAction, boolean>>;
}

/** What each kind of phase opens unless the coordinator says otherwise. */
export function defaultActions(kind: PhaseKind): Record<PhaseAction, boolean> {
  return {
    propose: kind === 'proposals',
    support: kind === 'proposals' || kind === 'deliberation',
    comment: kind === 'proposals' || kind === 'deliberation',
    vote: kind === 'voting',
  };
}

export type PhasesProblem =
  | { readonly code: 'participation.phase_dates_invalid'; readonly index: number }
  | { readonly code: 'participation.phases_overlap'; readonly index: number };

/** Phases must each end after they start and must not overlap; gaps between them are allowed. */
export function checkPhases(phases: readonly Phase[]): PhasesProblem | null {
  const order = phases.map((phase, index) => ({ phase, index }));
  for (const { phase, index } of order) {
    if (phase.endsAt.getTime() <= phase.startsAt.getTime()) {
      return { code: 'participation.phase_dates_invalid', index };
    }
  }
  order.sort((a, b) => a.phase.startsAt.getTime() - b.phase.startsAt.getTime());
  for (let i = 1; i < order.length; i++) {
    const previous = order[i - 1];
    const next = order[i];
    if (previous && next && next.phase.startsAt.getTime() < previous.phase.endsAt.getTime()) {
      return { code: 'participation.phases_overlap', index: next.index };
    }
  }
  return null;
}

/** The phase whose [start, end) holds `now`, or null before, after and between phases. */
export function currentPhase<P extends Phase>(phases: readonly P[], now: Date): P | null {
  const at = now.getTime();
  return phases.find((phase) => phase.startsAt.getTime() <= at && at < phase.endsAt.getTime()) ?? null;
}

/** Whether the current phase opens the action. */
export function isOpenFor(phases: readonly Phase[], now: Date, action: PhaseAction): boolean {
  return currentPhase(phases, now)?.allows[action] === true;
}
